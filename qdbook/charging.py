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
from ._relation import Relation, integers, loguniform, uniform
from .units import convert

_N_GRID = np.arange(0, 101)
"""Doping electrons n summed over in the Poisson averages: at the largest allowed mean, 30, the
tail beyond n = 100 weighs poisson.sf(100, 30) = 2e-24, far below double precision (a cut at
n = 60 left out 4.5e-7)."""

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


MAX_DEGENERACY = 1000.0
"""Largest band-edge degeneracy accepted (real dots have 2 to a few tens; beyond this the
threshold's root search loses its relative precision)."""


MAX_CARRIERS = 1e4
"""Most carriers of one kind in a dot accepted by the Auger rates (a 10 nm dot holds
~10⁴ unit cells; the cubic rate then stays far inside float64)."""


def _degeneracy(name, value):
    value = v.positive(name, v.scalar(name, value))
    if value > MAX_DEGENERACY:
        raise ValueError(f"{name} must be a degeneracy in (0, {MAX_DEGENERACY:g}], got {value!r}")
    return value


def quasi_fermi_levels_ev(mean_n, n_e=0.0, g_e=2.0, g_h=2.0, temperature_k=300.0):
    r"""Electron and hole quasi-Fermi potentials φ_e, φ_h [eV].

    Equation :math:numref:`rel-3.2-quasi-fermi` of the book (review section 3.2.2):

    .. math:: \phi_e = k_BT\,\ln\!\left(\frac{g_e}{N + n_e} - 1\right),\qquad
              \phi_h = k_BT\,\ln\!\left(\frac{g_h}{N} - 1\right)

    Parameters
    ----------
    mean_n : float or array_like
        Excitons per dot, in (0, g_h), and with N + n_e in (0, g_e).
    n_e : float, optional
        Extra electrons per dot, >= 0.
    g_e, g_h : float, optional
        Band-edge degeneracies, in (0, 1000].
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

    Examples
    --------
    Review section 3.2.2: φ_e + φ_h = 0 at the eq-5 threshold; a singly charged
    two-fold dot (n_e = 1) reaches it at ⟨N⟩ = 0.5:

    >>> phi_e, phi_h = quasi_fermi_levels_ev(0.5, n_e=1.0)
    >>> round(float(phi_h), 4), abs(float(phi_e + phi_h)) < 1e-12
    (0.0284, True)
    """
    g_e = _degeneracy("g_e", g_e)
    g_h = _degeneracy("g_h", g_h)
    n_e = v.nonnegative("n_e", n_e)
    n = v.in_range("mean_n", mean_n, 0.0, g_h, closed=False)
    v.in_range("mean_n + n_e", np.asarray(n) + n_e, 0.0, g_e, closed=False)
    kt = convert(sc.k * v.positive("temperature_k", temperature_k), "J", "eV")
    phi_e = kt * np.log(g_e / (np.asarray(n) + n_e) - 1.0)
    phi_h = kt * np.log(g_h / np.asarray(n) - 1.0)
    return phi_e[()], phi_h[()]


def charged_gain_threshold(n_e, g_e=2.0, g_h=2.0):
    r"""Band-edge gain threshold ⟨N_th,gain⟩ of dots with ``n_e`` extra electrons.

    Equation :math:numref:`eq-5` of the book (review eq 5, section 3.2.2); with
    g_e = g_h = 2 it is Equation :math:numref:`rel-3.2-charged` (section 3.2.2),
    with g_e = g_h = 8 (PbS) Equation :math:numref:`rel-3.3-doped-pbs` (section 3.3.3):

    .. math:: \langle N_{th,gain}\rangle = \frac{g_h\,(g_e - n_e)}{g_h + g_e}

    Parameters
    ----------
    n_e : float or array_like
        Extra electrons per dot, in [0, g_e]; at n_e = g_e the electron level
        is full and the threshold is zero ("zero-threshold gain").
    g_e, g_h : float, optional
        Band-edge degeneracies, in (0, 1000].

    Notes
    -----
    The root of φ_e + φ_h = 0 (:func:`quasi_fermi_levels_ev`), i.e. of
    (N + n_e)/g_e + N/g_h = 1. Review eq 5, section 3.2.2.

    Examples
    --------
    Review section 3.2.2 (eq 5): two-fold levels give 1, 0.5 and 0 for n_e = 0,
    1, 2; eight-fold PbSe/PbS levels give 4 for neutral dots and 1 with n_e = 6:

    >>> [float(charged_gain_threshold(n_e)) for n_e in (0, 1, 2)]
    [1.0, 0.5, 0.0]
    >>> [float(charged_gain_threshold(n_e, 8, 8)) for n_e in (0, 6)]
    [4.0, 1.0]

    Review section 3.3.3: n-doped PbS with ⟨n_e⟩ = 2.7 and 4.8 gives 2.65 and 1.6:

    >>> [round(float(charged_gain_threshold(n_e, 8, 8)), 2) for n_e in DOPED_PBS_MEAN_N_E]
    [2.65, 1.6]
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
        Band-edge degeneracies, in (0, 1000].

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
        Band-edge degeneracies, in (0, 1000].
    """
    mean_e = v.in_range("mean_n_e", v.scalar("mean_n_e", mean_n_e), 0.0, 30.0)
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
        Band-edge degeneracies, in (0, 1000].
    """
    g_h = _degeneracy("g_h", g_h)
    if poisson_charged_inversion(0.0, mean_n_e, g_e, g_h) >= 0:
        return 0.0
    return float(brentq(lambda n: poisson_charged_inversion(n, mean_n_e, g_e, g_h), 0.0, g_h,
                        xtol=1e-13))


def statistical_auger_rate(n_electrons, n_holes, c_a=1.0):
    r"""Auger rate of a dot with given numbers of electrons and holes.

    Equation :math:numref:`eq-6` of the book (review eq 6, section 3.2.2):

    .. math:: \tau_A^{-1} = C_A\,N_h N_e\,(N_h + N_e - 2)

    Parameters
    ----------
    n_electrons, n_holes : float or array_like
        Carriers per dot, in [0, 10⁴] (:data:`MAX_CARRIERS`).
    c_a : float, optional
        The constant C_A, > 0 (rate per unit of the carrier product); with
        the default 1 the result is in units of C_A.

    Notes
    -----
    "Statistical scaling": the rate counts the ways of choosing an electron,
    a hole and a third carrier (review eq 6, section 3.2.2; Klimov et al.,
    Phys. Rev. B 77, 195324 (2008), doi:10.1103/PhysRevB.77.195324).

    Examples
    --------
    Review section 3.2.2: a neutral eight-fold dot at threshold (N_e = N_h = 4)
    decays at 96 C_A, one with n_e = 6 (N_e = 7, N_h = 1) at 42 C_A, so its gain
    lives 2.3 times longer (96/42 = 2.29):

    >>> float(statistical_auger_rate(4, 4)), float(statistical_auger_rate(7, 1))
    (96.0, 42.0)
    >>> round(float(statistical_auger_rate(4, 4) / statistical_auger_rate(7, 1)), 2)
    2.29
    """
    ne = np.asarray(v.in_range("n_electrons", n_electrons, 0.0, MAX_CARRIERS))
    nh = np.asarray(v.in_range("n_holes", n_holes, 0.0, MAX_CARRIERS))
    c = v.positive("c_a", c_a)
    rate = c * ne * nh * np.maximum(ne + nh - 2.0, 0.0)
    return rate[()]


def charged_exciton_auger_rate(n_e, c_a=1.0):
    """Auger rate of one exciton in a dot with ``n_e`` extra electrons.

    Equation :math:numref:`rel-3.3-trion-auger` of the book (review section 3.3.2).

    eq-6 with N_e = n_e + 1 and N_h = 1 gives C_A n_e (n_e + 1): zero for a
    neutral exciton, 2 C_A for a trion, 6 C_A with two extra electrons.

    Parameters
    ----------
    n_e : float or array_like
        Extra electrons, >= 0.
    c_a : float, optional
        The constant C_A, > 0.

    Examples
    --------
    Review section 3.3.2 quotes the scaling n_e(n_e + 1), no value; the book's
    review test reads it off for n_e = 0 to 4, in units of C_A:

    >>> charged_exciton_auger_rate(np.arange(5)).tolist()
    [0.0, 2.0, 6.0, 12.0, 20.0]
    """
    n = np.asarray(v.nonnegative("n_e", n_e))
    return statistical_auger_rate(n + 1.0, 1.0, c_a)


def auger_rate_ratio(n_excitons, reference_excitons=2):
    """Ratio of the eq-6 Auger rates of an N-exciton and a reference neutral state.

    Equation :math:numref:`rel-3.4-auger-ratio` of the book (review section 3.4.1).

    With N_e = N_h = N, eq-6 gives 2 C_A N²(N − 1); the ratio to the
    biexciton (N = 2) is N²(N − 1)/4, i.e. 45 for N = 6.

    Parameters
    ----------
    n_excitons : float or array_like
        Excitons per dot, >= 1.
    reference_excitons : float, optional
        Excitons of the reference state, > 1 (the biexciton by default).

    Examples
    --------
    Review section 3.4.1: the six-exciton state needed for 1P gain decays
    45 times faster than the biexciton (360 C_A / 8 C_A):

    >>> float(auger_rate_ratio(6))
    45.0
    """
    n = v.in_range("n_excitons", n_excitons, 1.0, MAX_CARRIERS)
    ref = v.in_range("reference_excitons", reference_excitons, 1.0, MAX_CARRIERS, closed=False)
    return statistical_auger_rate(n, n) / statistical_auger_rate(ref, ref)


def neutral_fraction(mean_n_e):
    """Fraction of uncharged dots q(0) = exp(−⟨n_e⟩) under Poisson charging.

    Equation :math:numref:`rel-3.3-charging-poisson` of the book (review section 3.3.2).

    Parameters
    ----------
    mean_n_e : float or array_like
        Average extra electrons per dot ⟨n_e⟩, >= 0.

    Examples
    --------
    The review quotes no number here; the book's page (section 3.3) takes the DFB
    device charged to ⟨n_e⟩ = 3.1, which leaves 4.5 % of its dots neutral:

    >>> round(float(neutral_fraction(3.1)), 3)
    0.045
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
    if np.any(np.asarray(q) < v.MIN_MAGNITUDE):
        raise ValueError(f"q0 must be > 0 (allowed range (0, 1]), got {q0!r}")
    return (-np.log(np.asarray(q)))[()]


# -- relations of the review that this module computes (see qdbook._relation) -------------
_SEC3 = "chapters/03-practical-gain"


def _statistical_auger(sp, s):
    return s.C_A * s.N_e * s.N_h * (s.N_e + s.N_h - 2)


def _draw_quasi_fermi(rng):
    g_e, g_h = float(rng.choice([2, 4, 8])), float(rng.choice([2, 4, 8]))
    n_e = rng.uniform(0.0, 0.9 * g_e)
    n = rng.uniform(0.01, 0.99) * min(g_h, g_e - n_e)
    return {"N": n, "n_e": n_e, "g_e": g_e, "g_h": g_h, "T": rng.uniform(4.0, 400.0)}


def _draw_eq5(rng):
    g_e = float(rng.choice([2, 4, 6, 8]))
    return {"g_e": g_e, "g_h": float(rng.choice([2, 4, 6, 8])), "n_e": rng.uniform(0.0, g_e)}


RELATIONS = [
    Relation(
        id="rel-3.2-charged", title="Gain threshold of charged dots with two-fold levels",
        page=f"{_SEC3}/advanced-gain",
        form=lambda sp, s: (2 - s.n_e) / 2,
        units={"n_e": "1", "result": "1"},
        evaluate=lambda n_e: charged_gain_threshold(n_e=n_e, g_e=2, g_h=2),
        sample={"n_e": uniform(0.0, 2.0)},
    ),
    Relation(
        id="rel-3.2-quasi-fermi", title="Sum of electron and hole quasi-Fermi potentials",
        page=f"{_SEC3}/advanced-gain",
        form=lambda sp, s: s.k_B * s.T * (sp.log(s.g_e / (s.N + s.n_e) - 1)
                                          + sp.log(s.g_h / s.N - 1)),
        units={"N": "1", "n_e": "1", "g_e": "1", "g_h": "1", "T": "K", "result": "J"},
        evaluate=lambda N, n_e, g_e, g_h, T: convert(sum(quasi_fermi_levels_ev(
            mean_n=N, n_e=n_e, g_e=g_e, g_h=g_h, temperature_k=T)), "eV", "J"),
        sample=_draw_quasi_fermi,
    ),
    Relation(
        id="eq-5", title="Gain threshold of dots with n_e extra electrons",
        page=f"{_SEC3}/advanced-gain",
        form=lambda sp, s: s.g_h * (s.g_e - s.n_e) / (s.g_e + s.g_h),
        units={"n_e": "1", "g_e": "1", "g_h": "1", "result": "1"},
        evaluate=lambda n_e, g_e, g_h: charged_gain_threshold(n_e=n_e, g_e=g_e, g_h=g_h),
        sample=_draw_eq5,
    ),
    Relation(
        id="eq-6", title="Statistical scaling of Auger rates",
        page=f"{_SEC3}/advanced-gain",
        form=_statistical_auger,
        units={"C_A": "1/s", "N_e": "1", "N_h": "1", "result": "1/s"},
        evaluate=lambda C_A, N_e, N_h: statistical_auger_rate(n_electrons=N_e, n_holes=N_h,
                                                              c_a=C_A),
        sample={"C_A": loguniform(1e6, 1e11), "N_e": integers(1, 11), "N_h": integers(1, 11)},
    ),
    Relation(
        id="rel-3.3-charging-poisson", title="Fraction of neutral dots under Poisson charging",
        page=f"{_SEC3}/charged-gain-practice",
        form=lambda sp, s: sp.exp(-s.n_e),
        units={"n_e": "1", "result": "1"},
        evaluate=lambda n_e: neutral_fraction(mean_n_e=n_e),
        sample={"n_e": uniform(0.0, 8.0)},
    ),
    Relation(
        id="rel-3.3-trion-auger", title="Auger rate of an exciton with n_e extra electrons",
        page=f"{_SEC3}/charged-gain-practice",
        form=lambda sp, s: s.C_A * s.n_e * (s.n_e + 1),
        units={"C_A": "1/s", "n_e": "1", "result": "1/s"},
        evaluate=lambda C_A, n_e: charged_exciton_auger_rate(n_e=n_e, c_a=C_A),
        sample={"C_A": loguniform(1e6, 1e11), "n_e": integers(0, 9)},
    ),
    Relation(
        id="rel-3.3-doped-pbs", title="eq-5 for eight-fold PbS levels",
        page=f"{_SEC3}/charged-gain-practice",
        form=lambda sp, s: (8 - s.n_e) / 2,
        units={"n_e": "1", "result": "1"},
        evaluate=lambda n_e: charged_gain_threshold(n_e=n_e, g_e=PBS_DEGENERACY,
                                                    g_h=PBS_DEGENERACY),
        sample={"n_e": uniform(0.0, 8.0)},
    ),
    Relation(
        id="rel-3.4-auger-ratio", title="Auger rate of N excitons relative to the biexciton",
        page=f"{_SEC3}/gain-spectra",
        form=lambda sp, s: s.N**2 * (s.N - 1) / 4,
        units={"N": "1", "result": "1"},
        evaluate=lambda N: auger_rate_ratio(n_excitons=N),
        sample={"N": integers(1, 19)},
    ),
]
