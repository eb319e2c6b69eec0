/* LearnRight's only script of its own. A file, never inline: the Content
 * Security Policy allows scripts from this origin only (REQUIREMENTS F3).
 * Everything here is an enhancement: every page works without it. */
(function () {
  "use strict";

  // The trainers' note is closed on phones (the screen's own choices come
  // first, B3) and open where it sits in a side column beside the screen.
  function openTourNoteOnWideScreens() {
    if (!window.matchMedia("(min-width: 992px)").matches) {
      return;
    }
    document.querySelectorAll("details[data-open-wide]").forEach(function (note) {
      note.open = true;
    });
  }

  // A form that comes back with errors: the summary at the top says what is
  // wrong, and focus moves to the first field to fix.
  function focusFirstInvalidField() {
    var summary = document.querySelector("[data-error-summary]");
    var field = document.querySelector("main .is-invalid, main [aria-invalid='true']");
    if (field && typeof field.focus === "function") {
      field.focus();
    } else if (summary) {
      summary.focus();
    }
  }

  // "Send a new code": the seconds left until another code may be sent, then
  // the button comes back (REQUIREMENTS F1 allows one code a minute).
  function countDownResend() {
    document.querySelectorAll("[data-resend-after]").forEach(function (button) {
      var left = parseInt(button.getAttribute("data-resend-after"), 10);
      var wait = button.getAttribute("data-wait-template");
      var label = button.getAttribute("data-ready-label");
      if (!(left > 0) || !wait) {
        return;
      }
      button.disabled = true;
      var tick = function () {
        if (left <= 0) {
          button.disabled = false;
          button.textContent = label;
          return;
        }
        button.textContent = wait.replace("{seconds}", String(left));
        left -= 1;
        window.setTimeout(tick, 1000);
      };
      tick();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    openTourNoteOnWideScreens();
    focusFirstInvalidField();
    countDownResend();
  });
})();
