"""The equation registry: one formula, four faces.

Every relation of the review that the book uses (and the few the book adds,
with ids ``book-<section>-<name>``) is declared by the physics module that
computes it (a ``RELATIONS`` list of
:class:`~qdbook._relation.Relation`, next to its functions) under its id from
the inventory (``eq-4``, ``rel-2.2-threshold``, ...). This module collects the
declarations of ``qdbook.PHYSICS_MODULES`` and gives each id

* its **symbolic form** (:func:`form`), a closed sympy expression or equation;
* its **numeric function** (:func:`numeric`), the plain numpy/scipy function
  of a physics module, called with the symbols' values in the units that the
  declaration names;
* the **page** that derives it (:func:`page`) and its review **section**,
  read from the inventory (:func:`inventory`, ``qdbook/data/equations.md``).

A chapter derives a relation with sympy and ends with :func:`check`, which
raises :class:`DerivationMismatch` unless the derived result equals the
registered form, so the book's build fails if the page and the package
disagree. The tests check the numeric function against the symbolic form on
random valid inputs (:func:`sample`).

Symbols are matched **by name**; every symbol is taken as positive when
forms are compared. Physical constants appear as symbols (``hbar``, ``m_0``,
``c``, ``e``, ``k_B``) whose values :data:`CONSTANTS` supplies from
scipy.constants.

This module imports sympy and is not imported by ``import qdbook``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import NamedTuple

import numpy as np
import sympy as sp

from . import PHYSICS_MODULES
from ._relation import CONSTANT_VALUES, Relation

__all__ = ["DerivationMismatch", "Relation", "REGISTRY", "CONSTANTS", "ids", "get",
           "form", "numeric", "page", "sample", "symbols", "check", "inventory",
           "InventoryRow", "INVENTORY_PATH"]

INVENTORY_PATH = Path(__file__).parent / "data" / "equations.md"
"""The inventory of the review's relations and numbers (the project's own copy)."""


class InventoryRow(NamedTuple):
    """One row of the inventory: an id with its section and the review's numbers."""

    section: str
    id: str
    relation: str
    numbers: str


@cache
def inventory() -> tuple[InventoryRow, ...]:
    """Every relation id of the inventory, in the review's order, with its section."""
    rows, section = [], None
    for line in INVENTORY_PATH.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^#{2,3} (\d+(?:\.\d+)?) ", line)
        if heading:
            section = heading[1]
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| ") and re.fullmatch(r"eq-\d+|rel-[\w.-]+", cells[0]):
            rows.append(InventoryRow(section, cells[0], cells[1],
                                     cells[2] if len(cells) > 2 else ""))
    return tuple(rows)


CONSTANTS = {sp.Symbol(name, positive=True): value for name, value in CONSTANT_VALUES.items()}
"""The values of the constant symbols, in SI units except c in cm s⁻¹ (the review's cm units)."""


class DerivationMismatch(AssertionError):
    """A derivation on a page does not reproduce the registered form."""


def _section(rid: str, sections: dict[str, str], module: str) -> str:
    """Section of an inventory id, or of a ``book-<section>-name`` id (the book's own)."""
    if rid in sections:
        return sections[rid]
    own = re.fullmatch(r"book-(\d+(?:\.\d+)?)-[a-z0-9-]+", rid)
    if own:
        return own[1]
    raise RuntimeError(f"relation id {rid!r} ({module}) is neither in the inventory "
                       f"{INVENTORY_PATH.name} nor a book-<section>-<name> id of the book's own")


def _collect() -> dict[str, Relation]:
    sections = {row.id: row.section for row in inventory()}
    registry: dict[str, Relation] = {}
    for name in PHYSICS_MODULES:
        for rel in getattr(import_module(f"qdbook.{name}"), "RELATIONS", []):
            entries = {rel.id: rel.page, **rel.aliases}
            for rid, docname in entries.items():
                if rid in registry:
                    raise RuntimeError(f"relation id {rid!r} is registered twice")
                registry[rid] = dataclasses.replace(rel, id=rid, page=docname,
                                                    section=_section(rid, sections, name))
    return registry


REGISTRY: dict[str, Relation] = _collect()
"""Every registered id → its relation (an alias id → the same relation, its own page)."""


def ids(section: str | None = None) -> list[str]:
    """Registered ids, optionally those of one review section (prefix match, e.g. ``"2"``)."""
    return [k for k, r in REGISTRY.items()
            if section is None or r.section == section or r.section.startswith(section + ".")]


def get(relation_id: str) -> Relation:
    """Return the :class:`~qdbook._relation.Relation` registered under ``relation_id``."""
    try:
        return REGISTRY[relation_id]
    except KeyError:
        raise ValueError(f"relation_id must be a registered id such as 'eq-4', "
                         f"got {relation_id!r}") from None


def form(relation_id: str) -> sp.Basic:
    """The registered symbolic form of ``relation_id``."""
    return get(relation_id).build()


def numeric(relation_id: str) -> Callable[..., float]:
    """The package's numeric function for ``relation_id`` (keywords = symbol names)."""
    return get(relation_id).evaluate


def page(relation_id: str) -> str:
    """Docname of the page that derives ``relation_id``."""
    return get(relation_id).page


def sample(relation_id: str, rng: np.random.Generator) -> dict:
    """Random valid values for the free symbols of ``relation_id``."""
    return get(relation_id).draw(rng)


def symbols(relation_id: str) -> dict[str, sp.Symbol]:
    """The free symbols of the registered form, by name."""
    return {s.name: s for s in form(relation_id).free_symbols}


def _canonical(expr: sp.Basic) -> sp.Basic:
    """Replace every symbol by a positive symbol of the same name."""
    expr = sp.sympify(expr)
    if isinstance(expr, sp.Equality):
        expr = expr.lhs - expr.rhs
    mapping = {s: sp.Symbol(s.name, positive=True) for s in expr.free_symbols
               if s.name != "i"}
    return expr.xreplace(mapping)


def _numerically_equal(a: sp.Expr, b: sp.Expr, trials: int = 6) -> bool:
    free = sorted(a.free_symbols | b.free_symbols, key=lambda s: s.name)
    rng = np.random.default_rng(1)
    for _ in range(trials):
        point = {s: sp.Float(rng.uniform(0.3, 3.0)) for s in free}
        va, vb = complex(a.evalf(subs=point)), complex(b.evalf(subs=point))
        if not np.isclose(va, vb, rtol=1e-10, atol=1e-12):
            return False
    return True


def check(relation_id: str, derived: sp.Basic) -> bool:
    """Check a page's derived result against the registered form.

    Parameters
    ----------
    relation_id : str
        A registered id.
    derived : sympy expression or Eq
        What the page derived. For a registered equation (such as
        ``rel-2.2-threshold``) pass an ``Eq`` or the expression that must
        vanish; the two must agree up to a non-zero constant factor.

    Returns
    -------
    bool
        True; the page prints nothing and the build goes on.

    Raises
    ------
    DerivationMismatch
        If the derived and the registered forms differ.
    """
    registered = form(relation_id)
    a, b = _canonical(derived), _canonical(registered)
    if isinstance(registered, sp.Equality):
        # Equations agree if their residuals are proportional by a constant.
        ratio = sp.simplify(a / b)
        if ratio.free_symbols or ratio == 0:
            raise DerivationMismatch(f"{relation_id}: derived {derived} is not equivalent "
                                     f"to the registered {registered}")
        return True
    if sp.simplify(a - b) == 0 or _numerically_equal(a, b):
        return True
    raise DerivationMismatch(f"{relation_id}: derived {sp.simplify(a)} != registered {b}")
