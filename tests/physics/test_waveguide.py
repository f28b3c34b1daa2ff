"""Slab TE0 modes and DFB resonances (qdbook.waveguide)."""

import re

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import waveguide as w

CASES = [
    (w.slab_te0_mode, dict(thickness_nm=-100.0, wavelength_nm=620.0, n_film=1.8,
                                   n_substrate=1.5), "thickness_nm"),
    # (function, kwargs, parameter named in the message)
    (w.photon_wavelength_nm, dict(photon_energy_ev=0), "photon_energy_ev"),
    (w.slab_te0_mode, dict(thickness_nm=300, wavelength_nm=620, n_film=1.4,
                           n_substrate=1.5), "n_film"),
    (w.slab_te0_mode, dict(thickness_nm=20, wavelength_nm=620, n_film=1.8,
                           n_substrate=1.5), "thickness_nm"),
    (w.slab_te0_mode, dict(thickness_nm=300, wavelength_nm=-620, n_film=1.8,
                           n_substrate=1.5), "wavelength_nm"),
    (w.dfb_wavelength_nm, dict(period_nm=-300, n_eff=1.7), "period_nm"),
    (w.dfb_wavelength_nm, dict(period_nm=300, n_eff=0.5), "n_eff"),
    (w.dfb_wavelength_nm, dict(period_nm=300, n_eff=1.7, order=0), "order"),
    (w.dfb_effective_index, dict(period_nm=0, photon_energy_ev=2.0), "period_nm"),
    (w.dfb_effective_index, dict(period_nm=320, photon_energy_ev=2.0, order=1.5),
     "order"),
    (w.dfb_effective_index, dict(period_nm=320, photon_energy_ev=2.0, order=0), "order"),
]


def test_symmetric_slab_matches_textbook_root():
    """Symmetric slab: tan(kappa d/2) = gamma/kappa for TE0; check with an independent solve."""
    from scipy.optimize import brentq
    d, lam, nf, ns = 400.0, 600.0, 2.0, 1.5
    k0 = 2 * np.pi / lam

    def f(n):
        kappa, gam = k0 * np.sqrt(nf**2 - n**2), k0 * np.sqrt(n**2 - ns**2)
        return kappa * d / 2 - np.arctan(gam / kappa)       # first (TE0) branch
    n_ref = brentq(f, ns + 1e-9, nf - 1e-9)
    n_eff, gamma = w.slab_te0_mode(d, lam, nf, ns, ns)
    assert n_eff == pytest.approx(n_ref, rel=1e-10)
    assert 0 < gamma < 1


def test_confinement_grows_with_thickness():
    gammas = [w.slab_te0_mode(t, 620, 1.8, 1.5)[1] for t in (100, 200, 400, 800)]
    assert np.all(np.diff(gammas) > 0)


def test_dfb_round_trip():
    lam = w.dfb_wavelength_nm(np.array([320.0, 355.0]), 1.7)
    assert_allclose(lam, [544.0, 603.5])
    assert_allclose(w.dfb_effective_index(355.0, w.HC_EV_NM / 603.5), 1.7)
    assert w.dfb_wavelength_nm(320.0, 1.7, order=1) == pytest.approx(1088.0)


@pytest.mark.parametrize("thickness_nm", [150.0, 300.0, 800.0])
def test_te0_closed_form_agrees_with_the_multilayer_solver(thickness_nm):
    """The 3-layer closed form (chapter 3) and the general solver (chapter 6) are independent
    implementations of the same TE0 mode; they must agree."""
    from qdbook import photonics

    n_eff, gamma = w.slab_te0_mode(thickness_nm, 620.0, 1.8, 1.46)
    modes = photonics.guided_modes([1.46, 1.8, 1.0], [thickness_nm], 620.0, "TE")
    assert abs(modes[0].real - n_eff) < 1e-8
    gammas = photonics.confinement_factors([1.46, 1.8, 1.0], [thickness_nm], 620.0, modes[0])
    assert abs(gammas[1] - gamma) < 1e-6


@pytest.mark.parametrize(("lam", "n_f", "n_s", "n_c"), [
    (620.0, 1.8, 1.5, 1.0),      # film on glass in air
    (800.0, 2.2, 1.0, 1.6),      # the cover is the denser cladding
    (550.0, 1.7, 1.45, 1.33),
])
def test_te0_appears_at_the_asymmetric_cut_off(lam, n_f, n_s, n_c):
    """Below the cut-off no TE0 mode (the message gives the cut-off), just above it one
    whose index sits just above the denser cladding's. The cut-off is the thickness where
    n_eff reaches that cladding:
    k0 d (n_f² − n_hi²)^½ = arctan[((n_hi² − n_lo²)/(n_f² − n_hi²))^½]."""
    hi, lo = max(n_s, n_c), min(n_s, n_c)
    cutoff = (np.arctan(np.sqrt((hi**2 - lo**2) / (n_f**2 - hi**2)))
              / (2 * np.pi / lam * np.sqrt(n_f**2 - hi**2)))
    with pytest.raises(ValueError, match=rf"thickness_nm .*cut-off of {cutoff:.1f} nm"):
        w.slab_te0_mode(0.97 * cutoff, lam, n_f, n_s, n_c)
    n_eff, gamma = w.slab_te0_mode(1.05 * cutoff, lam, n_f, n_s, n_c)
    assert hi < n_eff < hi + 0.02 * (n_f - hi) and 0 < gamma < 0.5


def test_slab_indices_are_checked_one_by_one():
    ok = dict(thickness_nm=300.0, wavelength_nm=620.0, n_film=1.8, n_substrate=1.5, n_cover=1.0)
    assert w.slab_te0_mode(**{**ok, "n_film": 10.0})[0] > 1.5   # the top of the range
    pair = [1.8, 1.9]   # one film at a time: every input is a single number
    for name, value in [("n_film", 10.5), ("n_substrate", 0.9), ("n_substrate", 11.0),
                        ("n_cover", 0.5), ("n_cover", 10.5), *((k, pair) for k in ok)]:
        with pytest.raises(ValueError, match=rf"^{name} must"):
            w.slab_te0_mode(**{**ok, name: value})
    # the film must be denser than both claddings; the message gives the range
    for other in ("n_substrate", "n_cover"):
        with pytest.raises(ValueError, match=r"n_film must exceed .*\(1\.8, 10\]"):
            w.slab_te0_mode(**{**ok, other: 1.8})


def test_films_of_more_than_the_largest_mode_count_are_refused():
    lam, n_f, n_s = 904.0, 1.8, 1.5
    d_max = w.MAX_SLAB_MODES * lam / (2 * np.sqrt(n_f**2 - n_s**2))   # V/π = MAX_SLAB_MODES
    n_eff, gamma = w.slab_te0_mode(0.99 * d_max, lam, n_f, n_s)
    assert n_f - 1e-5 < n_eff < n_f and gamma > 0.999999
    with pytest.raises(ValueError, match=re.escape(f"thickness_nm must be at most {d_max:.4g} nm")):
        w.slab_te0_mode(1.01 * d_max, lam, n_f, n_s)


def test_first_order_dfb_index_inverts_the_bragg_wavelength():
    """Order 1 is allowed: n_eff = lambda / (2 Lambda), the inverse of dfb_wavelength_nm."""
    from qdbook.units import HC_EV_NM

    n_eff = w.dfb_effective_index(160.0, 2.274, order=1)
    assert n_eff == pytest.approx(HC_EV_NM / 2.274 / 320.0, rel=1e-14)
    assert w.dfb_wavelength_nm(160.0, n_eff, order=1) == pytest.approx(
        HC_EV_NM / 2.274, rel=1e-14)
