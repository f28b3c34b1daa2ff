"""A small local Sphinx extension for the book.

* Removes duplicated ``<script>`` entries from each page. sphinx-thebe 0.3.1
  registers its inline configuration (``const THEBE_JS_URL = ...``) on every
  ``env-before-read-docs`` event; under Jupyter Book the script reaches the page
  twice (once with filename None, once with ""), the page declares the same ``const`` twice
  and the browser reports a SyntaxError. sphinx-togglebutton's inline
  configuration is duplicated the same way.
* Gives the page a colour mode before the theme's script reads it.
  sphinx-book-theme 1.3 does not pass pydata-sphinx-theme's ``default_mode``,
  so a first-time reader's ``data-mode`` is empty and the theme logs
  "Got invalid theme mode" as a console error; "auto" is what it falls back to.
* Makes ``hide_solutions`` (sphinx-exercise 1.2.1) work with gated solutions.
  With that switch the ``solution-start`` directive returns nothing, but the
  cells after it and the ``solution-end`` node stay in the page (the end node
  even breaks the HTML writer). Here, when solutions are hidden,
  ``solution-start`` leaves a marker and a transform removes everything from
  the marker to the matching ``solution-end``.
* Numbers the pages the way the review numbers its sections. Sphinx can only
  count pages one after another, but a review section can span two pages
  (4.1 has two) or one page can cover several (5.1-5.2). ``review_sections`` in
  ``_config.yml`` gives each page its label; it is shown in the sidebar, in the
  page title and in the previous/next links. Equation and figure numbers are
  left as they are (``numfig_secnum_depth: 0``).
* Marks each equation that is one of the review's (label ``eq-N``) with
  "review eq. N" beside the book's number.
* Gives inline math a plain-text reading (``data-plain``) for the search snippets.
* Accessibility fixes that axe-core asks for: figure images get the figure's
  caption as alternative text (docutils would use the file name); the
  sidebar's expand/collapse ``<summary>`` elements get a name; bibliography
  entries use the list-item role their list requires.
* Answer boxes (``qdbook.teaching.answer``). A solution that ends with
  ``answer(label, value, ...)`` leaves a record in its output; a transform
  that runs before the hidden solutions are removed takes the record out of
  the solution and puts an answer box (labelled input, Check button, a live
  region for the verdict) into the exercise of that label, so the box stays
  in the edition without solutions. ``assets/answers.js`` checks the typed
  value in the browser; ``assets/book.css`` styles the box and the printed
  page, and ``assets/print.js`` scales wide equations and tables to the
  printed column.
* Keeps executed outputs no older than the package (``package_stamp``): the execution cache is
  emptied when ``qdbook/`` changed since it was filled, and every page is then re-read.
* Looks up pybtex's plugins once. pybtex 0.26 finds a plugin (a citation style, the plain-text
  backend) by asking ``importlib.metadata`` for its entry point, which reads the metadata of
  every installed distribution, and sphinxcontrib-bibtex 2.7 asks for every citation it
  resolves: about 2 000 scans of some 300 distributions per build, the largest single cost of
  writing the pages. Installed entry points do not change during a build, so the answer is
  kept (plugins registered at run time are still looked up first, as before).
* Stems each word of the search index once per build. Sphinx 7.4 memoises the Porter stemmer
  within a page only, so the main process stemmed some 25 000 words again and again (about
  1.5 s); the stemmer is a pure function of the word.
"""

import functools
import html
import json
import re
from pathlib import Path

from docutils import nodes
from markupsafe import Markup
from sphinx.transforms import SphinxTransform

from qdbook.notation import tex_to_text

_DEFAULT_MODE = ('if (!document.documentElement.dataset.mode) '
                 '{ document.documentElement.dataset.mode = "auto"; }')


def _dedupe_scripts(app, pagename, templatename, context, doctree):
    seen, unique = set(), []
    for script in context.get("script_files", []):
        # the same script registered twice differs only in priority
        key = (getattr(script, "filename", str(script)) or "",
               tuple(sorted((k, str(v)) for k, v in getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    if "script_files" in context:
        context["script_files"] = unique


class _hidden_solution(nodes.Element):
    """Marks where a hidden gated solution starts; removed by the transform."""


def _hidden_solution_start():
    from sphinx_exercise.directive import SolutionStartDirective

    class HiddenSolutionStart(SolutionStartDirective):
        def run(self):
            super().run()  # records the gated structure; returns nothing when hidden
            return [_hidden_solution()]

    return HiddenSolutionStart


class _RemoveHiddenSolutions(SphinxTransform):
    default_priority = 5  # before sphinx-exercise merges gated solutions (10)

    def apply(self):
        from sphinx_exercise.nodes import solution_end_node

        for marker in list(self.document.findall(_hidden_solution)):
            parent = marker.parent
            start = parent.index(marker)
            end = next((k for k in range(start, len(parent.children))
                        if isinstance(parent.children[k], solution_end_node)), None)
            if end is None:
                raise ValueError(f"solution-start without solution-end in {self.env.docname}")
            del parent.children[start:end + 1]


_RECORD = re.compile(r'data-qd-answer="([^"]*)"')


def answer_box(record: dict) -> str:
    """The HTML of the answer box for one record of ``qdbook.teaching.answer``."""
    ident = f"qd-answer-{record['label']}"
    many = len(record["values"]) > 1
    what = f"{len(record['values'])} numbers, separated by commas" if many else "a number"
    unit = (f" and {'their' if many else 'its'} unit, e.g. {record['unit']}"
            if record["unit"] else "")
    spec = html.escape(json.dumps(record, sort_keys=True), quote=True)
    return (f'<form class="qd-answer" data-qd-answer="{spec}" autocomplete="off">'
            f'<label for="{ident}">Your answer ({what}{unit}):</label> '
            f'<input id="{ident}" name="{ident}" type="text" spellcheck="false" '
            f'aria-describedby="{ident}-verdict"> '
            f'<button type="submit">Check</button>'
            f'<p id="{ident}-verdict" class="qd-answer-verdict" role="status" '
            f'aria-live="polite"></p></form>')


class _AnswerBoxes(SphinxTransform):
    default_priority = 4  # before the hidden solutions are removed (5)

    def apply(self):
        from sphinx_exercise.nodes import exercise_enumerable_node, exercise_node

        exercises = {n.get("label"): n for n in self.document.findall(
            lambda n: isinstance(n, (exercise_node, exercise_enumerable_node)))}
        for raw in list(self.document.findall(nodes.raw)):
            match = _RECORD.search(raw.astext())
            if not match or "qd-answer-record" not in raw.astext():
                continue
            record = json.loads(html.unescape(match.group(1)))
            exercise = exercises.get(record["label"])
            if exercise is None:
                raise ValueError(f"answer() names exercise {record['label']!r}, which is not "
                                 f"on page {self.env.docname}")
            content = next(c for c in exercise.children if isinstance(c, nodes.section))
            if any("qd-answer" in c.get("classes", []) for c in content.children):
                raise ValueError(f"two answers for exercise {record['label']!r} "
                                 f"in {self.env.docname}")
            content += nodes.raw("", answer_box(record), format="html", classes=["qd-answer"])
            raw.parent.remove(raw)


def _hide_gated_solutions(app, config):
    if config.hide_solutions:
        app.add_directive("solution-start", _hidden_solution_start(), override=True)
        app.add_transform(_RemoveHiddenSolutions)


def _number_sections(app, env):
    """Give each page of ``review_sections`` its review label (after Sphinx's own numbering)."""
    labels = app.config.review_sections or {}
    for docname, toc in env.tocs.items():
        label = labels.get(docname)
        if not label:
            continue
        number = (str(label),)
        secnums = {}
        for ref in toc.findall(nodes.reference):
            anchor = ref.get("anchorname", "")
            # The title carries the label; every other heading gets an empty number,
            # or Sphinx would print the page's number in front of each subsection.
            ref["secnumber"] = number if anchor == "" else None
            secnums[anchor] = number if anchor == "" else ()
        env.toc_secnumbers[docname] = secnums
        if docname in env.titles:
            env.titles[docname]["secnumber"] = number
    return []


def _figure_alt_texts(app, doctree, docname):
    """A figure image without alt text gets its caption (docutils would use the file name)."""
    for figure in doctree.findall(nodes.figure):
        caption = figure.next_node(nodes.caption)
        for image in figure.findall(nodes.image):
            if not image.get("alt") and caption is not None:
                image["alt"] = "Figure: " + tex_to_text(caption.astext())


_REVIEW_EQUATION = re.compile(
    r'(<div class="math notranslate nohighlight" id="equation-eq-(\d+)">\s*'
    r'<span class="eqno">\([^)]*\))')
_INLINE_MATH = re.compile(r'<span class="math notranslate nohighlight">\\\((.*?)\\\)</span>', re.S)
_SUMMARY = re.compile(r'(<a class="[^"]*reference internal[^"]*" href="[^"]*">(.*?)</a>'
                      r'<details[^>]*>)<summary>')


def _page_fixes(app, pagename, templatename, context, doctree):
    body = context.get("body")
    if body:
        body = _REVIEW_EQUATION.sub(r'\1<span class="review-eqno">review eq. \2</span>', body)
        # Inline math keeps a plain-text reading, which the search snippets show
        # instead of raw TeX (assets/book.js).
        body = _INLINE_MATH.sub(
            lambda m: ('<span class="math notranslate nohighlight" data-plain="'
                       + html.escape(tex_to_text(html.unescape(m[1]))) + f'">\\({m[1]}\\)</span>'),
            body)
        # docutils marks bibliography entries doc-biblioentry (deprecated in ARIA 1.2)
        # inside a role="list"; a list needs list items.
        context["body"] = body.replace('role="doc-biblioentry"', 'role="listitem"')
    toctree = context.get("generate_toctree_html")
    if toctree is not None and not getattr(toctree, "_named_summaries", False):
        def named(*args, **kwargs):
            html = str(toctree(*args, **kwargs))
            return Markup(_SUMMARY.sub(lambda m: m[1] + '<summary aria-label="Sections of '
                                + re.sub(r"<[^>]+>", "", m[2]).replace('"', "&quot;") + '">',
                                html))
        named._named_summaries = True
        context["generate_toctree_html"] = named


def _fresh_cache(app):
    """Empty myst-nb's execution cache if qdbook changed since it was filled.

    Runs at builder-inited after myst-nb has resolved the cache path (hence the late priority).
    """
    from package_stamp import ensure_fresh_cache

    config = getattr(app.env, "mystnb_config", None)
    if config is not None and config.execution_mode == "cache" and config.execution_cache_path:
        ensure_fresh_cache(Path(config.execution_cache_path))


def _outdated(app, env, added, changed, removed):
    from package_stamp import outdated_docs

    return [doc for doc in outdated_docs(env) if doc not in added | changed | removed]


PARALLEL_READ_SAFE = {
    # Two extensions Jupyter Book loads declare nothing, so Sphinx would read the pages one by
    # one (and warn, which -W makes an error). Read, both are safe to read in parallel:
    "sphinx_multitoc_numbering":   # 0.1.3: replaces TocTreeCollector.assign_section_numbers at
    # import, which Sphinx runs in the main process once the parallel reads are merged
        "keeps no state of its own",
    "sphinx_jupyterbook_latex":    # 1.0: its read transform marks nodes of the page it is
    # reading; its env attributes are set at builder-inited, in the main process, for LaTeX only
        "keeps no state across pages",
}


def _declare_parallel_read_safe(app):
    for name in PARALLEL_READ_SAFE:
        app.setup_extension(name)
        extension = app.extensions[name]
        if extension.parallel_read_safe is None:    # a later release that declares wins
            extension.parallel_read_safe = True


def _cache_plugin_lookups():
    import pybtex.plugin

    if not hasattr(pybtex.plugin.entry_points, "cache_info"):
        pybtex.plugin.entry_points = functools.lru_cache(maxsize=None)(pybtex.plugin.entry_points)


def _cache_stems():
    from sphinx.search.en import SearchEnglish

    if not hasattr(SearchEnglish.stem, "cache_info"):
        SearchEnglish.stem = functools.lru_cache(maxsize=None)(SearchEnglish.stem)


def setup(app):
    """Register the fixes with Sphinx."""
    _cache_plugin_lookups()
    _cache_stems()
    app.add_config_value("review_sections", {}, "env", types=[dict])
    app.connect("env-get-updated", _number_sections)
    app.connect("doctree-resolved", _figure_alt_texts)
    app.connect("html-page-context", _page_fixes, priority=950)
    app.add_css_file("book.css")
    app.add_js_file("book.js")
    app.connect("config-inited", _hide_gated_solutions)
    app.add_transform(_AnswerBoxes)
    app.add_js_file("answers.js", defer="defer")
    app.add_js_file("print.js", defer="defer")
    app.connect("builder-inited", _fresh_cache, priority=900)
    app.connect("env-get-outdated", _outdated)
    app.add_js_file(None, body=_DEFAULT_MODE, priority=100)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    _declare_parallel_read_safe(app)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
