"""JupyterLab, end to end: from a slider's key press to the updated figure (`make bench`).

Each chapter page with an exploration is opened the way Binder opens it (JupyterLab set
up by ``tools/setup_lab.py`` with its default cell windowing, the page as a notebook, in
headless Chromium) and run. Then,
for every exploration on it, each of its sliders is moved ``moves`` steps from the
keyboard, one at a time: the time from the ``keydown`` event to the redrawn figure (the
kernel ran the model and sent its numbers; the browser drew them, ``qdbook.explore._view``)
is taken in the page with ``performance.now()``. Reported, not asserted (issue 12's target: median
<= 50 ms for every exploration); the machine's load is part of every figure.

A formula exploration is computed in the page from the controls' models
(``qdbook.explore._view``), so its figure is redrawn before the slider's message leaves;
so is a table exploration's, once its table has arrived, for a setting on the table's grid
(the pages are measured after every table arrived). The other moves wait for the kernel's
numbers; once the table has arrived they are drawn from its nearest grid point first
(source ``nearest``) and the time to the kernel's numbers is reported as well. Each move's
source (formula, table, nearest, kernel) is recorded; each kernel move is also
split where the page can see it, by watching the notebook's WebSocket
(wrapped before JupyterLab opens it): key press → the slider's update sent; sent → the last
message received before the redraw (the server, the kernel running the model, the way back, and
any wait for the page's main thread); that message → the figure redrawn (``drawn``, of which
the canvas drawing itself is ``draw``).

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

SOCKET = """(() => {
  window.__qdws = {sent: 0, recv: 0};
  const WS = window.WebSocket;
  window.WebSocket = class extends WS {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', () => { window.__qdws.recv = performance.now(); });
    }
    send(data) { if (!window.__qdws.sent) window.__qdws.sent = performance.now();
                 return super.send(data); }
  };
})()"""
"""Before JupyterLab loads: when the first message after a key press leaves, and when the
latest message arrived (the page's own code, not JupyterLab's, keeps these two times)."""

WATCH = """k => {
  const fig = document.querySelectorAll(""" + json.dumps(setup_lab.FIGURES) + """)[k];
  window.__qd = {t0: 0, t1: 0, done: 0, times: [], draws: [], parts: [], sources: [],
                 exact: []};
  document.addEventListener('keydown', () => {
    window.__qd.t0 = performance.now(); window.__qdws.sent = 0; }, true);
  new MutationObserver(() => {
    const q = window.__qd, ws = window.__qdws, t = performance.now(), src = fig.dataset.qdSource;
    const kernel = () => q.parts.push([ws.sent - q.t1, ws.recv - ws.sent, t - ws.recv]);
    if (q.t0) { q.times.push(t - q.t0); q.draws.push(fig.qdDrawMs); q.sources.push(src);
                q.t1 = q.t0; q.t0 = 0;
                // drawn in the page (formula, table) before any message leaves: no parts;
                // the table's nearest point is drawn first, the kernel's numbers follow
                if (src === "kernel") kernel();
                if (src !== "nearest") { q.t1 = 0; q.done++; } }
    else if (q.t1 && src === "kernel") { q.exact.push(t - q.t1); kernel(); q.t1 = 0; q.done++; }
  }).observe(fig, {attributes: true, attributeFilter: ['data-qd-drawn']});
}"""
"""Watch exploration k's figure: per key press, the time to its first redraw, the browser's
drawing share, the source; a move between a table's grid points is drawn from the nearest
grid point first, and the time to the kernel's numbers is kept too (``exact``). A move is
done when its final numbers are drawn."""


PARTS = ("key_to_sent", "sent_to_received", "received_to_drawn")
"""The parts of a move that the page sees (see the module's docstring)."""


def pages_with_explorations() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "chapters").rglob("*.md")
                  if "_explorer(" in p.read_text())


def bench_page(page, url: str, token: str, path: str, moves: int) -> dict:
    """Per exploration of the page (by its order there): the times of its slider moves, key
    press to redrawn figure, the browser's drawing share of each [ms], where each move's
    numbers came from, each kernel move's three parts (see the module's docstring) [ms], and
    for moves first drawn from the table's nearest grid point, key press to the kernel's
    numbers [ms]."""
    page.add_init_script(SOCKET)
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
                seen = page.evaluate("() => window.__qd.done")
                page.keyboard.press(key)
                try:
                    page.wait_for_function(f"() => window.__qd.done > {seen}", timeout=20000)
                except Exception:   # the slider reached an end: go back the other way
                    key = "ArrowLeft" if key == "ArrowRight" else "ArrowRight"
                    page.evaluate("() => { window.__qd.t0 = 0; window.__qd.t1 = 0; }")
        out[f"{path}#{k}"] = page.evaluate(
            "() => [window.__qd.times, window.__qd.draws, window.__qd.parts, "
            "window.__qd.sources, window.__qd.exact]")
    return out


def main(moves: int = 6) -> dict:
    from playwright.sync_api import sync_playwright

    times, draws, parts, sources, exact = {}, {}, {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="qdbook-lab-bench-") as scratch, \
            setup_lab.serve(Path(scratch), ROOT / "chapters", windowing=None) as (url, token, _), \
            sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
        for path in pages_with_explorations():
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            try:
                for key, row in bench_page(page, url, token, path, moves).items():
                    times[key], draws[key], parts[key], sources[key], exact[key] = row
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
              "draw_median_ms": {k: statistics.median(v) for k, v in draws.items() if v},
              "parts_median_ms": {k: dict(zip(PARTS, map(statistics.median, zip(*v, strict=True)),
                                              strict=True))
                                  for k, v in parts.items() if v}}
    # the moves by where their numbers came from, over all explorations
    by_source = {}
    for key, t in times.items():
        for ms, src in zip(t, sources[key], strict=True):
            by_source.setdefault(src, []).append(ms)
    result["moves_by_source"] = {src: {"moves": len(v), "median_ms": statistics.median(v),
                                       "within_50_ms": sum(ms <= 50 for ms in v)}
                                 for src, v in sorted(by_source.items())}
    result["sources"] = {k: sorted(set(v)) for k, v in sources.items()}
    # moves between grid points: key press to the kernel's numbers, after the preview
    after = [ms for v in exact.values() for ms in v]
    result["exact_after_preview"] = {"moves": len(after),
                                     "median_ms": statistics.median(after) if after else None,
                                     "within_50_ms": sum(ms <= 50 for ms in after)}
    out = ROOT / "benchmarks" / "results" / "lab.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    formula = [k for k in medians if result["sources"][k] == ["formula"]]
    for group, keys in (("formula explorations", formula),
                        ("table explorations", [k for k in medians if k not in formula])):
        if keys:
            print(f"  {group}: {len(keys)} explorations, {sum(medians[k] <= 50 for k in keys)} "
                  f"with a median <= 50 ms; medians {min(medians[k] for k in keys):.1f}–"
                  f"{max(medians[k] for k in keys):.1f} ms")
    for src, s in result["moves_by_source"].items():
        print(f"  moves drawn from the {src}: {s['moves']}, median {s['median_ms']:.1f} ms, "
              f"{s['within_50_ms']} within 50 ms")
    e = result["exact_after_preview"]
    if e["moves"]:
        print(f"  the same moves' exact numbers from the kernel: median {e['median_ms']:.1f} ms, "
              f"{e['within_50_ms']} of {e['moves']} within 50 ms")
    print(f"JupyterLab, key press → updated figure: {result['measured']} explorations measured; "
          f"{result['meeting_50_ms']} with a median <= 50 ms; overall median "
          f"{result['overall_median_ms']:.1f} ms, worst {result['worst_ms']:.1f} ms; of which "
          f"drawing in the browser: median "
          f"{statistics.median(result['draw_median_ms'].values()):.1f} ms")
    for name in PARTS:
        print(f"  {name}: median over explorations "
              f"{statistics.median(p[name] for p in result['parts_median_ms'].values()):.1f} ms")
    return result


if __name__ == "__main__":
    main()
