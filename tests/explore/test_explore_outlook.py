"""The chapter-7 exploration, driven headlessly."""

import pytest

from qdbook.explore.chapter7 import outlook_explorer


def test_longer_biexciton_lowers_both_thresholds():
    exp = outlook_explorer(static=False)
    i0, j0 = exp.result["i_here"], exp.result["j_here"]
    exp.controls["tau_xx_ps"].value = 5000.0
    assert exp.result["i_here"] < i0 and exp.result["j_here"] < j0
    # the radiative floor: with tau_XX >> tau_X the thresholds stop scaling as 1/tau_XX
    far = exp.compute(tau_xx_ps=30000.0)["j_here"]
    assert far > exp.result["j_here"] * 5000.0 / 30000.0


def test_graded_reference_matches_the_default_point():
    exp = outlook_explorer(static=False)
    tau, i_ref, j_ref = exp.result["refs"]["graded cg-QD"]
    assert tau == exp.result["tau"]
    assert i_ref == pytest.approx(exp.result["i_here"])
    assert j_ref == pytest.approx(exp.result["j_here"])
