"""The other editions: without solutions (for a class) and the PDF."""

import re
import subprocess
import sys

import pytest
from helpers import ROOT, require_chromium

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
