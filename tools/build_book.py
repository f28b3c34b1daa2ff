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

Usage: ``python tools/build_book.py build . [OPTIONS]``, as ``jupyter-book``.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

UNUSED = ("rfc3987_syntax",)
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


if __name__ == "__main__":
    skip_unused_imports()
    use_every_core()
    from jupyter_book.cli.main import main

    sys.exit(main())
