"""Paths and helpers shared by the tests (importable as ``helpers``: pyproject's pythonpath)."""

import functools
import os
import shutil
import sys
from pathlib import Path

import numpy as np
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


def check_reproducibility_entry(entry) -> None:
    """Assert one row of the reproducibility report (qdbook.reproducibility.ENTRIES).

    The verdict the entry claims must be the one the package's value gives now; a "differs"
    row must say why; the page it links must be in the book and carry the label it names.
    """
    from qdbook import reproducibility as rep

    book = entry.book_value()
    assert np.isfinite(book), entry.key
    assert entry.verdict in (rep.REPRODUCED, rep.DIFFERS), entry.key
    assert entry.computed_verdict(book) == entry.verdict, (
        f"{entry.key}: review {entry.review} = {entry.value:g}, book {book:.6g} "
        f"(tolerance {entry.tolerance:g}): the report claims {entry.verdict!r}")
    if entry.verdict == rep.DIFFERS:
        assert len(entry.reason) > 10, f"{entry.key}: a differing number needs its reason"
    assert entry.page in toc_pages(), f"{entry.key}: {entry.page} is not in _toc.yml"
    if entry.label:
        source = (ROOT / f"{entry.page}.md").read_text()
        assert (f":label: {entry.label}\n" in source or f"({entry.label})=\n" in source), (
            f"{entry.key}: {entry.page} has no label {entry.label}")


@functools.cache
def static_exploration(builder):
    """``builder(static=True)``, built once per test session (a table exploration evaluates its
    model on a grid when it is built; the tests only read it)."""
    return builder(static=True)


def view_shows_result(exp) -> bool:
    """Whether a live exploration's browser view holds the numbers of its current result
    (the keys its figure reads; NaN and ±inf travel as None, which the page does not draw)."""
    from qdbook.explore._figure import flatten

    flat, sent = flatten(exp.result), exp.view.result["flat"]
    assert set(sent) == exp.figure_spec.keys(), "the view carries the figure's keys only"
    for key, value in sent.items():
        want = flat[key]
        if isinstance(want, str) or (isinstance(want, list) and want and isinstance(want[0], str)):
            if value != want:
                return False
            continue
        got = np.array([np.nan if v is None else v for v in np.atleast_1d(value)], dtype=float)
        want = np.where(np.isfinite(want), want, np.nan)
        if not np.array_equal(got, np.atleast_1d(want), equal_nan=True):
            return False
    return True


def view_followed(exp, before: dict) -> bool:
    """Whether a live exploration's browser view follows a control that was just moved
    (``before``: ``exp.view.result`` ahead of the move).

    A formula view computes the move in the page from the controls' own widget models (its
    ``local`` names them; tests/book/test_lab.py reads the drawn numbers there), so the kernel
    sends nothing; so does a table view for a setting on its table's grid. Any other move
    must have sent a new update carrying the current result.
    """
    from qdbook.explore._browser import on_grid

    local = exp.view.local
    if local.get("code") or (local.get("table") and on_grid(local["table"], exp.values())):
        ids = [c.model_id for c in exp.controls.values()]
        return exp.view.result == before and [c["id"] for c in local["controls"]] == ids
    return (exp.view.result["n"] > before["n"] and view_shows_result(exp)
            and exp.view.result["flat"] != before["flat"])
