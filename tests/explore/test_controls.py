"""The catalogue of controls (qdbook.explore._controls) and the explorations built from it.

Every control of every exploration comes from the catalogue (it is what ``control(name,
value, **overrides)`` builds), every catalogue entry is used, labels of notation parameters
carry the notation's unit, and a control starts at its model's default.
"""

import inspect

import ipywidgets as widgets
import pytest

from qdbook import explore
from qdbook.explore._browser import steps
from qdbook.explore._controls import CONTROLS, control, controls_for, label
from qdbook.notation import NOTATION

EXPLORERS = sorted(name for name in dir(explore) if name.endswith("_explorer"))

NOTATION_UNITS = {row.parameter: row.unit for row in NOTATION if row.parameter}

TRAITS = ("description", "min", "max", "step", "base", "readout_format", "options")


@pytest.fixture(scope="module")
def explorations():
    return {name: getattr(explore, name)(static=False) for name in EXPLORERS}


def _traits(widget) -> dict:
    return {t: getattr(widget, t) for t in TRAITS if hasattr(widget, t)}


def test_every_control_comes_from_the_catalogue(explorations):
    for exp_name, exp in explorations.items():
        for name, widget in exp.controls.items():
            assert hasattr(widget, "catalogue"), f"{exp_name}: {name} is not built by control()"
            built_name, overrides = widget.catalogue
            assert built_name == name, f"{exp_name}: control {name} built as {built_name}"
            again = control(name, widget.value, **overrides)
            assert type(again) is type(widget), f"{exp_name}: {name}"
            assert _traits(again) == _traits(widget), f"{exp_name}: {name}"


def test_every_catalogue_entry_is_used(explorations):
    used = {name for exp in explorations.values() for name in exp.controls}
    assert set(CONTROLS) - used == set(), "catalogue entries no exploration uses"


@pytest.mark.parametrize("name", sorted(set(CONTROLS) & set(NOTATION_UNITS)))
def test_labels_of_notation_parameters_carry_the_notation_unit(name):
    unit = NOTATION_UNITS[name]
    if unit == "1":
        assert "(" not in label(name), label(name)
    else:
        assert label(name).endswith(f" ({unit})"), label(name)


def test_labels_in_the_explorations_carry_the_notation_unit(explorations):
    for exp_name, exp in explorations.items():
        for name, widget in exp.controls.items():
            unit = NOTATION_UNITS.get(name, "1")
            if unit != "1":
                assert widget.description.endswith(f" ({unit})"), (exp_name, widget.description)


def test_labels_are_short_and_unique_within_an_exploration(explorations):
    for exp_name, exp in explorations.items():
        labels = [w.description for w in exp.controls.values()]
        assert len(set(labels)) == len(labels), (exp_name, labels)
        assert all(0 < len(lab) <= 24 for lab in labels), (exp_name, labels)


def test_controls_start_at_the_model_default(explorations):
    for exp_name, exp in explorations.items():
        defaults = {n: p.default for n, p in inspect.signature(exp.model).parameters.items()}
        for name, widget in exp.controls.items():
            default = defaults[name]
            expected = pytest.approx(default) if isinstance(default, float) else default
            assert widget.value == expected, f"{exp_name}: {name}"


def test_a_value_given_to_an_explorer_starts_its_control():
    exp = explore.auger_thresholds_explorer(radius_nm=3.0, static=False)
    assert exp.controls["radius_nm"].value == 3.0
    assert exp.result["radius_nm"] == 3.0


def test_catalogue_ranges_hold_their_kind():
    for name, spec in CONTROLS.items():
        if spec.kind in ("options", "selection"):
            assert spec.min is None and spec.max is None, name
        else:
            assert spec.min < spec.max and spec.step > 0, name
            if spec.kind == "log":
                continue  # a log range may end at a round value (30 µs), between steps
            assert (spec.max - spec.min) / spec.step == pytest.approx(
                round((spec.max - spec.min) / spec.step), abs=1e-6), f"{name}: steps"


def test_control_builds_each_kind():
    assert isinstance(control("sigma_abs_cm2", 3e-15), widgets.FloatLogSlider)
    assert isinstance(control("pairs", 10), widgets.IntSlider)
    assert isinstance(control("metal", "Ag"), widgets.Dropdown)
    assert isinstance(control("point", 1, options=(("a", 0), ("b", 1))), widgets.SelectionSlider)
    slider = control("tau_x_ns", 12.0, max=40.0)
    assert (slider.min, slider.max, slider.description) == (2.0, 40.0, "τ_X (ns)")


def test_control_rejects_unknown_names_and_overrides():
    with pytest.raises(ValueError, match="name"):
        control("no_such_parameter", 1.0)
    with pytest.raises(ValueError, match="overrides"):
        control("tau_x_ns", 12.0, maximum=40.0)
    with pytest.raises(ValueError, match="kind"):
        control("tau_x_ns", 12.0, kind="knob")
    with pytest.raises(ValueError, match="options"):
        control("dot", "x")
    with pytest.raises(ValueError, match="overrides"):
        controls_for(explore.levels_model, ["radius_nm"], {}, mean_n={"max": 1.0})
    with pytest.raises(ValueError, match="name"):
        controls_for(explore.levels_model, ["tau_x_ns"], {})


def test_steps_follow_the_slider():
    assert steps(control("pairs", 10), 2) == [2, 4, 6, 8, 10, 12, 14]
    assert steps(control("position", 0.0))[:3] == [-1.0, -0.95, -0.9]
    log = steps(control("current_density_a_cm2", 300.0), 1.0)
    assert log == pytest.approx([0.1, 1.0, 10.0, 100.0, 1e3, 1e4, 1e5])
