import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy.special import spherical_jn
from sympy.functions.special.bessel import jn_zeros

from qdbook import confinement
from qdbook.materials import MATERIALS

# Bad input: (function, kwargs, parameter named in the message); run by test_bad_input.py.
CASES = [
    (confinement.bessel_root, dict(n=0, L=0), "n"),
    (confinement.bessel_root, dict(n=1.5, L=0), "n"),
    (confinement.bessel_root, dict(n=1, L=-1), "L"),
    (confinement.state_label, dict(n=1, L=12), "L"),
    (confinement.state_label, dict(n=-1, L=0), "n"),
    (confinement.state_label, dict(n=0, L=0), "n"),
    (confinement.state_label, dict(n=1, L=-1), "L"),
    (confinement.state_label, dict(n=1, L=8), "L"),
    (confinement.orbital_degeneracy, dict(L=-2), "L"),
    (confinement.orbital_degeneracy, dict(L=1, spin="yes"), "spin"),
    (confinement.angular_momentum_degeneracy, dict(F=-0.5), "F"),
    (confinement.angular_momentum_degeneracy, dict(F=0.3), "F"),
    (confinement.angular_momentum_degeneracy, dict(F=[0.5, 1.5]), "F"),
    (confinement.level_ladder, dict(n_max=0), "n_max"),
    (confinement.level_ladder, dict(L_max=-1), "L_max"),
    (confinement.level_ladder, dict(n_max=21), "n_max"),
    (confinement.level_ladder, dict(L_max=21), "L_max"),
    (confinement.level_energy_ev, dict(n=1, L=0, radius_nm=-2.0, mass=0.1), "radius_nm"),
    (confinement.level_energy_ev, dict(n=1, L=0, radius_nm=2.0, mass=0.0), "mass"),
    (confinement.level_energy_ev, dict(n=1, L=0, radius_nm=np.nan, mass=0.1), "radius_nm"),
    (confinement.confinement_energy_ev, dict(material="CdSe", radius_nm=0.0), "radius_nm"),
    (confinement.confinement_energy_ev, dict(material="unobtainium", radius_nm=2.0), "material"),
    (confinement.coulomb_energy_ev, dict(material="CdSe", radius_nm=[1.0, -1.0]), "radius_nm"),
    (confinement.band_gap_ev, dict(material="GaN", radius_nm=2.0), "material"),
    (confinement.band_gap_ev, dict(material="CdSe", radius_nm=np.inf), "radius_nm"),
    (confinement.band_gap_ev, dict(material="CdSe", radius_nm=2.0, coulomb="yes"), "coulomb"),
    (confinement.radius_for_gap_nm, dict(material="CdSe", gap_ev=1.0), "gap_ev"),
    (confinement.radius_for_gap_nm, dict(material="CdSe", gap_ev=np.nan), "gap_ev"),
    # at the bulk gap itself the radius would be infinite
    (confinement.radius_for_gap_nm, dict(material="CdSe", gap_ev=MATERIALS["CdSe"].eg0_ev),
     "gap_ev"),
]


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


def test_default_ladder_is_the_known_order_of_spherical_levels():
    """n <= 2, L <= 3: 1S (pi), 1P (4.49), 1D (5.76), 2S (2 pi), 1F (6.99), 2P, 2D, 2F."""
    ladder = confinement.level_ladder()
    assert [d["label"] for d in ladder] == ["1S", "1P", "1D", "2S", "1F", "2P", "2D", "2F"]
    for d in ladder:
        assert d["label"] == confinement.state_label(d["n"], d["L"])
        assert_allclose(d["phi"], float(jn_zeros(d["L"], d["n"])[-1]), rtol=1e-12)
        assert d["degeneracy"] == 2 * (2 * d["L"] + 1)


def test_smallest_ladders_hold_one_level_per_n_and_l():
    assert [d["label"] for d in confinement.level_ladder(1, 0)] == ["1S"]
    s_only = confinement.level_ladder(n_max=3, L_max=0)
    assert_allclose([d["phi"] for d in s_only], np.pi * np.array([1, 2, 3]), rtol=1e-13)
    assert len(confinement.level_ladder(n_max=3, L_max=4)) == 3 * 5


def test_degeneracy_without_spin_is_the_number_of_projections():
    for L in range(4):
        assert confinement.orbital_degeneracy(L, spin=False) == 2 * L + 1
        assert confinement.orbital_degeneracy(L) == 2 * (2 * L + 1)
