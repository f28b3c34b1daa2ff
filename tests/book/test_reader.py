"""The built book as a student finds their way in it (issue #13), in headless Chromium.

Every page of the table of contents is opened once at 1280 px and once at 390 px
(a phone); each visit records what the checks below need, so the whole survey
costs two page loads per page:

* navigation: the sidebar toggle opens and closes the table of contents at both
  widths;
* nothing is cut off: an equation either fits in the text column or scrolls in
  its own box that shows a cue (edge shadows); no text output runs out of its
  box (outputs wrap);
* exploration figures keep a readable size on a phone;
* no internal relation id (``eq-4``, ``rel-…``, ``book-…``) in what a reader
  sees: the visible text outside code cells, outputs included, and the
  alternative texts of images;
* every image has an alternative text that says what it shows (not a file
  name);
* axe-core (pinned in tools/vendor/package.json, copied to tools/vendor/axe,
  never served) reports no critical and no serious violation on any page.
"""

import re
from pathlib import Path

import pytest
import yaml
from helpers import ROOT, chapter_pages

pytestmark = pytest.mark.browser

PAGES = chapter_pages()
WIDTHS = (1280, 390)
AXE = ROOT / "tools" / "vendor" / "axe" / "axe.min.js"
# The API reference documents the registry, whose arguments are these ids.
ID_EXEMPT = {"chapters/appendix/api"}
INTERNAL_ID = re.compile(r"\b(?:eq-\d+|rel-\d[\w.-]*|book-[a-z][\w.-]*)")

SURVEY_JS = r"""() => {
  const article = document.querySelector('article.bd-article');
  const box = article.getBoundingClientRect();
  const scroller = el => {
    for (let a = el; a && a !== article; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX;
      if (o === 'auto' || o === 'scroll') return a;
    }
    return null;
  };
  const math = [];
  for (const m of article.querySelectorAll('mjx-container')) {
    const s = scroller(m);
    const text = (m.closest('.math') || m).textContent.slice(0, 50);
    if (s) {
      const cue = /gradient/.test(getComputedStyle(s).backgroundImage);
      if (s.scrollWidth > s.clientWidth + 1 && !cue)
        math.push('scrolls without a cue: ' + text);
    } else {
      const r = m.getBoundingClientRect();
      if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1))
        math.push('cut off: ' + text);
    }
  }
  const outputs = [...article.querySelectorAll('.cell_output pre, .cell_output .output')]
    .filter(p => p.scrollWidth > p.clientWidth + 1).map(p => p.textContent.slice(0, 60));
  const clone = article.cloneNode(true);
  clone.querySelectorAll('.cell_input, div.highlight, code, script, style, .headerlink')
    .forEach(e => e.remove());
  const alts = [...article.querySelectorAll('img')].map(i => i.getAttribute('alt'));
  const panels = [...article.querySelectorAll('.qd-panel')]
    .filter(p => p.offsetParent !== null).map(p => p.getBoundingClientRect().width);
  return {math, outputs, text: clone.innerText, alts, panels};
}"""


def _settle(page):
    """Wait for MathJax and for the widgets manager to render every embedded widget."""
    page.evaluate("() => window.MathJax && MathJax.startup ? MathJax.startup.promise : null")
    page.wait_for_function("""() => {
        const views = document.querySelectorAll(
            "script[type='application/vnd.jupyter.widget-view+json']").length;
        return views === 0 || document.querySelectorAll('.jupyter-widgets.widget-vbox, '
            + '.jupyter-widgets.widget-box').length > 0; }""", timeout=30000)
    page.wait_for_timeout(200)


@pytest.fixture(scope="module")
def survey(browser, server):
    axe = AXE.read_text()
    data = {}
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 900})
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(
            (server, "data:", "blob:")) else r.abort())
        for path in PAGES:
            name = path.relative_to(ROOT).with_suffix("").as_posix()
            page.goto(f"{server}/{name}.html", wait_until="load")
            _settle(page)
            record = page.evaluate(SURVEY_JS)
            if width == 1280:
                page.add_script_tag(content=axe)
                record["axe"] = page.evaluate("""async () => (await axe.run(document,
                    {resultTypes: ['violations']})).violations
                    .filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => `${v.impact} ${v.id}: ${v.nodes.length}x, e.g. `
                              + v.nodes[0].html.slice(0, 120))""")
            data[width, name] = record
        context.close()
    return data


def _names():
    return [p.relative_to(ROOT).with_suffix("").as_posix() for p in PAGES]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_equation_or_output_is_cut_off(survey, width):
    problems = {name: survey[width, name]["math"] + [f"output overflows: {o}" for o in
                                                     survey[width, name]["outputs"]]
                for name in _names()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, f"at {width} px:\n" + "\n".join(f"{k}: {v}" for k, v in problems.items())


def test_exploration_figures_are_readable_on_a_phone(survey):
    """At 390 px the panels of a browser-drawn figure stack: each takes (nearly) the width
    of the text column, none is squeezed beside another or runs past the screen."""
    narrow = {name: survey[390, name]["panels"] for name in _names() if survey[390, name]["panels"]}
    assert len(narrow) >= 20, f"explorations drawn on only {len(narrow)} pages"
    bad = {name: w for name, w in narrow.items() if min(w) < 300 or max(w) > 390}
    assert not bad, f"panel widths (px) at 390 px outside [300, 390]: {bad}"


def test_no_internal_id_in_what_a_reader_sees(survey):
    leaks = {}
    for name in _names():
        if name in ID_EXEMPT:
            continue
        rec = survey[1280, name]
        found = INTERNAL_ID.findall(rec["text"]) + [
            a for alt in rec["alts"] if alt for a in INTERNAL_ID.findall(alt)]
        if found:
            leaks[name] = sorted(set(found))
    assert not leaks, leaks


FILE_NAME = re.compile(r"\.(png|jpe?g|svg|gif)$|^[./_\w-]+$")


def test_every_image_says_what_it_shows(survey):
    bad = {}
    for name in _names():
        alts = survey[1280, name]["alts"]
        wrong = [a for a in alts if not a or FILE_NAME.search(a) or len(a.split()) < 4
                 if a != "Binder logo"]
        if wrong:
            bad[name] = wrong[:3]
    assert not bad, bad


def test_axe_finds_no_critical_or_serious_violation(survey):
    found = [f"{name}: {v}" for name in _names() for v in survey[1280, name]["axe"]]
    assert not found, "\n".join(found)


def _toc_link(page):
    return page.locator("nav.bd-docs-nav a", has_text="2.3. Auger recombination").first


@pytest.mark.parametrize("width", WIDTHS)
def test_sidebar_toggle_opens_and_closes_the_toc(browser, server, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{server}/chapters/02-general-principles/optical-gain.html", wait_until="load")
        toggle = page.locator(".bd-header-article .primary-toggle")
        assert toggle.is_visible()
        link = _toc_link(page)
        if width >= 992:     # wide: the sidebar is shown beside the text; the toggle hides it
            assert link.is_visible()
            toggle.click()
            page.wait_for_function("() => getComputedStyle(document.querySelector("
                                   "'#pst-primary-sidebar')).visibility === 'hidden'")
            assert not link.is_visible()
            toggle.click()
            link.wait_for(state="visible", timeout=3000)
        else:                # narrow: the toggle opens the sidebar as a dialog
            assert not link.is_visible()
            for close in ("Escape", "backdrop"):
                toggle.click()
                page.wait_for_selector("#pst-primary-sidebar-modal[open]", timeout=3000)
                _toc_link(page).wait_for(state="visible", timeout=3000)
                if close == "Escape":
                    page.keyboard.press("Escape")
                else:
                    page.mouse.click(width - 5, 400)    # outside the dialog's panel
                page.wait_for_selector("#pst-primary-sidebar-modal:not([open])",
                                       state="attached", timeout=3000)
                _toc_link(page).wait_for(state="hidden", timeout=3000)
    finally:
        context.close()


def _review_sections():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    return config["sphinx"]["config"]["review_sections"]


def test_sidebar_and_titles_carry_the_review_numbers(built_book):
    """Each page's label agrees with the review sections of the relations it derives."""
    from qdbook.equations import REGISTRY

    labels = _review_sections()
    chapters = [n for n in _names() if re.match(r"chapters/\d\d-", n)]
    assert sorted(labels) == sorted(chapters), "every chapter page needs a review section"
    for rel in REGISTRY.values():
        label = labels[rel.page]
        parts = [p.strip() for p in label.split("–")]
        assert any(p == rel.section or p.startswith(rel.section + ".")
                   or rel.section.startswith(p + ".") for p in parts), (rel.id, rel.section, label)
    html = (built_book / "chapters/06-electrical-gain/device-heating.html").read_text()
    for name, label in labels.items():
        title = Path(name).name
        assert f'<span class="section-number">{label}. </span>' in (
            built_book / f"{name}.html").read_text(), f"{title}: no number {label} in the title"
    sidebar = re.findall(r'<p aria-level="2" class="caption" role="heading">'
                         r'<span class="caption-text">([^<]*)</span></p>'
                         r'|toctree-l1[^>]*><a [^>]*>([^<]*)', html)
    parts, chapter_of = None, {}
    for caption, entry in sidebar:
        parts = caption or parts
        if entry:
            chapter_of[entry.split(".")[0]] = parts
    assert chapter_of["5"] != chapter_of["6"], "chapters 5 and 6 sit under one caption"
