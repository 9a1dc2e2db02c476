// Counts what is left in each field with a stated limit; the limit itself is written in the page, without JavaScript.
(function () {
  "use strict";
  var form = document.querySelector("form[data-counter-remaining]");
  if (!form) { return; }
  var lang = document.documentElement.lang || "fr";
  // Western digits in every language, as the server writes them.
  var numbers = new Intl.NumberFormat(lang + "-u-nu-latn");
  form.querySelectorAll("[data-limit]").forEach(function (field) {
    var limit = Number(field.getAttribute("data-limit"));
    var shown = document.createElement("p");
    shown.className = "counter";
    shown.setAttribute("aria-hidden", "true");
    // Screen readers hear the count once the typing pauses, not at every key.
    var spoken = document.createElement("p");
    spoken.className = "visually-hidden";
    spoken.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", shown);
    shown.insertAdjacentElement("afterend", spoken);
    var timer = null;
    function text() {
      // Characters as the server counts them (code points, a line break is one).
      var length = Array.from(field.value).length;
      var over = length > limit;
      shown.classList.toggle("counter--over", over);
      var template = form.getAttribute(over ? "data-counter-over" : "data-counter-remaining");
      return template.replace("{n}", numbers.format(Math.abs(limit - length)));
    }
    function update() {
      shown.textContent = text();
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { spoken.textContent = shown.textContent; }, 1000);
    }
    shown.textContent = text();
    field.addEventListener("input", update);
  });
})();
