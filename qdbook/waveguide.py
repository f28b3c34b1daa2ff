"""Slab-waveguide modes of a nanocrystal film and second-order DFB resonances (sections 3.1, 3.4).

Conventions
-----------
A film of index ``n_film`` and thickness ``thickness_nm`` lies on a substrate
(``n_substrate``) under a cover (``n_cover``, air by default); all indices
real (lossless), wavelengths in vacuum [nm], photon energies [eV]. Only the
fundamental TE mode (electric field in the film plane) is treated: the mode a
thin gain film guides first. Its effective index n_eff lies between the
larger cladding index and ``n_film``; its *confinement factor* Γ is the
fraction of the mode's energy (∫|E|² dx) inside the film.

Planck's constant, the speed of light and the elementary charge come from
``scipy.constants``.
"""

from __future__ import annotations

import numpy as np
from scipy import constants as sc
from scipy.optimize import brentq

from . import _validate as v
from ._relation import Relation, uniform
from .units import convert

HC_EV_NM = sc.h * sc.c / sc.e * 1e9
"""h c in eV nm (≈ 1239.84), from scipy.constants."""


def photon_wavelength_nm(photon_energy_ev):
    """Vacuum wavelength λ = hc/E [nm] of a photon of energy ``photon_energy_ev`` [eV] (> 0)."""
    return HC_EV_NM / v.positive("photon_energy_ev", photon_energy_ev)


def _slab_indices(n_film, n_substrate, n_cover):
    n_f = float(v.in_range("n_film", n_film, 1.0, 10.0))
    n_s = float(v.in_range("n_substrate", n_substrate, 1.0, 10.0))
    n_c = float(v.in_range("n_cover", n_cover, 1.0, 10.0))
    if n_f <= max(n_s, n_c):
        raise ValueError(f"n_film must exceed n_substrate and n_cover to guide light (allowed "
                         f"range ({max(n_s, n_c)}, 10]), got {n_film!r}")
    return n_f, n_s, n_c


def _te0_residual(n, k0d, n_f, n_s, n_c):
    kappa = np.sqrt(n_f**2 - n**2)
    return (k0d * kappa - np.arctan(np.sqrt(n**2 - n_s**2) / kappa)
            - np.arctan(np.sqrt(n**2 - n_c**2) / kappa))


def slab_te0_mode(thickness_nm, wavelength_nm, n_film, n_substrate, n_cover=1.0):
    """Effective index and confinement factor of the TE₀ mode of a film.

    Parameters
    ----------
    thickness_nm : float
        Film thickness [nm], > 0; it must exceed the TE₀ cut-off of an
        asymmetric slab.
    wavelength_nm : float
        Vacuum wavelength [nm], > 0.
    n_film, n_substrate, n_cover : float
        Refractive indices in [1, 10]; ``n_film`` must be the largest.

    Returns
    -------
    tuple of float
        ``(n_eff, gamma)``: effective index and confinement factor Γ in (0, 1).

    Notes
    -----
    Solves the TE dispersion relation
    k₀d (n_f² − n²)^½ = arctan[((n² − n_s²)/(n_f² − n²))^½] + arctan[((n² − n_c²)/(n_f² − n²))^½]
    with brentq and integrates the mode profile analytically. Used for
    rel-3.1-gain-kinds (Γ_NC) and rel-3.4-dfb (n_eff); review sections 3.1.1
    and 3.4.2.
    """
    n_f, n_s, n_c = _slab_indices(n_film, n_substrate, n_cover)
    d = float(v.positive("thickness_nm", thickness_nm))
    lam = float(v.positive("wavelength_nm", wavelength_nm))
    k0 = 2.0 * np.pi / lam
    lo, hi = max(n_s, n_c), n_f
    eps = 1e-12 * (hi - lo)
    if _te0_residual(lo + eps, k0 * d, n_f, n_s, n_c) <= 0:
        cutoff = (np.arctan(np.sqrt((n_s**2 - n_c**2) / (n_f**2 - n_s**2)))
                  / (k0 * np.sqrt(n_f**2 - lo**2)))
        raise ValueError(f"thickness_nm must exceed the TE0 cut-off of {cutoff:.1f} nm at "
                         f"{lam:g} nm (allowed range ({cutoff:.1f}, inf)), got {thickness_nm!r}")
    n = brentq(_te0_residual, lo + eps, hi - eps, args=(k0 * d, n_f, n_s, n_c), xtol=1e-14)
    kappa = k0 * np.sqrt(n_f**2 - n**2)
    g_s = k0 * np.sqrt(n**2 - n_s**2)
    g_c = k0 * np.sqrt(n**2 - n_c**2)
    r = g_s / kappa  # field in the film: cos(kappa x) + r sin(kappa x), x from the substrate side
    film = (d / 2 * (1 + r**2) + (1 - r**2) * np.sin(2 * kappa * d) / (4 * kappa)
            + r * (1 - np.cos(2 * kappa * d)) / (2 * kappa))
    edge = np.cos(kappa * d) + r * np.sin(kappa * d)
    total = film + 1 / (2 * g_s) + edge**2 / (2 * g_c)
    return float(n), float(film / total)


def dfb_wavelength_nm(period_nm, n_eff, order=2):
    """Bragg wavelength λ = 2 n_eff Λ / m of a DFB grating of order m.

    Equation :math:numref:`rel-3.4-dfb` of the book for m = 2 (review section 3.4.2).

    Parameters
    ----------
    period_nm : float or array_like
        Grating period Λ [nm], > 0.
    n_eff : float or array_like
        Effective index of the guided mode, >= 1.
    order : int, optional
        Bragg order m, >= 1; for the second-order gratings of the review
        λ = n_eff Λ (first-order diffraction then leaves the surface).

    Notes
    -----
    Review section 3.4.2 (Figure 19 there).

    Examples
    --------
    Review section 3.4.2: a 320-nm second-order grating lasing at 2.274 eV
    (λ = 545 nm) implies n_eff = 1.70 (see :func:`dfb_effective_index`):

    >>> round(float(dfb_wavelength_nm(320.0, 1.704)), 1)
    545.3
    """
    period = v.positive("period_nm", period_nm)
    n = v.in_range("n_eff", n_eff, 1.0, np.inf)
    m = v.integer("order", order, minimum=1)
    return 2.0 * n * period / m


def dfb_effective_index(period_nm, photon_energy_ev, order=2):
    """Effective index n_eff = m λ/(2Λ) implied by a grating period and a lasing energy.

    Parameters
    ----------
    period_nm : float or array_like
        Grating period [nm], > 0.
    photon_energy_ev : float or array_like
        Lasing photon energy [eV], > 0.
    order : int, optional
        Bragg order m, >= 1.
    """
    period = v.positive("period_nm", period_nm)
    m = v.integer("order", order, minimum=1)
    return m * photon_wavelength_nm(photon_energy_ev) / (2.0 * period)


RELATIONS = [
    Relation(
        id="rel-3.4-dfb", title="Second-order DFB resonance",
        page="chapters/03-practical-gain/gain-spectra",
        form=lambda sp, s: s.n_eff * s.Lambda,
        units={"n_eff": "1", "Lambda": "m", "result": "m"},
        evaluate=lambda n_eff, Lambda: convert(
            dfb_wavelength_nm(period_nm=convert(Lambda, "m", "nm"), n_eff=n_eff), "nm", "m"),
        sample={"n_eff": uniform(1.0, 3.5), "Lambda": uniform(100e-9, 1000e-9)},
    ),
]
