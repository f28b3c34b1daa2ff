"""Pages executed in kernels forked from a warm process (tools/forkkernel.py) come out as from
fresh kernels, and no page sees what an earlier one did.

``tools/preexecute.py`` forks each page's kernel from a process that has imported the book's
stack, instead of starting a new Python. These tests execute pages both ways and compare.
"""

import re

import preexecute
import pytest
from helpers import ROOT

pytestmark = pytest.mark.usefixtures("static_book")

ADDRESS = re.compile(r"0x[0-9a-f]+")
"""Object addresses in reprs: the only text allowed to differ between two executions."""


@pytest.fixture
def static_book(monkeypatch):
    monkeypatch.setenv("QDBOOK_STATIC", "1")   # as the build executes the pages


def _outputs(notebook):
    """Every output of every code cell: its type, and each MIME bundle or text stream."""
    out = []
    for cell in notebook.cells:
        for o in cell.get("outputs", []):
            data = {k: ADDRESS.sub("0x", v) if isinstance(v, str) else v
                    for k, v in o.get("data", {}).items()}
            out.append((o.output_type, o.get("name"), ADDRESS.sub("0x", o.get("text", "")), data))
    return out


def _run(paths, warm, workers=1):
    results = list(preexecute.execute(paths, workers=workers, warm=warm))
    for path, _, error, _ in results:
        assert error is None, f"{path} failed:\n{error}"
    return [notebook for _, notebook, _, _ in results]


def test_a_page_gives_the_same_outputs_in_a_forked_kernel_as_in_a_fresh_one():
    # the outlook page has a Matplotlib figure, SymPy, tables and a static exploration
    page = ROOT / "chapters" / "07-outlook" / "index.md"
    (fresh,), (forked,) = _run([page], warm=False), _run([page], warm=True)
    fresh_out, forked_out = _outputs(fresh), _outputs(forked)
    assert any("image/png" in data for *_, data in fresh_out)    # a figure is compared
    assert len(forked_out) == len(fresh_out)
    for i, (a, b) in enumerate(zip(fresh_out, forked_out, strict=True)):
        assert a == b, f"output {i} differs"


PAGE = """---
jupytext:
  text_representation:
    extension: .md
    format_name: myst
kernelspec:
  display_name: Python 3
  language: python
  name: python3
---

# Page {n}

```{{code-cell}} ipython3
{code}
```
"""


def test_each_page_gets_a_kernel_of_its_own(tmp_path):
    first = tmp_path / "first.md"
    second = tmp_path / "second.md"
    first.write_text(PAGE.format(n=1, code="import os, qdbook\nqdbook.LEFT_BEHIND = 1\n"
                                            "x = 1\nprint(os.getpid(), os.getcwd())"))
    second.write_text(PAGE.format(n=2, code=(
        "import os, qdbook\nimport matplotlib.pyplot as plt\n"
        "print(os.getpid(), hasattr(qdbook, 'LEFT_BEHIND'), 'x' in globals())\n"
        "print(plt.get_backend())\nplt.plot([0, 1])\nplt.show()")))
    one, two = (_code_cell(nb) for nb in _run([first, second], warm=True))   # one zygote
    pid_one, cwd = one.outputs[0].text.split()
    pid_two, leaked, x_seen, backend = two.outputs[0].text.split()
    assert pid_one != pid_two
    assert cwd == str(tmp_path)                       # the kernel runs in the page's folder
    assert (leaked, x_seen) == ("False", "False")     # no module or namespace state carried over
    assert backend == "module://matplotlib_inline.backend_inline"
    assert "image/png" in two.outputs[-1].data        # the figure reaches the page


def _code_cell(notebook):
    (cell,) = (c for c in notebook.cells if c.cell_type == "code")
    return cell
