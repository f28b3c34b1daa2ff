"""qdbook: the computational companion of the book on colloidal nanocrystal lasers.

The physics lives in small topical modules of plain numpy/scipy functions:

- :mod:`qdbook.confinement` — spherical levels and size-dependent gaps (sec. 2.1)
- :mod:`qdbook.statistics` — Poisson occupancy and the three-state model (sec. 2.2)
- :mod:`qdbook.auger` — Auger volume scaling and biexciton lifetimes (secs. 2.3–2.4)
- :mod:`qdbook.pumping` — pulsed, cw and half-saturation thresholds (sec. 2.3)
- :mod:`qdbook.gain` — gain coefficients
- :mod:`qdbook.materials` — bulk parameters with their sources

:mod:`qdbook.equations` (sympy) holds the registry of symbolic forms,
:mod:`qdbook.explore` (ipywidgets) the explorations and :mod:`qdbook.plotting`
(matplotlib) the book's figure style. None of those three is imported here, so
``import qdbook`` stays light.
"""

from importlib import import_module

__version__ = "0.1.0"

_SUBMODULES = {"confinement", "statistics", "auger", "pumping", "gain", "materials",
               "equations", "explore", "plotting"}


def __getattr__(name):
    """Import submodules on first access (``qdbook.equations`` etc.)."""
    if name in _SUBMODULES:
        return import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'qdbook' has no attribute {name!r}")


__all__ = sorted(_SUBMODULES)
