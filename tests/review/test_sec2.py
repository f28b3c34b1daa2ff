"""Every number of review section 2 that the book reproduces.

Each test names the review's value, the tolerance and the section. Where the
review rounds ("~1.15", "approximately 20"), the tolerance is the rounding,
and the model's own value is asserted more tightly next to it.
"""

import numpy as np
import pytest
from helpers import check_reproducibility_entry
from numpy.testing import assert_allclose

from qdbook import auger, charging, confinement, pumping, statistics
from qdbook import reproducibility as rep


# --- 2.1 Electronic states -------------------------------------------------------------
@pytest.mark.parametrize(("label", "n", "L", "review"), [
    ("1S", 1, 0, np.pi), ("1P", 1, 1, 4.49), ("1D", 1, 2, 5.76), ("2S", 2, 0, 2 * np.pi),
    ("1F", 1, 3, 6.99)])
def test_bessel_roots_sec_2_1(label, n, L, review):
    """Review 2.1: phi_1S = pi, phi_1P = 4.49, phi_1D = 5.76, phi_2S = 2 pi, phi_1F = 6.99
    (3 significant digits)."""
    assert confinement.state_label(n, L) == label
    assert f"{confinement.bessel_root(n, L):.3g}" == f"{review:.3g}"


def test_level_order_and_degeneracy_sec_2_1():
    """Review 2.1: order 1S < 1P < 1D < 2S < 1F; degeneracy 2L + 1 (x2 with spin)."""
    ladder = confinement.level_ladder(n_max=2, L_max=3)
    assert [lv["label"] for lv in ladder[:5]] == ["1S", "1P", "1D", "2S", "1F"]
    assert [lv["degeneracy"] for lv in ladder[:5]] == [2, 6, 10, 2, 14]


def test_hole_degeneracy_sec_2_1():
    """Review 2.1: the 1S_3/2 hole is (2F + 1) = 4-fold degenerate (exact)."""
    assert confinement.angular_momentum_degeneracy(1.5) == 4


def test_confinement_hundreds_of_mev_sec_2_1():
    """Review 2.1: Delta E_conf reaches 'hundreds of meV' in small dots; CdSe R = 2 nm
    gives 0.93 eV in the infinite-wall model (range asserted: 0.1-1 eV)."""
    de = confinement.confinement_energy_ev("CdSe", 2.0)
    assert 0.1 < de < 1.0
    assert_allclose(de, 0.932, atol=0.001)


# --- 2.2 Optical gain --------------------------------------------------------------------
def test_poisson_sums_to_one_sec_2_2(rng):
    """Review 2.2.2: sum_i p_i = 1 (to 1e-12)."""
    for mean in rng.uniform(0, 10, 20):
        assert_allclose(statistics.poisson_probability(np.arange(80), mean).sum(), 1, rtol=1e-12)


def test_gain_threshold_occupancy_sec_2_2():
    """Review 2.2.2: <N_th,gain> ~1.15 (tolerance 0.005, the rounding); model 1.1462."""
    n_th = statistics.gain_threshold_occupancy()
    assert abs(n_th - 1.15) <= 0.005
    assert_allclose(n_th, 1.14619322, rtol=1e-8)


def test_uniform_distribution_threshold_is_one_sec_2_2():
    """Review 2.2.2: a uniform distribution (every dot has <N> excitons) gives 1 (exact):
    the band-edge inversion f_e + f_h - 1 of a dot holding N excitons (g_e = g_h = 2) is zero
    at N = 1, negative below and positive above, and the threshold of eq 5 without charge is 1."""
    assert charging.band_edge_inversion(1.0) == 0.0
    assert charging.band_edge_inversion(0.999) < 0 < charging.band_edge_inversion(1.001)
    assert charging.charged_gain_threshold(0.0) == 1.0


# --- 2.3 Auger recombination -------------------------------------------------------------
@pytest.mark.parametrize(("radius", "review", "tol"), [
    (1.0, 4.2, 0.05),    # review: "~4 ps"; design inventory: 4.2 ps
    (4.0, 268.0, 0.5),   # review: "~270 ps"; design inventory: 268 ps
    (2.5, 65.0, 0.5),    # review: "~65 ps"
])
def test_v_scaling_lifetimes_sec_2_3(radius, review, tol):
    """Review 2.3.1: tau_A,XX = chi V with chi = 1 ps nm^-3: R = 1 nm -> 4.2 ps,
    R = 4 nm -> 268 ps (review ~4 to ~270), R = 2.5 nm -> 65 ps (tolerances as given)."""
    tau = auger.auger_lifetime_ps(auger.sphere_volume_nm3(radius))
    assert abs(tau - review) <= tol


def test_perovskite_chi_ratio_sec_2_3():
    """Review 2.3.1: perovskite chi = 0.06 ps nm^-3, 'more than an order of magnitude'
    shorter; ratio 16.7 (exact to 1e-12)."""
    ratio = auger.auger_lifetime_ps(100.0) / auger.auger_lifetime_ps(
        100.0, auger.CHI_PEROVSKITE_PS_NM3)
    assert_allclose(ratio, 1 / 0.06, rtol=1e-12)
    assert ratio > 10


def test_critical_fraction_is_size_independent_sec_2_3():
    """Review 2.3.2, eq 3: with V-scaling xi_crit does not depend on size (rtol 1e-12)."""
    radii = np.array([1.0, 2.0, 4.0])
    volumes = auger.sphere_volume_nm3(radii)
    xi = auger.critical_volume_fraction(volumes, 1.8, 0.5, 1e-16, auger.auger_lifetime_ps(volumes))
    assert_allclose(xi, xi[0], rtol=1e-12)


def test_critical_fraction_range_sec_2_3():
    """Review 2.3.2: xi_crit 0.2 %-2 %. beta and sigma_gain are not given; with n_r = 1.8
    (assumed) a product beta*sigma_gain of 3e-18 to 3e-17 cm^2 spans that range (10 %)."""
    xi_lo = auger.critical_volume_fraction(65.45, 1.8, 1.0, 3e-17, 65.45)
    xi_hi = auger.critical_volume_fraction(65.45, 1.8, 1.0, 3e-18, 65.45)
    assert_allclose([xi_lo, xi_hi], [0.002, 0.02], rtol=0.1)


def test_pulsed_threshold_prefactor_sec_2_3():
    """Review 2.3.3: w_th,gain = 1.15 h nu / sigma_abs (tolerance: the rounding, 0.005)."""
    w = pumping.pulsed_threshold_fluence_j_cm2(1.0, 1.0)
    assert abs(w / 1.602176634e-19 - 1.15) <= 0.005


def test_cw_threshold_scales_as_r_minus_three_halves_sec_2_3():
    """Review 2.3.3: I_th ∝ R^-3/2 when tau_XX = tau_A,XX ∝ R^3 (slope to 1e-12)."""
    radii = np.array([1.5, 3.0])
    tau = auger.auger_lifetime_ps(auger.sphere_volume_nm3(radii))
    i_th = pumping.cw_gain_threshold_intensity_w_cm2(3.0, 3e-15, 20.0, tau)
    slope = np.log(i_th[1] / i_th[0]) / np.log(radii[1] / radii[0])
    assert_allclose(slope, -1.5, rtol=1e-12)


def test_lasing_to_gain_ratio_sec_2_3():
    """Review 2.3.3: I_1/2 / I_th,gain 'approximately 20' for R = 2.5 nm, tau_X = 20 ns,
    tau_A,XX = 65 ps. The model's estimate (tau_X/tau_A)^1/2 gives 17.5 (tolerance 0.05, a
    tenth of the last digit the page quotes) and eq-4 in full 17.65 (tolerance 0.01). Verdict:
    differs; the model is 12.5 % below 'approximately 20', which the review reaches by rounding
    (it rounds 17.5 up to the next round number); no window around 20 is asserted."""
    tau = auger.auger_lifetime_ps(auger.sphere_volume_nm3(2.5))
    estimate = pumping.lasing_to_gain_threshold_ratio(20.0, tau, exact=False)
    exact = pumping.lasing_to_gain_threshold_ratio(20.0, tau)
    assert abs(estimate - 17.5) <= 0.05
    assert abs(exact - 17.65) <= 0.01


def test_half_saturation_intensity_cdse_sec_2_3():
    """Review 2.3.3: I_1/2 = 2.5 MW cm^-2 for h nu = 3 eV, sigma = 3e-15 cm^2,
    tau_A,XX = 65 ps. Tolerance 0.05 MW cm^-2 (the rounding). Verdict: differs by a hair; the
    model's tau_A = 65.4 ps gives 2.448 (0.052 below), the review's rounded 65 ps gives 2.465,
    which does round to 2.5."""
    tau = auger.auger_lifetime_ps(auger.sphere_volume_nm3(2.5))
    i_half = pumping.half_saturation_intensity_w_cm2(3.0, 3e-15, tau)
    assert rep.entry("2.3-i-half").computed_verdict(i_half / 1e6) == rep.DIFFERS
    rounded = pumping.half_saturation_intensity_w_cm2(3.0, 3e-15, 65.0) / 1e6
    assert abs(rounded - 2.5) <= 0.05
    assert_allclose(rounded, 2.465, atol=0.001)
    assert_allclose(i_half / 1e6, 2.448, atol=0.001)


def test_eq4_limit_sec_2_3():
    """Review 2.3.3: g_1/2 ≈ 1/tau_A,XX when tau_XX << tau_X (relative difference < 1e-3
    for tau_XX/tau_X = 1e-4)."""
    g = pumping.half_saturation_rate_per_s(1000.0, 100.0)
    assert_allclose(g * 100e-12, 1.0, rtol=1e-3)


# --- 2.4 Control of Auger recombination --------------------------------------------------
def test_giant_qd_half_intensity_sec_2_4():
    """Review 2.4.1: g-QDs, tau_A,XX = 600 ps, sigma = 5.5e-14 cm^2 at 2.8 eV -> I_1/2
    ~14 kW cm^-2 (tolerance 0.5; model 13.6), within a factor 2.2 of the measured
    6.4-8.4 kW cm^-2 cw lasing thresholds."""
    i_half = pumping.half_saturation_intensity_w_cm2(2.8, 5.5e-14, 600.0) / 1e3
    assert abs(i_half - 14) <= 0.5
    assert_allclose(i_half, 13.59, atol=0.01)
    assert 6.4 < i_half < 2.2 * 6.4


def test_graded_qd_lifetimes_sec_2_4():
    """Review 2.4.2: cg-QDs with tau_XX = 1.3 ns and tau_r,X = 12 ns: tau_r,XX = 3 ns (exact),
    tau_A,XX = 2.3 ns (tolerance 0.05 ns; model 2.29), q_XX = 43 % (tolerance 0.5 %)."""
    tau_r_xx = auger.biexciton_radiative_lifetime(12.0)
    assert tau_r_xx == 3.0
    tau_a = auger.auger_lifetime_from_biexciton(1.3, tau_r_xx)
    assert abs(tau_a - 2.3) <= 0.05
    q = auger.biexciton_quantum_yield(1.3, tau_r_xx)
    assert abs(100 * q - 43) <= 0.5


def test_hundredfold_product_sec_2_4():
    """Review 2.3.3/2.4.1: reaching tens of kW cm^-2 needs sigma*tau_A,XX ~100x larger than
    in 2.5-nm CdSe; I_1/2 (eq 4 limit) is proportional to h nu/(sigma tau_A,XX), so the ratio
    of the two I_1/2 at equal h nu is the ratio of the products: 168x (tolerance 1)."""
    tau = auger.auger_lifetime_ps(auger.sphere_volume_nm3(2.5))
    gain = (pumping.half_saturation_intensity_w_cm2(3.0, 3e-15, tau)
            / pumping.half_saturation_intensity_w_cm2(3.0, 5.5e-14, 600.0))
    assert gain >= 100
    assert abs(gain - 168) <= 1


def test_brus_coulomb_prefactor_sec_2_1():
    """Beyond the review (2.1): Brus's Coulomb prefactor 1.786 (doi:10.1063/1.447218), reproduced
    by the closed form 2 - Si(2 pi)/pi + Si(4 pi)/(2 pi) to 5e-4 (the quoted rounding); with it
    the CdSe R = 2 nm dot's 'hundreds of meV' of confinement (0.93 eV) lose 0.135 eV (to 1 meV)."""
    assert abs(confinement.BRUS_COULOMB_FACTOR - 1.786) < 5e-4
    assert abs(confinement.coulomb_energy_ev("CdSe", 2.0) - (-0.135)) < 1e-3
    assert confinement.band_gap_ev("CdSe", 2.0, coulomb=True) == pytest.approx(
        confinement.band_gap_ev("CdSe", 2.0) + confinement.coulomb_energy_ev("CdSe", 2.0))


# --- the reproducibility report's rows of these sections (qdbook.reproducibility) -----------
@pytest.mark.parametrize("entry", rep.for_section("2"), ids=lambda e: e.key)
def test_reproducibility_entry_sec_2(entry):
    """Each row of chapters/appendix/reproducibility.md for these sections: the verdict it
    claims (reproduced within the entry's tolerance, or differs with a reason) holds for the
    value the package computes now, and the page and label it links exist."""
    check_reproducibility_entry(entry)
