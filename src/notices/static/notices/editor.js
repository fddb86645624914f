/* The notice editor without reloads: add a row, move rows up and down, check Easy Japanese
   while typing. Without this file the same form works through its submit buttons. */
(function () {
  "use strict";
  var form = document.getElementById("notice-editor");
  if (!form) return;

  function rows(list) {
    return Array.prototype.filter.call(list.children, function (li) { return li.classList.contains("part-row"); });
  }

  function renumber(list) {
    var prefix = list.dataset.prefix;
    var template = document.getElementById("empty-" + prefix);
    var pattern = template.content.querySelector("[data-title]").textContent;
    var all = rows(list);
    all.forEach(function (li, index) {
      var n = String(index + 1);
      li.querySelector("[data-title]").textContent = pattern.replace("__n__", n);
      var order = li.querySelector("input.order");
      if (order) order.value = n;
      li.querySelectorAll("button.move").forEach(function (b) {
        b.setAttribute("aria-label", b.textContent + " — " + pattern.replace("__n__", n));
        // Nowhere to go: the first row cannot move up, the last cannot move down.
        b.disabled = b.dataset.move === "up" ? index === 0 : index === all.length - 1;
      });
    });
  }

  function addMoveButtons(li) {
    var tools = li.querySelector(".row-tools");
    [["up", form.dataset.moveUp], ["down", form.dataset.moveDown]].forEach(function (pair) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "move";
      b.dataset.move = pair[0];
      b.textContent = pair[1];
      tools.appendChild(b);
    });
  }

  document.querySelectorAll("ol.rows").forEach(function (list) {
    rows(list).forEach(addMoveButtons);
    renumber(list);
  });

  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.dataset.move) {
      var li = button.closest("li.part-row");
      var list = li.parentNode;
      var other = button.dataset.move === "up" ? li.previousElementSibling : li.nextElementSibling;
      if (!other) return;
      if (button.dataset.move === "up") list.insertBefore(li, other);
      else list.insertBefore(other, li);
      renumber(list);
      (button.disabled ? li.querySelector("button.move:not([disabled])") : button).focus();
    } else if (button.dataset.add) {
      event.preventDefault();
      var prefix = button.dataset.add;
      var total = form.querySelector("[name=" + prefix + "-TOTAL_FORMS]");
      var list2 = form.querySelector("ol.rows[data-prefix=" + prefix + "]");
      var html = document.getElementById("empty-" + prefix).innerHTML.replace(/__prefix__/g, total.value);
      list2.insertAdjacentHTML("beforeend", html);
      total.value = String(Number(total.value) + 1);
      var added = list2.lastElementChild;
      addMoveButtons(added);
      renumber(list2);
      var first = added.querySelector("textarea, input:not([type=hidden]), select");
      if (first) first.focus();
    }
  });

  // The Easy-Japanese check while typing is writing/inline_check.js, shared with the
  // translator's editor.
})();

/* The checklist: follow a machine-translation job and reload when it ends. */
(function () {
  "use strict";
  var job = document.getElementById("job");
  if (!job || job.dataset.finished === "1") return;
  function poll() {
    fetch(job.dataset.url, { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (d) {
      job.querySelector("progress").value = d.percent;
      job.querySelector("span").textContent = d.message;
      if (d.finished) location.reload(); else setTimeout(poll, 2000);
    });
  }
  setTimeout(poll, 2000);
})();
