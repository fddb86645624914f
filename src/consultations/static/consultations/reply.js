// Insert the chosen FAQ answer into the reply where the cursor is, without reloading the page.
// Without JavaScript the "insert" button posts the form and the server adds the answer instead.
document.querySelectorAll("form[data-reply]").forEach((form) => {
  const button = form.querySelector("[data-insert]");
  const select = form.querySelector("select[name=faq_answer]");
  const text = form.querySelector("textarea[name=text]");
  if (!button || !select || !text) return;
  button.addEventListener("click", (event) => {
    event.preventDefault();
    const answer = select.selectedOptions[0]?.dataset.answer || "";
    const at = text.selectionStart ?? text.value.length;
    const before = text.value.slice(0, at).replace(/\s*$/, "");
    const after = text.value.slice(at);
    const joined = before ? `${before}\n\n${answer}` : answer;
    text.value = joined + (after.trim() ? `\n\n${after.replace(/^\s*/, "")}` : "");
    text.focus();
    text.setSelectionRange(joined.length, joined.length);
  });
});
