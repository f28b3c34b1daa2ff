"""The generic Exploration: static frames, display bundle, errors."""

import importlib
import pkgutil

import ipywidgets as widgets
import numpy as np
import pytest
from helpers import static_exploration, view_shows_result
from ipywidgets.widgets.widget_link import Link

from qdbook import explore
from qdbook.explore import Exploration
from qdbook.explore._browser import Formula
from qdbook.plotting import new_figure

PNG = b"\x89PNG"


def _all_explorers():
    """Every ``*_explorer`` of every topical module of qdbook.explore, found by listing it."""
    found = []
    for info in sorted(pkgutil.iter_modules(explore.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            module = importlib.import_module(f"qdbook.explore.{info.name}")
            found += [getattr(module, n) for n in sorted(vars(module)) if n.endswith("_explorer")
                      and getattr(module, n).__module__ == module.__name__]
    assert len(found) == 26, f"the book has 26 explorations, found {len(found)}"
    return found


MIN_FRAMES = {"dfb_explorer": 9}   # nine grating periods


@pytest.mark.parametrize("builder", _all_explorers(),
                         ids=lambda b: f"{b.__module__.rsplit('.', 1)[-1]}.{b.__name__}")
def test_static_frames_are_linked_in_the_browser(builder):
    exp = static_exploration(builder)
    if exp.browser is not None:
        # drawn in the browser instead (tests/explore/test_browser_models.py): the static
        # display is the HTML block with every control, and the default image
        bundle = exp._repr_mimebundle_()
        assert set(bundle) == {"text/html", "image/png", "text/plain"}
        html = bundle["text/html"]
        assert 'class="qd-exploration"' in html and "qd-default" in html
        assert html.count('<input type="range"') + html.count("<select") == len(exp.controls)
        assert bundle["image/png"] in html
        return
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


def _other_value(control):
    """A value of the control other than its current one (an option, or a slider's end)."""
    if hasattr(control, "options"):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return next(v for v in values if v != control.value)
    return control.max if control.value != control.max else control.min


@pytest.mark.parametrize("builder", _all_explorers(),
                         ids=lambda b: f"{b.__module__.rsplit('.', 1)[-1]}.{b.__name__}")
def test_in_a_kernel_every_control_reaches_the_browser_view(builder):
    """Live (JupyterLab): the figure is the browser-drawn FigureView, never a kernel PNG.

    A formula exploration's view carries the generated code and its controls' widget models,
    and the page computes each move (tests/book/test_lab.py checks the numbers drawn there);
    the kernel's result still follows every control, and nothing is sent. Otherwise each
    control's change sends one update carrying the model's result at the new value."""
    exp = builder(static=False)
    assert exp.view is not None and exp.image is None
    assert exp.widget.children[-1] is exp.view
    assert view_shows_result(exp)
    formula = isinstance(exp.browser_model(), Formula)
    assert bool(exp.view.local) == formula
    if formula:
        local = exp.view.local
        assert [c["id"] for c in local["controls"]] == [c.model_id for c in
                                                         exp.controls.values()]
        assert [c["name"] for c in local["controls"]] == list(exp.controls)
        assert local["code"].startswith("function (c, G, M)")
        assert set(local["constants"]) | set(exp.browser.outputs) >= exp.figure_spec.keys()
    for name, control in exp.controls.items():
        before, result = exp.view.result, exp.result
        control.value = _other_value(control)
        assert exp.result is not result, f"{name}: the kernel's model did not run"
        if formula:
            assert exp.view.result == before, f"{name}: a formula's view needs no numbers"
            continue
        assert exp.view.result["n"] == before["n"] + 1, name
        assert view_shows_result(exp), name
        assert exp.view.result["flat"] != before["flat"], f"{name} changes nothing drawn"


def test_in_a_kernel_a_table_reaches_the_page_once_shown():
    """A table exploration in a kernel: showing it starts one thread that hands the view
    the static page's table (built around the starting values even if a control moved
    meanwhile) and the controls' widget models; from then on the kernel sends nothing for a
    setting on the grid, and numbers with their settings for one between grid points."""
    from qdbook.explore._browser import browser_payload, on_grid

    exp = explore.charged_gain_explorer(static=False)
    assert exp.view.local == {} and exp.table_thread is None   # nothing built before shown
    mean_n = exp.controls["mean_n"]
    start = mean_n.value
    mean_n.value = mean_n.max                     # a reader moves before the table is there
    sent = exp.view.result["n"]
    assert exp.view.result["values"]["mean_n"] == mean_n.max
    exp._repr_mimebundle_()
    thread = exp.table_thread
    exp._repr_mimebundle_()                       # shown twice: still one thread
    assert exp.table_thread is thread
    thread.join(timeout=120)
    local = exp.view.local
    assert local["model"] == "charged_gain_model"
    assert [c["id"] for c in local["controls"]] == [c.model_id for c in exp.controls.values()]
    mean_n.value = start
    static = explore.charged_gain_explorer(static=True)
    assert local["table"]["grid"] == browser_payload(static)["table"]["grid"]
    assert local["table"]["keys"] == browser_payload(static)["table"]["keys"]
    grid = local["table"]["grid"]["mean_n"]
    sent = exp.view.result["n"]
    for value in grid[:3]:                        # on the grid: the page draws it
        mean_n.value = value
        assert on_grid(local["table"], exp.values()) and exp.view.result["n"] == sent
    between = (grid[0] + grid[1]) / 2             # between grid points: the kernel's numbers
    mean_n.value = between
    assert not on_grid(local["table"], exp.values())
    assert exp.view.result["n"] == sent + 1 and exp.view.result["values"] == exp.values()
    assert view_shows_result(exp)


def test_on_grid_tolerance_and_dropdowns():
    from qdbook.explore._browser import GRID_RTOL, on_grid

    table = {"grid": {"x": [0.0, 0.5, 1.5], "kind": ["a", "b"]}, "rtol": GRID_RTOL}
    assert on_grid(table, {"x": 1.5 * (1 + 0.5 * GRID_RTOL), "kind": "b"})   # relative
    assert not on_grid(table, {"x": 1.5 * (1 + 2 * GRID_RTOL), "kind": "b"})
    assert on_grid(table, {"x": np.float64(0.5 + 0.5 * GRID_RTOL), "kind": "a"})   # absolute
    assert not on_grid(table, {"x": 0.5 + 2 * GRID_RTOL, "kind": "a"})            # below 1
    assert not on_grid(table, {"x": 1.5, "kind": "c"})


def test_view_numbers_and_errors():
    from qdbook.explore._figure import Figure, Line, Panel
    from qdbook.explore._view import FigureView, json_numbers

    assert json_numbers(np.array([1.5, np.nan, np.inf, -np.inf])) == [1.5, None, None, None]
    assert json_numbers(np.float64(np.nan)) is None and json_numbers(2) == 2.0
    assert json_numbers(["a", "b"]) == ["a", "b"] and json_numbers("CdSe") == "CdSe"
    # the float travels exactly (JSON's shortest round-trip repr)
    x = np.linspace(0, 1, 7) ** 0.5
    assert np.array_equal(np.array(json_numbers(x)), x)
    fig = Figure(panels=[Panel(items=[Line(x="x", y="y")])], title="{a:.2f}")
    view = FigureView(fig, {"x": x, "y": 2 * x, "a": 1.0, "unused": 3.0})
    assert set(view.result["flat"]) == {"x", "y", "a"} and view.result["n"] == 1
    assert "export default" in view._esm and "qdExplore" in view._esm and ".qd-figure" in view._css
    view.show({"x": x, "y": x, "a": 2.0})
    assert view.result["n"] == 2 and view.result["flat"]["a"] == 2.0
    with pytest.raises(ValueError, match=r"result: .*\['y'\]"):
        view.show({"x": x, "a": 1.0})


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
