import re

import numpy as np
import pytest
from helpers import ROOT
from numpy.testing import assert_allclose
from scipy.special import spherical_jn
from sympy.functions.special.bessel import jn_zeros

from qdbook import confinement
from qdbook.materials import MATERIALS, Material


@pytest.mark.parametrize("L", range(6))
def test_bessel_roots_match_sympy_and_are_zeros(L):
    for n in range(1, 5):
        root = confinement.bessel_root(n, L)
        assert_allclose(root, float(jn_zeros(L, n)[-1]), rtol=1e-12)
        assert abs(spherical_jn(L, root)) < 1e-12


def test_s_roots_are_multiples_of_pi():
    assert_allclose([confinement.bessel_root(n, 0) for n in (1, 2, 3)],
                    np.pi * np.array([1, 2, 3]), rtol=1e-13)


def test_levels_scale_as_inverse_square_radius_and_mass():
    e1 = confinement.level_energy_ev(1, 1, 2.0, 0.1)
    assert_allclose(confinement.level_energy_ev(1, 1, 4.0, 0.1), e1 / 4, rtol=1e-13)
    assert_allclose(confinement.level_energy_ev(1, 1, 2.0, 0.2), e1 / 2, rtol=1e-13)


def test_array_input_keeps_shape():
    radii = np.linspace(1, 5, 7)
    assert confinement.band_gap_ev("CdS", radii).shape == (7,)
    assert isinstance(confinement.band_gap_ev("CdS", 2.0), float)


def test_gap_is_bulk_gap_plus_electron_and_hole_1s():
    for mat in MATERIALS.values():
        e = confinement.level_energy_ev(1, 0, 3.0, mat.me)
        h = confinement.level_energy_ev(1, 0, 3.0, mat.mh)
        assert_allclose(confinement.band_gap_ev(mat, 3.0), mat.eg0_ev + e + h, rtol=1e-13)


def test_large_dot_tends_to_bulk_gap():
    assert_allclose(confinement.band_gap_ev("PbS", 1e5), MATERIALS["PbS"].eg0_ev, atol=1e-8)


def test_radius_for_gap_inverts_band_gap():
    for name in MATERIALS:
        gap = MATERIALS[name].eg0_ev + 0.4
        assert_allclose(confinement.band_gap_ev(name, confinement.radius_for_gap_nm(name, gap)),
                        gap, rtol=1e-12)


def test_coulomb_term_lowers_gap_and_scales_as_inverse_radius():
    c2, c4 = confinement.coulomb_energy_ev("CdSe", [2.0, 4.0])
    assert c2 < 0
    assert_allclose(c2, 2 * c4, rtol=1e-13)
    assert confinement.band_gap_ev("CdSe", 2.0, coulomb=True) < confinement.band_gap_ev("CdSe", 2.0)


def test_constant_from_scipy():
    # hbar^2/(2 m0) = 0.0380998 eV nm^2
    assert_allclose(confinement.HBAR2_OVER_2M0_EV_NM2, 0.0380998, rtol=1e-5)


def test_every_material_value_has_a_source():
    bib = (ROOT / "references.bib").read_text()
    keys = set(re.findall(r"@\w+\{(\w+),", bib))
    for mat in MATERIALS.values():
        assert set(mat.sources) == {"eg0_ev", "me", "mh", "eps_r"}, mat.name
        assert set(mat.sources.values()) <= keys, mat.name


def test_material_reduced_mass():
    mat = Material("x", 1.0, 0.2, 0.2, 10.0, "test")
    assert_allclose(mat.m_eh, 0.1)
