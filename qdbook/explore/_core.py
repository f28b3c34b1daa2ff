"""The generic exploration: controls → model (a package function) → view.

An :class:`Exploration` ties three things together:

* ``controls`` — ipywidgets sliders and dropdowns, by parameter name (built from the
  catalogue of :mod:`qdbook.explore._controls`);
* ``model(**values) -> result`` — a pure function built on the physics modules;
* ``view(result) -> (figure, update)`` — draws the figure once and returns an
  ``update(result)`` that moves its artists in place (``set_data``).

It shows itself in one of two ways.

**Live** (a running kernel: JupyterLab, Binder): every control is active. For an
exploration given a ``figure`` description, the figure is a
:class:`~qdbook.explore._view.FigureView`, which the browser draws with the static book's
script (no image is rendered in the kernel): a formula is computed in the page; for a
table, a change calls the model and sends its numbers, and once the exploration is shown
a background thread sends the static page's table too, from which the page draws every
setting on its grid at once. For one given only a ``view``, a change updates the
Matplotlib artists and re-renders one PNG.

**Static frames** (the HTML book, which has no kernel): at build time the
model is evaluated on a grid of the *main* control and one PNG frame is
rendered per grid point. The frames sit in an ``ipywidgets.Stack`` whose
``selected_index`` is linked to a ``SelectionSlider`` in the browser
(:func:`ipywidgets.jslink`), so the embedded widget state switches frames
without any server. The other controls are fixed at their defaults and listed
under the figure. Static mode is chosen by ``static=True`` or by the
environment variable ``QDBOOK_STATIC=1``, which the book build sets.

**Browser** (the HTML book, for an exploration given a ``figure`` description
(:mod:`qdbook.explore._figure`) and a ``browser`` model (:class:`Formula` or
:class:`Table`, :mod:`qdbook.explore._browser`)): the page carries native
controls, the description and the model, and ``assets/qd-explore.js`` redraws
the figure in the reader's browser with every control live. This replaces the
static frames for such an exploration.

Either way the display bundle also carries an ``image/png`` of the default
figure, used where widgets cannot be shown (PDF, plain viewers).
"""

from __future__ import annotations

import base64
import html
import json
import os
import threading
from collections.abc import Callable

import ipywidgets as widgets
import numpy as np

from ..notation import tex_to_text
from ..plotting import png_bytes
from ._browser import Formula, Table, html_block
from ._figure import Figure

FRAME_BUDGET_BYTES = 1_200_000
"""Upper bound on the PNG bytes of one exploration's static frames (before base64)."""


def _grid(control, n_frames: int) -> list:
    """Grid of values for a control, including its current (default) value."""
    if isinstance(control, widgets.FloatLogSlider):
        exps = np.linspace(control.min, control.max, n_frames)
        values = list(control.base ** exps)
    elif isinstance(control, (widgets.FloatSlider, widgets.IntSlider)):
        values = list(np.linspace(control.min, control.max, n_frames))
        if isinstance(control, widgets.IntSlider):
            values = sorted({int(round(x)) for x in values})
    elif hasattr(control, "options"):
        values = [opt[1] if isinstance(opt, tuple) else opt for opt in control.options]
    else:
        raise ValueError(f"control must be a slider or a selection widget, got {type(control)}")
    default = control.value
    if default not in values:
        nearest = int(np.argmin([abs(float(x) - float(default)) for x in values]))
        values[nearest] = default
    return values


def describe_figure(figure) -> str:
    """What a figure shows, read from its axes ("title: y label against x label; ...").

    Used as the alternative text of exploration images, so that a screen reader
    says what is plotted.
    """
    parts = []
    for ax in figure.axes:
        if not ax.get_visible() or not ax.has_data():
            continue
        x, y, title = ax.get_xlabel(), ax.get_ylabel(), ax.get_title()
        what = f"{y} against {x}" if x and y else (y or x)
        parts.append(f"{title}: {what}" if title and what else (title or what))
    shown = tex_to_text("; ".join(p for p in parts if p))
    return f"plot of {shown}" if shown else "plot"


def _format(value) -> str:
    if isinstance(value, (float, np.floating)):
        return f"{value:.3g}"
    return str(value)


class Exploration:
    """A model/view exploration; see the module docstring.

    Parameters
    ----------
    model : callable
        ``model(**values)`` with one keyword per control; returns any result
        the view understands (a dict of arrays, typically).
    controls : dict of str → ipywidgets widget
        The controls, in display order. The first is the main one unless
        ``main`` says otherwise.
    view : callable or None
        ``view(result) -> (fig, update)``; ``fig`` is a matplotlib Figure
        (see :func:`qdbook.plotting.new_figure`) and ``update(result)`` moves
        its artists in place. None when ``figure`` describes the view.
    figure : Figure, optional
        The declarative figure (``qdbook.explore._figure.Figure``), drawn by
        Matplotlib here and by the browser on the static page.
    browser : Formula or Table, optional
        The model the static page runs (needs ``figure``); without it the static
        page gets the precomputed frames of the main control.
    main : str, optional
        Name of the control that the static frames sweep.
    n_frames : int, optional
        Number of static frames (grid points of the main control).
    static : bool, optional
        Force static (True) or live (False) display; by default static when
        the environment variable ``QDBOOK_STATIC`` is ``"1"``.
    dpi : float, optional
        Resolution of the rendered PNG.
    """

    def __init__(self, model: Callable, controls: dict, view: Callable | None = None, *,
                 figure: Figure | None = None, browser: Formula | Table | None = None,
                 main: str | None = None, n_frames: int = 21, static: bool | None = None,
                 dpi: float = 80):
        if not controls:
            raise ValueError("controls must name at least one control, got none")
        if view is None:
            if figure is None:
                raise ValueError("view must be given when figure is None, got neither")
            view = figure.matplotlib_view()
        if browser is not None and figure is None:
            raise ValueError("browser needs a figure description, got figure=None")
        self.figure_spec, self.browser = figure, browser
        self.model = model
        self.controls = dict(controls)
        self.main = main or next(iter(self.controls))
        if self.main not in self.controls:
            raise ValueError(f"main must be one of {list(self.controls)}, got {main!r}")
        self.n_frames = int(n_frames)
        self.static = (os.environ.get("QDBOOK_STATIC") == "1") if static is None else bool(static)
        self.dpi = dpi
        self.start = self.values()
        """The controls' values when the exploration began (the table's grid includes them)."""
        self.result = self.model(**self.start)
        self.figure, self._update_view = view(self.result)
        # Lay the figure out once, then freeze it: re-running the constrained
        # layout on every update would cost about a third of each redraw.
        self.figure.draw_without_rendering()
        self.figure.set_layout_engine("none")
        self.default_png = png_bytes(self.figure, self.dpi)
        # in a kernel, a figure description is drawn by the browser (a formula is computed
        # there, a table's numbers come from the kernel and, once shown, its table, see _view);
        # a bare view (or the static build, which embeds no widget) keeps a PNG image
        self.view = self.image = None
        if figure is not None and not self.static:
            from ._browser import kernel_formula
            from ._view import FigureView
            self.view = FigureView(figure, self.result, alt=describe_figure(self.figure),
                                   local=kernel_formula(self))
        else:
            self.image = widgets.Image(format="png", value=self.default_png,
                                       layout=widgets.Layout(max_width="100%"))
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self._widget = None
        self.table_thread = None
        """In a kernel, the thread that builds a table exploration's table for its view once
        it is shown (:meth:`send_table`); None before."""

    # -- model side -----------------------------------------------------------------
    def values(self) -> dict:
        """Current control values, by parameter name."""
        return {name: control.value for name, control in self.controls.items()}

    def compute(self, **overrides):
        """Run the model at the current values with ``overrides``; no drawing."""
        return self.model(**{**self.values(), **overrides})

    def update(self) -> None:
        """Recompute the model and show it: numbers to the browser's view, or a new PNG."""
        values = self.values()
        self.result = self.model(**values)
        if self.view is not None:
            self.view.show(self.result, values)
        else:
            self._update_view(self.result)
            self.image.value = png_bytes(self.figure, self.dpi)

    def _on_change(self, change) -> None:
        self.update()

    # -- static frames --------------------------------------------------------------
    def frames(self) -> tuple[list, list[bytes]]:
        """Render one PNG per grid value of the main control; return (values, frames)."""
        control = self.controls[self.main]
        grid = _grid(control, self.n_frames)
        pngs, total = [], 0
        try:
            for value in grid:
                self._update_view(self.compute(**{self.main: value}))
                pngs.append(png_bytes(self.figure, self.dpi))
                total += len(pngs[-1])
                if total > FRAME_BUDGET_BYTES:
                    raise ValueError(
                        f"static frames exceed the budget of {FRAME_BUDGET_BYTES} bytes after "
                        f"{len(pngs)} of {len(grid)}; lower n_frames ({self.n_frames}) or dpi")
        finally:
            self._update_view(self.result)  # back to the default state
        return grid, pngs

    def _static_widget(self) -> widgets.Widget:
        if len(self.controls) > 1:
            raise ValueError(f"controls: an exploration with {len(self.controls)} controls needs a "
                             f"browser model (Formula or Table) on the static page, or all but "
                             f"one would be frozen; got browser=None for {list(self.controls)}")
        control = self.controls[self.main]
        grid, pngs = self.frames()
        labels = [_format(x) for x in grid]
        # Labels must be unique for SelectionSlider; disambiguate if rounding collides.
        labels = [lab if labels.count(lab) == 1 else f"{lab} ({k})" for k, lab in enumerate(labels)]
        start = grid.index(control.value)
        options = list(zip(labels, range(len(grid)), strict=True))
        slider = widgets.SelectionSlider(options=options, index=start,
                                         description=control.description,
                                         continuous_update=True,
                                         style={"description_width": "initial"},
                                         layout=widgets.Layout(width="95%"))
        stack = widgets.Stack([widgets.Image(value=p, format="png",
                                             layout=widgets.Layout(max_width="100%"))
                               for p in pngs], selected_index=start)
        self.static_link = widgets.jslink((slider, "index"), (stack, "selected_index"))
        note = ("Static page: the slider switches precomputed frames of the exploration's "
                "one control.")
        self.static_slider, self.static_stack = slider, stack
        # ipywidgets' Image has no alt trait (and a tooltip breaks its static view): the
        # note carries one alternative text per frame, which the book's script
        # (assets/book.js) gives to the frame images.
        what = describe_figure(self.figure)
        alts = [f"Exploration figure at {control.description} = {lab}: {what}" for lab in labels]
        alts_attr = html.escape(json.dumps(alts), quote=True)
        return widgets.VBox([slider, stack, widgets.HTML(
            f"<small class='qd-screen-note' data-frame-alts='{alts_attr}'>{note}</small>"
            f'<span class="qd-print-note">{self.print_note()}</span>')])

    def print_note(self) -> str:
        """One line for the printed book: what the exploration sweeps and the frame it shows."""
        control = self.controls[self.main]
        grid = _grid(control, self.n_frames)
        fixed = [f"{c.description} {_format(c.value)}" for n, c in self.controls.items()
                 if n != self.main]
        return (f"Exploration of {control.description} from {_format(grid[0])} to "
                f"{_format(grid[-1])} (on the web and in JupyterLab); printed at "
                f"{_format(control.value)}" + (f", with {', '.join(fixed)}" if fixed else "")
                + ".")

    # -- browser ----------------------------------------------------------------------
    def browser_model(self) -> Formula | Table | None:
        """The browser model; a zero-argument builder given as ``browser`` is called once.

        Built when first needed: a formula imports sympy and the registry.
        """
        if callable(self.browser):
            self.browser = self.browser()
        return self.browser

    def browser_html(self) -> tuple[str, dict]:
        """The static page's HTML block and its facts (mode, data size); see ``_browser``."""
        if self.browser is None:
            raise ValueError("browser_html needs a browser model, got browser=None")
        alt = f"Exploration figure at the default settings: {describe_figure(self.figure)}"
        block, facts = html_block(self, base64.b64encode(self.default_png).decode("ascii"), alt)
        note = f'<span class="qd-print-note">{html.escape(self.print_note())}</span>'
        return block + note, facts

    def send_table(self) -> None:
        """Build the static page's table around :attr:`start`; hand it to the kernel's view.

        See ``qdbook.explore._browser.kernel_table``: from then on the page draws every
        setting on the table's grid itself. Nothing for a formula or an exploration without a
        view.
        """
        from ._browser import kernel_table

        if self.view is not None:
            table = kernel_table(self)
            if table is not None:
                self.view.local = table

    # -- display --------------------------------------------------------------------
    @property
    def widget(self) -> widgets.Widget:
        """The widget shown on the page (built once)."""
        if self._widget is None:
            if self.static:
                self._widget = self._static_widget()
            else:
                items = list(self.controls.values())
                for control in items:
                    control.style = {"description_width": "initial"}
                self._widget = widgets.VBox([widgets.HBox(items[:2]), *(
                    [widgets.HBox(items[2:])] if len(items) > 2 else []), self.view or self.image])
        return self._widget

    def _repr_mimebundle_(self, **kwargs):
        if self.static and self.browser is not None:
            block, _ = self.browser_html()
            return {"text/html": block,
                    "image/png": base64.b64encode(self.default_png).decode("ascii"),
                    "text/plain": f"<exploration {self.model.__name__}>"}
        if (self.view is not None and self.table_thread is None
                and isinstance(self.browser_model(), Table)):
            # a table takes 0.04-4 s to build (the solver on every grid point): in the
            # background, so the cell returns and the controls work meanwhile (from the kernel)
            self.table_thread = threading.Thread(target=self.send_table, daemon=True,
                                                 name=f"qdbook table {self.model.__name__}")
            self.table_thread.start()
        bundle = self.widget._repr_mimebundle_(**kwargs)
        data = bundle[0] if isinstance(bundle, tuple) else bundle
        data["image/png"] = base64.b64encode(self.default_png).decode("ascii")
        return bundle
