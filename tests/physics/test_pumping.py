import numpy as np
from numpy.testing import assert_allclose
from scipy import constants as sc
from scipy.optimize import brentq

from qdbook import pumping, statistics

# Bad input: (function, kwargs, parameter named in the message); run by test_bad_input.py.
CASES = [
    (pumping.intensity_from_rate_w_cm2,
     dict(rate_per_s=-1.0, photon_energy_ev=3.0, sigma_abs_cm2=1e-15), "rate_per_s"),
    (pumping.intensity_from_rate_w_cm2,
     dict(rate_per_s=1.0, photon_energy_ev=0.0, sigma_abs_cm2=1e-15), "photon_energy_ev"),
    (pumping.rate_from_intensity_per_s,
     dict(intensity_w_cm2=-5.0, photon_energy_ev=3.0, sigma_abs_cm2=1e-15), "intensity_w_cm2"),
    (pumping.rate_from_intensity_per_s,
     dict(intensity_w_cm2=5.0, photon_energy_ev=3.0, sigma_abs_cm2=0.0), "sigma_abs_cm2"),
    (pumping.pulsed_threshold_fluence_j_cm2,
     dict(photon_energy_ev=3.0, sigma_abs_cm2=1e-15, mean_n_th=-1.0), "mean_n_th"),
    (pumping.pulsed_threshold_fluence_j_cm2, dict(photon_energy_ev=3.0, sigma_abs_cm2=0.0),
     "sigma_abs_cm2"),
    (pumping.pulsed_threshold_fluence_j_cm2, dict(photon_energy_ev=-3.0, sigma_abs_cm2=1e-15),
     "photon_energy_ev"),
    (pumping.cw_populations, dict(rate_per_s=-1e9, tau_x_ns=20, tau_xx_ps=50), "rate_per_s"),
    (pumping.cw_populations, dict(rate_per_s=1e9, tau_x_ns=-20, tau_xx_ps=50), "tau_x_ns"),
    (pumping.cw_gain_threshold_rate_per_s, dict(tau_x_ns=20, tau_xx_ps=0), "tau_xx_ps"),
    (pumping.cw_gain_threshold_intensity_w_cm2,
     dict(photon_energy_ev=3, sigma_abs_cm2=-1e-15, tau_x_ns=20, tau_xx_ps=50), "sigma_abs_cm2"),
    (pumping.half_saturation_rate_per_s, dict(tau_x_ns=0, tau_xx_ps=50), "tau_x_ns"),
    (pumping.half_saturation_intensity_w_cm2,
     dict(photon_energy_ev=3, sigma_abs_cm2=1e-15, tau_a_xx_ps=-65), "tau_a_xx_ps"),
    (pumping.lasing_to_gain_threshold_ratio, dict(tau_x_ns=-1, tau_xx_ps=50), "tau_x_ns"),
    (pumping.lasing_to_gain_threshold_ratio, dict(tau_x_ns=20, tau_xx_ps=50, exact="yes"),
     "exact"),
]


def test_rate_and_intensity_are_inverse():
    rate = pumping.rate_from_intensity_per_s(1e4, 3.0, 3e-15)
    assert_allclose(pumping.intensity_from_rate_w_cm2(rate, 3.0, 3e-15), 1e4, rtol=1e-14)


def test_pulsed_threshold_uses_poisson_occupancy():
    w = pumping.pulsed_threshold_fluence_j_cm2(3.0, 3e-15)
    assert_allclose(w * 3e-15 / (3.0 * sc.e), statistics.gain_threshold_occupancy(), rtol=1e-13)


def test_cw_populations_normalised_and_balanced(rng):
    g = rng.uniform(1e6, 1e11, 10)
    p0, px, pxx = pumping.cw_populations(g, 20.0, 65.0)
    assert_allclose(p0 + px + pxx, 1.0, rtol=1e-13)
    assert_allclose(px / 20e-9, g * p0, rtol=1e-12)
    assert_allclose(pxx / 65e-12, g * px, rtol=1e-12)


def test_cw_threshold_is_where_gain_vanishes():
    g_th = pumping.cw_gain_threshold_rate_per_s(20.0, 65.0)
    p0, _, pxx = pumping.cw_populations(g_th, 20.0, 65.0)
    assert_allclose(pxx, p0, rtol=1e-12)


def test_half_saturation_rate_solves_its_condition():
    tau_x, tau_xx = 12.0, 1300.0
    g_num = brentq(lambda g: 2 * np.subtract(*pumping.cw_populations(g, tau_x, tau_xx)[::-2]) - 1,
                   1e6, 1e13)
    assert_allclose(pumping.half_saturation_rate_per_s(tau_x, tau_xx), g_num, rtol=1e-10)


def test_lasing_always_above_gain_threshold(rng):
    for _ in range(20):
        tau_x, tau_xx = rng.uniform(1, 50), rng.uniform(10, 5000)
        assert pumping.lasing_to_gain_threshold_ratio(tau_x, tau_xx) > 1
