"""Answers students can check on the static page.

A solution whose result is a number (or a short list of numbers) ends with
``answer("<exercise label>", value, unit=...)``. Displayed, the call leaves a
small record in the cell's output; when the book is built, the local Sphinx
extension (``tools/book_extension.py``) takes that record out of the solution
and puts an answer box into the exercise. The box checks what the student
types in the browser, offline and without a kernel, against the value the
solution computed. The value is therefore never typed into the page: changing
the physics changes the answer. In the edition without solutions the box
stays (it carries the expected value) and the solution goes.

Verdicts, in the browser: *right* within ``rtol``; *close* within ``close``
(with ``hint``, or a note on the unit or a power of ten); *wrong* otherwise.
"""

from __future__ import annotations

import html
import json
import math
import re

from .units import UNITS

DIMENSIONS: dict[str, tuple[str, ...]] = {
    "length": ("m", "cm", "mm", "um", "nm"),
    "area": ("m2", "cm2", "nm2"),
    "volume": ("m3", "cm3", "nm3"),
    "inverse length": ("1/m", "1/cm"),
    "inverse volume": ("1/cm3",),
    "time": ("s", "ms", "us", "ns", "ps", "fs"),
    "rate": ("1/s",),
    "energy": ("J", "eV", "meV"),
    "power": ("W", "mW"),
    "intensity": ("W/cm2", "kW/cm2"),
    "fluence": ("J/cm2", "mJ/cm2", "uJ/cm2"),
    "current density": ("A/cm2",),
    "angle": ("rad", "deg"),
    "temperature": ("K",),
}
"""Units of :data:`qdbook.units.UNITS` grouped by what they measure: a box accepts any unit
of its answer's group and converts it with the sizes of ``UNITS``."""

RECORD_ATTRIBUTE = "data-qd-answer"
"""The HTML attribute that carries an answer's record (read by tools/book_extension.py)."""

_LABEL = re.compile(r"^[A-Za-z][\w-]*$")


def _dimension(unit: str) -> str:
    for name, units in DIMENSIONS.items():
        if unit in units:
            return name
    raise ValueError(f"unit must be one of {sorted(u for us in DIMENSIONS.values() for u in us)}"
                     f" or None, got {unit!r}")


class Answer:
    """The checked answer of one exercise; see :func:`answer`."""

    def __init__(self, record: dict):
        self.record = record

    def _repr_html_(self) -> str:
        spec = html.escape(json.dumps(self.record, sort_keys=True), quote=True)
        return (f'<div class="qd-answer-record" {RECORD_ATTRIBUTE}="{spec}">'
                f"<small>{html.escape(repr(self))}</small></div>")

    def __repr__(self) -> str:
        values = ", ".join(f"{x:.4g}" for x in self.record["values"])
        unit = f" {self.record['unit']}" if self.record["unit"] else ""
        return (f"Answer box for {self.record['label']}: {values}{unit} "
                f"(right within {100 * self.record['rtol']:g} %, "
                f"close within {100 * self.record['close']:g} %)")


def answer(label: str, value, *, unit: str | None = None, rtol: float = 0.02,
           close: float = 0.15, atol: float = 0.0, hint: str | None = None,
           ordered: bool = True) -> Answer:
    """Record the answer of exercise ``label`` for its answer box; display the result.

    Parameters
    ----------
    label : str
        The ``:label:`` of the exercise on the same page.
    value : float or sequence of float
        What the solution computed (one number, or a short list of at most 8).
    unit : str, optional
        A key of :data:`qdbook.units.UNITS` (``None``: a pure number). The box
        accepts any unit that measures the same thing (:data:`DIMENSIONS`).
    rtol : float
        Relative tolerance of a right answer (0 < rtol < close).
    close : float
        Relative tolerance of a close answer (rtol < close < 1).
    atol : float
        Absolute tolerance (in ``unit``), for answers that may be zero (>= 0).
    hint : str, optional
        What the box says to a close answer.
    ordered : bool
        Whether the numbers of a list must come in this order.

    Examples
    --------
    >>> answer("ex-demo", 5.48, unit="nm")
    Answer box for ex-demo: 5.48 nm (right within 2 %, close within 15 %)
    """
    if not isinstance(label, str) or not _LABEL.match(label):
        raise ValueError(f"label must be an exercise label (letters, digits, -), got {label!r}")
    values = [float(x) for x in (value if hasattr(value, "__len__") else [value])]
    if not 1 <= len(values) <= 8 or not all(math.isfinite(x) for x in values):
        raise ValueError(f"value must be 1 to 8 finite numbers, got {value!r}")
    if not 0 < rtol < 1:
        raise ValueError(f"rtol must be in (0, 1), got {rtol!r}")
    if not rtol < close < 1:
        raise ValueError(f"close must be in (rtol, 1) = ({rtol}, 1), got {close!r}")
    if not (math.isfinite(atol) and atol >= 0):
        raise ValueError(f"atol must be >= 0, got {atol!r}")
    record = {"label": label, "values": values, "unit": unit, "rtol": float(rtol),
              "close": float(close), "atol": float(atol), "hint": hint or "",
              "ordered": bool(ordered), "units": {}}
    if unit is not None:
        record["units"] = {u: UNITS[u] / UNITS[unit] for u in DIMENSIONS[_dimension(unit)]}
    return Answer(record)


_GOALS = re.compile(r"```\{admonition\} Learning goals\n(?::[^\n]*\n)*(.*?)\n```", re.S)
_EXERCISE = re.compile(r"^```\{exercise\} (.+)\n:label: ([\w-]+)", re.M)
_EXPLORATION = re.compile(r"^##+ Exploration: (.+)$", re.M)
_ANSWER = re.compile(r"""\banswer\(\s*["']([\w-]+)["']""")


def outline(path) -> dict:
    """What a page of the book teaches, parsed from its source (a MyST page).

    Returns a dict with the page's ``title`` (its first ``#`` heading), its
    learning ``goals`` (the numbered items of the "Learning goals" box), the
    ``explorations`` it displays (its "Exploration: ..." headings) and its
    ``exercises`` as ``(label, title, checkable)``, where ``checkable`` says
    whether the solution records an :func:`answer` for an answer box.
    """
    from pathlib import Path

    text = Path(path).read_text(encoding="utf-8")
    title = re.search(r"^# (.+)$", text, flags=re.M)
    if title is None:
        raise ValueError(f"path must be a page with a '# ' title, got {path}")
    goals = []
    box = _GOALS.search(text)
    if box:
        for item in re.split(r"\n(?=\d+\. )", box.group(1)):
            item = " ".join(item.split())
            if re.match(r"\d+\. ", item):
                goals.append(re.sub(r"^\d+\. ", "", item).rstrip(";."))
    answered = set(_ANSWER.findall(text))
    return {"title": title.group(1).strip(), "goals": goals,
            "explorations": [x.strip() for x in _EXPLORATION.findall(text)],
            "exercises": [(label, name.strip(), label in answered)
                          for name, label in _EXERCISE.findall(text)]}
