"""Chapter-4 explorations driven headlessly: set a control, check the model's response."""

import numpy as np
import pytest

from qdbook import perovskite, wells
from qdbook.explore import chapter4

PNG = b"\x89PNG"


def test_well_levels_thickness_and_barrier():
    exp = chapter4.well_levels_explorer(static=False)
    gap_4 = exp.result["gap_here"]
    before = bytes(exp.image.value)
    exp.controls["monolayers"].value = 7.0
    assert exp.result["gap_here"] < gap_4                      # thicker, lower band edge
    assert exp.result["d"] == pytest.approx(7 * wells.CDSE_MONOLAYER_NM)
    assert bytes(exp.image.value) != before and bytes(exp.image.value).startswith(PNG)
    n_levels = len(exp.result["electron"])
    exp.controls["barrier_ev"].value = 6.0
    assert len(exp.result["electron"]) >= n_levels             # deeper well binds more
    assert exp.result["gap_here"] > exp.compute(barrier_ev=1.0)["gap_here"]
    assert exp.result["gap_here"] < exp.result["gap_here_infinite"]


def test_npl_gain_area_moves_regime_and_volume():
    exp = chapter4.npl_gain_explorer(area_nm2=15.0, static=False)
    assert exp.result["regime_high"] == "state filling"
    assert exp.result["tau_npl"] == pytest.approx(2.7 * exp.result["volume"])
    exp.controls["area_nm2"].value = 1000.0
    r = exp.result
    assert r["regime_low"] == "space filling" and r["regime_high"] == "e-h plasma"
    assert r["tau_npl"] == pytest.approx(270.0)                # on the plateau
    assert r["n_max"] == pytest.approx(1000.0 / (np.pi * 1.8**2))
    exp.controls["exciton_radius_nm"].value = 3.6
    assert exp.result["n_max"] == pytest.approx(r["n_max"] / 4)


def test_perovskite_auger_ratio_follows_chi():
    exp = chapter4.perovskite_auger_explorer(static=False)
    assert exp.result["ratio"] == pytest.approx(1 / 0.06)
    tau8 = exp.result["tau_p_here"]
    exp.controls["edge_nm"].value = 12.0
    assert exp.result["tau_p_here"] == pytest.approx(tau8 * (12 / 8) ** 3)
    assert exp.result["i_p_here"] / exp.result["i_c_here"] == pytest.approx(1 / 0.06)
    exp.controls["chi_ps_nm3"].value = 0.3
    assert exp.result["ratio"] == pytest.approx(1 / 0.3, rel=1e-3)


def test_degeneracy_saturation():
    exp = chapter4.degeneracy_explorer(mean_n=0.05, static=False)
    assert exp.result["ratio"] == pytest.approx(1.0, abs=0.1)  # 1 + O(<N>)
    exp.controls["mean_n"].value = 25.0
    assert exp.result["ratio"] == pytest.approx(4.0, rel=1e-4)
    exp.controls["degeneracy"].value = "g_e = g_h = 4"
    assert exp.result["ratio"] == pytest.approx(16.0, rel=1e-3)
    assert exp.result["threshold"] == 2.0
    with pytest.raises(ValueError, match="degeneracy"):
        chapter4.degeneracy_model(1.0, "g = 3")


def test_halide_slider_moves_colour():
    exp = chapter4.halide_explorer(static=False)
    assert exp.result["wavelength"] == pytest.approx(510.0)
    exp.controls["position"].value = 1.0
    assert exp.result["wavelength"] == pytest.approx(700.0)
    assert exp.result["fwhm_mev"] == pytest.approx(100.0)
    exp.controls["position"].value = -1.0
    assert exp.result["wavelength"] == pytest.approx(410.0)
    assert exp.result["energy"] == pytest.approx(perovskite.mixed_halide_emission_ev(x_cl=1.0))
    assert chapter4.wavelength_rgb(650.0)[0] > 0.9 and chapter4.wavelength_rgb(450.0)[2] > 0.9
