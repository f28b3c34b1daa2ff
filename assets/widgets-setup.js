/* Set-up for the widget manager of the static book; loaded after require.js and
 * before the Jupyter widgets HTML manager (see nb_ipywidgets_js in _config.yml).
 *
 * 1. The HTML manager finds its fonts relative to the AMD module
 *    "@jupyter-widgets/html-manager/dist/..."; map that name to the vendored
 *    copy in _static so nothing is requested from a CDN or a wrong path.
 * 2. The widgets typeset their labels with the MathJax 2 call
 *    MathJax.Hub.Queue(...); the book runs MathJax 3, which has no Hub. Give every
 *    object assigned to window.MathJax a small Hub whose Queue typesets with
 *    MathJax 3's typesetPromise.
 */
(function () {
  var root = document.documentElement.dataset.content_root || "./";
  if (window.require && window.require.config) {
    window.require.config({
      paths: { "@jupyter-widgets/html-manager/dist": root + "_static/vendor/html-manager" },
    });
  }

  function hub() {
    return {
      Queue: function (command) {
        var mathjax = window.MathJax;
        var element = command && command[2];
        if (mathjax && mathjax.typesetPromise && element) {
          mathjax.typesetPromise([element]).catch(function () {});
        }
      },
    };
  }
  var current = window.MathJax;
  if (current && typeof current === "object" && !current.Hub) current.Hub = hub();
  Object.defineProperty(window, "MathJax", {
    configurable: true,
    enumerable: true,
    get: function () { return current; },
    set: function (value) {
      current = value;
      if (value && typeof value === "object" && !value.Hub) value.Hub = hub();
    },
  });
})();
