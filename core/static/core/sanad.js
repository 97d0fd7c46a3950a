// Small improvements for browsers that run scripts; every page works without them.
(function () {
  "use strict";

  // A link with data-fill-target puts its data-fill-text into that box, without leaving
  // the page (a reply template into the reply): text already typed is kept above it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-fill-target]");
    if (!link) { return; }
    var box = document.getElementById(link.getAttribute("data-fill-target"));
    if (!box) { return; }
    event.preventDefault();
    var text = link.getAttribute("data-fill-text");
    var kept = box.value.replace(/\s+$/, "");
    box.value = kept ? kept + "\n\n" + text : text;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  });
})();

// A refused page's error summary takes the focus. "autofocus" does it, except on an
// address that ends in a #fragment: browsers then scroll to the fragment instead.
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) {
    summary.focus();
  }
})();

// A running total (data-total-of="PREFIX") of a formset's amounts as they are typed, in
// any digit script, against the amount asked (data-requested): the sentence that fits
// (data-when) is shown and its numbers (data-n) filled in.
(function () {
  "use strict";
  var DIGITS = { "٠": 0, "١": 1, "٢": 2, "٣": 3, "٤": 4, "٥": 5, "٦": 6, "٧": 7, "٨": 8, "٩": 9,
    "۰": 0, "۱": 1, "۲": 2, "۳": 3, "۴": 4, "۵": 5, "۶": 6, "۷": 7, "۸": 8, "۹": 9 };

  function amount(text) {
    var western = String(text).replace(/[٠-٩۰-۹]/g, function (d) { return DIGITS[d]; })
      .replace(/٫/g, ".").replace(/[\s,٬'’_]|egp|le|جنيه[اات]*|ج\.?\s?م\.?/gi, "");
    var value = parseFloat(western);
    return isFinite(value) && value > 0 ? value : 0;
  }

  function shown(value) {
    return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  function update(panel) {
    var form = panel.closest("form");
    var prefix = panel.getAttribute("data-total-of");
    var total = 0;
    form.querySelectorAll("input[name^='" + prefix + "-'][name$='-amount']").forEach(function (box) {
      total += amount(box.value);
    });
    var requested = panel.getAttribute("data-requested");
    var left = requested === "" ? null : parseFloat(requested) - total;
    var when = left === null ? "none" : Math.abs(left) < 0.005 ? "equal" : left > 0 ? "under" : "over";
    panel.querySelectorAll("[data-when]").forEach(function (sentence) {
      sentence.hidden = sentence.getAttribute("data-when") !== when;
    });
    var numbers = { total: total, left: left || 0, over: left === null ? 0 : -left };
    panel.querySelectorAll("[data-n]").forEach(function (slot) {
      slot.textContent = shown(numbers[slot.getAttribute("data-n")]);
    });
  }

  document.addEventListener("input", function (event) {
    var form = event.target.form;
    if (!form) { return; }
    form.querySelectorAll("[data-total-of]").forEach(update);
  });
})();
