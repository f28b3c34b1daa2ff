"""The equation registry: one formula, three faces.

Every relation of the review that the book uses is registered here under its
id from the design inventory (``eq-4``, ``rel-2.2-threshold``, ...) with

* its **symbolic form** (:func:`form`), a closed sympy expression or equation;
* its **numeric function** (:func:`numeric`), the plain numpy/scipy function
  of a physics module, wrapped so that it takes the same (SI or stated-unit)
  values as the symbols;
* the **page** that derives it (:func:`page`).

A chapter derives a relation with sympy and ends with :func:`check`, which
raises :class:`DerivationMismatch` unless the derived result equals the
registered form, so the book's build fails if the page and the package
disagree. The tests check the numeric function against the symbolic form on
random valid inputs (:func:`sample`).

Symbols are matched **by name**; every symbol is taken as positive when
forms are compared. Physical constants appear as symbols (``hbar``, ``m_0``,
``c``, ``e``) whose values :data:`CONSTANTS` supplies from scipy.constants.

This module imports sympy and is not imported by ``import qdbook``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy as sp
from scipy import constants as sc

from . import auger, confinement, gain, pumping, statistics
from .materials import Material

__all__ = ["DerivationMismatch", "Relation", "REGISTRY", "CONSTANTS", "ids", "get",
           "form", "numeric", "page", "sample", "symbols", "check"]

CHAPTER2 = "chapters/02-general-principles"


def _sym(names: str) -> tuple[sp.Symbol, ...]:
    out = sp.symbols(names, positive=True)
    return out if isinstance(out, tuple) else (out,)


hbar, m_0, c, e_charge = _sym("hbar m_0 c e")
CONSTANTS = {hbar: sc.hbar, m_0: sc.m_e, c: sc.c * 100.0, e_charge: sc.e}
"""Values of the constant symbols: SI, except c in cm s⁻¹ (the review's cm units)."""


class DerivationMismatch(AssertionError):
    """A derivation on a page does not reproduce the registered form."""


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
    build : callable
        Returns the symbolic form (a sympy ``Expr`` or ``Eq``).
    evaluate : callable
        The package's numeric function, called with keyword arguments named
        like the form's free symbols (constants excluded).
    draw : callable
        ``draw(rng) -> dict`` of valid random values for those symbols.
    """

    id: str
    section: str
    title: str
    page: str
    build: Callable[[], sp.Basic]
    evaluate: Callable[..., float]
    draw: Callable[[np.random.Generator], dict]


def _loguniform(rng, low, high):
    return float(np.exp(rng.uniform(np.log(low), np.log(high))))


# --------------------------------------------------------------------------- forms
R, m, phi, F, Eg0, m_e, m_h = _sym("R m phi F E_g0 m_e m_h")
N = sp.Symbol("N", positive=True)
i_ = sp.Symbol("i", integer=True, nonnegative=True)
chi, tau_A, tau_r, tau_XX, tau_X, tau_rX = _sym("chi tau_A tau_r tau_XX tau_X tau_rX")
n_r, beta, sigma_gain, V, sigma_abs, E_p, N_th, g, G_0, P_XX, P_0 = _sym(
    "n_r beta sigma_gain V sigma_abs E_p N_th g G_0 P_XX P_0")


def _three_state_cw_pxx():
    return g**2 * tau_XX * tau_X / (1 + g * tau_X + g**2 * tau_X * tau_XX)


def _half_saturation_rate():
    return (1 + sp.sqrt(1 + 12 * tau_XX / tau_X)) / (2 * tau_XX)


_RELATIONS = [
    Relation(
        "eq-1", "2.1", "Levels of a carrier in a spherical box",
        f"{CHAPTER2}/electronic-states",
        lambda: hbar**2 * phi**2 / (2 * m * m_0 * R**2),
        # phi is drawn as phi_{n,L}; the package computes the root itself from (n, L).
        lambda R, m, phi, _n, _L: confinement.level_energy_ev(_n, _L, R * 1e9, m) * sc.e,
        lambda rng: _draw_level(rng),
    ),
    Relation(
        "eq-2", "2.1", "Size-dependent band gap",
        f"{CHAPTER2}/electronic-states",
        lambda: Eg0 + hbar**2 * sp.pi**2 / (2 * (m_e * m_h / (m_e + m_h)) * m_0 * R**2),
        lambda R, E_g0, m_e, m_h: confinement.band_gap_ev(
            Material("test", E_g0 / sc.e, m_e, m_h, 10.0, "test"), R * 1e9) * sc.e,
        lambda rng: {"R": rng.uniform(0.8e-9, 8e-9), "E_g0": rng.uniform(0.2, 3.5) * sc.e,
                     "m_e": rng.uniform(0.03, 0.3), "m_h": rng.uniform(0.03, 1.0)},
    ),
    Relation(
        "rel-2.1-hole-degeneracy", "2.1", "Degeneracy 2F + 1 of a hole level",
        f"{CHAPTER2}/electronic-states",
        lambda: 2 * F + 1,
        lambda F: confinement.angular_momentum_degeneracy(F),
        lambda rng: {"F": rng.integers(0, 8) / 2},
    ),
    Relation(
        "rel-2.2-poisson", "2.2", "Poisson distribution of excitons",
        f"{CHAPTER2}/optical-gain",
        lambda: N**i_ * sp.exp(-N) / sp.factorial(i_),
        lambda N, i: statistics.poisson_probability(i, N),
        lambda rng: {"N": rng.uniform(0.01, 6.0), "i": int(rng.integers(0, 12))},
    ),
    Relation(
        "rel-2.2-three-state", "2.2", "Biexciton population of the three-state model",
        f"{CHAPTER2}/optical-gain",
        lambda: 1 - sp.exp(-N) - N * sp.exp(-N),
        lambda N: statistics.three_state_populations(N)[2],
        lambda rng: {"N": rng.uniform(0.01, 8.0)},
    ),
    Relation(
        "rel-2.2-threshold", "2.2", "Gain threshold with Poisson statistics",
        f"{CHAPTER2}/optical-gain",
        lambda: sp.Eq(1 - sp.exp(-N) * (1 + N), sp.exp(-N)),
        # An equation, not a function: its numeric face is the root.
        lambda: statistics.gain_threshold_occupancy(),
        lambda rng: {},
    ),
    Relation(
        "rel-2.3-v-scaling", "2.3", "Volume scaling of the biexciton Auger lifetime",
        f"{CHAPTER2}/auger-recombination",
        lambda: chi * sp.Rational(4, 3) * sp.pi * R**3,
        lambda chi, R: auger.auger_lifetime_ps(auger.sphere_volume_nm3(R), chi),
        lambda rng: {"chi": _loguniform(rng, 0.01, 5.0), "R": rng.uniform(0.5, 10.0)},
    ),
    Relation(
        "rel-2.3-rho-crit", "2.3", "Critical nanocrystal concentration",
        f"{CHAPTER2}/auger-recombination",
        lambda: n_r / (beta * c * sigma_gain * tau_A),
        lambda n_r, beta, sigma_gain, tau_A: auger.critical_density_cm3(
            n_r, beta, sigma_gain, tau_A * 1e12),
        lambda rng: _draw_crit(rng),
    ),
    Relation(
        "eq-3", "2.3", "Critical semiconductor volume fraction",
        f"{CHAPTER2}/auger-recombination",
        lambda: n_r * V / (beta * c * sigma_gain * tau_A),
        lambda n_r, beta, sigma_gain, tau_A, V: auger.critical_volume_fraction(
            V * 1e21, n_r, beta, sigma_gain, tau_A * 1e12),
        lambda rng: {**_draw_crit(rng), "V": _loguniform(rng, 1e-21, 1e-18)},
    ),
    Relation(
        "rel-2.3-pulsed-threshold", "2.3", "Pulsed gain-threshold fluence",
        f"{CHAPTER2}/auger-recombination",
        lambda: E_p * N_th / sigma_abs,
        lambda E_p, N_th, sigma_abs: pumping.pulsed_threshold_fluence_j_cm2(
            E_p / sc.e, sigma_abs, N_th),
        lambda rng: {"E_p": rng.uniform(1.5, 4.0) * sc.e, "N_th": rng.uniform(0.1, 3.0),
                     "sigma_abs": _loguniform(rng, 1e-16, 1e-12)},
    ),
    Relation(
        "rel-2.3-tau-xx", "2.3", "Biexciton lifetime from Auger and radiative decay",
        f"{CHAPTER2}/auger-recombination",
        lambda: tau_A * tau_r / (tau_A + tau_r),
        lambda tau_A, tau_r: auger.biexciton_lifetime(tau_A, tau_r),
        lambda rng: {"tau_A": _loguniform(rng, 1.0, 1e4), "tau_r": _loguniform(rng, 1.0, 1e4)},
    ),
    Relation(
        "rel-2.3-cw-steady", "2.3", "Steady-state biexciton population under cw pumping",
        f"{CHAPTER2}/auger-recombination",
        _three_state_cw_pxx,
        lambda g, tau_X, tau_XX: pumping.cw_populations(g, tau_X * 1e9, tau_XX * 1e12)[2],
        lambda rng: _draw_cw(rng),
    ),
    Relation(
        "rel-2.3-cw-threshold", "2.3", "cw gain-threshold intensity",
        f"{CHAPTER2}/auger-recombination",
        lambda: E_p / sigma_abs / sp.sqrt(tau_XX * tau_X),
        lambda E_p, sigma_abs, tau_X, tau_XX: pumping.cw_gain_threshold_intensity_w_cm2(
            E_p / sc.e, sigma_abs, tau_X * 1e9, tau_XX * 1e12),
        lambda rng: {**_draw_cw(rng, rate=False), "E_p": rng.uniform(1.5, 4.0) * sc.e,
                     "sigma_abs": _loguniform(rng, 1e-16, 1e-12)},
    ),
    Relation(
        "rel-2.3-gain-coefficient", "2.3", "Gain coefficient of the three-state model",
        f"{CHAPTER2}/auger-recombination",
        lambda: G_0 * (P_XX - P_0),
        lambda G_0, P_XX, P_0: gain.gain_coefficient_cm(G_0, P_XX, P_0),
        lambda rng: _draw_populations(rng),
    ),
    Relation(
        "eq-4", "2.3", "Excitation rate for half-saturated gain",
        f"{CHAPTER2}/auger-recombination",
        _half_saturation_rate,
        lambda tau_X, tau_XX: pumping.half_saturation_rate_per_s(tau_X * 1e9, tau_XX * 1e12),
        lambda rng: _draw_cw(rng, rate=False),
    ),
    Relation(
        "rel-2.3-half-intensity", "2.3", "Auger-limited half-saturation intensity",
        f"{CHAPTER2}/auger-recombination",
        lambda: E_p / (sigma_abs * tau_A),
        lambda E_p, sigma_abs, tau_A: pumping.half_saturation_intensity_w_cm2(
            E_p / sc.e, sigma_abs, tau_A * 1e12),
        lambda rng: {"E_p": rng.uniform(1.5, 4.0) * sc.e,
                     "sigma_abs": _loguniform(rng, 1e-16, 1e-12),
                     "tau_A": _loguniform(rng, 1e-12, 1e-8)},
    ),
    Relation(
        "rel-2.4-giant", "2.4", "Half-saturation intensity of giant QDs",
        f"{CHAPTER2}/auger-control",
        lambda: E_p / (sigma_abs * tau_A),
        lambda E_p, sigma_abs, tau_A: pumping.half_saturation_intensity_w_cm2(
            E_p / sc.e, sigma_abs, tau_A * 1e12),
        lambda rng: {"E_p": rng.uniform(2.0, 3.5) * sc.e,
                     "sigma_abs": _loguniform(rng, 1e-14, 1e-12),
                     "tau_A": _loguniform(rng, 1e-10, 1e-8)},
    ),
    Relation(
        "rel-2.4-graded", "2.4", "Auger lifetime from a measured biexciton lifetime",
        f"{CHAPTER2}/auger-control",
        lambda: 1 / (1 / tau_XX - 4 / tau_rX),
        lambda tau_XX, tau_rX: auger.auger_lifetime_from_biexciton(
            tau_XX, auger.biexciton_radiative_lifetime(tau_rX)),
        lambda rng: _draw_graded(rng),
    ),
]


def _draw_level(rng):
    n, L = int(rng.integers(1, 4)), int(rng.integers(0, 4))
    # Independent of the package: sympy's own zeros of the spherical Bessel function.
    from sympy.functions.special.bessel import jn_zeros

    return {"R": rng.uniform(0.5e-9, 10e-9), "m": rng.uniform(0.02, 1.0),
            "phi": float(jn_zeros(L, n)[-1]), "_n": n, "_L": L}


def _draw_crit(rng):
    return {"n_r": rng.uniform(1.3, 2.5), "beta": rng.uniform(0.05, 1.0),
            "sigma_gain": _loguniform(rng, 1e-17, 1e-14), "tau_A": _loguniform(rng, 1e-12, 1e-9)}


def _draw_cw(rng, rate=True):
    out = {"tau_X": _loguniform(rng, 1e-9, 1e-7), "tau_XX": _loguniform(rng, 1e-12, 1e-8)}
    if rate:
        out["g"] = _loguniform(rng, 1e5, 1e12)
    return out


def _draw_populations(rng):
    p = rng.dirichlet([1.0, 1.0, 1.0])
    return {"G_0": rng.uniform(0.0, 5000.0), "P_XX": float(p[0]), "P_0": float(p[1])}


def _draw_graded(rng):
    tau_rx = _loguniform(rng, 1.0, 100.0)
    return {"tau_rX": tau_rx, "tau_XX": rng.uniform(0.01, 0.99) * tau_rx / 4}


REGISTRY: dict[str, Relation] = {rel.id: rel for rel in _RELATIONS}


def ids(section: str | None = None) -> list[str]:
    """Registered ids, optionally those of one review section (prefix match, e.g. ``"2"``)."""
    return [k for k, r in REGISTRY.items()
            if section is None or r.section == section or r.section.startswith(section + ".")]


def get(relation_id: str) -> Relation:
    """Return the :class:`Relation` registered under ``relation_id``."""
    try:
        return REGISTRY[relation_id]
    except KeyError:
        raise ValueError(f"relation_id must be a registered id such as 'eq-4', "
                         f"got {relation_id!r}") from None


def form(relation_id: str) -> sp.Basic:
    """The registered symbolic form of ``relation_id``."""
    return get(relation_id).build()


def numeric(relation_id: str) -> Callable[..., float]:
    """The package's numeric function for ``relation_id`` (keywords = symbol names)."""
    return get(relation_id).evaluate


def page(relation_id: str) -> str:
    """Docname of the page that derives ``relation_id``."""
    return get(relation_id).page


def sample(relation_id: str, rng: np.random.Generator) -> dict:
    """Random valid values for the free symbols of ``relation_id``."""
    return get(relation_id).draw(rng)


def symbols(relation_id: str) -> dict[str, sp.Symbol]:
    """The free symbols of the registered form, by name."""
    return {s.name: s for s in form(relation_id).free_symbols}


def _canonical(expr: sp.Basic) -> sp.Basic:
    """Replace every symbol by a positive symbol of the same name."""
    expr = sp.sympify(expr)
    if isinstance(expr, sp.Equality):
        expr = expr.lhs - expr.rhs
    mapping = {s: sp.Symbol(s.name, positive=True) for s in expr.free_symbols
               if s.name != "i"}
    return expr.xreplace(mapping)


def _numerically_equal(a: sp.Expr, b: sp.Expr, trials: int = 6) -> bool:
    free = sorted(a.free_symbols | b.free_symbols, key=lambda s: s.name)
    rng = np.random.default_rng(1)
    for _ in range(trials):
        point = {s: sp.Float(rng.uniform(0.3, 3.0)) for s in free}
        va, vb = complex(a.evalf(subs=point)), complex(b.evalf(subs=point))
        if not np.isclose(va, vb, rtol=1e-10, atol=1e-12):
            return False
    return True


def check(relation_id: str, derived: sp.Basic) -> bool:
    """Check a page's derived result against the registered form.

    Parameters
    ----------
    relation_id : str
        A registered id.
    derived : sympy expression or Eq
        What the page derived. For a registered equation (such as
        ``rel-2.2-threshold``) pass an ``Eq`` or the expression that must
        vanish; the two must agree up to a non-zero constant factor.

    Returns
    -------
    bool
        True; the page prints nothing and the build goes on.

    Raises
    ------
    DerivationMismatch
        If the derived and the registered forms differ.
    """
    registered = form(relation_id)
    a, b = _canonical(derived), _canonical(registered)
    if isinstance(registered, sp.Equality):
        # Equations agree if their residuals are proportional by a constant.
        ratio = sp.simplify(a / b)
        if ratio.free_symbols or ratio == 0:
            raise DerivationMismatch(f"{relation_id}: derived {derived} is not equivalent "
                                     f"to the registered {registered}")
        return True
    if sp.simplify(a - b) == 0 or _numerically_equal(a, b):
        return True
    raise DerivationMismatch(f"{relation_id}: derived {sp.simplify(a)} != registered {b}")
