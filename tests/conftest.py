"""Shared fixtures: repository paths and a seeded random generator."""

import os
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
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
    import yaml

    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]]

    def walk(entries):
        for entry in entries:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections", []))
            walk(entry.get("chapters", []))

    walk(toc.get("parts", []))
    return [ROOT / f"{f}.md" for f in files]


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
    result = subprocess.run([str(jb), "build", str(ROOT), "-n", "-W", "--keep-going"],
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
