"""Paths and helpers shared by the tests (importable as ``helpers``: pyproject's pythonpath)."""

import functools
import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from variants import toc_pages  # noqa: E402  (the build's own tooling)

from qdbook.equations import inventory  # noqa: E402

CHAPTERS = ROOT / "chapters"


def inventory_ids(chapter: str | None = None) -> list[str]:
    """Relation ids of the inventory (qdbook/data/equations.md), optionally of one chapter."""
    return [row.id for row in inventory()
            if chapter is None or row.section.split(".")[0] == chapter]


def chapter_pages() -> list[Path]:
    """Every page listed in _toc.yml, in reading order."""
    return [ROOT / f"{name}.md" for name in toc_pages()]


def is_notebook(page: Path) -> bool:
    """A MyST page is a notebook when its front matter names a kernel."""
    text = page.read_text()
    return text.startswith("---") and "kernelspec:" in text.split("---", 2)[1]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def require_chromium() -> str:
    """The system Chromium's path; skip (fail in CI) with the install hint if it is missing."""
    if CHROMIUM is None:
        message = "Chromium not found: run `make browser-deps` (Debian: apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@functools.cache
def static_exploration(builder):
    """``builder(static=True)``, built once per test session (a table exploration evaluates its
    model on a grid when it is built; the tests only read it)."""
    return builder(static=True)
