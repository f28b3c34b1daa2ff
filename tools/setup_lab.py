"""Make JupyterLab open the book's MyST pages (.md) as notebooks that read well.

Run by ``make`` (after installing the environment) and by Binder's
``postBuild``; ``--prefix DIR`` writes into another environment prefix (the
JupyterLab test uses a temporary one). It writes two things under the prefix:

1. JupyterLab settings overrides (``share/jupyter/lab/settings/overrides.json``):
   Markdown files open with the "Jupytext Notebook" viewer. Since Jupytext 1.16
   a double-click on a ``.md`` file would open the text editor.
2. A Jupyter server configuration (``etc/jupyter/jupyter_server_config.py``,
   inside a marked block) that installs :func:`book_contents_manager`: the
   Jupytext contents manager with two changes to how a page is *shown*, undone
   when it is saved, so the ``.md`` file on disk stays as the book has it:

   * the notebook's kernel metadata is the installed kernel's (kernelspec and
     ``language_info``), so JupyterLab has nothing to add when the kernel
     starts and a page that was only opened is not marked modified;
   * the solutions are folded: every cell between a ``solution-start`` and its
     ``solution-end`` is collapsed (``jupyter.source_hidden``, and
     ``outputs_hidden`` for code), a Markdown cell being split where a solution
     starts or ends. The pages' admonitions, exercises, dropdowns and equation
     references are rendered by jupyterlab-myst (requirements.txt).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

TOOLS = Path(__file__).resolve().parent

OVERRIDES = {
    "@jupyterlab/docmanager-extension:plugin": {
        "defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
    }
}

BEGIN, END = "# BEGIN qdbook (tools/setup_lab.py)", "# END qdbook"
SERVER_CONFIG = f"""{BEGIN}
import sys as _sys
_sys.path.insert(0, {str(TOOLS)!r})
from setup_lab import configure_server as _configure_server
_configure_server(c)  # noqa: F821 (c is the config object of jupyter_server)
{END}
"""

KEY = "qdbook_lab"          # metadata that records what the lab view changed
# First line of a folded cell: JupyterLab previews a collapsed cell by its first line,
# which must not give the answer away (a MyST comment renders as nothing).
FOLDED_LINE = {"markdown": "% Solution: click to unfold", "code": "# Solution: click to unfold"}
_FENCE = re.compile(r"^(`{3,}|~{3,})\{(solution-start|solution-end)\}")


def _directive_ends(lines: list[str], start: int) -> int:
    """Index just past the closing fence of the directive opened at ``lines[start]``."""
    fence = _FENCE.match(lines[start].strip())[1]
    for k in range(start + 1, len(lines)):
        if lines[k].strip() == fence:
            return k + 1
    return len(lines)


def _split_markdown(source: str, inside: bool) -> tuple[list[tuple[str, bool]], bool]:
    """Pieces of a Markdown cell, each flagged if inside a solution, and the final state.

    A piece ends after a ``solution-start`` directive (the exercise and the
    solution's title stay visible) and after a ``solution-end`` directive.
    """
    lines = source.split("\n")
    pieces, first, k = [], 0, 0
    while k < len(lines):
        match = _FENCE.match(lines[k].strip())
        if not match:
            k += 1
            continue
        end = _directive_ends(lines, k)
        pieces.append(("\n".join(lines[first:end]), inside))
        inside = match[2] == "solution-start"
        first = k = end
    if first < len(lines):
        pieces.append(("\n".join(lines[first:]), inside))
    return [(text, hidden) for text, hidden in pieces if text.strip()] or [(source, inside)], inside


def lab_view(nb, kernelspec: dict | None = None, language_info: dict | None = None):
    """The notebook as JupyterLab shows it (see the module docstring); ``nb`` is changed."""
    import nbformat

    record = {}
    if kernelspec and nb.metadata.get("kernelspec", {}).get("name") == kernelspec["name"]:
        record["kernelspec"] = copy.deepcopy(nb.metadata["kernelspec"])
        nb.metadata["kernelspec"] = dict(kernelspec)
    if language_info and "language_info" not in nb.metadata:
        record["added_language_info"] = True
        nb.metadata["language_info"] = dict(language_info)
    nb.metadata[KEY] = record
    cells, inside = [], False
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            pieces, inside = _split_markdown(cell.source, inside)
            for n, (text, hidden) in enumerate(pieces):
                new = copy.deepcopy(cell) if n == 0 else nbformat.v4.new_markdown_cell(text)
                new.source = text
                if n > 0:
                    new.metadata[KEY] = {"join": "\n"}
                    new.pop("id", None)
                if hidden:
                    _hide(new)
                cells.append(new)
        else:
            if inside:
                _hide(cell)
            cells.append(cell)
    nb.cells = cells
    return nb


def _hide(cell) -> None:
    jupyter = cell.metadata.setdefault("jupyter", {})
    added = [k for k in ("source_hidden", "outputs_hidden")
             if not jupyter.get(k) and (k == "source_hidden" or cell.cell_type == "code")]
    for k in added:
        jupyter[k] = True
    cell.metadata.setdefault(KEY, {})["hidden"] = added
    cell.source = FOLDED_LINE[cell.cell_type] + "\n" + cell.source


def book_view(nb):
    """Undo :func:`lab_view` before a page is written back to its ``.md`` file."""
    record = nb.metadata.pop(KEY, {})
    if "kernelspec" in record:
        nb.metadata["kernelspec"] = record["kernelspec"]
    if record.get("added_language_info"):
        nb.metadata.pop("language_info", None)
    cells = []
    for cell in nb.cells:
        mine = cell.metadata.pop(KEY, {})
        if "hidden" in mine and cell.source.startswith(FOLDED_LINE[cell.cell_type] + "\n"):
            cell.source = cell.source[len(FOLDED_LINE[cell.cell_type]) + 1:]
        jupyter = cell.metadata.get("jupyter", {})
        for k in mine.get("hidden", []):
            jupyter.pop(k, None)
        if "jupyter" in cell.metadata and not jupyter:
            del cell.metadata["jupyter"]
        if "join" in mine and cells and cells[-1].cell_type == "markdown":
            cells[-1].source = cells[-1].source + mine["join"] + cell.source
        else:
            cells.append(cell)
    nb.cells = cells
    return nb


def book_contents_manager():
    """Jupytext's contents manager that shows pages with :func:`lab_view`."""
    from ipykernel.ipkernel import IPythonKernel
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
    from jupytext.async_contentsmanager import build_async_jupytext_contents_manager_class

    spec = KernelSpecManager().get_kernel_spec("python3")
    kernelspec = {"name": "python3", "display_name": spec.display_name, "language": spec.language}
    language_info = dict(IPythonKernel.language_info)
    base = build_async_jupytext_contents_manager_class(AsyncLargeFileManager)

    class BookContentsManager(base):
        """Pages open with their solutions folded and the kernel's metadata filled in."""

        async def get(self, path, content=True, type=None, format=None, **kwargs):
            model = await super().get(path, content=content, type=type, format=format, **kwargs)
            if content and model.get("type") == "notebook" and str(path).endswith(".md"):
                lab_view(model["content"], kernelspec, language_info)
            return model

        async def save(self, model, path=""):
            if model.get("type") == "notebook" and model.get("content") is not None \
                    and str(path).endswith(".md"):
                import nbformat

                model = {**model, "content": book_view(nbformat.from_dict(model["content"]))}
            return await super().save(model, path)

    return BookContentsManager


def configure_server(c) -> None:
    """Called from the server configuration that :func:`main` writes."""
    c.ServerApp.contents_manager_class = book_contents_manager()


def main(prefix: Path | None = None) -> None:
    """Write the settings overrides and the server configuration under ``prefix``."""
    prefix = Path(prefix or sys.prefix)
    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    current = json.loads(path.read_text()) if path.exists() else {}
    for plugin, settings in OVERRIDES.items():
        current.setdefault(plugin, {}).update(settings)
    path.write_text(json.dumps(current, indent=2) + "\n")
    print(f"JupyterLab opens .md files as notebooks (settings in {path})")
    config = prefix / "etc" / "jupyter" / "jupyter_server_config.py"
    config.parent.mkdir(parents=True, exist_ok=True)
    text = config.read_text() if config.exists() else ""
    text = re.sub(re.escape(BEGIN) + r".*?" + re.escape(END) + r"\n?", "", text, flags=re.S)
    config.write_text(text + ("\n" if text and not text.endswith("\n") else "") + SERVER_CONFIG)
    print(f"pages open with folded solutions (server configuration in {config})")



@contextlib.contextmanager
def serve(scratch: Path, chapters: Path, windowing: str | None = "none", server_config: str = ""):
    """A JupyterLab server on 127.0.0.1 set up as Binder's, on a copy of ``chapters``.

    Everything it writes goes under ``scratch`` (prefix with :func:`main`'s settings, the
    served copy, user settings, workspaces, runtime), so the repository is never rewritten.
    ``windowing`` is JupyterLab's cell windowing mode: ``"none"`` (the default here, for the
    tests: every cell rendered, for a browser to find) or ``None`` for JupyterLab's own default
    (what a Binder reader gets; the bench measures that). ``server_config`` is Python appended
    to the server's configuration (``benchmarks/lab_trace.py`` times messages there).
    Yields ``(url, token, root)``: the server, its token and the served directory.
    Used by the JupyterLab tests (tests/book/test_lab.py) and ``make bench``.
    """
    scratch = Path(scratch)
    dirs = {name: scratch / name for name in ("prefix", "root", "user", "workspaces", "runtime")}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    shutil.copytree(chapters, dirs["root"] / "chapters", dirs_exist_ok=True)
    main(dirs["prefix"])
    if server_config:
        with open(dirs["prefix"] / "etc" / "jupyter" / "jupyter_server_config.py", "a") as f:
            f.write("\n" + server_config)
    settings = dirs["prefix"] / "share" / "jupyter" / "lab" / "settings"
    overrides = json.loads((settings / "overrides.json").read_text())
    if windowing is not None:
        overrides["@jupyterlab/notebook-extension:tracker"] = {"windowingMode": windowing}
        (settings / "overrides.json").write_text(json.dumps(overrides))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    token = secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]), "QDBOOK_STATIC": "0",
           "JUPYTER_CONFIG_PATH": str(dirs["prefix"] / "etc" / "jupyter")}
    proc = subprocess.Popen(
        [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", f"--port={port}",
         "--ip=127.0.0.1", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={dirs['root']}", "--ServerApp.disable_check_xsrf=True",
         "--LabApp.news_url=None", "--allow-root", f"--LabApp.app_settings_dir={settings}",
         f"--LabApp.user_settings_dir={dirs['user']}",
         f"--LabApp.workspaces_dir={dirs['workspaces']}",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 90
        while True:
            try:
                urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.time() > deadline:
                    proc.kill()
                    raise RuntimeError("JupyterLab did not start:\n"
                                       + proc.stdout.read().decode()[-3000:]) from None
                time.sleep(0.5)
        yield url, token, dirs["root"]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.stdout.close()


KERNEL_IDLE = ("() => [...document.querySelectorAll('.jp-StatusBar-TextItem')]"
               ".some(el => /\\|\\s*Idle/.test(el.textContent))")
"""In a JupyterLab page: the status bar says the kernel is idle ("Python 3 ... | Idle")."""


def open_as_notebook(page, url: str, token: str, path: str) -> None:
    """Open ``path`` as a notebook in a Playwright ``page``; wait for its kernel to be idle.

    ``url`` and ``token`` are those of :func:`serve`. A "Run All" sent before the kernel is
    idle is lost on a cold start. ``?reset``: a fresh workspace, not the one an earlier
    visit left open.
    """
    page.goto(f"{url}/lab/tree/{path}?reset&token={token}", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90000)   # a notebook, not text
    page.wait_for_function(KERNEL_IDLE, timeout=120000)


FIGURES = ".jp-OutputArea .qd-kernel"
"""The explorations' browser-drawn figures (``qdbook.explore._view``) in a notebook's outputs."""


def run_explorations(page, source: str, timeout_ms: float = 240000) -> int:
    """Run all cells of the open notebook; wait for every exploration's figure and an idle kernel.

    Also for every table exploration's table (built by the kernel in the background once
    shown, ``qdbook.explore._view``): then every figure names its model. ``source`` is the
    page's text: its ``*_explorer(`` calls are counted, and the count is returned.
    """
    expected = len(re.findall(r"^\w+_explorer\(", source, flags=re.M))
    page.click("text=Run", timeout=30000)                      # the Run menu
    page.click("li[data-command='runmenu:run-all']", timeout=30000)
    page.wait_for_function(f"() => document.querySelectorAll('{FIGURES}[data-qd-drawn]')"
                           f".length >= {expected}", timeout=timeout_ms)
    page.wait_for_function(KERNEL_IDLE, timeout=timeout_ms)
    page.wait_for_function(f"() => !document.querySelector('{FIGURES}:not([data-qd-model])')",
                           timeout=timeout_ms)
    return expected


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", type=Path, default=None,
                        help="environment prefix to write into (default: this Python's)")
    main(parser.parse_args().prefix)
