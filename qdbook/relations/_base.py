"""Building blocks of the equation registry (see :mod:`qdbook.equations`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp
from scipy import constants as sc


def sym(names: str) -> tuple[sp.Symbol, ...]:
    """Positive sympy symbols, always returned as a tuple."""
    out = sp.symbols(names, positive=True)
    return out if isinstance(out, tuple) else (out,)


def loguniform(rng: np.random.Generator, low: float, high: float) -> float:
    """A random number spread evenly in log between ``low`` and ``high``."""
    return float(np.exp(rng.uniform(np.log(low), np.log(high))))


hbar, m_0, c, e_charge, k_B = sym("hbar m_0 c e k_B")
CONSTANTS = {hbar: sc.hbar, m_0: sc.m_e, c: sc.c * 100.0, e_charge: sc.e, k_B: sc.k}
"""Values of the constant symbols: SI, except c in cm s⁻¹ (the review's cm units)."""


@dataclass(frozen=True)
class Relation:
    """One registered relation.

    Attributes
    ----------
    id : str
        The id from the design inventory, also the equation label in the book.
    section : str
        Review section, e.g. ``"2.3"``.
    title : str
        A short description.
    page : str
        Docname (path without suffix) of the page that derives it.
    build
        Returns the symbolic form (a sympy ``Expr`` or ``Eq``).
    evaluate
        The package's numeric function, called with keyword arguments named
        like the form's free symbols (constants excluded). Keys of the sample
        that start with an underscore are passed to ``evaluate`` only.
    draw
        ``draw(rng) -> dict`` of valid random values for those symbols.
    """

    id: str
    section: str
    title: str
    page: str
    build: Callable[[], sp.Basic]
    evaluate: Callable[..., float]
    draw: Callable[[np.random.Generator], dict]
