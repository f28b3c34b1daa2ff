"""qdbook: the computational companion of the book on colloidal nanocrystal lasers.

The physics lives in small topical modules of plain numpy/scipy functions:

- :mod:`qdbook.confinement` — spherical levels and size-dependent gaps (sec. 2.1)
- :mod:`qdbook.sizing` — measured sizing curves, and the gap models held against them
- :mod:`qdbook.statistics` — Poisson occupancy and the three-state model (sec. 2.2)
- :mod:`qdbook.auger` — Auger volume scaling and biexciton lifetimes (secs. 2.3–2.4)
- :mod:`qdbook.pumping` — pulsed, cw and half-saturation thresholds (sec. 2.3)
- :mod:`qdbook.gain` — gain coefficients
- :mod:`qdbook.spectroscopy` — TA and VSL models, single-exciton gain (sec. 3.1–3.2)
- :mod:`qdbook.charging` — charged-exciton gain and statistical Auger rates (secs. 3.2–3.3)
- :mod:`qdbook.statefilling` — shell filling and multiband gain spectra (sec. 3.4)
- :mod:`qdbook.waveguide` — a TE₀ slab mode and the DFB resonance (secs. 3.1, 3.4)
- :mod:`qdbook.wells`, :mod:`qdbook.perovskite` — nanoplatelets and perovskites (ch. 4)
- :mod:`qdbook.injection`, :mod:`qdbook.electrical` — charge injection, current thresholds (ch. 5)
- :mod:`qdbook.thermal` — device heating under d.c. and pulses (sec. 6.1)
- :mod:`qdbook.photonics`, :mod:`qdbook.optical_constants` — multilayer optics (secs. 6.2–6.4)
- :mod:`qdbook.design` — inverse design of the chapter-6 devices with that solver
- :mod:`qdbook.materials`, :mod:`qdbook.notation` — parameters with sources; the notation
- :mod:`qdbook.units` — constants and unit conversions shared by the modules

:mod:`qdbook.equations` (sympy) holds the registry of symbolic forms,
:mod:`qdbook.explore` (ipywidgets) the explorations and :mod:`qdbook.plotting`
(matplotlib) the book's figure style. None of those three is imported here, so
``import qdbook`` stays light.
"""

from importlib import import_module

__version__ = "0.1.0"

PHYSICS_MODULES = ("units", "confinement", "statistics", "auger", "pumping", "gain",
                   "spectroscopy", "charging", "statefilling", "waveguide", "wells", "perovskite",
                   "injection", "electrical", "thermal", "photonics", "optical_constants",
                   "materials", "design", "sizing")
"""The physics modules: plain numpy/scipy functions, each declaring its ``RELATIONS``."""

_SUBMODULES = {*PHYSICS_MODULES, "notation", "equations", "explore", "plotting",
               "teaching", "reproducibility"}


def __getattr__(name):
    """Import submodules on first access (``qdbook.equations`` etc.)."""
    if name in _SUBMODULES:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'qdbook' has no attribute {name!r}")


__all__ = sorted(_SUBMODULES)
