"""Explorations: thin ipywidgets views over the physics modules, grouped by topic.

:class:`Exploration` is the generic model/view helper (live in a kernel; on
the static site computed and drawn in the reader's browser, see
``qdbook.explore._browser``). The explorations of the book live in topical
modules, as a reader looks for them:

- :mod:`qdbook.explore.levels` — levels of dots and platelets, halide colour
- :mod:`qdbook.explore.gain` — gain statistics, single- and charged-exciton gain, doping,
  nanoplatelet gain, band-edge degeneracy
- :mod:`qdbook.explore.auger` — Auger lifetimes, thresholds and their control
- :mod:`qdbook.explore.spectroscopy` — TA, VSL, gain spectra, DFB resonances
- :mod:`qdbook.explore.devices` — injection, current thresholds, heating, EL
- :mod:`qdbook.explore.photonics` — stacks, losses, gain budget, BRW modes

Every ``*_explorer`` and ``*_model`` is importable from this package directly. Their
controls come from one catalogue by parameter name (``qdbook.explore._controls``) and
start at the model's defaults; an explorer's keyword arguments set a control's starting
value or are options of :class:`Exploration`.
"""

from ._core import FRAME_BUDGET_BYTES, Exploration
from .auger import (  # noqa: F401
    auger_control_explorer,
    auger_control_model,
    auger_thresholds_explorer,
    auger_thresholds_model,
    outlook_explorer,
    outlook_model,
    perovskite_auger_explorer,
    perovskite_auger_model,
)
from .devices import (  # noqa: F401
    el_explorer,
    el_model,
    heating_explorer,
    heating_model,
    injection_explorer,
    injection_model,
    thresholds_explorer,
    thresholds_model,
)
from .gain import (  # noqa: F401
    charged_gain_explorer,
    charged_gain_model,
    degeneracy_explorer,
    degeneracy_model,
    doping_explorer,
    doping_model,
    gain_statistics_explorer,
    gain_statistics_model,
    npl_gain_explorer,
    npl_gain_model,
    single_exciton_explorer,
    single_exciton_model,
)
from .levels import (  # noqa: F401
    halide_explorer,
    halide_model,
    levels_explorer,
    levels_model,
    well_levels_explorer,
    well_levels_model,
)
from .photonics import (  # noqa: F401
    brw_explorer,
    brw_frontier_explorer,
    brw_frontier_model,
    brw_model,
    budget_explorer,
    budget_model,
    stack_designer_explorer,
    stack_designer_model,
    te_tm_explorer,
    te_tm_model,
)
from .spectroscopy import (  # noqa: F401
    dfb_explorer,
    dfb_model,
    gain_spectra_explorer,
    gain_spectra_model,
    ta_explorer,
    ta_model,
    vsl_explorer,
    vsl_model,
)

__all__ = [
    "Exploration",
    "FRAME_BUDGET_BYTES",
    "levels_model",
    "levels_explorer",
    "well_levels_model",
    "well_levels_explorer",
    "halide_model",
    "halide_explorer",
    "gain_statistics_model",
    "gain_statistics_explorer",
    "single_exciton_model",
    "single_exciton_explorer",
    "charged_gain_model",
    "charged_gain_explorer",
    "doping_model",
    "doping_explorer",
    "npl_gain_model",
    "npl_gain_explorer",
    "degeneracy_model",
    "degeneracy_explorer",
    "auger_thresholds_model",
    "auger_thresholds_explorer",
    "auger_control_model",
    "auger_control_explorer",
    "perovskite_auger_model",
    "perovskite_auger_explorer",
    "outlook_model",
    "outlook_explorer",
    "ta_model",
    "ta_explorer",
    "vsl_model",
    "vsl_explorer",
    "gain_spectra_model",
    "gain_spectra_explorer",
    "dfb_model",
    "dfb_explorer",
    "injection_model",
    "injection_explorer",
    "thresholds_model",
    "thresholds_explorer",
    "heating_model",
    "heating_explorer",
    "el_model",
    "el_explorer",
    "stack_designer_model",
    "stack_designer_explorer",
    "te_tm_model",
    "te_tm_explorer",
    "budget_model",
    "budget_explorer",
    "brw_model",
    "brw_explorer",
    "brw_frontier_model",
    "brw_frontier_explorer",
]
