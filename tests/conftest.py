"""Shared fixtures: a seeded random generator and the strictly built book."""

import os
import subprocess
import sys

import numpy as np
import pytest
from helpers import ROOT, require_chromium
from hypothesis import HealthCheck, settings

# Hypothesis profiles for the property-based tests (tests/physics/test_hostile.py and the
# exploration ranges): "ci" is derandomized so that a failure reproduces, and is what
# `make test` and CI run; "fuzz" (`make fuzz`: pytest --hypothesis-profile=fuzz) draws ten
# times as many cases from a random seed.
settings.register_profile("ci", max_examples=1000, derandomize=True, database=None,
                          deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", settings.get_profile("ci"), max_examples=10000,
                          derandomize=False)
settings.load_profile("ci")


# --doctest-modules (pyproject) is for the package; the conftest files of the test tree are
# plugins, and collecting them as modules too would import several files named conftest.
collect_ignore_glob = ["*conftest.py"]


@pytest.fixture
def rng():
    return np.random.default_rng(20231012)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every browser test of the session (book pages, explorations)."""
    chromium = require_chromium()
    from playwright.sync_api import sync_playwright
    from variants import CHROMIUM_ARGS

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=chromium, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def built_book():
    """Build the HTML book strictly, as `make book` does, once per test session."""
    from build_book import JUPYTER_BOOK

    env = {**os.environ, "QDBOOK_STATIC": "1"}
    # as `make book`: execute the pages in parallel into the cache, then build strictly
    pre = subprocess.run([sys.executable, str(ROOT / "tools" / "preexecute.py")], cwd=ROOT,
                         env=env, capture_output=True, text=True)
    assert pre.returncode == 0, "pre-execution failed:\n" + (pre.stdout + pre.stderr)[-6000:]
    result = subprocess.run([*JUPYTER_BOOK, "build", str(ROOT), "-n", "-W", "--keep-going"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    log = result.stdout + result.stderr
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "build.log").write_text(log)
    assert result.returncode == 0, "strict book build failed:\n" + log[-6000:]
    return ROOT / "_build" / "html"


def pytest_sessionfinish(session, exitstatus):
    """In CI (CI=true) a skipped test is a failure: CI must run everything."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped and session.exitstatus == 0:
        session.exitstatus = 1
        if reporter:
            reporter.write_line(f"CI: {len(skipped)} test(s) skipped; in CI a skip is a failure",
                                red=True)
