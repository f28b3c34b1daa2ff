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
from scipy import constants as sc

from . import _validate as v
from .statistics import gain_threshold_occupancy


def _photon_energy_j(photon_energy_ev):
    return v.positive("photon_energy_ev", photon_energy_ev) * sc.e


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
    rel-2.3-pulsed-threshold, review section 2.3.3. Valid for pulses much
    shorter than the biexciton Auger lifetime: it does not depend on τ_A,XX.
    """
    n_th = gain_threshold_occupancy() if mean_n_th is None else mean_n_th
    n_th = v.positive("mean_n_th", n_th)
    sigma = v.positive("sigma_abs_cm2", sigma_abs_cm2)
    return _photon_energy_j(photon_energy_ev) * n_th / sigma


def _lifetimes_s(tau_x_ns, tau_xx_ps):
    return v.positive("tau_x_ns", tau_x_ns) * 1e-9, v.positive("tau_xx_ps", tau_xx_ps) * 1e-12


def cw_populations(rate_per_s, tau_x_ns, tau_xx_ps):
    r"""Steady-state P_0, P_X, P_XX under cw pumping at rate g (rel-2.3-cw-steady).

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
    """
    g = np.asarray(v.nonnegative("rate_per_s", rate_per_s))
    tx, txx = _lifetimes_s(tau_x_ns, tau_xx_ps)
    a, b = g * tx, g**2 * tx * txx
    p0 = 1.0 / (1.0 + a + b)
    return p0[()], (a * p0)[()], (b * p0)[()]


def cw_gain_threshold_rate_per_s(tau_x_ns, tau_xx_ps):
    """Cw excitation rate at the gain threshold, g_th = (τ_XX τ_X)^(-1/2) [s⁻¹].

    rel-2.3-cw-threshold, review section 2.3.3.
    """
    tx, txx = _lifetimes_s(tau_x_ns, tau_xx_ps)
    return 1.0 / np.sqrt(tx * txx)


def cw_gain_threshold_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2, tau_x_ns, tau_xx_ps):
    """Cw intensity at the gain threshold, I_th = (hν/σ_abs)(τ_XX τ_X)^(-1/2) [W cm⁻²].

    rel-2.3-cw-threshold, review section 2.3.3.
    """
    rate = cw_gain_threshold_rate_per_s(tau_x_ns, tau_xx_ps)
    return intensity_from_rate_w_cm2(rate, photon_energy_ev, sigma_abs_cm2)


def half_saturation_rate_per_s(tau_x_ns, tau_xx_ps):
    r"""Cw excitation rate giving half the saturated gain, G = G_0/2 (eq-4).

    .. math:: g_{1/2} = \frac{1 + \sqrt{1 + 12\tau_{XX}/\tau_X}}{2\tau_{XX}}

    Review eq 4, section 2.3.3; tends to 1/τ_XX when τ_XX ≪ τ_X.
    """
    tx, txx = _lifetimes_s(tau_x_ns, tau_xx_ps)
    return (1.0 + np.sqrt(1.0 + 12.0 * txx / tx)) / (2.0 * txx)


def half_saturation_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2, tau_a_xx_ps):
    """Auger-limited pump intensity for half-saturated gain, I_1/2 = hν/(σ_abs τ_A,XX).

    This is eq-4's limit τ_XX = τ_A,XX ≪ τ_X (rel-2.3-half-intensity, review
    section 2.3.3), the review's estimate of the lasing threshold under cw
    pumping. For the exact value use :func:`half_saturation_rate_per_s` and
    :func:`intensity_from_rate_w_cm2`.
    """
    tau = v.positive("tau_a_xx_ps", tau_a_xx_ps) * 1e-12
    return intensity_from_rate_w_cm2(1.0 / tau, photon_energy_ev, sigma_abs_cm2)


def lasing_to_gain_threshold_ratio(tau_x_ns, tau_xx_ps, exact: bool = True):
    """Ratio I_1/2/I_th,gain of the cw lasing and gain thresholds.

    With ``exact=False`` the review's estimate (τ_X/τ_XX)^(1/2); otherwise the
    ratio of eq-4 to rel-2.3-cw-threshold, which is larger by the factor
    [1 + (1 + 12 τ_XX/τ_X)^(1/2)]/2.
    """
    tx, txx = _lifetimes_s(tau_x_ns, tau_xx_ps)
    if not exact:
        return np.sqrt(tx / txx)
    return half_saturation_rate_per_s(tau_x_ns, tau_xx_ps) / cw_gain_threshold_rate_per_s(
        tau_x_ns, tau_xx_ps)
