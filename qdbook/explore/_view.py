"""The exploration's figure in a kernel (JupyterLab, Binder), drawn by the browser.

:class:`FigureView` is an `anywidget <https://anywidget.dev>`_ widget. It carries the
figure description (:class:`qdbook.explore._figure.Figure`, as JSON) once and is drawn with
the same script and plotting library as the static book (``assets/qd-explore.js`` on the
vendored uPlot), so the kernel never renders an image while the reader moves a slider.
Where the numbers come from depends on the exploration's browser model:

* a *formula* (closed forms of the registry): the view also carries the generated code,
  as the static page does, and listens to the controls' models in the browser; a move is
  computed and drawn in the page without waiting for the kernel (which still runs the
  model, so that ``Exploration.result`` follows the controls);
* otherwise (a table: a solver): after every change of a control the kernel sends the
  model's flat result (:func:`~qdbook.explore._figure.flatten`, only the keys the figure
  reads) with the settings it belongs to, and the browser draws it: a move costs the model
  call, a message of numbers and a redraw. Once the exploration is shown, the kernel also
  builds the static page's table in a background thread and sends it
  (:func:`~qdbook.explore._browser.kernel_table`); from then on a setting on the table's
  grid is drawn from it in the page at once, and the kernel sends numbers only for
  settings between grid points. For those the page first draws the table's nearest grid
  point, as the static page does, with a note saying so (``data-qd-source="nearest"``),
  and replaces it with the kernel's numbers when they arrive: the figure follows the
  slider within a frame, and the exact numbers follow one kernel round trip later.

The script is read from the book's ``assets/`` folder, beside the package in the
repository (the package is installed from it in editable mode by ``make env`` and by
Binder's ``requirements.txt``).
"""

from __future__ import annotations

import functools
import itertools
import math
from pathlib import Path

import anywidget
import numpy as np
import traitlets

from ._browser import _jsonable, on_grid

ASSETS = Path(__file__).resolve().parents[2] / "assets"
SCRIPTS = ("vendor/uplot/uPlot.iife.min.js", "qd-explore.js")
STYLES = ("vendor/uplot/uPlot.min.css", "qd-explore.css")

# The widget's module: the two scripts (uPlot defines the global-like ``uPlot`` binding
# in the module's scope, qd-explore.js sets ``window.qdExplore``), then the view.
_RENDER = """
export default {
  async render({ model, el }) {
    const api = window.qdExplore;
    const root = document.createElement("div");
    root.className = "qd-exploration qd-live qd-kernel";
    const heading = document.createElement("div");
    heading.className = "qd-figure-title";
    heading.setAttribute("aria-live", "polite");
    const figEl = document.createElement("div");
    figEl.className = "qd-figure";
    figEl.setAttribute("role", "img");
    figEl.setAttribute("aria-label", model.get("alt"));
    const note = document.createElement("div");
    note.className = "qd-note";
    note.setAttribute("aria-live", "polite");
    root.append(heading, figEl, note);
    el.appendChild(root);
    // a formula: the browser computes the figure from the controls' models as they move
    // (their models first: the plot must have numbers as soon as it exists)
    const local = model.get("local");
    const formula = Boolean(local && local.code);
    const controls = formula ? await Promise.all(local.controls.map(
      (c) => model.widget_manager.get_model(c.id))) : [];
    const plot = api.figure(figEl, heading, model.get("figure"));
    root.qdPlot = plot;   // what is drawn (plot.state.flat), for tests
    const shown = (k, t0) => {
      root.qdDrawMs = performance.now() - t0;   // the browser's share of an update (bench)
      root.dataset.qdDrawn = String(k);         // how many draws so far (tests, bench)
    };
    let off = () => {};
    let n = 0, previews = 0;
    // the settings of controls read in the page ([{name, kind, options}], their models)
    const settings = (specs, models) => {
      const values = {};
      specs.forEach((c, j) => {
        values[c.name] = c.kind === "select" ? c.options[models[j].get("index")].value
                                             : models[j].get("value");
      });
      return values;
    };
    const drawn = (flat, source, values, grid, t0) => {
      plot.draw(flat);
      note.textContent = source !== "nearest" ? "" : "Between grid points: the nearest " +
        "computed setting is shown until the kernel's numbers arrive.";
      root.dataset.qdSource = source;         // formula, table, nearest or kernel (tests, bench)
      if (source === "nearest") root.dataset.qdPreviews = String(++previews);
      root.qdValues = values;                 // the settings drawn, and a table's grid point
      root.qdShown = grid;
      shown(++n, t0);
    };
    if (formula) {
      const compute = api.formulaModel(local, new Function("return (" + local.code + ");")());
      root.dataset.qdModel = local.model;
      const draw = () => {
        const t0 = performance.now(), values = settings(local.controls, controls);
        drawn(compute(values).flat, "formula", values, null, t0);
      };
      draw();
      controls.forEach((m) => m.on("change:value change:index", draw));
      off = () => controls.forEach((m) => m.off("change:value change:index", draw));
    } else {
      // the kernel's numbers; once the kernel has sent its table (built after the view is
      // shown), a setting on the table's grid is drawn from it at once, one between grid
      // points from its nearest grid point until the kernel's numbers arrive; those carry
      // the settings they belong to and are drawn only if they still match the controls
      // (an older move's numbers are dropped)
      let table = null, models = [];
      const same = (a, b) => Object.keys(a).every((k) => a[k] === b[k]);
      const fromKernel = () => {
        const t0 = performance.now(), result = model.get("result");
        if (table && result.values && !same(result.values, settings(table.controls, models)))
          return;
        drawn(result.flat, "kernel", result.values || null, null, t0);
      };
      const fromTable = () => {
        const t0 = performance.now(), values = settings(table.controls, models);
        const out = table.compute(values);
        // the kernel's numbers for these very settings are drawn already (they came first)
        if (out.offGrid && root.dataset.qdSource === "kernel" && root.qdValues &&
            same(root.qdValues, values)) return;
        drawn(out.flat, out.offGrid ? "nearest" : "table", values, out.shown, t0);
      };
      const useTable = async () => {
        const spec = model.get("local");
        if (table || !spec || !spec.table) return;
        models = await Promise.all(spec.controls.map((c) => model.widget_manager.get_model(c.id)));
        table = { controls: spec.controls, compute: api.tableModel(spec) };
        root.dataset.qdModel = spec.model;
        models.forEach((m) => m.on("change:value change:index", fromTable));
        fromTable();
      };
      fromKernel();
      model.on("change:result", fromKernel);
      model.on("change:local", useTable);
      useTable();
      off = () => {
        model.off("change:result", fromKernel);
        model.off("change:local", useTable);
        models.forEach((m) => m.off("change:value change:index", fromTable));
      };
    }
    // the panels fit the output area's width once it has one, and follow it
    const observer = new ResizeObserver(() => plot.layout());
    observer.observe(figEl);
    return () => { observer.disconnect(); off(); };
  },
};
"""


@functools.cache
def _asset_text(names: tuple[str, ...]) -> str:
    missing = [n for n in names if not (ASSETS / n).is_file()]
    if missing:
        raise FileNotFoundError(
            f"FigureView needs the book's scripts {missing} in {ASSETS}; install qdbook from "
            f"the book's repository in editable mode (make env) so that assets/ is beside it")
    return "\n".join((ASSETS / n).read_text(encoding="utf-8") for n in names)


def json_numbers(value):
    """A flat result's value as JSON data: arrays to lists, NaN and ±inf to None (not drawn)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        x = float(arr)
        return x if math.isfinite(x) else None
    return [x if math.isfinite(x) else None for x in arr.tolist()]


class FigureView(anywidget.AnyWidget):
    """The browser-drawn figure of an exploration; :meth:`show` sends a result's numbers.

    Parameters
    ----------
    figure : Figure
        The exploration's figure description.
    result : dict
        The model's result to show first.
    alt : str, optional
        What the figure shows, for screen readers.
    """

    figure = traitlets.Dict().tag(sync=True)
    result = traitlets.Dict().tag(sync=True)
    alt = traitlets.Unicode("").tag(sync=True)
    local = traitlets.Dict().tag(sync=True)
    """A formula's code, grids, constants and controls (:func:`._browser.kernel_formula`):
    the browser computes each move itself, and :meth:`show` sends nothing. Or a table and
    the controls (:func:`._browser.kernel_table`): :meth:`show` sends nothing for a setting
    on its grid. Empty: the kernel sends the numbers."""

    def __init__(self, figure, result: dict, *, alt: str = "", local: dict | None = None):
        from ._figure import flatten

        self._flatten, self._keys = flatten, sorted(figure.keys())
        self._count = itertools.count(1)
        # anywidget turns these attributes into the widget's module and style sheet when
        # they exist before its __init__ (read here, not at import: a kernel that never
        # shows an exploration does not read the scripts)
        self._esm, self._css = _asset_text(SCRIPTS) + _RENDER, _asset_text(STYLES)
        super().__init__(figure=figure.to_json(), alt=alt, result=self._message(result),
                         local=local or {})

    def _message(self, result: dict, values: dict | None = None) -> dict:
        flat = self._flatten(result)
        missing = [k for k in self._keys if k not in flat]
        if missing:
            raise ValueError(f"result: the figure reads keys the model did not give: {missing}")
        # n numbers the updates, so that every one reaches the page (an equal dict would not)
        message = {"n": next(self._count), "flat": {k: json_numbers(flat[k]) for k in self._keys}}
        if values is not None:   # the settings the numbers belong to (the page drops old ones)
            message["values"] = {k: _jsonable(v) for k, v in values.items()}
        return message

    def show(self, result: dict, values: dict | None = None) -> None:
        """Send ``result`` (the model's output at the controls' ``values``) to the page.

        Nothing is sent for a formula (``local``), nor for a setting on the grid of a table
        the page holds: the page has drawn it already.
        """
        local = self.local
        if local.get("code") or (local.get("table") and values is not None
                                 and on_grid(local["table"], values)):
            return
        self.result = self._message(result, values)
