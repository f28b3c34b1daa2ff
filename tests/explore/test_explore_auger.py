"""Explorations of qdbook.explore.auger, driven headlessly: set a control, check the model."""


import pytest

from qdbook.explore import auger as ex

PNG = b"\x89PNG"


def test_perovskite_auger_ratio_follows_chi():
    exp = ex.perovskite_auger_explorer(static=False)
    assert exp.result["ratio"] == pytest.approx(1 / 0.06)
    tau8 = exp.result["tau_p_here"]
    exp.controls["edge_nm"].value = 12.0
    assert exp.result["tau_p_here"] == pytest.approx(tau8 * (12 / 8) ** 3)
    assert exp.result["i_p_here"] / exp.result["i_c_here"] == pytest.approx(1 / 0.06)
    exp.controls["chi_ps_nm3"].value = 0.3
    assert exp.result["ratio"] == pytest.approx(1 / 0.3, rel=1e-3)


def test_auger_thresholds_follow_volume_scaling():
    exp = ex.auger_thresholds_explorer(static=False)
    tau_small, ratio_small = exp.result["tau_here"], exp.result["ratio"]
    exp.controls["radius_nm"].value = 5.0
    assert exp.result["tau_here"] == pytest.approx(tau_small * (5.0 / 2.5) ** 3)
    assert exp.result["ratio"] < ratio_small          # lasing/gain gap closes for big dots
    exp.controls["sigma_abs_cm2"].value = 3e-14
    assert exp.result["i_half_here"] == pytest.approx(
        exp.compute(sigma_abs_cm2=3e-15)["i_half_here"] / 10)


def test_auger_control_threshold_inverse_in_lifetime():
    exp = ex.auger_control_explorer(static=False)
    i600 = exp.result["i_half"]
    exp.controls["tau_a_xx_ps"].value = 1200.0
    assert exp.result["i_half"] == pytest.approx(i600 / 2)


def test_longer_biexciton_lowers_both_thresholds():
    exp = ex.outlook_explorer(static=False)
    i0, j0 = exp.result["i_here"], exp.result["j_here"]
    exp.controls["tau_xx_ps"].value = 5000.0
    assert exp.result["i_here"] < i0 and exp.result["j_here"] < j0
    # the radiative floor: with tau_XX >> tau_X the thresholds stop scaling as 1/tau_XX
    far = exp.compute(tau_xx_ps=30000.0)["j_here"]
    assert far > exp.result["j_here"] * 5000.0 / 30000.0


def test_graded_reference_matches_the_default_point():
    exp = ex.outlook_explorer(static=False)
    tau, i_ref, j_ref = exp.result["refs"]["graded cg-QD"]
    assert tau == exp.result["tau"]
    assert i_ref == pytest.approx(exp.result["i_here"])
    assert j_ref == pytest.approx(exp.result["j_here"])
