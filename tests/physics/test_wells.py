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


# -- finite well: how many levels, and the edges of the solver's range ------------------------

C = wells.HBAR2_OVER_2M0_EV_NM2


def _barrier_for(levels_half, d, m):
    """V_0 at which θ_max = (d/2) sqrt(m V_0/(ħ²/2m0)) equals ``levels_half`` × π/2."""
    return (levels_half * np.pi / d) ** 2 * C / m


@pytest.mark.parametrize(("half_turns", "count"), [(0.3, 1), (0.97, 1), (1.03, 2), (1.5, 2),
                                                   (2.5, 3), (3.2, 4)])
def test_finite_well_binds_one_level_per_half_turn(half_turns, count):
    """Level n exists when θ_max > (n − 1)π/2 (kd/2 of the n-th state lies in
    ((n−1)π/2, nπ/2)): a well binds floor(2θ_max/π) + 1 levels, alternating even and odd."""
    d, m = 2.0, 0.2
    v0 = _barrier_for(half_turns, d, m)
    levels = wells.finite_well_levels_ev(d, m, v0)
    assert len(levels) == count
    # each level lies below its infinite-well partner and below the barrier
    n = np.arange(1, count + 1)
    assert np.all(levels < wells.infinite_well_level_ev(1, d, m) * n ** 2)   # E_n = n² E_1
    assert np.all(levels < v0)


def test_finite_well_level_limit_is_1000():
    """At most 1000 bound levels: 999.5 half turns give exactly 1000 (accepted), 1000.5 would
    give 1001 and are refused by name; the limit d sqrt(m V_0) = 1000 π sqrt(ħ²/2m0) = 613."""
    d, m = 199.0, 1.0
    assert len(wells.finite_well_levels_ev(d, m, _barrier_for(999.5, d, m))) == 1000
    with pytest.raises(ValueError, match=r"^thickness_nm, mass and barrier_ev must give a well "
                                         r"of at most 1000 bound levels \(allowed range: "
                                         r"d sqrt\(m V_0\) <= 613 nm eV\^1/2\), got about 1001"):
        wells.finite_well_levels_ev(d, m, _barrier_for(1000.5, d, m))


def test_finite_well_thickness_range_is_open_at_200_nm():
    with pytest.raises(ValueError, match=r"^thickness_nm must lie in \(0, 200\)"):
        wells.finite_well_levels_ev(200.0, 0.1, 0.01)
    with pytest.raises(ValueError, match=r"^thickness_nm must lie in \(0, 200\)"):
        wells.finite_well_ground_ev(200.0, 0.1, 0.01)
    assert wells.finite_well_ground_ev(199.9, 0.1, 0.01) > 0
    for func in (wells.finite_well_levels_ev, wells.finite_well_ground_ev):
        for kwargs, name in [(dict(barrier_mass=0.0), "barrier_mass"),
                             (dict(barrier_mass=[0.1, 0.2]), "barrier_mass"),
                             (dict(mass=[0.1, 0.2]), "mass"), (dict(barrier_ev=0.0), "barrier_ev"),
                             (dict(barrier_ev=[1.0, 2.0]), "barrier_ev")]:
            with pytest.raises(ValueError, match=f"^{name} must"):
                func(**(dict(thickness_nm=1.2, mass=0.13, barrier_ev=1.0) | kwargs))


def test_ground_level_with_barrier_mass_is_the_first_level():
    """The vectorised ground level and the full ladder agree, also with a barrier mass of
    its own; a lighter barrier mass lets the wave function leak more: a lower level."""
    for mb in (None, 0.3, 0.05):
        ladder = wells.finite_well_levels_ev(1.5, 0.13, 2.0, mb)
        assert wells.finite_well_ground_ev(1.5, 0.13, 2.0, mb) == pytest.approx(ladder[0],
                                                                                rel=1e-14)
    # BenDaniel–Duke: κ/m_b grows as m_b^-1/2 for a lighter barrier, so the ground state
    # matches at a larger θ: a higher level for m_b = 0.05 than for m_b = m_w = 0.13
    heavy = wells.finite_well_ground_ev(1.5, 0.13, 2.0, 0.5)
    same = wells.finite_well_ground_ev(1.5, 0.13, 2.0)
    light = wells.finite_well_ground_ev(1.5, 0.13, 2.0, 0.05)
    assert heavy < same < light < wells.infinite_well_level_ev(1, 1.5, 0.13)


# -- densities of states -----------------------------------------------------------------------

def test_dos_3d_closed_form_from_constants():
    """g_3D = (1/2π²)(2 m m0/ħ²)^{3/2} √E, here from scipy.constants in SI, then per eV nm³."""
    m, e = 0.13, 0.4
    si = 1 / (2 * np.pi ** 2) * (2 * m * sc.m_e / sc.hbar ** 2) ** 1.5 * np.sqrt(e * sc.e)
    assert wells.dos_3d(e, m) == pytest.approx(si * sc.e * 1e-27, rel=1e-12)
    assert wells.dos_3d(0.0, m) == 0.0


def test_dos_2d_per_volume_is_per_area_over_thickness():
    """Two subbands below E = 5 E_1 (E_2 = 4 E_1 < 5 E_1 < 9 E_1): twice the per-subband step,
    divided by d for the per-volume density."""
    d, m = 1.2, 0.13
    e = 5 * wells.infinite_well_level_ev(1, d, m)
    step = m * sc.m_e / (np.pi * sc.hbar ** 2) * sc.e * 1e-18
    assert wells.dos_2d_per_area(e, d, m) == pytest.approx(2 * step, rel=1e-12)
    assert wells.dos_2d_per_volume(e, d, m) == pytest.approx(2 * step / d, rel=1e-12)
    with pytest.raises(ValueError, match="^thickness_nm must be > 0"):
        wells.dos_2d_per_volume(e, -1.2, m)


# -- gain regimes, constants -------------------------------------------------------------------

def test_gain_regime_edges():
    """A/(π a²) = 2 exactly (A = 2π a²) already holds two excitons side by side: space filling;
    ⟨N⟩ equal to A/(π a²) is the Mott density itself: plasma."""
    a = 1.0
    assert wells.gain_regime(0.5, 2 * np.pi * a ** 2, a) == "space filling"
    assert wells.gain_regime(0.5, 1.99 * np.pi * a ** 2, a) == "state filling"
    assert wells.gain_regime(10.0, 10 * np.pi * a ** 2, a) == "e-h plasma"
    assert wells.gain_regime(9.99, 10 * np.pi * a ** 2, a) == "space filling"
    with pytest.raises(ValueError, match="^mean_n must be a single real number"):
        wells.gain_regime([1.0, 2.0], 340.0, 1.8)


def test_thermal_energy_codata():
    """k_B = 8.617333262e-5 eV/K exactly (CODATA 2018 / SI 2019): k_B·300 K = 25.852 meV."""
    assert wells.thermal_energy_mev(300.0) == pytest.approx(8.617333262e-5 * 300 * 1e3,
                                                            rel=1e-9)
    assert wells.binding_to_thermal_ratio(30.0, 300.0) == pytest.approx(
        30.0 / (8.617333262e-2 * 300), rel=1e-9)


def test_npl_to_dot_ratio_defaults():
    """χ_NPL/χ_dot with the review's 2.7 ps nm⁻³ and the dots' standard χ."""
    assert wells.npl_to_dot_chi_ratio() == pytest.approx(
        wells.CHI_NPL_PS_NM3 / auger.CHI_STANDARD_PS_NM3, rel=1e-15)
    assert wells.npl_to_dot_chi_ratio(5.4, 2.0) == pytest.approx(2.7, rel=1e-15)


def test_platelet_thickness_custom_monolayer():
    assert wells.platelet_thickness_nm(4, 0.5) == pytest.approx(2.0, rel=1e-15)
    assert wells.platelet_thickness_nm(4) == pytest.approx(2 * 0.6077, rel=1e-15)


def test_mass_errors_name_the_carrier():
    """The message names the very parameter (anchored: a longer name containing it is wrong)."""
    with pytest.raises(ValueError, match="^mass must be > 0"):
        wells.finite_well_levels_ev(1.2, -0.13, 1.0)
    for name in ("electron_mass", "hole_mass"):
        with pytest.raises(ValueError, match=f"^{name} must be > 0"):
            wells.platelet_gap_ev(**(dict(monolayers=4, bulk_gap_ev=1.74, electron_mass=0.13,
                                          hole_mass=0.45) | {name: 0.0}))


def test_second_level_at_the_barrier_top_is_not_bound():
    """θ_max = π/2 exactly (V_0 chosen so, in float64 too): the odd state would sit at E = V_0
    with κ = 0, a free state, so the well binds one level only (θ_max ≤ (n − 1)π/2: none)."""
    d, m = 2.0, 1.0
    v0 = (np.pi / 2 / (d / 2)) ** 2 * C / m
    assert d / 2 * np.sqrt(m * v0 / C) == np.pi / 2        # the edge is hit exactly
    assert len(wells.finite_well_levels_ev(d, m, v0)) == 1


def test_a_level_just_bound_has_a_binding_energy_quadratic_in_the_excess_depth():
    """Equal masses, theta_max = (d/2) (m V0)^(1/2)/hbar = pi/2 + delta binds a second level;
    near threshold its binding energy is (V0 - E2)/V0 = delta^2 (the 1D threshold law)."""
    m, v0, delta = 1.0, 1.0, 1e-6
    d = 2 * (np.pi / 2 + delta) / np.sqrt(m * v0 / wells.HBAR2_OVER_2M0_EV_NM2)
    levels = wells.finite_well_levels_ev(d, m, v0)
    assert len(levels) == 2
    assert_allclose((v0 - levels[1]) / v0, delta**2, rtol=1e-3)
    # just below the threshold the second level is gone
    assert len(wells.finite_well_levels_ev(d * (1 - 2e-6), m, v0)) == 1
