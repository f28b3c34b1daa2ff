r"""Charge-injection cycles of a dot in an LED or laser diode (review sec. 5.2 and 6.1.6).

Conventions
-----------
Rates in s⁻¹, τ_X and τ_r,X in ns, biexciton and trion lifetimes in ps,
current densities in A cm⁻², radii in nm, energies in eV, temperatures in K.
Charges are counted in units of the elementary charge, electrons negative.
Constants come from ``scipy.constants``, unit conversions from :mod:`qdbook.units`.

The master-equation model
-------------------------
A dot is in one of six charge states, indexed in the order of
:data:`STATES`: empty ``0``; one electron ``e``; two electrons ``2e`` (the
doubly charged state on the review's dashed path); exciton ``X``; negative
trion ``X-``; biexciton ``XX``. The review's cycles are

* LED cycle: ``0 → e → X → 0`` (electron, hole, photon);
* laser-diode cycle: ``X → X- → XX → X`` (electron, hole, stimulated or
  spontaneous decay of the biexciton).

Transitions and their rates:

========== ============ =====================================================
from → to  rate         meaning
========== ============ =====================================================
0 → e      g_e          electron enters a neutral dot
e → X      g_h          hole enters a negatively charged dot (attracted)
e → 2e     p g_e        second electron: Coulomb penalty p (see below)
2e → X-    g_h          hole enters a doubly charged dot
X → X-     g_e          electron enters a neutral (excited) dot
X- → XX    g_h          hole enters a negative trion
X → 0      1/τ_X        exciton decay
X- → e     1/τ_X-       trion decay (radiative + Auger)
XX → X     1/τ_XX       biexciton decay (radiative + Auger)
========== ============ =====================================================

As in the review's scheme, holes enter only dots that already carry an
extra electron ("correlated" injection; the hole barrier of an inverted LED
with a ZnO electron-transport layer makes hole injection into neutral dots
the slow step), and states beyond the biexciton are left out, so results
are meaningful while g τ_XX ≲ 1.

Coulomb penalty. A charged sphere of radius R in a medium of dielectric
constant ε_r stores E_c(q) = q² e²/(8π ε_0 ε_r R) = q² E_c,1
(rel-5.2-cycles); a doubly charged dot stores 4 E_c,1. Adding the first
electron costs E_c,1, adding a second one 3 E_c,1: the second like charge
pays an extra 2 E_c,1, which slows it by p = exp(−2E_c,1/k_BT) relative to
the first. Injection of an opposite charge (a hole into a negative dot) is
downhill and proceeds at the supply rate g_h.

Trion lifetime. From the Auger counting of the review's eq 6 (rate ∝
N_e N_h (N_e + N_h − 2)) a negative trion decays by Auger four times more
slowly than a biexciton, and from the radiative counting r ∝ N_e N_h it
radiates twice as fast as an exciton; with τ_r,XX = τ_r,X/4 this gives
:math:`1/\tau_{X^-} = 1/(4\tau_{XX}) + 1/\tau_{r,X}` (:func:`trion_lifetime_ps`).
"""

from __future__ import annotations

import numpy as np
from scipy import constants as sc
from scipy.optimize import brentq

from . import _validate as v
from . import electrical
from ._relation import Relation, integers, uniform
from .units import convert

STATES = ("0", "e", "2e", "X", "X-", "XX")
"""The charge states of the model, in matrix order."""

CHARGE = np.array([0, -1, -2, 0, -1, 0])
"""Net charge of each state of :data:`STATES` [e]."""

GAIN_WEIGHT = np.array([-1.0, -0.5, 0.0, 0.0, 0.5, 1.0])
"""Band-edge gain of each state in units of G_0, f_e + f_h − 1 with the 1S
occupations f = (carriers in 1S)/2 (transparency condition of eq-7, review
sec. 3.4); 0 → −1 and XX → +1 reproduce G = G_0 (P_XX − P_0) of chapter 2."""

PHOTONS_PER_RADIATIVE_TIME = np.array([0.0, 0.0, 0.0, 1.0, 2.0, 4.0])
"""Radiative rate of each state in units of 1/τ_r,X, r ∝ N_e N_h (review sec. 6.1.6)."""

_DIAG = np.arange(6)


def charging_energy_ev(charge, radius_nm, eps_r):
    r"""Electrostatic energy of a sphere carrying ``charge`` elementary charges [eV].

    The book's :ref:`relation rel-5.2-cycles <rel-5.2-cycles>` (review section 5.2).

    .. math:: E_c(q) = \frac{q^2 e^2}{8\pi\varepsilon_0\varepsilon_r R}

    Parameters
    ----------
    charge : int or array_like
        Net charge q in units of e (sign irrelevant); integer.
    radius_nm : float or array_like
        Sphere radius R [nm], > 0.
    eps_r : float or array_like
        Relative dielectric constant of the medium, >= 1.

    Notes
    -----
    Review section 5.2 (charged-sphere model of Fig. 30): E_c(2) = 4 E_c(1).

    Examples
    --------
    Review section 5.2: a doubly charged dot stores four times the charging energy
    E_c,1 of a singly charged one (here a CdSe dot, R = 2.5 nm, ε_r = 9.5, E_c,1 = 30 meV):

    >>> e_c1 = charging_energy_ev(1, 2.5, 9.5)
    >>> round(float(1e3 * e_c1), 1), round(float(charging_energy_ev(2, 2.5, 9.5) / e_c1), 12)
    (30.3, 4.0)
    """
    q = v.as_real("charge", charge)
    if np.any(q != np.round(q)):
        raise ValueError(f"charge must be an integer number of elementary charges, got {charge!r}")
    radius_m = convert(v.positive("radius_nm", radius_nm), "nm", "m")
    eps = v.in_range("eps_r", eps_r, 1.0, np.inf)
    return convert(q**2 * sc.e**2 / (8.0 * np.pi * sc.epsilon_0 * eps * radius_m), "J", "eV")


def coulomb_penalty(radius_nm, eps_r, temperature_k=300.0):
    """Slow-down p = exp(−2 E_c,1/k_BT) of injecting a second like charge (dimensionless).

    Parameters
    ----------
    radius_nm : float or array_like
        Dot radius [nm], > 0.
    eps_r : float or array_like
        Relative dielectric constant, >= 1.
    temperature_k : float, optional
        Temperature [K], > 0.

    Notes
    -----
    From E_c(q) = q² E_c,1: the first charge costs E_c,1, the second
    3 E_c,1, so the second pays an extra 2 E_c,1 (review sec. 5.2, Fig. 30).
    """
    temp = v.positive("temperature_k", temperature_k)
    e_c1 = charging_energy_ev(1, radius_nm, eps_r)
    return np.exp(-2.0 * convert(e_c1, "eV", "J") / (sc.k * temp))


def trion_lifetime_ps(tau_xx_ps, tau_r_x_ns):
    r"""Negative-trion lifetime [ps] from the biexciton and radiative exciton lifetimes.

    .. math:: \frac{1}{\tau_{X^-}} = \frac{1}{4\tau_{XX}} + \frac{1}{\tau_{r,X}}

    Parameters
    ----------
    tau_xx_ps : float or array_like
        Biexciton lifetime τ_XX [ps], > 0 and at most τ_r,X/4 (the radiative
        biexciton lifetime; a longer τ_XX would need a negative Auger rate).
    tau_r_x_ns : float or array_like
        Radiative single-exciton lifetime τ_r,X [ns], > 0.

    Notes
    -----
    Auger rates from the counting of review eq 6 (sec. 3.2), radiative
    rates ∝ N_e N_h (sec. 6.1.6); see the module docstring.
    """
    txx = v.positive("tau_xx_ps", tau_xx_ps)
    trx = convert(v.positive("tau_r_x_ns", tau_r_x_ns), "ns", "ps")
    if np.any(np.asarray(txx) > np.asarray(trx) / 4.0 * (1 + 1e-12)):
        raise ValueError(f"tau_xx_ps must be <= tau_r_x_ns * 1000 / 4 (the radiative biexciton "
                         f"lifetime), got {tau_xx_ps!r} with tau_r_x_ns = {tau_r_x_ns!r}")
    return 1.0 / (1.0 / (4.0 * txx) + 1.0 / trx)


def generator_matrix(rate_e_per_s, rate_h_per_s, tau_x_ns, tau_xx_ps, tau_trion_ps, penalty):
    """Transition-rate matrix Q of the six-state model [s⁻¹].

    ``Q[..., i, j]`` is the rate from state i to state j (order of
    :data:`STATES`); the diagonal holds minus the total rate out of each state,
    so dP/dt = Qᵀ P. All inputs broadcast against each other.

    Parameters
    ----------
    rate_e_per_s, rate_h_per_s : float or array_like
        Electron and hole injection rates g_e, g_h per dot [s⁻¹], > 0.
    tau_x_ns : float or array_like
        Exciton lifetime τ_X [ns], > 0.
    tau_xx_ps : float or array_like
        Biexciton lifetime τ_XX [ps], > 0.
    tau_trion_ps : float or array_like
        Negative-trion lifetime τ_X- [ps], > 0.
    penalty : float or array_like
        Coulomb penalty p for the second electron, in [0, 1].
    """
    ge = v.positive("rate_e_per_s", rate_e_per_s)
    gh = v.positive("rate_h_per_s", rate_h_per_s)
    kx = 1.0 / convert(v.positive("tau_x_ns", tau_x_ns), "ns", "s")
    kxx = 1.0 / convert(v.positive("tau_xx_ps", tau_xx_ps), "ps", "s")
    kt = 1.0 / convert(v.positive("tau_trion_ps", tau_trion_ps), "ps", "s")
    p = v.probability("penalty", penalty)
    ge, gh, kx, kxx, kt, p = np.broadcast_arrays(*(np.asarray(a, dtype=float)
                                                   for a in (ge, gh, kx, kxx, kt, p)))
    q = np.zeros(ge.shape + (6, 6))
    q[..., 0, 1] = ge          # 0 -> e
    q[..., 1, 3] = gh          # e -> X
    q[..., 1, 2] = p * ge      # e -> 2e
    q[..., 2, 4] = gh          # 2e -> X-
    q[..., 3, 4] = ge          # X -> X-
    q[..., 4, 5] = gh          # X- -> XX
    q[..., 3, 0] = kx          # X -> 0
    q[..., 4, 1] = kt          # X- -> e
    q[..., 5, 3] = kxx         # XX -> X
    q[..., _DIAG, _DIAG] = -q.sum(axis=-1)
    return q


def steady_state(rate_e_per_s, rate_h_per_s, tau_x_ns, tau_xx_ps, tau_trion_ps, penalty,
                 tau_r_x_ns=None):
    """Steady-state occupations, cycle fluxes, gain and efficiency of the six-state model.

    Parameters
    ----------
    rate_e_per_s, rate_h_per_s, tau_x_ns, tau_xx_ps, tau_trion_ps, penalty
        As in :func:`generator_matrix`; arrays broadcast.
    tau_r_x_ns : float, optional
        Radiative exciton lifetime [ns], > 0, for the photon rate; defaults
        to ``tau_x_ns`` (no non-radiative exciton decay).

    Returns
    -------
    dict
        ``"P"``: occupations, shape ``(..., 6)`` in the order of
        :data:`STATES` (they sum to 1); one key per state name with its
        occupation; ``"led_flux"`` (X → 0 decays per dot per second),
        ``"qld_flux"`` (XX → X decays per dot per second, one per completed
        laser-diode cycle), ``"gain"`` (G/G_0 from :data:`GAIN_WEIGHT`),
        ``"photon_rate"`` (spontaneous photons per dot per second),
        ``"electron_rate"`` (electrons injected per dot per second) and
        ``"efficiency"`` (photons per injected electron).

    Notes
    -----
    The steady state solves Qᵀ P = 0 with Σ P = 1: the last balance equation
    is replaced by the normalisation and the linear systems are solved by
    LAPACK (``numpy.linalg.solve``, batched over the inputs).
    """
    q = generator_matrix(rate_e_per_s, rate_h_per_s, tau_x_ns, tau_xx_ps, tau_trion_ps, penalty)
    trx = tau_x_ns if tau_r_x_ns is None else tau_r_x_ns
    trx = convert(v.positive("tau_x_ns" if tau_r_x_ns is None else "tau_r_x_ns", trx), "ns", "s")
    a = np.swapaxes(q, -1, -2).copy()
    a[..., -1, :] = 1.0
    b = np.zeros(q.shape[:-1])
    b[..., -1] = 1.0
    pop = np.linalg.solve(a, b[..., None])[..., 0]
    pop = np.clip(pop, 0.0, None)
    pop = pop / pop.sum(axis=-1, keepdims=True)
    out = {"P": pop}
    for k, name in enumerate(STATES):
        out[name] = pop[..., k][()]
    led = pop[..., 3] * q[..., 3, 0]
    qld = pop[..., 5] * q[..., 5, 3]
    electrons = (pop[..., 0] * q[..., 0, 1] + pop[..., 1] * q[..., 1, 2]
                 + pop[..., 3] * q[..., 3, 4])
    photons = pop @ PHOTONS_PER_RADIATIVE_TIME / trx
    out.update(led_flux=led[()], qld_flux=qld[()], gain=(pop @ GAIN_WEIGHT)[()],
               photon_rate=photons[()], electron_rate=electrons[()],
               efficiency=(photons / electrons)[()])
    return out


def injection_steady_state(current_density_a_cm2, radius_nm, tau_x_ns, tau_xx_ps,
                           fill_factor=electrical.FILL_FACTOR_REVIEW, eps_r=9.5,
                           temperature_k=300.0, penalty=None, tau_trion_ps=None):
    """Steady state of a dot driven by a d.c. current density (equal e and h injection).

    Parameters
    ----------
    current_density_a_cm2 : float or array_like
        Current density j [A cm⁻²], > 0. Each carrier type is injected at
        g = σ_e j/e (rel-5.3-cross-sections).
    radius_nm : float
        Dot radius [nm], > 0 (sets σ_e and the charging energy).
    tau_x_ns : float
        Exciton lifetime [ns], > 0, taken as radiative.
    tau_xx_ps : float
        Biexciton lifetime [ps], > 0.
    fill_factor : float, optional
        Areal filling factor f_a, in (0, 1].
    eps_r : float, optional
        Dielectric constant for the charging energy, >= 1. The default 9.5
        is bulk CdSe (:data:`qdbook.materials.MATERIALS`); a dot in a
        low-index matrix has a larger charging energy.
    temperature_k : float, optional
        Temperature for the Coulomb penalty [K], > 0.
    penalty : float, optional
        Override the Coulomb penalty p, in [0, 1]; ``0`` gives the review's
        five-state scheme (no doubly charged path), ``1`` no penalty at all.
    tau_trion_ps : float, optional
        Override the trion lifetime [ps], > 0; by default
        :func:`trion_lifetime_ps` with τ_r,X = τ_X.

    Returns
    -------
    dict
        As :func:`steady_state`, plus ``"rate_per_s"`` (the injection rate g)
        and ``"penalty"``.
    """
    g = electrical.excitation_rate_per_s(v.positive("current_density_a_cm2",
                                                    current_density_a_cm2),
                                         radius_nm, fill_factor)
    if penalty is None:
        penalty = coulomb_penalty(radius_nm, eps_r, temperature_k)
    v.positive("tau_x_ns", tau_x_ns)
    if tau_trion_ps is None:
        tau_trion_ps = trion_lifetime_ps(tau_xx_ps, tau_x_ns)
    out = steady_state(g, g, tau_x_ns, tau_xx_ps, tau_trion_ps, penalty)
    out.update(rate_per_s=g, penalty=v.scalar("penalty", penalty))
    return out


def _log_root(func, lo, hi):
    f_lo, f_hi = func(lo), func(hi)
    if np.sign(f_lo) == np.sign(f_hi):
        raise ValueError(f"radius_nm, tau_x_ns and tau_xx_ps must put the root inside the "
                         f"current density range [{np.exp(lo):.3g}, {np.exp(hi):.3g}] A/cm2, "
                         "which they do not")
    return float(np.exp(brentq(func, lo, hi, xtol=1e-12)))


def cycle_crossover_current_a_cm2(radius_nm, tau_x_ns, tau_xx_ps, **kwargs):
    """Current density [A cm⁻²] at which laser-diode cycles become as frequent as LED cycles.

    Root (scipy ``brentq`` in log j between 10⁻⁶ and 10⁸ A cm⁻²) of
    ``qld_flux = led_flux`` for :func:`injection_steady_state`; keyword
    arguments are passed on to it.
    """
    for name, value in (("radius_nm", radius_nm), ("tau_x_ns", tau_x_ns),
                        ("tau_xx_ps", tau_xx_ps)):
        v.scalar(name, value)

    def f(log_j):
        r = injection_steady_state(np.exp(log_j), radius_nm, tau_x_ns, tau_xx_ps, **kwargs)
        return float(np.log(r["qld_flux"] / r["led_flux"]))

    return _log_root(f, np.log(1e-6), np.log(1e8))


def gain_threshold_current_model_a_cm2(radius_nm, tau_x_ns, tau_xx_ps, **kwargs):
    """Current density [A cm⁻²] where the six-state model's band-edge gain turns positive.

    Root of ``gain = 0`` for :func:`injection_steady_state` (scipy ``brentq``
    in log j between 10⁻⁶ and 10⁸ A cm⁻²); compare with eq-8.
    """
    for name, value in (("radius_nm", radius_nm), ("tau_x_ns", tau_x_ns),
                        ("tau_xx_ps", tau_xx_ps)):
        v.scalar(name, value)

    def f(log_j):
        return float(injection_steady_state(np.exp(log_j), radius_nm, tau_x_ns, tau_xx_ps,
                                            **kwargs)["gain"])

    return _log_root(f, np.log(1e-6), np.log(1e8))


# ---------------------------------------------------------------- 6.1.6 1S and 1P emission
def shell_emission_rates(n_excitons, r0_per_s=1.0):
    r"""Spontaneous emission rates of the 1S and 1P transitions of a dot with N excitons.

    .. math:: r_i = r_0\,\frac{N_{e,i} N_{h,i}}{g_i},\qquad g_{1S} = 2,\ g_{1P} = 6

    The shells fill in order: N_e,1S = N_h,1S = min(N, 2) and
    N_e,1P = N_h,1P = N − 2 for 2 < N ≤ 8 (1P full at N = 8).

    Parameters
    ----------
    n_excitons : float or array_like
        Excitons per dot N (uniform occupancy), in [0, 8].
    r0_per_s : float, optional
        Rate of one spin-allowed transition r_0 [s⁻¹], > 0.

    Returns
    -------
    tuple
        ``(r_1S, r_1P)`` [s⁻¹].

    Notes
    -----
    Review section 6.1.6 (:math:numref:`rel-6.1-el-ratio`).
    """
    n = np.asarray(v.in_range("n_excitons", n_excitons, 0.0, 8.0))
    r0 = v.positive("r0_per_s", r0_per_s)
    n_1s = np.minimum(n, 2.0)
    n_1p = np.clip(n - 2.0, 0.0, 6.0)
    return (r0 * n_1s**2 / 2.0)[()], (r0 * n_1p**2 / 6.0)[()]


def el_intensity_ratio_1p_1s(n_excitons):
    """EL intensity ratio I_1P/I_1S = r_1P/r_1S; equals (N − 2)²/12 for 2 < N ≤ 8.

    Equation :math:numref:`rel-6.1-el-ratio` of the book (review section 6.1.6).
    ``n_excitons`` in (0, 8] (at N = 0 there is no emission to compare).

    Examples
    --------
    Review section 6.1.6: the 1P band is as bright as the 1S band (I_1P = I_1S) at
    N = 2 + √12 = 5.46 excitons per dot (the review's ~5.5):

    >>> n = el_crossover_occupancy(1.0)
    >>> round(n, 2), round(float(el_intensity_ratio_1p_1s(n)), 9)
    (5.46, 1.0)
    """
    n = v.in_range("n_excitons", n_excitons, 0.0, 8.0)
    if np.any(np.asarray(n) < v.MIN_MAGNITUDE):
        raise ValueError(f"n_excitons must lie in (0, 8], got {n_excitons!r}")
    r_1s, r_1p = shell_emission_rates(n)
    return r_1p / r_1s


def el_crossover_occupancy(target_ratio=1.0):
    """Occupancy N at which I_1P/I_1S reaches ``target_ratio`` (1 = equal bands).

    Root of :func:`el_intensity_ratio_1p_1s` by scipy's ``brentq`` on
    (2, 8]; ``target_ratio`` must lie in (0, 3], the ratio's range there.
    For 1 the root is 2 + √12 = 5.46.
    """
    target = v.in_range("target_ratio", v.scalar("target_ratio", target_ratio), 0.0, 3.0)
    if target == 0.0:
        raise ValueError(f"target_ratio must lie in (0, 3], got {target_ratio!r}")
    return float(brentq(lambda n: float(el_intensity_ratio_1p_1s(n)) - target, 2.0, 8.0,
                        xtol=1e-14))


# -- relations of the review that this module computes (see qdbook._relation) -------------
RELATIONS = [
    Relation(
        id="rel-5.2-cycles", title="Charging energy of a sphere, E_c(q) = q² E_c,1",
        page="chapters/05-laser-diodes/injection-cycles",
        form=lambda sp, s: s.q**2 * s.e**2 / (8 * sp.pi * s.epsilon_0 * s.eps_r * s.R),
        units={"q": "1", "R": "m", "eps_r": "1", "result": "J"},
        evaluate=lambda q, R, eps_r: convert(
            charging_energy_ev(charge=q, radius_nm=convert(R, "m", "nm"), eps_r=eps_r),
            "eV", "J"),
        sample={"q": integers(1, 3), "R": uniform(1e-9, 15e-9), "eps_r": uniform(1.5, 15.0)},
    ),
    Relation(
        id="rel-6.1-el-ratio", title="Ratio of 1P to 1S electroluminescence",
        page="chapters/06-electrical-gain/electroluminescence-gain",
        form=lambda sp, s: (s.N - 2)**2 / 12,
        units={"N": "1", "result": "1"},
        evaluate=lambda N: el_intensity_ratio_1p_1s(n_excitons=N),
        sample={"N": uniform(2.0, 8.0)},
    ),
]
