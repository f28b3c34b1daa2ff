"""Gain coefficients, the TA model and the VSL fit (qdbook.spectroscopy)."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import spectroscopy as s
from qdbook import statistics

L = np.linspace(0.0, 0.2, 10)

CASES = [
    # (function, kwargs, parameter named in the message)
    (s.amplified_intensity, dict(intensity_in=-1, gain_cm=10, length_cm=0.1),
     "intensity_in"),
    (s.amplified_intensity, dict(intensity_in=1, gain_cm=10, length_cm=-0.1),
     "length_cm"),
    (s.amplified_intensity, dict(intensity_in=1, gain_cm=1e5, length_cm=1.0),
     "gain_cm * length_cm"),
    (s.material_gain_from_bulk_cm, dict(g_bulk_cm=100, volume_fraction=1.5),
     "volume_fraction"),
    (s.material_gain_from_bulk_cm, dict(g_bulk_cm=100, volume_fraction=0.0),
     "volume_fraction"),
    (s.modal_gain_cm, dict(g_mat_cm=100, confinement_factor=1.2), "confinement_factor"),
    (s.net_gain_cm, dict(g_mod_cm=100, loss_cm=-5), "loss_cm"),
    (s.band_edge_absorption_cm, dict(mean_n=-1, alpha0_cm=100), "mean_n"),
    (s.band_edge_absorption_cm, dict(mean_n=1, alpha0_cm=0), "alpha0_cm"),
    (s.ta_spectra, dict(energy_ev=[2.0], mean_n=1, alpha_1s_cm=1,
                        band_energies_ev=[2.0, 2.2, 2.4], fwhm_ev=-0.1), "fwhm_ev"),
    (s.ta_spectra, dict(energy_ev=[2.0], mean_n=1, alpha_1s_cm=1,
                        band_energies_ev=[2.0, 2.2, 2.4], fwhm_ev=0.1,
                        background_cm=-1), "background_cm"),
    (s.threshold_from_absorption, dict(mean_n=[0, 1, 2], alpha_cm=[3, 2, 1]),
     "alpha_cm"),
    (s.threshold_from_absorption, dict(mean_n=[0, 2, 1], alpha_cm=[1, -1, -2]),
     "mean_n"),
    (s.vsl_intensity, dict(length_cm=-0.1, a=1, b=1, gain_cm=10), "length_cm"),
    (s.vsl_intensity, dict(length_cm=0.1, a=-1, b=1, gain_cm=10), "a"),
    (s.vsl_synthetic, dict(length_cm=L, a=1, b=1, gain_cm=10, relative_noise=2.0),
     "relative_noise"),
    (s.vsl_synthetic, dict(length_cm=L, a=1, b=1, gain_cm=10, seed=-3), "seed"),
    (s.fit_vsl, dict(length_cm=L, intensity=-np.ones(10)), "intensity"),
    (s.fit_vsl, dict(length_cm=L[:3], intensity=np.ones(3)), "length_cm"),
    (s.fit_vsl, dict(length_cm=L, intensity=np.ones(10), relative_noise=0),
     "relative_noise"),
    (s.single_exciton_net_gain, dict(energy_ev=2.0, exciton_energy_ev=2.0,
                                     delta_xx_ev=0.1, fwhm_ev=0.0), "fwhm_ev"),
    (s.single_exciton_net_gain, dict(energy_ev=2.0, exciton_energy_ev=2.0,
                                     delta_xx_ev=3.0, fwhm_ev=0.05), "delta_xx_ev"),
    (s.single_exciton_peak_gain, dict(delta_xx_ev=0.1, fwhm_ev=-0.05), "fwhm_ev"),
    (s.single_exciton_peak_gain, dict(delta_xx_ev=np.nan, fwhm_ev=0.05),
     "delta_xx_ev"),
]


def test_amplification_and_gain_kinds_scalars_and_arrays():
    assert_allclose(s.amplified_intensity(2.0, 10.0, 0.1), 2 * np.e, rtol=1e-12)
    assert_allclose(s.amplified_intensity([1, 2], -10.0, 0.1), np.array([1, 2]) / np.e)
    g_mat = s.material_gain_from_bulk_cm(np.array([1000.0, 2000.0]), 0.2)
    assert_allclose(s.net_gain_cm(s.modal_gain_cm(g_mat, 0.5), 50.0), [50.0, 150.0])


def test_band_edge_absorption_limits_and_statistics():
    assert s.band_edge_absorption_cm(0.0, 300.0) == pytest.approx(300.0)
    assert s.band_edge_absorption_cm(50.0, 300.0) == pytest.approx(-300.0, rel=1e-12)
    n = np.linspace(0, 5, 11)
    p0, _, pxx = statistics.three_state_populations(n)
    assert_allclose(s.band_edge_absorption_cm(n, 1.0), p0 - pxx, atol=1e-14)


def test_ta_spectra_sum_and_bleach():
    e = np.linspace(1.8, 2.7, 200)
    r = s.ta_spectra(e, 3.0, 1.0, (2.1, 2.27, 2.49), 0.06, background_cm=1.0)
    assert_allclose(r["alpha0"] + r["delta_alpha"], r["alpha"], atol=1e-14)
    assert r["delta_alpha"][np.argmin(abs(e - 2.1))] < 0          # the band edge bleaches
    assert r["alpha"].min() < 0                                    # and turns into gain
    r0 = s.ta_spectra(e, 0.0, 1.0, (2.1, 2.27, 2.49), 0.06)
    assert_allclose(r0["delta_alpha"], 0.0, atol=1e-14)


def test_threshold_interpolation_and_gain_at_start():
    assert s.threshold_from_absorption([0, 1, 2], [1.0, -1.0, -2.0]) == pytest.approx(0.5)
    assert s.threshold_from_absorption([0.5, 1.0], [-0.1, -0.2]) == 0.5


def test_vsl_fit_coverage_over_seeds():
    """The quoted 1-sigma uncertainty covers the truth about 68 % of the time."""
    length = np.linspace(0, 0.2, 25)[1:]
    hits = 0
    for seed in range(60):
        data = s.vsl_synthetic(length, 1.0, 0.02, 40.0, 0.08, seed)
        fit = s.fit_vsl(length, data, 0.08)
        hits += abs(fit["gain_cm"] - 40.0) < fit["gain_err_cm"]
    assert 0.5 < hits / 60 < 0.85


def test_vsl_noise_free_fit_is_exact():
    length = np.linspace(0, 0.25, 30)[1:]
    fit = s.fit_vsl(length, s.vsl_intensity(length, 2.0, 0.05, 25.0), 0.01)
    assert_allclose([fit["a"], fit["b"], fit["gain_cm"]], [2.0, 0.05, 25.0], rtol=1e-5)


def test_single_exciton_spectrum_symmetries():
    e = np.linspace(1.7, 2.3, 301)
    assert_allclose(s.single_exciton_net_gain(e, 2.0, 0.0, 0.05), 0.0, atol=1e-15)
    assert s.single_exciton_net_gain(2.0, 2.0, 0.5, 0.05) == pytest.approx(1.0, abs=1e-12)
    peaks = s.single_exciton_peak_gain(np.array([0.0, 0.02, 0.05, 0.1]), 0.05)
    assert np.all(np.diff(peaks) > 0) and peaks[0] == 0
    assert s.single_exciton_peak_gain(-0.05, 0.05) == pytest.approx(peaks[2])


# -- gain kinds and amplification: limits and the edges of the allowed ranges ---------------

def test_amplification_edges():
    """l = 0 or G = 0 leaves the beam unchanged; |G l| = 700 (e^±700, still a float64) is the
    largest exponent accepted, a hair more is refused."""
    assert s.amplified_intensity(3.0, 123.0, 0.0) == 3.0
    assert s.amplified_intensity(0.0, 10.0, 0.1) == 0.0
    assert s.amplified_intensity(1.0, 700.0, 1.0) == pytest.approx(np.exp(700.0), rel=1e-14)
    assert s.amplified_intensity(1.0, -700.0, 1.0) == pytest.approx(np.exp(-700.0), rel=1e-14)
    with pytest.raises(ValueError, match=r"gain_cm \* length_cm must lie in \[-700, 700\]"):
        s.amplified_intensity(1.0, 700.001, 1.0)
    with pytest.raises(ValueError, match="^gain_cm must"):
        s.amplified_intensity(1.0, np.nan, 1.0)


def test_gain_kinds_edges():
    """ξ = 1 is the bulk itself, Γ = 1 puts the whole mode in the gain layer, no loss leaves
    the modal gain; ξ below 1e-100 (no semiconductor) is refused as ξ = 0."""
    assert s.material_gain_from_bulk_cm(3000.0, 1.0) == 3000.0
    assert s.modal_gain_cm(750.0, 1.0) == 750.0
    assert s.modal_gain_cm(750.0, 0.0) == 0.0
    assert s.net_gain_cm(400.0, 0.0) == 400.0
    with pytest.raises(ValueError, match=r"^volume_fraction must be > 0 \(allowed range "
                                         r"\(0, 1\]\)"):
        s.material_gain_from_bulk_cm(3000.0, 1e-101)
    assert s.material_gain_from_bulk_cm(1.0, 1e-100) == pytest.approx(1e-100, rel=1e-15)
    for func, kwargs, name in [
            (s.material_gain_from_bulk_cm, dict(g_bulk_cm=np.inf, volume_fraction=0.5),
             "g_bulk_cm"),
            (s.modal_gain_cm, dict(g_mat_cm=np.nan, confinement_factor=0.5), "g_mat_cm"),
            (s.net_gain_cm, dict(g_mod_cm=np.nan, loss_cm=1.0), "g_mod_cm")]:
        with pytest.raises(ValueError, match=f"^{name} must"):
            func(**kwargs)


def test_band_edge_absorption_zero_is_poisson_threshold():
    """α(⟨N⟩) turns zero where (2 + N) e^{−N} = 1: the Poisson gain threshold computed by
    the statistics module by an independent root search (≈ 1.146, review sec. 2.2)."""
    n_th = statistics.gain_threshold_occupancy()
    assert s.band_edge_absorption_cm(n_th, 500.0) == pytest.approx(0.0, abs=1e-12)
    # ⟨N⟩ = 1: α = α0 (3/e − 1), a hand value
    assert s.band_edge_absorption_cm(1.0, 2.0) == pytest.approx(2 * (3 / np.e - 1), rel=1e-15)


# -- transient absorption ---------------------------------------------------------------------

BANDS = (1.0, 2.0, 3.0)   # 1 eV apart, 10 meV lines: no overlap at any band's peak


def test_ta_bleach_at_1s_peak_is_state_filling():
    """At the isolated 1S peak, α0 = α_1S and Δα = −α_1S (1 + ⟨inv_1S⟩) with the 1S Poisson
    inversion 1 − (2 + ⟨N⟩) e^{−⟨N⟩}: Δα = −α_1S [2 − (2 + ⟨N⟩) e^{−⟨N⟩}]."""
    m, a = 1.5, 4.0
    r = s.ta_spectra(np.array(BANDS), m, a, BANDS, 0.01)
    assert r["alpha0"] == pytest.approx([4.0, 12.0, 20.0], rel=1e-14)   # 1 : 3 : 5 by g
    assert r["delta_alpha"][0] == pytest.approx(-a * (2 - (2 + m) * np.exp(-m)), rel=1e-12)


def test_ta_background_step():
    """The unbleached background is a step: half height at its onset (1P by default, or
    the only band of a one-band spectrum), full height far above, nothing far below."""
    r = s.ta_spectra(np.array([0.5, 2.0, 3.5]), 0.0, 1.0, BANDS, 0.01, background_cm=6.0)
    # at 0.5 eV and 3.5 eV the bands are 50 line widths away: only the background is left
    assert r["alpha0"] == pytest.approx([0.0, 3.0 + 3.0, 6.0], abs=1e-12)
    r1 = s.ta_spectra(np.array([1.0, 3.0]), 0.0, 1.0, (1.0,), 0.01, background_cm=6.0)
    assert r1["alpha0"] == pytest.approx([1.0 + 3.0, 6.0], abs=1e-12)
    r2 = s.ta_spectra(np.array([1.0, 2.5]), 0.0, 1.0, BANDS, 0.01, background_cm=6.0,
                      background_onset_ev=2.5)
    assert r2["alpha0"] == pytest.approx([1.0, 3.0], abs=1e-12)
    # the background does not bleach: the pump changes only the bands
    r3 = s.ta_spectra(np.array([3.5]), 5.0, 1.0, BANDS, 0.01, background_cm=6.0)
    assert r3["delta_alpha"][0] == pytest.approx(0.0, abs=1e-12)


def test_ta_step_width_is_half_the_line_width():
    """The step is the logistic 1/(1 + e^{−2(E − onset)/w}): at onset + w/2 it reaches
    1/(1 + e^{−1}) of its height (the model's definition of a step broadened by the line)."""
    w = 0.01
    r = s.ta_spectra(np.array([4.0 + w / 2]), 0.0, 1.0, BANDS, w, background_cm=1.0,
                     background_onset_ev=4.0)
    assert r["alpha0"][0] == pytest.approx(1 / (1 + np.exp(-1.0)), rel=1e-12)


def test_ta_input_checks():
    base = dict(energy_ev=[2.0], mean_n=1, alpha_1s_cm=1, band_energies_ev=[2.0, 2.2, 2.4],
                fwhm_ev=0.1)
    for kwargs, name in [(dict(energy_ev=[-2.0]), "energy_ev"),
                         (dict(band_energies_ev=[2.0, -2.2]), "band_energies_ev"),
                         (dict(alpha_1s_cm=0.0), "alpha_1s_cm"),
                         (dict(background_onset_ev=-1.0), "background_onset_ev"),
                         (dict(background_onset_ev=[2.0, 2.1]), "background_onset_ev"),
                         (dict(fwhm_ev=[0.1, 0.2]), "energy_ev x band_energies_ev")]:
        with pytest.raises(ValueError, match=f"^{name}"):
            s.ta_spectra(**(base | kwargs))


# -- reading the threshold off α(⟨N⟩) ---------------------------------------------------------

def test_threshold_of_linear_absorption_is_exact():
    """For α linear in ⟨N⟩ the interpolation is exact: α = 3 (1 − N/1.2) crosses at 1.2."""
    n = np.array([0.0, 0.4, 1.0, 1.5, 2.0])
    assert s.threshold_from_absorption(n, 3 * (1 - n / 1.2)) == pytest.approx(1.2, rel=1e-14)
    # the first crossing counts, even if α turns positive again (e.g. saturation artefacts)
    assert s.threshold_from_absorption([0, 1, 2, 3], [2.0, -2.0, 1.0, -1.0]) == 0.5
    # the grid from the review's Poisson model gives the statistics module's threshold
    grid = np.linspace(0.0, 4.0, 4001)
    assert s.threshold_from_absorption(grid, s.band_edge_absorption_cm(grid, 1.0)) == \
        pytest.approx(statistics.gain_threshold_occupancy(), abs=1e-6)   # grid step 1e-3


def test_threshold_input_checks():
    with pytest.raises(ValueError, match=r"mean_n must be a 1-D array of at least two pump "
                                         r"levels matching alpha_cm, got shapes \(1,\) and"):
        s.threshold_from_absorption([0.0], [-1.0])
    with pytest.raises(ValueError, match="mean_n must be a 1-D array"):
        s.threshold_from_absorption([0.0, 1.0, 2.0], [1.0, -1.0])
    with pytest.raises(ValueError, match="mean_n must be a 1-D array"):
        s.threshold_from_absorption([[0.0, 1.0]], [[1.0, -1.0]])
    with pytest.raises(ValueError, match="^mean_n must increase strictly"):
        s.threshold_from_absorption([0.0, 1.0, 1.0], [1.0, 0.5, -1.0])
    with pytest.raises(ValueError, match=r"alpha_cm must turn negative somewhere \(gain\) to "
                                         r"define a threshold, got min .*0\.5"):
        s.threshold_from_absorption([0.0, 1.0], [1.0, 0.5])


# -- VSL ---------------------------------------------------------------------------------------

def test_vsl_intensity_limits():
    """l = 0: only the seed B; G = 0: the straight line A l + B; |G l| = 700 is the edge."""
    assert s.vsl_intensity(0.0, 5.0, 0.3, 40.0) == pytest.approx(0.3, rel=1e-15)
    assert s.vsl_intensity(0.2, 5.0, 0.3, 0.0) == pytest.approx(1.3, rel=1e-15)
    assert s.vsl_intensity(1.0, 0.0, 1.0, 700.0) == pytest.approx(np.exp(700.0), rel=1e-14)
    with pytest.raises(ValueError, match=r"gain_cm \* length_cm must lie in \[-700, 700\]"):
        s.vsl_intensity(1.0, 0.0, 1.0, 700.5)
    for kwargs, name in [(dict(b=-1.0), "b"), (dict(gain_cm=np.nan), "gain_cm"),
                         (dict(a=[1.0, 2.0], length_cm=[0.1, 0.2, 0.3]), "length_cm")]:
        with pytest.raises(ValueError, match=f"^{name}"):
            s.vsl_intensity(**(dict(length_cm=0.1, a=1.0, b=1.0, gain_cm=10.0) | kwargs))


def test_vsl_synthetic_noise_statistics():
    """Noise 0 gives the clean curve; otherwise I/I_clean − 1 has the requested spread."""
    length = np.linspace(0.01, 0.2, 4000)
    clean = s.vsl_intensity(length, 1.0, 0.02, 40.0)
    assert_allclose(s.vsl_synthetic(length, 1.0, 0.02, 40.0, 0.0, 3), clean, rtol=1e-15)
    ratio = s.vsl_synthetic(length, 1.0, 0.02, 40.0, 0.5, 2**32 - 1) / clean - 1
    # 4000 normal draws: the sample std has relative error 1/sqrt(2·4000) ≈ 1.1 %; 5 sigma
    assert np.std(ratio) == pytest.approx(0.5, rel=0.06)
    assert abs(np.mean(ratio)) < 5 * 0.5 / np.sqrt(4000)
    with pytest.raises(ValueError, match=r"seed must be an integer >= 0 \(allowed range "
                                         r"\[0, 4294967295\]\)"):
        s.vsl_synthetic(length, 1.0, 0.02, 40.0, 0.1, 2**32)
    with pytest.raises(ValueError, match="^relative_noise must lie in"):
        s.vsl_synthetic(length, 1.0, 0.02, 40.0, 0.5000001)
    with pytest.raises(ValueError, match="relative_noise"):
        s.vsl_synthetic(length, 1.0, 0.02, 40.0, [0.1, 0.2])


def test_vsl_fit_with_explicit_guess_and_chi2():
    """Noise-free data are fitted exactly from a sensible guess; χ²_red ≈ 0 for exact data
    and ≈ 1 when the stated noise is the true noise."""
    length = np.linspace(0, 0.25, 30)[1:]
    data = s.vsl_intensity(length, 2.0, 0.05, 25.0)
    fit = s.fit_vsl(length, data, 0.01, gain_guess_cm=20.0)
    assert_allclose([fit["a"], fit["b"], fit["gain_cm"]], [2.0, 0.05, 25.0], rtol=1e-6)
    assert fit["chi2_red"] < 1e-10
    assert fit["cov"].shape == (3, 3)
    assert_allclose([fit["a_err"], fit["b_err"], fit["gain_err_cm"]],
                    np.sqrt(np.diag(fit["cov"])), rtol=1e-15)
    # 400 points with 5 % noise: χ²_red has a spread sqrt(2/397) ≈ 0.07 about 1
    length = np.linspace(0, 0.2, 401)[1:]
    noisy = s.vsl_synthetic(length, 1.0, 0.02, 40.0, 0.05, 11)
    fit = s.fit_vsl(length, noisy, 0.05)
    assert fit["chi2_red"] == pytest.approx(1.0, abs=0.3)
    assert fit["gain_cm"] == pytest.approx(40.0, abs=4 * fit["gain_err_cm"])


def test_vsl_fit_guess_bounds():
    """|G| l_max ≤ 100 for a starting guess: with l_max = 0.25 cm, ±400 cm⁻¹ is the edge."""
    length = np.linspace(0, 0.25, 30)[1:]
    data = s.vsl_intensity(length, 2.0, 0.05, 25.0)
    with pytest.raises(ValueError, match=r"gain_guess_cm must lie in \[-400, 400\]"):
        s.fit_vsl(length, data, 0.01, gain_guess_cm=400.5)
    with pytest.raises(ValueError, match="^gain_guess_cm must"):
        s.fit_vsl(length, data, 0.01, gain_guess_cm=[1.0, 2.0])
    with pytest.raises(ValueError, match=r"length_cm must hold at least 4 different lengths"):
        s.fit_vsl([0.1, 0.1, 0.2, 0.3], [1.0, 1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"length_cm must be a 1-D array of at least 4 points "
                                         r"matching intensity, got shapes \(4,\) and \(5,\)"):
        s.fit_vsl([0.1, 0.2, 0.3, 0.4], np.ones(5))


# -- single-exciton gain ----------------------------------------------------------------------

def test_single_exciton_gain_closed_forms():
    """At E = E_X the absorbing band sits Δ away: gain 1 − exp(−4 ln2 Δ²/w²); the spectrum
    is antisymmetric about E_X + Δ/2 (emission and absorption of equal strength)."""
    w, d = 0.05, 0.03
    assert s.single_exciton_net_gain(2.0, 2.0, d, w) == pytest.approx(
        1 - np.exp(-4 * np.log(2) * d ** 2 / w ** 2), rel=1e-13)
    x = np.linspace(0.001, 0.1, 7)
    mid = 2.0 + d / 2
    assert_allclose(s.single_exciton_net_gain(mid + x, 2.0, d, w),
                    -s.single_exciton_net_gain(mid - x, 2.0, d, w), atol=1e-15)
    # attraction (Δ < 0): the absorption lies below, so gain above E_X
    assert s.single_exciton_net_gain(2.0, 2.0, -d, w) > 0
    with pytest.raises(ValueError, match=r"delta_xx_ev must lie in \(-2, 2\)"):
        s.single_exciton_net_gain(2.0, 2.0, -2.0, w)
    assert np.isfinite(s.single_exciton_net_gain(2.0, 2.0, 1.99, w))
    for kwargs, name in [(dict(energy_ev=-1.0), "energy_ev"),
                         (dict(exciton_energy_ev=0.0), "exciton_energy_ev"),
                         (dict(delta_xx_ev=np.nan), "delta_xx_ev")]:
        with pytest.raises(ValueError, match=f"^{name} must"):
            s.single_exciton_net_gain(**(dict(energy_ev=2.0, exciton_energy_ev=2.0,
                                              delta_xx_ev=d, fwhm_ev=w) | kwargs))


def test_single_exciton_peak_gain_is_the_spectrum_maximum():
    """The peak gain is the maximum of the spectrum: checked on a 0.1-µeV grid of the net
    gain itself; the docstring's 0.95 at |Δ| = FWHM; the range edge |Δ| = 1 eV accepted."""
    w = 0.05
    for d in (0.01, 0.05, 0.08):
        e = np.linspace(2.0 - 0.1, 2.0 + d / 2, 200001)
        best = s.single_exciton_net_gain(e, 2.0, d, w).max()
        # the grid maximum lies within (step)² · curvature ≈ 1e-10 of the true one
        assert s.single_exciton_peak_gain(d, w) == pytest.approx(best, abs=1e-9)
    assert s.single_exciton_peak_gain(0.05, 0.05) == pytest.approx(0.95, abs=0.005)
    assert s.single_exciton_peak_gain(1.0, 0.05) == pytest.approx(1.0, abs=1e-12)
    with pytest.raises(ValueError, match=r"delta_xx_ev must lie in \[-1, 1\]"):
        s.single_exciton_peak_gain(1.0001, 0.05)


def test_threshold_is_where_alpha_turns_negative_not_where_it_touches_zero():
    """A transparent stretch (α = 0) is not gain yet: the threshold is the first α < 0."""
    # α = 0 at the start, absorbing again, then gain: crossing between 1 and 2 at 1 + 0.5/1.5
    assert s.threshold_from_absorption([0, 1, 2], [0.0, 0.5, -1.0]) == pytest.approx(4 / 3,
                                                                                     rel=1e-15)
    # a plateau at transparency from 1 to 2: gain starts after it, at 2
    assert s.threshold_from_absorption([0, 1, 2, 3], [1.0, 0.0, 0.0, -1.0]) == 2.0
    # a small positive α at the first point is still absorption
    assert s.threshold_from_absorption([0, 1], [0.5, -0.5]) == 0.5
    with pytest.raises(ValueError, match="^mean_n must be >= 0"):
        s.threshold_from_absorption([-1.0, 1.0], [1.0, -1.0])
    with pytest.raises(ValueError, match="^alpha_cm must be finite"):
        s.threshold_from_absorption([0.0, 1.0], [1.0, np.nan])


def test_ta_two_band_background_onset_and_shape_message():
    """With two bands the background still rises at the 2nd (1P) band: half height there."""
    r = s.ta_spectra(np.array([2.0]), 0.0, 1.0, (1.0, 2.0), 0.01, background_cm=6.0)
    assert r["alpha0"][0] == pytest.approx(3.0 + 3.0, abs=1e-12)   # 1P absorbs 3 α_1S
    with pytest.raises(ValueError, match="^energy_ev x band_energies_ev and fwhm_ev and "
                                         "alpha_1s_cm and background_cm must have shapes"):
        s.ta_spectra([2.0], 1, 1, [2.0, 2.2, 2.4], [0.1, 0.2])


def test_vsl_shape_messages_name_every_input():
    with pytest.raises(ValueError, match="^length_cm and a and b and gain_cm must have shapes"):
        s.vsl_intensity([0.1, 0.2, 0.3], 1.0, [1.0, 2.0], 10.0)
    with pytest.raises(ValueError, match="^length_cm and a and b and gain_cm must have shapes"):
        s.vsl_intensity([0.1, 0.2, 0.3], 1.0, 1.0, [10.0, 20.0])
    with pytest.raises(ValueError, match="^length_cm and a and b and gain_cm and relative_noise "
                                         "must have shapes"):
        s.vsl_synthetic([0.1, 0.2, 0.3], 1.0, 1.0, 10.0, [0.1, 0.2])
    length = np.linspace(0.02, 0.2, 8)
    with pytest.raises(ValueError, match="^relative_noise and length_cm must have shapes"):
        s.fit_vsl(length, s.vsl_intensity(length, 1.0, 0.1, 10.0), [0.1, 0.2])


def test_vsl_fit_input_checks_and_minimal_data():
    """Three parameters need at least 4 distinct lengths: 4 distinct noise-free lengths
    suffice, with repeats (6 points) or without (4 points: each starting fit still gets two
    lengths, so no poorly conditioned polyfit warns, and warnings are errors here)."""
    for length in (np.array([0.05, 0.1, 0.1, 0.15, 0.15, 0.2]), np.array([0.05, 0.1, 0.15, 0.2])):
        fit = s.fit_vsl(length, s.vsl_intensity(length, 2.0, 0.05, 25.0), 0.01)
        assert_allclose([fit["a"], fit["b"], fit["gain_cm"]], [2.0, 0.05, 25.0], rtol=1e-6)
    with pytest.raises(ValueError, match="^length_cm must be >= 0"):
        s.fit_vsl([-0.1, 0.1, 0.2, 0.3], np.ones(4))
    with pytest.raises(ValueError, match="^length_cm must be a 1-D array"):
        s.fit_vsl(np.linspace(0.1, 0.8, 8).reshape(2, 4), np.ones((2, 4)))
    with pytest.raises(ValueError, match=r"length_cm must hold at least 4 different lengths .*"
                                         r"got array with min .*0\.1.* and max .*0\.3"):
        s.fit_vsl([0.1, 0.1, 0.2, 0.3], [1.0, 1.0, 2.0, 3.0])


def test_vsl_fit_errors_and_chi2_are_those_of_the_residuals():
    """χ²_red = Σ((I − I_fit)/σ)²/(N − 3), recomputed from the fitted curve; the quoted errors
    are the square roots of the covariance diagonal, in the order a, b, G."""
    length = np.linspace(0.02, 0.2, 7)
    data = s.vsl_synthetic(length, 1.0, 0.02, 40.0, 0.08, 5)
    fit = s.fit_vsl(length, data, 0.08)
    resid = (data - s.vsl_intensity(length, fit["a"], fit["b"], fit["gain_cm"])) / (0.08 * data)
    assert fit["chi2_red"] == pytest.approx(resid @ resid / (7 - 3), rel=1e-9)
    assert_allclose([fit["a_err"], fit["b_err"], fit["gain_err_cm"]],
                    np.sqrt(np.diag(fit["cov"])), rtol=1e-15)
    assert len({fit["a_err"], fit["b_err"], fit["gain_err_cm"]}) == 3


def test_single_exciton_peak_gain_at_one_standard_deviation():
    """Δ_XX equal to the Gaussian σ = FWHM/(2 sqrt(2 ln 2)): the maximum of the spectrum,
    found on a fine grid of the net gain itself (an independent route)."""
    w = 0.05
    sigma = w / (2 * np.sqrt(2 * np.log(2)))
    e = np.linspace(2.0 - 0.1, 2.0 + sigma / 2, 200001)
    best = s.single_exciton_net_gain(e, 2.0, sigma, w).max()
    assert s.single_exciton_peak_gain(sigma, w) == pytest.approx(best, abs=1e-9)


def test_single_exciton_peak_gain_when_the_splitting_dwarfs_the_line():
    """Δ_XX = 1 eV with a 1-µeV line: the bands do not overlap and the peak is one full band.
    The grid from −4σ to d/2 (step ~6000σ) bracketed the wrong point and gave 0."""
    assert s.single_exciton_peak_gain(1.0, 1e-6) == pytest.approx(1.0, abs=1e-15)
    assert s.single_exciton_peak_gain(-0.3, 1e-4) == pytest.approx(1.0, abs=1e-15)


def test_single_exciton_peak_gain_is_where_the_derivative_vanishes():
    """Independent route: the maximum of e^{-x²/2} − e^{-(x-d)²/2} is the root, in (−1, 0), of
    its derivative (scipy's brentq), for d from 1e-8 to 30 standard deviations; at small d the
    peak is d e^{-1/2} (the derivative of a Gaussian, largest at x = −1)."""
    from scipy.optimize import brentq

    w = 0.05
    sigma = w / (2 * np.sqrt(2 * np.log(2)))
    for d in (1e-8, 0.3, 1.0, 2.5, 6.0, 30.0):
        def slope(x, d=d):
            return -x * np.exp(-0.5 * x**2) + (x - d) * np.exp(-0.5 * (x - d) ** 2)
        x = brentq(slope, -1.0, 0.0, xtol=1e-14)
        expected = np.exp(-0.5 * x**2) - np.exp(-0.5 * (x - d) ** 2)
        # at d = 1e-8 the difference of exponentials keeps ~8 digits; at its maximum the gain
        # is flat, so xtol 1e-10 in x costs ~1e-20 in value elsewhere
        rel = 1e-7 if d < 1e-3 else 1e-13
        assert s.single_exciton_peak_gain(d * sigma, w) == pytest.approx(expected, rel=rel)
    assert s.single_exciton_peak_gain(1e-8 * sigma, w) == pytest.approx(1e-8 * np.exp(-0.5),
                                                                        rel=1e-7)


def test_fit_vsl_names_the_data_when_the_fit_turns_non_finite():
    """Stripe lengths of 1e49 cm (a unit mix-up) make the fit's Jacobian overflow: scipy's
    nameless "array must not contain infs or NaNs" became a ValueError naming the data."""
    length = np.linspace(0.0, 0.2, 10)
    data = s.vsl_intensity(length, 1.0, 0.01, 40.0)
    with pytest.raises(ValueError, match=r"^length_cm and intensity must keep the fit's "
                                         r"residuals and Jacobian finite .* up to 2e\+49"):
        s.fit_vsl(length * 1e50, data)


def test_vsl_synthetic_default_seed_and_noise_shapes():
    """The default seed is 0: the noise is numpy's default_rng(0) normal draw times 0.05;
    a relative_noise array that does not broadcast with a, b or gain_cm is refused by name."""
    length = np.linspace(0.02, 0.2, 6)
    clean = s.vsl_intensity(length, 1.0, 0.02, 30.0)
    draw = np.random.default_rng(0).standard_normal(6)
    assert_allclose(s.vsl_synthetic(length, 1.0, 0.02, 30.0), clean * (1 + 0.05 * draw),
                    rtol=1e-15)
    for name in ("a", "b", "gain_cm"):
        kwargs = dict(length_cm=0.1, a=1.0, b=0.02, gain_cm=30.0, relative_noise=[0.1] * 3)
        kwargs[name] = [kwargs[name]] * 2
        with pytest.raises(ValueError, match=rf"must have shapes that broadcast.*{name} \(2,\)"):
            s.vsl_synthetic(**kwargs)


def test_fit_vsl_default_noise_sets_the_reduced_chi2():
    """relative_noise = 0.05 by default: χ²_red is the sum of ((I − fit)/(0.05 I))² over
    n − 3, recomputed here from the fitted parameters with vsl_intensity."""
    length = np.linspace(0.0, 0.2, 25)[1:]
    data = s.vsl_synthetic(length, 1.0, 0.02, 40.0, 0.08, 7)
    fit = s.fit_vsl(length, data)
    model = s.vsl_intensity(length, fit["a"], fit["b"], fit["gain_cm"])
    chi2 = np.sum(((data - model) / (0.05 * data)) ** 2) / (length.size - 3)
    assert_allclose(fit["chi2_red"], chi2, rtol=1e-10)


def test_fit_vsl_allows_a_thousand_evaluations():
    """Decaying data started from a steeper decay: the fit needs 437 evaluations to land on
    the exact parameters. scipy's default for its bounded method would stop at 100 per
    parameter (300) and refuse; maxfev=1000 is the budget the docstring's fits rely on."""
    length = np.linspace(0.05, 0.5, 10)
    data = s.vsl_intensity(length, 3.0, 0.05, -10.0)
    fit = s.fit_vsl(length, data, 0.05, gain_guess_cm=-20.0)
    assert_allclose([fit["a"], fit["b"], fit["gain_cm"]], [3.0, 0.05, -10.0], rtol=1e-9)


def test_fit_vsl_names_the_guess_when_the_fit_does_not_converge():
    """Nearly linear data (B = 1e-4, a slight decay) started from G = 31.25 cm⁻¹ wander for
    1000 evaluations: scipy's RuntimeError became a ValueError that names the guess."""
    length = np.linspace(0.08, 0.64, 12)
    data = s.vsl_synthetic(length, 0.4, 1e-4, -1 / 0.64, 0.03, 1)
    with pytest.raises(ValueError, match=r"^intensity must be described by A l \+ B e\^\(G l\) "
                                         r"starting from gain_guess_cm=31\.25 \(allowed: .*"
                                         r"Optimal parameters not found"):
        s.fit_vsl(length, data, 0.03, gain_guess_cm=31.25)


@pytest.mark.parametrize("bad", ["popt", "pcov"])
def test_fit_vsl_refuses_a_non_finite_result(monkeypatch, bad):
    """curve_fit fills the covariance with inf when it cannot estimate it (its documented
    signal), and a non-finite parameter is possible in principle: fit_vsl must refuse either
    by name rather than return inf uncertainties. scipy is replaced by a stub that returns
    the exact parameters with one entry spoilt, so each guard is reached on its own."""
    length = np.linspace(0.0, 0.25, 30)[1:]
    data = s.vsl_intensity(length, 2.0, 0.05, 25.0)

    def spoilt(*args, **kwargs):
        popt, pcov = np.array([2.0, 0.05, 25.0]), np.eye(3) * 1e-6
        if bad == "popt":
            popt[0] = np.nan
        else:
            pcov[2, 2] = np.inf
        return popt, pcov

    monkeypatch.setattr(s, "curve_fit", spoilt)
    with pytest.raises(ValueError, match=r"^intensity must be fitted by A l \+ B e\^\(G l\) with "
                                         r"finite parameters and uncertainties \(allowed: "
                                         r"data the model describes\); the fit from "
                                         r"gain_guess_cm=20 gave"):
        s.fit_vsl(length, data, 0.01, gain_guess_cm=20.0)
