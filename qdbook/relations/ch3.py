"""Registered relations of review section 3 (practical aspects and advanced gain concepts).

See :mod:`qdbook.relations.ch2` for the pattern.
"""

from ._base import Relation

RELATIONS: list[Relation] = []
