"""Registered relations of review sections 6.2-6.4 (losses, waveguides, driven ASE).

See :mod:`qdbook.relations.ch2` for the pattern. Lengths in the symbolic forms
are in SI units unless the adapter says otherwise; each adapter converts to the
units of :mod:`qdbook.photonics` explicitly.
"""

import numpy as np
import sympy as sp

from .. import photonics
from ._base import Relation, loguniform, sym

PAGE = "chapters/06-electrical-gain"
LOSSES = f"{PAGE}/optical-losses"
OPTICAL = f"{PAGE}/optically-pumped-devices"
ASE = f"{PAGE}/electrically-driven-ase"

kappa, lam = sym("kappa lam")
n_1, n_2, n_3, Gamma_1, Gamma_2, Gamma_3, alpha_1, alpha_2, alpha_3, n_eff = sym(
    "n_1 n_2 n_3 Gamma_1 Gamma_2 Gamma_3 alpha_1 alpha_2 alpha_3 n_eff")
eps_d, eps_m = sym("eps_d eps_m")
sigma_gain, xi, V = sym("sigma_gain xi V")
Gamma, G_mat, alpha_loss = sym("Gamma G_mat alpha_loss")
n_clad, n_wg, n_layer = sym("n_clad n_wg n_layer")
P, w, t = sym("P w t")
S, g, L = sym("S g L")


def _draw_three_layers(rng):
    gam = rng.dirichlet([1.0, 1.0, 1.0, 1.0])[:3]
    out = {"n_eff": rng.uniform(1.4, 2.0)}
    for j in range(3):
        out[f"n_{j + 1}"] = rng.uniform(1.3, 2.5)
        out[f"Gamma_{j + 1}"] = float(gam[j])
        out[f"alpha_{j + 1}"] = loguniform(rng, 0.1, 1e4)
    return out


def _draw_ratio(rng, name):
    wg = rng.uniform(1.4, 2.5)
    return {"n_wg": wg, name: wg * rng.uniform(0.05, 0.99)}


RELATIONS = [
    Relation(
        "rel-6.2-absorption", "6.2", "Absorption coefficient from the extinction coefficient",
        LOSSES,
        lambda: 4 * sp.pi * kappa / lam,
        # lam in cm -> nm for the package; the result is in cm^-1 either way
        lambda kappa, lam: photonics.absorption_coefficient_cm(kappa, lam * 1e7),
        lambda rng: {"kappa": loguniform(rng, 1e-6, 10.0), "lam": rng.uniform(3e-5, 2e-4)},
    ),
    Relation(
        "rel-6.2-confinement", "6.2", "Weak-loss modal attenuation from confinement factors",
        LOSSES,
        lambda: (n_1 * Gamma_1 * alpha_1 + n_2 * Gamma_2 * alpha_2
                 + n_3 * Gamma_3 * alpha_3) / n_eff,
        lambda n_1, n_2, n_3, Gamma_1, Gamma_2, Gamma_3, alpha_1, alpha_2, alpha_3, n_eff:
            photonics.perturbative_modal_loss_cm([Gamma_1, Gamma_2, Gamma_3], [n_1, n_2, n_3],
                                                 [alpha_1, alpha_2, alpha_3], n_eff),
        _draw_three_layers,
    ),
    Relation(
        "rel-6.2-te-tm", "6.2", "Surface-plasmon (TM) index of a metal/dielectric interface",
        LOSSES,
        # eps_m is the magnitude of the (negative) metal permittivity, taken lossless here
        lambda: sp.sqrt(eps_d * eps_m / (eps_m - eps_d)),
        lambda eps_d, eps_m: float(np.real(photonics.surface_plasmon_index(-eps_m, eps_d))),
        lambda rng: (lambda ed: {"eps_d": ed, "eps_m": ed * rng.uniform(1.3, 20.0)})(
            rng.uniform(1.0, 5.0)),
    ),
    Relation(
        "rel-6.3-packing", "6.3", "Material gain of a close-packed film, G = sigma xi / V",
        OPTICAL,
        lambda: sigma_gain * xi / V,
        # V in cm^3 -> nm^3 for the package
        lambda sigma_gain, xi, V: photonics.packed_film_gain_cm(sigma_gain, V * 1e21, xi),
        lambda rng: {"sigma_gain": loguniform(rng, 1e-17, 1e-14), "xi": rng.uniform(0.05, 0.74),
                     "V": loguniform(rng, 1e-20, 1e-17)},
    ),
    Relation(
        "rel-6.3-budget", "6.3", "Net modal gain of a waveguide, Gamma G_mat - alpha_loss",
        OPTICAL,
        lambda: Gamma * G_mat - alpha_loss,
        lambda Gamma, G_mat, alpha_loss: photonics.net_modal_gain_cm(Gamma, G_mat, alpha_loss),
        lambda rng: {"Gamma": rng.uniform(0.01, 0.99), "G_mat": rng.uniform(1.0, 3000.0),
                     "alpha_loss": rng.uniform(0.0, 1000.0)},
    ),
    Relation(
        "eq-14", "6.4", "Critical angle of total internal reflection",
        ASE,
        lambda: sp.asin(n_clad / n_wg),
        lambda n_clad, n_wg: np.radians(photonics.critical_angle_deg(n_clad, n_wg)),
        lambda rng: _draw_ratio(rng, "n_clad"),
    ),
    Relation(
        "eq-15", "6.4", "Modal angle of a Bragg-reflection-waveguide mode",
        ASE,
        lambda: sp.asin(n_eff / n_wg),
        lambda n_eff, n_wg: np.radians(photonics.modal_angle_deg(n_eff, n_wg)),
        lambda rng: _draw_ratio(rng, "n_eff"),
    ),
    Relation(
        "rel-6.4-brw", "6.4", "Transverse quarter-wave layer of a Bragg reflection waveguide",
        ASE,
        lambda: lam / (4 * sp.sqrt(n_layer**2 - n_eff**2)),
        # lam in m -> nm, result nm -> m
        lambda lam, n_layer, n_eff: photonics.quarter_wave_thickness_nm(
            n_layer, lam * 1e9, n_eff) * 1e-9,
        lambda rng: (lambda nl: {"n_layer": nl, "n_eff": nl * rng.uniform(0.01, 0.95),
                                 "lam": rng.uniform(4e-7, 1.6e-6)})(rng.uniform(1.3, 2.6)),
    ),
    Relation(
        "rel-6.4-edge-intensity", "6.4", "Edge-emission intensity, power over facet area",
        ASE,
        lambda: P / (w * t),
        # SI in (W, m, m), W cm^-2 out of the package -> W m^-2
        lambda P, w, t: photonics.edge_emission_intensity_w_cm2(P, w * 1e6, t * 1e9) * 1e4,
        lambda rng: {"P": loguniform(rng, 1e-7, 1e-1), "w": loguniform(rng, 1e-6, 1e-3),
                     "t": loguniform(rng, 5e-8, 5e-6)},
    ),
    Relation(
        "rel-6.4-ase", "6.4", "Amplified spontaneous emission from a gain stripe",
        ASE,
        lambda: S * (sp.exp(g * L) - 1) / g,
        lambda S, g, L: photonics.ase_intensity(S, g, L),
        lambda rng: {"S": loguniform(rng, 1e-3, 1e3), "g": loguniform(rng, 0.1, 300.0),
                     "L": loguniform(rng, 1e-4, 0.1)},
    ),
]
