"""Registered relations of review sections 5 and 6.1 (laser diodes; high-current LEDs).

See :mod:`qdbook.relations.ch2` for the pattern. Units of the symbols: R in
cm for the cross sections and thresholds (so that j comes out in A cm⁻²),
R in m for the charging energy, lifetimes in s, powers in W, C in J K⁻¹,
K in W K⁻¹, A_d in cm², j in A cm⁻², V in V.
"""

import sympy as sp
from scipy import constants as sc

from .. import electrical, injection, thermal
from ._base import Relation, e_charge, loguniform, sym

PAGE5 = "chapters/05-laser-diodes"
PAGE6 = "chapters/06-electrical-gain"

q = sp.Symbol("q", integer=True, positive=True)
R, eps_r, epsilon_0, f_a, j, tau_X, tau_XX = sym("R eps_r epsilon_0 f_a j tau_X tau_XX")
A_d, V, V_0, K, C, Delta_T, tau_p, T_pp, N = sym("A_d V V_0 K C Delta_T tau_p T_pp N")


def _draw_dot(rng):
    return {"R": rng.uniform(1e-7, 2e-6), "f_a": rng.uniform(0.2, 1.0),
            "tau_X": loguniform(rng, 1e-9, 1e-7), "tau_XX": loguniform(rng, 1e-11, 1e-8)}


def _draw_device(rng, pulse=False):
    out = {"A_d": loguniform(rng, 1e-5, 1e-1), "j": loguniform(rng, 1e-2, 1e4),
           "K": loguniform(rng, 1e-4, 1e-1), "C": loguniform(rng, 1e-10, 1e-6)}
    out["V_0" if pulse else "V"] = rng.uniform(0.5, 15.0)
    if pulse:
        out["tau_p"] = loguniform(rng, 1e-8, 1e-3)
    return out


def _power(A_d, j, V):
    return thermal.electrical_power_w(j, V, A_d)


RELATIONS = [
    Relation(
        "rel-5.2-cycles", "5.2", "Charging energy of a sphere, E_c(q) = q² E_c,1",
        f"{PAGE5}/injection-cycles",
        lambda: q**2 * e_charge**2 / (8 * sp.pi * epsilon_0 * eps_r * R),
        # epsilon_0 is sampled at its scipy value: the registry's constants do not list it.
        lambda q, R, eps_r, epsilon_0: injection.charging_energy_ev(q, R * 1e9, eps_r) * sc.e,
        lambda rng: {"q": int(rng.integers(1, 4)), "R": rng.uniform(1e-9, 15e-9),
                     "eps_r": rng.uniform(1.5, 15.0), "epsilon_0": sc.epsilon_0},
    ),
    Relation(
        "rel-5.3-cross-sections", "5.3", "Injection rate g = σ_e j/e with σ_e = πR²/f_a",
        f"{PAGE5}/electrical-thresholds",
        lambda: sp.pi * R**2 / f_a * j / e_charge,
        lambda R, f_a, j: electrical.excitation_rate_per_s(j, R * 1e7, f_a),
        lambda rng: {"R": rng.uniform(1e-7, 2e-6), "f_a": rng.uniform(0.2, 1.0),
                     "j": loguniform(rng, 1e-3, 1e5)},
    ),
    Relation(
        "eq-8", "5.3", "Gain-threshold current density",
        f"{PAGE5}/electrical-thresholds",
        lambda: e_charge * f_a / (sp.pi * R**2 * sp.sqrt(tau_X * tau_XX)),
        lambda R, f_a, tau_X, tau_XX: electrical.gain_threshold_current_density_a_cm2(
            R * 1e7, tau_X * 1e9, tau_XX * 1e12, f_a),
        _draw_dot,
    ),
    Relation(
        "eq-9", "5.3", "Half-saturation current density",
        f"{PAGE5}/electrical-thresholds",
        lambda: e_charge * f_a * (1 + sp.sqrt(1 + 12 * tau_XX / tau_X))
        / (2 * sp.pi * R**2 * tau_XX),
        lambda R, f_a, tau_X, tau_XX: electrical.half_saturation_current_density_a_cm2(
            R * 1e7, tau_X * 1e9, tau_XX * 1e12, f_a),
        _draw_dot,
    ),
    Relation(
        "eq-10", "6.1", "Heat balance of the active volume (rate of change of ΔT)",
        f"{PAGE6}/device-heating",
        lambda: (A_d * j * V - K * Delta_T) / C,
        lambda A_d, j, V, K, C, Delta_T: thermal.heating_rate_k_per_s(
            _power(A_d, j, V), Delta_T, C, K),
        lambda rng: {**_draw_device(rng), "Delta_T": rng.uniform(0.0, 300.0)},
    ),
    Relation(
        "eq-11", "6.1", "d.c. overheating",
        f"{PAGE6}/device-heating",
        lambda: A_d * j * V / K,
        lambda A_d, j, V, K: thermal.dc_overheating_k(_power(A_d, j, V), K),
        lambda rng: {k: x for k, x in _draw_device(rng).items() if k != "C"},
    ),
    Relation(
        "eq-12", "6.1", "Overheating at the end of a square pulse",
        f"{PAGE6}/device-heating",
        lambda: A_d * j * V_0 / K * (1 - sp.exp(-K * tau_p / C)),
        lambda A_d, j, V_0, K, C, tau_p: thermal.pulse_overheating_k(
            _power(A_d, j, V_0), tau_p, C, K),
        lambda rng: _draw_device(rng, pulse=True),
    ),
    Relation(
        "eq-13", "6.1", "Short-pulse overheating",
        f"{PAGE6}/device-heating",
        lambda: A_d * j * V_0 * tau_p / C,
        lambda A_d, j, V_0, C, tau_p, _K: thermal.pulse_overheating_k(
            _power(A_d, j, V_0), tau_p, C, _K, exact=False),
        # K is passed to the function but cancels; the form does not contain it.
        lambda rng: {**{k: x for k, x in _draw_device(rng, pulse=True).items() if k != "K"},
                     "_K": loguniform(rng, 1e-4, 1e-1)},
    ),
    Relation(
        "rel-6.1-average", "6.1", "Pulse-averaged overheating per input power",
        f"{PAGE6}/device-heating",
        lambda: (1 - C / (K * tau_p) * (1 - sp.exp(-K * tau_p / C))) / K,
        lambda K, C, tau_p: thermal.pulse_average_overheating_per_power_k_w(tau_p, C, K),
        lambda rng: {"K": loguniform(rng, 1e-4, 1e-1), "C": loguniform(rng, 1e-10, 1e-6),
                     "tau_p": loguniform(rng, 1e-8, 1e-3)},
    ),
    Relation(
        "rel-6.1-duty", "6.1", "Duty cycle of a pulse train",
        f"{PAGE6}/device-heating",
        lambda: tau_p / T_pp,
        lambda tau_p, T_pp: thermal.duty_cycle(tau_p, T_pp),
        lambda rng: _draw_duty(rng),
    ),
    Relation(
        "rel-6.1-el-ratio", "6.1", "Ratio of 1P to 1S electroluminescence",
        f"{PAGE6}/electroluminescence-gain",
        lambda: (N - 2)**2 / 12,
        lambda N: injection.el_intensity_ratio_1p_1s(N),
        lambda rng: {"N": rng.uniform(2.0, 8.0)},
    ),
]


def _draw_duty(rng):
    tp = loguniform(rng, 1e-8, 1e-3)
    return {"tau_p": tp, "T_pp": tp * loguniform(rng, 1.0, 1e4)}
