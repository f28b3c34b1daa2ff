import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import auger

# Bad input: (function, kwargs, parameter named in the message); run by test_bad_input.py.
CASES = [
    (auger.sphere_volume_nm3, dict(radius_nm=-1.0), "radius_nm"),
    (auger.auger_lifetime_ps, dict(volume_nm3=0.0), "volume_nm3"),
    (auger.auger_lifetime_ps, dict(volume_nm3=10.0, chi_ps_nm3=-1.0), "chi_ps_nm3"),
    (auger.biexciton_lifetime, dict(tau_a_xx=-1.0, tau_r_xx=1.0), "tau_a_xx"),
    (auger.biexciton_lifetime, dict(tau_a_xx=1.0, tau_r_xx=0.0), "tau_r_xx"),
    (auger.biexciton_radiative_lifetime, dict(tau_r_x=-12.0), "tau_r_x"),
    (auger.auger_lifetime_from_biexciton, dict(tau_xx=4.0, tau_r_xx=3.0), "tau_xx"),
    (auger.auger_lifetime_from_biexciton, dict(tau_xx=-1.0, tau_r_xx=3.0), "tau_xx"),
    (auger.auger_lifetime_from_biexciton, dict(tau_xx=1.0, tau_r_xx=-3.0), "tau_r_xx"),
    # tau_xx = tau_r_xx leaves no Auger decay: refused, not an infinite lifetime
    (auger.auger_lifetime_from_biexciton, dict(tau_xx=3.0, tau_r_xx=3.0), "tau_xx"),
    (auger.critical_density_cm3, dict(n_r=0.5, beta=1, sigma_gain_cm2=1e-16, tau_a_xx_ps=50),
     "n_r"),
    (auger.critical_density_cm3, dict(n_r=1.5, beta=0, sigma_gain_cm2=1e-16, tau_a_xx_ps=50),
     "beta"),
    (auger.biexciton_quantum_yield, dict(tau_xx=4.0, tau_r_xx=3.0), "tau_xx"),
    (auger.biexciton_quantum_yield, dict(tau_xx=1.0, tau_r_xx=-3.0), "tau_r_xx"),
    (auger.biexciton_quantum_yield, dict(tau_xx=-1.0, tau_r_xx=3.0), "tau_xx"),
    (auger.saturated_stimulated_emission_rate, dict(beta=0.0, n_r=1.5, g0_cm=10.0), "beta"),
    (auger.saturated_stimulated_emission_rate, dict(beta=0.5, n_r=0.5, g0_cm=10.0), "n_r"),
    (auger.saturated_stimulated_emission_rate, dict(beta=0.5, n_r=1.5, g0_cm=-10.0), "g0_cm"),
    (auger.critical_density_cm3, dict(n_r=1.5, beta=1, sigma_gain_cm2=-1e-16, tau_a_xx_ps=50),
     "sigma_gain_cm2"),
    (auger.critical_density_cm3, dict(n_r=1.5, beta=1, sigma_gain_cm2=1e-16, tau_a_xx_ps=0),
     "tau_a_xx_ps"),
    (auger.critical_volume_fraction,
     dict(volume_nm3=-5, n_r=1.5, beta=1, sigma_gain_cm2=1e-16, tau_a_xx_ps=50), "volume_nm3"),
    (auger.bulk_auger_activation_factor, dict(gap_ev=-1.0), "gap_ev"),
    (auger.bulk_auger_activation_factor, dict(gap_ev=1.7, temperature_k=0.0), "temperature_k"),
    (auger.bulk_auger_activation_factor, dict(gap_ev=1.7, a=1.5), "a"),
    (auger.bulk_auger_activation_factor, dict(gap_ev=1.7, a=0.0), "a"),
]


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


def test_chi_scales_the_lifetime():
    """tau_A,XX = chi V for any chi (exact): 0.06 (perovskite), 2.7 (platelets), 1 (default)."""
    v = np.array([10.0, 65.45, 268.0])
    for chi in (auger.CHI_PEROVSKITE_PS_NM3, 2.7, 0.5):
        assert_allclose(auger.auger_lifetime_ps(v, chi), chi * v, rtol=1e-15)
    assert_allclose(auger.auger_lifetime_ps(v), auger.CHI_STANDARD_PS_NM3 * v, rtol=1e-15)
    assert auger.CHI_STANDARD_PS_NM3 == 1.0
    assert_allclose(auger.CHI_PEROVSKITE_PS_NM3, 0.06, rtol=1e-15)


def test_critical_fraction_with_nonstandard_chi():
    """xi_crit = V rho_crit: with tau from chi V, chi cancels against nothing, so xi_crit is
    inversely proportional to chi (rtol 1e-12), and equals V rho_crit(tau) in nm^3 cm^-3."""
    v = auger.sphere_volume_nm3(np.array([1.5, 3.0]))
    base = auger.critical_volume_fraction(v, 1.8, 0.5, 1e-16, auger.auger_lifetime_ps(v))
    fast = auger.critical_volume_fraction(v, 1.8, 0.5, 1e-16, auger.auger_lifetime_ps(v, 0.06))
    assert_allclose(fast, base / 0.06, rtol=1e-12)
    rho = auger.critical_density_cm3(1.8, 0.5, 1e-16, auger.auger_lifetime_ps(v, 0.06))
    assert_allclose(fast, v * 1e-21 * rho, rtol=1e-12)


def test_quantum_yield_boundary_without_auger_is_one():
    """tau_XX = tau_r,XX (no Auger channel) is allowed and gives q_XX = 1 exactly."""
    assert auger.biexciton_quantum_yield(3.0, 3.0) == 1.0
    assert_allclose(auger.biexciton_quantum_yield(np.array([1.5, 3.0]), 3.0), [0.5, 1.0])


def test_quantum_yield_names_tau_xx_exactly():
    import pytest

    with pytest.raises(ValueError, match=r"^tau_xx must"):
        auger.biexciton_quantum_yield(-1.0, 3.0)


def test_bulk_activation_defaults():
    """Defaults T = 300 K and a = 0.2: exp(-a E_g / k_B T), k_B from scipy (rtol 1e-12)."""
    from scipy import constants as sc

    for gap in (0.4, 1.7):
        expected = np.exp(-0.2 * gap * sc.e / (sc.k * 300.0))
        assert_allclose(auger.bulk_auger_activation_factor(gap), expected, rtol=1e-12)
        assert_allclose(auger.bulk_auger_activation_factor(gap, 300.0, 0.2), expected, rtol=1e-12)


def test_bulk_activation_accepts_the_smallest_positive_a():
    """a = MIN_MAGNITUDE (1e-100) is inside (0, 1]: accepted, and the factor is 1 to 1e-15
    (exp(-a E_g / k_B T) with a E_g / k_B T ~ 7e-99)."""
    from qdbook import _validate

    assert auger.bulk_auger_activation_factor(1.74, a=_validate.MIN_MAGNITUDE) == pytest.approx(
        1.0, abs=1e-15)
