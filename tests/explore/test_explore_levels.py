"""Explorations of qdbook.explore.levels, driven headlessly: set a control, check the model."""


import pytest
from helpers import view_followed

from qdbook import perovskite, wells
from qdbook.explore import levels as ex


def test_well_levels_thickness_and_barrier():
    exp = ex.well_levels_explorer(static=False)
    gap_4 = exp.result["gap_here"]
    before = exp.view.result
    exp.controls["monolayers"].value = 7.0
    assert exp.result["gap_here"] < gap_4                      # thicker, lower band edge
    assert exp.result["d"] == pytest.approx(7 * wells.CDSE_MONOLAYER_NM)
    assert view_followed(exp, before)        # the browser's view follows the move
    n_levels = len(exp.result["electron"])
    exp.controls["barrier_ev"].value = 6.0
    assert len(exp.result["electron"]) >= n_levels             # deeper well binds more
    assert exp.result["gap_here"] > exp.compute(barrier_ev=1.0)["gap_here"]
    assert exp.result["gap_here"] < exp.result["gap_here_infinite"]


def test_halide_slider_moves_colour():
    exp = ex.halide_explorer(static=False)
    assert exp.result["wavelength"] == pytest.approx(510.0)
    exp.controls["position"].value = 1.0
    assert exp.result["wavelength"] == pytest.approx(700.0)
    assert exp.result["fwhm_mev"] == pytest.approx(100.0)
    exp.controls["position"].value = -1.0
    assert exp.result["wavelength"] == pytest.approx(410.0)
    assert exp.result["energy"] == pytest.approx(perovskite.mixed_halide_emission_ev(x_cl=1.0))
    assert ex.wavelength_rgb(650.0)[0] > 0.9 and ex.wavelength_rgb(450.0)[2] > 0.9


def test_levels_radius_and_material():
    exp = ex.levels_explorer(static=False)
    gap_25 = exp.result["gap"]
    before = exp.view.result
    exp.controls["radius_nm"].value = 4.0
    assert exp.result["gap"] < gap_25                       # bigger dot, smaller gap
    assert exp.result["electron"][0] == pytest.approx(
        exp.compute(radius_nm=2.5)["electron"][0] * (2.5 / 4.0) ** 2)  # 1/R^2
    assert view_followed(exp, before)        # the browser's view follows the move
    gap_cdse = exp.result["gap"]
    exp.controls["material"].value = "PbSe"
    assert exp.result["material"] == "PbSe"
    assert 0.28 < exp.result["gap"] < gap_cdse        # above its bulk gap, below CdSe's
