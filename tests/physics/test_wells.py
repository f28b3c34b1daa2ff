"""Quantum-well physics of CdSe nanoplatelets (qdbook.wells): invariants and limits."""

import numpy as np
import pytest
from numpy.testing import assert_allclose
from scipy import constants as sc

from qdbook import auger, wells
from qdbook.materials import get_material

CDSE = get_material("CdSe")

CASES = [
    # (function, kwargs, parameter named in the message)
    (wells.platelet_thickness_nm, dict(monolayers=0), "monolayers"),
    (wells.platelet_thickness_nm, dict(monolayers=4, monolayer_nm=-0.3), "monolayer_nm"),
    (wells.infinite_well_level_ev, dict(n=0, thickness_nm=1.2, mass=0.13), "n"),
    (wells.infinite_well_level_ev, dict(n=1.5, thickness_nm=1.2, mass=0.13), "n"),
    (wells.infinite_well_level_ev, dict(n=1, thickness_nm=-1.2, mass=0.13), "thickness_nm"),
    (wells.infinite_well_level_ev, dict(n=1, thickness_nm=1.2, mass=0.0), "mass"),
    (wells.finite_well_levels_ev, dict(thickness_nm=np.nan, mass=0.13, barrier_ev=3.0),
     "thickness_nm"),
    (wells.finite_well_levels_ev, dict(thickness_nm=1.2, mass=0.13, barrier_ev=-1.0),
     "barrier_ev"),
    (wells.finite_well_levels_ev, dict(thickness_nm=1.2, mass=0.13, barrier_ev=1.0,
                                       barrier_mass=0.0), "barrier_mass"),
    (wells.finite_well_ground_ev, dict(thickness_nm=[1.0, 0.0], mass=0.13, barrier_ev=3.0),
     "thickness_nm"),
    (wells.finite_well_ground_ev, dict(thickness_nm=1.0, mass=-0.13, barrier_ev=3.0), "mass"),
    (wells.platelet_gap_ev, dict(monolayers=-4, bulk_gap_ev=1.74, electron_mass=0.13,
                                 hole_mass=0.45), "monolayers"),
    (wells.platelet_gap_ev, dict(monolayers=4, bulk_gap_ev=0.0, electron_mass=0.13,
                                 hole_mass=0.45), "bulk_gap_ev"),
    (wells.platelet_gap_ev, dict(monolayers=4, bulk_gap_ev=1.74, electron_mass=0.13,
                                 hole_mass=np.inf), "hole_mass"),
    (wells.platelet_gap_ev, dict(monolayers=4, bulk_gap_ev=1.74, electron_mass=0.13,
                                 hole_mass=0.45, barrier_ev=0.0), "barrier_ev"),
    (wells.platelet_gap_ev, dict(monolayers=4, bulk_gap_ev=1.74, electron_mass=0.13,
                                 hole_mass=0.45, exciton_binding_mev=-10.0),
     "exciton_binding_mev"),
    (wells.wavelength_to_ev, dict(wavelength_nm=0.0), "wavelength_nm"),
    (wells.dos_2d_per_area, dict(energy_ev=-0.1, thickness_nm=1.2, mass=0.13), "energy_ev"),
    (wells.dos_2d_per_area, dict(energy_ev=0.1, thickness_nm=0.0, mass=0.13), "thickness_nm"),
    (wells.dos_2d_per_volume, dict(energy_ev=0.1, thickness_nm=1.2, mass="heavy"), "mass"),
    (wells.dos_3d, dict(energy_ev=[0.1, -0.2], mass=0.13), "energy_ev"),
    (wells.dos_3d, dict(energy_ev=0.1, mass=0.0), "mass"),
    (wells.npl_auger_lifetime_ps, dict(volume_nm3=0.0), "volume_nm3"),
    (wells.npl_auger_lifetime_ps, dict(volume_nm3=50.0, chi_ps_nm3=-2.7), "chi_ps_nm3"),
    (wells.npl_auger_lifetime_ps, dict(volume_nm3=50.0, saturation_volume_nm3=0.0),
     "saturation_volume_nm3"),
    (wells.npl_to_dot_chi_ratio, dict(chi_npl_ps_nm3=0.0), "chi_npl_ps_nm3"),
    (wells.npl_to_dot_chi_ratio, dict(chi_dot_ps_nm3=-1.0), "chi_dot_ps_nm3"),
    (wells.max_excitons_per_platelet, dict(area_nm2=-340.0, exciton_radius_nm=1.8), "area_nm2"),
    (wells.max_excitons_per_platelet, dict(area_nm2=340.0, exciton_radius_nm=0.0),
     "exciton_radius_nm"),
    (wells.mott_density_cm2, dict(exciton_radius_nm=-1.0), "exciton_radius_nm"),
    (wells.gain_regime, dict(mean_n=-1.0, area_nm2=340.0, exciton_radius_nm=1.8), "mean_n"),
    (wells.gain_regime, dict(mean_n=1.0, area_nm2=0.0, exciton_radius_nm=1.8), "area_nm2"),
    (wells.thermal_energy_mev, dict(temperature_k=0.0), "temperature_k"),
    (wells.binding_to_thermal_ratio, dict(binding_mev=-30.0, temperature_k=300.0), "binding_mev"),
    (wells.binding_to_thermal_ratio, dict(binding_mev=30.0, temperature_k=-300.0),
     "temperature_k"),
]


def test_monolayer_thickness_is_half_the_cubic_cell():
    assert_allclose(wells.CDSE_MONOLAYER_NM, wells.CDSE_ZB_LATTICE_NM / 2, rtol=1e-15)
    assert_allclose(wells.platelet_thickness_nm([4, 4.5]), [4 * 0.30385, 4.5 * 0.30385], rtol=1e-12)


def test_infinite_well_scales_as_n2_over_d2():
    e11 = wells.infinite_well_level_ev(1, 1.0, 1.0)
    assert_allclose(e11, sc.hbar**2 * np.pi**2 / (2 * sc.m_e * 1e-18) / sc.e, rtol=1e-12)
    assert_allclose(wells.infinite_well_level_ev(3, 2.0, 0.5), e11 * 9 / 4 / 0.5, rtol=1e-12)
    out = wells.infinite_well_level_ev(1, np.array([1.0, 2.0]), 0.13)
    assert out.shape == (2,) and out[0] == pytest.approx(4 * out[1])


@pytest.mark.parametrize("barrier_mass", [None, 0.3, 1.0])
def test_finite_well_solves_matching_condition(barrier_mass):
    d, m, v0 = 1.5, 0.13, 2.0
    mb = m if barrier_mass is None else barrier_mass
    levels = wells.finite_well_levels_ev(d, m, v0, barrier_mass)
    assert len(levels) >= 1 and np.all(np.diff(levels) > 0) and np.all(levels < v0)
    for n, e in enumerate(levels, start=1):
        k = np.sqrt(m * e / wells.HBAR2_OVER_2M0_EV_NM2)
        kappa = np.sqrt(mb * (v0 - e) / wells.HBAR2_OVER_2M0_EV_NM2)
        lhs = k / m * (np.tan(k * d / 2) if n % 2 else -1 / np.tan(k * d / 2))
        assert_allclose(lhs, kappa / mb, rtol=1e-8, atol=1e-10)
        # level n lies below the n-th infinite-well level
        assert e < wells.infinite_well_level_ev(n, d, m)


def test_finite_well_tends_to_infinite_well():
    e_inf = wells.infinite_well_level_ev(1, 1.2, 0.13)
    deep = wells.finite_well_ground_ev(1.2, 0.13, 1e6)
    assert_allclose(deep, e_inf, rtol=2e-3)
    shallow = [wells.finite_well_ground_ev(1.2, 0.13, v0) for v0 in (0.5, 1.0, 3.0, 10.0)]
    assert np.all(np.diff(shallow) > 0)


def test_shallow_well_binds_exactly_one_level():
    assert len(wells.finite_well_levels_ev(0.5, 0.1, 0.05)) == 1


def test_finite_ground_vectorised():
    d = np.array([[1.0, 1.5], [2.0, 3.0]])
    out = wells.finite_well_ground_ev(d, 0.45, 3.0)
    assert out.shape == (2, 2) and np.all(np.diff(out.ravel()) < 0)


def test_platelet_gap_limits():
    thick = wells.platelet_gap_ev(1e4, CDSE.eg0_ev, CDSE.me, CDSE.mh)
    assert_allclose(thick, CDSE.eg0_ev, atol=1e-6)
    with_binding = wells.platelet_gap_ev(4, CDSE.eg0_ev, CDSE.me, CDSE.mh, 3.0, 200.0)
    assert_allclose(wells.platelet_gap_ev(4, CDSE.eg0_ev, CDSE.me, CDSE.mh, 3.0) - with_binding,
                    0.2, rtol=1e-12)


def _even_ground_same_mass(d_nm, mass, v0_ev):
    """Ground level of a finite well with equal masses: k tan(kd/2) = kappa, solved here."""
    from scipy.optimize import brentq

    c = sc.hbar**2 / (2 * sc.m_e * sc.e) * 1e18          # hbar^2/2m0 in eV nm^2
    k_max = np.sqrt(mass * v0_ev / c)

    def f(k):
        return k * np.tan(k * d_nm / 2) - np.sqrt(k_max**2 - k**2)

    k = brentq(f, 1e-12, min(k_max, np.pi / d_nm) * (1 - 1e-12), xtol=1e-15)
    return c * k**2 / mass


@pytest.mark.parametrize(("monolayers", "v0"), [(4, 3.0), (7, 3.0), (4, 1.0), (3, 0.5)])
def test_platelet_gap_finite_barrier(monolayers, v0):
    """Finite barrier: E_g0 + E_e1 + E_h1 with each carrier's ground level solved here from
    the even-parity matching condition (same mass in the barrier), to 1e-9 eV; it lies
    between the bulk gap and the infinite-well gap."""
    d = wells.platelet_thickness_nm(monolayers)
    expected = (CDSE.eg0_ev + _even_ground_same_mass(d, CDSE.me, v0)
                + _even_ground_same_mass(d, CDSE.mh, v0))
    finite = wells.platelet_gap_ev(monolayers, CDSE.eg0_ev, CDSE.me, CDSE.mh, v0)
    assert_allclose(finite, expected, atol=1e-9)
    assert CDSE.eg0_ev < finite < wells.platelet_gap_ev(monolayers, CDSE.eg0_ev, CDSE.me, CDSE.mh)
    # electron and hole see the same barrier but their own mass: swapping them changes nothing,
    # a heavier hole binds deeper
    assert_allclose(wells.platelet_gap_ev(monolayers, CDSE.eg0_ev, CDSE.mh, CDSE.me, v0), finite,
                    rtol=1e-13)
    assert (wells.platelet_gap_ev(monolayers, CDSE.eg0_ev, CDSE.me, 2 * CDSE.mh, v0) < finite)


def test_platelet_gap_finite_barrier_is_vectorised_and_binding_subtracted():
    ml = np.array([3.0, 4.0, 5.0, 7.0])
    gaps = wells.platelet_gap_ev(ml, CDSE.eg0_ev, CDSE.me, CDSE.mh, 3.0, 25.0)
    single = [wells.platelet_gap_ev(m, CDSE.eg0_ev, CDSE.me, CDSE.mh, 3.0) - 0.025 for m in ml]
    assert gaps.shape == (4,) and np.all(np.diff(gaps) < 0)
    assert_allclose(gaps, single, rtol=1e-13)


def test_dos_staircase_touches_bulk_at_step_edges():
    d, m = 1.215, 0.13
    for n in (1, 2, 3):
        e_n = wells.infinite_well_level_ev(n, d, m)
        assert_allclose(wells.dos_2d_per_volume(e_n * (1 + 1e-12), d, m), wells.dos_3d(e_n, m),
                        rtol=1e-9)
        assert wells.dos_2d_per_volume(e_n * (1 - 1e-9), d, m) < wells.dos_3d(e_n, m)
    assert wells.dos_2d_per_area(0.5 * wells.infinite_well_level_ev(1, d, m), d, m) == 0


def test_dos_per_subband_value():
    # m m0 / (pi hbar^2) in eV^-1 nm^-2
    expected = CDSE.me * sc.m_e / (np.pi * sc.hbar**2) * sc.e * 1e-18
    e = 1.5 * wells.infinite_well_level_ev(1, 1.2, CDSE.me)
    assert_allclose(wells.dos_2d_per_area(e, 1.2, CDSE.me), expected, rtol=1e-12)


def test_npl_auger_linear_then_plateau():
    v = np.array([10.0, 50.0, 100.0, 200.0, 1000.0])
    tau = wells.npl_auger_lifetime_ps(v)
    assert_allclose(tau, [27.0, 135.0, 270.0, 270.0, 270.0], rtol=1e-12)
    assert_allclose(tau[:2] / auger.auger_lifetime_ps(v[:2]), 2.7, rtol=1e-12)


def test_npl_auger_is_the_one_volume_law():
    vol = np.array([20.0, 80.0, 300.0])
    assert_allclose(wells.npl_auger_lifetime_ps(vol, 2.0, 150.0),
                    auger.auger_lifetime_ps(np.minimum(vol, 150.0), 2.0), rtol=0)


def test_constants_come_from_units():
    from qdbook import units
    assert wells.HBAR2_OVER_2M0_EV_NM2 is units.HBAR2_OVER_2M0_EV_NM2
    assert wells.wavelength_to_ev is units.photon_energy_ev


def test_space_filling_and_mott_density():
    a = 1.8
    assert_allclose(wells.max_excitons_per_platelet(np.pi * a**2 * 10, a), 10.0, rtol=1e-12)
    assert_allclose(wells.mott_density_cm2(a), 1 / (np.pi * (a * 1e-7) ** 2), rtol=1e-12)
    # N_max / A is the Mott density (unit check: nm^-2 -> cm^-2)
    assert_allclose(wells.max_excitons_per_platelet(500.0, a) / 500.0 * 1e14,
                    wells.mott_density_cm2(a), rtol=1e-12)


@pytest.mark.parametrize(("mean_n", "area", "expected"), [
    (0.5, 10.0, "state filling"), (50.0, 10.0, "state filling"),
    (1.0, 340.0, "space filling"), (100.0, 340.0, "e-h plasma")])
def test_gain_regimes(mean_n, area, expected):
    assert wells.gain_regime(mean_n, area, 1.8) == expected


def test_thermal_energy():
    assert_allclose(wells.thermal_energy_mev(300.0), sc.k * 300 / sc.e * 1e3, rtol=1e-15)
    assert_allclose(wells.binding_to_thermal_ratio(25.852, 300.0), 1.0, rtol=1e-4)
