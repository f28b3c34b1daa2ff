"""One figure style for the whole book.

A colour-blind-safe palette (Okabe & Ito), labelled axes, and an opaque white
figure background so figures stay readable in the theme's dark mode.
Explorations draw on :func:`new_figure`, which uses the Agg canvas directly
(no pyplot), so a figure is never shown twice in a notebook.
"""

from __future__ import annotations

import io

import matplotlib as mpl
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
           "#F0E442"]
"""Okabe–Ito colour-blind-safe palette (blue, vermillion, green, purple, orange, ...)."""

STYLE = {
    "axes.prop_cycle": mpl.cycler(color=PALETTE),
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.transparent": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 10,
    "axes.labelsize": 10,
    "legend.fontsize": 8.5,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 110,
    "figure.constrained_layout.use": True,
}
"""rcParams applied by :func:`use_book_style`."""

MATERIAL_COLOURS = {"PbSe": PALETTE[6], "PbS": PALETTE[3], "InP": PALETTE[4],
                    "CdTe": PALETTE[1], "CdSe": PALETTE[0], "CdS": PALETTE[2]}


def use_book_style() -> None:
    """Apply the book's rcParams to matplotlib globally (pages call this once)."""
    mpl.rcParams.update(STYLE)


def new_figure(width: float = 6.4, height: float = 3.4, ncols: int = 1):
    """A white, styled figure on an Agg canvas and its axes (no pyplot involved)."""
    with mpl.rc_context(STYLE):
        fig = Figure(figsize=(width, height), layout="constrained")
        FigureCanvasAgg(fig)
        axes = fig.subplots(1, ncols)
    return fig, axes


def png_bytes(fig: Figure, dpi: float = 80) -> bytes:
    """Render ``fig`` to PNG bytes at ``dpi``."""
    buf = io.BytesIO()
    with mpl.rc_context(STYLE):
        fig.savefig(buf, format="png", dpi=dpi)
    return buf.getvalue()
