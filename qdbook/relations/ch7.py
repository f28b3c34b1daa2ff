"""Registered relations of review section 7 (summary and outlook).

See :mod:`qdbook.relations.ch2` for the pattern.
"""


from ._base import Relation, sym

PAGE = "chapters/07-outlook"

a, E_g, T = sym("a E_g T")

RELATIONS: list[Relation] = [
]
