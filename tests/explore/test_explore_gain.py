"""Explorations of qdbook.explore.gain, driven headlessly: set a control, check the model."""


import numpy as np
import pytest

from qdbook.explore import gain as ex

PNG = b"\x89PNG"


def test_npl_gain_area_moves_regime_and_volume():
    exp = ex.npl_gain_explorer(area_nm2=15.0, static=False)
    assert exp.result["regime_high"] == "state filling"
    assert exp.result["tau_npl"] == pytest.approx(2.7 * exp.result["volume"])
    exp.controls["area_nm2"].value = 1000.0
    r = exp.result
    assert r["regime_low"] == "space filling" and r["regime_high"] == "e-h plasma"
    assert r["tau_npl"] == pytest.approx(270.0)                # on the plateau
    assert r["n_max"] == pytest.approx(1000.0 / (np.pi * 1.8**2))
    exp.controls["exciton_radius_nm"].value = 3.6
    assert exp.result["n_max"] == pytest.approx(r["n_max"] / 4)


def test_degeneracy_saturation():
    exp = ex.degeneracy_explorer(mean_n=0.05, static=False)
    assert exp.result["ratio"] == pytest.approx(1.0, abs=0.1)  # 1 + O(<N>)
    exp.controls["mean_n"].value = 25.0
    assert exp.result["ratio"] == pytest.approx(4.0, rel=1e-4)
    exp.controls["degeneracy"].value = "g_e = g_h = 4"
    assert exp.result["ratio"] == pytest.approx(16.0, rel=1e-3)
    assert exp.result["threshold"] == 2.0
    with pytest.raises(ValueError, match="degeneracy"):
        ex.degeneracy_model(1.0, "g = 3")


def test_single_exciton_gain_grows_with_delta():
    exp = ex.single_exciton_explorer(delta_xx_mev=10.0, static=False)
    small = exp.result["peak"]
    exp.controls["delta_xx_mev"].value = 120.0
    assert exp.result["peak"] > 0.99 > small
    exp.controls["fwhm_mev"].value = 150.0
    assert exp.result["peak"] < 0.99                    # a broad ensemble hides the shift


def test_charged_gain_lowers_threshold_and_auger():
    exp = ex.charged_gain_explorer(n_e=0.0, static=False)
    assert exp.result["threshold"] == pytest.approx(4.0)
    assert exp.result["rate_here"] == pytest.approx(96.0)
    exp.controls["n_e"].value = 6.0
    assert exp.result["threshold"] == pytest.approx(1.0)
    assert exp.result["rate_here"] == pytest.approx(42.0)
    exp.controls["degeneracy"].value = 2
    assert exp.result["threshold"] == 0.0


def test_doping_raises_poisson_threshold_above_mean():
    exp = ex.doping_explorer(static=False)
    th = exp.result["th_mean"]
    exp.controls["mean_n_e"].value = 4.8
    assert exp.result["th_mean"] == pytest.approx(1.6)
    assert exp.result["th_poisson"] > exp.result["th_mean"] and exp.result["th_mean"] < th


def test_gain_statistics_crosses_threshold():
    exp = ex.gain_statistics_explorer(mean_n=0.5, static=False)
    assert exp.result["gain"] < 0
    exp.controls["mean_n"].value = 2.0
    r = exp.result
    assert r["gain"] > 0
    assert r["P0"] + r["PX"] + r["PXX"] == pytest.approx(1.0)
    assert r["p_i"].sum() == pytest.approx(1.0, abs=1e-3)


def test_mimebundle_has_widget_and_png():
    exp = ex.gain_statistics_explorer(static=False)
    data = exp._repr_mimebundle_()
    data = data[0] if isinstance(data, tuple) else data
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "image/png" in data
