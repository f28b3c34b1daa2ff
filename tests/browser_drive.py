"""Drive an exploration's HTML block in Chromium and compare what it draws with the Python model.

Shared by tests/explore/test_browser_models.py (each exploration on a small
page opened from file://) and tests/book/test_browser.py (the built pages).
Importable as ``browser_drive`` (pyproject's pythonpath).
"""

from __future__ import annotations

import numpy as np

from qdbook import explore
from qdbook.explore._browser import browser_value
from qdbook.explore._figure import flatten

FORMULA_RTOL = 1e-9
"""Formula mode: |browser − Python| ≤ FORMULA_RTOL × (largest |value| of that array)."""

TABLE_RTOL = 1e-6
"""Table mode: the shipped float32 numbers (relative rounding ≤ 6e-8) at a grid point."""

TABLE_ATOL = float(np.finfo(np.float32).tiny)
"""Table mode: below float32's smallest normal number (1.2e-38) fewer digits are kept."""

STATE = "id => { const s = document.getElementById(id).qdState; return s && {values: s.values, " \
        "series: s.series, title: document.querySelector('#' + id + ' .qd-figure-title')" \
        ".textContent, panels: [...document.querySelectorAll('#' + id + ' .qd-panel-title')]" \
        ".map(e => e.textContent), updates: s.updates, note: document.querySelector('#' + id + " \
        "' .qd-note').textContent, shown: s.shown}; }"

PIXELS = "id => [...document.querySelectorAll('#' + id + ' canvas')].map(c => c.toDataURL())" \
         ".join('') + [...document.querySelectorAll('#' + id + ' .qd-figure-title, #' + id + " \
         "' .qd-panel-title')].map(e => e.textContent).join('|')"
"""What the reader sees of a figure: its canvases and its titles."""


def python_side(block_id: str):
    """The Python exploration behind a block id (``qdx-<name>-<n>``), at its defaults."""
    name = block_id.removeprefix("qdx-").rsplit("-", 1)[0].replace("-", "_")
    return getattr(explore, f"{name}_explorer")(static=True)


def state(page, block_id):
    return page.evaluate(STATE, block_id)


def compare(exp, st, rtol: float) -> None:
    """The drawn numbers (every item of every panel) against the Python model at the same values."""
    values = st["shown"] or st["values"]   # a table draws its nearest grid point
    flat = flatten(exp.model(**values))
    expected = exp.figure_spec.series(flat)
    for p, (panel_py, panel_js) in enumerate(zip(expected, st["series"], strict=True)):
        for k, (item_py, item_js) in enumerate(zip(panel_py, panel_js, strict=True)):
            for role, want in item_py.items():
                got = np.array([np.nan if v is None else v for v in item_js[role]], dtype=float)
                if rtol == TABLE_RTOL:   # ragged results are padded with NaN in a table
                    got, want = _trim(got), _trim(want)
                assert got.shape == want.shape, (p, k, role, got.shape, want.shape)
                scale = np.nanmax(np.abs(want)) if np.any(np.isfinite(want)) else 1.0
                both = np.isfinite(want)
                assert np.array_equal(both, np.isfinite(got)), (p, k, role, "NaN pattern")
                err = np.max(np.abs(got[both] - want[both]), initial=0.0)
                atol = TABLE_ATOL if rtol == TABLE_RTOL else 0.0
                assert err <= rtol * max(scale, 1e-300) + atol, (
                    f"{exp.model.__name__} panel {p} item {k} {role}: browser and Python differ "
                    f"by {err:.3g} (scale {scale:.3g}) at {st['values']}")
    texts = exp.figure_spec.texts(flat)
    if rtol <= FORMULA_RTOL:
        assert st["title"] == texts["title"], (st["title"], texts["title"])
        assert st["panels"] == texts["panels"], (st["panels"], texts["panels"])


def _trim(a):
    """Without trailing NaNs."""
    finite = np.flatnonzero(~np.isnan(a))
    return a[:finite[-1] + 1] if finite.size else a[:0]


def set_control(page, block_id, cj, position) -> None:
    """Set a control programmatically (as a reader's input would) and fire its input event."""
    page.evaluate("""([id, name, kind, pos]) => {
        const el = document.getElementById(id + '-' + name);
        if (kind === 'select') el.selectedIndex = pos; else el.value = String(pos);
        el.dispatchEvent(new Event('input', {bubbles: true}));
    }""", [block_id, cj["name"], cj["kind"], position])


def operate_from_keyboard(page, block_id, exp) -> int:
    """Every control from the keyboard (every option of a dropdown); the figure must change each
    time and match the Python model. Returns the number of key presses checked."""
    presses = 0
    controls = page.evaluate("id => document.getElementById(id).qdState.spec.controls", block_id)
    rtol = FORMULA_RTOL if _mode(page, block_id) == "formula" else TABLE_RTOL
    for cj in controls:
        el = page.locator(f"#{block_id}-{cj['name']}")
        el.focus()
        if cj["kind"] == "select":
            n = len(cj["options"])
            page.evaluate("([id, name]) => { const e = document.getElementById(id + '-' + name); "
                          "e.selectedIndex = 0; e.dispatchEvent(new Event('change')); }",
                          [block_id, cj["name"]])
            keys = ["ArrowDown"] * (n - 1)
        else:
            keys = [None] * 3   # right, or left at the end of the range (decided per press)
        for key in keys:
            if key is None:
                key = "ArrowRight" if page.evaluate(
                    "([id, n]) => { const e = document.getElementById(id + '-' + n);"
                    " return Number(e.value) + Number(e.step) <= Number(e.max) + 1e-12; }",
                    [block_id, cj["name"]]) else "ArrowLeft"
            before = page.evaluate(PIXELS, block_id)
            page.keyboard.press(key)
            after = page.evaluate(PIXELS, block_id)
            st = state(page, block_id)
            assert after != before, f"{block_id}: {key} on {cj['label']!r} left the figure"
            compare(exp, st, rtol)
            presses += 1
    return presses


def _mode(page, block_id):
    return page.evaluate("id => document.getElementById(id).dataset.mode", block_id)


SETTINGS = """([id, settings]) => settings.map(setting => {
    for (const [name, kind, pos] of setting) {
        const el = document.getElementById(id + '-' + name);
        if (kind === 'select') el.selectedIndex = pos; else el.value = String(pos);
        el.dispatchEvent(new Event('input', {bubbles: true}));
    }
    const s = document.getElementById(id).qdState;
    return {values: {...s.values}, series: s.series, shown: s.shown,
            title: document.querySelector('#' + id + ' .qd-figure-title').textContent,
            panels: [...document.querySelectorAll('#' + id + ' .qd-panel-title')]
                .map(e => e.textContent),
            note: document.querySelector('#' + id + ' .qd-note').textContent,
            positions: setting.map(([name]) => Number(document.getElementById(id + '-' + name)
                .value))};
})"""


def random_settings(page, block_id, exp, n: int, rng) -> int:
    """``n`` random settings of all controls, compared with the Python model.

    Formula mode at FORMULA_RTOL; table mode (grid points) at TABLE_RTOL, with no
    between-grid-points note.
    """
    spec = page.evaluate("id => document.getElementById(id).qdState.spec", block_id)
    mode = spec["mode"]
    settings = []
    for _ in range(n):
        setting = []
        for cj in spec["controls"]:
            if cj["kind"] == "select":
                pos = int(rng.integers(len(cj["options"])))
            elif cj["kind"] == "index":   # a table's slider steps through its grid
                pos = int(rng.integers(len(cj["values"])))
            else:
                steps = int(rng.integers(0, round((cj["max"] - cj["min"]) / cj["step"]) + 1))
                pos = cj["min"] + steps * cj["step"]
            setting.append([cj["name"], cj["kind"], pos])
        settings.append(setting)
    states = page.evaluate(SETTINGS, [block_id, settings])
    for st in states:
        for cj, position in zip(spec["controls"], st["positions"], strict=True):
            if cj["kind"] != "select":
                assert np.isclose(st["values"][cj["name"]], browser_value(cj, position),
                                  rtol=1e-12), "the page computes the control's value as Python"
        if mode == "table":
            grid = spec["table"]["grid"]
            on_grid = all(np.isclose(st["values"][c["name"]], grid[c["name"]], rtol=1e-9).any()
                          if c["kind"] != "select" else True for c in spec["controls"])
            if on_grid:
                assert st["note"] == "", st["note"]
            else:
                assert "Between grid points" in st["note"]
            compare(exp, st, TABLE_RTOL)
        else:
            compare(exp, st, FORMULA_RTOL)
    return n
