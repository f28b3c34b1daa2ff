"""Execute the book's notebooks in parallel into the Jupyter Book execution cache.

Jupyter Book 1 executes the pages one after another while Sphinx reads them.
This script runs that execution beforehand, with one worker per CPU core, and
stores each executed notebook in the same jupyter-cache database the build
uses (matched by the hash of its code cells, exactly as myst-nb matches), so
the build that follows only reads cached outputs. Pages already cached are
skipped, unless the package changed since the cache was filled: then the
cache is emptied first (``package_stamp.ensure_fresh_cache``) and every page
runs again, because the cache key (the code cells) does not see ``qdbook``.
A page that fails is reported and the script exits non-zero; the strict build
would fail on it anyway. Each page still runs in a kernel of its own, but that
kernel is forked from a process that has already imported the book's stack
(``tools/forkkernel.py``), which saves each page some 3 s of start-up.

Usage: ``python tools/preexecute.py [CACHE_DIR]`` (default ``_build/.jupyter_cache``).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from build_book import skip_unused_imports  # noqa: E402

skip_unused_imports()   # before jupyter-cache imports jsonschema (1.4 s; see build_book.py)
from package_stamp import ensure_fresh_cache, package_hash  # noqa: E402
from variants import toc_pages  # noqa: E402

PAGES_STAMP = "qdbook-pages.sha256"
"""File in the cache folder: the hash of the package and of every page's source, written after
a run that left every page cached. While it matches there is nothing to execute, and the script
returns without reading a notebook (that check alone took 3.5 s: jupyter-cache, myst-nb and
nbformat imported, every page parsed and hashed)."""


def pages_hash(paths: list[Path]) -> str:
    """SHA-256 over the package (``package_stamp.package_hash``) and each page's path and bytes."""
    digest = hashlib.sha256(package_hash().encode())
    for path in paths:
        digest.update(os.fsencode(path) + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _read(path: Path):
    from myst_nb.core.read import is_myst_markdown_notebook, read_myst_markdown_notebook

    text = path.read_text(encoding="utf-8")
    if not is_myst_markdown_notebook(text):
        return None
    return read_myst_markdown_notebook(text, add_source_map=True, path=path)


def _execute(path: Path):
    import forkkernel
    from jupyter_cache.executors.utils import single_nb_execution

    notebook = _read(path)
    options = {"kernel_manager_class": forkkernel.ForkKernelManager} if forkkernel.ZYGOTE else {}
    result = single_nb_execution(notebook, cwd=str(path.parent), allow_errors=False,
                                 timeout=600, meta_override=True, **options)
    return path, notebook, (result.exc_string if result.err else None), result.time


def execute(paths: list[Path], workers: int | None = None, warm: bool = True):
    """Execute the pages ``paths``, one worker per core; yield ``(path, notebook, error, s)``.

    With ``warm`` (the default) each worker's kernels are forked from a process that has
    imported the book's stack already (``tools/forkkernel.py``); without it each page starts a
    new Python process, as myst-nb would. The workers are spawned, not forked, so that each
    zygote starts from a clean interpreter whatever the caller had imported or opened.
    """
    import forkkernel

    workers = min(workers or os.cpu_count() or 1, len(paths)) or 1
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                             initializer=forkkernel.start_zygote if warm else None) as pool:
        yield from pool.map(_execute, paths)


def main(cache_dir: Path, workers: int | None = None, warm: bool = True) -> int:
    """Execute every uncached page into ``cache_dir``; return the number executed."""
    pages = [ROOT / f"{name}.md" for name in toc_pages()]
    stamp = Path(cache_dir) / PAGES_STAMP
    current = pages_hash(pages)
    if stamp.exists() and stamp.read_text().strip() == current:
        return 0
    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn

    os.environ.setdefault("QDBOOK_STATIC", "1")   # the static book's explorations
    if ensure_fresh_cache(cache_dir):
        print(f"qdbook changed since {cache_dir} was filled: emptied it, every page runs again")
    cache = get_cache(str(cache_dir))
    todo = []
    for path in pages:
        notebook = _read(path)
        if notebook is None:
            continue
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            todo.append(path)
    failed = []
    for path, notebook, error, seconds in execute(todo, workers, warm) if todo else ():
        if error:
            failed.append(f"{path.relative_to(ROOT)}:\n{error}")
            continue
        record = cache.add_nb_to_project(str(path), read_data={"type": "plugin",
                                                               "name": "myst_nb_md"})
        cache.cache_notebook_bundle(CacheBundleIn(notebook, record.uri,
                                                  data={"execution_seconds": seconds}),
                                    check_validity=False, overwrite=True)
    if failed:
        raise SystemExit("pages failed to execute:\n" + "\n\n".join(failed))
    stamp.write_text(current + "\n")
    return len(todo)


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "_build" / ".jupyter_cache"
    count = main(target)
    print(f"executed {count} page(s) into {target}")
