"""Every control of every exploration, at each end of its range and at every option (issue 14).

The explorations are found by listing :mod:`qdbook.explore` (every ``*_explorer``). For each
control the model runs with that control at its minimum and its maximum (a slider) or at
each option (a selection), the others at their defaults; so does every grid value of the
main control, which is what the static page's frames show. The model's result (what the
view draws) must be finite where it is drawn: no exception, no inf anywhere, no NaN in a
number (a NaN in a title or a caption would print "nan"); inside an array NaN is the
figures' "not drawn" (it separates line segments, it stands for a cut-off mode), so an
array may hold NaN but the result must still draw something finite. The view must accept
it.
"""

import ipywidgets as widgets
import numpy as np
import pytest

from qdbook import explore
from qdbook.explore._core import _grid

EXPLORERS = sorted(name for name in dir(explore) if name.endswith("_explorer"))


def _ends(control):
    if isinstance(control, widgets.FloatLogSlider):
        return [control.base ** control.min, control.base ** control.max]
    if hasattr(control, "min") and hasattr(control, "max"):
        return [control.min, control.max]
    return [opt[1] if isinstance(opt, tuple) else opt for opt in control.options]


def _leaves(result):
    """Every leaf of a model's result (dicts, lists and tuples walked through)."""
    if isinstance(result, dict):
        for value in result.values():
            yield from _leaves(value)
    elif isinstance(result, (list, tuple)):
        for value in result:
            yield from _leaves(value)
    else:
        yield result


def _arrays(result):
    """The numeric leaves, as arrays."""
    for leaf in _leaves(result):
        if not isinstance(leaf, (str, bool)) and leaf is not None:
            arr = np.asarray(leaf)
            if arr.dtype.kind in "iufc":
                yield arr


def _problems(result):
    """What a figure would draw wrong: inf anywhere, NaN outside an array, nothing finite."""
    arrays = list(_arrays(result))
    bad = [a for a in arrays if np.any(np.isinf(a)) or (a.ndim == 0 and np.isnan(a))]
    bad += [t for t in _leaves(result) if isinstance(t, str)
            and any(w in t.split() for w in ("nan", "inf", "-inf"))]
    if not any(np.any(np.isfinite(a)) for a in arrays if a.ndim):
        bad.append("no finite array to draw")
    return bad


def test_explorations_are_found():
    assert len(EXPLORERS) >= 20, EXPLORERS


@pytest.mark.parametrize("name", EXPLORERS)
def test_every_control_end_and_option_gives_a_finite_figure(name):
    exploration = getattr(explore, name)(static=False)
    settings = [(key, value) for key, control in exploration.controls.items()
                for value in _ends(control)]
    main = exploration.controls[exploration.main]
    settings += [(exploration.main, value) for value in _grid(main, exploration.n_frames)]
    assert settings
    for key, value in settings:
        result = exploration.compute(**{key: value})
        bad = _problems(result)
        assert not bad, f"{name}: {key}={value!r} draws non-finite values {bad[0]!r}"[:400]
        exploration._update_view(result)
    exploration._update_view(exploration.result)


def test_the_check_tells_a_gap_from_a_failure():
    """NaN separating segments passes; a NaN number, an inf or a "nan" caption does not."""
    gap = {"x": np.array([0.0, 1.0, np.nan, 0.0, 1.0]), "caption": "TE₀: cut off"}
    assert not _problems(gap)
    assert _problems({**gap, "loss": float("nan")})
    assert _problems({**gap, "y": np.array([1.0, np.inf])})
    assert _problems({**gap, "caption": "loss nan cm⁻¹"})
    assert _problems({"x": np.full(3, np.nan)})
