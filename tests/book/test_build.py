"""The book as a reader meets it: every chapter runs as a notebook, the strict build passes."""

import re

import jupytext
import nbformat
import pytest
from helpers import ROOT, chapter_pages, is_notebook
from nbclient import NotebookClient

PAGES = chapter_pages()
PAGE_BUDGET_BYTES = 1_500_000  # embedded frames and figures of one page, as HTML


@pytest.mark.book
@pytest.mark.parametrize("page", [p for p in PAGES if is_notebook(p)], ids=lambda p: p.stem)
def test_chapter_executes_as_a_notebook(page, monkeypatch):
    """Open the MyST page as a notebook and run every cell in a fresh kernel (live widgets)."""
    monkeypatch.delenv("QDBOOK_STATIC", raising=False)
    notebook = jupytext.read(page)
    nbformat.validate(notebook)
    NotebookClient(notebook, timeout=600, kernel_name="python3",
                   resources={"metadata": {"path": str(page.parent)}}).execute()
    errors = [o for cell in notebook.cells if cell.cell_type == "code"
              for o in cell.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors


@pytest.mark.book
def test_strict_build_passes(built_book):
    assert (built_book / "index.html").exists()
    for page in PAGES:
        html = built_book / page.relative_to(ROOT).with_suffix(".html")
        assert html.exists(), html


CHAPTER_PAGES = [p for p in PAGES if is_notebook(p) and p.parent.name[:2].isdigit()]


@pytest.mark.book
@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=lambda p: f"{p.parent.name[:2]}-{p.stem}")
def test_pages_are_complete(page, built_book):
    """Learning goals, labelled equations, exercises with solutions, within the size budget."""
    source = page.read_text()
    html_path = built_book / page.relative_to(ROOT).with_suffix(".html")
    html = html_path.read_text()
    assert "Learning goals" in html
    for label in re.findall(r":label: ((?:eq|rel)-[\w.-]+)", source):
        anchor = "equation-" + re.sub(r"[^a-z0-9]+", "-", label.lower())  # Sphinx's node id
        assert f'id="{anchor}"' in html, f"{label} is not a numbered equation"
    n_exercises = source.count("```{exercise}")
    assert n_exercises >= 2, f"{page.name} has {n_exercises} exercises"
    assert source.count("```{solution-start}") == n_exercises
    assert html_path.stat().st_size <= PAGE_BUDGET_BYTES + 600_000  # frames + page chrome
    assert "application/vnd.jupyter.widget-state+json" in html, "exploration state embedded"


def test_the_build_command_leaves_out_only_an_import_nothing_uses():
    """tools/build_book.py stands for jupyter-book without rfc3987-syntax (1.4 s at import).

    That package only gives jsonschema's "iri" format checks, and formats are only checked by a
    validator given a format checker: neither Jupyter Book (``_config.yml``) nor nbformat nor
    jupyter-cache passes one, so no check is lost.
    """
    import inspect
    import subprocess
    import sys

    import jupyter_book.config
    import jupyter_cache.cache.main
    import nbformat.validator
    from build_book import JUPYTER_BOOK, UNUSED

    for module in (jupyter_book.config, nbformat.validator, jupyter_cache.cache.main):
        assert "format_checker" not in inspect.getsource(module), module.__name__
    probe = ("import runpy, sys; sys.argv = ['jupyter-book', '--version']\n"
             f"try:\n    runpy.run_path({JUPYTER_BOOK[1]!r}, run_name='__main__')\n"
             "except SystemExit as e:\n    assert not e.code, e.code\n"
             f"print(sorted(set({UNUSED!r}) & {{k for k, v in sys.modules.items() if v}}))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Jupyter Book" in result.stdout and result.stdout.strip().endswith("[]")


def test_pybtex_plugins_are_looked_up_once_and_unchanged(monkeypatch):
    """book_extension keeps pybtex's entry-point answers (a metadata scan each, ~10 ms).

    The cached lookup must give the same classes as pybtex's own, and a plugin registered at
    run time must still win over an installed one, as pybtex documents.
    """
    import pybtex.plugin
    from book_extension import _cache_plugin_lookups

    uncached = {(group, name): pybtex.plugin.find_plugin(group, name)
                for group, name in (("pybtex.backends", "plaintext"),
                                    ("pybtex.style.formatting", "plain"),
                                    ("pybtex.database.input", "bibtex"))}
    monkeypatch.setattr(pybtex.plugin, "entry_points", pybtex.plugin.entry_points)
    _cache_plugin_lookups()
    for (group, name), klass in uncached.items():
        assert pybtex.plugin.find_plugin(group, name) is klass
        assert pybtex.plugin.find_plugin(group, name) is klass
    assert pybtex.plugin.entry_points.cache_info().hits >= len(uncached)

    class Mine(pybtex.plugin.Plugin):
        pass

    monkeypatch.setitem(pybtex.plugin._RUNTIME_PLUGINS, "pybtex.backends", {"plaintext": Mine})
    assert pybtex.plugin.find_plugin("pybtex.backends", "plaintext") is Mine


def test_search_stems_are_kept_across_pages_and_unchanged(monkeypatch):
    """book_extension memoises Sphinx's English stemmer; the stems are the Porter stemmer's."""
    import snowballstemmer
    from book_extension import _cache_stems
    from sphinx.search.en import SearchEnglish

    monkeypatch.setattr(SearchEnglish, "stem", SearchEnglish.stem)
    _cache_stems()
    language = SearchEnglish({})
    porter = snowballstemmer.stemmer("porter")
    words = ["Excitons", "recombination", "thresholds", "Auger", "lasing", "confined", "gains"]
    for word in words * 2:
        assert language.stem(word) == porter.stemWord(word.lower())
    assert SearchEnglish.stem.cache_info().hits >= len(words)


def test_a_build_records_what_it_read(built_book, monkeypatch):
    """The strict build leaves the hash of its inputs beside the HTML it wrote."""
    from build_book import INPUTS_STAMP, inputs_hash

    monkeypatch.setenv("QDBOOK_STATIC", "1")    # the setting the fixture builds with
    stamp = (built_book / INPUTS_STAMP).read_text().strip()
    assert stamp == inputs_hash(ROOT, ["build", str(ROOT), "-n", "-W", "--keep-going"])


def _git_book(tmp_path):
    import subprocess

    (tmp_path / "chapters").mkdir()
    (tmp_path / "chapters" / "page.md").write_text("# A page\n")
    (tmp_path / "_config.yml").write_text("title: t\n")
    (tmp_path / ".gitignore").write_text("_build/\n")
    for command in (["init", "-q"], ["add", "."]):
        subprocess.run(["git", *command], cwd=tmp_path, check=True)
    return tmp_path


def test_the_inputs_hash_sees_every_source_change_and_nothing_else(tmp_path, monkeypatch):
    from build_book import inputs_hash

    book = _git_book(tmp_path)
    args = ["build", str(book), "-W"]
    first = inputs_hash(book, args)
    (book / "_build" / "html").mkdir(parents=True)
    (book / "_build" / "html" / "index.html").write_text("output")   # ignored: an output
    assert inputs_hash(book, args) == first
    changes = [lambda: (book / "chapters" / "page.md").write_text("# A page, edited\n"),
               lambda: (book / "chapters" / "new.md").write_text("# New\n"),   # not yet added
               lambda: monkeypatch.setenv("QDBOOK_STATIC", "0")]
    seen = {first}
    for change in changes:
        change()
        seen.add(inputs_hash(book, args))
    seen.add(inputs_hash(book, [*args, "--keep-going"]))
    toc = tmp_path.parent / f"{tmp_path.name}-private_toc.yml"    # a file outside the book
    toc.write_text("root: intro\n")
    with_toc = inputs_hash(book, [*args, "--toc", str(toc)])
    toc.write_text("root: other\n")
    seen |= {with_toc, inputs_hash(book, [*args, "--toc", str(toc)])}
    assert len(seen) == len(changes) + 4


def test_an_unchanged_book_is_not_built_again(tmp_path):
    """With the stamp matching, the command returns at once: Jupyter Book is not even imported."""
    import subprocess
    import sys

    from build_book import INPUTS_STAMP, JUPYTER_BOOK, inputs_hash

    book = _git_book(tmp_path)
    args = ["build", str(book), "-n"]
    html = book / "_build" / "html"
    html.mkdir(parents=True)
    (html / INPUTS_STAMP).write_text(inputs_hash(book, args) + "\n")
    probe = ("import runpy, sys\n"
             f"sys.argv = ['jupyter-book', *{args!r}]\n"
             f"try:\n    runpy.run_path({JUPYTER_BOOK[1]!r}, run_name='__main__')\n"
             "except SystemExit as e:\n    assert not e.code, e.code\n"
             "print('jupyter_book' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "not rebuilt" in result.stdout and result.stdout.strip().endswith("False")


@pytest.mark.parametrize(("args", "html"), [
    (["build", ".", "-n", "-W", "--keep-going"], "{root}/_build/html"),
    (["build", ".", "--path-output", "/tmp/out", "-W"], "/tmp/out/_build/html"),
    (["build", ".", "--config", "_config.students.yml", "--path-output", "/tmp/s"],
     "/tmp/s/_build/html"),
    (["build", ".", "--builder", "pdfhtml"], None),
    (["build", "--all", "."], None),
    (["--version"], None),
])
def test_only_html_builds_without_all_can_be_skipped(args, html, monkeypatch):
    from pathlib import Path

    from build_book import html_output

    monkeypatch.chdir(ROOT)
    found = html_output(args)
    assert (found and str(found[1])) == (html and html.format(root=ROOT))
    if found:
        assert found[0] == Path(ROOT)
