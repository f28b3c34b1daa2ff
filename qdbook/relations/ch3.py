"""Registered relations of review section 3 (practical aspects and advanced gain concepts).

See :mod:`qdbook.relations.ch2` for the pattern. Units of the numeric
adapters: lengths in cm (rel-3.1), energies in eV (rel-3.2-single-exciton,
rel-3.4-auger-assisted), quasi-Fermi potentials in J (k_B is SI), grating
periods and wavelengths in m (rel-3.4-dfb, converted to the package's nm).
"""

import sympy as sp
from scipy import constants as sc

from .. import charging, gain, spectroscopy, statefilling
from ._base import Relation, k_B, loguniform, sym

PAGE = "chapters/03-practical-gain"

I_in, rho, sigma_gain, ell = sym("I_in rho sigma_gain l")
Gamma_NC, xi, G_B, alpha_loss = sym("Gamma_NC xi G_B alpha_loss")
N, alpha_0, A, B, G = sym("N alpha_0 A B G")
E, E_X, Delta_XX, w = sym("E E_X Delta_XX w")
n_e, g_e, g_h, T, C_A, N_e, N_h = sym("n_e g_e g_h T C_A N_e N_h")
N_low, g, Delta_E, n_eff, Lambda = sym("N_low g Delta_E n_eff Lambda")


def _line(x):
    """Gaussian of unit peak and full width w at half maximum, in the variable x."""
    return sp.exp(-4 * sp.log(2) * x**2 / w**2)


def _statistical_auger():
    return C_A * N_e * N_h * (N_e + N_h - 2)


RELATIONS = [
    Relation(
        "rel-3.1-amplification", "3.1", "Amplification I_in e^{Gl} with G = ρσ_gain",
        f"{PAGE}/gain-characteristics",
        lambda: I_in * sp.exp(rho * sigma_gain * ell),
        lambda **kw: spectroscopy.amplified_intensity(
            kw["I_in"], gain.saturated_gain_cm(kw["rho"], kw["sigma_gain"]), kw["l"]),
        lambda rng: {"I_in": rng.uniform(0.1, 10.0), "rho": loguniform(rng, 1e16, 1e19),
                     "sigma_gain": loguniform(rng, 1e-17, 1e-15), "l": rng.uniform(0.0, 0.2)},
    ),
    Relation(
        "rel-3.1-gain-kinds", "3.1", "Net gain from the bulk-equivalent gain",
        f"{PAGE}/gain-characteristics",
        lambda: Gamma_NC * xi * G_B - alpha_loss,
        lambda Gamma_NC, xi, G_B, alpha_loss: spectroscopy.net_gain_cm(
            spectroscopy.modal_gain_cm(spectroscopy.material_gain_from_bulk_cm(G_B, xi),
                                       Gamma_NC), alpha_loss),
        lambda rng: {"Gamma_NC": rng.uniform(0.01, 1.0), "xi": rng.uniform(0.01, 1.0),
                     "G_B": loguniform(rng, 10.0, 1e5), "alpha_loss": rng.uniform(0.0, 500.0)},
    ),
    Relation(
        "rel-3.1-ta", "3.1", "Band-edge absorption of a Poisson-excited ensemble",
        f"{PAGE}/gain-characteristics",
        lambda: alpha_0 * ((2 + N) * sp.exp(-N) - 1),
        lambda N, alpha_0: spectroscopy.band_edge_absorption_cm(N, alpha_0),
        lambda rng: {"N": rng.uniform(0.0, 8.0), "alpha_0": loguniform(rng, 10.0, 1e5)},
    ),
    Relation(
        "rel-3.1-vsl", "3.1", "Edge emission versus stripe length",
        f"{PAGE}/gain-characteristics",
        lambda: A * ell + B * sp.exp(G * ell),
        lambda **kw: spectroscopy.vsl_intensity(kw["l"], kw["A"], kw["B"], kw["G"]),
        lambda rng: {"A": loguniform(rng, 1.0, 1e4), "B": loguniform(rng, 1e-3, 10.0),
                     "G": rng.uniform(0.0, 200.0), "l": rng.uniform(0.0, 0.3)},
    ),
    Relation(
        "rel-3.2-single-exciton", "3.2", "Net gain of singly excited dots with Δ_XX",
        f"{PAGE}/advanced-gain",
        lambda: _line(E - E_X) - _line(E - E_X - Delta_XX),
        lambda E, E_X, Delta_XX, w: spectroscopy.single_exciton_net_gain(E, E_X, Delta_XX, w),
        lambda rng: {"E_X": rng.uniform(1.5, 2.5), "Delta_XX": rng.uniform(0.001, 0.2),
                     "w": rng.uniform(0.02, 0.2), "E": rng.uniform(1.3, 2.8)},
    ),
    Relation(
        "rel-3.2-charged", "3.2", "Gain threshold of charged dots with two-fold levels",
        f"{PAGE}/advanced-gain",
        lambda: (2 - n_e) / 2,
        lambda n_e: charging.charged_gain_threshold(n_e, 2, 2),
        lambda rng: {"n_e": rng.uniform(0.0, 2.0)},
    ),
    Relation(
        "rel-3.2-quasi-fermi", "3.2", "Sum of electron and hole quasi-Fermi potentials",
        f"{PAGE}/advanced-gain",
        lambda: k_B * T * (sp.log(g_e / (N + n_e) - 1) + sp.log(g_h / N - 1)),
        lambda N, n_e, g_e, g_h, T: sc.e * sum(
            charging.quasi_fermi_levels_ev(N, n_e, g_e, g_h, T)),
        lambda rng: _draw_quasi_fermi(rng),
    ),
    Relation(
        "eq-5", "3.2", "Gain threshold of dots with n_e extra electrons",
        f"{PAGE}/advanced-gain",
        lambda: g_h * (g_e - n_e) / (g_e + g_h),
        lambda n_e, g_e, g_h: charging.charged_gain_threshold(n_e, g_e, g_h),
        lambda rng: _draw_eq5(rng),
    ),
    Relation(
        "eq-6", "3.2", "Statistical scaling of Auger rates",
        f"{PAGE}/advanced-gain",
        _statistical_auger,
        lambda C_A, N_e, N_h: charging.statistical_auger_rate(N_e, N_h, C_A),
        lambda rng: {"C_A": loguniform(rng, 1e6, 1e11), "N_e": int(rng.integers(1, 12)),
                     "N_h": int(rng.integers(1, 12))},
    ),
    Relation(
        "rel-3.3-charging-poisson", "3.3", "Fraction of neutral dots under Poisson charging",
        f"{PAGE}/charged-gain-practice",
        lambda: sp.exp(-n_e),
        lambda n_e: charging.neutral_fraction(n_e),
        lambda rng: {"n_e": rng.uniform(0.0, 8.0)},
    ),
    Relation(
        "rel-3.3-trion-auger", "3.3", "Auger rate of an exciton with n_e extra electrons",
        f"{PAGE}/charged-gain-practice",
        lambda: C_A * n_e * (n_e + 1),
        lambda C_A, n_e: charging.charged_exciton_auger_rate(n_e, C_A),
        lambda rng: {"C_A": loguniform(rng, 1e6, 1e11), "n_e": int(rng.integers(0, 10))},
    ),
    Relation(
        "rel-3.3-doped-pbs", "3.3", "eq-5 for eight-fold PbS levels",
        f"{PAGE}/charged-gain-practice",
        lambda: (8 - n_e) / 2,
        lambda n_e: charging.charged_gain_threshold(n_e, charging.PBS_DEGENERACY,
                                                    charging.PBS_DEGENERACY),
        lambda rng: {"n_e": rng.uniform(0.0, 8.0)},
    ),
    Relation(
        "eq-7", "3.4", "Transparency of a shell above N_low filled places",
        f"{PAGE}/gain-spectra",
        lambda: sp.Eq(2 * (N - N_low) / g, 1),
        # An equation: its numeric face is the root N = N_low + g/2, found by the package
        # for a two-shell ladder (N_low places below, then a shell of g places).
        lambda N_low, g: statefilling.shell_gain_threshold(1, (N_low, g)),
        lambda rng: {"N_low": 2 * int(rng.integers(1, 10)), "g": 2 * int(rng.integers(1, 8))},
    ),
    Relation(
        "rel-3.4-auger-ratio", "3.4", "Auger rate of N excitons relative to the biexciton",
        f"{PAGE}/gain-spectra",
        lambda: N**2 * (N - 1) / 4,
        lambda N: charging.auger_rate_ratio(N),
        lambda rng: {"N": int(rng.integers(1, 20))},
    ),
    Relation(
        "rel-3.4-auger-assisted", "3.4", "Photon energy of Auger-assisted emission",
        f"{PAGE}/gain-spectra",
        lambda: E_X - Delta_E,
        lambda E_X, Delta_E: statefilling.auger_assisted_photon_energy_ev(E_X, Delta_E),
        lambda rng: {"E_X": rng.uniform(0.5, 3.0), "Delta_E": rng.uniform(0.0, 0.4)},
    ),
]


def _draw_quasi_fermi(rng):
    g_e, g_h = float(rng.choice([2, 4, 8])), float(rng.choice([2, 4, 8]))
    n_e = rng.uniform(0.0, 0.9 * g_e)
    n = rng.uniform(0.01, 0.99) * min(g_h, g_e - n_e)
    return {"N": n, "n_e": n_e, "g_e": g_e, "g_h": g_h, "T": rng.uniform(4.0, 400.0)}


def _draw_eq5(rng):
    g_e = float(rng.choice([2, 4, 6, 8]))
    return {"g_e": g_e, "g_h": float(rng.choice([2, 4, 6, 8])), "n_e": rng.uniform(0.0, g_e)}
