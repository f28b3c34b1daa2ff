"""Explorations driven headlessly: set a control, check the model moved as the physics says."""

import importlib
import pkgutil

import ipywidgets as widgets
import numpy as np
import pytest
from ipywidgets.widgets.widget_link import Link

from qdbook import explore
from qdbook.explore import Exploration
from qdbook.plotting import new_figure

PNG = b"\x89PNG"


def test_levels_radius_and_material():
    exp = explore.levels_explorer(static=False)
    gap_25 = exp.result["gap"]
    before = exp.image.value
    exp.controls["radius_nm"].value = 4.0
    assert exp.result["gap"] < gap_25                       # bigger dot, smaller gap
    assert exp.result["electron"][0] == pytest.approx(
        exp.compute(radius_nm=2.5)["electron"][0] * (2.5 / 4.0) ** 2)  # 1/R^2
    assert bytes(exp.image.value) != bytes(before) and bytes(exp.image.value).startswith(PNG)
    gap_cdse = exp.result["gap"]
    exp.controls["material"].value = "PbSe"
    assert exp.result["material"] == "PbSe"
    assert 0.28 < exp.result["gap"] < gap_cdse        # above its bulk gap, below CdSe's


def test_gain_statistics_crosses_threshold():
    exp = explore.gain_statistics_explorer(mean_n=0.5, static=False)
    assert exp.result["gain"] < 0
    exp.controls["mean_n"].value = 2.0
    r = exp.result
    assert r["gain"] > 0
    assert r["P0"] + r["PX"] + r["PXX"] == pytest.approx(1.0)
    assert r["p_i"].sum() == pytest.approx(1.0, abs=1e-3)


def test_auger_thresholds_follow_volume_scaling():
    exp = explore.auger_thresholds_explorer(static=False)
    tau_small, ratio_small = exp.result["tau_here"], exp.result["ratio"]
    exp.controls["radius_nm"].value = 5.0
    assert exp.result["tau_here"] == pytest.approx(tau_small * (5.0 / 2.5) ** 3)
    assert exp.result["ratio"] < ratio_small          # lasing/gain gap closes for big dots
    exp.controls["sigma_abs_cm2"].value = 3e-14
    assert exp.result["i_half_here"] == pytest.approx(
        exp.compute(sigma_abs_cm2=3e-15)["i_half_here"] / 10)


def test_auger_control_threshold_inverse_in_lifetime():
    exp = explore.auger_control_explorer(static=False)
    i600 = exp.result["i_half"]
    exp.controls["tau_a_xx_ps"].value = 1200.0
    assert exp.result["i_half"] == pytest.approx(i600 / 2)


def _all_explorers():
    """Every ``*_explorer`` of every chapter module of qdbook.explore."""
    found = []
    for info in sorted(pkgutil.iter_modules(explore.__path__), key=lambda m: m.name):
        if info.name.startswith("chapter"):
            module = importlib.import_module(f"qdbook.explore.{info.name}")
            found += [getattr(module, n) for n in sorted(vars(module)) if n.endswith("_explorer")]
    return found


# Fewer than ten frames only where the main control has fewer values.
MIN_FRAMES = {"dfb_explorer": 9}   # nine grating periods


@pytest.mark.parametrize("builder", _all_explorers(),
                         ids=lambda b: f"{b.__module__.rsplit('.', 1)[-1]}.{b.__name__}")
def test_static_frames_are_linked_in_the_browser(builder):
    exp = builder(static=True)
    box = exp.widget
    slider, stack = exp.static_slider, exp.static_stack
    assert isinstance(slider, widgets.SelectionSlider) and isinstance(stack, widgets.Stack)
    assert box.children[0] is slider and box.children[1] is stack
    assert len(stack.children) == len(slider.options) >= MIN_FRAMES.get(builder.__name__, 10)
    # the client-side link between the slider's index and the stack's selected frame
    link = exp.static_link
    assert isinstance(link, Link)
    assert link.source == (slider, "index") and link.target == (stack, "selected_index")
    # the default frame is shown first and equals the live figure at the defaults
    assert stack.selected_index == slider.index
    assert bytes(stack.children[stack.selected_index].value) == exp.default_png
    frames = [bytes(child.value) for child in stack.children]
    assert len(set(frames)) == len(frames), "every frame differs"
    assert sum(map(len, frames)) <= explore.FRAME_BUDGET_BYTES


def test_mimebundle_has_widget_and_png():
    exp = explore.gain_statistics_explorer(static=False)
    data = exp._repr_mimebundle_()
    data = data[0] if isinstance(data, tuple) else data
    assert "application/vnd.jupyter.widget-view+json" in data
    assert "image/png" in data


def _toy():
    def model(a):
        return {"x": np.linspace(0, 1, 5), "y": a * np.linspace(0, 1, 5)}

    def view(r):
        fig, ax = new_figure(3, 2)
        (line,) = ax.plot(r["x"], r["y"])
        ax.set_ylim(0, 10)
        return fig, lambda r: line.set_ydata(r["y"])

    return model, view


def test_generic_exploration_and_errors(monkeypatch):
    model, view = _toy()
    control = widgets.FloatSlider(value=1.0, min=0.0, max=5.0, description="a")
    exp = Exploration(model, {"a": control}, view, static=False)
    control.value = 3.0
    assert exp.result["y"][-1] == 3.0
    with pytest.raises(ValueError, match="main"):
        Exploration(model, {"a": control}, view, main="b")
    with pytest.raises(ValueError, match="controls"):
        Exploration(model, {}, view)
    monkeypatch.setenv("QDBOOK_STATIC", "1")
    assert Exploration(model, {"a": widgets.FloatSlider(value=1.0)}, view).static
    too_many = Exploration(model, {"a": widgets.FloatSlider(value=1.0, max=5)}, view,
                           n_frames=2000, static=True)
    with pytest.raises(ValueError, match="budget"):
        too_many.frames()
