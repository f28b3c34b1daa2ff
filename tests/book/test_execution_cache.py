"""The execution cache never serves outputs older than the package (tools/package_stamp.py).

jupyter-cache keys a page on its code cells; these tests check that a change anywhere in
``qdbook/`` empties the cache before pages are matched (preexecute and the Sphinx build) and
makes Sphinx re-read every page, while an unchanged package keeps the cache.
"""

import shutil
import types

import nbformat
import package_stamp
import pytest
from helpers import ROOT
from jupyter_cache import get_cache
from jupyter_cache.base import CacheBundleIn


@pytest.fixture
def package(tmp_path):
    copy = tmp_path / "qdbook"
    shutil.copytree(ROOT / "qdbook", copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _cache_one_notebook(cache_dir):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3",
                                                           "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells.append(nbformat.v4.new_code_cell("import qdbook"))
    cache = get_cache(str(cache_dir))
    cache.cache_notebook_bundle(CacheBundleIn(nb, "page.ipynb"), check_validity=False)
    return nb


def _is_cached(cache_dir, nb):
    try:
        get_cache(str(cache_dir)).match_cache_notebook(nb)
    except KeyError:
        return False
    return True


def test_hash_sees_every_file_of_the_package(package):
    before = package_stamp.package_hash(package)
    assert before == package_stamp.package_hash(package)
    assert package_stamp.package_hash(ROOT / "qdbook") == before   # the copy is the package
    (package / "auger.py").write_text((package / "auger.py").read_text() + "\n# changed\n")
    after_py = package_stamp.package_hash(package)
    assert after_py != before
    (package / "data" / "equations.md").write_text("changed")
    assert package_stamp.package_hash(package) not in (before, after_py)
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "x.pyc").write_bytes(b"junk")       # bytecode does not count
    assert package_stamp.package_hash(package) == package_stamp.package_hash(package)


def test_unchanged_package_keeps_the_cache_and_a_change_empties_it(tmp_path, package):
    cache_dir = tmp_path / "cache"
    nb = _cache_one_notebook(cache_dir)
    assert package_stamp.ensure_fresh_cache(cache_dir, package)      # no stamp yet: emptied
    assert not _is_cached(cache_dir, nb)
    nb = _cache_one_notebook(cache_dir)
    assert not package_stamp.ensure_fresh_cache(cache_dir, package)  # same package: kept
    assert _is_cached(cache_dir, nb)
    (package / "pumping.py").write_text((package / "pumping.py").read_text() + "\n# edit\n")
    assert package_stamp.ensure_fresh_cache(cache_dir, package)      # package changed: emptied
    assert not _is_cached(cache_dir, nb)
    assert (cache_dir / package_stamp.STAMP_NAME).read_text().strip() == \
        package_stamp.package_hash(package)


def test_preexecute_empties_a_stale_cache(tmp_path, monkeypatch):
    import preexecute

    cache_dir = tmp_path / "cache"
    nb = _cache_one_notebook(cache_dir)
    (cache_dir / package_stamp.STAMP_NAME).write_text("an older package\n")
    monkeypatch.setattr(preexecute, "toc_pages", lambda: [])
    assert preexecute.main(cache_dir) == 0
    assert not _is_cached(cache_dir, nb)
    assert (cache_dir / package_stamp.STAMP_NAME).read_text().strip() == \
        package_stamp.package_hash()


def test_the_build_empties_a_stale_cache_and_rereads_every_page(tmp_path):
    import book_extension

    cache_dir = tmp_path / "_build" / ".jupyter_cache"
    nb = _cache_one_notebook(cache_dir)
    (cache_dir / package_stamp.STAMP_NAME).write_text("an older package\n")
    # as myst-nb leaves it at builder-inited: the resolved cache path in env.mystnb_config
    config = types.SimpleNamespace(execution_cache_path=str(cache_dir), execution_mode="cache")
    book_extension._fresh_cache(types.SimpleNamespace(env=types.SimpleNamespace(
        mystnb_config=config)))
    assert not _is_cached(cache_dir, nb)

    env = types.SimpleNamespace(found_docs={"intro", "a/b", "c"})
    assert book_extension._outdated(None, env, set(), set(), set()) == []   # first build
    assert book_extension._outdated(None, env, set(), set(), set()) == []   # same package
    env.qdbook_package_hash = "an older package"
    assert book_extension._outdated(None, env, set(), {"c"}, set()) == ["a/b", "intro"]
    assert env.qdbook_package_hash == package_stamp.package_hash()


def test_the_extension_is_registered_for_the_book():
    from helpers import ROOT as root

    config = (root / "_config.yml").read_text()
    assert "book_extension: tools/" in config and "execute_notebooks: cache" in config
    source = (root / "tools" / "book_extension.py").read_text()
    assert 'app.connect("builder-inited", _fresh_cache, priority=900)' in source
    assert 'app.connect("env-get-outdated", _outdated)' in source


def test_pages_hash_sees_every_page_and_the_package(tmp_path, monkeypatch):
    import preexecute

    pages = [tmp_path / "a.md", tmp_path / "b.md"]
    for page in pages:
        page.write_text(f"# {page.stem}\n")
    before = preexecute.pages_hash(pages)
    assert preexecute.pages_hash(pages) == before
    assert preexecute.pages_hash(pages[::-1]) != before       # the reading order counts
    pages[1].write_text("# b, edited\n")
    edited = preexecute.pages_hash(pages)
    assert edited != before
    monkeypatch.setattr(preexecute, "package_hash", lambda: "another package")
    assert preexecute.pages_hash(pages) not in (before, edited)


def test_preexecute_returns_at_once_while_nothing_changed(tmp_path, monkeypatch):
    import preexecute

    monkeypatch.setenv("QDBOOK_STATIC", "1")
    monkeypatch.setattr(preexecute, "toc_pages", lambda: ["chapters/appendix/notation"])
    cache_dir = tmp_path / "cache"
    assert preexecute.main(cache_dir, workers=1) == 1          # executed and cached
    stamp = cache_dir / preexecute.PAGES_STAMP
    assert stamp.exists()
    read = preexecute._read

    def no_reading(path):
        raise AssertionError(f"{path} was read although nothing changed")

    monkeypatch.setattr(preexecute, "_read", no_reading)
    assert preexecute.main(cache_dir, workers=1) == 0           # the stamp matched: no reading
    stamp.write_text("an earlier state of the pages\n")
    with pytest.raises(AssertionError, match="was read"):
        preexecute.main(cache_dir, workers=1)                   # a mismatch checks every page
    monkeypatch.setattr(preexecute, "_read", read)
    assert preexecute.main(cache_dir, workers=1) == 0           # ... and finds it cached
    assert stamp.read_text().strip() == preexecute.pages_hash(
        [preexecute.ROOT / "chapters/appendix/notation.md"])
