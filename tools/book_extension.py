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
* Keeps executed outputs no older than the package (``package_stamp``): the execution cache is
  emptied when ``qdbook/`` changed since it was filled, and every page is then re-read.
"""

from pathlib import Path

from docutils import nodes
from sphinx.transforms import SphinxTransform

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


def setup(app):
    """Register the fixes with Sphinx."""
    app.connect("config-inited", _hide_gated_solutions)
    app.connect("builder-inited", _fresh_cache, priority=900)
    app.connect("env-get-outdated", _outdated)
    app.add_js_file(None, body=_DEFAULT_MODE, priority=100)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
