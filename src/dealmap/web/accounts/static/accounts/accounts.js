// Account pages: a refused share (422) comes back as the sharing section with its message, to show.
"use strict";
(function () {
  function configureHtmx() {
    if (!window.htmx) return;
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "422", swap: true, error: false },
      { code: "[45]..", swap: false, error: true }
    ];
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", configureHtmx);
  } else {
    configureHtmx();
  }
})();
