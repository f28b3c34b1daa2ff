"""Slab TE0 modes and DFB resonances (qdbook.waveguide)."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import waveguide as w

CASES = [
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
