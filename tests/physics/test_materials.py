import re

from helpers import ROOT
from numpy.testing import assert_allclose

from qdbook import materials
from qdbook.materials import MATERIALS, Material

# Bad input: (function, kwargs, parameter named in the message); run by test_bad_input.py.
CASES = [
    (materials.get_material, dict(name="Si"), "material"),
    (materials.get_material, dict(name=42), "material"),
]


def test_lookup_is_case_insensitive_and_passes_materials_through():
    assert materials.get_material("cdse") is MATERIALS["CdSe"]
    assert materials.get_material(MATERIALS["PbS"]) is MATERIALS["PbS"]


def test_every_material_value_has_a_source():
    bib = (ROOT / "references.bib").read_text()
    keys = set(re.findall(r"@\w+\{(\w+),", bib))
    for mat in MATERIALS.values():
        assert set(mat.sources) == {"eg0_ev", "me", "mh", "eps_r"}, mat.name
        assert set(mat.sources.values()) <= keys, mat.name


def test_material_reduced_mass():
    mat = Material("x", 1.0, 0.2, 0.2, 10.0, "test")
    assert_allclose(mat.m_eh, 0.1)
