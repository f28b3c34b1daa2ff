"""Cross sections and threshold current densities (qdbook.electrical)."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import constants as sc

from qdbook import electrical, pumping

CASES = [
    # (function, kwargs, parameter named in the message)
    (electrical.geometric_cross_section_cm2, dict(radius_nm=-2.5), "radius_nm"),
    (electrical.electrical_cross_section_cm2, dict(radius_nm=2.5, fill_factor=1.5), "fill_factor"),
    (electrical.electrical_cross_section_cm2, dict(radius_nm=2.5, fill_factor=0.0), "fill_factor"),
    (electrical.excitation_rate_per_s, dict(current_density_a_cm2=-1.0, radius_nm=2.5),
     "current_density_a_cm2"),
    (electrical.excitation_rate_per_s, dict(current_density_a_cm2=1.0, radius_nm=np.nan),
     "radius_nm"),
    (electrical.current_density_from_rate_a_cm2, dict(rate_per_s=-1e6, radius_nm=2.5),
     "rate_per_s"),
    (electrical.gain_threshold_current_density_a_cm2, dict(radius_nm=2.5, tau_x_ns=0.0,
                                                           tau_xx_ps=65.0), "tau_x_ns"),
    (electrical.gain_threshold_current_density_a_cm2, dict(radius_nm=0.0, tau_x_ns=20.0,
                                                           tau_xx_ps=65.0), "radius_nm"),
    (electrical.half_saturation_current_density_a_cm2, dict(radius_nm=2.5, tau_x_ns=20.0,
                                                            tau_xx_ps=-65.0), "tau_xx_ps"),
    (electrical.half_saturation_current_density_a_cm2,
     dict(radius_nm=2.5, tau_x_ns=20.0, tau_xx_ps=65.0, fill_factor=-0.5), "fill_factor"),
    (electrical.threshold_ratio, dict(lifetime_ratio=0.0), "lifetime_ratio"),
    (electrical.lifetimes_from_thresholds, dict(j_th_a_cm2=-7.0, j_half_a_cm2=24.0,
                                                radius_nm=9.4), "j_th_a_cm2"),
    (electrical.lifetimes_from_thresholds, dict(j_th_a_cm2=7.0, j_half_a_cm2=10.0,
                                                radius_nm=9.4), "j_half_a_cm2"),
    (electrical.lifetimes_from_thresholds, dict(j_th_a_cm2=7.0, j_half_a_cm2=24.0,
                                                radius_nm=-9.4), "radius_nm"),
]


def test_cross_sections_and_rate():
    assert_allclose(electrical.geometric_cross_section_cm2(1.0), np.pi * 1e-14, rtol=1e-12)
    assert_allclose(electrical.electrical_cross_section_cm2(2.0, 0.25),
                    4 * electrical.geometric_cross_section_cm2(2.0), rtol=1e-12)
    g = electrical.excitation_rate_per_s(np.array([1.0, 10.0]), 2.5, 0.5)
    assert_allclose(g, np.array([1.0, 10.0]) * np.pi * (2.5e-7) ** 2 / 0.5 / sc.e, rtol=1e-12)
    assert_allclose(electrical.current_density_from_rate_a_cm2(g, 2.5, 0.5), [1.0, 10.0])


def test_thresholds_are_the_cw_rates_converted():
    for radius, tx, txx in ((2.5, 20.0, 65.0), (9.4, 12.0, 1300.0)):
        sigma_e = electrical.electrical_cross_section_cm2(radius)
        assert_allclose(electrical.gain_threshold_current_density_a_cm2(radius, tx, txx),
                        sc.e * pumping.cw_gain_threshold_rate_per_s(tx, txx) / sigma_e)
        assert_allclose(electrical.half_saturation_current_density_a_cm2(radius, tx, txx),
                        sc.e * pumping.half_saturation_rate_per_s(tx, txx) / sigma_e)


def test_threshold_ratio_depends_on_lifetime_ratio_only():
    j_th = electrical.gain_threshold_current_density_a_cm2(np.array([2.0, 5.0]), 20.0, 500.0,
                                                           np.array([0.3, 0.9]))
    j_half = electrical.half_saturation_current_density_a_cm2(np.array([2.0, 5.0]), 20.0, 500.0,
                                                              np.array([0.3, 0.9]))
    assert_allclose(j_half / j_th, electrical.threshold_ratio(0.025), rtol=1e-12)
    assert_allclose(electrical.threshold_ratio(1e12), np.sqrt(3), rtol=1e-5)
    assert_allclose(electrical.threshold_ratio(0.25), 3.0, rtol=1e-12)


def test_lifetimes_from_thresholds_round_trip(rng):
    for _ in range(10):
        radius = rng.uniform(2, 12)
        tx, txx = rng.uniform(5, 50), rng.uniform(10, 5000)
        j_th = electrical.gain_threshold_current_density_a_cm2(radius, tx, txx)
        j_half = electrical.half_saturation_current_density_a_cm2(radius, tx, txx)
        assert_allclose(electrical.lifetimes_from_thresholds(j_th, j_half, radius), (tx, txx),
                        rtol=1e-8)


@pytest.mark.parametrize(("kwargs", "param"), [
    (dict(j_th_a_cm2=[1.0, 2.0], j_half_a_cm2=1.9), "j_th_a_cm2"),
    (dict(j_th_a_cm2=1.0, j_half_a_cm2=0.0), "j_half_a_cm2"),
    (dict(j_th_a_cm2=1.0, j_half_a_cm2=[1.9, 2.5]), "j_half_a_cm2")])
def test_lifetimes_from_thresholds_refuses_bad_input_by_name(kwargs, param):
    # kept out of CASES, whose examples steer the hostile-input test's draws
    with pytest.raises(ValueError, match=rf"^{param} must"):
        electrical.lifetimes_from_thresholds(**kwargs, radius_nm=2.5)


def test_lifetimes_from_thresholds_at_and_above_the_sqrt3_limit():
    """j_half / j_th = sqrt(3) is the ratio's limit and is refused (the message states it);
    1.9, between sqrt(3) and 2, is a valid ratio; both lifetimes scale with the fill factor."""
    with pytest.raises(ValueError, match=r"^j_half_a_cm2 must exceed sqrt\(3\) \* j_th_a_cm2 = "
                                         r"np.float64\(3\.46410161"):
        electrical.lifetimes_from_thresholds(2.0, 2.0 * np.sqrt(3.0), 2.5)
    with pytest.raises(ValueError, match=r"^j_half_a_cm2 must exceed"):
        electrical.lifetimes_from_thresholds(1.0, np.sqrt(3.0), 2.5)
    tau_x, tau_xx = electrical.lifetimes_from_thresholds(1.0, 1.9, 2.5, fill_factor=0.5)
    assert tau_x > 0 and tau_xx > 0
    half = electrical.lifetimes_from_thresholds(1.0, 1.9, 2.5, fill_factor=0.25)
    assert_allclose(half, (tau_x / 2, tau_xx / 2), rtol=1e-12)


@pytest.mark.parametrize("excess", [1e-3, 1e-9, 1e-14, 4e-16])
def test_lifetimes_from_thresholds_just_above_sqrt3(excess):
    """Ratios a hair above sqrt(3) are valid (brentq on [e^-60, e^60] raised scipy's bare
    "f(a) and f(b) must have different signs" from about sqrt(3) + 1e-14 on): the result must
    reproduce the ratio through threshold_ratio and the gain threshold through eq-8."""
    j_th, radius = 3.0, 2.5
    r = np.sqrt(3.0) + excess
    tau_x, tau_xx = electrical.lifetimes_from_thresholds(j_th, r * j_th, radius)
    # near sqrt(3) the ratio is ill-conditioned in x: compare r - sqrt 3 to the rounding of r
    assert_allclose(electrical.threshold_ratio(tau_xx * 1e-3 / tau_x) - np.sqrt(3.0), excess,
                    rtol=1e-6, atol=4e-16)
    assert_allclose(electrical.gain_threshold_current_density_a_cm2(radius, tau_x, tau_xx), j_th,
                    rtol=1e-12)


def test_lifetimes_from_thresholds_closed_form():
    """sqrt(tau_XX/tau_X) = 1/(r - 3/r) with r = j_half/j_th; r = 3 is x = 1/4 exactly
    (threshold_ratio(0.25) = 3), and eq-8 fixes tau_X tau_XX = (e f_a/(pi R^2 j_th))^2."""
    tau_x, tau_xx = electrical.lifetimes_from_thresholds(2.0, 6.0, 4.0, fill_factor=0.8)
    assert_allclose(tau_xx * 1e-3 / tau_x, 0.25, rtol=1e-14)
    product = (sc.e * 0.8 / (np.pi * (4e-7) ** 2 * 2.0)) ** 2        # [s^2]
    assert_allclose(tau_x * 1e-9 * tau_xx * 1e-12, product, rtol=1e-13)


@pytest.mark.parametrize(("j_th", "j_half", "radius"), [
    (1e-100, 1e100, 1e-7),                       # tau_X overflows
    (1e-100, 1.7320508075688774e-100, 1e-100),   # tau_XX overflows (r one ulp above sqrt 3)
])
def test_lifetimes_from_thresholds_refuses_lifetimes_beyond_floats(j_th, j_half, radius):
    with pytest.raises(ValueError, match=r"^j_th_a_cm2 and j_half_a_cm2 must give lifetimes"):
        electrical.lifetimes_from_thresholds(j_th, j_half, radius)


def test_smallest_fill_factor_is_allowed():
    # the validator's smallest positive magnitude, 1e-100, lies inside (0, 1]
    assert_allclose(electrical.electrical_cross_section_cm2(2.0, 1e-100),
                    1e100 * electrical.geometric_cross_section_cm2(2.0), rtol=1e-14)
