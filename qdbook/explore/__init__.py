"""Explorations: thin ipywidgets views over the physics modules.

:class:`Exploration` is the generic model/view helper (live in a kernel,
precomputed frames on the static site); the chapter modules build the book's
explorations from it.
"""

from ._core import FRAME_BUDGET_BYTES, Exploration
from .chapter2 import (
                       auger_control_explorer,
                       auger_control_model,
                       auger_thresholds_explorer,
                       auger_thresholds_model,
                       gain_statistics_explorer,
                       gain_statistics_model,
                       levels_explorer,
                       levels_model,
)

__all__ = ["Exploration", "FRAME_BUDGET_BYTES", "levels_explorer", "levels_model",
           "gain_statistics_explorer", "gain_statistics_model", "auger_thresholds_explorer",
           "auger_thresholds_model", "auger_control_explorer", "auger_control_model"]
