"""Glossary and notation cover the book.

* Every glossary term is linked to the glossary where a chapter page first uses
  it (the ``{term}`` role), read from the built HTML: the first occurrence of
  the term in the page's text (outside headings and box titles, code, equations
  and outputs)
  must sit inside a link to that term's entry.
* The glossary has entries for the terms of chapters 3-6.
* The notation table (``qdbook.notation.NOTATION``) has a row for every symbol
  of every registered relation (``qdbook.equations.symbols``).
"""

import re

import pytest
from bs4 import BeautifulSoup, NavigableString
from helpers import ROOT, chapter_pages

GLOSSARY = ROOT / "chapters" / "appendix" / "glossary.md"
CHAPTER_PAGES = [p for p in chapter_pages() if p.parent.name[:2].isdigit()]
SKIP_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "script", "style", "kbd"}
SKIP_CLASSES = {"math", "cell_output", "cell_input", "bibliography", "citation", "headerlink",
                "admonition-title",
                "section-number", "caption-number"}


def glossary_terms() -> list[str]:
    """The terms of the glossary, as written in its source (one term per line)."""
    text = GLOSSARY.read_text()
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.splitlines()
            if line.strip() and not line.startswith((" ", ":"))]


def term_pattern(term: str) -> re.Pattern:
    """A term, its plural, standing alone (an all-lowercase term in any case)."""
    flags = re.IGNORECASE if term == term.lower() else 0
    return re.compile(rf"(?<![\w-]){re.escape(term)}(?:s|es)?(?![\w-])", flags)


def term_anchor(term: str) -> str:
    """The id Sphinx gives a glossary term ("Auger recombination" -> "term-Auger-recombination")."""
    return "term-" + re.sub(r"[^\w]+", "-", term).strip("-")


def _skipped(node) -> bool:
    for parent in node.parents:
        if parent.name in SKIP_TAGS or SKIP_CLASSES & set(parent.get("class") or []):
            return True
        if parent.name == "a" and "glossary.html#term-" not in parent.get("href", ""):
            return True     # inside another link, a term cannot be linked
    return False


def first_uses(html: str, terms: list[str]) -> dict[str, tuple[bool, str]]:
    """For each term used on the page: (is its first use linked to its entry?, context)."""
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article.bd-article")
    patterns = {t: term_pattern(t) for t in terms}
    uses: dict[str, tuple[bool, str]] = {}
    for node in article.find_all(string=True):
        if not isinstance(node, NavigableString) or not node.strip() or _skipped(node):
            continue
        text = str(node)
        found = sorted(((m.start(), -(m.end() - m.start()), t) for t, p in patterns.items()
                        for m in p.finditer(text)))
        taken = -1
        for start, neg_len, term in found:
            if start < taken:
                continue    # inside a longer term that matched here
            taken = start - neg_len
            if term in uses:
                continue
            link = node.find_parent("a")
            anchor = "#" + term_anchor(term)
            linked = link is not None and link.get("href", "").endswith(anchor)
            uses[term] = (linked, text[max(0, start - 30):start + 40].replace("\n", " "))
    return uses


@pytest.mark.book
@pytest.mark.parametrize("page", CHAPTER_PAGES, ids=lambda p: f"{p.parent.name[:2]}-{p.stem}")
def test_first_use_of_each_term_links_the_glossary(page, built_book):
    html = (built_book / page.relative_to(ROOT).with_suffix(".html")).read_text()
    unlinked = {t: ctx for t, (linked, ctx) in first_uses(html, glossary_terms()).items()
                if not linked}
    assert not unlinked, f"first use not linked to the glossary: {unlinked}"


def test_glossary_covers_the_device_chapters():
    needed = {"modal gain", "material gain", "net gain", "effective index", "TE", "TM", "ITO",
              "L-ITO", "ASE", "DBR", "BRW", "VSL", "TA", "confinement factor", "EL",
              "stop band", "current focusing", "duty cycle", "state filling"}
    assert needed <= set(glossary_terms())


@pytest.mark.book
def test_glossary_anchors_are_the_terms(built_book):
    """The anchor the first-use check expects is the one Sphinx writes for each term."""
    html = (built_book / "chapters/appendix/glossary.html").read_text()
    for term in glossary_terms():
        assert f'id="{term_anchor(term)}"' in html, term


def test_notation_covers_every_symbol_of_every_relation():
    from qdbook.equations import REGISTRY, symbols
    from qdbook.notation import NOTATION

    named = {name for row in NOTATION for name in row.names}
    missing = {rid: sorted(set(symbols(rid)) - named) for rid in REGISTRY}
    missing = {rid: names for rid, names in missing.items() if names}
    assert not missing, f"symbols without a row in qdbook.notation.NOTATION: {missing}"
