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
"""

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


def setup(app):
    """Register the fixes with Sphinx."""
    app.add_js_file(None, body=_DEFAULT_MODE, priority=100)
    app.connect("html-page-context", _dedupe_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
