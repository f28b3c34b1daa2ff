"""The equation registry: one formula, three faces.

Every relation of the review that the book uses is registered here under its
id from the design inventory (``eq-4``, ``rel-2.2-threshold``, ...) with

* its **symbolic form** (:func:`form`), a closed sympy expression or equation;
* its **numeric function** (:func:`numeric`), the plain numpy/scipy function
  of a physics module, wrapped so that it takes the same (SI or stated-unit)
  values as the symbols;
* the **page** that derives it (:func:`page`).

A chapter derives a relation with sympy and ends with :func:`check`, which
raises :class:`DerivationMismatch` unless the derived result equals the
registered form, so the book's build fails if the page and the package
disagree. The tests check the numeric function against the symbolic form on
random valid inputs (:func:`sample`).

Symbols are matched **by name**; every symbol is taken as positive when
forms are compared. Physical constants appear as symbols (``hbar``, ``m_0``,
``c``, ``e``, ``k_B``) whose values ``qdbook.relations.CONSTANTS`` supplies from
scipy.constants. The relations themselves live in :mod:`qdbook.relations`,
one module per review chapter.

This module imports sympy and is not imported by ``import qdbook``.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import sympy as sp

from .relations import CHAPTER_MODULES, CONSTANTS, Relation

__all__ = ["DerivationMismatch", "Relation", "REGISTRY", "CONSTANTS", "ids", "get",
           "form", "numeric", "page", "sample", "symbols", "check"]


class DerivationMismatch(AssertionError):
    """A derivation on a page does not reproduce the registered form."""


REGISTRY: dict[str, Relation] = {rel.id: rel for mod in CHAPTER_MODULES for rel in mod.RELATIONS}
if len(REGISTRY) != sum(len(mod.RELATIONS) for mod in CHAPTER_MODULES):
    raise RuntimeError("a relation id is registered twice")


def ids(section: str | None = None) -> list[str]:
    """Registered ids, optionally those of one review section (prefix match, e.g. ``"2"``)."""
    return [k for k, r in REGISTRY.items()
            if section is None or r.section == section or r.section.startswith(section + ".")]


def get(relation_id: str) -> Relation:
    """Return the :class:`~qdbook.relations.Relation` registered under ``relation_id``."""
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
