"""The notation appendix cannot drift from the code.

Every row of ``qdbook.notation.NOTATION`` that names a parameter must name a parameter
of some public qdbook function, and the row's unit must agree with that parameter: with the
unit its name states (``radius_nm`` → nm), or else with the unit its docstring
gives in brackets (``[m_0]``, ``[dimensionless]``).
"""

import importlib
import inspect
import re

import pytest

import qdbook
from qdbook.notation import NOTATION, unit_from_name


def _functions():
    for name in qdbook.PHYSICS_MODULES:
        module = importlib.import_module(f"qdbook.{name}")
        for name, obj in vars(module).items():
            func = inspect.unwrap(obj) if callable(obj) else obj   # see through lru_cache
            if inspect.isfunction(func) and not name.startswith("_") \
                    and func.__module__ == module.__name__:
                yield func


def _param_doc(func, parameter):
    """The docstring lines describing ``parameter`` (numpydoc Parameters section)."""
    doc = inspect.getdoc(func) or ""
    match = re.search(rf"^(?:[\w, ]*\b{re.escape(parameter)}\b[\w, ]*) :.*\n((?:    .*\n?)*)",
                      doc, flags=re.M)
    return match.group(0) if match else ""


@pytest.mark.parametrize("row", [r for r in NOTATION if r.parameter], ids=lambda r: r.parameter)
def test_symbol_maps_to_a_parameter_with_its_unit(row):
    users = [f for f in _functions() if row.parameter in inspect.signature(f).parameters]
    assert users, f"no public qdbook function has a parameter {row.parameter!r}"
    named = unit_from_name(row.parameter)
    if named is not None:
        assert named == row.unit, f"{row.parameter}: the name says {named}, the table {row.unit}"
        return
    expected = "[dimensionless" if row.unit == "1" else f"[{row.unit}]"
    documented = [f.__name__ for f in users if expected in _param_doc(f, row.parameter)]
    assert documented, (f"{row.parameter}: no docstring of {[f.__name__ for f in users]} "
                        f"states the unit {expected}")


def test_unit_from_name_rejects_non_names():
    with pytest.raises(ValueError, match="parameter"):
        unit_from_name(3)
