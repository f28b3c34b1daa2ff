"""Registered relations of review section 7 (summary and outlook).

See :mod:`qdbook.relations.ch2` for the pattern.
"""

import sympy as sp
from scipy import constants as sc

from .. import auger
from ._base import Relation, k_B, sym

PAGE = "chapters/07-outlook"

a, E_g, T = sym("a E_g T")

RELATIONS: list[Relation] = [
    Relation(
        "rel-7-auger-activation", "7", "Thermal activation of bulk Auger recombination",
        f"{PAGE}/index",
        lambda: sp.exp(-a * E_g / (k_B * T)),
        lambda a, E_g, T: auger.bulk_auger_activation_factor(E_g / sc.e, T, a),
        lambda rng: {"a": float(rng.uniform(0.05, 1.0)), "E_g": float(rng.uniform(0.2, 3.5)) * sc.e,
                     "T": float(rng.uniform(50.0, 500.0))},
    ),
]
