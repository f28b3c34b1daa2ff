"""Shared fixtures: repository paths and a seeded random generator."""

import os
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from variants import toc_pages  # noqa: E402  (the build's own tooling)

CHAPTERS = ROOT / "chapters"
INVENTORY = ROOT.parent / "shared" / "design" / "equations.md"


@pytest.fixture
def rng():
    return np.random.default_rng(20231012)


def inventory_ids(chapter: str | None = None) -> list[str]:
    """Relation ids of the design inventory (committed snapshot), optionally of one chapter."""
    ids = []
    for line in (ROOT / "tests" / "data" / "inventory_ids.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            sec, rid = line.split()
            if chapter is None or sec == chapter:
                ids.append(rid)
    return ids


def chapter_pages() -> list[Path]:
    """Every page listed in _toc.yml, in reading order."""
    return [ROOT / f"{name}.md" for name in toc_pages()]


def is_notebook(page: Path) -> bool:
    """A MyST page is a notebook when its front matter names a kernel."""
    text = page.read_text()
    return text.startswith("---") and "kernelspec:" in text.split("---", 2)[1]


@pytest.fixture(scope="session")
def built_book():
    """Build the HTML book strictly, as `make book` does, once per test session."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QDBOOK_STATIC": "1"}
    jb = Path(sys.executable).parent / "jupyter-book"
    # as `make book`: execute the pages in parallel into the cache, then build strictly
    pre = subprocess.run([sys.executable, str(ROOT / "tools" / "preexecute.py")], cwd=ROOT,
                         env=env, capture_output=True, text=True)
    assert pre.returncode == 0, "pre-execution failed:\n" + (pre.stdout + pre.stderr)[-6000:]
    result = subprocess.run([str(jb), "build", str(ROOT), "-n", "-W", "--keep-going"],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    log = result.stdout + result.stderr
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "build.log").write_text(log)
    assert result.returncode == 0, "strict book build failed:\n" + log[-6000:]
    return ROOT / "_build" / "html"


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """The system Chromium's path; skip (fail in CI) with the install hint if it is missing."""
    if CHROMIUM is None:
        message = "Chromium not found: run `make browser-deps` (Debian: apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


def pytest_sessionfinish(session, exitstatus):
    """In CI (CI=true) a skipped test is a failure: CI must run everything."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") == "true" and skipped and session.exitstatus == 0:
        session.exitstatus = 1
        if reporter:
            reporter.write_line(f"CI: {len(skipped)} test(s) skipped; in CI a skip is a failure",
                                red=True)
