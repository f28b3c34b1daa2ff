"""JupyterLab, end to end: from a slider's key press to the updated figure (`make bench`).

Each chapter page with an exploration is opened the way Binder opens it (JupyterLab set
up by ``tools/setup_lab.py``, the page as a notebook, in headless Chromium) and run. Then,
for every exploration on it, each of its sliders is moved ``moves`` steps from the
keyboard, one at a time: the time from the ``keydown`` event to the redrawn figure (the
kernel ran the model and sent its numbers; the browser drew them, ``qdbook.explore._view``)
is taken in the page with ``performance.now()``. Reported, not asserted (issue 12's target: median
<= 50 ms for every exploration); the machine's load is part of every figure.

Results are printed and written to ``benchmarks/results/lab.json``.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import setup_lab  # noqa: E402 - tools/ is not a package

WATCH = """k => {
  const fig = document.querySelectorAll(""" + json.dumps(setup_lab.FIGURES) + """)[k];
  window.__qd = {t0: 0, times: [], draws: []};
  document.addEventListener('keydown', () => { window.__qd.t0 = performance.now(); }, true);
  new MutationObserver(() => {
    if (window.__qd.t0) { window.__qd.times.push(performance.now() - window.__qd.t0);
                          window.__qd.draws.push(fig.qdDrawMs); window.__qd.t0 = 0; }
  }).observe(fig, {attributes: true, attributeFilter: ['data-qd-drawn']});
}"""


def pages_with_explorations() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "chapters").rglob("*.md")
                  if "_explorer(" in p.read_text())


def bench_page(page, url: str, token: str, path: str, moves: int) -> dict:
    """Per exploration of the page (by its order there): the times of its slider moves, key
    press to redrawn figure, and the browser's drawing share of each [ms]."""
    setup_lab.open_as_notebook(page, url, token, path)
    setup_lab.run_explorations(page, (ROOT / path).read_text(), timeout_ms=600000)
    figures = page.locator(setup_lab.FIGURES)
    out = {}
    for k in range(figures.count()):
        box = figures.nth(k).locator("xpath=ancestor::div[contains(@class,'widget-vbox')][1]")
        handles = box.locator(".noUi-handle")
        page.evaluate(WATCH, k)
        for h in range(handles.count()):
            handle = handles.nth(h)
            handle.scroll_into_view_if_needed()
            handle.focus()
            at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
            key = "ArrowLeft" if at_max else "ArrowRight"
            for _ in range(moves):
                seen = page.evaluate("() => window.__qd.times.length")
                page.keyboard.press(key)
                try:
                    page.wait_for_function(f"() => window.__qd.times.length > {seen}",
                                           timeout=20000)
                except Exception:   # the slider reached an end: go back the other way
                    key = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"
                    page.evaluate("() => { window.__qd.t0 = 0; }")
        out[f"{path}#{k}"] = page.evaluate("() => [window.__qd.times, window.__qd.draws]")
    return out


def main(moves: int = 6) -> dict:
    from playwright.sync_api import sync_playwright

    times, draws = {}, {}
    with tempfile.TemporaryDirectory(prefix="qdbook-lab-bench-") as scratch, \
            setup_lab.serve(Path(scratch), ROOT / "chapters") as (url, token, _), \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
        for path in pages_with_explorations():
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                for key, (t, d) in bench_page(page, url, token, path, moves).items():
                    times[key], draws[key] = t, d
            finally:
                page.close()
            print(path, {k.split("#")[1]: round(statistics.median(v), 1) if v else None
                         for k, v in times.items() if k.startswith(path)}, flush=True)
        browser.close()
    medians = {k: statistics.median(v) for k, v in times.items() if v}
    result = {"moves_per_slider": moves, "median_ms": medians,
              "explorations": len(times), "measured": len(medians),
              "meeting_50_ms": sum(m <= 50 for m in medians.values()),
              "overall_median_ms": statistics.median(medians.values()) if medians else None,
              "worst_ms": max(medians.values()) if medians else None,
              "draw_median_ms": {k: statistics.median(v) for k, v in draws.items() if v}}
    out = ROOT / "benchmarks" / "results" / "lab.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"JupyterLab, key press → updated figure: {result['measured']} explorations measured; "
          f"{result['meeting_50_ms']} with a median <= 50 ms; overall median "
          f"{result['overall_median_ms']:.1f} ms, worst {result['worst_ms']:.1f} ms; of which "
          f"drawing in the browser: median "
          f"{statistics.median(result['draw_median_ms'].values()):.1f} ms")
    return result


if __name__ == "__main__":
    main()
