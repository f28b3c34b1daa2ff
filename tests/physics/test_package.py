"""``import qdbook`` stays light: no sympy, matplotlib or ipywidgets until asked for."""

import subprocess
import sys


def test_import_does_not_pull_heavy_modules():
    code = ("import sys, qdbook, qdbook.confinement, qdbook.pumping, qdbook.auger, "
            "qdbook.statistics, qdbook.gain\n"
            "heavy = [m for m in ('sympy', 'matplotlib', 'ipywidgets') if m in sys.modules]\n"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_lazy_submodules():
    import qdbook

    assert qdbook.equations.REGISTRY
    assert sorted(qdbook.__all__) == qdbook.__all__
