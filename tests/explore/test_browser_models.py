"""Every browser-drawn exploration on a small page opened from file:// in headless Chromium.

For each exploration that has a browser model (formula or table): the default
image is there without JavaScript; with JavaScript every control is operated
from the keyboard (each option of a dropdown) and the figure changes; the
numbers the page draws equal the Python model's at the same settings (formula:
≤ 1e-9 relative at 20 random settings; table: the float32 numbers at random
grid points, and a note between grid points). No request leaves the page.
"""

import inspect

import pytest
from browser_drive import operate_from_keyboard, random_settings, state
from helpers import ROOT, static_exploration
from test_exploration_core import _all_explorers

pytestmark = pytest.mark.browser

ASSETS = ROOT / "assets"

# explorers that give their Exploration a browser model (read from the source: building every
# exploration here would cost seconds)
BROWSER_EXPLORERS = [b for b in _all_explorers() if "browser=" in inspect.getsource(b)]


def _page_html(block: str) -> str:
    head = "".join(f'<link rel="stylesheet" href="{(ASSETS / c).as_uri()}">'
                   for c in ("vendor/uplot/uPlot.min.css", "qd-explore.css"))
    scripts = "".join(f'<script src="{(ASSETS / j).as_uri()}"></script>'
                      for j in ("vendor/uplot/uPlot.iife.min.js", "qd-explore.js"))
    return (f"<!doctype html><html><head><meta charset='utf-8'>{head}{scripts}</head>"
            f"<body style='width:1000px'>{block}</body></html>")


@pytest.fixture(scope="module")
def chromium(browser):
    """The session's headless Chromium (tests/conftest.py)."""
    return browser


def _open(chromium, tmp_path, block, javascript=True):
    html = tmp_path / "exploration.html"
    html.write_text(_page_html(block), encoding="utf-8")
    context = chromium.new_context(java_script_enabled=javascript,
                                   viewport={"width": 1100, "height": 900})
    page = context.new_page()
    problems = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
               else (problems.append(r.request.url), r.abort()))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(html.as_uri())
    return context, page, problems


@pytest.mark.parametrize("builder", BROWSER_EXPLORERS, ids=lambda b: b.__name__)
def test_browser_model_matches_python(chromium, tmp_path, builder, rng):
    exp = static_exploration(builder)
    block, facts = exp.browser_html()
    context, page, problems = _open(chromium, tmp_path, block)
    try:
        uid = facts["id"]
        page.wait_for_function("id => document.getElementById(id).qdState", arg=uid)
        st = state(page, uid)
        assert st["values"] == exp.values(), "the page starts from the exploration's defaults"
        assert operate_from_keyboard(page, uid, exp) >= 2
        random_settings(page, uid, exp, 20, rng)
        assert not problems, problems
    finally:
        context.close()


@pytest.mark.parametrize("builder", BROWSER_EXPLORERS[:1], ids=lambda b: b.__name__)
def test_default_image_without_javascript(chromium, tmp_path, builder):
    exp = static_exploration(builder)
    block, _ = exp.browser_html()
    context, page, problems = _open(chromium, tmp_path, block, javascript=False)
    try:
        img = page.locator("img.qd-default")
        alt = img.get_attribute("alt")
        assert img.is_visible() and alt.startswith("Exploration figure at the default settings: ")
        assert page.evaluate("() => document.querySelector('img.qd-default').naturalWidth") > 100
        assert not page.locator(".qd-controls").is_visible(), "inert controls are hidden"
        assert not problems, problems
    finally:
        context.close()
