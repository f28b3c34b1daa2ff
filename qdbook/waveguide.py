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

The mode is computed by the package's one multilayer solver,
:func:`qdbook.photonics.guided_modes` and :func:`qdbook.photonics.confinement_factors`,
for the three layers substrate / film / cover. h c and the photon wavelength
come from :mod:`qdbook.units`.
"""

from __future__ import annotations

import numpy as np

from . import _validate as v
from ._relation import Relation, uniform
from .photonics import confinement_factors, guided_modes
from .units import HC_EV_NM as HC_EV_NM  # re-exported: pages use waveguide.HC_EV_NM
from .units import convert
from .units import wavelength_nm as photon_wavelength_nm  # re-exported for the pages


def _slab_indices(n_film, n_substrate, n_cover):
    n_f = v.in_range("n_film", v.scalar("n_film", n_film), 1.0, 10.0)
    n_s = v.in_range("n_substrate", v.scalar("n_substrate", n_substrate), 1.0, 10.0)
    n_c = v.in_range("n_cover", v.scalar("n_cover", n_cover), 1.0, 10.0)
    if n_f <= max(n_s, n_c):
        raise ValueError(f"n_film must exceed n_substrate and n_cover to guide light (allowed "
                         f"range ({max(n_s, n_c)}, 10]), got {n_film!r}")
    return n_f, n_s, n_c


def _te0_cutoff_nm(wavelength_nm, n_f, n_s, n_c):
    """TE₀ cut-off thickness [nm] of an asymmetric slab (0 for a symmetric one)."""
    hi, lo = max(n_s, n_c), min(n_s, n_c)
    k0 = 2.0 * np.pi / wavelength_nm
    return (np.arctan(np.sqrt((hi**2 - lo**2) / (n_f**2 - hi**2)))
            / (k0 * np.sqrt(n_f**2 - hi**2)))


MAX_SLAB_MODES = 1000
"""Most guided modes a film of :func:`slab_te0_mode` may have (a film ~300 wavelengths
thick): the solver finds them all, and beyond this a call takes more than a second."""


def slab_te0_mode(thickness_nm, wavelength_nm, n_film, n_substrate, n_cover=1.0):
    """Effective index and confinement factor of the TE₀ mode of a film.

    Parameters
    ----------
    thickness_nm : float
        Film thickness [nm], > 0; it must exceed the TE₀ cut-off of an
        asymmetric slab and allow at most :data:`MAX_SLAB_MODES` guided modes.
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
    A three-layer call of the multilayer solver: :func:`qdbook.photonics.guided_modes`
    for the stack substrate / film / cover (TE₀ is the mode of highest n_eff) and
    :func:`qdbook.photonics.confinement_factors` for the film's share Γ of the mode's
    power. The solution satisfies the closed-form TE dispersion relation
    k₀d (n_f² − n²)^½ = arctan[((n² − n_s²)/(n_f² − n²))^½] + arctan[((n² − n_c²)/(n_f² − n²))^½],
    which the tests solve independently. Used for Γ_NC in
    Equation :math:numref:`rel-3.1-gain-kinds` and n_eff in
    Equation :math:numref:`rel-3.4-dfb` of the book (review sections 3.1.1 and 3.4.2).

    Examples
    --------
    Review section 3.1.1 (Γ_NC close to 1 for films of ~300 nm): the book's film of
    n = 1.8 on glass (1.5) at 620 nm, 300 nm thick:

    >>> n_eff, gamma = slab_te0_mode(300.0, 620.0, 1.8, 1.5)
    >>> round(n_eff, 3), round(gamma, 3)
    (1.678, 0.861)
    """
    n_f, n_s, n_c = _slab_indices(n_film, n_substrate, n_cover)
    d = v.positive("thickness_nm", v.scalar("thickness_nm", thickness_nm))
    lam = v.positive("wavelength_nm", v.scalar("wavelength_nm", wavelength_nm))
    indices, layers = [n_s, n_f, n_c], [d]
    # scan the solver's grid finely enough for every mode: they lie ~π/d apart in κ
    v_number = 2.0 * np.pi / lam * d * np.sqrt(n_f**2 - max(n_s, n_c) ** 2)
    if v_number / np.pi > MAX_SLAB_MODES:
        d_max = MAX_SLAB_MODES * np.pi / v_number * d
        raise ValueError(f"thickness_nm must be at most {d_max:.4g} nm at wavelength_nm = "
                         f"{lam:g} for these n_film, n_substrate, n_cover (a film of at most "
                         f"{MAX_SLAB_MODES} guided modes; allowed range (0, {d_max:.4g}]), "
                         f"got {thickness_nm!r}")
    modes = guided_modes(indices, layers, lam, "TE", n_points=50 + int(4 * v_number / np.pi))
    if modes.size == 0:
        cutoff = _te0_cutoff_nm(lam, n_f, n_s, n_c)
        raise ValueError(f"thickness_nm must exceed the TE0 cut-off of {cutoff:.1f} nm at "
                         f"wavelength_nm = {lam:g} for these n_film, n_substrate, n_cover "
                         f"(allowed range ({cutoff:.1f}, inf)), got {thickness_nm!r}")
    n_eff = float(modes[0].real)
    gamma = float(confinement_factors(indices, layers, lam, n_eff, "TE")[1])
    return n_eff, gamma


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
