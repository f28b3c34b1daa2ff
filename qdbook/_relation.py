"""How a physics module declares the relations it implements (no sympy at import).

A physics module lists its relations in a module-level ``RELATIONS`` list of
:class:`Relation`, next to the functions that compute them; the registry
(:mod:`qdbook.equations`) collects the lists of the modules in
``qdbook.PHYSICS_MODULES``. A declaration reads like this::

    Relation(
        id="rel-2.3-tau-xx",
        title="Biexciton lifetime from Auger and radiative decay",
        page="chapters/02-general-principles/auger-recombination",
        form=lambda sp, s: s.tau_A * s.tau_r / (s.tau_A + s.tau_r),
        units={"tau_A": "ps", "tau_r": "ps"},
        evaluate=lambda tau_A, tau_r: biexciton_lifetime(tau_a_xx=tau_A, tau_r_xx=tau_r),
        sample={"tau_A": loguniform(1.0, 1e4), "tau_r": loguniform(1.0, 1e4)},
    )

* ``form(sp, s)`` builds the symbolic form from the sympy module ``sp`` and a
  namespace ``s`` whose attributes are positive symbols of that name
  (``s.tau_A``); ``s.i`` is a non-negative integer, and the constants
  ``s.hbar``, ``s.m_0``, ``s.c``, ``s.e``, ``s.k_B``, ``s.epsilon_0`` take the values of
  :data:`CONSTANT_VALUES` when the form is evaluated.
* ``units`` names the unit of every free symbol (keys of
  :data:`qdbook.units.UNITS`, or ``"1"`` for a pure number); ``evaluate``
  receives the symbols' values in those units, as keywords, and converts them
  to the function's unit-suffixed parameters with :func:`qdbook.units.convert`
  where the two differ (never with a bare factor).
* ``sample`` gives a distribution per symbol (:func:`uniform`,
  :func:`loguniform`, :func:`integers`, :func:`choice`) or one callable
  ``rng -> dict`` where the symbols are drawn together. Keys starting with an
  underscore go to ``evaluate`` only.
* ``aliases`` maps other inventory ids that state the same relation to the
  page that derives them there, so one relation is registered once.

The section of a relation is not declared: it comes from the inventory
(``qdbook/data/equations.md``), the one list of ids.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
from scipy import constants as sc

from .units import C_CM_PER_S

CONSTANT_VALUES = {"hbar": sc.hbar, "m_0": sc.m_e, "c": C_CM_PER_S, "e": sc.e, "k_B": sc.k,
                   "epsilon_0": sc.epsilon_0}
"""The values of the constant symbols, in SI units except ``c`` in cm s⁻¹ (the review's unit)."""


class _Symbols:
    """Attribute access creates sympy symbols by name (see the module docstring)."""

    def __init__(self, sp):
        self._sp = sp

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str):
        if name == "i":
            return self._sp.Symbol("i", integer=True, nonnegative=True)
        return self._sp.Symbol(name, positive=True)


@dataclass(frozen=True)
class Distribution:
    """A one-symbol sampling rule; ``draw(rng)`` returns one value."""

    kind: str
    low: float = 0.0
    high: float = 1.0
    values: tuple = ()

    def draw(self, rng: np.random.Generator):
        """One random value."""
        if self.kind == "uniform":
            return float(rng.uniform(self.low, self.high))
        if self.kind == "loguniform":
            return float(np.exp(rng.uniform(np.log(self.low), np.log(self.high))))
        if self.kind == "integers":
            return int(rng.integers(self.low, self.high + 1))
        return self.values[int(rng.integers(len(self.values)))]


def uniform(low: float, high: float) -> Distribution:
    """Values spread evenly between ``low`` and ``high``."""
    return Distribution("uniform", low, high)


def loguniform(low: float, high: float) -> Distribution:
    """Values spread evenly in log between ``low`` and ``high`` (both > 0)."""
    return Distribution("loguniform", low, high)


def integers(low: int, high: int) -> Distribution:
    """Integers from ``low`` to ``high``, both included."""
    return Distribution("integers", low, high)


def choice(*values) -> Distribution:
    """One of ``values``."""
    return Distribution("choice", values=tuple(values))


@dataclass(frozen=True, kw_only=True)
class Relation:
    """One relation of the review, as a physics module declares it.

    Attributes
    ----------
    id : str
        Id from the inventory; also the equation's label in the book.
    title : str
        A short description.
    page : str
        Docname (path without suffix) of the page that derives it.
    form : callable
        ``form(sp, s)`` returns the sympy ``Expr`` or ``Eq``.
    evaluate : callable
        The package's numeric face, keywords named like the free symbols.
    sample : mapping or callable
        Distributions per symbol, or ``rng -> dict``.
    units : mapping
        Unit of each free symbol (and ``"result"``: the unit of the value).
    aliases : mapping, optional
        Other inventory ids stating the same relation → page deriving them.
    section : str
        Review section (e.g. ``"2.3"``), set by the registry from the inventory.
    """

    id: str
    title: str
    page: str
    form: Callable
    evaluate: Callable[..., float]
    sample: Mapping | Callable[[np.random.Generator], dict]
    units: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)
    section: str = ""

    def build(self):
        """The symbolic form (imports sympy)."""
        import sympy as sp

        return self.form(sp, _Symbols(sp))

    def draw(self, rng: np.random.Generator) -> dict:
        """Random valid values for the free symbols (and ``_``-keys for ``evaluate``)."""
        if callable(self.sample):
            return self.sample(rng)
        return {name: dist.draw(rng) for name, dist in self.sample.items()}
