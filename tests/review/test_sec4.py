"""Every number of review section 4 that the book reproduces.

Each test names the review's value, the tolerance and the section. Where the
model differs from the review's rounding or statement, the test asserts the
model's own value and the docstring says so (the pages explain why).
"""

import numpy as np
import pytest
import sympy as sp
from helpers import check_reproducibility_entry
from numpy.testing import assert_allclose

from qdbook import auger, charging, perovskite, pumping, wells
from qdbook import equations as eqs
from qdbook import reproducibility as rep
from qdbook.materials import get_material

CDSE = get_material("CdSe")


# --- 4.1 Nanoplatelets -----------------------------------------------------------------
def test_shift_7_to_4_ml_sec_4_1():
    """Review 4.1.1: band edge moves by "nearly 1 eV" between 7 and 4 ML. The models give
    1.70 eV (infinite well, tolerance 0.005 eV) and 0.65 eV (finite well, V0 = 3 eV); the
    sourced emission data bound the measured shift below 0.71 eV (3 -> 8 ML). Neither the
    infinite-well value nor the data agree with ~1 eV within 0.3 eV; the page says so."""
    gaps = wells.platelet_gap_ev(np.array([4.0, 7.0]), CDSE.eg0_ev, CDSE.me, CDSE.mh)
    assert_allclose(gaps[0] - gaps[1], 1.70, atol=0.005)
    finite = wells.platelet_gap_ev(np.array([4.0, 7.0]), CDSE.eg0_ev, CDSE.me, CDSE.mh, 3.0)
    assert_allclose(finite[0] - finite[1], 0.65, atol=0.005)
    measured = wells.wavelength_to_ev([wells.MEASURED_CDSE_NPL_EMISSION[k][0] for k in (3, 8)])
    assert_allclose(measured[0] - measured[1], 0.711, atol=0.001)
    assert abs((gaps[0] - gaps[1]) - wells.REVIEW_SHIFT_7_TO_4_ML_EV) > 0.3
    assert measured[0] - measured[1] < wells.REVIEW_SHIFT_7_TO_4_ML_EV


def test_monolayer_thickness_sec_4_1():
    """Review 4.1.1: thickness tunable from 2 to 8 ML; one CdSe ML = a/2 = 0.304 nm (3 digits),
    so 4 ML = 1.215 nm and 7 ML = 2.127 nm (tolerance 0.001 nm)."""
    assert f"{wells.CDSE_MONOLAYER_NM:.3f}" == "0.304"
    assert_allclose(wells.platelet_thickness_nm([4, 7]), [1.215, 2.127], atol=0.001)


def test_chi_npl_three_times_0d_sec_4_1():
    """Review 4.1.2: chi_NPL = 2.7 ps nm^-3, "approximately three times" chi = 1 ps nm^-3;
    the model ratio is 2.7 (exact), within the rounding of "three" (tolerance 0.5)."""
    ratio = wells.npl_to_dot_chi_ratio()
    assert ratio == pytest.approx(2.7, abs=1e-12)
    assert abs(ratio - 3) <= 0.5


def test_npl_auger_plateau_sec_4_1():
    """Review 4.1.2: linear scaling below ~100 nm^3, plateau above; core-only platelets of
    ~200 nm^3 measure ~200-400 ps and none exceeds ~600 ps. Model plateau: 270 ps (exact),
    inside 200-400 ps and below 600 ps."""
    tau = wells.npl_auger_lifetime_ps(np.array([99.0, 100.0, 200.0, 2000.0]))
    assert_allclose(tau, [267.3, 270.0, 270.0, 270.0], rtol=1e-12)
    assert 200 <= tau[2] <= 400 and tau.max() < 600


def test_space_filling_sec_4_1():
    """Review 4.1.3: N_max ~ A/(pi a_2D^2), rho_Mott ~ 1/(pi a_2D^2); the plasma gain band at
    <N> ~ 35 in 4-ML platelets of A ~ 340 nm^2 implies a_2D = 1.76 nm and
    rho_Mott = 1.03e13 cm^-2 in this estimate (tolerance 0.005 nm, 1 %); the exciton-molecule
    band at <N> ~ 4 lies in the space-filling regime."""
    from scipy.optimize import brentq
    a = brentq(lambda r: wells.max_excitons_per_platelet(340.0, r) - 35.0, 0.5, 5.0, xtol=1e-12)
    assert_allclose(a, 1.76, atol=0.005)
    assert_allclose(wells.mott_density_cm2(a), 1.03e13, rtol=0.01)
    assert_allclose(wells.max_excitons_per_platelet(340.0, a), 35.0, rtol=1e-12)
    assert wells.gain_regime(4.0, 340.0, a) == "space filling"
    assert wells.gain_regime(36.0, 340.0, a) == "e-h plasma"
    assert wells.gain_regime(1.0, 10.0, a) == "state filling"


def test_biexciton_binding_vs_kt_sec_4_1():
    """Review 4.1.3: biexciton binding 30-40 meV exceeds k_BT ~ 25 meV at room temperature.
    k_BT from scipy.constants: 25.85 meV at 300 K, 25.42 meV at 295 K (tolerance 0.005 meV);
    Delta/k_BT(300 K) = 1.16 and 1.55 (tolerance 0.005), both > 1."""
    assert_allclose(wells.thermal_energy_mev(300.0), 25.85, atol=0.005)
    assert_allclose(wells.thermal_energy_mev(295.0), 25.42, atol=0.005)
    assert abs(wells.thermal_energy_mev(300.0) - 25) < 1.0
    ratios = wells.binding_to_thermal_ratio(np.array(wells.NPL_BIEXCITON_BINDING_MEV), 300.0)
    assert_allclose(ratios, [1.16, 1.55], atol=0.005)
    assert np.all(ratios > 1)


# --- 4.2 Perovskite nanocrystals -------------------------------------------------------
def test_perovskite_17x_shorter_sec_4_2():
    """Review 4.2.1 (and the inventory): chi ~ 0.06 ps nm^-3 makes Auger lifetimes ~17x shorter
    than II-VI at equal volume. Model: 1/0.06 = 16.67 (tolerance 0.005), i.e. "~17"
    within rounding (0.5); the Auger-limited cw threshold I_1/2 carries the same ratio."""
    ratio = perovskite.equal_volume_auger_ratio()
    assert_allclose(ratio, 16.67, atol=0.005)
    assert abs(ratio - 17) < 0.5
    for edge in (5.0, 8.0, 12.0):
        t_p = perovskite.cube_auger_lifetime_ps(edge)
        t_c = perovskite.cube_auger_lifetime_ps(edge, auger.CHI_STANDARD_PS_NM3)
        i_ratio = (pumping.half_saturation_intensity_w_cm2(3.0, 1e-14, t_p)
                   / pumping.half_saturation_intensity_w_cm2(3.0, 1e-14, t_c))
        assert_allclose(i_ratio, 1 / 0.06, rtol=1e-12)


def test_cross_section_comparison_sec_4_2():
    """Review 4.2.1: CsPbBr3 of 250 nm^3 absorbs like CdSe of 48 nm^3 (volume ratio 5.2,
    tolerance 0.05), implying bulk absorption ~10x lower. With the book's assumed indices
    the cross-section formula gives 6.6x (tolerance 0.05); the page states the difference."""
    vols = perovskite.REVIEW_CROSS_SECTION_VOLUMES_NM3
    assert_allclose(vols["CsPbBr3"] / vols["CdSe"], 5.2, atol=0.05)
    n = perovskite.ASSUMED_REFRACTIVE_INDEX
    s_cdse = perovskite.absorption_cross_section_cm2(vols["CdSe"], 1.0, n["CdSe"], n["hexane"])
    s_pvk = perovskite.absorption_cross_section_cm2(vols["CsPbBr3"], 1.0, n["CsPbBr3"],
                                                    n["hexane"])
    assert_allclose(s_pvk / s_cdse, 6.58, atol=0.05)


@pytest.mark.parametrize(("g", "n_th", "saturation"), [((2, 2), 1.0, 2), ((2, 4), 4 / 3, 4),
                                                        ((4, 4), 2.0, 4)])
def test_degeneracy_thresholds_sec_4_2(g, n_th, saturation):
    """Review 4.2.2: g_e = g_h = 2 gives <N_th,gain> = 1 and saturation at <N> >= 2 (exact);
    the g = 4 alternatives give 4/3 and 2 (exact), saturating at N = 4: the band-edge
    inversion reaches its maximum 1 there and not 1 % before."""
    assert perovskite.band_edge_gain_threshold(*g) == pytest.approx(n_th, abs=1e-12)
    assert charging.band_edge_inversion(saturation, 0.0, *g) == 1.0
    assert charging.band_edge_inversion(0.99 * saturation, 0.0, *g) < 1.0
    N = sp.Symbol("N", positive=True)
    form = eqs.form("rel-4.2-degeneracy").subs({sp.Symbol("g_e", positive=True): g[0],
                                                 sp.Symbol("g_h", positive=True): g[1]})
    assert sp.nsimplify(form) == sp.nsimplify(n_th) and N not in form.free_symbols


def test_saturated_early_late_ratio_sec_4_2():
    """Review 4.2.2 (Fig. 26b): at large <N> the early/late ratio is set by the degeneracies.
    Model: A/B -> g_e g_h = 4, 8, 16 (tolerance 1e-6 relative at <N> = 35)."""
    for g, expected in (((2, 2), 4), ((2, 4), 8), ((4, 4), 16)):
        assert_allclose(perovskite.early_to_late_ratio(35.0, *g), expected, rtol=1e-6)


def test_halide_tuning_range_sec_4_2():
    """Review 4.2.2: ASE tunable from ~470 nm (Cl/Br) via ~540 nm (Br) to ~630 nm (Br/I). The
    end-member emission model spans 410-700 nm (exact, its sources), which contains that range;
    Br emission 510 nm sits 0.135 eV (tolerance 0.001 eV) above its 540-nm ASE."""
    lam = perovskite.emission_wavelength_nm(np.array([-1.0, 0.0, 1.0]))
    assert_allclose(lam, [410.0, 510.0, 700.0], rtol=1e-9)
    ase = perovskite.REVIEW_ASE_NM
    assert lam[0] < ase["Cl/Br"] < ase["Br"] < ase["Br/I"] < lam[-1]
    offset = wells.wavelength_to_ev(510.0) - wells.wavelength_to_ev(ase["Br"])
    assert_allclose(offset, 0.135, atol=0.001)


def test_gain_and_lifetime_facts_sec_4_2():
    """Review 4.2.2: gain ~450 cm^-1 (stored exactly as quoted); the 0.06 ps nm^-3 constant
    puts a 10-nm cube at 60 ps (exact), an 8-nm cube at 30.7 ps (tolerance 0.05 ps)."""
    assert perovskite.REVIEW_GAIN_CM == 450.0
    assert_allclose(perovskite.cube_auger_lifetime_ps(10.0), 60.0, rtol=1e-12)
    assert_allclose(perovskite.cube_auger_lifetime_ps(8.0), 30.72, atol=0.05)


# --- the reproducibility report's rows of these sections (qdbook.reproducibility) -----------
@pytest.mark.parametrize("entry", rep.for_section("4"), ids=lambda e: e.key)
def test_reproducibility_entry_sec_4(entry):
    """Each row of chapters/appendix/reproducibility.md for these sections: the verdict it
    claims (reproduced within the entry's tolerance, or differs with a reason) holds for the
    value the package computes now, and the page and label it links exist."""
    check_reproducibility_entry(entry)
