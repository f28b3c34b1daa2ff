"""Shared fixtures: repository paths and a seeded random generator."""

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
