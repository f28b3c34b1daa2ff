"""Filling of the 1S, 1P, 1D shells and the gain spectra it produces (review section 3.4).

Conventions
-----------
A dot holds ``n`` electron–hole pairs (excitons); electrons and holes fill
their shells in order of energy, each shell up to its degeneracy (spin
included): 2 for 1S, 6 for 1P, 10 for 1D in the spherical model of
chapter 2 (:data:`SHELL_DEGENERACIES`). A shell's *occupation factor* is the
number of carriers in it divided by its degeneracy, f = N_level/g_level, and a
transition between electron shell i and hole shell i is inverted (gains) when
f_e,i + f_h,i > 1 (eq-7). The *inversion* of a transition is f_e + f_h − 1:
−1 for an empty dot (full absorption), 0 at transparency, +1 when both shells
are full (full gain).

Occupancies may be fractional (``n`` is then an average occupancy treated
as if every dot held it, the "uniform" picture of chapter 2); ensemble
averages over a Poisson distribution of integer occupancies are in
:func:`ensemble_inversion`. Energies in eV, absorption coefficients in cm⁻¹.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq
from scipy.stats import poisson

from . import _validate as v
from ._relation import Relation, choice, uniform
from .materials import get_material

_CDSE = get_material("CdSe")

SHELL_LABELS = ("1S", "1P", "1D")
"""Names of the shells of :data:`SHELL_DEGENERACIES`."""

SHELL_DEGENERACIES = (2, 6, 10)
"""Degeneracies 2(2L + 1) of the 1S, 1P and 1D levels, spin included (review sec. 3.4.1)."""

_N_MAX = 80
_N_INT = np.arange(_N_MAX + 1)


def _degeneracies(name, degeneracies):
    arr = v.as_real(name, degeneracies)
    if arr.ndim != 1 or np.any(arr < 1):
        raise ValueError(f"{name} must be a non-empty sequence of degeneracies >= 1 (allowed "
                         f"range [1, {v.MAX_MAGNITUDE:g}]), "
                         f"got {degeneracies!r}")
    return arr


def shell_occupancy(n_carriers, degeneracies=SHELL_DEGENERACIES):
    """Number of carriers in each shell when ``n_carriers`` fill the shells in order.

    Parameters
    ----------
    n_carriers : float or array_like
        Electrons (or holes) per dot, >= 0 and at most the total number of
        places, sum(degeneracies).
    degeneracies : sequence of float, optional
        Degeneracy of each shell, lowest first (default 2, 6, 10).

    Returns
    -------
    ndarray
        Shape ``np.shape(n_carriers) + (len(degeneracies),)``.
    """
    g = _degeneracies("degeneracies", degeneracies)
    n = v.in_range("n_carriers", n_carriers, 0.0, float(g.sum()))
    below = np.concatenate([[0.0], np.cumsum(g)[:-1]])
    return np.clip(np.asarray(n)[..., None] - below, 0.0, g)


def occupation_factors(n_carriers, degeneracies=SHELL_DEGENERACIES):
    """Occupation factors f = N_level/g_level of every shell (eq-7), shaped like the occupancy."""
    g = _degeneracies("degeneracies", degeneracies)
    return shell_occupancy(n_carriers, g) / g


def transition_inversion(n_excitons, degeneracies=SHELL_DEGENERACIES, n_electrons_extra=0.0):
    """Inversion f_e,i + f_h,i − 1 of each shell-to-shell transition (eq-7).

    Parameters
    ----------
    n_excitons : float or array_like
        Excitons per dot, >= 0.
    degeneracies : sequence of float, optional
        Shell degeneracies, the same for electrons and holes.
    n_electrons_extra : float, optional
        Extra (doping) electrons per dot, >= 0.

    Returns
    -------
    ndarray
        Shape ``np.shape(n_excitons) + (len(degeneracies),)``; positive
        entries are inverted (amplifying) transitions.
    """
    g = _degeneracies("degeneracies", degeneracies)
    n = v.in_range("n_excitons", n_excitons, 0.0, float(g.sum()))
    extra = v.nonnegative("n_electrons_extra", n_electrons_extra)
    v.in_range("n_excitons + n_electrons_extra", np.asarray(n) + extra, 0.0, float(g.sum()))
    f_e = occupation_factors(np.asarray(n) + extra, g)
    f_h = occupation_factors(n, g)
    return f_e + f_h - 1.0


def shell_gain_threshold(shell, degeneracies=SHELL_DEGENERACIES):
    """Excitons per dot at which transition ``shell`` reaches transparency.

    Equation :math:numref:`eq-7` of the book (review eq 7, section 3.4.1).

    Solves f_e + f_h = 1 for the occupancy ``n`` (continuous) with
    ``scipy.optimize.brentq``.

    Parameters
    ----------
    shell : int
        Index of the shell, 0 for 1S, 1 for 1P, ...
    degeneracies : sequence of float, optional
        Shell degeneracies (electrons and holes alike).

    Returns
    -------
    float
        1, 5 and 13 for 1S, 1P and 1D with the default degeneracies: the
        lower shells must be full, then half of shell ``i`` (review sec. 3.4.1).

    Examples
    --------
    Review section 3.4.1 (eq 7): gain on the 1S, 1P and 1D transitions starts
    at N_th = 1, 5 and 13 excitons per dot:

    >>> [round(shell_gain_threshold(k), 10) for k in range(3)]
    [1.0, 5.0, 13.0]
    """
    g = _degeneracies("degeneracies", degeneracies)
    index = v.integer("shell", shell)
    if index >= g.size:
        raise ValueError(f"shell must be < {g.size} (the number of shells), got {shell!r}")
    return float(brentq(lambda n: transition_inversion(n, g)[index], 0.0, float(g.sum()),
                        xtol=1e-13))


def ensemble_inversion(mean_n, degeneracies=SHELL_DEGENERACIES):
    """Poisson-averaged inversion of each transition, Σ_n p_n (f_e,i + f_h,i − 1).

    Parameters
    ----------
    mean_n : float or array_like
        Average excitons per dot ⟨N⟩ after a short pulse, in [0, 40].
    degeneracies : sequence of float, optional
        Shell degeneracies; dots holding more excitons than there are places
        keep every shell full.

    Returns
    -------
    ndarray
        Shape ``np.shape(mean_n) + (len(degeneracies),)``.
    """
    g = _degeneracies("degeneracies", degeneracies)
    mean = v.in_range("mean_n", mean_n, 0.0, 40.0)
    per_dot = transition_inversion(np.minimum(_N_INT, g.sum()), g)  # (_N_MAX+1, shells)
    weights = poisson.pmf(_N_INT, np.asarray(mean)[..., None])     # (..., _N_MAX+1)
    return weights @ per_dot


def gaussian_line(energy_ev, centre_ev, fwhm_ev):
    """Area-free Gaussian line shape of peak 1 and full width ``fwhm_ev`` at half maximum."""
    e = v.as_real("energy_ev", energy_ev)
    c = v.as_real("centre_ev", centre_ev)
    w = v.positive("fwhm_ev", fwhm_ev)
    s = w / (2.0 * np.sqrt(2.0 * np.log(2.0)))
    return np.exp(-0.5 * ((e - c) / s) ** 2)


def gain_spectrum_cm(energy_ev, mean_n, band_energies_ev, alpha_1s_cm, fwhm_ev,
                     degeneracies=SHELL_DEGENERACIES):
    """Multi-band gain spectrum G(E) = −α(E) of a Poisson-excited ensemble [cm⁻¹].

    Each transition i contributes a Gaussian band at ``band_energies_ev[i]``
    whose unexcited absorption is ``alpha_1s_cm`` × g_i/g_1S (more
    degenerate shells absorb more) and whose sign and size follow the
    Poisson-averaged inversion (:func:`ensemble_inversion`).

    Parameters
    ----------
    energy_ev : array_like
        Photon energies [eV].
    mean_n : float
        ⟨N⟩, in [0, 40].
    band_energies_ev : sequence of float
        Transition energies, one per shell [eV], > 0.
    alpha_1s_cm : float
        Ground-state absorption at the 1S peak [cm⁻¹], > 0.
    fwhm_ev : float
        Inhomogeneous line width of every band [eV], > 0.
    degeneracies : sequence of float, optional
        Shell degeneracies, as many as band energies.

    Returns
    -------
    ndarray
        Gain coefficient [cm⁻¹]; negative values are net absorption.
    """
    g = _degeneracies("degeneracies", degeneracies)
    bands = v.positive("band_energies_ev", np.atleast_1d(band_energies_ev))
    if bands.shape != g.shape:
        raise ValueError(f"band_energies_ev must have one energy per shell of degeneracies "
                         f"({g.size}), got {len(bands)}")
    alpha = v.positive("alpha_1s_cm", v.scalar("alpha_1s_cm", alpha_1s_cm))
    inversion = ensemble_inversion(v.as_real("mean_n", v.scalar("mean_n", mean_n)), g)
    e = v.positive("energy_ev", energy_ev)
    lines = gaussian_line(np.asarray(e)[..., None], bands, v.scalar("fwhm_ev", fwhm_ev))
    return alpha * (lines * (g / g[0]) * inversion).sum(axis=-1)


def auger_assisted_photon_energy_ev(exciton_energy_ev, intraband_energy_ev):
    """Photon energy of Auger-assisted stimulated emission.

    Equation :math:numref:`rel-3.4-auger-assisted` of the book (review section 3.4.2).

    A band-edge exciton recombines and hands part of its energy to a 1P
    electron, which is lifted to a higher level; the photon carries the rest:
    ħω = E_X − ΔE_intra.

    Parameters
    ----------
    exciton_energy_ev : float or array_like
        Band-edge (1S) transition energy [eV], > 0.
    intraband_energy_ev : float or array_like
        Energy taken by the re-excited electron [eV], >= 0 and below the
        exciton energy.

    Examples
    --------
    Review section 3.4.2: the gain of graded cg-QDs reaches ~200 meV below the
    1S peak at 2.10 eV, down to 1.9 eV:

    >>> round(float(auger_assisted_photon_energy_ev(CG_QD_1S_EV, 0.200)), 2)
    1.9
    """
    e_x = v.positive("exciton_energy_ev", exciton_energy_ev)
    de = v.nonnegative("intraband_energy_ev", intraband_energy_ev)
    if np.any(np.asarray(de) >= np.asarray(e_x)):
        raise ValueError(f"intraband_energy_ev must be < exciton_energy_ev (allowed range "
                         f"[0, exciton_energy_ev)), got {intraband_energy_ev!r}")
    return e_x - de


CG_QD_1S_EV = 2.10
"""1S gain-band peak of the graded cg-QDs of review sec. 3.4.2 [eV].

The review places the Auger-assisted gain cutoff at ~1.9 eV, 200 meV below
the 1S peak (doi:10.1021/acs.chemrev.2c00865, sec. 3.4.2, Figure 18).
"""

CG_QD_1P_EV = 2.274
"""1P lasing line of the same cg-QDs on a DFB grating [eV] (review sec. 3.4.2, Figure 19)."""


def scaled_transition_energy_ev(e_1s_ev, e_1p_ev, n, L):
    """Energy of the (n, L) shell transition when every level scales as φ²_{n,L}.

    In an infinite spherical well of one radius for electrons and holes
    (eq-1 of chapter 2) each level's confinement energy is proportional to
    the square of the Bessel root φ_{n,L}, so two measured transitions (1S
    and 1P) fix the whole ladder:
    E_{nL} = E_1S + (E_1P − E_1S)(φ²_{nL} − φ²_1S)/(φ²_1P − φ²_1S).

    Parameters
    ----------
    e_1s_ev, e_1p_ev : float
        Measured 1S and 1P transition energies [eV], 0 < e_1s_ev < e_1p_ev.
    n, L : int
        Radial (>= 1) and angular (>= 0) quantum numbers of the shell.
    """
    from .confinement import bessel_root

    e1 = v.positive("e_1s_ev", v.scalar("e_1s_ev", e_1s_ev))
    e2 = v.positive("e_1p_ev", v.scalar("e_1p_ev", e_1p_ev))
    if e2 <= e1:
        raise ValueError(f"e_1p_ev must exceed e_1s_ev (allowed range ({e1}, inf)), "
                         f"got {e_1p_ev!r}")
    phi2 = bessel_root(v.integer("n", n, 1), v.integer("L", L)) ** 2
    s2, p2 = bessel_root(1, 0) ** 2, bessel_root(1, 1) ** 2
    return e1 + (e2 - e1) * (phi2 - s2) / (p2 - s2)


def electron_intraband_energy_ev(e_1s_ev, e_1p_ev, electron_share, n_to=1, L_to=2):
    """Energy to lift a 1P electron to the (n_to, L_to) level, from the scaled ladder.

    The electron's part of a transition energy is the fraction
    ``electron_share`` = (1/m_e)/(1/m_e + 1/m_h) = m_h/(m_e + m_h) of it, so
    ΔE = share × [E(n_to, L_to) − E_1P] (rel-3.4-auger-assisted).

    Parameters
    ----------
    e_1s_ev, e_1p_ev : float
        1S and 1P transition energies [eV].
    electron_share : float
        Electron's share of the confinement energy, in [0, 1].
    n_to, L_to : int, optional
        Level the electron is lifted to (1D by default).
    """
    share = v.probability("electron_share", electron_share)
    upper = scaled_transition_energy_ev(e_1s_ev, e_1p_ev, v.integer("n_to", n_to, 1),
                                        v.integer("L_to", L_to))
    if upper <= e_1p_ev:
        raise ValueError(f"L_to must name a level above 1P, got n_to={n_to!r}, L_to={L_to!r}")
    return share * (upper - float(e_1p_ev))


CG_BANDS_EV = (CG_QD_1S_EV, CG_QD_1P_EV,
               float(scaled_transition_energy_ev(CG_QD_1S_EV, CG_QD_1P_EV, 1, 2)))
"""1S, 1P and 1D band energies of the graded cg-QDs of review sec. 3.4.2 [eV].

1S from the review's Auger-assisted cutoff + 200 meV (:data:`CG_QD_1S_EV`), 1P from
the 1P lasing line (:data:`CG_QD_1P_EV`), 1D from the φ²-scaled ladder
(:func:`scaled_transition_energy_ev`); the bands of the book's model gain spectra.
"""

ELECTRON_SHARE = _CDSE.mh / (_CDSE.me + _CDSE.mh)
"""Electron's share m_h/(m_e + m_h) of a CdSe transition's confinement energy [dimensionless].

From the CdSe effective masses of :mod:`qdbook.materials` (about 0.78); the
``electron_share`` of :func:`electron_intraband_energy_ev` for the cg-QDs.
"""


# -- relations of the review that this module computes (see qdbook._relation) -------------
_SEC3 = "chapters/03-practical-gain"

RELATIONS = [
    Relation(
        id="eq-7", title="Transparency of a shell above N_low filled places",
        page=f"{_SEC3}/gain-spectra",
        form=lambda sp, s: sp.Eq(2 * (s.N - s.N_low) / s.g, 1),
        units={"N": "1", "N_low": "1", "g": "1", "result": "1"},
        # An equation: its numeric face is the root N = N_low + g/2, found by the package
        # for a two-shell ladder (N_low places below, then a shell of g places).
        evaluate=lambda N_low, g: shell_gain_threshold(shell=1, degeneracies=(N_low, g)),
        sample={"N_low": choice(*range(2, 20, 2)), "g": choice(*range(2, 16, 2))},
    ),
    Relation(
        id="rel-3.4-auger-assisted", title="Photon energy of Auger-assisted emission",
        page=f"{_SEC3}/gain-spectra",
        form=lambda sp, s: s.E_X - s.Delta_E,
        units={"E_X": "eV", "Delta_E": "eV", "result": "eV"},
        evaluate=lambda E_X, Delta_E: auger_assisted_photon_energy_ev(
            exciton_energy_ev=E_X, intraband_energy_ev=Delta_E),
        sample={"E_X": uniform(0.5, 3.0), "Delta_E": uniform(0.0, 0.4)},
    ),
]
