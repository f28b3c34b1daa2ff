"""Charged-exciton gain, quasi-Fermi levels and statistical Auger scaling (qdbook.charging)."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import charging as c

CASES = [
    # (function, kwargs, parameter named in the message)
    (c.quasi_fermi_levels_ev, dict(mean_n=2.5, n_e=0, g_e=2, g_h=2), "mean_n"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, n_e=1.8, g_e=2, g_h=2), "mean_n + n_e"),
    # both intervals are open: a full level (f = 1) has no finite quasi-Fermi potential
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, n_e=1.5, g_e=2, g_h=2), "mean_n + n_e"),
    (c.quasi_fermi_levels_ev, dict(mean_n=2.0, n_e=0.0, g_e=4, g_h=2), "mean_n"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, g_e=[2.0, 2.0]), "g_e"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, g_e=1001.0), "g_e"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, temperature_k=0), "temperature_k"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, g_e=0.0), "g_e"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, g_h=-2.0), "g_h"),
    (c.quasi_fermi_levels_ev, dict(mean_n=0.5, n_e=-1.0), "n_e"),
    (c.charged_gain_threshold, dict(n_e=1, g_e=2, g_h=0), "g_h"),
    (c.statistical_auger_rate, dict(n_electrons=1, n_holes=-2), "n_holes"),
    (c.charged_gain_threshold, dict(n_e=3, g_e=2, g_h=2), "n_e"),
    (c.charged_gain_threshold, dict(n_e=1, g_e=0, g_h=2), "g_e"),
    (c.band_edge_inversion, dict(mean_n=-1), "mean_n"),
    (c.band_edge_inversion, dict(mean_n=1, g_h=-8), "g_h"),
    (c.band_edge_inversion, dict(mean_n=1, g_e=0), "g_e"),
    (c.band_edge_inversion, dict(mean_n=1, n_e=-1), "n_e"),
    (c.poisson_charged_inversion, dict(mean_n=-1, mean_n_e=2), "mean_n"),
    (c.poisson_charged_inversion, dict(mean_n=1, mean_n_e=30.5), "mean_n_e"),
    (c.poisson_charged_inversion, dict(mean_n=1, mean_n_e=-2), "mean_n_e"),
    (c.poisson_charged_inversion, dict(mean_n=1, mean_n_e=[1.0, 2.0]), "mean_n_e"),
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


# --- unequal degeneracies (g_e != g_h): each carrier's level has its own g ---------------------
def test_quasi_fermi_levels_use_their_own_degeneracy():
    """phi_e = k_BT ln(g_e/(N + n_e) - 1), phi_h = k_BT ln(g_h/N - 1), k_BT from scipy
    (rtol 1e-12); swapping g_e and g_h swaps the roles, so a mix-up of the two fails."""
    from scipy import constants as sc

    kt = sc.k * 300.0 / sc.e
    n, n_e, g_e, g_h = 0.7, 0.4, 2.0, 4.0
    phi_e, phi_h = c.quasi_fermi_levels_ev(n, n_e, g_e, g_h)
    assert_allclose([phi_e, phi_h], [kt * np.log(g_e / (n + n_e) - 1), kt * np.log(g_h / n - 1)],
                    rtol=1e-12)
    swapped = c.quasi_fermi_levels_ev(n, n_e, g_h, g_e)
    assert abs(swapped[0] - phi_e) > 0.01 and abs(swapped[1] - phi_h) > 0.01


@pytest.mark.parametrize(("n_e", "g_e", "g_h", "expected"), [
    (0.0, 2, 4, 4 / 3), (0.0, 4, 2, 4 / 3), (1.0, 2, 4, 2 / 3), (1.0, 4, 2, 1.0),
    (3.0, 8, 2, 1.0), (1.0, 2, 8, 0.8)])
def test_charged_threshold_with_unequal_degeneracies(n_e, g_e, g_h, expected):
    """Eq 5, g_h (g_e - n_e)/(g_e + g_h): hand values (exact) for g_e != g_h; the threshold
    zeroes the capped inversion (N + n_e)/g_e + N/g_h - 1 and the quasi-Fermi sum."""
    n_th = c.charged_gain_threshold(n_e, g_e, g_h)
    assert n_th == pytest.approx(expected, rel=1e-14)
    assert abs(c.band_edge_inversion(n_th, n_e, g_e, g_h)) < 1e-14
    assert abs(sum(c.quasi_fermi_levels_ev(n_th, n_e, g_e, g_h))) < 1e-12


def test_inversion_caps_each_level_at_its_own_degeneracy():
    """f_e = min((N + n_e)/g_e, 1), f_h = min(N/g_h, 1): hand values (exact)."""
    assert c.band_edge_inversion(3.0, 0.0, 2, 4) == pytest.approx(0.75)   # electrons full
    assert c.band_edge_inversion(3.0, 0.0, 4, 2) == pytest.approx(0.75)   # holes full
    assert c.band_edge_inversion(1.0, 1.0, 2, 4) == pytest.approx(0.25)
    assert c.band_edge_inversion(1.0, 1.0, 4, 2) == pytest.approx(0.0)
    assert c.band_edge_inversion(5.0, 0.0, 2, 4) == 1.0


def test_poisson_threshold_with_unequal_degeneracies():
    """Without doping the Poisson ensemble is the uniform one: g_e g_h/(g_e + g_h) (1e-10);
    with doping the electrons' degeneracy alone caps the overflow."""
    assert c.poisson_charged_threshold(0.0, 2, 4) == pytest.approx(4 / 3, abs=1e-10)
    assert c.poisson_charged_threshold(0.0, 8, 2) == pytest.approx(1.6, abs=1e-10)
    for g_e, g_h in ((2, 4), (4, 2), (8, 2)):
        n_th = c.poisson_charged_threshold(1.0, g_e, g_h)
        assert abs(c.poisson_charged_inversion(n_th, 1.0, g_e, g_h)) < 1e-10
        assert n_th >= c.charged_gain_threshold(1.0, g_e, g_h) - 1e-12


def test_statistical_auger_rate_unequal_carriers():
    """Eq 6, N_h N_e (N_h + N_e - 2): (3, 1) -> 6, (1, 3) -> 6, (5, 2) -> 50, (1, 1) -> 0,
    (2, 0) -> 0 (exact)."""
    assert_allclose(c.statistical_auger_rate([3, 1, 5, 1, 2], [1, 3, 2, 1, 0]), [6, 6, 50, 0, 0])
    assert c.statistical_auger_rate(5, 2, c_a=2.5) == pytest.approx(125.0)


def test_poisson_functions_default_to_two_fold_levels():
    """Defaults g_e = g_h = 2: the default call equals the explicit one, and differs from g = 3."""
    for mean_e in (0.5, 1.0, 2.7):
        assert c.poisson_charged_threshold(mean_e) == c.poisson_charged_threshold(mean_e, 2, 2)
        assert abs(c.poisson_charged_threshold(mean_e, 3, 2)
                   - c.poisson_charged_threshold(mean_e)) > 1e-3
        assert c.poisson_charged_inversion(0.7, mean_e) == c.poisson_charged_inversion(
            0.7, mean_e, 2, 2)
        assert c.poisson_charged_inversion(0.7, mean_e, 3, 2) != c.poisson_charged_inversion(
            0.7, mean_e)


def test_poisson_threshold_is_the_root_to_1e13():
    """The threshold is found to 1e-13 in <N> (brentq xtol), checked against a finer bisection."""
    from scipy.optimize import brentq

    for mean_e, g in ((1.0, 8), (2.7, 8), (0.3, 2)):
        fine = brentq(lambda n, m=mean_e, g=g: c.poisson_charged_inversion(n, m, g, g), 0.0, g,
                      xtol=1e-15, rtol=1e-15)
        assert abs(c.poisson_charged_threshold(mean_e, g, g) - fine) < 2e-13


def test_poisson_doping_sum_is_complete_at_the_largest_mean():
    """The Poisson average over n_e is complete to double precision up to <n_e> = 30.

    With both levels full in every dot (<N> = g_h, n_e >= 0) the inversion is exactly the total
    Poisson weight, 1; at <N> = 0 it is E[min(n/2, 1)] - 1 = -P(0) - P(1)/2 = -16 e^-30 for
    two-fold levels (closed form). A sum cut at n = 60 misses P(n > 60) = 4.5e-7 at <n_e> = 30.
    The tolerance 1e-14 is the rounding of scipy's pmf values: their own sum over n <= 100 at
    mean 30 is 1 + 6e-15.
    """
    for mean_e in (0.0, 5.0, 17.3, 30.0):
        assert c.poisson_charged_inversion(2.0, mean_e) == pytest.approx(1.0, abs=1e-14)
        assert c.poisson_charged_inversion(8.0, mean_e, 8, 8) == pytest.approx(1.0, abs=1e-14)
    assert c.poisson_charged_inversion(0.0, 30.0) == pytest.approx(-16 * np.exp(-30.0), rel=1e-12)


def test_mean_charge_accepts_the_smallest_positive_fraction():
    """q0 = MIN_MAGNITUDE (1e-100) is inside (0, 1]: <n_e> = -ln q0 = 100 ln 10."""
    from qdbook import _validate

    assert c.mean_charge_from_neutral_fraction(_validate.MIN_MAGNITUDE) == pytest.approx(
        100 * np.log(10.0), rel=1e-15)


def test_quasi_fermi_defaults_and_the_largest_degeneracy():
    """Defaults n_e = 0, g_e = g_h = 2, 300 K: phi_e = phi_h = k_B T ln(2/N - 1) (closed form);
    g = MAX_DEGENERACY = 1000 itself is allowed (eq 5: g_h g_e / (g_e + g_h) = 500)."""
    from scipy import constants as sc

    kt = sc.k * 300.0 / sc.e
    for n in (0.3, 0.5, 1.2):
        phi_e, phi_h = c.quasi_fermi_levels_ev(n)
        assert phi_e == pytest.approx(kt * np.log(2 / n - 1), rel=1e-13)
        assert phi_h == pytest.approx(kt * np.log(2 / n - 1), rel=1e-13)
    assert c.charged_gain_threshold(0.0, 1000.0, 1000.0) == pytest.approx(500.0, rel=1e-15)


def test_auger_rate_with_fewer_than_one_electron():
    """Eq 6 holds for any carrier numbers in [0, 1e4]: (0, 3) -> 0, (0.5, 3) -> 0.5*3*1.5."""
    assert c.statistical_auger_rate(0.0, 3.0) == 0.0
    assert c.statistical_auger_rate(0.5, 3.0) == pytest.approx(2.25, rel=1e-15)
