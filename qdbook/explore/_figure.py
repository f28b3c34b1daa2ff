"""A declarative figure, written once: drawn by Matplotlib (kernel, default PNG) and the browser.

A :class:`Figure` is a list of :class:`Panel` objects, each with axes
(labels, log scales, limits), a title template and items: :class:`Line`,
:class:`Points`, :class:`Bars`, :class:`Fill`, :class:`HLine`, :class:`VLine`,
:class:`HSpan`, :class:`VSpan`, :class:`Bands`
and :class:`Text`. Items refer to the model's result by key:
a string is a key of the *flat* result (:func:`flatten`), a number is a
literal. Templates such as ``"R = {radius_nm:.2f} nm"`` (or ``{i_half*1e-3:.3g}``,
a value times a factor) take Python format
specifications (``f``, ``e``, ``g``, ``%``, with precision and ``+``); the
browser's script (``assets/qd-explore.js``) implements the same subset.

:meth:`Figure.matplotlib_view` turns the description into an
:class:`~qdbook.explore.Exploration` view; :meth:`Figure.to_json` gives the
browser the same description; :meth:`Figure.series` lists the numbers each
item draws, which the browser tests compare with what the page drew.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

import numpy as np

from ..plotting import PALETTE, new_figure

Ref = str | float | int | list | tuple | None
"""A key of the flat result (str; ``"key[k]"`` is its element k), a literal number or a literal
list of numbers."""


def colour(c) -> str:
    """A palette index → its hex colour; a string is returned as it is (a hex or grey level)."""
    if isinstance(c, int):
        return PALETTE[c]
    if isinstance(c, str) and re.fullmatch(r"0?\.\d+", c):
        level = round(float(c) * 255)
        return f"#{level:02x}{level:02x}{level:02x}"
    return c


@dataclass
class Item:
    """Common fields: colour (palette index or CSS colour), label for the legend."""

    color: int | str = 0
    label: str | None = None
    color_key: str | None = None   # a key of the result holding an (r, g, b) colour, 0–1
    right: bool = False            # drawn against the panel's right-hand y axis

    def refs(self) -> dict:
        """The item's data references, by role."""
        return {}

    def to_dict(self) -> dict:
        d = {k: v for k, v in dataclasses.asdict(self).items() if v is not None}
        d["kind"] = type(self).__name__.lower()
        d["color"] = colour(self.color)
        if isinstance(d.get("colors"), list):
            d["colors"] = [colour(c) for c in d["colors"]]
        return d


@dataclass
class Line(Item):
    """A curve y(x); ``xscale``/``yscale`` multiply the values (unit changes for display)."""

    x: Ref = None
    y: Ref = None
    xscale: float = 1.0
    yscale: float = 1.0
    dash: str | None = None        # "--" or ":"
    width: float = 1.5

    def refs(self):
        return {"x": (self.x, self.xscale), "y": (self.y, self.yscale)}


@dataclass
class Points(Line):
    """Markers at (x, y): scalars or arrays; marker "o", "s" or "x"."""

    marker: str = "o"
    size: float = 6.0
    hollow: bool = False


@dataclass
class Fill(Line):
    """The area between y and 0; ``where`` = "pos" or "neg" keeps only that side."""

    where: str | None = None
    alpha: float = 0.3


@dataclass
class Bars(Item):
    """Bars from ``base`` to y at x; ``colors`` gives one colour per bar (else ``color``)."""

    x: Ref = None
    y: Ref = None
    base: float = 0.0
    yscale: float = 1.0
    colors: list | None = None
    ticklabels: list | None = None
    width: float = 0.8

    def refs(self):
        return {"x": (self.x, 1.0), "y": (self.y, self.yscale)}


@dataclass
class HLine(Item):
    """A horizontal line across the panel at y."""

    y: Ref = 0.0
    yscale: float = 1.0
    dash: str | None = None
    width: float = 0.8

    def refs(self):
        return {"y": (self.y, self.yscale)}


@dataclass
class VLine(Item):
    """A vertical line across the panel at x."""

    x: Ref = 0.0
    xscale: float = 1.0
    dash: str | None = None
    width: float = 1.0

    def refs(self):
        return {"x": (self.x, self.xscale)}


@dataclass
class HSpan(Item):
    """A shaded horizontal band between y0 and y1."""

    y0: Ref = 0.0
    y1: Ref = 1.0
    alpha: float = 0.1

    def refs(self):
        return {"y0": (self.y0, 1.0), "y1": (self.y1, 1.0)}


@dataclass
class VSpan(Item):
    """A shaded vertical band between x0 and x1."""

    x0: Ref = 0.0
    x1: Ref = 1.0
    alpha: float = 0.15

    def refs(self):
        return {"x0": (self.x0, 1.0), "x1": (self.x1, 1.0)}


@dataclass
class Bands(Item):
    """Shaded vertical bands between consecutive ``edges``.

    ``colors`` is a key whose value is the bands' CSS colours joined by commas
    (their number may change with the controls).
    """

    edges: Ref = None
    colors: str | None = None
    alpha: float = 0.8

    def refs(self):
        return {"x": (self.edges, 1.0)}

    def to_dict(self) -> dict:
        return {**super().to_dict(), "x": self.edges}   # the browser reads the edges as x


@dataclass
class Text(Item):
    """A text (template) at (x, y) in data coordinates.

    ``axes=True``: both in axes fractions; ``axes="x"``: x in axes fraction, y in data.
    """

    x: Ref = 0.0
    y: Ref = 0.0
    text: str = ""
    dx: float = 0.0
    dy: float = 0.0
    axes: bool | str = False
    ha: str = "left"
    va: str = "baseline"
    size: float = 8.0

    def refs(self):
        return {"x": (self.x, 1.0), "y": (self.y, 1.0)}


@dataclass
class Panel:
    """One set of axes: labels, log scales, limits, title, items.

    A limit is a pair of numbers or keys of the result; None takes it from the data.
    """

    xlabel: str = ""
    ylabel: str = ""
    items: list = field(default_factory=list)
    xlog: bool = False
    ylog: bool = False
    xlim: tuple | None = None
    ylim: tuple | None = None
    title: str = ""
    legend: str | None = None   # Matplotlib location, e.g. "upper right"
    ylabel_right: str = ""      # the right-hand axis, for items with right=True
    ylim_right: tuple | None = None

    def to_dict(self) -> dict:
        d = {k: v for k, v in dataclasses.asdict(self).items() if k != "items" and v is not None}
        d["items"] = [item.to_dict() for item in self.items]
        return d


@dataclass
class Figure:
    """Panels side by side (stacked on a narrow screen), a figure title, the size in inches."""

    panels: list
    title: str = ""
    width: float = 7.0
    height: float = 3.2

    def to_json(self) -> dict:
        """The description as JSON-ready data, for the browser."""
        return {"title": self.title, "width": self.width, "height": self.height,
                "panels": [p.to_dict() for p in self.panels]}

    def keys(self) -> set[str]:
        """Every key of the flat result that the figure reads (data and templates)."""
        found = set(template_keys(self.title))
        for panel in self.panels:
            found |= set(template_keys(panel.title))
            found |= {v for lim in (panel.xlim, panel.ylim, panel.ylim_right) if lim for v in lim
                      if isinstance(v, str)}
            for item in panel.items:
                for ref, _ in item.refs().values():
                    if isinstance(ref, str):
                        m = _INDEX.fullmatch(ref)
                        found.add(m[1] if m else ref)
                if isinstance(item, Text):
                    found |= set(template_keys(item.text))
                if item.color_key:
                    found.add(item.color_key)
                if isinstance(item, Bands):
                    found.add(item.colors)
        return found

    def series(self, flat: dict) -> list[list[dict]]:
        """Per panel, per item: the numbers it draws (arrays after scaling), by role."""
        return [[_item_values(item, flat) for item in panel.items] for panel in self.panels]

    def texts(self, flat: dict) -> dict:
        """The figure's and panels' titles at a result."""
        return {"title": render(self.title, flat),
                "panels": [render(p.title, flat) for p in self.panels]}

    def matplotlib_view(self):
        """A view for :class:`~qdbook.explore.Exploration`: ``view(result) -> (fig, update)``."""
        def view(result):
            return _draw(self, result)
        return view


# ------------------------------------------------------------------ flat results and templates
def flatten(result: dict, prefix: str = "") -> dict:
    """The result as one level of keys.

    Nested dicts are joined by ".", complex numbers become their real part (the
    imaginary part under ``key.imag``), 2-D arrays their columns ``key.0``,
    ``key.1`` …, None becomes NaN.
    """
    flat = {}
    for key, value in result.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
            continue
        if value is None:
            flat[name] = np.nan
            continue
        if isinstance(value, str):
            flat[name] = value
            continue
        if isinstance(value, (list, tuple)) and value and all(isinstance(v, str) for v in value):
            flat[name] = list(value)
            continue
        if isinstance(value, tuple) and all(np.ndim(v) == 0 for v in value):
            for j, v in enumerate(value):   # a tuple of numbers: also its members, key.0 …
                flat[f"{name}.{j}"] = np.nan if v is None else float(np.real(v))
        arr = np.asarray(value)
        if np.iscomplexobj(arr):
            flat[name + ".imag"] = arr.imag.astype(float) if arr.ndim else float(arr.imag)
            arr = arr.real
        if arr.dtype == object:
            arr = np.array([np.nan if v is None else v for v in arr.ravel()], dtype=float)
        arr = arr.astype(float)
        if arr.ndim == 2:
            for j in range(arr.shape[1]):
                flat[f"{name}.{j}"] = arr[:, j]
        elif arr.ndim == 0:
            flat[name] = float(arr)
        else:
            flat[name] = arr
    return flat


_INDEX = re.compile(r"(.+)\[(\d+)\]")

_FIELD = re.compile(r"\{([^{}:*]+)(?:\*([-+.0-9eE]+))?(?::([^{}]*))?\}")


def template_keys(template: str) -> list[str]:
    """The keys a template reads (``key[k]`` reads ``key``)."""
    return [(_INDEX.fullmatch(m[1]) or [None, m[1]])[1] for m in _FIELD.finditer(template or "")]


def render(template: str, flat: dict) -> str:
    """Fill a template's fields ``{key:spec}`` from the flat result."""
    def one(m):
        index = _INDEX.fullmatch(m[1])
        value = np.atleast_1d(flat[index[1]])[int(index[2])] if index else flat[m[1]]
        if isinstance(value, np.floating):
            value = float(value)
        if isinstance(value, np.ndarray):
            value = float(value.ravel()[0])
        if m[2]:
            value = value * float(m[2])
        if m[3] and isinstance(value, float) and not np.isfinite(value):
            return "–"
        return format(value, m[3] or "")
    return _FIELD.sub(one, template or "")


def _item_values(item, flat: dict) -> dict:
    """An item's numbers by role; a single y against several x is repeated (a segment)."""
    out = {role: _values(flat, ref, scale) for role, (ref, scale) in item.refs().items()}
    if "x" in out and "y" in out and out["y"].size == 1 and out["x"].size > 1:
        out["y"] = np.repeat(out["y"], out["x"].size)
    if "x" in out and "y" in out and out["x"].size == 1 and out["y"].size > 1:
        out["x"] = np.repeat(out["x"], out["y"].size)
    return out


def _values(flat: dict, ref: Ref, scale: float):
    """A reference resolved to a float array (scalars become one-element arrays)."""
    if ref is None:
        return np.array([])
    if isinstance(ref, str) and (m := _INDEX.fullmatch(ref)):   # "key[k]": one element
        value = np.atleast_1d(flat[m[1]])[int(m[2])]
    else:
        value = flat[ref] if isinstance(ref, str) else ref
    return np.atleast_1d(np.asarray(value, dtype=float)) * scale


# ------------------------------------------------------------------ Matplotlib
_DASH = {None: "-", "--": "--", ":": ":"}


def _draw(spec: Figure, result: dict):
    fig, axes = new_figure(spec.width, spec.height, ncols=len(spec.panels))
    axes = np.atleast_1d(axes)
    updaters = []
    suptitle = fig.suptitle("", fontsize=9) if spec.title else None
    for ax, panel in zip(axes, spec.panels, strict=True):
        updaters.append(_draw_panel(ax, panel))

    def update(result):
        flat = flatten(result)
        for up in updaters:
            up(flat)
        if suptitle is not None:
            suptitle.set_text(render(spec.title, flat))

    update(result)
    return fig, update


def _draw_panel(ax, panel: Panel):
    if panel.xlog:
        ax.set_xscale("log")
    if panel.ylog:
        ax.set_yscale("log")
    ax.set(xlabel=panel.xlabel, ylabel=panel.ylabel)
    title = ax.set_title("", fontsize=9)
    twin = None
    if any(item.right for item in panel.items):
        twin = ax.twinx()
        twin.set_ylabel(panel.ylabel_right)
        twin.grid(False)
    moves = []
    for item in panel.items:
        moves.append(_draw_item(twin if item.right else ax, item))
    if panel.legend:
        handles = ax.get_legend_handles_labels()
        if twin is not None:
            handles = [a + b for a, b in zip(handles, twin.get_legend_handles_labels(),
                                             strict=True)]
        ax.legend(*handles, loc=panel.legend, fontsize=7.5)
    bars = [item for item in panel.items if isinstance(item, Bars)]
    if bars and bars[0].ticklabels:
        ax.set_xticks(range(len(bars[0].ticklabels)), bars[0].ticklabels)
        ax.tick_params(axis="x", labelsize=8)
        ax.grid(False, axis="x")

    def update(flat):
        for move, item in zip(moves, panel.items, strict=True):
            move(_item_values(item, flat), flat)
        for a in (ax, twin):
            if a is not None:
                a.relim()
                a.autoscale_view()
        setters = [(panel.xlim, ax.set_xlim), (panel.ylim, ax.set_ylim)]
        if twin is not None:
            setters.append((panel.ylim_right, twin.set_ylim))
        for lim, setter in setters:
            if lim is not None:
                setter(*[float(flat[v]) if isinstance(v, str) else v for v in lim])
        title.set_text(render(panel.title, flat))

    return update


def _draw_item(ax, item):
    c = colour(item.color)
    if isinstance(item, Points):
        (art,) = ax.plot([], [], ls="none", marker=item.marker, ms=item.size,
                         color=c, mfc="none" if item.hollow else c, label=item.label,
                         mew=2 if item.marker == "x" else 1)
        def move_points(v, flat):
            art.set_data(v["x"], v["y"])
            if item.color_key:
                rgb = tuple(np.atleast_1d(flat[item.color_key])[:3])
                art.set_color(rgb)
                art.set_markerfacecolor(rgb)
                art.set_markeredgecolor("k")
        return move_points
    if isinstance(item, Fill):
        state = {"art": None}

        def move(v, flat):
            if state["art"] is not None:
                state["art"].remove()
            y = v["y"]
            if item.where == "pos":
                y = np.maximum(y, 0)
            elif item.where == "neg":
                y = np.minimum(y, 0)
            fc = tuple(np.atleast_1d(flat[item.color_key])[:3]) if item.color_key else c
            state["art"] = ax.fill_between(v["x"], 0, y, color=fc, alpha=item.alpha, lw=0,
                                           label=item.label)
        return move
    if isinstance(item, Line):
        (art,) = ax.plot([], [], color=c, ls=_DASH[item.dash], lw=item.width, label=item.label)
        return lambda v, flat: art.set_data(v["x"], v["y"])
    if isinstance(item, Bars):
        state = {"bars": None}

        def move(v, flat):
            if state["bars"] is None:
                colours = [colour(k) for k in item.colors] if item.colors else c
                state["bars"] = ax.bar(v["x"], v["y"] - item.base, bottom=item.base,
                                       color=colours, width=item.width)
            for bar, h in zip(state["bars"], v["y"], strict=True):
                bar.set_height(h - item.base)
        return move
    if isinstance(item, HLine):
        art = ax.axhline(1, color=c, ls=_DASH[item.dash], lw=item.width, label=item.label)
        return lambda v, flat: art.set_ydata([v["y"][0]] * 2)
    if isinstance(item, VLine):
        art = ax.axvline(1, color=c, ls=_DASH[item.dash], lw=item.width, label=item.label)
        return lambda v, flat: art.set_xdata([v["x"][0]] * 2)
    if isinstance(item, HSpan):
        state = {"art": None}

        def move(v, flat):
            if state["art"] is not None:
                state["art"].remove()
            state["art"] = ax.axhspan(v["y0"][0], v["y1"][0], color=c, alpha=item.alpha, lw=0)
        return move
    if isinstance(item, Bands):
        state = {"arts": []}

        def move(v, flat):
            for art in state["arts"]:
                art.remove()
            edges, colours = v["x"], str(flat[item.colors]).split(",")
            state["arts"] = [ax.axvspan(edges[j], edges[j + 1], color=colours[j],
                                        alpha=item.alpha, lw=0, zorder=0)
                             for j in range(min(len(colours), len(edges) - 1))
                             if np.isfinite(edges[j + 1])]
        return move
    if isinstance(item, VSpan):
        state = {"art": None}

        def move(v, flat):
            if state["art"] is not None:
                state["art"].remove()
            state["art"] = ax.axvspan(v["x0"][0], v["x1"][0], color=c, alpha=item.alpha, lw=0)
        return move
    if isinstance(item, Text):
        kw = ({"transform": ax.get_yaxis_transform()} if item.axes == "x" else
              {"transform": ax.transAxes} if item.axes else {})
        art = ax.text(1, 1, "", color=c, fontsize=item.size, ha=item.ha, va=item.va, **kw)

        def move(v, flat):
            art.set_position((v["x"][0] + item.dx, v["y"][0] + item.dy))
            art.set_text(render(item.text, flat))
        return move
    raise ValueError(f"item must be one of the figure items, got {type(item).__name__}")
