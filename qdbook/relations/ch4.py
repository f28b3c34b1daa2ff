"""Registered relations of review section 4 (novel nanocrystal materials).

See :mod:`qdbook.relations.ch2` for the pattern. Symbols are positive sympy
symbols matched by name; ``hbar``, ``m_0`` and ``k_B`` are the constant
symbols of :data:`qdbook.relations.CONSTANTS` (SI values). Each adapter
converts the SI (or stated) sample values to the units of the package
function explicitly.
"""

import sympy as sp
from scipy import constants as sc

from .. import perovskite, wells
from ._base import Relation, hbar, k_B, loguniform, m_0, sym

PAGE = "chapters/04-novel-materials"

n_lev, m, d, E = sym("n m d E")
chi_NPL, V, V_sat = sym("chi_NPL V V_sat")
A, a_2D = sym("A a_2D")
Delta, T = sym("Delta T")
chi, L = sym("chi L")
f_cor, n_NC, n_m, alpha = sym("f_cor n_NC n_m alpha")
g_e, g_h = sym("g_e g_h")


def _well_form():
    return hbar**2 * sp.pi**2 * n_lev**2 / (2 * m * m_0 * d**2)


def _dos_form():
    per_subband = m * m_0 / (sp.pi * hbar**2)
    return per_subband / d * sp.floor(d * sp.sqrt(2 * m * m_0 * E) / (sp.pi * hbar))


RELATIONS = [
    Relation(
        "rel-4.1-well", "4.1", "Levels of an infinitely deep quantum well",
        f"{PAGE}/nanoplatelets",
        _well_form,
        # d in m, result in J; the package works in nm and eV.
        lambda n, m, d: wells.infinite_well_level_ev(n, d * 1e9, m) * sc.e,
        lambda rng: {"n": int(rng.integers(1, 5)), "m": rng.uniform(0.05, 1.0),
                     "d": rng.uniform(0.5e-9, 5e-9)},
    ),
    Relation(
        "rel-4.1-dos", "4.1", "Step-like density of states of a quantum well (per volume)",
        f"{PAGE}/nanoplatelets",
        _dos_form,
        # E in J, d in m; package: eV^-1 nm^-3 -> J^-1 m^-3.
        lambda E, d, m: wells.dos_2d_per_volume(E / sc.e, d * 1e9, m) / sc.e * 1e27,
        lambda rng: {"E": rng.uniform(0.01, 3.0) * sc.e, "d": rng.uniform(0.6e-9, 5e-9),
                     "m": rng.uniform(0.05, 1.0)},
    ),
    Relation(
        "rel-4.1-auger", "4.1", "Biexciton Auger lifetime of nanoplatelets: linear, then a plateau",
        f"{PAGE}/nanoplatelet-gain",
        lambda: chi_NPL * sp.Min(V, V_sat),
        lambda chi_NPL, V, V_sat: wells.npl_auger_lifetime_ps(V, chi_NPL, V_sat),
        lambda rng: {"chi_NPL": rng.uniform(0.5, 5.0), "V": loguniform(rng, 5.0, 2000.0),
                     "V_sat": loguniform(rng, 20.0, 500.0)},
    ),
    Relation(
        "rel-4.1-space-filling", "4.1", "Largest number of 2D excitons per platelet",
        f"{PAGE}/nanoplatelet-gain",
        lambda: A / (sp.pi * a_2D**2),
        lambda A, a_2D: wells.max_excitons_per_platelet(A, a_2D),
        lambda rng: {"A": loguniform(rng, 10.0, 5000.0), "a_2D": rng.uniform(0.5, 5.0)},
    ),
    Relation(
        "rel-4.1-biexciton", "4.1", "Biexciton binding energy in units of the thermal energy",
        f"{PAGE}/nanoplatelet-gain",
        lambda: Delta / (k_B * T),
        # Delta in J -> meV for the package.
        lambda Delta, T: wells.binding_to_thermal_ratio(Delta / sc.e * 1e3, T),
        lambda rng: {"Delta": rng.uniform(1.0, 100.0) * 1e-3 * sc.e, "T": rng.uniform(4.0, 500.0)},
    ),
    Relation(
        "rel-4.2-v-scaling", "4.2", "Volume scaling of the Auger lifetime of perovskite cubes",
        f"{PAGE}/perovskites",
        lambda: chi * L**3,
        lambda chi, L: perovskite.cube_auger_lifetime_ps(L, chi),
        lambda rng: {"chi": loguniform(rng, 0.01, 5.0), "L": rng.uniform(2.0, 20.0)},
    ),
    Relation(
        "rel-4.2-cross-section", "4.2", "Absorption cross-section with the local-field factor",
        f"{PAGE}/perovskites",
        lambda: f_cor * V * n_NC / n_m * alpha,
        # V in cm^3 (alpha in cm^-1, sigma in cm^2); the package takes nm^3.
        lambda f_cor, V, n_NC, n_m, alpha: perovskite.absorption_cross_section_cm2(
            V * 1e21, alpha, n_NC, n_m, f_cor=f_cor),
        lambda rng: {"f_cor": rng.uniform(0.05, 1.0), "V": loguniform(rng, 1e-20, 1e-17),
                     "n_NC": rng.uniform(1.5, 3.5), "n_m": rng.uniform(1.0, 1.6),
                     "alpha": loguniform(rng, 1e3, 1e6)},
    ),
    Relation(
        "rel-4.2-degeneracy", "4.2", "Band-edge gain threshold from the degeneracies",
        f"{PAGE}/perovskite-gain",
        lambda: g_e * g_h / (g_e + g_h),
        lambda g_e, g_h: perovskite.band_edge_gain_threshold(g_e, g_h),
        lambda rng: {"g_e": int(rng.integers(1, 9)), "g_h": int(rng.integers(1, 9))},
    ),
]
