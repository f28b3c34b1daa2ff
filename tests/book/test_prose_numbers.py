"""Every number a page's prose states is asserted by that page (a heuristic scan of the .md).

The scan reads a page's Markdown, keeps its prose (paragraphs, lists, tables, admonitions,
exercise text, figure captions), drops what is not a claim (section, equation, figure and
reference numbers, years, DOIs, labels, roles, code, display math, sub- and superscripts), and
collects the numbers that remain. A prose number counts as covered when it appears among the
numbers of the page's code — the hidden ``remove-cell`` asserts first of all, or an input the
visible code sets (a number the prose repeats from the code) — allowing for unit prefixes and
per cent (×10^±3k, ×100) and for the rounding the prose shows (last digit).

Every chapter page (each page of a numbered chapter in ``_toc.yml``, so a new page is checked
as soon as it is listed) must have no uncovered number. Run this file as a script to
print the uncovered numbers of a page:
``python tests/book/test_prose_numbers.py chapters/02-general-principles/auger-recombination.md``.

"Covered" is loose: any equal number of the page's code or of the package (``_PACKAGE``) will
do, so a claim can pass by coincidence (a prose "0.2 %" covered by an unrelated 0.2 while the
model gives 0.14 %). ``weakly_covered`` lists, for review, the prose numbers that only the
visible code or the package's constants cover, not any number of the hidden asserts; run the
script with ``--weak`` (optionally with pages) to print them. What it lists is meant to be
(a) an input the visible code sets and the prose repeats, (b) a quoted value of the package's
data asserted in another form, or a formula's coefficient, or (c) a claim that still wants a
hidden assert. It is a tool, not a test: (a) is legitimate, and no category of the remaining
list (inputs, quoted literature values, formula forms, chapter openers without code) can be
required to be hidden-covered without false failures.
"""

import math
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import ROOT, chapter_pages  # noqa: E402

_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_NUMBER = re.compile(
    r"(?<![\w.\-/])(?P<sign>[−-])?(?P<mant>\d+(?:\.\d+)?)"
    r"(?:\s*(?:×|\\times)\s*10(?:\^\{?(?P<exp>[−-]?\d+)\}?|(?P<sup>[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)))?"
    r"(?![\w.]*\d)")
_NOT_CLAIMS = [
    r"\b(?:[Ss]ections?|[Ss]ecs?\.|§|[Cc]hapters?|[Ee]qs?\.|[Ee]quations?|[Ff]igs?\.|[Ff]igures?"
    r"|[Tt]ables?|[Rr]efs?\.|[Pp]art|[Ss]teps?|[Ee]xercises?)\s*\(?[\d.,–\- and]+[a-z]?\)?",
    r"\b(?:1[89]|20)\d\ds?\b",                     # years
    r"doi:\S+|https?://\S+",
    r"\{[a-z:]+\}`[^`]*`",                           # roles: {cite}`...`, {eq}`...`
    r"`[^`]*`",                                     # inline code
    r"\]\([^)]*\)",                                 # link targets
    r"<!--.*?-->",
    r"[_^]\{[^{}]*\}|[_^][\w\\]",                   # sub- and superscripts in math
    r"\\(?:frac|tfrac|dfrac)\{[^{}]*\}\{[^{}]*\}",   # fractions in math are forms, not claims
    r"\b\d+[SPDF](?:_\{?[\d/]+\}?)?\b|\b\d+-?ML\b|\bML\b",  # 1S, 1P_3/2, 4-ML
    r"\b[A-Za-z]+-\d[\w.-]*",                        # ids such as rel-6.1-duty, eq-12
]


def _value(m) -> float:
    mant = float(m["mant"])
    exp = m["exp"] or (m["sup"].translate(_SUPERSCRIPT) if m["sup"] else None)
    if exp is not None:
        mant *= 10.0 ** int(exp.replace("−", "-"))
    return -mant if m["sign"] else mant


def split_page(text: str):
    """(prose, hidden assert code, visible code) of a MyST page."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    prose, hidden, visible = [], [], []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        fence = re.match(r"^(`{3,}|:{3,})\s*\{?([\w-]*)\}?(.*)$", line)
        if fence and fence[1].startswith("`"):
            mark, kind = fence[1], fence[2]
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith(mark):
                body.append(lines[i])
                i += 1
            i += 1
            if kind == "code-cell":
                meta, code = [], body
                if body and body[0].strip() == "---":
                    end = body.index("---", 1) if "---" in body[1:] else 0
                    meta, code = body[1:end], body[end + 1:]
                else:
                    while code and code[0].startswith(":"):
                        meta.append(code[0])
                        code = code[1:]
                caption = re.search(r"caption:\s*\|?\s*\n?(.*?)(?:\n\s*\w+:|\Z)", "\n".join(meta),
                                    flags=re.S)
                if caption:
                    prose.append(caption[1])
                target = hidden if "remove-cell" in "\n".join(meta) else visible
                target.append("\n".join(code))
            elif kind in ("math", "code", ""):
                continue                                 # display math and plain code
            else:                                         # admonitions, exercises, figures
                prose.append("\n".join(b for b in body if not b.startswith(":")))
            continue
        if re.match(r"^\(.*\)=\s*$", line) or re.match(r"^:\w[\w-]*:", line):
            i += 1
            continue
        if line.startswith(":::") or line.startswith("$$"):
            i += 1
            continue
        if line.startswith("#"):                          # headings name, they do not claim
            i += 1
            continue
        prose.append(line)
        i += 1
    return "\n".join(prose), "\n".join(hidden), "\n".join(visible)


_TO_SUPERSCRIPT = str.maketrans("0123456789-−", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁻")


def _power_of_ten(m) -> str:
    """``\\times10^{-8}`` as ``×10⁻⁸``, so that dropping math superscripts keeps the exponent."""
    return "×10" + m[1].translate(_TO_SUPERSCRIPT)


def prose_numbers(prose: str) -> list[tuple[str, float]]:
    """The numbers the prose states, as (text, value)."""
    text = re.sub(r"\$\$.*?\$\$", " ", prose, flags=re.S)
    text = re.sub(r"(?:×|\\times)\s*10\^\{?([−-]?\d+)\}?", _power_of_ten, text)
    for pattern in _NOT_CLAIMS:
        text = re.sub(pattern, " ", text, flags=re.S)
    return [(m[0], _value(m)) for m in _NUMBER.finditer(text)]


def code_numbers(code: str) -> set[float]:
    """Numeric literals of code (asserted strings such as "0.358" included)."""
    out = set()
    for m in re.finditer(r"(?<![\w.])(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)", code):
        try:
            out.add(float(m[0]))
        except ValueError:
            continue
    return out


def _digits(text: str) -> int:
    mant = re.match(r"[−-]?(\d+)(?:\.(\d+))?", text)
    return len(mant[2]) if mant and mant[2] else 0


def covered(text: str, value: float, literals: set[float]) -> bool:
    """Whether a prose number appears in the code: the same value up to a power of ten (unit
    prefixes, per cent), or a code value rounded to the digits the prose shows."""
    if value == 0:
        return 0.0 in literals
    decimals = _digits(text)
    target = abs(value)
    for lit in literals:
        if lit == 0:
            continue
        for k in (-12, -9, -6, -3, -2, 0, 2, 3, 6, 9, 12):
            x = lit * 10.0 ** k
            if math.isclose(x, target, rel_tol=1e-9):
                return True
            if round(x, decimals) == round(target, decimals) and 0.1 * target < x < 10 * target \
                    and abs(x - target) <= 0.5 * 10.0 ** -decimals * (1 + 1e-9):
                return True
    return False


def package_numbers() -> set[float]:
    """Numbers the page may repeat from the package: its public numeric constants and the
    review values of qdbook.reproducibility (the review-number tests assert their verdicts)."""
    import importlib

    import qdbook
    from qdbook import reproducibility as rep

    out = {e.value for e in rep.ENTRIES}
    for name in qdbook.PHYSICS_MODULES:
        module = importlib.import_module(f"qdbook.{name}")
        for attr, val in vars(module).items():
            if attr.isupper():
                for v in (val.values() if isinstance(val, dict) else
                          val if isinstance(val, (tuple, list)) else [val]):
                    if isinstance(v, (int, float)) and not isinstance(v, bool):
                        out.add(float(v))
    return out


def _claims(prose: str):
    """The prose numbers the scan checks: all but small counts ("two", "1 W", "3 ns")."""
    return [(t, v) for t, v in prose_numbers(prose)
            if not (abs(v) <= 10 and float(v).is_integer())]


def uncovered(page: Path) -> list[str]:
    """The page's prose numbers that no code number covers (in order, repeats once)."""
    prose, hidden, visible = split_page(page.read_text(encoding="utf-8"))
    literals = code_numbers(hidden) | code_numbers(visible) | _PACKAGE
    out = []
    for text, value in _claims(prose):
        if not covered(text, value, literals) and text not in out:
            out.append(text)
    return out


def weakly_covered(page: Path) -> list[str]:
    """The page's prose numbers that pass only through the visible code or the package's
    constants, not through any number of the page's hidden (``remove-cell``) cells.

    Each is either an input the visible code sets and the prose repeats (fine), a quoted value
    the package holds, or a claim that passes by coincidence (an unrelated equal number) and
    wants a hidden assert. The list is a review tool, not a test (inputs are legitimately in it).
    """
    prose, hidden, visible = split_page(page.read_text(encoding="utf-8"))
    strong = code_numbers(hidden)
    weak = code_numbers(visible) | _PACKAGE
    out = []
    for text, value in _claims(prose):
        if not covered(text, value, strong) and covered(text, value, weak) and text not in out:
            out.append(text)
    return out


_PACKAGE = package_numbers()
PAGES = [p for p in chapter_pages() if p.parent.name[:2].isdigit()]
"""Every page of a numbered chapter, notebooks and plain chapter openers alike (a page without
code has nothing to assert with, so it may state no number the scan counts)."""


def _key(page: Path) -> str:
    return page.relative_to(ROOT).with_suffix("").as_posix()


def test_every_chapter_page_is_scanned():
    """The page list is the book's chapters: an empty or shrunken list would pass vacuously."""
    chapters = {_key(p).split("/")[1] for p in PAGES}
    assert {f"0{k}" for k in range(1, 8)} <= {c[:2] for c in chapters} and len(PAGES) >= 26


@pytest.mark.parametrize("page", PAGES, ids=_key)
def test_chapter_pages_assert_every_prose_number(page):
    found = uncovered(page)
    assert found == [], f"{len(found)} prose numbers without an assert: {found}"


def test_the_scan_finds_what_it_should():
    """The heuristic on a made-up page: claims found, references and code inputs not."""
    page = """---
kernelspec: {name: python3}
---
# 2.3 Heading
The lifetime is 65.4 ps (section 2.3, eq. {eq}`eq-4`, Fig. 12, 2023), about 15 times
$\\tau_{A,XX}$ = 0.6 ns; $x^{2}$ and 4-ML platelets give 2.3×10¹⁴ photons cm⁻² and 1.01.

```{code-cell} ipython3
---
mystnb:
  figure:
    caption: |
      A 64-fold rise.
---
tau = 65.4
```

```{code-cell} ipython3
:tags: [remove-cell]
assert f"{x:.2f}" == "1.01"
```
"""
    prose, hidden, visible = split_page(page)
    found = [t for t, _ in prose_numbers(prose)]
    assert found == ["65.4", "15", "0.6", "2.3×10¹⁴", "1.01", "64"]
    literals = code_numbers(hidden) | code_numbers(visible)
    assert covered("65.4", 65.4, literals) and covered("1.01", 1.01, literals)
    assert not covered("0.6", 0.6, literals) and not covered("15", 15.0, literals)
    assert covered("0.36", 0.36, {357.83 / 1e3}) and covered("75", 75.0, {0.7474})
    assert prose_numbers("2.3×10¹⁴")[0][1] == pytest.approx(2.3e14)
    assert prose_numbers("$C = 1.9\\times10^{-8}$ J")[0][1] == pytest.approx(1.9e-8)


def test_weakly_covered_lists_coincidences(tmp_path):
    """An input of the visible code and a number only the package holds are listed; a number
    the hidden asserts check is not."""
    page = tmp_path / "page.md"
    page.write_text("""Drive at 620 nm; the lifetime is 65.4 ps and a = 0.6077 nm.

```{code-cell} ipython3
lam = 620.0
```

```{code-cell} ipython3
:tags: [remove-cell]
assert f"{tau:.1f}" == "65.4"
```
""", encoding="utf-8")
    assert 0.6077 in _PACKAGE                     # qdbook.wells.CDSE_ZB_LATTICE_NM
    assert weakly_covered(page) == ["620", "0.6077"]
    assert uncovered(page) == []


def _measure(listing=uncovered, pages=None):
    for page in pages or PAGES:
        found = listing(page)
        print(f"{len(found):4d}  {_key(page)}  {' '.join(found)}")


if __name__ == "__main__":
    args = sys.argv[1:]
    listing = uncovered
    if "--weak" in args:                   # numbers covered only by visible code or the package
        args.remove("--weak")
        listing = weakly_covered
    _measure(listing, [Path(a).resolve() for a in args])
