"""Explorations of qdbook.explore.photonics, driven headlessly: set a control, check the model."""


import pytest
from helpers import view_followed

from qdbook.explore import photonics as ex


def test_stack_designer_lower_index_moves_mode_to_dots():
    exp = ex.stack_designer_explorer(static=False)
    gamma_el, gamma_qd, loss = (exp.result["gamma_electrode"], exp.result["gamma_qd"],
                                exp.result["loss"])
    before = exp.view.result
    exp.controls["electrode_index"].value = 1.6
    r = exp.result
    assert r["gamma_electrode"] < gamma_el and r["gamma_qd"] > gamma_qd and r["loss"] < loss
    assert sum(r["gammas"]) == pytest.approx(1.0, abs=1e-12)
    assert view_followed(exp, before)        # the browser's view follows the move
    exp.controls["qd_index"].value = 2.0
    assert exp.result["gamma_qd"] > r["gamma_qd"]


def test_te_tm_plasmon_loses_more_and_metal_switch():
    exp = ex.te_tm_explorer(static=False)
    assert exp.result["TM"]["loss"] > 10 * exp.result["TE"]["loss"]
    exp.controls["spacer_nm"].value = 500.0
    assert exp.result["TE"]["loss"] < exp.compute(spacer_nm=250.0)["TE"]["loss"]
    exp.controls["metal"].value = "Al"
    assert exp.result["metal"] == "Al" and exp.result["TM"] is not None


def test_budget_thicker_dots_more_gain():
    exp = ex.budget_explorer(static=False)
    net95 = exp.result["net_gain"]
    exp.controls["qd_nm"].value = 150.0
    assert exp.result["gamma_qd"] > 0.4 and exp.result["net_gain"] > net95
    exp.controls["material_gain_cm"].value = 0.0
    assert exp.result["net_gain"] == pytest.approx(-exp.result["loss"])


def test_brw_pairs_and_design():
    exp = ex.brw_explorer(static=False)
    loss10 = exp.result["loss"]
    assert exp.result["n_eff"].real < 1.52
    exp.controls["pairs"].value = 3
    assert exp.result["loss"] > loss10          # a leaky mirror radiates into the glass
    at_design = int(abs(ex.N_EFF_AXIS - 1.0).argmin())   # inside the stop band, below TIR
    assert exp.result["R"][at_design] < exp.compute(pairs=10)["R"][at_design]
    exp.controls["design_n_eff"].value = 1.2
    assert exp.result["n_eff"] != exp.compute(design_n_eff=1.0)["n_eff"]


def test_brw_frontier_moves_along_the_stored_frontier():
    exp = ex.brw_frontier_explorer(static=False)
    low = exp.compute(point=0)
    assert low["gamma_qd"] >= low["gamma_min"]
    exp.controls["point"].value = len(exp.controls["point"].options) - 1
    high = exp.result
    assert high["gamma_qd"] > low["gamma_qd"] and high["loss"] > low["loss"]
    assert high["gamma_qd"] >= high["gamma_min"]


def test_brw_frontier_solves_each_point_once(monkeypatch):
    """A point the reader comes back to is not solved again, and gives the same numbers."""
    calls = []
    solve = ex.design.brw_design
    monkeypatch.setattr(ex.design, "brw_design", lambda *a: calls.append(a) or solve(*a))
    ex._frontier_point.cache_clear()
    first = ex.brw_frontier_model(point=3)
    again = ex.brw_frontier_model(point=3)
    assert len(calls) == 1 and again["loss"] == first["loss"] and again is not first
    ex.brw_frontier_model(point=4)
    assert len(calls) == 2
