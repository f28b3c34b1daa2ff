import numpy as np
from numpy.testing import assert_allclose

from qdbook import statistics

# Bad input: (function, kwargs, parameter named in the message); run by test_bad_input.py.
CASES = [
    (statistics.poisson_probability, dict(i=-1, mean_n=1.0), "i"),
    (statistics.poisson_probability, dict(i=1.5, mean_n=1.0), "i"),
    (statistics.poisson_probability, dict(i=10**6 + 1, mean_n=1.0), "i"),
    (statistics.poisson_probability, dict(i=1, mean_n=-0.1), "mean_n"),
    (statistics.three_state_populations, dict(mean_n=-1.0), "mean_n"),
    (statistics.normalised_gain, dict(mean_n="many"), "mean_n"),
]


def test_three_state_populations_sum_to_one(rng):
    mean = rng.uniform(0, 20, 50)
    total = sum(statistics.three_state_populations(mean))
    assert_allclose(total, 1.0, rtol=1e-13)


def test_three_state_matches_poisson():
    mean = 1.7
    p0, px, pxx = statistics.three_state_populations(mean)
    p = statistics.poisson_probability(np.arange(60), mean)
    assert_allclose([p0, px, pxx], [p[0], p[1], p[2:].sum()], rtol=1e-12)


def test_small_occupancy_has_no_cancellation():
    # P_XX ~ N^2/2 for small N: computed without 1 - (1 - ...) cancellation
    _, _, pxx = statistics.three_state_populations(1e-6)
    assert_allclose(pxx, 0.5e-12, rtol=1e-5)


def test_gain_limits_and_monotonic():
    g = statistics.normalised_gain(np.linspace(0, 30, 300))
    assert g[0] == -1 and abs(g[-1] - 1) < 1e-10
    assert np.all(np.diff(g) > 0)


def test_threshold_is_zero_of_gain():
    n_th = statistics.gain_threshold_occupancy()
    assert abs(statistics.normalised_gain(n_th)) < 1e-13


def test_poisson_mean(rng):
    mean = 2.3
    i = np.arange(80)
    assert_allclose(np.sum(i * statistics.poisson_probability(i, mean)), mean, rtol=1e-12)


def test_gain_threshold_to_machine_precision():
    """<N_th,gain> solves e^-N (2 + N) = 1 (P_XX = P_0 of the Poisson ensemble); the package's
    root agrees to 1e-13 with a bisection of that closed form here."""
    from scipy.optimize import brentq

    root = brentq(lambda n: np.exp(-n) * (2 + n) - 1, 0.5, 3.0, xtol=1e-16, rtol=1e-15)
    assert abs(statistics.gain_threshold_occupancy() - root) < 1e-13
