/* The Easy-Japanese check beside a text field, while typing. Every `.easy-check[data-for=ID]`
   box shows the report of the field with that id, fetched as the HTML fragment of
   POST /api/yasashii/check?format=html (the URL comes from this script tag's data-url).
   Listening on the document also covers fields a page adds later (a new row of a form). */
(function () {
  "use strict";
  var url = document.currentScript && document.currentScript.dataset.url;
  if (!url) return;
  var timers = {};
  function csrf() {
    var input = document.querySelector("[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (!field.id) return;
    var box = document.querySelector('.easy-check[data-for="' + field.id + '"]');
    if (!box) return;
    clearTimeout(timers[field.id]);
    timers[field.id] = setTimeout(function () {
      if (!field.value.trim()) { box.innerHTML = ""; return; }
      fetch(url + "?format=html", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf() },
        body: JSON.stringify({ text: field.value })
      }).then(function (r) { return r.ok ? r.text() : ""; })
        .then(function (html) { box.innerHTML = html; });
    }, 400);
  });
})();
