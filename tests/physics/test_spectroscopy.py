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
