"""Perovskite nanocrystal physics (qdbook.perovskite): invariants and limits."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy.stats import poisson

from qdbook import auger, perovskite, wells

CASES = [
    # (function, kwargs, parameter named in the message)
    (perovskite.cube_volume_nm3, dict(edge_nm=0.0), "edge_nm"),
    (perovskite.cube_auger_lifetime_ps, dict(edge_nm=-8.0), "edge_nm"),
    (perovskite.cube_auger_lifetime_ps, dict(edge_nm=8.0, chi_ps_nm3=0.0), "chi_ps_nm3"),
    (perovskite.equal_volume_auger_ratio, dict(chi_ps_nm3=-0.06), "chi_ps_nm3"),
    (perovskite.equal_volume_auger_ratio, dict(reference_chi_ps_nm3=0.0), "reference_chi_ps_nm3"),
    (perovskite.local_field_factor, dict(n_nc=0.5, n_medium=1.4), "n_nc"),
    (perovskite.local_field_factor, dict(n_nc=2.2, n_medium=np.nan), "n_medium"),
    (perovskite.absorption_cross_section_cm2,
     dict(volume_nm3=-250.0, alpha_bulk_cm=1e5, n_nc=2.2, n_medium=1.4), "volume_nm3"),
    (perovskite.absorption_cross_section_cm2,
     dict(volume_nm3=250.0, alpha_bulk_cm=0.0, n_nc=2.2, n_medium=1.4), "alpha_bulk_cm"),
    (perovskite.absorption_cross_section_cm2,
     dict(volume_nm3=250.0, alpha_bulk_cm=1e5, n_nc=2.2, n_medium=1.4, f_cor=1.5), "f_cor"),
    (perovskite.absorption_cross_section_cm2,
     dict(volume_nm3=250.0, alpha_bulk_cm=1e5, n_nc=2.2, n_medium=1.4, f_cor=0.0), "f_cor"),
    (perovskite.band_edge_gain_threshold, dict(g_e=0, g_h=2), "g_e"),
    (perovskite.band_edge_gain_threshold, dict(g_e=2, g_h=2.5), "g_h"),
    (perovskite.early_signal, dict(mean_n=-0.5, g_e=2, g_h=2), "mean_n"),
    (perovskite.early_signal, dict(mean_n=50.0, g_e=2, g_h=2), "mean_n"),
    (perovskite.early_signal, dict(mean_n=1.0, g_e=0, g_h=2), "g_e"),
    (perovskite.late_signal, dict(mean_n=-1.0), "mean_n"),
    (perovskite.early_to_late_ratio, dict(mean_n=0.0, g_e=2, g_h=2), "mean_n"),
    (perovskite.early_to_late_ratio, dict(mean_n=1.0, g_e=2, g_h=-4), "g_h"),
    (perovskite.emission_fwhm_mev, dict(wavelength_nm=-500.0), "wavelength_nm"),
    (perovskite.mixed_halide_emission_ev, dict(x_cl=1.2), "x_cl"),
    (perovskite.mixed_halide_emission_ev, dict(x_i=-0.1), "x_i"),
    (perovskite.mixed_halide_emission_ev, dict(x_cl=0.3, x_i=0.3), "x_cl"),
    (perovskite.halide_scale_to_fractions, dict(position=1.5), "position"),
    (perovskite.emission_wavelength_nm, dict(position=np.inf), "position"),
]


def test_cube_lifetime_and_ratio():
    assert_allclose(perovskite.cube_auger_lifetime_ps([5.0, 10.0]), [7.5, 60.0], rtol=1e-12)
    assert_allclose(perovskite.equal_volume_auger_ratio(0.5, 1.0), 2.0)


def test_cube_lifetime_is_the_one_volume_law():
    edges = np.array([4.0, 8.0, 15.0])
    assert_allclose(perovskite.cube_auger_lifetime_ps(edges, 0.3),
                    auger.auger_lifetime_ps(perovskite.cube_volume_nm3(edges), 0.3), rtol=0)


def test_photon_conversions_come_from_units():
    from qdbook import units
    lam = perovskite.emission_wavelength_nm(np.array([-1.0, 0.0, 1.0]))
    assert_allclose(units.photon_energy_ev(lam),
                    perovskite.mixed_halide_emission_ev([1.0, 0.0, 0.0], [0.0, 0.0, 1.0]),
                    rtol=1e-14)


def test_local_field_factor_limits():
    assert perovskite.local_field_factor(1.7, 1.7) == pytest.approx(1.0)
    assert perovskite.local_field_factor(2.6, 1.0) < perovskite.local_field_factor(2.6, 1.5) < 1
    # a very polarisable sphere screens its inside: f -> (3 eps_m / eps_nc)^2
    assert_allclose(perovskite.local_field_factor(100.0, 1.0), (3 / (1e4 + 2)) ** 2, rtol=1e-12)


def test_cross_section_linear_in_volume_and_alpha():
    s1 = perovskite.absorption_cross_section_cm2(100.0, 1e5, 2.5, 1.4)
    assert_allclose(perovskite.absorption_cross_section_cm2(200.0, 1e5, 2.5, 1.4), 2 * s1)
    assert_allclose(perovskite.absorption_cross_section_cm2(100.0, 3e5, 2.5, 1.4), 3 * s1)
    explicit = perovskite.absorption_cross_section_cm2(100.0, 1e5, 2.5, 1.4, f_cor=0.3)
    assert_allclose(explicit, 0.3 * 100e-21 * 2.5 / 1.4 * 1e5, rtol=1e-12)


@pytest.mark.parametrize(("g", "expected"), [((2, 2), 1.0), ((2, 4), 4 / 3), ((4, 4), 2.0),
                                              ((4, 2), 4 / 3)])
def test_gain_threshold(g, expected):
    assert perovskite.band_edge_gain_threshold(*g) == pytest.approx(expected)


def test_signals_low_and_high_pump():
    small = 1e-4
    for g in ((2, 2), (2, 4), (4, 4)):
        assert_allclose(perovskite.early_to_late_ratio(small, *g), 1.0, rtol=1e-3)
        assert_allclose(perovskite.early_to_late_ratio(35.0, *g), g[0] * g[1], rtol=1e-6)
    assert_allclose(perovskite.late_signal(np.array([0.0, 1.0])), [0.0, 1 - np.exp(-1)])


def test_early_signal_g2_closed_form():
    n = np.linspace(0.0, 5.0, 11)
    p0, p1 = poisson.pmf(0, n), poisson.pmf(1, n)
    assert_allclose(perovskite.early_signal(n, 2, 2), p1 + 4 * (1 - p0 - p1), rtol=1e-12,
                    atol=1e-15)


def test_halide_interpolation_hits_end_members():
    ev = {k: wells.wavelength_to_ev(lam) for k, (lam, _, _) in
          perovskite.END_MEMBER_EMISSION_NM.items()}
    assert_allclose(perovskite.mixed_halide_emission_ev(), ev["Br"])
    assert_allclose(perovskite.mixed_halide_emission_ev(x_cl=1.0), ev["Cl"])
    assert_allclose(perovskite.mixed_halide_emission_ev(x_i=1.0), ev["I"])
    assert_allclose(perovskite.mixed_halide_emission_ev(x_i=0.5), (ev["Br"] + ev["I"]) / 2)
    s = np.linspace(-1, 1, 9)
    lam = perovskite.emission_wavelength_nm(s)
    assert np.all(np.diff(lam) > 0)
    assert lam[0] == pytest.approx(410.0) and lam[-1] == pytest.approx(700.0)


def test_linewidth_interpolation():
    assert_allclose(perovskite.emission_fwhm_mev([410.0, 555.0, 700.0, 800.0]),
                    [70.0, 85.0, 100.0, 100.0])


def test_early_signal_keeps_the_shape_of_a_2d_mean_n():
    """A 2-D ⟨N⟩ gave a broadcast error; each entry must equal the g = 2 closed form
    p_1 + 4 (1 − p_0 − p_1), in the input's shape, and so must the early/late ratio."""
    n = np.array([[0.1, 0.5, 3.0], [1.0, 2.0, 20.0]])   # the sums stop at N = 80
    p0, p1 = poisson.pmf(0, n), poisson.pmf(1, n)
    closed = p1 + 4 * (1 - p0 - p1)
    signal = perovskite.early_signal(n, 2, 2)
    assert signal.shape == n.shape
    assert_allclose(signal, closed, rtol=1e-12)
    assert_allclose(perovskite.early_to_late_ratio(n, 2, 2), closed / -np.expm1(-n), rtol=1e-12)


@pytest.mark.parametrize(("func", "kwargs", "param"), [
    (perovskite.absorption_cross_section_cm2,
     dict(volume_nm3=250.0, alpha_bulk_cm=1e5, n_nc=0.9, n_medium=1.4), "n_nc"),
    (perovskite.absorption_cross_section_cm2,
     dict(volume_nm3=250.0, alpha_bulk_cm=1e5, n_nc=2.2, n_medium=0.9), "n_medium"),
    (perovskite.band_edge_gain_threshold, dict(g_e=2, g_h=0), "g_h"),
    (perovskite.early_signal, dict(mean_n=1.0, g_e=2, g_h=0), "g_h"),
    (perovskite.early_signal, dict(mean_n=40.5, g_e=2, g_h=2), "mean_n"),
    (perovskite.halide_scale_to_fractions, dict(position=-1.5), "position"),
])
def test_more_bad_input_is_refused_by_name(func, kwargs, param):
    # kept out of CASES, whose examples steer the hostile-input test's draws
    with pytest.raises(ValueError, match=rf"^{param} must"):
        func(**kwargs)


def test_edges_of_the_allowed_ranges_are_accepted():
    """The documented closed ends: f_cor down to the validator's 1e-100, g = 1, ⟨N⟩ = 40."""
    full = perovskite.absorption_cross_section_cm2(100.0, 1e5, 2.5, 1.4, f_cor=1.0)
    assert_allclose(perovskite.absorption_cross_section_cm2(100.0, 1e5, 2.5, 1.4, f_cor=1e-100),
                    1e-100 * full, rtol=1e-12)
    n = np.array([0.2, 1.0, 3.0])
    # one electron and one hole level: min(N, 1)² = 1 for N >= 1, so A = 1 − p_0 = B
    assert_allclose(perovskite.early_signal(n, 1, 1), perovskite.late_signal(n), rtol=1e-13)
    # g_e = 1, g_h = 2: weights 0, 1, 2, 2, ... so A = p_1 + 2 (1 − p_0 − p_1), either order
    p0, p1 = poisson.pmf(0, n), poisson.pmf(1, n)
    for g in ((1, 2), (2, 1)):
        assert_allclose(perovskite.early_signal(n, *g), p1 + 2 * (1 - p0 - p1), rtol=1e-13)
    # at ⟨N⟩ = 40 the sums cut at N = 80 lose poisson.sf(80, 40) ≈ 1e-8 of A
    assert_allclose(perovskite.early_signal(40.0, 2, 2), 4 - 3 * poisson.pmf(1, 40.0)
                    - 4 * poisson.pmf(0, 40.0), rtol=3 * poisson.sf(80, 40.0))
