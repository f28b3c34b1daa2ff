"""The static book in a real browser (headless Chromium, driven by Playwright).

Serves ``_build/html`` on 127.0.0.1 and, for every page of the table of
contents, checks: no console errors, no failed requests, no request to any
other host, every equation typeset by MathJax, every image loaded; on pages
with an exploration, every control of every browser-drawn exploration is
operated from the keyboard (each dropdown option), the figure changes and the
drawn numbers equal the Python model's (``browser_drive``); explorations still
shown as precomputed frames: moving the slider changes the frame. The same on
one page opened from file://, and the default image is there without
JavaScript. A screenshot of a chapter page is saved to ``test-artifacts/``.

Chromium comes from the distribution (``make browser-deps``). Without it the
tests are skipped with that instruction, except in CI (``CI=true``), where a
missing browser is a failure.
"""

import functools
import http.server
import os
import re
import threading
from urllib.parse import urlparse

import numpy as np
import pytest
from browser_drive import operate_from_keyboard, python_side, random_settings
from helpers import ROOT, chapter_pages, require_chromium
from variants import CHROMIUM_ARGS

PAGES = chapter_pages()

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="module")
def server(built_book):
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _open(browser, url):
    """Open ``url``; record console errors, failed and external requests (blocked)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []

    def route(r):
        host = urlparse(r.request.url).hostname
        if r.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            r.continue_()
        else:
            problems.append(f"external request: {r.request.url}")
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}")
            if "external request" not in " ".join(problems) else None)
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}")
            if r.status >= 400 else None)
    page.goto(url, wait_until="networkidle")
    return context, page, problems


def _wait_for_mathjax(page):
    page.wait_for_function("() => window.MathJax === undefined || "
                           "(MathJax.startup && MathJax.startup.promise)", timeout=20000)
    page.evaluate("() => window.MathJax ? MathJax.startup.promise : null")


def _url(server, page_path):
    return f"{server}/{page_path.relative_to(ROOT).with_suffix('.html').as_posix()}"


@pytest.mark.parametrize("page_path", PAGES, ids=lambda p: p.stem)
def test_page_loads_cleanly_offline(browser, server, page_path):
    context, page, problems = _open(browser, _url(server, page_path))
    try:
        _wait_for_mathjax(page)
        raw = page.evaluate("""() => [...document.querySelectorAll('div.math, span.math')]
            .filter(el => !el.querySelector('mjx-container'))
            .map(el => el.textContent.slice(0, 60))""")
        assert not raw, f"equations left as raw TeX: {raw[:3]}"
        broken = page.evaluate("""() => [...document.images]
            .filter(img => !(img.complete && img.naturalWidth > 0))
            .map(img => img.src.slice(0, 80))""")
        assert not broken, f"images not loaded: {broken}"
        assert not problems, "\n".join(problems)
    finally:
        context.close()


EXPLORATION = re.compile(r"qdbook\.explore(\.chapter\d+)? import")


def _exploration_pages():
    return [p for p in PAGES if EXPLORATION.search(p.read_text())]


@pytest.mark.parametrize("page_path", _exploration_pages(), ids=lambda p: p.stem)
def test_slider_changes_the_figure_without_a_kernel(browser, server, page_path):
    context, page, problems = _open(browser, _url(server, page_path))
    try:
        drawn = _drive_browser_explorations(page)
        if not page.locator(".widget-slider").count():
            assert drawn, "an exploration page shows no exploration"
            assert not problems, "\n".join(problems)
            return
        slider = page.locator(".widget-slider .noUi-handle").first
        slider.wait_for(state="visible", timeout=20000)
        box = page.locator(".widget-vbox", has=page.locator(".widget-slider")).first

        def shown():
            return box.evaluate("""el => [...el.querySelectorAll('img')]
                .filter(img => img.offsetParent !== null).map(img => img.src)""")

        before = shown()
        assert len(before) == 1 and before[0].startswith(("blob:", "data:"))
        slider.focus()
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.wait_for_timeout(300)
        after = shown()
        assert len(after) == 1 and after != before, "moving the slider did not change the figure"
        if page_path.stem == "optical-gain":
            os.makedirs(ROOT / "test-artifacts", exist_ok=True)
            box.scroll_into_view_if_needed()
            page.screenshot(path=str(ROOT / "test-artifacts" / "optical-gain.png"), full_page=False)
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def _drive_browser_explorations(page) -> int:
    """Operate every control of every browser-drawn exploration; compare with Python."""
    ids = page.evaluate("() => [...document.querySelectorAll('.qd-exploration')].map(e => e.id)")
    rng = np.random.default_rng(12)
    for uid in ids:
        page.wait_for_function("id => document.getElementById(id).qdState", arg=uid,
                               timeout=20000)
        exp = python_side(uid)
        operate_from_keyboard(page, uid, exp)
        random_settings(page, uid, exp, 3, rng)   # 20 each in tests/explore (file:// pages)
    return len(ids)


FILE_PAGE = "chapters/04-novel-materials/nanoplatelets"


def test_exploration_works_from_file_url(browser, built_book):
    """The same page opened from disk (file://): every control moves its figure, no request."""
    url = (built_book / f"{FILE_PAGE}.html").as_uri()
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    problems = []
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:"))
               else (problems.append(r.request.url), r.abort()))
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    try:
        page.goto(url, wait_until="load")
        assert _drive_browser_explorations(page) >= 1
        assert not problems, "\n".join(problems)
    finally:
        context.close()


def test_default_image_without_javascript(browser, server):
    """Without JavaScript a reader sees the default figure (an image with alt text)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{server}/{FILE_PAGE}.html")
        img = page.locator(".qd-exploration img.qd-default").first
        assert img.is_visible() and img.get_attribute("alt")
        assert page.evaluate("() => document.querySelector('img.qd-default').naturalWidth") > 100
    finally:
        context.close()
