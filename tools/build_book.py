"""Jupyter Book's command line (``jupyter-book``), without a 1.4 s import that the build never uses.

jsonschema, which Jupyter Book imports to check ``_config.yml``, imports the optional package
``rfc3987-syntax`` when it is installed (JupyterLab's server pulls it in, through
``jsonschema[format-nongpl]``), and that package compiles 39 Earley parsers at import: 1.4 s
of every build, even one with nothing to do. They check the "iri" and "iri-reference" string
formats, which no schema the build validates uses (Jupyter Book's, nbformat's, jupyter-cache's).
Marking the module as absent (``sys.modules[name] = None`` makes its import raise
``ImportError``, which jsonschema catches) leaves everything else as it was.

It also runs Sphinx with one process per core (``build_sphinx(jobs=...)``, which Jupyter Book
1's command line leaves at 1). Sphinx reads and writes in parallel only when every extension
says it may; ``tools/book_extension.py`` declares the two that say nothing. The parallel and
the serial build give byte-identical HTML (checked when this was added: only the random cell
ids of the downloadable ``.ipynb`` differ, as they do between any two builds).

And it returns at once when nothing the build reads has changed since its last successful
build into the same HTML folder (:func:`unchanged`): the book's source files as git sees them
(tracked, or new and not ignored), the command's arguments, the ``QDBOOK_*`` settings, Python
and every installed distribution's version. Sphinx would come to the same conclusion ("no
targets are out of date"), but only after 7 s of loading its extensions, every page's doctree
(to number figures) and the bibliography. ``--all`` (``-a``) always builds.

Usage: ``python tools/build_book.py build . [OPTIONS]``, as ``jupyter-book``.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import subprocess
import sys
from pathlib import Path

UNUSED = ("rfc3987_syntax",)
INPUTS_STAMP = ".qdbook-inputs.sha256"
"""File in the HTML output folder: :func:`inputs_hash` of the last build that succeeded there."""
JUPYTER_BOOK = [sys.executable, str(Path(__file__).resolve())]
"""The command that stands for ``jupyter-book`` in the Makefile, the editions and the tests."""


def skip_unused_imports() -> None:
    """Make the imports in :data:`UNUSED` raise ImportError in this process."""
    for name in UNUSED:
        sys.modules.setdefault(name, None)


def use_every_core() -> None:
    """Make Jupyter Book's Sphinx build use one process per core."""
    import jupyter_book.sphinx

    jupyter_book.sphinx.build_sphinx = functools.partial(jupyter_book.sphinx.build_sphinx,
                                                         jobs=os.cpu_count() or 1)


def source_files(root: Path) -> list[Path]:
    """The book's source files: git's tracked files and new files it does not ignore."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                                 "--exclude-standard"], cwd=root, capture_output=True,
                                check=True).stdout.decode()
    except (OSError, subprocess.CalledProcessError):     # not a git checkout: every file
        outputs = {".git", "_build", ".venv", "node_modules", "__pycache__"}
        return sorted(p for p in root.rglob("*")
                      if p.is_file() and not outputs & set(p.relative_to(root).parts))
    return [root / name for name in sorted(set(listed.split("\0")) - {""})
            if (root / name).is_file()]


def inputs_hash(root: Path, args: list[str]) -> str:
    """SHA-256 over what a build of ``root`` with ``args`` reads (see the module docstring)."""
    setting = {k: v for k, v in os.environ.items() if k.startswith("QDBOOK_")}
    # a set: a distribution can be listed twice (the editable install's qdbook.egg-info is seen
    # again through the current folder when that is the book), which must not change the hash
    versions = sorted({f"{d.metadata['Name']}=={d.version}"
                       for d in importlib.metadata.distributions()})
    digest = hashlib.sha256(json.dumps([sys.version, versions, setting, args]).encode())
    files = [(path.relative_to(root).as_posix(), path) for path in source_files(root)]
    # files the arguments name, inside the book or not (an edition's --config, a private --toc)
    files += [(arg, root / arg) for arg in args if (root / arg).is_file()]
    for name, path in files:
        digest.update(name.encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def html_output(args: list[str]) -> tuple[Path, Path] | None:
    """``(source, HTML folder)`` of a ``build`` command for the html builder, else None."""
    if not args or args[0] != "build" or {"--all", "-a"} & set(args):
        return None
    valued = {"--builder", "--config", "--toc", "--path-output"}   # options that take a value
    options = {a: b for a, b in zip(args, args[1:], strict=False) if a in valued}
    if options.get("--builder", "html") != "html":
        return None
    positional = [a for k, a in enumerate(args[1:], 1)
                  if not a.startswith("-") and args[k - 1] not in valued]
    source = Path(positional[0] if positional else ".").resolve()
    return source, Path(options.get("--path-output", source)).resolve() / "_build" / "html"


def unchanged(args: list[str]) -> tuple[Path, str] | None:
    """``(stamp, hash)`` for a build of ``args``; None when that build cannot be skipped."""
    target = html_output(args)
    if target is None:
        return None
    source, html = target
    return html / INPUTS_STAMP, inputs_hash(source, args)


if __name__ == "__main__":
    check = unchanged(sys.argv[1:])
    if check and check[0].is_file() and check[0].read_text().strip() == check[1]:
        print(f"Nothing the book reads has changed since the last build into {check[0].parent}:"
              " not rebuilt (pass --all to build anyway).")
        sys.exit(0)
    skip_unused_imports()
    use_every_core()
    from jupyter_book.cli.main import main

    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code
    if not code and check:
        check[0].write_text(check[1] + "\n")
    sys.exit(code)
