import numpy as np
from numpy.testing import assert_allclose

from qdbook import auger


def test_volume_of_sphere():
    assert_allclose(auger.sphere_volume_nm3(1.0), 4 * np.pi / 3, rtol=1e-14)


def test_biexciton_lifetime_limits():
    # Auger-dominated: tau_XX -> tau_A; equal channels: half
    assert_allclose(auger.biexciton_lifetime(65.0, 1e9), 65.0, rtol=1e-6)
    assert_allclose(auger.biexciton_lifetime(3.0, 3.0), 1.5)


def test_auger_from_biexciton_inverts_composition(rng):
    tau_a, tau_r = rng.uniform(10, 5000, 20), rng.uniform(10, 5000, 20)
    tau_xx = auger.biexciton_lifetime(tau_a, tau_r)
    assert_allclose(auger.auger_lifetime_from_biexciton(tau_xx, tau_r), tau_a, rtol=1e-10)


def test_quantum_yield_is_auger_over_total():
    # q_XX = tau_XX / tau_r,XX = tau_A / (tau_A + tau_r)
    tau_a, tau_r = 2.3, 3.0
    q = auger.biexciton_quantum_yield(auger.biexciton_lifetime(tau_a, tau_r), tau_r)
    assert_allclose(q, tau_a / (tau_a + tau_r), rtol=1e-13)


def test_critical_density_balances_rates():
    n_r, beta, sigma, tau_ps = 1.8, 0.4, 2e-16, 80.0
    rho = auger.critical_density_cm3(n_r, beta, sigma, tau_ps)
    rate = auger.saturated_stimulated_emission_rate(beta, n_r, rho * sigma)
    assert_allclose(rate * tau_ps * 1e-12, 1.0, rtol=1e-12)


def test_arrays():
    taus = auger.auger_lifetime_ps(np.array([10.0, 20.0]))
    assert taus.shape == (2,)
    assert_allclose(taus, [10.0, 20.0])
