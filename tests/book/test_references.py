"""The bibliography: every cited key has an entry, every entry a DOI, no key twice."""

import re

import pytest
from helpers import ROOT

BIB_FILES = [ROOT / "references.bib", *sorted((ROOT / "references").glob("*.bib"))]
ENTRY = re.compile(r"@(\w+)\{([^,\s]+),(.*?)\n\}", flags=re.S)
CITE = re.compile(r"\{cite(?::[a-z]+)?\}`([^`]+)`")


def _entries():
    out = []
    for path in BIB_FILES:
        out += [(m.group(2), m.group(3), path.name) for m in ENTRY.finditer(path.read_text())]
    return out


ENTRIES = _entries()


def test_bib_files_are_all_configured():
    config = (ROOT / "_config.yml").read_text()
    for path in BIB_FILES:
        assert str(path.relative_to(ROOT)) in config, f"{path.name} is not in bibtex_bibfiles"


def test_no_key_is_defined_twice():
    keys = [key for key, _, _ in ENTRIES]
    assert len(keys) == len(set(keys)), sorted(k for k in keys if keys.count(k) > 1)


@pytest.mark.parametrize(("key", "body", "source"), ENTRIES, ids=[e[0] for e in ENTRIES])
def test_every_entry_has_a_doi(key, body, source):
    match = re.search(r"\bdoi\s*=\s*\{([^}]*)\}", body, flags=re.I)
    assert match, f"{key} ({source}) has no DOI"
    assert re.fullmatch(r"10\.\d{4,9}/\S+", match.group(1).strip()), match.group(1)


def test_every_cited_key_has_an_entry():
    keys = {key for key, _, _ in ENTRIES}
    pages = [*ROOT.glob("chapters/**/*.md"), ROOT / "intro.md"]
    cited = {k.strip() for p in pages for group in CITE.findall(p.read_text())
             for k in group.split(",")}
    missing = sorted(cited - keys)
    assert not missing, f"cited but not in the bibliography: {missing}"
