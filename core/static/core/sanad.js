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
