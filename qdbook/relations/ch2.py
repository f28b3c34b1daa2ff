"""Registered relations of review section 2 (chapter 2: general principles).

Each :class:`~qdbook.relations.Relation` ties an id of the design inventory
to its symbolic form, the package function that computes it and the page that
derives it. Symbols are positive sympy symbols matched by name; constants are
the symbols of :data:`~qdbook.relations.CONSTANTS`.
"""

import sympy as sp
from scipy import constants as sc

from .. import confinement, gain, pumping, statistics
from ..materials import Material
from ._base import Relation, hbar, loguniform, m_0, sym

PAGE = "chapters/02-general-principles"

R, m, phi, F, Eg0, m_e, m_h = sym("R m phi F E_g0 m_e m_h")
N = sp.Symbol("N", positive=True)
i_ = sp.Symbol("i", integer=True, nonnegative=True)
chi, tau_A, tau_r, tau_XX, tau_X, tau_rX = sym("chi tau_A tau_r tau_XX tau_X tau_rX")
n_r, beta, sigma_gain, V, sigma_abs, E_p, N_th, g, G_0, P_XX, P_0 = sym(
    "n_r beta sigma_gain V sigma_abs E_p N_th g G_0 P_XX P_0")


def _three_state_cw_pxx():
    return g**2 * tau_XX * tau_X / (1 + g * tau_X + g**2 * tau_X * tau_XX)


def _half_saturation_rate():
    return (1 + sp.sqrt(1 + 12 * tau_XX / tau_X)) / (2 * tau_XX)


RELATIONS = [
    Relation(
        "eq-1", "2.1", "Levels of a carrier in a spherical box",
        f"{PAGE}/electronic-states",
        lambda: hbar**2 * phi**2 / (2 * m * m_0 * R**2),
        # phi is drawn as phi_{n,L}; the package computes the root itself from (n, L).
        lambda R, m, phi, _n, _L: confinement.level_energy_ev(_n, _L, R * 1e9, m) * sc.e,
        lambda rng: _draw_level(rng),
    ),
    Relation(
        "eq-2", "2.1", "Size-dependent band gap",
        f"{PAGE}/electronic-states",
        lambda: Eg0 + hbar**2 * sp.pi**2 / (2 * (m_e * m_h / (m_e + m_h)) * m_0 * R**2),
        lambda R, E_g0, m_e, m_h: confinement.band_gap_ev(
            Material("test", E_g0 / sc.e, m_e, m_h, 10.0, "test"), R * 1e9) * sc.e,
        lambda rng: {"R": rng.uniform(0.8e-9, 8e-9), "E_g0": rng.uniform(0.2, 3.5) * sc.e,
                     "m_e": rng.uniform(0.03, 0.3), "m_h": rng.uniform(0.03, 1.0)},
    ),
    Relation(
        "rel-2.1-hole-degeneracy", "2.1", "Degeneracy 2F + 1 of a hole level",
        f"{PAGE}/electronic-states",
        lambda: 2 * F + 1,
        lambda F: confinement.angular_momentum_degeneracy(F),
        lambda rng: {"F": rng.integers(0, 8) / 2},
    ),
    Relation(
        "rel-2.2-poisson", "2.2", "Poisson distribution of excitons",
        f"{PAGE}/optical-gain",
        lambda: N**i_ * sp.exp(-N) / sp.factorial(i_),
        lambda N, i: statistics.poisson_probability(i, N),
        lambda rng: {"N": rng.uniform(0.01, 6.0), "i": int(rng.integers(0, 12))},
    ),
    Relation(
        "rel-2.2-three-state", "2.2", "Biexciton population of the three-state model",
        f"{PAGE}/optical-gain",
        lambda: 1 - sp.exp(-N) - N * sp.exp(-N),
        lambda N: statistics.three_state_populations(N)[2],
        lambda rng: {"N": rng.uniform(0.01, 8.0)},
    ),
    Relation(
        "rel-2.2-threshold", "2.2", "Gain threshold with Poisson statistics",
        f"{PAGE}/optical-gain",
        lambda: sp.Eq(1 - sp.exp(-N) * (1 + N), sp.exp(-N)),
        # An equation, not a function: its numeric face is the root.
        lambda: statistics.gain_threshold_occupancy(),
        lambda rng: {},
    ),
    Relation(
        "rel-2.3-pulsed-threshold", "2.3", "Pulsed gain-threshold fluence",
        f"{PAGE}/auger-recombination",
        lambda: E_p * N_th / sigma_abs,
        lambda E_p, N_th, sigma_abs: pumping.pulsed_threshold_fluence_j_cm2(
            E_p / sc.e, sigma_abs, N_th),
        lambda rng: {"E_p": rng.uniform(1.5, 4.0) * sc.e, "N_th": rng.uniform(0.1, 3.0),
                     "sigma_abs": loguniform(rng, 1e-16, 1e-12)},
    ),
    Relation(
        "rel-2.3-cw-steady", "2.3", "Steady-state biexciton population under cw pumping",
        f"{PAGE}/auger-recombination",
        _three_state_cw_pxx,
        lambda g, tau_X, tau_XX: pumping.cw_populations(g, tau_X * 1e9, tau_XX * 1e12)[2],
        lambda rng: _draw_cw(rng),
    ),
    Relation(
        "rel-2.3-cw-threshold", "2.3", "cw gain-threshold intensity",
        f"{PAGE}/auger-recombination",
        lambda: E_p / sigma_abs / sp.sqrt(tau_XX * tau_X),
        lambda E_p, sigma_abs, tau_X, tau_XX: pumping.cw_gain_threshold_intensity_w_cm2(
            E_p / sc.e, sigma_abs, tau_X * 1e9, tau_XX * 1e12),
        lambda rng: {**_draw_cw(rng, rate=False), "E_p": rng.uniform(1.5, 4.0) * sc.e,
                     "sigma_abs": loguniform(rng, 1e-16, 1e-12)},
    ),
    Relation(
        "rel-2.3-gain-coefficient", "2.3", "Gain coefficient of the three-state model",
        f"{PAGE}/auger-recombination",
        lambda: G_0 * (P_XX - P_0),
        lambda G_0, P_XX, P_0: gain.gain_coefficient_cm(G_0, P_XX, P_0),
        lambda rng: _draw_populations(rng),
    ),
    Relation(
        "eq-4", "2.3", "Excitation rate for half-saturated gain",
        f"{PAGE}/auger-recombination",
        _half_saturation_rate,
        lambda tau_X, tau_XX: pumping.half_saturation_rate_per_s(tau_X * 1e9, tau_XX * 1e12),
        lambda rng: _draw_cw(rng, rate=False),
    ),
    Relation(
        "rel-2.3-half-intensity", "2.3", "Auger-limited half-saturation intensity",
        f"{PAGE}/auger-recombination",
        lambda: E_p / (sigma_abs * tau_A),
        lambda E_p, sigma_abs, tau_A: pumping.half_saturation_intensity_w_cm2(
            E_p / sc.e, sigma_abs, tau_A * 1e12),
        lambda rng: {"E_p": rng.uniform(1.5, 4.0) * sc.e,
                     "sigma_abs": loguniform(rng, 1e-16, 1e-12),
                     "tau_A": loguniform(rng, 1e-12, 1e-8)},
    ),
    Relation(
        "rel-2.4-giant", "2.4", "Half-saturation intensity of giant QDs",
        f"{PAGE}/auger-control",
        lambda: E_p / (sigma_abs * tau_A),
        lambda E_p, sigma_abs, tau_A: pumping.half_saturation_intensity_w_cm2(
            E_p / sc.e, sigma_abs, tau_A * 1e12),
        lambda rng: {"E_p": rng.uniform(2.0, 3.5) * sc.e,
                     "sigma_abs": loguniform(rng, 1e-14, 1e-12),
                     "tau_A": loguniform(rng, 1e-10, 1e-8)},
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
            "sigma_gain": loguniform(rng, 1e-17, 1e-14), "tau_A": loguniform(rng, 1e-12, 1e-9)}


def _draw_cw(rng, rate=True):
    out = {"tau_X": loguniform(rng, 1e-9, 1e-7), "tau_XX": loguniform(rng, 1e-12, 1e-8)}
    if rate:
        out["g"] = loguniform(rng, 1e5, 1e12)
    return out


def _draw_populations(rng):
    p = rng.dirichlet([1.0, 1.0, 1.0])
    return {"G_0": rng.uniform(0.0, 5000.0), "P_XX": float(p[0]), "P_0": float(p[1])}


def _draw_graded(rng):
    tau_rx = loguniform(rng, 1.0, 100.0)
    return {"tau_rX": tau_rx, "tau_XX": rng.uniform(0.01, 0.99) * tau_rx / 4}
