"""Registered relations of review sections 6.2-6.4 (losses, waveguides, driven ASE).

See :mod:`qdbook.relations.ch2` for the pattern.
"""

from ._base import Relation

RELATIONS: list[Relation] = []
