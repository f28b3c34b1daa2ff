/* The book's own script (loaded by tools/book_extension.py).
 *
 * Accessible names for the widgets of the static explorations, which the Jupyter
 * widgets manager renders after the page has loaded:
 * - a frame image carries its description as a tooltip (ipywidgets has no alt
 *   trait, see qdbook/explore/_core.py); it becomes the image's alt text;
 * - a slider handle (role="slider") is named by its control's label.
 */
(function () {
  function name(root) {
    root.querySelectorAll("img.widget-image[title]:not([alt])").forEach(function (img) {
      img.setAttribute("alt", img.getAttribute("title"));
      img.removeAttribute("title");
    });
    root.querySelectorAll(".widget-slider [role='slider']:not([aria-label])").forEach(function (h) {
      var box = h.closest(".widget-slider");
      var label = box && box.querySelector(".widget-label");
      var text = label && label.textContent.trim();
      if (text) h.setAttribute("aria-label", text);
    });
  }
  function start() {
    name(document);
    new MutationObserver(function () { name(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
