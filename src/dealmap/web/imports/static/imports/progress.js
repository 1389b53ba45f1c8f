// While an import form is submitting, poll its progress URL and show sheet, rows done and a bar.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("import-form");
    var box = document.getElementById("import-progress");
    if (!form || !box) return;
    form.addEventListener("submit", function () {
      box.hidden = false;
      var bar = box.querySelector("progress");
      var label = box.querySelector("span");
      var url = form.getAttribute("data-progress-url");
      setInterval(function () {
        fetch(url, { credentials: "same-origin" })
          .then(function (r) { return r.json(); })
          .then(function (s) {
            if (!s.total) return;
            bar.value = Math.round((100 * s.done) / s.total);
            label.textContent = s.label + " " + s.done + " / " + s.total;
          })
          .catch(function () {});
      }, 500);
    });
  });
})();
