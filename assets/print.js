/* Printing the book (tools/variants.py calls this before Chromium prints a page; a reader's
 * own print dialog triggers it through "beforeprint"). Display equations and tables wider
 * than the text column are scaled down to fit it, since on paper they cannot scroll.
 * Long code lines wrap by the print rules of assets/book.css.
 */
(function () {
  "use strict";
  function fit() {
    var wide = document.querySelectorAll(
      'mjx-container[display="true"], .pst-scrollable-table-container > table, .table-wrapper > table');
    wide.forEach(function (el) {
      el.style.zoom = "";
      var box = el.parentElement.getBoundingClientRect().width;
      var content = el.tagName === "TABLE" ? el.scrollWidth : el.firstElementChild
        ? el.firstElementChild.getBoundingClientRect().width : el.scrollWidth;
      if (box > 0 && content > box + 1) {
        el.style.zoom = String(Math.max(0.5, (box - 2) / content));
      }
    });
    return wide.length;
  }
  window.qdbookFitForPrint = fit;
  window.addEventListener("beforeprint", fit);
  window.addEventListener("afterprint", function () {
    document.querySelectorAll('mjx-container[display="true"], table').forEach(function (el) {
      el.style.zoom = "";
    });
  });
})();
