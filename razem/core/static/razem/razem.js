// Razem: small progressive enhancements. No inline scripts anywhere (CSP).
(function () {
  "use strict";
  // Buttons that change important data ask once more.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
  // Filters submit when a select changes, for keyboard and pointer alike.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (field.matches && field.matches("form.filters select[data-autosubmit]")) {
      field.form.requestSubmit();
    }
  });
})();
