"""Explorations computed in the reader's browser on the static book.

An exploration with a browser model is shown on the static page as one HTML
block: native, labelled controls (``<input type=range>``, ``<select>``), the
figure description of :mod:`qdbook.explore._figure` as JSON, the model, and the
default PNG for readers without JavaScript. ``assets/qd-explore.js`` (generic,
no physics) wires them together. Two kinds of model:

:class:`Formula`
    JavaScript generated at build time by sympy's JavaScript printer from
    expressions built out of the registry's forms (:func:`qdbook.equations.form`),
    with the unit conversions of :mod:`qdbook.units`. Keys of the result that
    no control changes are shipped as numbers (the Python model's own values).
:class:`Table`
    For models that need a solver: the Python model evaluated at build time on
    a grid of *all* its controls; the numbers (float32, base64) are drawn as they
    are. The page's sliders step through the grid values (each position is a
    computed setting; a value set between them, e.g. by a script, is drawn at the
    nearest grid point with a note saying so). Keys that do not depend on a
    control are stored without that axis.
"""

from __future__ import annotations

import base64
import html
import inspect
import itertools
import json
from dataclasses import dataclass, field

import ipywidgets as widgets
import numpy as np

from ._figure import flatten

TABLE_BUDGET_BYTES = 450_000
"""Upper bound on the base64 data of one table exploration (the page stays ≤ 1.55 MB)."""


# ------------------------------------------------------------------ controls
def control_json(name: str, control) -> dict:
    """A widget as the browser's control: kind, range, step, value, label, readout format."""
    base = {"name": name, "label": control.description}
    if not hasattr(control, "options"):
        base["default"] = _jsonable(control.value)
    if isinstance(control, widgets.FloatLogSlider):
        return {**base, "kind": "log", "base": control.base, "min": control.min,
                "max": control.max, "step": control.step,
                "value": float(np.log(control.value) / np.log(control.base)),
                "format": control.readout_format}
    if isinstance(control, widgets.IntSlider):
        return {**base, "kind": "range", "min": control.min, "max": control.max,
                "step": control.step, "value": control.value, "format": "d"}
    if isinstance(control, widgets.FloatSlider):
        return {**base, "kind": "range", "min": control.min, "max": control.max,
                "step": control.step, "value": control.value,
                "format": control.readout_format}
    if hasattr(control, "options"):
        opts = [o if isinstance(o, tuple) else (str(o), o) for o in control.options]
        return {**base, "kind": "select", "value": control.value,
                "options": [{"label": str(lab), "value": _jsonable(v)} for lab, v in opts]}
    raise ValueError(f"control must be a slider or a dropdown, got {type(control).__name__}")


def _jsonable(v):
    return v.item() if isinstance(v, np.generic) else v


def browser_value(cj: dict, position):
    """The value the browser's control gives at slider position (or option index) ``position``.

    The same arithmetic as qd-explore.js (a log slider's value is ``base ** position``).
    """
    if cj["kind"] == "select":
        return cj["options"][int(position)]["value"]
    if cj["kind"] == "index":
        return cj["values"][int(position)]
    if cj["kind"] == "log":
        return float(cj["base"]) ** float(position)
    return type(cj["value"])(position) if cj["format"] == "d" else float(position)


def _control_html(uid: str, cj: dict) -> str:
    cid = f"{uid}-{cj['name']}"
    label = f'<label for="{cid}">{html.escape(cj["label"])}</label>'
    if cj["kind"] == "select":
        opts = "".join(f'<option value="{k}"{" selected" if o["value"] == cj["value"] else ""}>'
                       f'{html.escape(o["label"])}</option>'
                       for k, o in enumerate(cj["options"]))
        field_ = f'<select id="{cid}">{opts}</select>'
        out = ""
    else:
        field_ = (f'<input type="range" id="{cid}" min="{cj["min"]!r}" max="{cj["max"]!r}" '
                  f'step="{cj["step"]!r}" value="{cj["value"]!r}">')
        out = f'<output id="{cid}-value" for="{cid}"></output>'
    return f'<div class="qd-control">{label}{field_}{out}</div>'


# ------------------------------------------------------------------ formula models
def symbol(name: str):
    """The sympy symbol of a control, a model parameter or a grid (by name)."""
    import sympy as sp
    return sp.Symbol(name, real=True)


def relation(relation_id: str, **values):
    """The registered form of ``relation_id`` with its symbols replaced by name.

    ``values`` are expressions of controls, with unit conversions from
    :func:`qdbook.units.convert`.
    """
    import sympy as sp

    from ..equations import form

    expr = form(relation_id)
    if isinstance(expr, sp.Equality):
        raise ValueError(f"relation_id must name a closed form, {relation_id!r} is an equation")
    unknown = set(values) - {s.name for s in expr.free_symbols}
    if unknown:
        raise ValueError(f"{relation_id} has no symbol(s) {sorted(unknown)}; its symbols are "
                         f"{sorted(s.name for s in expr.free_symbols)}")
    return expr.xreplace({s: sp.sympify(values[s.name]) for s in expr.free_symbols
                          if s.name in values})


@dataclass
class Formula:
    """Result keys as sympy expressions of the controls (and of at most one grid symbol each).

    Parameters
    ----------
    outputs : dict of str → sympy expression
        Built from registered forms; free symbols are control names, model
        parameters (fixed at the model's defaults) or the name of a grid.
    grids : dict of str → array
        Fixed grids an output is evaluated over, element by element.
    """

    outputs: dict
    grids: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)
    """Per dropdown control: option → {symbol name: number} (e.g. a material's masses)."""
    passthrough: dict = field(default_factory=dict)
    """Result key → control name, for a dropdown's value (a string) shown as it is."""

    def javascript(self, controls: dict, defaults: dict) -> str:
        """``function (c, G, M) { ... return out; }`` — c: control values, G: grids."""
        import sympy as sp
        from sympy.printing.jscode import JavascriptCodePrinter

        from ..equations import CONSTANTS

        constants = {s.name: v for s, v in CONSTANTS.items()}
        printer = JavascriptCodePrinter({"user_functions": {"factorial": "M.factorial"},
                                         "precision": 17})
        option_symbols = {name: control for control, table in self.options.items()
                          for values in table.values() for name in values}
        lines = ["function (c, G, M) {", "  var out = {};",
                 f"  var P = {json.dumps(self.options, allow_nan=False)};"]
        for key, control in self.passthrough.items():
            lines.append(f"  out[{json.dumps(key)}] = c[{json.dumps(control)}];")
        for key, expr in self.outputs.items():
            expr = sp.sympify(expr)
            subs = {}
            for s in expr.free_symbols:
                if s.name in controls or s.name in self.grids or s.name in option_symbols:
                    continue
                if s.name in constants:
                    subs[s] = sp.Float(constants[s.name], 17)
                elif s.name in defaults:
                    subs[s] = sp.Float(defaults[s.name], 17)
                else:
                    raise ValueError(f"formula for {key!r}: symbol {s.name!r} is neither a "
                                     f"control, a grid, a constant nor a model parameter")
            expr = expr.xreplace(subs)
            names = {s.name for s in expr.free_symbols}
            grid = sorted(names & set(self.grids))
            if len(grid) > 1:
                raise ValueError(f"formula for {key!r} runs over more than one grid: {grid}")
            decl = "".join(f"var {n} = c[{json.dumps(n)}]; " for n in sorted(names & set(controls)))
            decl += "".join(f"var {n} = P[{json.dumps(option_symbols[n])}][c["
                            f"{json.dumps(option_symbols[n])}]][{json.dumps(n)}]; "
                            for n in sorted(names & set(option_symbols)))
            code = printer.doprint(expr)
            if grid:
                g = grid[0]
                lines.append(f"  out[{json.dumps(key)}] = G[{json.dumps(g)}].map(function ({g}) "
                             f"{{ {decl}return {code}; }});")
            else:
                lines.append(f"  out[{json.dumps(key)}] = (function () {{ {decl}return "
                             f"{code}; }})();")
        lines += ["  return out;", "}"]
        return "\n".join(lines)


# ------------------------------------------------------------------ table models
def steps(widget, step=None) -> list:
    """Values of a slider from its minimum to its maximum every ``step`` (its own by default).

    For a log slider ``step`` is in the exponent; the values are ``base ** exponent``.
    Used for the static page's tables, so that they follow the slider's range.

    >>> import ipywidgets as widgets
    >>> steps(widgets.FloatSlider(value=4.0, min=2.0, max=9.0, step=0.5), 1.0)
    [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]
    """
    step = widget.step if step is None else step
    n = int(round((widget.max - widget.min) / step))
    if isinstance(widget, widgets.IntSlider):
        return [int(widget.min + k * step) for k in range(n + 1)]
    if isinstance(widget, widgets.FloatLogSlider):
        # Python's float power, as the browser's (``_browser.browser_value``)
        return [float(widget.base) ** float(widget.min + k * step) for k in range(n + 1)]
    return [float(np.round(widget.min + k * step, 10)) for k in range(n + 1)]


@dataclass
class Table:
    """The model on a grid of all controls.

    Parameters
    ----------
    grid : dict of str → list, optional
        Grid values per control; by default every option of a dropdown and
        ``points`` evenly spaced values of a slider (its default included).
    points : int
        Default number of grid values per slider.
    steps : dict of str → float or None, optional
        Sliders whose grid runs over their whole range every given step (None: the
        slider's own step), as :func:`steps` gives it.
    """

    grid: dict = field(default_factory=dict)
    points: int = 6
    steps: dict = field(default_factory=dict)

    def axes(self, controls: dict, defaults: dict | None = None) -> dict:
        """Grid values per control, each including the control's default.

        The default is the control's value, or ``defaults[name]`` (a kernel's controls may
        have moved since the exploration began).
        """
        out = {}
        for name, control in controls.items():
            if name in self.grid:
                values = list(self.grid[name])
            elif name in self.steps:
                values = steps(control, self.steps[name])
            elif hasattr(control, "options") and not isinstance(control, widgets.FloatSlider):
                values = [o[1] if isinstance(o, tuple) else o for o in control.options]
            else:
                n = self.points
                if isinstance(control, widgets.FloatLogSlider):
                    exps = [control.min + round((x - control.min) / control.step) * control.step
                            for x in np.linspace(control.min, control.max, n)]
                    values = [float(control.base ** x) for x in exps]
                else:
                    values = list(np.linspace(control.min, control.max, n))
                    if isinstance(control, widgets.IntSlider):
                        values = sorted({int(round(v)) for v in values})
                    else:
                        # on the slider's own steps, so the browser can land on them exactly
                        values = [float(control.min + round((v - control.min) / control.step)
                                        * control.step) for v in values]
            default = control.value if defaults is None else defaults[name]
            if default not in values:
                k = int(np.argmin([abs(float(v) - float(default)) for v in values]))
                values[k] = default
            out[name] = [_jsonable(v) for v in values]
        return out

    def build(self, model, controls: dict, keys: set[str], defaults: dict | None = None) -> dict:
        """Evaluate the model on the grid; the figure's keys, compressed by their dependence."""
        axes = self.axes(controls, defaults)
        names = list(axes)
        shape = [len(axes[n]) for n in names]
        flats = [flatten(model(**dict(zip(names, combo, strict=True))))
                 for combo in itertools.product(*(axes[n] for n in names))]
        out, total = {}, 0
        for key in sorted(keys):
            values = [f[key] for f in flats]
            if isinstance(values[0], str):
                arr = np.array(values, dtype=object).reshape(shape)
                dims = [n for j, n in enumerate(names)
                        if not np.all(arr == np.take(arr, [0], axis=j))]
                for j in reversed(range(len(names))):
                    if names[j] not in dims:
                        arr = np.take(arr, 0, axis=j)
                out[key] = {"dims": dims, "str": [str(v) for v in np.ravel(arr)]}
                continue
            width = max(np.size(v) for v in values)
            scalar = all(np.ndim(v) == 0 for v in values)
            padded = np.full((len(values), width), np.nan)
            for k, v in enumerate(values):
                flat_v = np.ravel(np.asarray(v, dtype=float))
                padded[k, :flat_v.size] = flat_v
            arr = padded.reshape(*shape, width)
            dims = []
            for j, n in enumerate(names):
                ref = np.take(arr, [0], axis=j)
                if not np.array_equal(arr, np.broadcast_to(ref, arr.shape), equal_nan=True):
                    dims.append(n)
            for j in reversed(range(len(names))):
                if names[j] not in dims:
                    arr = np.take(arr, 0, axis=j)
            raw = np.ascontiguousarray(arr, dtype="<f4").tobytes()
            b64 = base64.b64encode(raw).decode("ascii")
            total += len(b64)
            out[key] = {"dims": dims, "size": width, "scalar": scalar, "b64": b64}
        if total > TABLE_BUDGET_BYTES:
            grid = dict(zip(names, shape, strict=True))
            raise ValueError(f"table data of {total} bytes exceed TABLE_BUDGET_BYTES "
                             f"({TABLE_BUDGET_BYTES}); grid {grid}: lower the points")
        return {"grid": axes, "keys": out, "bytes": total, "points": int(np.prod(shape)),
                "rtol": GRID_RTOL}


GRID_RTOL = 1e-9
"""A control's value is on a table's grid when it lies within GRID_RTOL × max(1, |value|) of
a grid value (qd-explore.js reads it from the table, :func:`on_grid` uses it in a kernel)."""


def on_grid(table: dict, values: dict) -> bool:
    """Whether every control's value in ``values`` is one of the ``table``'s grid values.

    The test qd-explore.js makes (a dropdown's value must be equal).
    """
    for name, grid in table["grid"].items():
        v = _jsonable(values[name])
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            tol = table["rtol"] * max(1.0, abs(v))
            if not any(abs(g - v) <= tol for g in grid if isinstance(g, (int, float))):
                return False
        elif v not in grid:
            return False
    return True


# ------------------------------------------------------------------ the HTML block
_COUNTER = itertools.count(1)


def model_defaults(model) -> dict:
    """The model's keyword defaults (parameters that are not controls stay at these)."""
    return {n: p.default for n, p in inspect.signature(model).parameters.items()
            if p.default is not inspect.Parameter.empty}


def formula_data(exploration, browser: Formula) -> dict:
    """What a formula model needs beside its code.

    The grids, and the figure's keys that no control changes (the Python model's own values
    at the defaults).
    """
    exp = exploration
    keys = exp.figure_spec.keys()
    flat = flatten(exp.result)
    missing = keys - set(flat)
    if missing:
        raise ValueError(f"the figure reads keys the model does not give: {sorted(missing)}")
    return {"grids": {g: np.asarray(v, dtype=float).tolist() for g, v in browser.grids.items()},
            "constants": {k: (flat[k].tolist() if isinstance(flat[k], np.ndarray) else flat[k])
                          for k in sorted(keys - set(browser.outputs))}}


def kernel_formula(exploration) -> dict | None:
    """A formula exploration's model for its view in a kernel (:mod:`._view`), or None.

    The generated code, its grids and constants, and the controls (with their widget model
    ids): the browser computes the figure from the controls as they move, as on the static
    page, so a move does not wait for the kernel. None for a table (a solver): see
    :func:`kernel_table`.
    """
    exp = exploration
    browser = exp.browser_model()
    if not isinstance(browser, Formula):
        return None
    return {"model": exp.model.__name__,
            "code": browser.javascript(exp.controls, model_defaults(exp.model)),
            "controls": _kernel_controls(exp), **formula_data(exp, browser)}


def kernel_table(exploration) -> dict | None:
    """A table exploration's numbers for its view in a kernel (:mod:`._view`), or None.

    The static page's table (the model on the grid of all controls, built around the
    exploration's starting values, ``exploration.start``) and the controls with their widget model
    ids: the browser draws a setting on the grid from the table at once, and waits for the
    kernel's numbers only between grid points. None for a formula or no browser model.
    """
    exp = exploration
    browser = exp.browser_model()
    if not isinstance(browser, Table):
        return None
    return {"model": exp.model.__name__, "controls": _kernel_controls(exp),
            "table": browser.build(exp.model, exp.controls, exp.figure_spec.keys(), exp.start)}


def _kernel_controls(exp) -> list[dict]:
    """The controls as the browser reads them in a kernel: their JSON and widget model ids."""
    return [{**control_json(n, c), "id": c.model_id} for n, c in exp.controls.items()]


def browser_payload(exploration) -> dict:
    """The JSON the page carries: mode, controls, figure, and constants/grids or the table."""
    exp = exploration
    figure, browser = exp.figure_spec, exp.browser_model()
    controls = [control_json(n, c) for n, c in exp.controls.items()]
    payload = {"mode": "formula" if isinstance(browser, Formula) else "table",
               "controls": controls, "figure": figure.to_json()}
    keys = figure.keys()
    if isinstance(browser, Formula):
        payload.update(formula_data(exp, browser))
    else:
        payload["table"] = browser.build(exp.model, exp.controls, keys)
        # a table's sliders step through its grid: every position is a computed setting
        for cj in controls:
            if cj["kind"] != "select":
                values = payload["table"]["grid"][cj["name"]]
                cj.update(kind="index", values=values, min=0, max=len(values) - 1, step=1,
                          value=values.index(cj.pop("default")))
                cj.pop("base", None)
    return payload


def html_block(exploration, png_b64: str, alt: str) -> tuple[str, dict]:
    """The static page's HTML for an exploration, and facts about it (sizes, mode)."""
    exp = exploration
    uid = f"qdx-{exp.model.__name__.removesuffix('_model').replace('_', '-')}-{next(_COUNTER)}"
    payload = browser_payload(exp)
    browser = exp.browser_model()
    spec_json = json.dumps(payload, separators=(",", ":"), allow_nan=False,
                           default=_jsonable).replace("</", "<\\/")
    if payload["mode"] == "formula":
        code = browser.javascript(exp.controls, model_defaults(exp.model))
    else:
        code = "null"
    controls_html = "".join(_control_html(uid, cj) for cj in payload["controls"])
    block = (
        f'<div class="qd-exploration" id="{uid}" data-mode="{payload["mode"]}">'
        f'<div class="qd-controls" role="group" aria-label="controls of the exploration">'
        f'{controls_html}</div>'
        f'<div class="qd-figure-title" aria-live="polite"></div>'
        f'<div class="qd-figure" role="img" aria-label="{html.escape(alt)}"></div>'
        f'<img class="qd-default" alt="{html.escape(alt)}" '
        f'src="data:image/png;base64,{png_b64}">'
        f'<p class="qd-note" aria-live="polite"></p>'
        f'<script type="application/json" class="qd-spec">{spec_json}</script>'
        f'<script>(window.qdExploreQueue = window.qdExploreQueue || []).push('
        f'{{"id": "{uid}", "model": {code}}});</script>'
        f'</div>')
    facts = {"id": uid, "mode": payload["mode"], "data_bytes": len(spec_json) + len(code),
             "html_bytes": len(block)}
    if payload["mode"] == "table":
        facts["grid_points"] = payload["table"]["points"]
    return block, facts
