/* The book's own script (loaded by tools/book_extension.py).
 *
 * Accessible names for the widgets of the static explorations, which the Jupyter
 * widgets manager renders after the page has loaded:
 * - the note under a static exploration lists one alternative text per frame
 *   (data-frame-alts, written by qdbook/explore/_core.py: ipywidgets' Image has
 *   no alt trait); each frame image of that exploration gets its text;
 * - a slider handle (role="slider") is named by its control's label.
 *
 * Search (search.html): results from the API reference rank below the chapter
 * pages (a physics word such as "Auger" also names a module), and the snippets
 * are taken from the prose: no buttons, contents lists, code, outputs or raw
 * TeX (inline math is shown by its plain reading, data-plain, written by
 * tools/book_extension.py).
 */
var Scorer = {
  score: function (result) {
    var docname = result[0], score = result[4];
    return /(^|\/)(api|genindex|py-modindex)$/.test(docname) ? score - 30 : score;
  },
  objNameMatch: 11, objPartialMatch: 6, objPrio: { 0: 15, 1: 5, 2: -5 }, objPrioDefault: 0,
  title: 15, partialTitle: 7, term: 5, partialTerm: 2,
};

function bookSearchText(htmlString, anchor) {
  var doc = new DOMParser().parseFromString(htmlString, "text/html");
  var main = doc.querySelector("article.bd-article") || doc.querySelector('[role="main"]');
  if (!main) return "";
  main.querySelectorAll("span.math[data-plain]").forEach(function (el) {
    el.replaceWith(doc.createTextNode(el.getAttribute("data-plain")));
  });
  [".headerlink", "script", "style", "nav", ".cell_input", ".cell_output pre", "img", "div.math",
   "div.highlight", ".admonition-title", "figure img", ".toctree-wrapper",
   ".section-number"].forEach(function (q) {
    main.querySelectorAll(q).forEach(function (el) { el.remove(); });
  });
  var part = anchor ? main.querySelector(anchor) : null;
  return ((part || main).textContent || "").replace(/\s+/g, " ").trim();
}
(function () {
  function name(root) {
    root.querySelectorAll("[data-frame-alts]").forEach(function (note) {
      var box = note.closest(".widget-vbox");
      var alts = JSON.parse(note.getAttribute("data-frame-alts"));
      var frames = box ? box.querySelectorAll("img.widget-image:not([alt])") : [];
      // The stack shows (and renders) one frame at a time: the one the slider's
      // readout names.
      var readout = box && box.querySelector(".widget-readout");
      var shown = readout ? readout.textContent.trim() : "";
      var alt = alts.filter(function (a) { return a.indexOf(" = " + shown + ": ") > 0; })[0];
      frames.forEach(function (img) { img.setAttribute("alt", alt || alts[0]); });
    });
    root.querySelectorAll(".widget-slider [role='slider']:not([aria-label])").forEach(function (h) {
      var box = h.closest(".widget-slider");
      var label = box && box.querySelector(".widget-label");
      var text = label && label.textContent.trim();
      if (text) h.setAttribute("aria-label", text);
    });
  }
  function start() {
    if (typeof Search !== "undefined" && Search.htmlToText) Search.htmlToText = bookSearchText;
    name(document);
    new MutationObserver(function () { name(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
