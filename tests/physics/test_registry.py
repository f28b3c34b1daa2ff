"""The registry: every section-2 id has a form, a numeric face and a derivation on a page."""

import dataclasses
import re

import numpy as np
import pytest
import sympy as sp
from helpers import ROOT, inventory_ids

from qdbook import equations as eqs

COMPLETE_CHAPTERS = ["2", "3", "4", "5", "6", "7"]
"""Review chapters whose every inventory id must be registered, derived and tested."""

REQUIRED = [rid for ch in COMPLETE_CHAPTERS for rid in inventory_ids(ch)]
REGISTERED = list(eqs.REGISTRY)


def test_inventory_is_read_from_the_repository():
    rows = eqs.inventory()
    assert eqs.INVENTORY_PATH.is_relative_to(ROOT)
    ids = [row.id for row in rows]
    assert len(ids) == len(set(ids)) == 64, "the inventory lists 64 distinct relation ids"
    assert ids[0] == "eq-1" and ids[-1] == "rel-7-auger-activation"
    for row in rows:
        # a rel- id names its section; it must sit under that section's heading
        named = re.match(r"rel-(\d+(?:\.\d+)?)-", row.id)
        if named:
            assert named[1].startswith(row.section), row
    numbered = [int(r.id[3:]) for r in rows if r.id.startswith("eq-")]
    assert numbered == list(range(1, 16)), "the review's equations 1-15, in order"


@pytest.mark.parametrize("rid", REQUIRED)
def test_registered(rid):
    rel = eqs.get(rid)
    assert rid in inventory_ids(rel.section.split(".")[0])
    assert isinstance(eqs.form(rid), sp.Basic)
    assert callable(eqs.numeric(rid))


@pytest.mark.parametrize("rid", REGISTERED)
def test_derived_on_its_page(rid):
    page = ROOT / (eqs.page(rid) + ".md")
    text = page.read_text()
    assert f'eqs.check("{rid}"' in text, f"{page.name} does not check {rid} against the registry"
    labelled = f":label: {rid}\n" in text or f"({rid})=" in text
    assert labelled, f"{page.name} has no equation label or target named {rid}"


def _numeric_value(rid, values):
    return float(eqs.numeric(rid)(**values))


def _symbolic_value(rid, values):
    expr = eqs.form(rid)
    subs = {s: values[s.name] for s in expr.free_symbols if s.name in values}
    subs.update({s: v for s, v in eqs.CONSTANTS.items() if s in expr.free_symbols})
    missing = [s for s in expr.free_symbols if s not in subs]
    assert not missing, f"{rid}: no sample value for {missing}"
    return float(expr.xreplace({k: sp.Float(v, 30) if not isinstance(v, int) else sp.Integer(v)
                                for k, v in subs.items()}).evalf(30))


# Registered equations (sympy Eq) have roots, not values; each has its own root test.
FUNCTIONS = [rid for rid in REGISTERED if not isinstance(eqs.form(rid), sp.Equality)]


@pytest.mark.parametrize("rid", FUNCTIONS)
def test_numeric_matches_symbolic(rid, rng):
    for _ in range(25):
        values = eqs.sample(rid, rng)
        assert np.isclose(_numeric_value(rid, values), _symbolic_value(rid, values),
                          rtol=1e-9, atol=0), (rid, values)


def test_threshold_root_solves_registered_equation():
    equation = eqs.form("rel-2.2-threshold")
    root = eqs.numeric("rel-2.2-threshold")()
    residual = (equation.lhs - equation.rhs).subs(sp.Symbol("N", positive=True), root)
    assert abs(float(residual)) < 1e-13
    independent = sp.nsolve(equation.lhs - equation.rhs, sp.Symbol("N", positive=True), 1.0)
    assert abs(float(independent) - root) < 1e-12


def test_check_rejects_a_wrong_derivation():
    tau_XX, tau_X = sp.symbols("tau_XX tau_X", positive=True)
    wrong = (1 + sp.sqrt(1 + 8 * tau_XX / tau_X)) / (2 * tau_XX)
    with pytest.raises(eqs.DerivationMismatch):
        eqs.check("eq-4", wrong)
    N = sp.Symbol("N", positive=True)
    with pytest.raises(eqs.DerivationMismatch):
        eqs.check("rel-2.2-threshold", sp.Eq(1 - sp.exp(-N), sp.exp(-N)))


def test_check_accepts_equivalent_forms():
    tau_A, tau_r = sp.symbols("tau_A tau_r")  # assumptions differ from the registry's
    assert eqs.check("rel-2.3-tau-xx", 1 / (1 / tau_A + 1 / tau_r))
    N = sp.Symbol("N")
    assert eqs.check("rel-2.2-threshold", 2 * (1 - sp.exp(-N) * (1 + N) - sp.exp(-N)))


def test_unknown_id_is_a_clear_error():
    with pytest.raises(ValueError, match="relation_id"):
        eqs.get("eq-99")


def test_ids_by_section():
    review_ids = {rid for rid in eqs.ids("2") if not rid.startswith("book-")}
    assert review_ids == set(inventory_ids("2"))
    assert set(eqs.ids("2.3")) < set(eqs.ids("2"))


def test_every_registered_id_is_in_the_inventory_or_the_books_own():
    own = {rid for rid in REGISTERED if re.fullmatch(r"book-\d+(\.\d+)?-[a-z0-9-]+", rid)}
    assert set(REGISTERED) - own <= set(inventory_ids())
    for rid in own:  # the book's own relations carry their section in the id
        assert eqs.get(rid).section == rid.split("-")[1]


def test_an_id_outside_the_inventory_is_refused(monkeypatch):
    from qdbook import auger

    stray = dataclasses.replace(auger.RELATIONS[0], id="rel-9.9-nowhere")
    monkeypatch.setattr(auger, "RELATIONS", [*auger.RELATIONS, stray])
    with pytest.raises(RuntimeError, match="rel-9.9-nowhere"):
        eqs._collect()


def test_a_relation_registered_twice_is_refused(monkeypatch):
    from qdbook import auger

    monkeypatch.setattr(auger, "RELATIONS", [*auger.RELATIONS, auger.RELATIONS[0]])
    with pytest.raises(RuntimeError, match="registered twice"):
        eqs._collect()
