"""Shell filling, eq-7 thresholds and multi-band gain spectra (qdbook.statefilling)."""

import numpy as np
import pytest
import sympy as sp
from numpy.testing import assert_allclose

from qdbook import equations as eqs
from qdbook import statefilling as s

CASES = [
    # (function, kwargs, parameter named in the message)
    (s.shell_occupancy, dict(n_carriers=-1), "n_carriers"),
    (s.shell_occupancy, dict(n_carriers=40), "n_carriers"),
    (s.shell_occupancy, dict(n_carriers=1, degeneracies=[2, -6]), "degeneracies"),
    (s.occupation_factors, dict(n_carriers="two"), "n_carriers"),
    (s.transition_inversion, dict(n_excitons=-2), "n_excitons"),
    (s.transition_inversion, dict(n_excitons=2, n_electrons_extra=-1),
     "n_electrons_extra"),
    (s.shell_gain_threshold, dict(shell=3), "shell"),
    (s.shell_gain_threshold, dict(shell=-1), "shell"),
    (s.ensemble_inversion, dict(mean_n=-0.1), "mean_n"),
    (s.gaussian_line, dict(energy_ev=2.0, centre_ev=2.0, fwhm_ev=0), "fwhm_ev"),
    (s.gain_spectrum_cm, dict(energy_ev=[2.0], mean_n=1, band_energies_ev=[2.0, 2.2],
                              alpha_1s_cm=1, fwhm_ev=0.05), "band_energies_ev"),
    (s.gain_spectrum_cm, dict(energy_ev=[2.0], mean_n=1,
                              band_energies_ev=[2.0, 2.2, 2.4], alpha_1s_cm=-1,
                              fwhm_ev=0.05), "alpha_1s_cm"),
    (s.auger_assisted_photon_energy_ev, dict(exciton_energy_ev=2.0,
                                             intraband_energy_ev=2.5),
     "intraband_energy_ev"),
    (s.auger_assisted_photon_energy_ev, dict(exciton_energy_ev=-2.0,
                                             intraband_energy_ev=0.2),
     "exciton_energy_ev"),
    (s.scaled_transition_energy_ev, dict(e_1s_ev=2.1, e_1p_ev=2.0, n=1, L=2),
     "e_1p_ev"),
    (s.scaled_transition_energy_ev, dict(e_1s_ev=2.1, e_1p_ev=2.3, n=0, L=2), "n"),
    (s.electron_intraband_energy_ev, dict(e_1s_ev=2.1, e_1p_ev=2.3,
                                          electron_share=1.5), "electron_share"),
    (s.electron_intraband_energy_ev, dict(e_1s_ev=2.1, e_1p_ev=2.3,
                                          electron_share=0.7, n_to=1, L_to=0), "L_to"),
]


def test_occupancy_conserves_carriers():
    n = np.array([0, 1.5, 2, 7, 18])
    occ = s.shell_occupancy(n)
    assert_allclose(occ.sum(axis=-1), n)
    assert_allclose(s.occupation_factors(18), [1, 1, 1])


def test_thresholds_general_degeneracies():
    assert s.shell_gain_threshold(0, (8,)) == pytest.approx(4.0)
    assert s.shell_gain_threshold(1, (2, 6, 10)) == pytest.approx(5.0)


def test_eq7_root_solves_registered_equation():
    """eq-7 is an equation: its root N = N_low + g/2 solves it (and sympy agrees)."""
    form = eqs.form("eq-7")
    N, N_low, g = (sp.Symbol(x, positive=True) for x in ("N", "N_low", "g"))
    for low, deg in [(2, 6), (8, 10), (4, 4)]:
        root = eqs.numeric("eq-7")(N_low=low, g=deg)
        residual = (form.lhs - form.rhs).subs({N: root, N_low: low, g: deg})
        assert abs(float(residual)) < 1e-12
        assert float(sp.solve(form.subs({N_low: low, g: deg}), N)[0]) == pytest.approx(root)


def test_ensemble_inversion_limits():
    assert_allclose(s.ensemble_inversion(0.0), [-1, -1, -1])
    assert_allclose(s.ensemble_inversion(39.0), [1, 1, 1], atol=1e-3)
    inv = s.ensemble_inversion(np.linspace(0, 20, 41))
    assert np.all(np.diff(inv, axis=0) >= -1e-12)        # more pumping never hurts


def test_gain_spectrum_sign():
    e = np.linspace(1.9, 2.7, 200)
    bands = (2.1, 2.27, 2.49)
    assert np.all(s.gain_spectrum_cm(e, 0.0, bands, 1.0, 0.05) <= 0)
    assert s.gain_spectrum_cm(2.1, 3.0, bands, 1.0, 0.05) > 0


def test_scaled_ladder_and_auger_assisted():
    assert s.scaled_transition_energy_ev(2.0, 2.2, 1, 0) == pytest.approx(2.0)
    assert s.scaled_transition_energy_ev(2.0, 2.2, 1, 1) == pytest.approx(2.2)
    assert s.auger_assisted_photon_energy_ev(2.1, 0.2) == pytest.approx(1.9)


# -- shell filling: exact occupancies of small, hand-countable cases --------------------------

def test_shells_fill_in_order_of_energy():
    """3 carriers: 1S full (2), one in 1P, 1D empty; the top of the ladder (18) fills all."""
    # counted by hand: exact integers, so exact comparison
    assert_allclose(s.shell_occupancy(3), [2, 1, 0], atol=0)
    assert_allclose(s.shell_occupancy(18), [2, 6, 10], atol=0)   # sum(g) itself is accepted
    assert_allclose(s.occupation_factors(5), [1, 0.5, 0], atol=0)  # half-filled 1P at N = 5


def test_non_default_degeneracies_and_unit_shell():
    """A ladder of two singly degenerate shells (g = 1, the smallest allowed) fills one by one."""
    assert_allclose(s.shell_occupancy(1.5, (1, 1)), [1, 0.5], atol=0)
    assert_allclose(s.occupation_factors(1.5, (1, 4)), [1, 0.125], atol=0)
    # the 1S threshold of a g = 1 shell is half a carrier: f_e + f_h = 2 n = 1
    assert s.shell_gain_threshold(0, (1, 1)) == pytest.approx(0.5, abs=1e-13)  # brentq xtol


def test_bad_degeneracies_are_refused_by_name():
    with pytest.raises(ValueError, match=r"degeneracies must be a non-empty sequence of "
                                         r"degeneracies >= 1 \(allowed range \[1, "):
        s.shell_occupancy(1, (0.5, 2))
    with pytest.raises(ValueError, match="degeneracies must be a non-empty sequence"):
        s.shell_occupancy(1, [[2, 6]])                      # a 2-D table is not a ladder
    with pytest.raises(ValueError, match=r"n_carriers must lie in \[0, 18\]"):
        s.shell_occupancy(18.000001)


# -- inversion of charged dots ----------------------------------------------------------------

def test_extra_electrons_shift_the_inversion():
    """Two doping electrons fill 1S for electrons: an unexcited dot is already transparent.

    f_e,1S = 1, f_h,1S = 0, so the 1S inversion is 0; one exciton more gives
    f_e = 1, f_h = 1/2: +1/2 (the charged-dot optical gain of chapter 3), and its electron
    goes to 1P (f_e,1P = 1/6, inversion 1/6 − 1).
    """
    assert_allclose(s.transition_inversion(0.0, n_electrons_extra=2.0), [0, -1, -1], atol=0)
    assert_allclose(s.transition_inversion(1.0, n_electrons_extra=2.0), [0.5, -5 / 6, -1],
                    rtol=1e-15)
    # one extra electron: 1S f_e = 1/2 with no exciton, half-way to transparency
    assert_allclose(s.transition_inversion(0.0, n_electrons_extra=1.0), [-0.5, -1, -1], atol=0)


def test_extra_electrons_may_fill_exactly_every_place():
    """n + n_extra = sum(g) is allowed (every electron place full); one more is refused."""
    # electrons: all 18 places full (f_e = 1); holes: 2 + 6 + 2, so f_h,1D = 2/10
    assert_allclose(s.transition_inversion(10.0, n_electrons_extra=8.0), [1, 1, 0.2],
                    rtol=1e-15)
    with pytest.raises(ValueError, match=r"n_excitons \+ n_electrons_extra must lie in "
                                         r"\[0, 18\]"):
        s.transition_inversion(10.0, n_electrons_extra=8.5)
    with pytest.raises(ValueError, match=r"n_excitons must lie in \[0, 18\]"):
        s.transition_inversion(18.5)


def test_thresholds_of_every_shell_and_asymmetric_ladder():
    """eq-7: transparency when the lower shells are full and shell i is half full.

    Default ladder: 1D at 2 + 6 + 10/2 = 13 (the last valid index); a ladder (4, 2) has its
    thresholds at 4/2 = 2 and 4 + 2/2 = 5. brentq runs with xtol 1e-13.
    """
    assert s.shell_gain_threshold(2) == pytest.approx(13.0, abs=1e-12)
    assert s.shell_gain_threshold(0, (4, 2)) == pytest.approx(2.0, abs=1e-12)
    assert s.shell_gain_threshold(1, (4, 2)) == pytest.approx(5.0, abs=1e-12)
    # a root that bisection does not hit exactly: g = (3, 7) gives 3 + 3.5 = 6.5 for 1P;
    # g = (3,) gives 1.5 — the 1e-13 tolerance is what pins these to 1e-12
    assert s.shell_gain_threshold(1, (3, 7)) == pytest.approx(6.5, abs=2e-13)
    assert s.shell_gain_threshold(0, (3,)) == pytest.approx(1.5, abs=2e-13)
    with pytest.raises(ValueError, match=r"shell must be < 3 \(the number of shells\)"):
        s.shell_gain_threshold(3)


# -- Poisson ensemble -------------------------------------------------------------------------

def test_ensemble_1s_inversion_closed_form():
    """1S of a Poisson ensemble: dots with 0 excitons absorb (−1), 1 are transparent (0),
    2 or more amplify (+1), so ⟨inv⟩ = 1 − 2 p0 − p1 = 1 − (2 + ⟨N⟩) e^{−⟨N⟩}.

    Its zero is the Poisson gain threshold ⟨N⟩ ≈ 1.15 of chapter 3 (statistics module).
    """
    m = np.array([0.3, 1.0, 2.5, 12.0])
    assert_allclose(s.ensemble_inversion(m)[..., 0], 1 - (2 + m) * np.exp(-m),
                    rtol=1e-12, atol=1e-14)  # sum over 81 Poisson terms, round-off only
    # ⟨N⟩ = 40, the upper end of the allowed range: the sum stops at N = 80, whose Poisson
    # tail P(N > 80) = 8.3e-9 is missing from the weights, hence the 1e-8 tolerance
    assert s.ensemble_inversion(40.0)[0] == pytest.approx(1.0, abs=1e-8)
    with pytest.raises(ValueError, match=r"mean_n must lie in \[0, 40\]"):
        s.ensemble_inversion(40.01)


def test_ensemble_single_place_shell_saturates():
    """A one-place ladder (g = 1): every dot holding ≥ 1 exciton is fully inverted, the
    surplus excitons are ignored, so ⟨inv⟩ = −p0 + (1 − p0) = 1 − 2 e^{−⟨N⟩}."""
    m = np.array([0.5, 3.0, 20.0])
    assert_allclose(s.ensemble_inversion(m, (1,))[..., 0], 1 - 2 * np.exp(-m), rtol=1e-12)


# -- line shapes and gain spectra -------------------------------------------------------------

def test_gaussian_line_half_maximum_and_area():
    """Peak 1 at the centre, 1/2 at centre ± FWHM/2, area FWHM·sqrt(π/(4 ln 2))."""
    from scipy.integrate import quad

    assert s.gaussian_line(2.0, 2.0, 0.1) == pytest.approx(1.0, abs=1e-15)
    assert_allclose(s.gaussian_line(np.array([1.95, 2.05]), 2.0, 0.1), [0.5, 0.5], rtol=1e-12)
    area = quad(lambda e: s.gaussian_line(e, 2.0, 0.1), 1.0, 3.0, epsabs=1e-14)[0]
    assert area == pytest.approx(0.1 * np.sqrt(np.pi / (4 * np.log(2))), rel=1e-10)


def test_gain_spectrum_band_strengths_follow_degeneracy():
    """Unexcited ensemble: each well-separated band absorbs α_1S·g_i/g_1S at its peak.

    Bands 1 eV apart with 10 meV lines overlap by e^{-(1/0.006)^2} = 0, so the peaks are exact.
    """
    bands = (1.0, 2.0, 3.0)
    g = s.gain_spectrum_cm(np.array(bands), 0.0, bands, 5.0, 0.01)
    assert_allclose(g, [-5.0, -15.0, -25.0], rtol=1e-14)
    # a ladder of other degeneracies: strengths 4/4 and 2/4 of α
    g2 = s.gain_spectrum_cm(np.array([1.0, 2.0]), 0.0, (1.0, 2.0), 5.0, 0.01,
                            degeneracies=(4, 2))
    assert_allclose(g2, [-5.0, -2.5], rtol=1e-14)


def test_gain_spectrum_at_1s_peak_follows_ensemble_inversion():
    """At the 1S peak, isolated, G = α_1S·⟨inv_1S⟩ = α[1 − (2 + ⟨N⟩)e^{−⟨N⟩}]."""
    m = 2.0
    val = s.gain_spectrum_cm(1.0, m, (1.0, 2.0, 3.0), 3.0, 0.01)
    assert val == pytest.approx(3.0 * (1 - (2 + m) * np.exp(-m)), rel=1e-12)


def test_gain_spectrum_input_checks():
    with pytest.raises(ValueError, match=r"band_energies_ev must have one energy per shell of "
                                         r"degeneracies \(3\), got 2"):
        s.gain_spectrum_cm([2.0], 1, [2.0, 2.2], 1, 0.05)
    for kwargs, name in [(dict(alpha_1s_cm=[1, 2]), "alpha_1s_cm"),
                         (dict(mean_n=[1, 2]), "mean_n"), (dict(fwhm_ev=[0.1, 0.2]), "fwhm_ev"),
                         (dict(energy_ev=[-2.0]), "energy_ev"),
                         (dict(band_energies_ev=[2.0, -2.2, 2.4]), "band_energies_ev")]:
        args = dict(energy_ev=[2.0], mean_n=1, band_energies_ev=[2.0, 2.2, 2.4],
                    alpha_1s_cm=1, fwhm_ev=0.05) | kwargs
        with pytest.raises(ValueError, match=f"^{name} must"):
            s.gain_spectrum_cm(**args)


# -- Auger-assisted emission and the scaled ladder -------------------------------------------

def test_auger_assisted_bounds():
    """ΔE_intra may be 0 (plain emission at E_X) but not reach E_X (no photon left)."""
    assert s.auger_assisted_photon_energy_ev(2.1, 0.0) == 2.1
    with pytest.raises(ValueError, match=r"intraband_energy_ev must be < exciton_energy_ev "
                                         r"\(allowed range \[0, exciton_energy_ev\)\)"):
        s.auger_assisted_photon_energy_ev(2.1, 2.1)
    with pytest.raises(ValueError, match="^intraband_energy_ev must be >= 0"):
        s.auger_assisted_photon_energy_ev(2.1, -0.1)


def _bessel_root_sq(L, k):
    """k-th zero of the spherical Bessel j_L, squared, found here with scipy (independent)."""
    from scipy.optimize import brentq
    from scipy.special import spherical_jn

    grid = np.linspace(0.5, 20, 4000)
    vals = spherical_jn(L, grid)
    idx = np.nonzero(np.sign(vals[:-1]) != np.sign(vals[1:]))[0][k - 1]
    return brentq(lambda x: spherical_jn(L, x), grid[idx], grid[idx + 1], xtol=1e-14) ** 2


def test_scaled_ladder_1d_and_2s():
    """Every level scales as φ²: E_nL = E_1S + ΔE·(φ²_nL − π²)/(φ²_1P − π²), φ_1S = π."""
    e1, e2 = 2.0, 2.3
    p2 = _bessel_root_sq(1, 1)
    for n, L in [(1, 2), (2, 0)]:
        expect = e1 + (e2 - e1) * (_bessel_root_sq(L, n) - np.pi ** 2) / (p2 - np.pi ** 2)
        assert s.scaled_transition_energy_ev(e1, e2, n, L) == pytest.approx(expect, rel=1e-12)
    # 2S: φ = 2π, a closed form for the ratio 3π²/(φ²_1P − π²)
    assert s.scaled_transition_energy_ev(e1, e2, 2, 0) == pytest.approx(
        e1 + 0.3 * 3 * np.pi ** 2 / (p2 - np.pi ** 2), rel=1e-12)
    with pytest.raises(ValueError, match=r"e_1p_ev must exceed e_1s_ev \(allowed range "
                                         r"\(2.0, inf\)\), got 2.0"):
        s.scaled_transition_energy_ev(2.0, 2.0, 1, 2)
    for kwargs, name in [(dict(e_1s_ev=[2.0, 2.1]), "e_1s_ev"), (dict(e_1p_ev=[2.3]), "e_1p_ev"),
                         (dict(e_1s_ev=-1.0), "e_1s_ev"), (dict(L=-1), "L")]:
        with pytest.raises(ValueError, match=f"^{name} must"):
            s.scaled_transition_energy_ev(**(dict(e_1s_ev=2.0, e_1p_ev=2.3, n=1, L=2) | kwargs))


def test_electron_intraband_energy():
    """The electron takes share × (E_1D − E_1P); with share 1 that is the whole gap; 1P → 1P
    (n_to = 1, L_to = 1) lifts nothing and is refused, as is 1S below it."""
    e1, e2 = 2.0, 2.3
    d = _bessel_root_sq(2, 1)
    gap = (e2 - e1) * (d - _bessel_root_sq(1, 1)) / (_bessel_root_sq(1, 1) - np.pi ** 2)
    assert s.electron_intraband_energy_ev(e1, e2, 1.0) == pytest.approx(gap, rel=1e-11)
    assert s.electron_intraband_energy_ev(e1, e2, 0.25) == pytest.approx(0.25 * gap, rel=1e-11)
    # 2S lies above 1P as well: the target level is passed on
    to_2s = (e2 - e1) * (4 * np.pi ** 2 - _bessel_root_sq(1, 1)) / (
        _bessel_root_sq(1, 1) - np.pi ** 2)
    assert s.electron_intraband_energy_ev(e1, e2, 1.0, n_to=2, L_to=0) == pytest.approx(
        to_2s, rel=1e-11)
    with pytest.raises(ValueError, match=r"L_to must name a level above 1P, got n_to=1, "
                                         r"L_to=1"):
        s.electron_intraband_energy_ev(e1, e2, 0.5, n_to=1, L_to=1)
    for kwargs, name in [(dict(n_to=0), "n_to"), (dict(L_to=-1), "L_to"),
                         (dict(electron_share=-0.1), "electron_share")]:
        with pytest.raises(ValueError, match=f"^{name} must"):
            s.electron_intraband_energy_ev(**(dict(e_1s_ev=e1, e_1p_ev=e2,
                                                   electron_share=0.5) | kwargs))


def test_cg_qd_constants():
    """The cg-QD bands: 1D from the scaled ladder lies above 1P; the CdSe electron share is
    m_h/(m_e + m_h) of the materials table (heavier hole: electron takes most, > 1/2)."""
    from qdbook.materials import get_material

    cdse = get_material("CdSe")
    assert s.ELECTRON_SHARE == pytest.approx(1 / (1 + cdse.me / cdse.mh), rel=1e-15)
    assert s.CG_BANDS_EV[2] == pytest.approx(s.scaled_transition_energy_ev(
        s.CG_QD_1S_EV, s.CG_QD_1P_EV, 1, 2), rel=1e-15)
    assert s.CG_BANDS_EV[2] > s.CG_QD_1P_EV


@pytest.mark.parametrize("call", [
    lambda g: s.shell_occupancy(1, g), lambda g: s.occupation_factors(1, g),
    lambda g: s.transition_inversion(1, g), lambda g: s.shell_gain_threshold(0, g),
    lambda g: s.ensemble_inversion(1, g),
    lambda g: s.gain_spectrum_cm([2.0], 1, [2.0, 2.2], 1, 0.05, degeneracies=g)])
def test_every_function_names_bad_degeneracies(call):
    """A ladder with a place count below 1, or a non-finite one, is refused by its name."""
    with pytest.raises(ValueError, match="^degeneracies must be a non-empty sequence"):
        call((0.5, 2))
    with pytest.raises(ValueError, match="^degeneracies must be finite"):
        call((np.nan, 2))


def test_line_and_ladder_inputs_are_named():
    for kwargs, name in [(dict(energy_ev=np.nan), "energy_ev"), (dict(centre_ev=np.inf),
                                                                  "centre_ev")]:
        with pytest.raises(ValueError, match=f"^{name} must be finite"):
            s.gaussian_line(**(dict(energy_ev=2.0, centre_ev=2.0, fwhm_ev=0.1) | kwargs))
    with pytest.raises(ValueError, match=r"^e_1p_ev must be > 0"):
        s.scaled_transition_energy_ev(2.0, -2.3, 1, 2)
    # n counts radial nodes from 1: n = 0 is refused by this function's own check
    with pytest.raises(ValueError, match=r"^n must be an integer >= 1 \(allowed range \[1, "):
        s.scaled_transition_energy_ev(2.0, 2.3, 0, 2)
