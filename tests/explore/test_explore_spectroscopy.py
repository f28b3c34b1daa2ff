"""Explorations of qdbook.explore.spectroscopy, driven headlessly: set a control, check it."""


import pytest

from qdbook.explore import spectroscopy as ex

PNG = b"\x89PNG"


def test_ta_crosses_threshold():
    exp = ex.ta_explorer(mean_n=0.5, static=False)
    assert exp.result["alpha_here"] > 0 and exp.result["peak_gain"] == 0
    exp.controls["mean_n"].value = 2.5
    assert exp.result["alpha_here"] < 0 and exp.result["peak_gain"] > 0
    assert exp.result["threshold"] == pytest.approx(1.146, abs=0.01)


def test_vsl_fit_follows_true_gain():
    exp = ex.vsl_explorer(static=False)
    exp.controls["gain_cm"].value = 60.0
    r = exp.result
    assert abs(r["gain_cm"] - 60.0) < 3 * r["gain_err_cm"]
    err = r["gain_err_cm"]
    exp.controls["relative_noise"].value = 0.2
    assert exp.result["gain_err_cm"] > err              # noisier data, wider error bar


def test_gain_spectra_bands_switch_on():
    exp = ex.gain_spectra_explorer(mean_n=1.0, static=False)
    assert exp.result["inversion"][1] < 0
    exp.controls["mean_n"].value = 10.0
    assert exp.result["inversion"][0] > 0.99 and exp.result["inversion"][1] > 0
    assert exp.result["gain_range"][1] > 2.2            # 1P band gains


def test_dfb_line_moves_with_period():
    exp = ex.dfb_explorer(static=False)
    e340 = exp.result["e_line"]
    exp.controls["period_nm"].value = 355.0
    assert exp.result["e_line"] < e340
    assert exp.result["e_line"] == pytest.approx(1239.84198 / (1.71 * 355.0), rel=1e-6)
