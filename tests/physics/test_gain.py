import numpy as np
from numpy.testing import assert_allclose

from qdbook import gain, statistics

# Bad input: (function, kwargs, parameter named in the message); run by test_bad_input.py.
CASES = [
    (gain.saturated_gain_cm, dict(density_cm3=-1e18, sigma_gain_cm2=1e-16), "density_cm3"),
    (gain.saturated_gain_cm, dict(density_cm3=1e18, sigma_gain_cm2=0.0), "sigma_gain_cm2"),
    (gain.gain_coefficient_cm, dict(g0_cm=100.0, p_xx=1.2, p_0=0.0), "p_xx"),
    (gain.gain_coefficient_cm, dict(g0_cm=100.0, p_xx=0.5, p_0=-0.1), "p_0"),
    (gain.gain_coefficient_cm, dict(g0_cm=100.0, p_xx=0.7, p_0=0.6), "p_xx + p_0"),
    (gain.gain_coefficient_cm, dict(g0_cm=-1.0, p_xx=0.5, p_0=0.2), "g0_cm"),
]


def test_saturated_gain_is_density_times_cross_section():
    assert_allclose(gain.saturated_gain_cm(1e18, 2e-16), 200.0, rtol=1e-14)
    assert gain.saturated_gain_cm(0.0, 2e-16) == 0.0


def test_gain_runs_from_full_absorption_to_saturation():
    assert gain.gain_coefficient_cm(500.0, 0.0, 1.0) == -500.0
    assert gain.gain_coefficient_cm(500.0, 1.0, 0.0) == 500.0


def test_gain_coefficient_follows_normalised_gain(rng):
    mean = rng.uniform(0, 8, 30)
    p0, _, pxx = statistics.three_state_populations(mean)
    assert_allclose(gain.gain_coefficient_cm(250.0, pxx, p0),
                    250.0 * statistics.normalised_gain(mean), rtol=1e-12, atol=1e-12)


def test_arrays_keep_shape():
    g = gain.gain_coefficient_cm(100.0, np.array([0.1, 0.2, 0.3]), np.array([0.3, 0.2, 0.1]))
    assert g.shape == (3,)
    assert_allclose(g, [-20.0, 0.0, 20.0], atol=1e-12)
