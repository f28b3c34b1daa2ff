"""The reproducibility report (chapters/appendix/reproducibility.md) and its data.

The review-number tests assert every entry of qdbook.reproducibility (tests/review); here:
every entry belongs to exactly one of those test files, the page renders the entries and
nothing else, and the built page shows the values and verdicts the package computes.
"""

import html
import re

import pytest
from helpers import ROOT, toc_pages

from qdbook import reproducibility as rep

PAGE = "chapters/appendix/reproducibility"
SECTION_FILES = {"test_sec2.py": ("2",), "test_sec3.py": ("3",), "test_sec4.py": ("4",),
                 "test_sec5.py": ("5", "6.1"), "test_sec6.py": ("6.2", "6.3", "6.4")}


def test_every_entry_is_asserted_by_one_section_file():
    keys = [e.key for parts in SECTION_FILES.values() for p in parts for e in rep.for_section(p)]
    assert sorted(keys) == sorted(e.key for e in rep.ENTRIES)
    for name, parts in SECTION_FILES.items():
        source = (ROOT / "tests" / "review" / name).read_text()
        assert "check_reproducibility_entry(entry)" in source, name
        for p in parts:
            assert f'"{p}"' in source, (name, p)


def test_entry_lookup_and_bad_key():
    assert rep.entry("2.2-n-th").section == "2.2.2"
    with pytest.raises(ValueError, match="key"):
        rep.entry("no-such-number")


def test_table_has_one_row_per_entry_with_computed_values():
    rows = rep.rows()
    table = rep.table_markdown(rows).strip().splitlines()
    assert len(table) == 2 + len(rep.ENTRIES)
    for line, row in zip(table[2:], rows, strict=True):
        e = row["entry"]
        cells = [c.strip() for c in line.strip("|").split("|")]
        assert cells[0] == e.section and cells[2] == e.review
        assert cells[3].startswith(f"{row['book']:{e.fmt}}")
        assert cells[5] == row["verdict"] == e.verdict
        assert f"{{doc}}`/{e.page}`" in cells[6]
    counts = rep.summary(rows)
    assert counts["reproduced"] + counts["differs"] == counts["total"] == len(rep.ENTRIES)


def test_the_page_is_in_the_reference_part_and_renders_the_entries():
    assert PAGE in toc_pages()
    toc = (ROOT / "_toc.yml").read_text()
    reference = toc.split("caption: Reference", 1)[1]
    assert f"file: {PAGE}" in reference
    source = (ROOT / f"{PAGE}.md").read_text()
    assert "rep.table_markdown(" in source and "rep.rows()" in source
    chapters = re.findall(r'chapter_table\("(\d)"\)', source)
    assert sorted({e.section.split(".")[0] for e in rep.ENTRIES}) == sorted(chapters)


@pytest.mark.book
def test_built_page_shows_the_data(built_book):
    """The HTML table rows are the entries: review value, book value, verdict (same order)."""
    page = (built_book / f"{PAGE}.html").read_text()
    body = [html.unescape(re.sub(r"<[^>]+>", "", r)) for r in re.findall(r"<tr[^>]*>(.*?)</tr>",
                                                                            page, flags=re.S)]
    data = [r for r in body if re.search(r"\b(reproduced|differs)\b", r)]
    rows = rep.rows()
    assert len(data) == len(rows)
    for text, row in zip(data, rows, strict=True):
        e = row["entry"]
        assert f"{row['book']:{e.fmt}}" in text and row["verdict"] in text, (e.key, text)
    counts = rep.summary(rows)
    assert f"reproduces {counts['reproduced']} and differs on {counts['differs']}" in \
        html.unescape(re.sub(r"<[^>]+>", "", page))
