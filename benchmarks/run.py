"""Speed figures of the book (`make bench`). Reported, not asserted: machines are noisy.

Measures, with medians over repeats:

* ``import qdbook`` in a fresh interpreter;
* each exploration's update in a kernel: the model alone, and a control's change (the model
  plus the numbers for the browser's view, ``qdbook.explore._view``; no image is drawn);
* each exploration on a static page in headless Chromium (``bench_browser``): from a
  control's input event to the redrawn figure (performance marks ``qd-input`` →
  ``qd-drawn``), every control, and the first figure's time against the load event;
* a clean build of the whole book (empty execution cache) and a cached,
  no-change rebuild.

Results are printed and written to ``benchmarks/results/latest.json``.
Targets (2-core machine): clean build <= 60 s, cached rebuild <= 5 s,
model update <= 1 ms, control change in a kernel <= 50 ms, import <= 0.5 s; in the browser,
input → redrawn figure median <= 16.7 ms, worst exploration <= 50 ms, first figure
<= 0.5 s after the load event.
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def median_time(func, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_import(repeats: int = 7) -> float:
    code = "import time; t = time.perf_counter(); import qdbook.pumping, qdbook.confinement; " \
           "print(time.perf_counter() - t)"
    return statistics.median(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout) for _ in range(repeats))


def _bench_one(exp, repeats: int) -> dict:
    """Median time of the model alone and of a control's change (model + the view's numbers)
    over the main control's range."""
    from qdbook.explore._core import _grid

    control = exp.controls[exp.main]
    values = itertools.cycle(_grid(control, repeats))   # the grid the static frames use
    model_s = median_time(lambda: exp.compute(**{exp.main: next(values)}), repeats)

    def set_value():
        control.value = next(values)

    change_s = median_time(set_value, repeats)
    return {"model_ms": 1e3 * model_s, "control_change_ms": 1e3 * change_s}


def bench_explorations(repeats: int = 21) -> dict:
    """Every ``*_explorer`` of every chapter module of ``qdbook.explore``."""
    import importlib
    import pkgutil

    import qdbook.explore

    out = {}
    for info in sorted(pkgutil.iter_modules(qdbook.explore.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"qdbook.explore.{info.name}")
        for name in sorted(n for n in vars(module) if n.endswith("_explorer")):
            builder = getattr(module, name)
            out[f"{info.name}.{name}"] = _bench_one(builder(static=False), repeats)
    return out


_MEASURE = """async ([id, n]) => {
    const st = document.getElementById(id).qdState, out = [];
    for (const c of st.spec.controls) {
        const el = document.getElementById(id + '-' + c.name);
        for (let k = 0; k < n; k++) {
            if (c.kind === 'select') el.selectedIndex = (el.selectedIndex + 1) % c.options.length;
            else {
                const lo = Number(el.min), hi = Number(el.max), step = Number(el.step);
                const next = Number(el.value) + step;
                el.value = String(next > hi + 1e-12 ? lo : next);
            }
            performance.clearMarks();
            el.dispatchEvent(new Event('input'));
            const input = performance.getEntriesByName('qd-input')[0];
            const drawn = performance.getEntriesByName('qd-drawn').pop();
            out.push(drawn.startTime - input.startTime);
            await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
        }
    }
    return {times: out, first: st.firstDrawn,
            load: performance.getEntriesByType('navigation')[0].loadEventEnd};
}"""


def bench_browser(per_control: int = 15) -> dict:
    """Static page in headless Chromium: input event → redrawn figure, per exploration."""
    sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "tests"), str(ROOT / "tests" / "explore")]
    from playwright.sync_api import sync_playwright
    from test_browser_models import BROWSER_EXPLORERS, _page_html
    from variants import CHROMIUM_ARGS

    out = {}
    with tempfile.TemporaryDirectory(prefix="qdbook-bench-") as scratch, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        for builder in BROWSER_EXPLORERS:
            exp = builder(static=True)
            block, facts = exp.browser_html()
            html = Path(scratch) / "page.html"
            html.write_text(_page_html(block), encoding="utf-8")
            page.goto(html.as_uri(), wait_until="load")
            r = page.evaluate(_MEASURE, [facts["id"], per_control])
            out[builder.__name__] = {
                "mode": facts["mode"], "data_kb": facts["data_bytes"] / 1e3,
                "median_ms": statistics.median(r["times"]), "max_ms": max(r["times"]),
                "first_after_load_ms": r["first"] - r["load"]}
        browser.close()
    return out


def bench_build() -> dict:
    """A clean build (empty execution cache) and cached no-change rebuilds, in a scratch folder."""
    env = {**os.environ, "QDBOOK_STATIC": "1"}
    with tempfile.TemporaryDirectory(prefix="qdbook-bench-") as scratch:
        cmd = [sys.executable, str(ROOT / "tools" / "build_book.py"), "build", str(ROOT),
               "-n", "-W", "--keep-going", "--path-output", scratch]

        preexecute = [sys.executable, str(ROOT / "tools" / "preexecute.py"),
                      str(Path(scratch) / "_build" / ".jupyter_cache")]

        def build() -> float:
            start = time.perf_counter()   # as `make book`: parallel execution, then the build
            subprocess.run(preexecute, cwd=ROOT, env=env, check=True, capture_output=True)
            result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
            if result.returncode != 0:
                raise SystemExit("the book did not build:\n" + result.stdout[-3000:])
            return time.perf_counter() - start

        clean = build()
        rebuilds = [build() for _ in range(3)]
    return {"clean_build_s": clean, "cached_rebuild_s": statistics.median(rebuilds)}


def main() -> None:
    results = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    results["import_s"] = bench_import()
    results["explorations"] = bench_explorations()
    results["browser"] = bench_browser()
    if os.environ.get("QDBOOK_BENCH_BUILD", "1") == "1":
        results.update(bench_build())
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2))
    print(f"import qdbook (physics modules): {results['import_s'] * 1e3:7.1f} ms  (target 500)")
    for name, r in results["explorations"].items():
        print(f"{name:>42}: model {r['model_ms']:6.2f} ms (target 1), "
              f"control change {r['control_change_ms']:6.1f} ms (target 50)")
    for name, r in results["browser"].items():
        print(f"{name:>42}: browser ({r['mode']}, {r['data_kb']:6.1f} kB) input → figure "
              f"median {r['median_ms']:5.2f} ms, worst {r['max_ms']:5.2f} ms; first figure "
              f"{r['first_after_load_ms']:+7.1f} ms from the load event")
    medians = [r["median_ms"] for r in results["browser"].values()]
    if medians:
        print(f"browser: median of the medians {statistics.median(medians):.2f} ms (target 16.7), "
              f"worst median {max(medians):.2f} ms (target 50)")
    if "clean_build_s" in results:
        print(f"clean build of the book:         {results['clean_build_s']:7.1f} s   (target 60)")
        print(f"cached no-change rebuild:        {results['cached_rebuild_s']:7.1f} s   (target 5)")


if __name__ == "__main__":
    main()
