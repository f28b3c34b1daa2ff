"""Charged-exciton gain and statistical Auger scaling (review sections 3.2.2 and 3.3).

Conventions
-----------
``mean_n`` is the average number of excitons per dot ⟨N⟩, ``n_e`` the number
of extra (doping) electrons per dot, ``mean_n_e`` its ensemble average ⟨n_e⟩.
``g_e`` and ``g_h`` are the degeneracies of the band-edge electron and hole
levels, spin included (2 for CdSe in the simple model, 8 for PbS and PbSe,
whose band edges sit in four equivalent L valleys).

Occupancies are treated as continuous, as in the quasi-Fermi picture of the
review's eq 5: a level of degeneracy g holding N carriers on average has the
occupation factor f = N/g, and its quasi-Fermi potential follows from the
Fermi function f = 1/(1 + e^{φ/k_BT}), so φ = k_BT ln(1/f − 1). With this sign
φ is the distance of the level *above* the quasi-Fermi level; the band-edge
transition is transparent when φ_e + φ_h = 0 and amplifies when
φ_e + φ_h < 0 (f_e + f_h > 1). Potentials are returned in eV.

Auger rates of :func:`statistical_auger_rate` are in units of the constant
C_A, so only their ratios carry meaning unless C_A is given.
"""

from __future__ import annotations

import numpy as np
from scipy import constants as sc
from scipy.optimize import brentq
from scipy.stats import poisson

from . import _validate as v

_N_GRID = np.arange(0, 61)

MEASURED_THRESHOLDS = [
    # (system, quantity, neutral or lowest-charge value, charged value(s), unit, source DOI)
    ("CdSe QD film, electrochemically charged", "ASE threshold fluence", 1.0, (0.3,),
     "mJ cm⁻²", "10.1021/jp0489830"),
    ("cg-QDs on a 2nd-order DFB grating, photochemically charged (0.2 M, 0.4 M LiEt₃BH)",
     "lasing threshold ⟨N_th,las⟩", 1.3, (0.5, 0.31), "excitons per dot",
     "10.1126/science.aax3489"),
    ("n-doped PbS QDs, ⟨n_e⟩ = 2.7 and 4.8", "ASE threshold ⟨N_th⟩", None, (2.5, 1.2),
     "excitons per dot", "10.1021/acs.nanolett.0c01859"),
    ("n-doped PbS/PbS₁₋ₓSeₓ graded QDs", "lasing threshold ⟨N_th,las⟩", None, (0.87,),
     "excitons per dot", "10.1002/adma.202207678"),
]
"""Measured thresholds of charged nanocrystals quoted in the review, sec. 3.3.

Each row: system, measured quantity, value without charging (None if not
quoted), value(s) with charging, unit, DOI of the original work (as cited by
the review, doi:10.1021/acs.chemrev.2c00865, refs 118, 61, 133 and 124).
"""

DOPED_PBS_MEAN_N_E = (2.7, 4.8)
"""Average doping ⟨n_e⟩ of the two PbS samples (doi 10.1021/acs.nanolett.0c01859).

As quoted in the review, sec. 3.3.3.
"""

PBS_DEGENERACY = 8
"""Band-edge degeneracy g_e = g_h = 8 of PbS and PbSe (4 L valleys × 2 spins; review sec. 3.2.2)."""


def _degeneracy(name, value):
    return float(v.positive(name, value))


def quasi_fermi_levels_ev(mean_n, n_e=0.0, g_e=2.0, g_h=2.0, temperature_k=300.0):
    r"""Electron and hole quasi-Fermi potentials φ_e, φ_h [eV] (rel-3.2-quasi-fermi).

    .. math:: \phi_e = k_BT\,\ln\!\left(\frac{g_e}{N + n_e} - 1\right),\qquad
              \phi_h = k_BT\,\ln\!\left(\frac{g_h}{N} - 1\right)

    Parameters
    ----------
    mean_n : float or array_like
        Excitons per dot, in (0, g_h), and with N + n_e in (0, g_e).
    n_e : float, optional
        Extra electrons per dot, >= 0.
    g_e, g_h : float, optional
        Band-edge degeneracies, > 0.
    temperature_k : float, optional
        Temperature [K], > 0.

    Returns
    -------
    tuple of (float or ndarray)
        ``(phi_e, phi_h)`` in eV; the band edge amplifies where their sum is
        negative (see the module docstring for the sign).

    Notes
    -----
    Review section 3.2.2 (ref. 32 there: doi:10.1038/s41578-020-00274-9).
    """
    g_e = _degeneracy("g_e", g_e)
    g_h = _degeneracy("g_h", g_h)
    n_e = v.nonnegative("n_e", n_e)
    n = v.in_range("mean_n", mean_n, 0.0, g_h, closed=False)
    v.in_range("mean_n + n_e", np.asarray(n) + n_e, 0.0, g_e, closed=False)
    kt = sc.k * v.positive("temperature_k", temperature_k) / sc.e
    phi_e = kt * np.log(g_e / (np.asarray(n) + n_e) - 1.0)
    phi_h = kt * np.log(g_h / np.asarray(n) - 1.0)
    return phi_e[()], phi_h[()]


def charged_gain_threshold(n_e, g_e=2.0, g_h=2.0):
    r"""Band-edge gain threshold ⟨N_th,gain⟩ of dots with ``n_e`` extra electrons (eq-5).

    .. math:: \langle N_{th,gain}\rangle = \frac{g_h\,(g_e - n_e)}{g_h + g_e}

    Parameters
    ----------
    n_e : float or array_like
        Extra electrons per dot, in [0, g_e]; at n_e = g_e the electron level
        is full and the threshold is zero ("zero-threshold gain").
    g_e, g_h : float, optional
        Band-edge degeneracies, > 0.

    Notes
    -----
    The root of φ_e + φ_h = 0 (:func:`quasi_fermi_levels_ev`), i.e. of
    (N + n_e)/g_e + N/g_h = 1. Review eq 5, section 3.2.2.
    """
    g_e = _degeneracy("g_e", g_e)
    g_h = _degeneracy("g_h", g_h)
    n_e = v.in_range("n_e", n_e, 0.0, g_e)
    return g_h * (g_e - n_e) / (g_e + g_h)


def band_edge_inversion(mean_n, n_e=0.0, g_e=2.0, g_h=2.0):
    """Inversion f_e + f_h − 1 of the band-edge transition, occupation factors capped at 1.

    Parameters
    ----------
    mean_n : float or array_like
        Excitons per dot, >= 0.
    n_e : float or array_like, optional
        Extra electrons per dot, >= 0 (broadcast against ``mean_n``).
    g_e, g_h : float, optional
        Band-edge degeneracies, > 0.

    Returns
    -------
    float or ndarray
        In [−1, 1]; positive is gain. Linear in ``mean_n`` until a level is full.
    """
    g_e = _degeneracy("g_e", g_e)
    g_h = _degeneracy("g_h", g_h)
    n = np.asarray(v.nonnegative("mean_n", mean_n))
    extra = np.asarray(v.nonnegative("n_e", n_e))
    out = np.minimum((n + extra) / g_e, 1.0) + np.minimum(n / g_h, 1.0) - 1.0
    return out[()]


def poisson_charged_inversion(mean_n, mean_n_e, g_e=2.0, g_h=2.0):
    """Band-edge inversion averaged over a Poisson distribution of doping electrons.

    Each dot holds an integer number n of extra electrons with Poisson
    probability of mean ``mean_n_e``; the excitons are shared as ⟨N⟩ per dot,
    as in eq-5. Dots whose electron level overflows keep f_e = 1.

    Parameters
    ----------
    mean_n : float or array_like
        Excitons per dot, >= 0.
    mean_n_e : float
        Average doping ⟨n_e⟩, in [0, 30].
    g_e, g_h : float, optional
        Band-edge degeneracies, > 0.
    """
    mean_e = float(v.in_range("mean_n_e", mean_n_e, 0.0, 30.0))
    n = np.asarray(v.nonnegative("mean_n", mean_n))
    weights = poisson.pmf(_N_GRID, mean_e)
    per_dot = band_edge_inversion(n[..., None], _N_GRID, g_e, g_h)
    return (per_dot @ weights)[()]


def poisson_charged_threshold(mean_n_e, g_e=2.0, g_h=2.0):
    """⟨N_th,gain⟩ of an ensemble with Poisson-distributed doping of mean ``mean_n_e``.

    Root of :func:`poisson_charged_inversion` in ⟨N⟩ (brentq); zero if the
    ensemble already amplifies without excitation. Compare with
    :func:`charged_gain_threshold` evaluated at n_e = ⟨n_e⟩, which assumes
    every dot holds exactly the average charge.

    Parameters
    ----------
    mean_n_e : float
        Average doping ⟨n_e⟩, in [0, 30].
    g_e, g_h : float, optional
        Band-edge degeneracies, > 0.
    """
    g_h = _degeneracy("g_h", g_h)
    if poisson_charged_inversion(0.0, mean_n_e, g_e, g_h) >= 0:
        return 0.0
    return float(brentq(lambda n: poisson_charged_inversion(n, mean_n_e, g_e, g_h), 0.0, g_h,
                        xtol=1e-13))


def statistical_auger_rate(n_electrons, n_holes, c_a=1.0):
    r"""Auger rate of a dot with given numbers of electrons and holes (eq-6).

    .. math:: \tau_A^{-1} = C_A\,N_h N_e\,(N_h + N_e - 2)

    Parameters
    ----------
    n_electrons, n_holes : float or array_like
        Carriers per dot, >= 0.
    c_a : float, optional
        The constant C_A, > 0 (rate per unit of the carrier product); with
        the default 1 the result is in units of C_A.

    Notes
    -----
    "Statistical scaling": the rate counts the ways of choosing an electron,
    a hole and a third carrier (review eq 6, section 3.2.2; Klimov et al.,
    Phys. Rev. B 77, 195324 (2008), doi:10.1103/PhysRevB.77.195324).
    """
    ne = np.asarray(v.nonnegative("n_electrons", n_electrons))
    nh = np.asarray(v.nonnegative("n_holes", n_holes))
    c = v.positive("c_a", c_a)
    rate = c * ne * nh * np.maximum(ne + nh - 2.0, 0.0)
    return rate[()]


def charged_exciton_auger_rate(n_e, c_a=1.0):
    """Auger rate of one exciton in a dot with ``n_e`` extra electrons (rel-3.3-trion-auger).

    eq-6 with N_e = n_e + 1 and N_h = 1 gives C_A n_e (n_e + 1): zero for a
    neutral exciton, 2 C_A for a trion, 6 C_A with two extra electrons.

    Parameters
    ----------
    n_e : float or array_like
        Extra electrons, >= 0.
    c_a : float, optional
        The constant C_A, > 0.
    """
    n = np.asarray(v.nonnegative("n_e", n_e))
    return statistical_auger_rate(n + 1.0, 1.0, c_a)


def auger_rate_ratio(n_excitons, reference_excitons=2):
    """Ratio of eq-6 Auger rates of N-exciton and reference neutral states (rel-3.4-auger-ratio).

    With N_e = N_h = N, eq-6 gives 2 C_A N²(N − 1); the ratio to the
    biexciton (N = 2) is N²(N − 1)/4, i.e. 45 for N = 6.

    Parameters
    ----------
    n_excitons : float or array_like
        Excitons per dot, >= 1.
    reference_excitons : float, optional
        Excitons of the reference state, > 1 (the biexciton by default).
    """
    n = v.in_range("n_excitons", n_excitons, 1.0, np.inf)
    ref = v.in_range("reference_excitons", reference_excitons, 1.0, np.inf, closed=False)
    return statistical_auger_rate(n, n) / statistical_auger_rate(ref, ref)


def neutral_fraction(mean_n_e):
    """Fraction of uncharged dots q(0) = exp(−⟨n_e⟩), Poisson charging (rel-3.3-charging-poisson).

    Parameters
    ----------
    mean_n_e : float or array_like
        Average extra electrons per dot ⟨n_e⟩, >= 0.

    Notes
    -----
    Review section 3.3.2.
    """
    return np.exp(-np.asarray(v.nonnegative("mean_n_e", mean_n_e)))[()]


def mean_charge_from_neutral_fraction(q0):
    """⟨n_e⟩ = −ln q(0): the inverse of :func:`neutral_fraction`.

    Parameters
    ----------
    q0 : float or array_like
        Measured fraction of neutral dots, in (0, 1].
    """
    q = v.in_range("q0", q0, 0.0, 1.0)
    if np.any(np.asarray(q) == 0):
        raise ValueError(f"q0 must be > 0 (allowed range (0, 1]), got {q0!r}")
    return (-np.log(np.asarray(q)))[()]
