"""Keep executed outputs no older than the package: a hash of ``qdbook/`` guards the cache.

jupyter-cache (and so myst-nb) matches a page by the hash of its code cells only, and Sphinx
re-reads only the pages whose source changed. A change in ``qdbook`` therefore left both the
cached outputs and the hidden asserts of every page stale. This module closes both holes:

* :func:`ensure_fresh_cache` compares the hash of the package with the stamp stored next to
  the execution cache and empties the cache when they differ (``tools/preexecute.py`` and the
  book build both call it before any page is read, so every page runs again);
* :func:`outdated_docs` is the Sphinx ``env-get-outdated`` hook: when the hash stored in the
  build environment differs, every page is re-read, so none keeps outputs older than the code.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qdbook"
STAMP_NAME = "qdbook-package.sha256"
"""File in the cache folder that records the package hash the cached outputs were made with."""


def package_hash(package: Path = PACKAGE) -> str:
    """SHA-256 over the path and bytes of every file of the package (caches and .pyc excluded)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def ensure_fresh_cache(cache_dir: Path, package: Path = PACKAGE) -> bool:
    """Empty ``cache_dir`` if it was filled with another version of the package.

    Returns True when the cache was emptied (or had no stamp but held outputs), False when the
    stamp matched or the cache did not exist. Afterwards the stamp records the current hash.
    """
    cache_dir = Path(cache_dir)
    current = package_hash(package)
    stamp = cache_dir / STAMP_NAME
    cleared = False
    if cache_dir.exists():
        recorded = stamp.read_text().strip() if stamp.exists() else None
        if recorded != current:
            shutil.rmtree(cache_dir)
            cleared = True
    cache_dir.mkdir(parents=True, exist_ok=True)
    stamp.write_text(current + "\n")
    return cleared


def outdated_docs(env, current: str | None = None) -> list[str]:
    """Docnames to re-read: all of them when the environment saw another package hash."""
    current = current or package_hash()
    previous = getattr(env, "qdbook_package_hash", None)
    env.qdbook_package_hash = current
    if previous is None or previous == current:
        return []   # a fresh environment reads every page anyway
    return sorted(env.found_docs)
