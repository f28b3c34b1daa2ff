"""Mutation testing of the physics modules with mutmut (``make mutate``; not part of ``make test``).

For each physics module M (``qdbook.PHYSICS_MODULES``, or the names given on the command line)
the script copies the repository into a scratch folder, writes a ``setup.cfg`` that lets
mutmut mutate only ``qdbook/M.py``, and runs only the tests that can see M:

* ``tests/physics/test_M.py`` and ``tests/physics/test_M_*.py`` (the module's own tests) and
  ``tests/physics/test_bad_input.py``;
* ``tests/physics/test_registry.py`` (every relation's symbolic form against its function);
* the review-number files ``tests/review/test_sec<N>.py`` that import M.

The registry's sample generators (``def _draw_*``: the random inputs on which a relation's two
faces are compared) are not scored: they choose test inputs, not physics, and any draw inside
the relation's domain keeps the comparison valid. mutmut itself narrows further: it records
which tests execute which function and runs, for each mutant, only those. Each module gets a
time budget (``--budget``, default 900 s); a module that runs out is reported as incomplete
with the mutants it reached. The score per module is killed / (mutants reached − those listed
as equivalent); timeouts count as killed, "no tests" and survivors as not killed. Every
survivor must either be killed by a test or appear, with its reason, in
``tools/mutation/equivalent.txt``; the script prints the others and exits non-zero when a
module is below ``--target`` (default 90 %).

Usage: ``python tools/mutate.py [MODULE ...] [--budget SECONDS] [--workers N] [--keep]``.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EQUIVALENT = ROOT / "tools" / "mutation" / "equivalent.txt"
COPY = ("qdbook", "tests", "tools", "chapters", "pyproject.toml", "_toc.yml", "_config.yml",
        "references.bib", "references")
MUTMUT = [sys.executable, "-m", "mutmut"]
INTROSPECTION_TESTS = ("test_every_public_function_is_covered", "test_no_silent_nan_on_valid_input",
                       "test_every_module_is_listed_as_physics_or_not")
"""Tests that list a module's public functions: mutmut's trampolines add public-looking names
(``x_<function>__mutmut_<n>``), so these fail on every mutant alike and kill nothing honestly."""


def physics_modules() -> list[str]:
    """The package's physics modules, as qdbook declares them."""
    sys.path.insert(0, str(ROOT))
    import qdbook

    return list(qdbook.PHYSICS_MODULES)


def tests_for(module: str) -> list[str]:
    """The test files that exercise ``module``: its own, bad input, registry, review files.

    Its own are ``tests/physics/test_M.py`` and ``test_M_*.py``.
    """
    tests = [f"tests/physics/test_{module}.py"]
    tests += sorted(p.relative_to(ROOT).as_posix()
                    for p in (ROOT / "tests" / "physics").glob(f"test_{module}_*.py"))
    tests += ["tests/physics/test_bad_input.py", "tests/physics/test_registry.py"]
    pattern = re.compile(rf"^from qdbook import .*\b{module}\b|^from qdbook\.{module} import|"
                         rf"^from qdbook import {module} as", re.M)
    for path in sorted((ROOT / "tests" / "review").glob("test_sec*.py")):
        if pattern.search(path.read_text()):
            tests.append(path.relative_to(ROOT).as_posix())
    return [t for t in tests if (ROOT / t).exists()]


def equivalents() -> dict[str, str]:
    """Mutants listed as equivalent: ``name  reason`` per line (``#`` starts a comment)."""
    out = {}
    if EQUIVALENT.exists():
        for line in EQUIVALENT.read_text().splitlines():
            line = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
            if line:
                name, _, reason = line.partition(" ")
                out[name] = reason.strip()
    return out


def _scratch(module: str, base: Path) -> Path:
    work = base / module
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_build", ".ipynb_checkpoints")
    for name in COPY:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, work / name)
    tests = "\n    ".join(tests_for(module))
    deselect = "-k\n    " + " and ".join(f"not {t}" for t in INTROSPECTION_TESTS)
    data = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "qdbook").rglob("*")
                  if p.is_file() and p.suffix not in (".py", ".pyc")
                  and "__pycache__" not in p.parts)
    also = "\n    ".join([n for n in COPY if n not in ("qdbook", "tests")] + data)
    (work / "setup.cfg").write_text(f"""[mutmut]
source_paths = qdbook
only_mutate = qdbook/{module}.py
pytest_add_cli_args =
    -p
    no:cacheprovider
    -o
    addopts=
    -o
    pythonpath=. tests
    {deselect}
pytest_add_cli_args_test_selection =
    {tests}
also_copy =
    {also}
""")
    return work


def _results(work: Path) -> dict[str, str]:
    out = subprocess.run([*MUTMUT, "results", "--all", "true"], cwd=work, capture_output=True,
                         text=True)
    status = {}
    for line in out.stdout.splitlines():
        name, sep, state = line.strip().rpartition(": ")
        if sep and name:
            status[name] = state.strip()
    return status


def run_module(module: str, base: Path, budget: float, workers: int,
               only: list[str] | None = None) -> dict:
    """Run mutmut on one module; return its counts, survivors and whether it finished.

    With ``only`` (mutmut's names, ``*`` wildcards), only those mutants of the module run.
    """
    work = _scratch(module, base)
    # mutmut runs inside mutants/ and drops the working folder from sys.path; the
    # ``-o pythonpath=.`` above puts the mutated copy back first, ahead of the editable
    # install of qdbook that the shared venv would otherwise import.
    env = {**os.environ, "QDBOOK_STATIC": "1", "MPLBACKEND": "Agg"}
    start = time.perf_counter()
    try:
        names = [n for n in only or [] if n.startswith(f"qdbook.{module}.")]
        proc = subprocess.run([*MUTMUT, "run", "--max-children", str(workers), *names],
                              cwd=work, env=env,
                              capture_output=True, text=True, timeout=budget)
        finished, log = proc.returncode == 0, proc.stdout + proc.stderr
    except subprocess.TimeoutExpired as exc:
        finished = False
        log = (exc.stdout or b"").decode(errors="replace") if isinstance(exc.stdout, bytes) \
            else (exc.stdout or "")
    seconds = time.perf_counter() - start
    status = {k: v for k, v in _results(work).items() if f".{module}." in f".{k}"}
    # the registry's samplers (def _draw_*) choose test inputs; they are not scored (see above)
    samplers = [k for k in status if ".x__draw_" in k]
    status = {k: v for k, v in status.items() if k not in samplers}
    known = equivalents()
    counts: dict[str, int] = {}
    for state in status.values():
        counts[state] = counts.get(state, 0) + 1
    reached = {k: v for k, v in status.items() if v != "not checked"}
    killed = sum(v in ("killed", "timeout", "segfault", "caught by type check")
                 for v in reached.values())
    equivalent = [k for k, v in reached.items() if k in known and v in ("survived", "no tests")]
    survivors = [k for k, v in reached.items()
                 if v in ("survived", "no tests", "suspicious") and k not in known]
    scored = len(reached) - len(equivalent)
    score = 100.0 * killed / scored if scored else float("nan")
    return dict(module=module, seconds=seconds, finished=finished, total=len(status),
                reached=len(reached), killed=killed, equivalent=equivalent, survivors=survivors,
                score=score, counts=counts, work=work, log=log[-3000:])


def main(argv=None) -> int:
    """Run every requested module; print the table and the survivors; 1 if any falls short."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("modules", nargs="*", help="physics modules (default: all)")
    parser.add_argument("--budget", type=float, default=900.0, help="seconds per module")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--target", type=float, default=90.0, help="percent killed per module")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folders")
    parser.add_argument("--show", action="store_true", help="print the diff of each survivor")
    parser.add_argument("--only", nargs="+", metavar="NAME",
                        help="run only these mutants (mutmut's names, * wildcards), e.g. the "
                             "survivors of an earlier run; 'reached' then counts only them")
    args = parser.parse_args(argv)
    modules = args.modules or physics_modules()
    unknown = sorted(set(modules) - set(physics_modules()))
    if unknown:
        parser.error(f"modules must be physics modules of qdbook, got {unknown}")
    base = Path(tempfile.mkdtemp(prefix="qdbook-mutate-"))
    failed = False
    print(f"{'module':18s} {'mutants':>7s} {'reached':>7s} {'killed':>6s} {'equiv':>5s} "
          f"{'score':>6s} {'time':>6s}")
    try:
        for module in modules:
            r = run_module(module, base, args.budget, args.workers, args.only)
            flag = "" if r["finished"] else "  (budget reached: incomplete)"
            print(f"{module:18s} {r['total']:7d} {r['reached']:7d} {r['killed']:6d} "
                  f"{len(r['equivalent']):5d} {r['score']:5.1f}% {r['seconds']:5.0f}s{flag}",
                  flush=True)
            if r["reached"] == 0:
                print(r["log"])
            for name in r["survivors"]:
                print(f"    survivor: {name}")
                if args.show:
                    diff = subprocess.run([*MUTMUT, "show", name], cwd=r["work"],
                                          capture_output=True, text=True).stdout
                    print("      " + diff.replace("\n", "\n      "))
            if not r["score"] >= args.target or r["survivors"]:
                failed = True
    finally:
        if not args.keep:
            shutil.rmtree(base, ignore_errors=True)
        else:
            print(f"scratch folders kept in {base}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
