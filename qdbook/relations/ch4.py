"""Registered relations of review section 4 (novel nanocrystal materials).

See :mod:`qdbook.relations.ch2` for the pattern.
"""

from ._base import Relation

RELATIONS: list[Relation] = []
