// DealMap's own script. No inline scripts anywhere: a Content-Security-Policy comes later.
"use strict";

// htmx requests carry Django's CSRF token from the page's <meta name="csrf-token">.
document.addEventListener("htmx:configRequest", function (event) {
  var meta = document.querySelector('meta[name="csrf-token"]');
  if (meta) {
    event.detail.headers["X-CSRFToken"] = meta.content;
  }
});

// A form marked js-confirm asks first (data-confirm holds the question); htmx or not.
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.classList.contains("js-confirm")) {
    if (!window.confirm(form.getAttribute("data-confirm") || "")) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }
}, true);
