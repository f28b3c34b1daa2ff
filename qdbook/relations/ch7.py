"""Registered relations of review section 7 (summary and outlook).

See :mod:`qdbook.relations.ch2` for the pattern.
"""

from ._base import Relation

RELATIONS: list[Relation] = []
