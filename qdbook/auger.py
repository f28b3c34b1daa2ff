"""Auger recombination of multiexcitons (review sections 2.3 and 2.4).

Conventions
-----------
Volumes in nm³, lifetimes in ps unless a parameter name says otherwise,
cross-sections in cm², concentrations in cm⁻³. Lifetimes passed to
:func:`biexciton_lifetime` and its relatives may be in any unit, as long as
all of them share it; the result is in that unit. The speed of light comes
from ``scipy.constants``.
"""

from __future__ import annotations

import numpy as np
from scipy import constants as sc

from . import _validate as v
from ._relation import Relation, loguniform, uniform
from .units import C_CM_PER_S, convert

CHI_STANDARD_PS_NM3 = 1.0
"""V-scaling constant χ of II-VI, IV-VI and group-IV nanocrystals [ps nm⁻³].

Klimov et al., Science 287, 1011 (2000), doi:10.1126/science.287.5455.1011;
Robel et al., Phys. Rev. Lett. 102, 177404 (2009),
doi:10.1103/PhysRevLett.102.177404; value as quoted in the review, sec. 2.3.1.
"""

CHI_PEROVSKITE_PS_NM3 = 0.06
"""V-scaling constant χ of CsPbBr₃ and CsPbI₃ perovskite nanocrystals [ps nm⁻³].

Fit to CsPbBr₃/CsPbI₃ data as quoted in the review, sec. 2.3.1 (Fig. 4),
doi:10.1021/acs.chemrev.2c00865.
"""

def sphere_volume_nm3(radius_nm):
    """Volume 4πR³/3 of a sphere of radius ``radius_nm`` [nm] in nm³.

    Examples
    --------
    >>> round(float(sphere_volume_nm3(2.5)), 1)
    65.4
    """
    radius = v.positive("radius_nm", radius_nm)
    return 4.0 / 3.0 * np.pi * np.power(radius, 3)


def auger_lifetime_ps(volume_nm3, chi_ps_nm3=CHI_STANDARD_PS_NM3):
    """Biexciton Auger lifetime from volume scaling, τ_A,XX = χ V.

    Equation :math:numref:`rel-2.3-v-scaling` of the book (review section 2.3.1).

    The one volume law of the package: spheres (:func:`sphere_volume_nm3`),
    perovskite cubes and nanoplatelets all call it with their own volume.

    Parameters
    ----------
    volume_nm3 : float or array_like
        Nanocrystal volume V [nm³], > 0.
    chi_ps_nm3 : float, optional
        Scaling constant χ [ps nm⁻³], > 0. Defaults to the "universal"
        1 ps nm⁻³; use :data:`CHI_PEROVSKITE_PS_NM3` for perovskites.

    Returns
    -------
    float or ndarray
        τ_A,XX [ps].

    Notes
    -----
    Review section 2.3.1.

    Examples
    --------
    Review section 2.3.1: a CdSe dot of radius 2.5 nm has τ_A,XX ≈ 65 ps.

    >>> round(float(auger_lifetime_ps(sphere_volume_nm3(2.5))), 1)
    65.4
    """
    volume = v.positive("volume_nm3", volume_nm3)
    chi = v.positive("chi_ps_nm3", chi_ps_nm3)
    return chi * volume


def biexciton_lifetime(tau_a_xx, tau_r_xx):
    r"""Total biexciton lifetime from its Auger and radiative parts.

    The book's :ref:`relation rel-2.3-tau-xx <rel-2.3-tau-xx>` (review section 2.3).

    .. math:: \tau_{XX} = \frac{\tau_{A,XX}\,\tau_{r,XX}}{\tau_{A,XX} + \tau_{r,XX}}

    Both arguments > 0, in the same unit; the result is in that unit.

    Examples
    --------
    Review section 2.4.2: the graded dot's τ_A,XX = 2.3 ns and τ_r,XX = 3 ns
    give back its measured τ_XX ≈ 1.3 ns.

    >>> round(float(biexciton_lifetime(2.29, 3.0)), 2)
    1.3
    """
    tau_a = v.positive("tau_a_xx", tau_a_xx)
    tau_r = v.positive("tau_r_xx", tau_r_xx)
    return tau_a * tau_r / (tau_a + tau_r)


def biexciton_radiative_lifetime(tau_r_x):
    """Biexciton radiative lifetime τ_r,XX = τ_r,X/4 (review sec. 2.4.2, ref. 102).

    Four radiative pathways from the biexciton against one from the exciton
    make the biexciton radiate four times faster.
    """
    return v.positive("tau_r_x", tau_r_x) / 4.0


def auger_lifetime_from_biexciton(tau_xx, tau_r_xx):
    r"""Auger part of a measured biexciton lifetime (equation :math:numref:`rel-2.4-graded`).

    .. math:: \frac{1}{\tau_{A,XX}} = \frac{1}{\tau_{XX}} - \frac{1}{\tau_{r,XX}}

    Parameters
    ----------
    tau_xx, tau_r_xx : float or array_like
        Measured biexciton lifetime and biexciton radiative lifetime (> 0,
        same unit). The measured lifetime cannot exceed the radiative one.

    Raises
    ------
    ValueError
        If ``tau_xx >= tau_r_xx`` (no room left for Auger decay).

    Examples
    --------
    Review section 2.4.2: the graded dot (τ_XX = 1.3 ns, τ_r,X = 12 ns) has
    τ_A,XX ≈ 2.3 ns.

    >>> round(float(auger_lifetime_from_biexciton(1.3, biexciton_radiative_lifetime(12.0))), 2)
    2.29
    """
    tau_xx = v.positive("tau_xx", tau_xx)
    tau_r = v.positive("tau_r_xx", tau_r_xx)
    if np.any(np.asarray(tau_xx) >= np.asarray(tau_r)):
        raise ValueError(
            f"tau_xx must be < tau_r_xx (allowed range (0, tau_r_xx)), got tau_xx={tau_xx!r}, "
            f"tau_r_xx={tau_r!r}")
    return 1.0 / (1.0 / tau_xx - 1.0 / tau_r)


def biexciton_quantum_yield(tau_xx, tau_r_xx):
    """Biexciton emission quantum yield q_XX = τ_XX/τ_r,XX (equation :math:numref:`rel-2.4-graded`).

    Both lifetimes > 0 and in the same unit; q_XX must come out in [0, 1].

    Examples
    --------
    Review section 2.4.2: q_XX ≈ 43 % for the graded dot.

    >>> round(float(biexciton_quantum_yield(1.3, biexciton_radiative_lifetime(12.0))), 3)
    0.433
    """
    tau_xx = v.positive("tau_xx", tau_xx)
    tau_r = v.positive("tau_r_xx", tau_r_xx)
    q = np.asarray(tau_xx) / np.asarray(tau_r)
    if np.any(q > 1):
        raise ValueError(f"tau_xx must be <= tau_r_xx so that q_XX lies in [0, 1], got q_XX={q!r}")
    return q[()]


def saturated_stimulated_emission_rate(beta, n_r, g0_cm):
    """Stimulated-emission rate at gain saturation, r_SE,0 = β (c/n_r) G_0 [s⁻¹].

    Parameters
    ----------
    beta : float
        Dimensionless QD-cavity coupling constant, > 0.
    n_r : float
        Refractive index of the medium [dimensionless], >= 1.
    g0_cm : float or array_like
        Saturated gain coefficient G_0 [cm⁻¹], > 0.

    Notes
    -----
    rel-2.3-rho-crit, review section 2.3.2.
    """
    beta = v.positive("beta", beta)
    n_r = v.in_range("n_r", n_r, 1.0, np.inf)
    g0 = v.positive("g0_cm", g0_cm)
    return beta * C_CM_PER_S / n_r * g0


def critical_density_cm3(n_r, beta, sigma_gain_cm2, tau_a_xx_ps):
    """Critical nanocrystal concentration ρ_crit = n_r (β c σ_gain,XX τ_A,XX)⁻¹ [cm⁻³].

    At ρ_crit stimulated emission at gain saturation is exactly as fast as
    biexciton Auger decay (:ref:`relation rel-2.3-rho-crit <rel-2.3-rho-crit>`, review
    section 2.3.2).

    Parameters
    ----------
    n_r : float
        Refractive index [dimensionless], >= 1.
    beta : float
        Coupling constant [dimensionless], > 0.
    sigma_gain_cm2 : float or array_like
        Biexciton gain cross-section [cm²], > 0.
    tau_a_xx_ps : float or array_like
        Biexciton Auger lifetime [ps], > 0.
    """
    n_r = v.in_range("n_r", n_r, 1.0, np.inf)
    beta = v.positive("beta", beta)
    sigma = v.positive("sigma_gain_cm2", sigma_gain_cm2)
    tau = convert(v.positive("tau_a_xx_ps", tau_a_xx_ps), "ps", "s")
    return n_r / (beta * C_CM_PER_S * sigma * tau)


def critical_volume_fraction(volume_nm3, n_r, beta, sigma_gain_cm2, tau_a_xx_ps):
    r"""Critical semiconductor volume fraction ξ_crit = ρ_crit V_NC (equation :math:numref:`eq-3`).

    .. math:: \xi_{crit} = n_r V_{NC} (\beta c \sigma_{gain,XX} \tau_{A,XX})^{-1}

    Parameters
    ----------
    volume_nm3 : float or array_like
        Nanocrystal volume V_NC [nm³], > 0.
    n_r, beta, sigma_gain_cm2, tau_a_xx_ps
        As in :func:`critical_density_cm3`.

    Returns
    -------
    float or ndarray
        ξ_crit [dimensionless]; a value above 1 means lasing is impossible
        even in a solid film of nanocrystals. Review eq 3, section 2.3.2.

    Examples
    --------
    Review section 2.3.2 quotes ξ_crit of 0.2–2 %; with n_r = 1.8, β = 1,
    σ_gain = 3e-17 cm² and V-scaling (τ_A = χV) it is 0.2 % at any size:

    >>> v_nm3 = sphere_volume_nm3(2.5)
    >>> round(float(critical_volume_fraction(v_nm3, 1.8, 1.0, 3e-17, auger_lifetime_ps(v_nm3))), 4)
    0.002
    """
    volume_cm3 = convert(v.positive("volume_nm3", volume_nm3), "nm3", "cm3")
    return critical_density_cm3(n_r, beta, sigma_gain_cm2, tau_a_xx_ps) * volume_cm3


def bulk_auger_activation_factor(gap_ev, temperature_k=300.0, a=0.2):
    r"""Thermal-activation factor of Auger recombination in a bulk crystal.

    Equation :math:numref:`rel-7-auger-activation` of the book (review section 7).

    .. math:: f = \exp\left(-\frac{a E_g}{k_B T}\right)

    In a bulk semiconductor energy and momentum must both be conserved, so
    only carriers with enough kinetic energy take part and the Auger rate
    carries this factor; in small nanocrystals momentum conservation is
    relaxed and the factor disappears (review section 7).

    Parameters
    ----------
    gap_ev : float or array_like
        Band gap E_g [eV], > 0.
    temperature_k : float or array_like, optional
        Temperature T [K], > 0.
    a : float, optional
        Band-structure constant [dimensionless], in (0, 1]; of the order of a
        mass ratio (the review gives no value, 0.2 is illustrative).

    Returns
    -------
    float or ndarray
        The factor f [dimensionless], in (0, 1).

    Examples
    --------
    Section 7: bulk CdSe (E_g = 1.74 eV) at room temperature, a = 0.2:

    >>> f"{float(bulk_auger_activation_factor(1.74)):.1e}"
    '1.4e-06'
    """
    gap = v.positive("gap_ev", gap_ev)
    temperature = v.positive("temperature_k", temperature_k)
    a = v.in_range("a", a, 0.0, 1.0)
    if np.any(np.asarray(a) < v.MIN_MAGNITUDE):
        raise ValueError(f"a must lie in (0, 1], got {a!r}")
    return np.exp(-a * gap * sc.e / (sc.k * temperature))


QD_TYPES = {
    "standard CdSe": (float(auger_lifetime_ps(sphere_volume_nm3(2.5))), 3e-15, 3.0),
    "giant CdSe/CdS": (600.0, 5.5e-14, 2.8),
    "graded cg-QD": (float(auger_lifetime_from_biexciton(
        1300.0, biexciton_radiative_lifetime(12000.0))), 1.8e-13, 3.1),
}
"""The review's three dot types of Auger engineering, each as (τ_A,XX [ps], σ_abs [cm²], hν_p [eV]).

Standard CdSe (R = 2.5 nm, τ_A,XX from the V-scaling with :data:`CHI_STANDARD_PS_NM3`;
sec. 2.3.3), giant CdSe/CdS shells (sec. 2.4.1) and graded cg-QDs (sec. 2.4.2, τ_A,XX
from τ_XX = 1.3 ns and τ_r,X = 12 ns), doi:10.1021/acs.chemrev.2c00865.
"""


# -- relations of the review that this module computes (see qdbook._relation) -------------
_SEC2 = "chapters/02-general-principles"


def _draw_critical(rng):
    return {"n_r": rng.uniform(1.3, 2.5), "beta": rng.uniform(0.05, 1.0),
            "sigma_gain": loguniform(1e-17, 1e-14).draw(rng),
            "tau_A": loguniform(1e-12, 1e-9).draw(rng)}


def _draw_graded(rng):
    tau_rx = loguniform(1.0, 100.0).draw(rng)
    return {"tau_rX": tau_rx, "tau_XX": rng.uniform(0.01, 0.99) * tau_rx / 4}


RELATIONS = [
    Relation(
        id="rel-2.3-v-scaling", title="Volume scaling of the biexciton Auger lifetime",
        page=f"{_SEC2}/auger-recombination",
        form=lambda sp, s: s.chi * sp.Rational(4, 3) * sp.pi * s.R**3,
        units={"chi": "ps/nm3", "R": "nm", "result": "ps"},
        evaluate=lambda chi, R: auger_lifetime_ps(volume_nm3=sphere_volume_nm3(R),
                                                  chi_ps_nm3=chi),
        sample={"chi": loguniform(0.01, 5.0), "R": uniform(0.5, 10.0)},
    ),
    Relation(
        id="rel-2.3-rho-crit", title="Critical nanocrystal concentration",
        page=f"{_SEC2}/auger-recombination",
        form=lambda sp, s: s.n_r / (s.beta * s.c * s.sigma_gain * s.tau_A),
        units={"n_r": "1", "beta": "1", "sigma_gain": "cm2", "tau_A": "s", "result": "1/cm3"},
        evaluate=lambda n_r, beta, sigma_gain, tau_A: critical_density_cm3(
            n_r=n_r, beta=beta, sigma_gain_cm2=sigma_gain, tau_a_xx_ps=convert(tau_A, "s", "ps")),
        sample=_draw_critical,
    ),
    Relation(
        id="eq-3", title="Critical semiconductor volume fraction",
        page=f"{_SEC2}/auger-recombination",
        form=lambda sp, s: s.n_r * s.V / (s.beta * s.c * s.sigma_gain * s.tau_A),
        units={"n_r": "1", "beta": "1", "sigma_gain": "cm2", "tau_A": "s", "V": "cm3",
               "result": "1"},
        evaluate=lambda n_r, beta, sigma_gain, tau_A, V: critical_volume_fraction(
            volume_nm3=convert(V, "cm3", "nm3"), n_r=n_r, beta=beta, sigma_gain_cm2=sigma_gain,
            tau_a_xx_ps=convert(tau_A, "s", "ps")),
        sample=lambda rng: {**_draw_critical(rng), "V": loguniform(1e-21, 1e-18).draw(rng)},
    ),
    Relation(
        id="rel-2.3-tau-xx", title="Biexciton lifetime from Auger and radiative decay",
        page=f"{_SEC2}/auger-recombination",
        form=lambda sp, s: s.tau_A * s.tau_r / (s.tau_A + s.tau_r),
        units={"tau_A": "ps", "tau_r": "ps", "result": "ps"},
        evaluate=lambda tau_A, tau_r: biexciton_lifetime(tau_a_xx=tau_A, tau_r_xx=tau_r),
        sample={"tau_A": loguniform(1.0, 1e4), "tau_r": loguniform(1.0, 1e4)},
    ),
    Relation(
        id="rel-2.4-graded", title="Auger lifetime from a measured biexciton lifetime",
        page=f"{_SEC2}/auger-control",
        form=lambda sp, s: 1 / (1 / s.tau_XX - 4 / s.tau_rX),
        units={"tau_XX": "ns", "tau_rX": "ns", "result": "ns"},
        evaluate=lambda tau_XX, tau_rX: auger_lifetime_from_biexciton(
            tau_xx=tau_XX, tau_r_xx=biexciton_radiative_lifetime(tau_r_x=tau_rX)),
        sample=_draw_graded,
    ),
    Relation(
        id="rel-7-auger-activation", title="Thermal activation of bulk Auger recombination",
        page="chapters/07-outlook/index",
        form=lambda sp, s: sp.exp(-s.a * s.E_g / (s.k_B * s.T)),
        units={"a": "1", "E_g": "J", "T": "K", "result": "1"},
        evaluate=lambda a, E_g, T: bulk_auger_activation_factor(
            gap_ev=convert(E_g, "J", "eV"), temperature_k=T, a=a),
        sample={"a": uniform(0.05, 1.0), "E_g": uniform(0.2 * sc.e, 3.5 * sc.e),
                "T": uniform(50.0, 500.0)},
    ),
]
