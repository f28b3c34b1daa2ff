"""A chapter opened the way Binder opens it: JupyterLab, a MyST page as a notebook.

Starts JupyterLab on 127.0.0.1 on a copy of ``chapters/``, opens a chapter page
by its URL (the page is a
``.md`` file, which ``tools/setup_lab.py`` makes JupyterLab open with the
Jupytext notebook viewer), runs all cells, moves the live slider of the page's
exploration and checks that the figure changes.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import ROOT, require_chromium
from variants import CHROMIUM_ARGS

pytestmark = pytest.mark.lab
PAGE = "chapters/02-general-principles/optical-gain.md"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    port, token = _free_port(), secrets.token_hex(16)
    runtime = tmp_path_factory.mktemp("jupyter-runtime")
    # JupyterLab saves what it opens: serve a copy, so the repository is never rewritten.
    root = tmp_path_factory.mktemp("lab-root")
    shutil.copytree(ROOT / "chapters", root / "chapters")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(runtime), "QDBOOK_STATIC": "0"}
    jupyter = Path(sys.executable).parent / "jupyter"
    proc = subprocess.Popen(
        [str(jupyter), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--ServerApp.disable_check_xsrf=True", "--LabApp.news_url=None", "--allow-root",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
            break
        except OSError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("JupyterLab did not start:\n" + proc.stdout.read().decode()[-3000:])
    yield url, token
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    proc.stdout.close()


def test_chapter_runs_in_jupyterlab_and_slider_is_live(lab):
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright

    url, token = lab
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/lab/tree/{PAGE}?token={token}", wait_until="domcontentloaded")
        # Opened as a notebook, not as a text file
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90000)
        # Wait until the kernel has started and is idle (status bar: "Python 3 ... | Idle");
        # a "Run All" sent before that is lost on a cold start.
        page.wait_for_function(
            "() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]"
            ".some(el => /\\|\\s*Idle/.test(el.textContent))", timeout=120000)
        page.click("text=Run", timeout=30000)                      # the Run menu
        page.click("li[data-command='runmenu:run-all']", timeout=30000)
        slider = page.locator(".jp-OutputArea .widget-slider .noUi-handle").first
        try:
            slider.wait_for(state="visible", timeout=240000)
        except Exception:
            os.makedirs(ROOT / "test-artifacts", exist_ok=True)
            page.screenshot(path=str(ROOT / "test-artifacts" / "jupyterlab-failure.png"))
            raise
        image = page.locator(".jp-OutputArea .widget-image").first
        image.wait_for(state="visible", timeout=60000)
        before = image.get_attribute("src")
        slider.scroll_into_view_if_needed()
        slider.focus()
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "before => { const img = document.querySelector('.jp-OutputArea .widget-image');"
            " return img && img.getAttribute('src') !== before; }", arg=before, timeout=60000)
        stderr = "application/vnd.jupyter.stderr"
        errors = page.locator(f".jp-OutputArea-output[data-mime-type='{stderr}']")
        assert errors.count() == 0 or "Error" not in errors.first.inner_text()
        os.makedirs(ROOT / "test-artifacts", exist_ok=True)
        page.screenshot(path=str(ROOT / "test-artifacts" / "jupyterlab-optical-gain.png"))
        browser.close()
