"""Charged-exciton gain, quasi-Fermi levels and statistical Auger scaling (qdbook.charging)."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import charging as c

CASES = [
    # (function, kwargs, parameter named in the message)
    (c.quasi_fermi_levels_ev, dict(mean_n=2.5, n_e=0, g_e=2, g_h=2), "mean_n"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, n_e=1.8, g_e=2, g_h=2), "mean_n + n_e"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, temperature_k=0), "temperature_k"),
    (c.charged_gain_threshold, dict(n_e=3, g_e=2, g_h=2), "n_e"),
    (c.charged_gain_threshold, dict(n_e=1, g_e=0, g_h=2), "g_e"),
    (c.band_edge_inversion, dict(mean_n=-1), "mean_n"),
    (c.band_edge_inversion, dict(mean_n=1, g_h=-8), "g_h"),
    (c.poisson_charged_inversion, dict(mean_n=1, mean_n_e=-2), "mean_n_e"),
    (c.poisson_charged_threshold, dict(mean_n_e=2.7, g_e=8, g_h=0), "g_h"),
    (c.statistical_auger_rate, dict(n_electrons=-1, n_holes=2), "n_electrons"),
    (c.statistical_auger_rate, dict(n_electrons=1, n_holes=2, c_a=0), "c_a"),
    (c.charged_exciton_auger_rate, dict(n_e=-1), "n_e"),
    (c.auger_rate_ratio, dict(n_excitons=0.5), "n_excitons"),
    (c.auger_rate_ratio, dict(n_excitons=6, reference_excitons=1), "reference_excitons"),
    (c.neutral_fraction, dict(mean_n_e=-0.5), "mean_n_e"),
    (c.mean_charge_from_neutral_fraction, dict(q0=0.0), "q0"),
    (c.mean_charge_from_neutral_fraction, dict(q0=1.5), "q0"),
]


def test_quasi_fermi_sign_and_temperature():
    phi_e, phi_h = c.quasi_fermi_levels_ev(0.5, 0.0, 2, 2, 300.0)
    assert phi_e > 0 and phi_h > 0              # below transparency: sum positive
    above = sum(c.quasi_fermi_levels_ev(1.5, 0.0, 2, 2))
    assert above < 0                            # gain: sum negative
    cold = sum(c.quasi_fermi_levels_ev(0.5, 0.0, 2, 2, 150.0))
    assert cold == pytest.approx((phi_e + phi_h) / 2)


def test_eq5_is_root_of_inversion():
    n_e = np.linspace(0, 8, 9)
    n_th = c.charged_gain_threshold(n_e, 8, 8)
    assert_allclose(c.band_edge_inversion(n_th, n_e, 8, 8), 0.0, atol=1e-14)


def test_poisson_threshold_limits():
    assert c.poisson_charged_threshold(0.0, 8, 8) == pytest.approx(4.0)
    assert c.poisson_charged_threshold(25.0, 2, 2) < 1e-8   # all but 1e-9 of dots full
    assert c.poisson_charged_threshold(25.0, 2, 2) >= 0.0
    for mean in (1.0, 2.7, 4.8):                # overflowing dots raise the threshold
        assert c.poisson_charged_threshold(mean, 8, 8) >= c.charged_gain_threshold(mean, 8, 8)


def test_statistical_auger_arrays():
    assert_allclose(c.statistical_auger_rate([1, 2, 3], [1, 2, 3]), [0, 8, 36])
    assert c.statistical_auger_rate(2, 2, c_a=1e9) == pytest.approx(8e9)
    assert_allclose(c.auger_rate_ratio(np.array([2, 3, 6])), [1, 4.5, 45])


def test_neutral_fraction():
    assert c.neutral_fraction(0.0) == 1.0
    assert c.mean_charge_from_neutral_fraction(np.exp(-3.1)) == pytest.approx(3.1)
