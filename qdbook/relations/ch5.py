"""Registered relations of review sections 5 and 6.1 (laser diodes; high-current LEDs).

See :mod:`qdbook.relations.ch2` for the pattern.
"""

from ._base import Relation

RELATIONS: list[Relation] = []
