"""The relations of the book, one module per review chapter.

Each chapter module defines ``RELATIONS``, a list of
:class:`~qdbook.relations.Relation`; :mod:`qdbook.equations` collects them
into the registry. A chapter adds its relations by filling its own module.
"""

from . import ch2, ch3, ch4, ch5, ch6, ch7
from ._base import CONSTANTS, Relation, loguniform, sym

CHAPTER_MODULES = [ch2, ch3, ch4, ch5, ch6, ch7]

__all__ = ["CONSTANTS", "Relation", "loguniform", "sym", "CHAPTER_MODULES"]
