"""Every number of review sections 5 and 6.1 that the book reproduces.

Each test names the review's value, the tolerance and the section. Where the
review rounds, the tolerance is the rounding and the model's own value is
asserted more tightly next to it.
"""

import numpy as np
import pytest
from helpers import check_reproducibility_entry
from numpy.testing import assert_allclose

from qdbook import electrical, injection, thermal
from qdbook import reproducibility as rep

C, K = thermal.HEAT_CAPACITY_J_K, thermal.HEAT_EXCHANGE_W_K


# --- 5.2 Laser diodes versus LEDs ----------------------------------------------------------
def test_doubly_charged_energy_is_four_times_sec_5_2():
    """Review 5.2 (Fig. 30): charged-sphere energy of a doubly charged dot = 4 E_c,1 (exact,
    rtol 1e-12)."""
    for radius, eps in ((2.5, 9.5), (9.4, 3.0)):
        assert_allclose(injection.charging_energy_ev(2, radius, eps),
                        4 * injection.charging_energy_ev(1, radius, eps), rtol=1e-12)


# --- 5.3 Thresholds in electrically pumped devices ------------------------------------------
def test_fill_factor_sec_5_3():
    """Review 5.3: f_a ~0.5-0.6 for large core/shell dots; the estimates use f_a = 0.5 (exact):
    the default electrical cross section is the geometric one over 0.5."""
    for radius in (2.5, electrical.CG_QD_RADIUS_NM):
        assert_allclose(electrical.electrical_cross_section_cm2(radius),
                        electrical.geometric_cross_section_cm2(radius) / 0.5, rtol=1e-15)
    assert 0.5 <= electrical.FILL_FACTOR_REVIEW <= 0.6


def test_cdse_gain_threshold_current_sec_5_3():
    """Review 5.3, eq 8: CdSe R = 2.5 nm, tau_X = 20 ns, tau_XX = 65 ps, f_a = 0.5:
    j_th,gain = 0.36 kA cm^-2 (tolerance 0.005 kA cm^-2, the rounding); model 0.3578."""
    j_th = electrical.gain_threshold_current_density_a_cm2(2.5, 20.0, 65.0, 0.5)
    assert abs(j_th / 1e3 - 0.36) <= 0.005
    assert_allclose(j_th, 357.83, rtol=1e-4)


def test_cdse_half_saturation_current_sec_5_3():
    """Review 5.3, eq 9: same parameters: j_1/2 = 6.3 kA cm^-2 (tolerance 0.05 kA cm^-2, the
    rounding); model 6.337 kA cm^-2."""
    j_half = electrical.half_saturation_current_density_a_cm2(2.5, 20.0, 65.0, 0.5)
    assert abs(j_half / 1e3 - 6.3) <= 0.05
    assert_allclose(j_half, 6337.4, rtol=1e-4)


def test_graded_dot_currents_sec_5_3():
    """Review 5.3: cg-QDs, f_a = 0.5: j_th,gain = 7 and j_1/2 = 24 A cm^-2 (the review does not
    list the parameters). With R = 9.4 nm the book's solved set (tau_X = 10.53 ns,
    tau_XX = 1.614 ns, rtol 1e-3) reproduces both to 1e-9. Verdict on tau_XX: differs; the
    solved value is 24.2 % above the 1.3 ns measured (sec. 2.4.2), asserted as that gap (to
    0.001), not as a window; tau_X lies below the 12 ns radiative lifetime."""
    tx, txx = electrical.lifetimes_from_thresholds(7.0, 24.0, electrical.CG_QD_RADIUS_NM, 0.5)
    assert_allclose((tx, txx), (10.53, 1614.0), rtol=1e-3)
    assert_allclose(electrical.gain_threshold_current_density_a_cm2(
        electrical.CG_QD_RADIUS_NM, tx, txx), 7.0, rtol=1e-9)
    assert_allclose(electrical.half_saturation_current_density_a_cm2(
        electrical.CG_QD_RADIUS_NM, tx, txx), 24.0, rtol=1e-9)
    assert tx < 12.0
    assert_allclose(txx / 1300.0, 1.2419, atol=1e-3)


def test_graded_dot_with_chapter2_lifetimes_sec_5_3():
    """Review 5.3: 7 and 24 A cm^-2 for cg-QDs; with the section-2.4 cg-QD numbers
    (tau_X = 12 ns, tau_XX = 1.3 ns, R = 9.4 nm) the model gives 7.3 (within the rounding,
    tolerance 0.5) and 27.9 A cm^-2 (16 % above 24; the page says so)."""
    r = electrical.CG_QD_RADIUS_NM
    j_th = electrical.gain_threshold_current_density_a_cm2(r, 12.0, 1300.0)
    j_half = electrical.half_saturation_current_density_a_cm2(r, 12.0, 1300.0)
    assert abs(j_th - 7.0) <= 0.5
    assert_allclose((j_th, j_half), (7.307, 27.93), rtol=1e-3)


# --- 6.1 High-current-density LEDs ----------------------------------------------------------
def test_thermal_time_constant_sec_6_1():
    """Review 6.1.5: K = 4.8e-3 W/K, C = 1.9e-8 J/K -> tau_T = 3.9 us as printed (the review
    truncates); model 3.958 us (rtol 1e-12), within 0.1 us of the printed value."""
    tau = thermal.thermal_time_constant_s(C, K)
    assert_allclose(tau, 1.9e-8 / 4.8e-3, rtol=1e-12)
    assert abs(tau * 1e6 - 3.9) <= 0.1


def test_one_microsecond_reduction_eq13_sec_6_1():
    """Review 6.1.5: 1 us pulses cut overheating vs d.c. by ~75 % from eq 13 (tolerance 0.5
    percentage points, the rounding); model 74.74 %."""
    cut = thermal.overheating_reduction(1e-6, exact=False)
    assert abs(100 * cut - 75) <= 0.5
    assert_allclose(cut, 1 - 1e-6 / (C / K), rtol=1e-12)


def test_one_microsecond_reduction_eq12_sec_6_1():
    """Inventory 6.1 (eq 12 in full): the same pulse cuts overheating by 78 % (tolerance 0.5
    percentage points); model 77.68 %."""
    cut = thermal.overheating_reduction(1e-6)
    assert abs(100 * cut - 78) <= 0.5
    assert_allclose(cut, 0.77675, rtol=1e-4)


def test_duty_cycle_sec_6_1():
    """Review 6.1.5: 1 us pulses at 1 kHz -> duty cycle 0.1 % (exact, rtol 1e-12)."""
    assert_allclose(thermal.duty_cycle(1e-6, 1e-3), 1e-3, rtol=1e-12)


def test_pulse_widths_of_fig34_sec_6_1():
    """Review 6.1.5 (Fig. 34b): Delta T_avg/P_e rises with pulse width over 1-30 us at
    T_pp = 1 ms and tends to 1/K; model 24.2, 62.3, 132.5, 180.9 K/W (rtol 1e-3); with
    T_pp = 1 ms the previous pulse leaves < 1e-100 K (single-pulse formula exact)."""
    widths = np.array([1e-6, 3e-6, 10e-6, 30e-6])
    values = thermal.pulse_average_overheating_per_power_k_w(widths)
    assert np.all(np.diff(values) > 0) and values[-1] < 1 / K
    assert_allclose(values, [24.23, 62.27, 132.46, 180.86], rtol=1e-3)
    _, trough = thermal.pulse_train_extremes_k(1.0, 30e-6, 1e-3, C, K)
    assert trough < 1e-100


def test_el_crossover_occupancy_sec_6_1():
    """Review 6.1.6: I_1P = I_1S at (N - 2)^2/12 = 1, N ~5.5 (tolerance 0.05, the rounding);
    model 2 + sqrt(12) = 5.4641 (rtol 1e-12)."""
    n = injection.el_crossover_occupancy(1.0)
    assert abs(n - 5.5) <= 0.05
    assert_allclose(n, 2 + np.sqrt(12), rtol=1e-12)


@pytest.mark.parametrize(("n", "expected"), [(3.0, 1 / 12), (5.0, 0.75), (8.0, 3.0)])
def test_el_ratio_values_sec_6_1(n, expected):
    """Review 6.1.6: r_1S = 2 r_0, r_1P = r_0 (N-2)^2/6, ratio (N-2)^2/12 (exact, rtol 1e-12)."""
    assert_allclose(injection.el_intensity_ratio_1p_1s(n), expected, rtol=1e-12)
    r1s, r1p = injection.shell_emission_rates(n)
    assert_allclose((r1s, r1p), (2.0, (n - 2) ** 2 / 6), rtol=1e-12)


def test_glass_transition_table_sec_6_1():
    """Review 6.1.2: T_g of CBP 62, NPB 98, Spiro-NPB 126, TCTA 151 C (exact); typical range
    100-150 C."""
    assert thermal.GLASS_TRANSITION_C == {"CBP": 62.0, "NPB": 98.0, "Spiro-NPB": 126.0,
                                          "TCTA": 151.0}


# --- the reproducibility report's rows of these sections (qdbook.reproducibility) -----------
REPORT_ROWS = [e for part in ("5", "6.1") for e in rep.for_section(part)]


@pytest.mark.parametrize("entry", REPORT_ROWS, ids=lambda e: e.key)
def test_reproducibility_entry_sec_5(entry):
    """Each row of chapters/appendix/reproducibility.md for these sections: the verdict it
    claims (reproduced within the entry's tolerance, or differs with a reason) holds for the
    value the package computes now, and the page and label it links exist."""
    check_reproducibility_entry(entry)
