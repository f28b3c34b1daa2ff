"""Optical pump thresholds: pulsed, continuous-wave and half-saturation (sec. 2.3.3).

Conventions
-----------
Photon energies in eV, absorption cross-sections in cm², fluences in J cm⁻²,
intensities in W cm⁻², excitation rates g (per dot) in s⁻¹. The
single-exciton lifetime is given in ns (``tau_x_ns``) and biexciton lifetimes
in ps (``tau_xx_ps``), the review's practical units. The excitation rate of a
dot under an intensity I is g = I σ_abs / hν.

The cw model is the three-state model of section 2.2 with pump-driven
upward transitions 0 → X and X → XX at rate g and decay X → 0 (τ_X),
XX → X (τ_XX); stimulated emission is neglected below threshold.
"""

from __future__ import annotations

import numpy as np

from . import _validate as v
from ._relation import Relation, loguniform, uniform
from .statistics import gain_threshold_occupancy
from .units import convert


def _photon_energy_j(photon_energy_ev):
    return convert(v.positive("photon_energy_ev", photon_energy_ev), "eV", "J")


def intensity_from_rate_w_cm2(rate_per_s, photon_energy_ev, sigma_abs_cm2):
    """Pump intensity I = g hν/σ_abs [W cm⁻²] that gives excitation rate g [s⁻¹]."""
    rate = v.nonnegative("rate_per_s", rate_per_s)
    sigma = v.positive("sigma_abs_cm2", sigma_abs_cm2)
    return rate * _photon_energy_j(photon_energy_ev) / sigma


def rate_from_intensity_per_s(intensity_w_cm2, photon_energy_ev, sigma_abs_cm2):
    """Per-dot excitation rate g = I σ_abs/hν [s⁻¹] under intensity I [W cm⁻²]."""
    intensity = v.nonnegative("intensity_w_cm2", intensity_w_cm2)
    sigma = v.positive("sigma_abs_cm2", sigma_abs_cm2)
    return intensity * sigma / _photon_energy_j(photon_energy_ev)


def pulsed_threshold_fluence_j_cm2(photon_energy_ev, sigma_abs_cm2, mean_n_th=None):
    """Per-pulse fluence at the gain threshold, w_th = hν ⟨N_th⟩/σ_abs [J cm⁻²].

    Equation :math:numref:`rel-2.3-pulsed-threshold` of the book (review
    section 2.3.3).

    Parameters
    ----------
    photon_energy_ev : float
        Pump photon energy hν_p [eV], > 0.
    sigma_abs_cm2 : float or array_like
        Absorption cross-section at the pump energy [cm²], > 0.
    mean_n_th : float, optional
        Threshold occupancy ⟨N_th,gain⟩, > 0. Defaults to the Poisson value
        from :func:`qdbook.statistics.gain_threshold_occupancy` (1.146).

    Notes
    -----
    Valid for pulses much shorter than the biexciton Auger lifetime: it does
    not depend on τ_A,XX.

    Examples
    --------
    Review section 2.3.3: w_th,gain = 1.15 hν_p/σ_abs (the prefactor is
    1.146); for the book's CdSe example (hν = 3 eV, σ_abs = 3e-15 cm²) that
    is 184 µJ cm⁻².

    >>> round(float(pulsed_threshold_fluence_j_cm2(1.0, 1.0) / convert(1.0, "eV", "J")), 3)
    1.146
    >>> f"{float(pulsed_threshold_fluence_j_cm2(3.0, 3e-15)):.2e} J/cm2"
    '1.84e-04 J/cm2'
    """
    n_th = gain_threshold_occupancy() if mean_n_th is None else mean_n_th
    n_th = v.positive("mean_n_th", n_th)
    sigma = v.positive("sigma_abs_cm2", sigma_abs_cm2)
    return _photon_energy_j(photon_energy_ev) * n_th / sigma


def _lifetimes_s(tau_x_ns, tau_xx_ps):
    return (convert(v.positive("tau_x_ns", tau_x_ns), "ns", "s"),
            convert(v.positive("tau_xx_ps", tau_xx_ps), "ps", "s"))


def cw_populations(rate_per_s, tau_x_ns, tau_xx_ps):
    r"""Steady-state P_0, P_X, P_XX under cw pumping at rate g.

    Equation :math:numref:`rel-2.3-cw-steady` of the book (review section 2.3.3).

    Parameters
    ----------
    rate_per_s : float or array_like
        Excitation rate g per dot [s⁻¹], >= 0.
    tau_x_ns : float
        Single-exciton lifetime τ_X [ns], > 0.
    tau_xx_ps : float
        Biexciton lifetime τ_XX [ps], > 0.

    Returns
    -------
    tuple
        ``(P0, PX, PXX)``, which sum to 1.

    Notes
    -----
    From P_X/τ_X = g P_0 and P_XX/τ_XX = g P_X with P_0 + P_X + P_XX = 1:

    .. math:: P_0 = \frac{1}{1 + g\tau_X + g^2\tau_X\tau_{XX}},\quad
              P_X = g\tau_X P_0,\quad P_{XX} = g^2\tau_X\tau_{XX} P_0

    Examples
    --------
    No number of the review: the book's auger-recombination page finds, for
    CdSe (τ_X = 20 ns, τ_XX = 65.4 ps) at the gain threshold g_th, nine dots
    in ten holding one exciton and P_0 = P_XX ≈ 5 %:

    >>> p0, px, pxx = cw_populations(cw_gain_threshold_rate_per_s(20.0, 65.4), 20.0, 65.4)
    >>> print(f"{p0:.3f} {px:.3f} {pxx:.3f}")
    0.051 0.897 0.051
    """
    g = np.asarray(v.nonnegative("rate_per_s", rate_per_s))
    tx, txx = _lifetimes_s(tau_x_ns, tau_xx_ps)
    a, b = g * tx, g**2 * tx * txx
    p0 = 1.0 / (1.0 + a + b)
    return p0[()], (a * p0)[()], (b * p0)[()]


def cw_gain_threshold_rate_per_s(tau_x_ns, tau_xx_ps):
    """Cw excitation rate at the gain threshold, g_th = (τ_XX τ_X)^(-1/2) [s⁻¹].

    Equation :math:numref:`rel-2.3-cw-threshold` of the book (review section 2.3.3).

    Examples
    --------
    No number of the review: for the book's CdSe example (τ_X = 20 ns,
    τ_XX = τ_A,XX = 65.4 ps), g_th = 8.7e8 s⁻¹.

    >>> f"{float(cw_gain_threshold_rate_per_s(20.0, 65.4)):.1e}"
    '8.7e+08'
    """
    tx, txx = _lifetimes_s(tau_x_ns, tau_xx_ps)
    return 1.0 / np.sqrt(tx * txx)


def cw_gain_threshold_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2, tau_x_ns, tau_xx_ps):
    """Cw intensity at the gain threshold, I_th = (hν/σ_abs)(τ_XX τ_X)^(-1/2) [W cm⁻²].

    Equation :math:numref:`rel-2.3-cw-threshold` of the book (review section 2.3.3).

    Examples
    --------
    Review section 2.3.3 gives I_1/2 = 2.5 MW cm⁻² and I_1/2/I_th ≈ 20 for
    CdSe (hν = 3 eV, σ_abs = 3e-15 cm², τ_X = 20 ns, τ_A,XX = 65.4 ps); the
    gain threshold itself, which the book's page prints, is 140 kW cm⁻².

    >>> round(float(cw_gain_threshold_intensity_w_cm2(3.0, 3e-15, 20.0, 65.4)) / 1e3)
    140
    """
    rate = cw_gain_threshold_rate_per_s(tau_x_ns, tau_xx_ps)
    return intensity_from_rate_w_cm2(rate, photon_energy_ev, sigma_abs_cm2)


def half_saturation_rate_per_s(tau_x_ns, tau_xx_ps):
    r"""Cw excitation rate giving half the saturated gain, G = G_0/2.

    Equation :math:numref:`eq-4` of the book (review eq 4, section 2.3.3).

    .. math:: g_{1/2} = \frac{1 + \sqrt{1 + 12\tau_{XX}/\tau_X}}{2\tau_{XX}}

    Tends to 1/τ_XX when τ_XX ≪ τ_X.

    Examples
    --------
    Review section 2.3.3: g_1/2 ≈ 1/τ_A,XX when τ_XX ≪ τ_X; for CdSe
    (τ_X = 20 ns, τ_XX = 65.4 ps) g_1/2 τ_XX = 1.01, the book's correction
    factor [1 + (1 + 12 τ_XX/τ_X)^(1/2)]/2.

    >>> round(float(half_saturation_rate_per_s(20.0, 65.4) * convert(65.4, "ps", "s")), 2)
    1.01
    """
    tx, txx = _lifetimes_s(tau_x_ns, tau_xx_ps)
    return (1.0 + np.sqrt(1.0 + 12.0 * txx / tx)) / (2.0 * txx)


def half_saturation_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2, tau_a_xx_ps):
    """Auger-limited pump intensity for half-saturated gain, I_1/2 = hν/(σ_abs τ_A,XX).

    Equation :math:numref:`rel-2.3-half-intensity` of the book (review section
    2.3.3; for giant dots, section 2.4.1, equation :math:numref:`rel-2.4-giant`).

    This is the limit τ_XX = τ_A,XX ≪ τ_X of equation :math:numref:`eq-4`, the
    review's estimate of the lasing threshold under cw pumping. For the exact
    value use :func:`half_saturation_rate_per_s` and
    :func:`intensity_from_rate_w_cm2`.

    Examples
    --------
    Review section 2.3.3: I_1/2 = 2.5 MW cm⁻² for CdSe with hν = 3 eV,
    σ_abs = 3e-15 cm² and τ_A,XX = 65.4 ps (R = 2.5 nm):

    >>> round(float(half_saturation_intensity_w_cm2(3.0, 3e-15, 65.4)) / 1e6, 2)
    2.45

    Review section 2.4.1: giant dots (τ_A,XX = 600 ps, σ_abs = 5.5e-14 cm² at
    2.8 eV) bring it down to ~14 kW cm⁻²:

    >>> round(float(half_saturation_intensity_w_cm2(2.8, 5.5e-14, 600.0)) / 1e3, 1)
    13.6
    """
    tau = convert(v.positive("tau_a_xx_ps", tau_a_xx_ps), "ps", "s")
    return intensity_from_rate_w_cm2(1.0 / tau, photon_energy_ev, sigma_abs_cm2)


def lasing_to_gain_threshold_ratio(tau_x_ns, tau_xx_ps, exact: bool = True):
    """Ratio I_1/2/I_th,gain of the cw lasing and gain thresholds.

    With ``exact=False`` the review's estimate (τ_X/τ_XX)^(1/2) (equation
    :math:numref:`rel-2.3-half-intensity` of the book); otherwise the ratio of
    equation :math:numref:`eq-4` to :math:numref:`rel-2.3-cw-threshold`, which
    is larger by the factor [1 + (1 + 12 τ_XX/τ_X)^(1/2)]/2.

    Examples
    --------
    Review section 2.3.3: I_1/2/I_th is "approximately 20" for CdSe with
    R = 2.5 nm (τ_X = 20 ns, τ_A,XX = 65.4 ps); the estimate gives 17.5 and
    eq 4 in full 17.7.

    >>> round(float(lasing_to_gain_threshold_ratio(20.0, 65.4, exact=False)), 1)
    17.5
    >>> round(float(lasing_to_gain_threshold_ratio(20.0, 65.4)), 1)
    17.7
    """
    tx, txx = _lifetimes_s(tau_x_ns, tau_xx_ps)
    if not v.flag("exact", exact):
        return np.sqrt(tx / txx)
    return half_saturation_rate_per_s(tau_x_ns, tau_xx_ps) / cw_gain_threshold_rate_per_s(
        tau_x_ns, tau_xx_ps)


# -- relations of the review that this module computes (see qdbook._relation) -------------
_SEC2 = "chapters/02-general-principles"
_TAUS = {"tau_X": loguniform(1e-9, 1e-7), "tau_XX": loguniform(1e-12, 1e-8)}
_E_P = uniform(convert(1.5, "eV", "J"), convert(4.0, "eV", "J"))
_SIGMA_ABS = loguniform(1e-16, 1e-12)

RELATIONS = [
    Relation(
        id="rel-2.3-pulsed-threshold", title="Pulsed gain-threshold fluence",
        page=f"{_SEC2}/auger-recombination",
        form=lambda sp, s: s.E_p * s.N_th / s.sigma_abs,
        units={"E_p": "J", "N_th": "1", "sigma_abs": "cm2", "result": "J/cm2"},
        evaluate=lambda E_p, N_th, sigma_abs: pulsed_threshold_fluence_j_cm2(
            photon_energy_ev=convert(E_p, "J", "eV"), sigma_abs_cm2=sigma_abs, mean_n_th=N_th),
        sample={"E_p": _E_P, "N_th": uniform(0.1, 3.0), "sigma_abs": _SIGMA_ABS},
    ),
    Relation(
        id="rel-2.3-cw-steady", title="Steady-state biexciton population under cw pumping",
        page=f"{_SEC2}/auger-recombination",
        form=lambda sp, s: s.g**2 * s.tau_XX * s.tau_X / (
            1 + s.g * s.tau_X + s.g**2 * s.tau_X * s.tau_XX),
        units={"g": "1/s", "tau_X": "s", "tau_XX": "s", "result": "1"},
        evaluate=lambda g, tau_X, tau_XX: cw_populations(
            rate_per_s=g, tau_x_ns=convert(tau_X, "s", "ns"),
            tau_xx_ps=convert(tau_XX, "s", "ps"))[2],
        sample={**_TAUS, "g": loguniform(1e5, 1e12)},
    ),
    Relation(
        id="rel-2.3-cw-threshold", title="cw gain-threshold intensity",
        page=f"{_SEC2}/auger-recombination",
        form=lambda sp, s: s.E_p / s.sigma_abs / sp.sqrt(s.tau_XX * s.tau_X),
        units={"E_p": "J", "sigma_abs": "cm2", "tau_X": "s", "tau_XX": "s", "result": "W/cm2"},
        evaluate=lambda E_p, sigma_abs, tau_X, tau_XX: cw_gain_threshold_intensity_w_cm2(
            photon_energy_ev=convert(E_p, "J", "eV"), sigma_abs_cm2=sigma_abs,
            tau_x_ns=convert(tau_X, "s", "ns"), tau_xx_ps=convert(tau_XX, "s", "ps")),
        sample={**_TAUS, "E_p": _E_P, "sigma_abs": _SIGMA_ABS},
    ),
    Relation(
        id="eq-4", title="Excitation rate for half-saturated gain",
        page=f"{_SEC2}/auger-recombination",
        form=lambda sp, s: (1 + sp.sqrt(1 + 12 * s.tau_XX / s.tau_X)) / (2 * s.tau_XX),
        units={"tau_X": "s", "tau_XX": "s", "result": "1/s"},
        evaluate=lambda tau_X, tau_XX: half_saturation_rate_per_s(
            tau_x_ns=convert(tau_X, "s", "ns"), tau_xx_ps=convert(tau_XX, "s", "ps")),
        sample=_TAUS,
    ),
    Relation(
        # The review states it twice: for CdSe (2.3.3) and for giant dots (2.4.1).
        id="rel-2.3-half-intensity", title="Auger-limited half-saturation intensity",
        page=f"{_SEC2}/auger-recombination",
        aliases={"rel-2.4-giant": f"{_SEC2}/auger-control"},
        form=lambda sp, s: s.E_p / (s.sigma_abs * s.tau_A),
        units={"E_p": "J", "sigma_abs": "cm2", "tau_A": "s", "result": "W/cm2"},
        evaluate=lambda E_p, sigma_abs, tau_A: half_saturation_intensity_w_cm2(
            photon_energy_ev=convert(E_p, "J", "eV"), sigma_abs_cm2=sigma_abs,
            tau_a_xx_ps=convert(tau_A, "s", "ps")),
        # the union of the two old ranges (2.4: E_p 2-3.5 eV, sigma 1e-14-1e-12, tau 0.1-10 ns)
        sample={"E_p": _E_P, "sigma_abs": _SIGMA_ABS, "tau_A": loguniform(1e-12, 1e-8)},
    ),
]
