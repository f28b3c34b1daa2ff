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
"""

import html
import re

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


def setup(app):
    """Register the fixes with Sphinx."""
    app.add_config_value("review_sections", {}, "env", types=[dict])
    app.connect("env-get-updated", _number_sections)
    app.connect("doctree-resolved", _figure_alt_texts)
    app.connect("html-page-context", _page_fixes, priority=950)
    app.add_css_file("book.css")
    app.add_js_file("book.js")
    app.connect("config-inited", _hide_gated_solutions)
    app.add_js_file(None, body=_DEFAULT_MODE, priority=100)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
