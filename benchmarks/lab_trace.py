"""Where a slider move's time goes in JupyterLab: one page, every hop timed (a diagnostic).

``benchmarks/lab.py`` times key press → redrawn figure. This script follows the same moves
through every process they cross, on one clock (the machine's wall clock; the browser's
``performance.timeOrigin + performance.now()`` is on it too):

* the browser: the key press, the slider's message leaving on the notebook's WebSocket, the
  kernel's numbers arriving, the figure redrawn (``data-qd-drawn``);
* the Jupyter server: each kernel message as it is forwarded to the WebSocket (a few lines of
  Python appended to the server's configuration);
* the kernel: the message's handler starting, and the numbers leaving on IOPub (a cell
  added at the top of a copy of the page, wrapping ipykernel's handler and IOPub thread);
* the browser's main thread, from a Chromium performance trace: how much of the 60 ms
  after each key press it spends rendering (style, layout, paint, compositing) and running
  scripts.

Usage: ``python benchmarks/lab_trace.py [PAGE] [--moves N]`` (default: the electrical
thresholds page, 12 moves of its first slider). Prints the median of each part; not part of
``make bench`` (it changes the page it opens, so its times are not the reader's).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import setup_lab  # noqa: E402 - tools/ is not a package

SERVER = r'''
import json as _json, time as _time
from jupyter_server.services.kernels.connection import channels as _channels
_qd_log = open({log!r}, "a")
_qd_forward = _channels.ZMQChannelsWebsocketConnection.handle_outgoing_message
def _qd_handle_outgoing(self, stream, msg_list):
    _qd_forward(self, stream, msg_list)
    if any(b'"result"' in bytes(part) for part in msg_list[-2:]):
        _qd_log.write(_json.dumps(["server_out", _time.time() * 1e3]) + "\n"); _qd_log.flush()
_channels.ZMQChannelsWebsocketConnection.handle_outgoing_message = _qd_handle_outgoing
'''
"""The server's part: when a message carrying the figure's numbers was written out."""

KERNEL = '''```{{code-cell}} ipython3
import json as _json, time as _time
_qd_log, _qd_kernel = open({log!r}, "a"), get_ipython().kernel
def _qd_w(name):
    _qd_log.write(_json.dumps([name, _time.time() * 1e3]) + "\\n"); _qd_log.flush()
_qd_comm = _qd_kernel.shell_handlers["comm_msg"]
def _qd_comm_msg(*args, **kwargs):
    _qd_w("kernel_in")
    return _qd_comm(*args, **kwargs)
_qd_kernel.shell_handlers["comm_msg"] = _qd_comm_msg
_qd_io = _qd_kernel.iopub_socket.io_thread
_qd_send = _qd_io._really_send
def _qd_really_send(msg, *args, **kwargs):
    if any(b'"result"' in part for part in msg[-2:] if isinstance(part, bytes)):
        _qd_w("kernel_out")
    return _qd_send(msg, *args, **kwargs)
_qd_io._really_send = _qd_really_send
```

'''
"""The kernel's part, a cell put first on the page's copy."""

BROWSER = """(() => {
  const now = () => performance.timeOrigin + performance.now(), dec = new TextDecoder();
  window.__qdt = [];
  const WS = window.WebSocket;
  window.WebSocket = class extends WS {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => {
        const text = typeof e.data === 'string' ? e.data : dec.decode(e.data);
        if (text.includes('"result"')) window.__qdt.push(['received', now()]);
      });
    }
    send(data) { window.__qdt.push(['sent', now()]); return super.send(data); }
  };
  document.addEventListener('keydown', () => window.__qdt.push(['key', now()]), true);
})()"""
"""The browser's part, installed before JupyterLab loads."""

DRAWN = """k => {
  const fig = document.querySelectorAll(""" + json.dumps(setup_lab.FIGURES) + """)[k];
  new MutationObserver(() => window.__qdt.push(['drawn', performance.timeOrigin +
      performance.now()])).observe(fig, {attributes: true, attributeFilter: ['data-qd-drawn']});
}"""

HOPS = [("key", "sent"), ("sent", "kernel_in"), ("kernel_in", "kernel_out"),
        ("kernel_out", "server_out"), ("server_out", "received"), ("received", "drawn")]
"""Consecutive events of one move: browser → kernel → browser."""

RENDERING = {"UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit", "HitTest",
             "IntersectionObserverController::computeIntersections"}
SCRIPTS = {"FunctionCall", "EventDispatch", "TimerFire", "FireAnimationFrame"}


def split_moves(events: list) -> list[dict]:
    """The first time of each event after each key press, per move (moves cut at 'key')."""
    moves, current = [], None
    for name, t in sorted(events, key=lambda e: e[1]):
        if name == "key":
            current = {"key": t}
            moves.append(current)
        elif current is not None and name not in current:
            # later events of a kind belong to the move only once the earlier hops happened
            current[name] = t
    return [m for m in moves if all(name in m for name in dict(HOPS))
            and "drawn" in m and all(m[a] <= m[b] for a, b in HOPS)]


def main_thread(trace: Path, keys: list[float], window_ms: float = 60.0) -> dict:
    """Median main-thread time per move in the ``window_ms`` after each key press [ms]."""
    events = json.loads(trace.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    names = {(e["pid"], e["tid"]): e["args"]["name"] for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name"}
    main = next(k for k, v in names.items() if v == "CrRendererMain")
    spans = [e for e in events if e.get("ph") == "X" and "dur" in e
             and (e["pid"], e["tid"]) == main]
    presses = sorted(e["ts"] for e in spans if e["name"] == "EventDispatch"
                     and e.get("args", {}).get("data", {}).get("type") == "keydown")[-len(keys):]
    out = {"busy": [], "rendering": [], "scripts": []}
    for t0 in presses:
        inside = [e for e in spans if t0 <= e["ts"] <= t0 + 1e3 * window_ms]
        out["busy"].append(sum(e["dur"] for e in inside if e["name"] == "RunTask") / 1e3)
        out["rendering"].append(sum(e["dur"] for e in inside if e["name"] in RENDERING) / 1e3)
        out["scripts"].append(sum(e["dur"] for e in inside if e["name"] in SCRIPTS) / 1e3)
    return {k: statistics.median(v) for k, v in out.items() if v}


def run(page_path: str, moves: int) -> dict:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="qdbook-lab-trace-") as scratch:
        scratch = Path(scratch)
        log = scratch / "times.jsonl"
        chapters = scratch / "chapters"
        shutil.copytree(ROOT / "chapters", chapters)
        page_file = ROOT / page_path
        copy = chapters / page_file.relative_to(ROOT / "chapters")
        text = page_file.read_text()
        head = text.index("\n---\n", 4) + 5                     # after the front matter
        copy.write_text(text[:head] + "\n" + KERNEL.format(log=str(log)) + text[head:])
        with setup_lab.serve(scratch / "lab", chapters, windowing=None,
                             server_config=SERVER.format(log=str(log))) as (url, token, _), \
                sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.add_init_script(BROWSER)
            setup_lab.open_as_notebook(page, url, token, page_path)
            setup_lab.run_explorations(page, text, timeout_ms=600000)
            page.evaluate(DRAWN, 0)
            handle = page.locator(setup_lab.FIGURES).first.locator(
                "xpath=ancestor::div[contains(@class,'widget-vbox')][1]").locator(
                ".noUi-handle").first
            handle.scroll_into_view_if_needed()
            handle.focus()
            page.evaluate("() => { window.__qdt = []; }")
            log.write_text("")
            trace = scratch / "chromium-trace.json"
            browser.start_tracing(page=page, path=str(trace), categories=[
                "devtools.timeline", "disabled-by-default-devtools.timeline"])
            for i in range(moves):
                drawn = page.evaluate("() => window.__qdt.filter(e => e[0] === 'drawn').length")
                page.keyboard.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
                page.wait_for_function("() => window.__qdt.filter(e => e[0] === 'drawn')"
                                       f".length > {drawn}", timeout=20000)
                time.sleep(0.3)                       # the page settles between moves
            browser.stop_tracing()
            events = page.evaluate("() => window.__qdt")
            browser.close()
        events += [json.loads(line) for line in log.read_text().splitlines()]
        split = split_moves(events)
        hops = {f"{a} → {b}": statistics.median(m[b] - m[a] for m in split) for a, b in HOPS}
        total = statistics.median(m["drawn"] - m["key"] for m in split)
        return {"page": page_path, "moves": len(split), "total_ms": total, "hops_ms": hops,
                "main_thread_ms": main_thread(trace, [m["key"] for m in split])}


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("page", nargs="?", default="chapters/05-laser-diodes/"
                                                   "electrical-thresholds.md")
    parser.add_argument("--moves", type=int, default=12)
    args = parser.parse_args()
    result = run(args.page, args.moves)
    print(f"{result['page']}: {result['moves']} moves, key press → redrawn figure, median "
          f"{result['total_ms']:.1f} ms")
    for hop, ms in result["hops_ms"].items():
        print(f"  {hop:26s} {ms:6.1f} ms")
    print("  the browser's main thread in the 60 ms after a key press: "
          + ", ".join(f"{k} {v:.1f} ms" for k, v in result["main_thread_ms"].items()))
