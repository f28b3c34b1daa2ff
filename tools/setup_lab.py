"""Make JupyterLab open the book's MyST pages (.md) as notebooks.

Jupytext's JupyterLab extension can open a text notebook as a notebook, but
since Jupytext 1.16 a double-click on a ``.md`` file opens the text editor.
This script writes JupyterLab's settings overrides for the current Python
environment so that Markdown files open with the "Jupytext Notebook" viewer,
as Binder users expect. It is run by ``make`` (after installing the
environment) and by Binder's ``postBuild``.
"""

import json
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/docmanager-extension:plugin": {
        "defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
    }
}


def main() -> None:
    """Merge :data:`OVERRIDES` into ``<prefix>/share/jupyter/lab/settings/overrides.json``."""
    path = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text()) if path.exists() else {}
    for plugin, settings in OVERRIDES.items():
        current.setdefault(plugin, {}).update(settings)
    path.write_text(json.dumps(current, indent=2) + "\n")
    print(f"JupyterLab opens .md files as notebooks (settings in {path})")


if __name__ == "__main__":
    main()
