"""Explorations of qdbook.explore.devices, driven headlessly: set a control, check the model."""


import pytest

from qdbook.explore import devices as ex

PNG = b"\x89PNG"


def test_injection_current_drives_the_cycle():
    exp = ex.injection_explorer(current_density_a_cm2=1.0, static=False)
    low = exp.result
    assert low["qld"] / low["led"] < 1e-3 and low["gain"] < 0
    exp.controls["current_density_a_cm2"].value = 1e4
    high = exp.result
    assert high["qld"] > high["led"] and high["gain"] > 0
    assert high["P"].sum() == pytest.approx(1.0)
    exp.controls["dot"].value = "cg-QD, R = 9.4 nm"
    assert exp.result["gain"] > high["gain"]        # graded dot is further into gain
    exp.controls["eps_r"].value = 3.0
    assert exp.result["penalty"] < exp.compute(eps_r=9.5)["penalty"]


def test_thresholds_scale_as_the_equations_say():
    exp = ex.thresholds_explorer(static=False)
    j_th, j_half = exp.result["j_th_here"], exp.result["j_half_here"]
    exp.controls["fill_factor"].value = 1.0
    assert exp.result["j_th_here"] == pytest.approx(2 * j_th)
    exp.controls["fill_factor"].value = 0.5
    exp.controls["radius_nm"].value = 5.0
    assert exp.result["j_half_here"] == pytest.approx(j_half / 4)
    exp.controls["tau_xx_ps"].value = 260.0
    assert exp.result["j_th_here"] == pytest.approx(j_th / 4 / 2, rel=1e-2)


def test_heating_pulse_width_and_period():
    exp = ex.heating_explorer(static=False)
    short = exp.result
    exp.controls["pulse_width_us"].value = 10.0
    longer = exp.result
    assert longer["peak"] > short["peak"] and longer["avg_here"] > short["avg_here"]
    exp.controls["period_us"].value = 40.0
    assert exp.result["trough"] > longer["trough"]  # pulses closer together: less cooling
    exp.controls["power_w"].value = 1.0
    assert exp.result["peak"] == pytest.approx(2 * exp.compute(power_w=0.5)["peak"])


def test_el_ratio_grows_with_occupancy():
    exp = ex.el_explorer(n_excitons=2.0, static=False)
    assert exp.result["ratio"] == 0.0
    exp.controls["n_excitons"].value = 6.0
    assert exp.result["ratio"] == pytest.approx(16 / 12)
    assert exp.result["crossover"] == pytest.approx(5.4641, rel=1e-4)
