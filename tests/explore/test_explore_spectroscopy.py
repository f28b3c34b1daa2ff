"""Chapter-3 explorations, driven headlessly: set a control, check the model moved."""

import pytest

from qdbook.explore import chapter3 as c3


def test_ta_crosses_threshold():
    exp = c3.ta_explorer(mean_n=0.5, static=False)
    assert exp.result["alpha_here"] > 0 and exp.result["peak_gain"] == 0
    exp.controls["mean_n"].value = 2.5
    assert exp.result["alpha_here"] < 0 and exp.result["peak_gain"] > 0
    assert exp.result["threshold"] == pytest.approx(1.146, abs=0.01)


def test_vsl_fit_follows_true_gain():
    exp = c3.vsl_explorer(static=False)
    exp.controls["gain_cm"].value = 60.0
    r = exp.result
    assert abs(r["gain_cm"] - 60.0) < 3 * r["gain_err_cm"]
    err = r["gain_err_cm"]
    exp.controls["relative_noise"].value = 0.2
    assert exp.result["gain_err_cm"] > err              # noisier data, wider error bar


def test_single_exciton_gain_grows_with_delta():
    exp = c3.single_exciton_explorer(delta_xx_mev=10.0, static=False)
    small = exp.result["peak"]
    exp.controls["delta_xx_mev"].value = 120.0
    assert exp.result["peak"] > 0.99 > small
    exp.controls["fwhm_mev"].value = 150.0
    assert exp.result["peak"] < 0.99                    # a broad ensemble hides the shift


def test_charged_gain_lowers_threshold_and_auger():
    exp = c3.charged_gain_explorer(n_e=0.0, static=False)
    assert exp.result["threshold"] == pytest.approx(4.0)
    assert exp.result["rate_here"] == pytest.approx(96.0)
    exp.controls["n_e"].value = 6.0
    assert exp.result["threshold"] == pytest.approx(1.0)
    assert exp.result["rate_here"] == pytest.approx(42.0)
    exp.controls["degeneracy"].value = 2
    assert exp.result["threshold"] == 0.0


def test_doping_raises_poisson_threshold_above_mean():
    exp = c3.doping_explorer(static=False)
    th = exp.result["th_mean"]
    exp.controls["mean_n_e"].value = 4.8
    assert exp.result["th_mean"] == pytest.approx(1.6)
    assert exp.result["th_poisson"] > exp.result["th_mean"] and exp.result["th_mean"] < th


def test_gain_spectra_bands_switch_on():
    exp = c3.gain_spectra_explorer(mean_n=1.0, static=False)
    assert exp.result["inversion"][1] < 0
    exp.controls["mean_n"].value = 10.0
    assert exp.result["inversion"][0] > 0.99 and exp.result["inversion"][1] > 0
    assert exp.result["gain_range"][1] > 2.2            # 1P band gains


def test_dfb_line_moves_with_period():
    exp = c3.dfb_explorer(static=False)
    e340 = exp.result["e_line"]
    exp.controls["period_nm"].value = 355.0
    assert exp.result["e_line"] < e340
    assert exp.result["e_line"] == pytest.approx(1239.84198 / (1.71 * 355.0), rel=1e-6)
