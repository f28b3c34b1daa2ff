"""Binder builds the stack the tests run: the Python pin, checked with repo2docker itself.

repo2docker is asked, offline and without Docker, for the Dockerfile it would
build from a copy of the repository's tracked files (``--no-build --debug``);
the assertions read that Dockerfile the way a BinderHub would run it.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIREMENT_FILES = ["requirements.txt", "requirements-dev.txt"]


def binder_python() -> tuple[int, int]:
    """(major, minor) named by runtime.txt, the file repo2docker reads."""
    text = (ROOT / "runtime.txt").read_text().strip()
    match = re.fullmatch(r"python-(\d+)\.(\d+)", text)
    assert match, f"runtime.txt must read 'python-X.Y', got {text!r}"
    return int(match[1]), int(match[2])


def test_tests_run_on_the_binder_python():
    assert sys.version_info[:2] == binder_python(), (
        f"the tests run on Python {sys.version_info[0]}.{sys.version_info[1]} but runtime.txt "
        f"pins {binder_python()}: change the pin or the venv (README, 'Moving to a newer Python')")


def test_package_admits_the_binder_python():
    text = (ROOT / "pyproject.toml").read_text()
    low = re.search(r'requires-python = ">=(\d+)\.(\d+)"', text)
    assert low, "pyproject.toml must state requires-python"
    assert (int(low[1]), int(low[2])) <= binder_python()


@pytest.mark.parametrize("name", REQUIREMENT_FILES)
def test_requirements_fully_pinned(name):
    loose = []
    for line in (ROOT / name).read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line and line != "-e ." and not re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[\w.+\-]+", line):
            loose.append(line)
    assert not loose, f"{name}: not pinned with ==: {loose}"


def test_no_package_is_pinned_twice():
    seen = {}
    for name in REQUIREMENT_FILES:
        for line in (ROOT / name).read_text().splitlines():
            pkg = line.split("==", 1)[0].strip().lower().replace("_", "-")
            if "==" in line and not line.lstrip().startswith("#"):
                assert pkg not in seen, f"{pkg} is pinned in {seen.get(pkg)} and in {name}"
                seen[pkg] = name


@pytest.fixture(scope="module")
def dockerfile(tmp_path_factory):
    """The Dockerfile repo2docker generates for the repository's tracked files."""
    repo2docker = Path(sys.executable).parent / "repo2docker"
    assert repo2docker.exists(), "repo2docker missing: requirements-dev.txt installs it"
    copy = tmp_path_factory.mktemp("binder") / "book"
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True,
                           check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    result = subprocess.run([str(repo2docker), "--no-build", "--no-run", "--debug", str(copy)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout + result.stderr


def test_binder_uses_the_pinned_python(dockerfile):
    major, minor = binder_python()
    assert f"Building conda environment for python={major}.{minor}" in dockerfile
    assert "Python version unspecified" not in dockerfile


def test_one_environment_for_server_and_kernel(dockerfile):
    # The notebook server and the kernel run in the same environment, so what
    # requirements.txt installs (the package, jupytext, widgets) is where both see it.
    assert "ENV KERNEL_PYTHON_PREFIX=${NB_PYTHON_PREFIX}" in dockerfile


def test_requirements_and_package_installed(dockerfile):
    assert 'RUN ${KERNEL_PYTHON_PREFIX}/bin/pip install --no-cache-dir -r "requirements.txt"' \
        in dockerfile
    assert "requirements-dev.txt" not in dockerfile  # test tools stay out of the image
    lines = (ROOT / "requirements.txt").read_text().splitlines()
    assert "-e ." in lines, "requirements.txt must install the package itself"


def test_postbuild_runs_the_lab_setup(dockerfile):
    assert "RUN ./postBuild" in dockerfile
    assert "tools/setup_lab.py" in (ROOT / "postBuild").read_text()


def test_lab_environment_opens_and_renders_myst():
    # jupytext opens a .md page as a notebook (setup_lab.py makes it the default
    # viewer); jupyterlab-myst renders its admonitions, exercises and references.
    pinned = {line.split("==")[0].lower() for line in
              (ROOT / "requirements.txt").read_text().splitlines() if "==" in line}
    assert {"jupyterlab", "jupytext", "jupyterlab-myst", "ipywidgets"} <= pinned
