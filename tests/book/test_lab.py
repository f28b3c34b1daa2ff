"""A chapter opened the way Binder opens it: JupyterLab, a MyST page as a notebook.

Starts JupyterLab on 127.0.0.1 on a copy of ``chapters/``, configured by
``tools/setup_lab.py`` (written into a temporary prefix: the settings that open
``.md`` files with the Jupytext notebook viewer, and the server configuration
that shows pages with folded solutions and the kernel's metadata). One test
runs all cells of a page, moves the live slider of its exploration and checks
that the figure changes; another checks what a reader sees on opening a page:
rendered MyST (admonitions, exercises, dropdowns, equation references, no raw
directive syntax), folded solutions, and a tab that is not marked modified;
saving the page writes back the file the book has. The test harness turns off
JupyterLab's cell windowing so that every cell is in the page.
"""

import contextlib
import copy
import json
import os
import re
from pathlib import Path

import jupytext
import pytest
import setup_lab
from browser_drive import FORMULA_RTOL, TABLE_RTOL, compare
from helpers import ROOT, chapter_pages, is_notebook

from qdbook import explore

pytestmark = pytest.mark.lab
PAGE = "chapters/02-general-principles/optical-gain.md"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    try:
        with setup_lab.serve(tmp_path_factory.mktemp("lab"), ROOT / "chapters") as server:
            yield server
    except RuntimeError as err:   # the server did not start
        pytest.fail(str(err))


@contextlib.contextmanager
def _opened_as_notebook(lab, browser, path):
    """A new tab of JupyterLab on ``path``, opened as a notebook, its kernel idle.

    The session's Chromium (tests/conftest.py): a second sync Playwright would not start.
    """
    url, token, _ = lab
    with contextlib.closing(browser.new_page(viewport={"width": 1400, "height": 1000})) as page:
        setup_lab.open_as_notebook(page, url, token, path)
        yield page


DRAWN = "k => { const root = document.querySelectorAll(" + json.dumps(setup_lab.FIGURES) + """)[k];
    const canvases = [...root.querySelectorAll('canvas')];
    return {n: Number(root.dataset.qdDrawn), panels: root.querySelectorAll('.qd-panel').length,
            title: root.innerText, flat: JSON.stringify(root.qdPlot.state.flat),
            painted: canvases.length > 0 && canvases.every(c => c.width > 100 && c.height > 100),
            model: root.dataset.qdModel || null, source: root.dataset.qdSource,
            previews: Number(root.dataset.qdPreviews || 0),
            state: root.dataset.qdModel ? {
              values: root.qdValues, series: root.qdPlot.state.series, shown: root.qdShown,
              title: root.querySelector('.qd-figure-title').textContent,
              panels: [...root.querySelectorAll('.qd-panel-title')].map(e => e.textContent)}
              : null};
}"""
"""What exploration k's browser-drawn figure shows: its update number, panels, text and
numbers, whether its canvases have a size, where the numbers came from (formula, table,
kernel, or the table's nearest grid point until the kernel's numbers arrive) and how many
such previews were drawn, and, once the page knows the model (a formula, or a table that
has arrived), the model's name and the settings (and a table's grid point) and series drawn."""


def _same_as_python(shown) -> None:
    """The numbers drawn are the Python model's: exactly for a formula computed in the page
    and for the kernel's numbers, to float32 for a table's."""
    name = shown["model"].removesuffix("_model")
    exp = getattr(explore, f"{name}_explorer")(static=True)
    table = shown["source"] in ("table", "nearest")
    compare(exp, shown["state"], TABLE_RTOL if table else FORMULA_RTOL)

LIVE_PAGES = {PAGE: {"formula"}, "chapters/03-practical-gain/advanced-gain.md": {"kernel"},
              "chapters/01-introduction/index.md": {"formula"},
              "chapters/03-practical-gain/charged-gain-practice.md": {"table"}}
"""Pages and where the numbers of the moves' last draws come from: a formula exploration
with a slider; two table explorations on one page (the view's script runs twice), with a
dropdown, moved off their tables' grids; a formula exploration with a dropdown (a
material's constants chosen in the page); a table exploration whose every slider position
is on its grid (drawn in the page from the kernel's table)."""


def _moved(page, k, act) -> tuple[str, bool]:
    """Do ``act()`` to a control of exploration k; the figure must show new numbers, the
    Python model's at the settings drawn. Returns where the last draw's numbers came from,
    and whether the table's nearest grid point was drawn first (a move between grid points
    of a table exploration: the kernel's numbers replace it)."""
    before = page.evaluate(DRAWN, k)
    act()
    page.wait_for_function(f"() => {{ const d = ({DRAWN})({k}); "
                           f"return d.n > {before['n']} && d.source !== 'nearest'; }}",
                           timeout=60000)
    page.wait_for_function(setup_lab.KERNEL_IDLE, timeout=60000)
    after = page.evaluate(DRAWN, k)
    assert after["flat"] != before["flat"], "a control moved but the figure shows the same numbers"
    assert after["model"], "every figure knows its model once the page has run"
    _same_as_python(after)
    return after["source"], after["previews"] > before["previews"]


@pytest.mark.parametrize("path", list(LIVE_PAGES), ids=lambda p: p.rsplit("/", 1)[-1])
def test_chapter_runs_in_jupyterlab_and_every_control_is_live(lab, browser, path):
    with _opened_as_notebook(lab, browser, path) as page:
        errors = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        # jupyterlab-myst logs references to other pages and the glossary, which one notebook
        # cannot resolve, as console errors; any other console error counts
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" and not all(
            line.startswith("Cross reference target was not found") for line in
            m.text.splitlines()) else None)
        try:   # every exploration's figure drawn by the browser from the kernel's numbers
            expected = setup_lab.run_explorations(page, (ROOT / path).read_text())
        except Exception:
            os.makedirs(ROOT / "test-artifacts", exist_ok=True)
            page.screenshot(path=str(ROOT / "test-artifacts" / "jupyterlab-failure.png"))
            raise
        figures = page.locator(setup_lab.FIGURES)
        assert figures.count() == expected
        sources, previewed = set(), set()
        for k in range(expected):
            shown = page.evaluate(DRAWN, k)
            assert shown["panels"] >= 1 and shown["painted"], shown
            box = figures.nth(k).locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
            handles, selects = box.locator(".noUi-handle"), box.locator("select")
            for h in range(handles.count()):
                handle = handles.nth(h)
                handle.scroll_into_view_if_needed()
                handle.focus()
                at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute(
                    "aria-valuemax")
                source, preview = _moved(page, k, lambda key="ArrowLeft" if at_max else
                                         "ArrowRight": [page.keyboard.press(key) for _ in range(3)])
                sources.add(source)
                previewed.add(preview)
            for j in range(selects.count()):
                select = selects.nth(j)
                nxt = (select.evaluate("s => s.selectedIndex") + 1) % select.locator(
                    "option").count()
                source, preview = _moved(page, k, lambda select=select, nxt=nxt:
                                         select.select_option(index=nxt))
                sources.add(source)
                previewed.add(preview)
        assert sources == LIVE_PAGES[path]
        # a move between a table's grid points is drawn from its nearest point first
        assert (True in previewed) == ("kernel" in sources), previewed
        assert not errors, errors
        stderr = page.locator(".jp-OutputArea-output"
                              "[data-mime-type='application/vnd.jupyter.stderr']")
        assert "Error" not in " ".join(stderr.all_inner_texts())
        os.makedirs(ROOT / "test-artifacts", exist_ok=True)
        page.screenshot(path=str(ROOT / "test-artifacts" / f"jupyterlab-{Path(path).stem}.png"))


MYST_PAGE = "chapters/02-general-principles/auger-recombination.md"
RAW_MYST = ("```{", ":label:", ":class:", "{eq}`", "{term}`", "{cite:")
# the notebook panel on screen (other pages may be open in hidden tabs)
CURRENT = """(() => { const current = () => [...document.querySelectorAll('.jp-NotebookPanel')]
    .find(p => !p.classList.contains('lm-mod-hidden')); return """


def _solution_parts(text: str) -> tuple[list[str], list[str]]:
    """First line of every code cell inside a solution, and the solutions' prose lines."""
    code, prose, inside = [], [], False
    for block in re.split(r"(?m)^(?=```)", text):
        head = block.split("\n", 1)[0]
        if head.startswith("```{solution-start}"):
            inside = True
        elif head.startswith("```{solution-end}"):
            inside = False
        elif inside and head.startswith("```{code-cell}"):
            lines = [ln for ln in block.split("\n")[1:] if ln.strip() and not ln.startswith(":")]
            code.append(lines[0])
        elif inside and head.strip() == "```":   # a closing fence: the prose after it
            prose += [ln for ln in block.split("\n")
                      if re.match(r"^[A-Z][a-z]* [a-z]+ [a-z]+", ln)][:1]
    return code, prose


def test_opened_page_renders_myst_keeps_solutions_folded_and_is_not_modified(lab, browser):
    root = lab[2]
    source = (ROOT / MYST_PAGE).read_text()
    hidden_code, hidden_prose = _solution_parts(source)
    assert hidden_code and hidden_prose, "the page has solutions with code and prose"
    with _opened_as_notebook(lab, browser, MYST_PAGE) as page:
        # every Markdown cell rendered (by jupyterlab-myst) or folded
        page.wait_for_function(CURRENT + """() => {
            const cells = [...current().querySelectorAll('.jp-MarkdownCell')];
            return cells.length > 0 && cells.every(c => c.classList.contains('jp-mod-rendered')
                || c.querySelector('.jp-InputPlaceholder')) && current().querySelector(
                '.jp-MarkdownCell .myst aside.myst-exercise'); }})()""", timeout=60000)
        page.wait_for_timeout(2000)
        seen = page.evaluate(CURRENT + """() => {
            const myst = [...current().querySelectorAll('.jp-MarkdownCell .myst')];
            const visible = el => el.offsetParent !== null;
            return {
              text: myst.filter(visible).map(e => e.innerText).join('\\n'),
              notebook: current().querySelector('.jp-Notebook').innerText,
              admonitions: myst.flatMap(m => [...m.querySelectorAll('aside.myst-admonition')])
                .map(a => a.innerText.slice(0, 40)),
              exercises: myst.flatMap(m => [...m.querySelectorAll('aside.myst-exercise')]).length,
              dropdowns: myst.flatMap(m => [...m.querySelectorAll('details')]).map(d => d.open),
              eqrefs: myst.flatMap(m => [...m.querySelectorAll('p a[href^="#"]')])
                .map(a => a.textContent.trim()).filter(t => /^\\(\\d+\\)$/.test(t)),
              folded: current().querySelectorAll('.jp-Cell .jp-InputPlaceholder').length,
              dirty: document.querySelectorAll(
                '.lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current.jp-mod-dirty').length,
            }; }})()""")
        os.makedirs(ROOT / "test-artifacts", exist_ok=True)
        page.screenshot(path=str(ROOT / "test-artifacts" / "jupyterlab-myst.png"))
        assert not [m for m in RAW_MYST if m in seen["text"]], "raw MyST shown"
        assert any("Learning goals" in a for a in seen["admonitions"]), seen["admonitions"]
        assert seen["exercises"] == source.count("```{exercise}")
        assert seen["dropdowns"] and not any(seen["dropdowns"]), "solutions must start folded"
        assert len(seen["dropdowns"]) == source.count("```{solution-start}")
        assert seen["eqrefs"], "equation references are not rendered as numbers"
        assert seen["folded"] >= 2 * source.count("```{solution-start}")
        shown = [line for line in hidden_code + hidden_prose if line.strip() in seen["notebook"]]
        assert not shown, f"solution visible: {shown}"
        assert seen["dirty"] == 0, "opening the page marked it modified"
        # Saving writes back exactly what Jupytext writes for the page itself.
        page.keyboard.press("Control+s")
        page.wait_for_timeout(3000)
        expected = jupytext.writes(jupytext.read(ROOT / MYST_PAGE), fmt="md:myst")
        assert (root / MYST_PAGE).read_text() == expected


@pytest.mark.parametrize("page", [p for p in chapter_pages() if is_notebook(p)],
                         ids=lambda p: p.stem)
def test_lab_view_round_trips(page):
    """The lab view (folded solutions, kernel metadata) is undone exactly on save."""
    notebook = jupytext.read(page)
    view = setup_lab.lab_view(copy.deepcopy(notebook),
                              {"name": "python3", "display_name": "Python 3 (ipykernel)",
                               "language": "python"}, {"name": "python", "version": "3"})
    n_solutions = page.read_text().count("```{solution-start}")
    folded = [c for c in view.cells if c.metadata.get("jupyter", {}).get("source_hidden")]
    assert len(folded) >= 2 * n_solutions
    assert view.metadata["language_info"]["name"] == "python"
    back = setup_lab.book_view(view)
    assert jupytext.writes(back, fmt="md:myst") == jupytext.writes(notebook, fmt="md:myst")
