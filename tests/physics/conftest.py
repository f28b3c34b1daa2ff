"""The hostile-input summary (calls, outcomes by kind, slowest call) after a run that made any."""

import hostile


def pytest_terminal_summary(terminalreporter):
    rec = hostile.RECORD
    if not rec["calls"]:
        return
    terminalreporter.section("hostile input (property-based tests)")
    terminalreporter.write_line(f"{rec['calls']} calls of the physics functions")
    for kind, count in sorted(rec["outcomes"].items()):
        terminalreporter.write_line(f"  {kind:28s} {count}")
    seconds, name = rec["slowest"]
    terminalreporter.write_line(f"slowest call: {name}, {seconds * 1e3:.1f} ms")
