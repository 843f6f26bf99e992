// The check page's MRZ box: a document reader "types" each line and presses Enter; once
// the box holds a whole MRZ (2 lines of 44 or 36, or 3 of 30), Enter sends it. Ctrl+Enter
// always sends. Without JavaScript the "Check MRZ" button does the same.
(function () {
  "use strict";
  var box = document.getElementById("mrz");
  if (!box) { return; }
  var shapes = [[44, 44], [36, 36], [30, 30, 30]];

  function lines() {
    return box.value.split(/\r?\n/).map(function (line) { return line.trim(); })
      .filter(function (line) { return line.length > 0; });
  }

  function isWhole(found) {
    return shapes.some(function (shape) {
      return shape.length === found.length && shape.every(function (size, i) {
        return found[i].length === size;
      });
    });
  }

  box.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" || event.shiftKey) { return; }
    if (event.ctrlKey || event.metaKey || isWhole(lines())) {
      event.preventDefault();
      box.form.requestSubmit();
    }
  });
  if (box.value) { box.setSelectionRange(box.value.length, box.value.length); }
}());
