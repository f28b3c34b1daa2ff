"""Every number of review sections 6.2–6.4 that the book reproduces.

Each test names the review's value, the tolerance and the section. Where the
review's number comes from a simulation whose inputs it does not give, the
test asserts the open model's own value (stated assumptions in
``qdbook.optical_constants.DEVICE_STACKS``) within a stated tolerance, and the
docstring records the gap to the review.
"""

import numpy as np
import pytest
from helpers import check_reproducibility_entry
from numpy.testing import assert_allclose

from qdbook import auger
from qdbook import optical_constants as oc
from qdbook import photonics as ph
from qdbook import reproducibility as rep
from qdbook.explore import photonics as c6


# --- 6.2 Control of optical losses ------------------------------------------------------
@pytest.mark.parametrize(("material", "review", "model"), [
    ("Ag", 8.4e5, 8.398e5), ("Au", 6.8e5, 6.789e5), ("Al", 1.3e6, 1.334e6)])
def test_metal_absorption_sec_6_2(material, review, model):
    """Review 6.2.2: alpha(600 nm) = 8.4e5 (Ag), 6.8e5 (Au), 1.3e6 (Al) cm^-1, two significant
    digits. Datasets: Ag Johnson-Christy 8.398e5; Au McPeak 6.789e5 (Johnson-Christy 6.44e5,
    5 % low); Al McPeak 1.334e6 (Rakic 1.50e6). Model asserted to 0.1 %."""
    alpha = oc.absorption_coefficient_cm(material, 600.0)
    assert f"{alpha:.1e}" == f"{review:.1e}"
    assert_allclose(alpha, model, rtol=1e-3)


def test_other_datasets_of_the_metals_sec_6_2():
    """Review 6.2.2: Au from Johnson-Christy is 6.44e5 (5 % below 6.8e5); Al from Rakic is
    1.50e6 (16 % above 1.3e6): these datasets do not give the review's numbers (0.1 %)."""
    assert_allclose(oc.absorption_coefficient_cm("Au (Johnson)", 600.0), 6.438e5, rtol=1e-3)
    assert_allclose(oc.absorption_coefficient_cm("Al (Rakic)", 600.0), 1.505e6, rtol=1e-3)


def test_ito_zno_moox_sec_6_2():
    """Review 6.2.1-6.2.2: alpha_ITO = 652 cm^-1 and n_ITO = 1.8 at 600 nm (König), alpha_ZnO =
    4.6 cm^-1 at 610 nm, n_ZnO = 2 at 600 nm (Bond), alpha_MoOx = 3153 cm^-1 at 600 nm (Vos):
    tolerance 1 cm^-1 / the review's last digit."""
    assert abs(oc.absorption_coefficient_cm("ITO", 600.0) - 652) < 1
    assert f"{oc.refractive_index('ITO', 600.0).real:.1f}" == "1.8"
    assert abs(oc.absorption_coefficient_cm("ZnO", 610.0) - 4.6) < 1e-9
    assert f"{oc.refractive_index('ZnO', 600.0).real:.0f}" == "2"
    assert abs(oc.absorption_coefficient_cm("MoOx", 600.0) - 3153) < 1


def test_low_index_ito_sec_6_2():
    """Review 6.2.1: n_L-ITO = 1.6 at 630 nm and absorption 3x lower than ITO (exact, quoted)."""
    n = complex(oc.refractive_index("L-ITO", 630.0))
    assert n.real == 1.6
    assert_allclose(n.imag * 3, complex(oc.refractive_index("ITO", 630.0)).imag, rtol=1e-14)


def _te0(device, lam=630.0):
    s = oc.device_stack(device, lam)
    n_eff = ph.guided_modes(s["indices"], s["thicknesses_nm"], lam, "TE")[0]
    return n_eff, ph.confinement_factors(s["indices"], s["thicknesses_nm"], lam, n_eff, "TE")


def test_ito_versus_lito_confinement_sec_6_2():
    """Review 6.2.1 (COMSOL): Gamma_ITO 34 % -> Gamma_L-ITO 22 %, Gamma_NC 18 % -> 23 %.
    Open model (assumed thicknesses, n_QD = 1.80): 49.7 % -> 39.3 % and 10.8 % -> 13.2 %, the
    same trend; the gap to the review is 12-16 points in the electrode and 7-10 in the dots.
    Model asserted to 0.2 percentage points; the trend exactly."""
    _, ito = _te0("ITO device")
    _, lito = _te0("L-ITO device")
    assert abs(100 * ito[1] - 49.7) < 0.2 and abs(100 * lito[1] - 39.3) < 0.2
    assert abs(100 * ito[3] - 10.8) < 0.2 and abs(100 * lito[3] - 13.2) < 0.2
    assert lito[1] < ito[1] and lito[3] > ito[3]


def test_ito_versus_lito_inputs_found_by_search_sec_6_2():
    """Review 6.2.1: 34 -> 22 % and 18 -> 23 %. The stored search (qdbook.design, make designs)
    finds inputs that give all four to 0.01 points (n_QD 2.03, electrode 180, ZnO 73, dots 50,
    TCTA 96 nm); recomputed here with the solver."""
    from qdbook import design

    fit = design.stored_searches()["ito_lito"]["free index"]
    r = design.ito_lito_shares(**fit["inputs"])
    for device, (electrode, dots) in {"ITO device": (34, 18), "L-ITO device": (22, 23)}.items():
        assert abs(100 * r[device]["gamma_electrode"] - electrode) < 0.01
        assert abs(100 * r[device]["gamma_qd"] - dots) < 0.01


def test_te_tm_attenuation_sec_6_2():
    """Review 6.2.2: in glass/dielectric/Ag the TM0 (plasmonic) mode is attenuated much more
    than TE0 (no number). Model at 600 nm, 250 nm of n = 1.7: 28 vs 1218 cm^-1 (ratio 43),
    asserted to 1 %."""
    r = c6.te_tm_model()
    assert_allclose(r["TE"]["loss"], 28.48, rtol=1e-2)
    assert_allclose(r["TM"]["loss"], 1217.9, rtol=1e-2)
    assert r["TM"]["loss"] > 10 * r["TE"]["loss"]


# --- 6.3 Optically excited lasing in high-j devices -------------------------------------
def test_packing_volume_ratio_sec_6_3():
    """Review 6.3.1: V_NC changes by ~4.6 from 12 to 20 nm dots (model 4.63, tolerance 0.05);
    G_mat,1S 200 -> 800 cm^-1 measured, 1/V scaling predicts 926 cm^-1 (asserted to 1)."""
    v = {d: auger.sphere_volume_nm3(d / 2) for d in (12.0, 20.0)}
    ratio = v[20.0] / v[12.0]
    assert abs(ratio - 4.6) < 0.05
    g12 = ph.packed_film_gain_cm(1e-16, v[12.0])
    g20 = ph.packed_film_gain_cm(1e-16, v[20.0])
    assert_allclose(g12 / g20, ratio, rtol=1e-14)
    assert round(200 * g12 / g20) == 926


def test_low_loss_stack_budget_sec_6_3():
    """Review 6.3.2 (COMSOL): Gamma_NC ~40 %, alpha_loss ~143 cm^-1, G_mod = 750 Gamma ~300 cm^-1.
    Open model (n_QD = 1.80 assumed): power share Gamma_NC 19.8 %, gain weight 22.8 %,
    alpha_loss 156 cm^-1 (9 % above), G_mod = 750 x gain weight = 171, net +15 cm^-1 (issue 15:
    was 148 and -7 with the power share); asserted to 0.2 points and 1 cm^-1. Gap: Gamma_NC
    half the review's."""
    r = c6.budget_model()
    assert abs(100 * r["gamma_qd"] - 19.8) < 0.2 and abs(100 * r["gain_weight_qd"] - 22.8) < 0.2
    assert abs(r["loss"] - 155.6) < 1
    assert abs(r["modal_gain"] - 170.8) < 1 and abs(r["net_gain"] - 15.3) < 1
    assert abs(r["loss"] - 143) / 143 < 0.1


def test_low_loss_stack_with_denser_dots_sec_6_3():
    """Review 6.3.2: Gamma_NC ~40 % is reached by the open model for n_QD = 2.00 (tolerance
    0.01), where alpha_loss = 162 cm^-1 (review 143; asserted to 2 cm^-1) and the net gain with
    the gain weight (49 %) is +206 cm^-1 (issue 15: was +138; asserted to 2 cm^-1)."""
    r = c6.budget_model(qd_index=2.0)
    assert abs(100 * r["gamma_qd"] - 40) < 0.5
    assert abs(r["loss"] - 162.5) < 2
    assert abs(r["net_gain"] - 206.1) < 2


def test_review_budget_arithmetic_sec_6_3():
    """Review 6.3.2: 0.40 x 750 = 300 cm^-1 (exact)."""
    assert ph.net_modal_gain_cm(0.40, 750.0, 0.0) == pytest.approx(300.0, rel=1e-14)


# --- 6.4 Electrically driven ASE ----------------------------------------------------------
def test_critical_angle_glass_lito_sec_6_4():
    """Review eq 14 (6.4.1): glass/L-ITO; model 72.0 deg with the database glass at 630 nm
    (tolerance 0.05 deg)."""
    n_glass = oc.refractive_index("glass", 630.0).real
    assert abs(ph.critical_angle_deg(n_glass, 1.6) - 72.0) < 0.05


def test_brw_mode_below_guiding_index_sec_6_4():
    """Review eq 15 (6.4.1): n_eff of the BRW mode is below n_wg and may be < 1. Model: 1.364,
    below the dots (1.80) and even below the glass (1.52): a leaky Bragg mode (to 1e-3)."""
    r = c6.brw_model()
    assert abs(r["n_eff"].real - 1.3636) < 1e-3
    assert r["n_eff"].real < oc.refractive_index("glass", oc.BRW_WAVELENGTH_NM).real < 1.8


def test_brw_confinement_and_loss_sec_6_4():
    """Review 6.4.2 (COMSOL): Gamma_NC ~23 %, alpha_loss ~16 cm^-1. Open model (assumed DBR
    period and layers): Gamma_NC 14.1 % (0.3 points), alpha_loss 365 cm^-1 (2 %), of which ITO
    ~224 and Ag ~139. Gap: 9 points in Gamma_NC and a loss 23x the review's."""
    r = c6.brw_model()
    assert abs(100 * r["gamma_qd"] - 14.1) < 0.3
    assert_allclose(r["loss"], 364.9, rtol=2e-2)
    s0 = oc.device_stack("BRW device", oc.BRW_WAVELENGTH_NM, pairs=0)
    tir = ph.guided_modes(s0["indices"], s0["thicknesses_nm"], oc.BRW_WAVELENGTH_NM, "TE")[0]
    g0 = ph.confinement_factors(s0["indices"], s0["thicknesses_nm"], oc.BRW_WAVELENGTH_NM, tir,
                                "TE")[3]
    assert r["gamma_qd"] > 2.5 * g0  # the DBR raises the dots' share about threefold


def test_brw_open_model_net_gain_sec_6_4():
    """Review 6.4.2: G_net ~ +164 cm^-1. Open model: gain weight of the dots 18.6 % (1.32 x the
    power share), G_mod = 145, G_net = -220 cm^-1 (issue 15: was -255 with the power share);
    asserted to 0.3 points and 3 cm^-1."""
    r = c6.brw_model()
    assert abs(100 * r["gain_weight_qd"] - 18.6) < 0.3
    assert abs(r["gain_weight_qd"] / r["gamma_qd"] - 1.32) < 0.01
    assert abs(r["net_gain"] + 219.7) < 3


def test_brw_review_point_below_the_searched_frontier_sec_6_4():
    """Review 6.4.2: Gamma_NC ~23 % at alpha_loss ~16 cm^-1. Stored search over the unstated
    thicknesses and DBR period (qdbook.design.BRW_BOUNDS): the least loss with Gamma_NC >= 22 %
    is 138 cm^-1 (8.6x the review's; recomputed here to 1e-6), no design loses <= 16 cm^-1."""
    from qdbook import design

    brw = design.stored_searches()["brw"]
    point = [p for p in brw["frontier"] if p["gamma_min"] == 0.22][0]
    r = design.brw_design(*point["design"])
    assert r["gamma_qd"] >= 0.22 and abs(r["loss"] - point["loss"]) < 1e-6 * point["loss"]
    assert round(r["loss"]) == 138 and r["loss"] > 8 * 16
    assert brw["max_gamma_with_loss_le_16"] is None


def test_brw_net_gain_budget_sec_6_4():
    """Review 6.4.2: G_mod ~180 (0.23 x 780 = 179.4), G_net ~164 = 180 - 16 cm^-1 (exact
    arithmetic; the review rounds 179.4 to 180 before subtracting, the model gives 163.4)."""
    g_mod = ph.net_modal_gain_cm(0.23, 780.0, 0.0)
    assert g_mod == pytest.approx(179.4, rel=1e-12)
    assert round(ph.net_modal_gain_cm(0.23, 780.0, 16.0)) == 163
    assert ph.net_modal_gain_cm(0.23, 780.0, 16.0) == pytest.approx(163.4, rel=1e-12)
    assert ph.net_modal_gain_cm(1.0, round(g_mod, -1), 16.0) == 164


def test_edge_emission_intensity_sec_6_4():
    """Review 6.4.2: 0.17 mW over 30 um x 300 nm = 1.9 kW cm^-2 (model 1.889, rounding)."""
    i = ph.edge_emission_intensity_w_cm2(0.17e-3, 30.0, 300.0)
    assert f"{i / 1e3:.1f}" == "1.9"
    assert_allclose(i, 1888.9, rtol=1e-4)


def test_ase_line_narrowing_sec_6_4():
    """Review 6.4.2: FWHM 82 meV -> ~40 meV above threshold. Model: a Gaussian gain band of the
    same width halves the line at a peak gain-length product of 4.27 (to 0.05)."""
    from scipy.optimize import brentq

    e = np.linspace(1.70, 2.20, 4001)
    shape = np.exp(-(e - 1.93) ** 2 / (2 * (0.082 / 2.3548) ** 2))

    def fwhm(gl):
        spec = ph.ase_intensity(shape, gl * shape, 1.0)
        above = e[spec >= 0.5 * spec.max()]
        return above[-1] - above[0]

    assert abs(fwhm(1e-6) - 0.082) < 5e-4
    assert abs(brentq(lambda gl: fwhm(gl) - 0.041, 0.1, 30.0) - 4.27) < 0.05


def test_ase_peaks_sec_6_4():
    """Review 6.4.2: 1S ASE at 1.93 eV = 642 nm and 1P at 2.11 eV = 588 nm (1 nm)."""
    assert round(float(ph.photon_energy_to_wavelength_nm(1.93))) == 642
    assert round(float(ph.photon_energy_to_wavelength_nm(2.11))) == 588


def test_te_polarisation_sec_6_4():
    """Review 6.4.2: ASE is TE polarised because TM modes are quenched by the metal. Model: the
    TM mode with most power in the dots of the BRW device loses > 2x the TE BRW mode."""
    s = oc.device_stack("BRW device", oc.BRW_WAVELENGTH_NM)
    lam = oc.BRW_WAVELENGTH_NM
    te = c6.brw_model()["loss"]
    tm_modes = ph.guided_modes(s["indices"], s["thicknesses_nm"], lam, "TM", leaky=True,
                               n_points=2500)
    share = [ph.confinement_factors(s["indices"], s["thicknesses_nm"], lam, m, "TM")[23]
             for m in tm_modes]
    tm = ph.modal_loss_cm(tm_modes[int(np.argmax(share))], lam)
    assert tm > 2 * te


# --- the reproducibility report's rows of these sections (qdbook.reproducibility) -----------
REPORT_ROWS = [e for part in ("6.2", "6.3", "6.4") for e in rep.for_section(part)]


@pytest.mark.parametrize("entry", REPORT_ROWS, ids=lambda e: e.key)
def test_reproducibility_entry_sec_6(entry):
    """Each row of chapters/appendix/reproducibility.md for these sections: the verdict it
    claims (reproduced within the entry's tolerance, or differs with a reason) holds for the
    value the package computes now, and the page and label it links exist."""
    check_reproducibility_entry(entry)
