"""Teaching kit (issue 17): answer boxes trace back to solution code; the course path.

Every ``answer("<label>", ...)`` call sits in the solution of exercise
``<label>``; every box of the built page carries exactly the record that the
executed solution cell displayed (read from the executed notebook of the
build's execution cache), so the expected value is the solution's own result, never typed in.
"""

import json
import re
from html import unescape

import pytest
from helpers import ROOT, chapter_pages

from qdbook.teaching import RECORD_ATTRIBUTE, answer, outline

pytestmark = pytest.mark.book
CALL = re.compile(r"""\banswer\(\s*["']([\w-]+)["']""")
PAGES = [p for p in chapter_pages() if CALL.search(p.read_text())]
BOX = re.compile(r'<form class="qd-answer" ' + RECORD_ATTRIBUTE + r'="([^"]+)"')
RECORD = re.compile(RECORD_ATTRIBUTE + r'="([^"]+)"')


def _solutions(text):
    """{label: source of its solution} for every gated solution of a page."""
    return dict(re.findall(r"```\{solution-start\} ([\w-]+)\n(.*?)```\{solution-end\}", text,
                           flags=re.S))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_each_answer_is_recorded_by_its_own_solution(page):
    text = page.read_text()
    solutions = _solutions(text)
    labels = CALL.findall(text)
    assert len(labels) == len(set(labels)), f"an exercise answered twice: {labels}"
    for label in labels:
        assert label in solutions, f"answer({label!r}) names no exercise with a solution"
        assert CALL.search(solutions[label]) and label in CALL.findall(solutions[label]), (
            f"answer({label!r}) is not inside the solution of {label}")


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_boxes_carry_what_the_executed_solution_displayed(built_book, page):
    from jupyter_cache import get_cache
    from preexecute import _read

    relative = page.relative_to(ROOT).with_suffix("")
    cache = get_cache(str(built_book.parent / ".jupyter_cache"))
    record = cache.match_cache_notebook(_read(page))        # the build's executed notebook
    notebook = cache.get_cache_bundle(record.pk).nb
    executed = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            html = output.get("data", {}).get("text/html", "")
            match = RECORD.search(html if isinstance(html, str) else "".join(html))
            if match:
                record = json.loads(unescape(match.group(1)))
                executed[record["label"]] = record
    boxes = {r["label"]: r for r in (json.loads(unescape(m)) for m in
             BOX.findall((built_book / f"{relative}.html").read_text()))}
    assert set(boxes) == set(CALL.findall(page.read_text()))
    assert boxes == executed


@pytest.mark.parametrize(("kwargs", "parameter"), [
    ({"label": "no spaces", "value": 1.0}, "label"),
    ({"label": "ex-a", "value": []}, "value"),
    ({"label": "ex-a", "value": float("nan")}, "value"),
    ({"label": "ex-a", "value": 1.0, "unit": "furlong"}, "unit"),
    ({"label": "ex-a", "value": 1.0, "rtol": 0.0}, "rtol"),
    ({"label": "ex-a", "value": 1.0, "rtol": 0.1, "close": 0.05}, "close"),
    ({"label": "ex-a", "value": 1.0, "atol": -1.0}, "atol"),
])
def test_answer_rejects_bad_input(kwargs, parameter):
    with pytest.raises(ValueError, match=f"^{parameter} must"):
        answer(**kwargs)


def test_accepted_units_convert_through_the_package_table():
    record = answer("ex-a", 2.5, unit="nm").record
    assert record["units"]["nm"] == 1.0
    assert record["units"]["um"] == pytest.approx(1e3)      # 1 um typed = 1000 nm
    assert "eV" not in record["units"]


def test_course_path_lists_every_chapter_page_and_exercise(built_book):
    """The instructor page's course path is generated from the pages: all of them, in full."""
    html = unescape((built_book / "chapters" / "appendix" / "instructor.html").read_text())
    html = html.replace("\u2019", "'")       # Sphinx's smart quotes
    path = html[html.index('id="a-course-path"'):]
    for page in chapter_pages():
        if not page.relative_to(ROOT).as_posix().startswith("chapters/0"):
            continue
        page_outline = outline(page)
        assert page_outline["title"] in path, page
        for _, title, checkable in page_outline["exercises"]:
            assert title + (" ✓" if checkable else "") in path, (page, title)
        for exploration in page_outline["explorations"]:
            assert exploration in path, (page, exploration)
