"""The other editions: without solutions (for a class) and the PDF."""

import json
import re
import subprocess
import sys

import pytest
from helpers import ROOT, require_chromium
from variants import print_check

pytestmark = pytest.mark.book
VARIANTS = [sys.executable, str(ROOT / "tools" / "variants.py")]


def test_edition_without_solutions(built_book):
    subprocess.run([*VARIANTS, "students"], cwd=ROOT, check=True, capture_output=True)
    students = ROOT / "_build" / "students" / "_build" / "html"
    page = "chapters/02-general-principles/electronic-states.html"
    full, hidden = (built_book / page).read_text(), (students / page).read_text()
    # the exercise stays, its solution (text and code) goes
    assert "ex-states-spacing" in hidden
    assert 'class="solution' in full and 'class="solution' not in hidden
    assert "R_100</span>" in full and "R_100</span>" not in hidden
    for html in students.rglob("*.html"):
        assert 'class="solution' not in html.read_text(), html
    # the answer boxes stay, with the value the solution computed, and nothing of the solution
    boxes = re.findall(r'<form class="qd-answer" data-qd-answer="([^"]+)"', hidden)
    assert boxes == re.findall(r'<form class="qd-answer" data-qd-answer="([^"]+)"', full)
    assert len(boxes) == len(set(re.findall(r'answer\("(ex-states-[\w-]+)"',
                                            (ROOT / page).with_suffix(".md").read_text())))
    assert "qd-answer-record" not in hidden and "brentq" not in hidden


def test_pdf_of_the_whole_book(built_book):
    require_chromium()
    subprocess.run([*VARIANTS, "pdf"], cwd=ROOT, check=True, capture_output=True)
    from pypdf import PdfReader

    reader = PdfReader(ROOT / "_build" / "pdf" / "book.pdf")
    n_html = len(list(built_book.glob("chapters/**/*.html")))
    assert len(reader.pages) >= 2 * n_html
    outline = [item.title for item in reader.outline]
    assert any(re.search("Auger recombination", t) for t in outline), outline
    text = reader.pages[len(reader.pages) // 3].extract_text()
    assert len(text) > 200
    # nothing lost at the page edges: no text beyond the margins, no code or output line cut
    check = print_check(ROOT / "_build" / "pdf" / "book.pdf")
    assert not check["beyond_margin"], check["beyond_margin"][:10]
    assert not check["cut_lines"], check["cut_lines"][:10]
    # every exploration prints its default figure and a note of what it explores
    printed = {part["name"]: part for part in json.loads(
        (ROOT / "_build" / "pdf" / "book.json").read_text())}
    for name, part in printed.items():
        explorations = (ROOT / f"{name}.md").read_text().count("_explorer(")
        notes = " ".join(reader.pages[k].extract_text() for k in
                         range(part["first"], part["first"] + part["count"]))
        assert notes.count("Exploration of ") >= explorations, name
