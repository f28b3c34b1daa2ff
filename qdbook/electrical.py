"""Electrical pumping: cross sections and threshold current densities (review sec. 5.3).

Conventions
-----------
Radii in nm, areas (cross sections) in cm², current densities in A cm⁻²,
excitation rates g per dot in s⁻¹, single-exciton lifetimes in ns
(``tau_x_ns``) and biexciton lifetimes in ps (``tau_xx_ps``), the review's
practical units. The elementary charge comes from ``scipy.constants``, unit
conversions from :mod:`qdbook.units`.

A dot collects carriers from its *electrical* cross section
σ_e = σ_g/f_a, where σ_g = πR² is its geometric cross section and f_a the
areal filling factor of dots in a close-packed monolayer (the rest of the
area is insulating ligand, so the current is funnelled through the dots).
The per-dot injection rate of each carrier type is g = σ_e j/e
(rel-5.3-cross-sections). With equal electron and hole injection rates and
the doubly charged path neglected, d.c. injection acts like the cw optical
excitation of the three-state model of :mod:`qdbook.pumping`, which gives
eq-8 and eq-9.
"""

from __future__ import annotations

import numpy as np
from scipy import constants as sc

from . import _validate as v
from . import pumping
from ._relation import Relation, loguniform, uniform
from .units import convert

CG_QD_RADIUS_NM = 2.0 + 7.0 + 0.4
"""Overall radius of a compositionally graded cg-QD [nm]; 2 nm CdSe core, 7 nm graded
Cd_xZn_1-xSe shell, 0.4 nm ZnSe_0.5S_0.5 outer layer (review sec. 2.4.2, after
Lim et al. 2018, doi:10.1038/nmat5011)."""

FILL_FACTOR_REVIEW = 0.5
"""Areal filling factor f_a used for the review's threshold estimates (sec. 5.3); the
review quotes 0.5–0.6 for large core/shell dots (doi:10.1021/acs.chemrev.2c00865)."""


def _fill(fill_factor):
    """Areal filling factor, checked to lie in (0, 1]."""
    f = v.in_range("fill_factor", fill_factor, 0.0, 1.0)
    if np.any(np.asarray(f) < v.MIN_MAGNITUDE):
        raise ValueError(f"fill_factor must lie in (0, 1], got {fill_factor!r}")
    return f


def geometric_cross_section_cm2(radius_nm):
    """Geometric cross section σ_g = πR² of a dot of radius ``radius_nm`` [nm], in cm².

    Part of :math:numref:`rel-5.3-cross-sections` (review section 5.3).
    """
    radius_cm = convert(v.positive("radius_nm", radius_nm), "nm", "cm")
    return np.pi * radius_cm**2


def electrical_cross_section_cm2(radius_nm, fill_factor=FILL_FACTOR_REVIEW):
    """Electrical cross section σ_e = σ_g/f_a [cm²] (:math:numref:`rel-5.3-cross-sections`).

    Parameters
    ----------
    radius_nm : float or array_like
        Dot radius R [nm], > 0.
    fill_factor : float or array_like, optional
        Areal filling factor f_a of the dot monolayer, in (0, 1]; 1 means no
        current focusing.

    Returns
    -------
    float or ndarray
        σ_e [cm²].
    """
    return geometric_cross_section_cm2(radius_nm) / _fill(fill_factor)


def excitation_rate_per_s(current_density_a_cm2, radius_nm, fill_factor=FILL_FACTOR_REVIEW):
    r"""Per-dot injection rate g = σ_e j/e [s⁻¹] at current density j [A cm⁻²].

    Equation :math:numref:`rel-5.3-cross-sections` of the book (review section 5.3).

    .. math:: g = \frac{\pi R^2}{f_a}\,\frac{j}{e}

    ``current_density_a_cm2`` >= 0.

    Examples
    --------
    The review quotes no rate (only f_a ≈ 0.5–0.6); the book's page takes its CdSe dot,
    R = 2.5 nm, f_a = 0.5: 1 A cm⁻² brings each dot one electron every 0.41 µs:

    >>> f"{excitation_rate_per_s(1.0, 2.5, 0.5):.3g}"
    '2.45e+06'
    """
    j = v.nonnegative("current_density_a_cm2", current_density_a_cm2)
    return electrical_cross_section_cm2(radius_nm, fill_factor) * j / sc.e


def current_density_from_rate_a_cm2(rate_per_s, radius_nm, fill_factor=FILL_FACTOR_REVIEW):
    """Current density j = e g/σ_e [A cm⁻²] that injects ``rate_per_s`` carriers per dot."""
    rate = v.nonnegative("rate_per_s", rate_per_s)
    return sc.e * rate / electrical_cross_section_cm2(radius_nm, fill_factor)


def gain_threshold_current_density_a_cm2(radius_nm, tau_x_ns, tau_xx_ps,
                                         fill_factor=FILL_FACTOR_REVIEW):
    r"""D.c. current density at the gain threshold [A cm⁻²].

    Equation :math:numref:`eq-8` of the book (review section 5.3).

    .. math:: j_\mathrm{th,gain} = \frac{e f_a}{\pi R^2\sqrt{\tau_X\tau_{XX}}}

    Parameters
    ----------
    radius_nm : float or array_like
        Dot radius R [nm], > 0.
    tau_x_ns : float or array_like
        Single-exciton lifetime τ_X [ns], > 0.
    tau_xx_ps : float or array_like
        Biexciton lifetime τ_XX [ps], > 0.
    fill_factor : float, optional
        Areal filling factor f_a, in (0, 1].

    Notes
    -----
    Review eq 8, section 5.3: the cw gain-threshold rate of the three-state
    model (rel-2.3-cw-threshold) converted with g = σ_e j/e.

    Examples
    --------
    Review section 5.3: a CdSe dot with R = 2.5 nm, τ_X = 20 ns, τ_XX = 65 ps and
    f_a = 0.5 has j_th,gain ≈ 0.36 kA cm⁻² (0.358):

    >>> round(float(gain_threshold_current_density_a_cm2(2.5, 20.0, 65.0, 0.5)) / 1e3, 3)
    0.358
    """
    rate = pumping.cw_gain_threshold_rate_per_s(tau_x_ns, tau_xx_ps)
    return current_density_from_rate_a_cm2(rate, radius_nm, fill_factor)


def half_saturation_current_density_a_cm2(radius_nm, tau_x_ns, tau_xx_ps,
                                          fill_factor=FILL_FACTOR_REVIEW):
    r"""D.c. current density for half-saturated gain [A cm⁻²].

    Equation :math:numref:`eq-9` of the book (review section 5.3).

    .. math:: j_{1/2} = \frac{e f_a}{2\pi R^2\tau_{XX}}
              \left[1 + \left(1 + 12\,\tau_{XX}/\tau_X\right)^{1/2}\right]

    Same parameters as :func:`gain_threshold_current_density_a_cm2`.

    Notes
    -----
    Review eq 9, section 5.3: eq-4 converted with g = σ_e j/e. The review
    takes j_1/2 as an estimate of the lasing threshold.

    Examples
    --------
    Review section 5.3: with the same CdSe parameters, j_1/2 ≈ 6.3 kA cm⁻² (6.34):

    >>> round(float(half_saturation_current_density_a_cm2(2.5, 20.0, 65.0, 0.5)) / 1e3, 2)
    6.34
    """
    rate = pumping.half_saturation_rate_per_s(tau_x_ns, tau_xx_ps)
    return current_density_from_rate_a_cm2(rate, radius_nm, fill_factor)


def threshold_ratio(lifetime_ratio):
    r"""j_1/2/j_th,gain as a function of x = τ_XX/τ_X only.

    .. math:: \frac{j_{1/2}}{j_\mathrm{th,gain}} = \frac{1 + \sqrt{1 + 12x}}{2\sqrt{x}}

    Neither R nor f_a enters. ``lifetime_ratio`` > 0. The ratio falls
    monotonically from infinity (x → 0) towards √3 (x → ∞).
    """
    x = v.positive("lifetime_ratio", lifetime_ratio)
    return (1.0 + np.sqrt(1.0 + 12.0 * x)) / (2.0 * np.sqrt(x))


def lifetimes_from_thresholds(j_th_a_cm2, j_half_a_cm2, radius_nm,
                              fill_factor=FILL_FACTOR_REVIEW):
    """Find (τ_X [ns], τ_XX [ps]) that give the stated eq-8 and eq-9 current densities.

    Parameters
    ----------
    j_th_a_cm2 : float
        Target gain-threshold current density [A cm⁻²], > 0.
    j_half_a_cm2 : float
        Target half-saturation current density [A cm⁻²]; the ratio
        j_half/j_th must exceed √3, the smallest value eq-8/eq-9 allow.
    radius_nm : float
        Dot radius [nm], > 0.
    fill_factor : float, optional
        Areal filling factor, in (0, 1].

    Returns
    -------
    tuple of float
        ``(tau_x_ns, tau_xx_ps)``.

    Notes
    -----
    The ratio r = j_1/2/j_th depends only on x = τ_XX/τ_X (:func:`threshold_ratio`).
    Solving r = (1 + √(1 + 12x))/(2√x) for √x (square 2r√x − 1 = √(1 + 12x); the
    root with 2r√x ≥ 1 is kept) gives √x = 1/(r − 3/r), real and positive exactly
    for r > √3. Eq-8 then fixes the product τ_X τ_XX = 1/g_th², so
    τ_X = (r − 3/r)/g_th and τ_XX = 1/((r − 3/r) g_th). Used for the cg-QD numbers of
    section 5.3, whose parameters the review does not list.
    """
    j_th = v.positive("j_th_a_cm2", v.scalar("j_th_a_cm2", j_th_a_cm2))
    j_half = v.positive("j_half_a_cm2", v.scalar("j_half_a_cm2", j_half_a_cm2))
    target = j_half / j_th
    root = target - 3.0 / target                     # 1/sqrt(tau_XX/tau_X), > 0 iff r > sqrt 3
    if not root > 0.0:
        raise ValueError(f"j_half_a_cm2 must exceed sqrt(3) * j_th_a_cm2 = {np.sqrt(3) * j_th!r} "
                         f"(allowed range (sqrt(3) j_th, inf)), got {j_half!r}")
    rate_th = j_th * electrical_cross_section_cm2(radius_nm, fill_factor) / sc.e
    with np.errstate(over="ignore"):    # refused below, by name; root * rate_th > 0 always
        tau_x = float(np.float64(root) / rate_th * convert(1.0, "s", "ns"))
        tau_xx = float(1.0 / (np.float64(root) * rate_th) * convert(1.0, "s", "ps"))
    # no underflow to 0: the rate is at most ~4e305 s^-1 at the largest allowed j and R
    if not (tau_x < np.inf and tau_xx < np.inf):
        raise ValueError(f"j_th_a_cm2 and j_half_a_cm2 must give lifetimes within the float "
                         f"range (allowed: tau_x_ns and tau_xx_ps finite), got "
                         f"j_th_a_cm2 = {j_th!r}, j_half_a_cm2 = {j_half!r} (tau_x_ns = "
                         f"{tau_x!r}, tau_xx_ps = {tau_xx!r})")
    return tau_x, tau_xx


# -- relations of the review that this module computes (see qdbook._relation) -------------
_THRESHOLDS = "chapters/05-laser-diodes/electrical-thresholds"
_DOT_UNITS = {"R": "cm", "f_a": "1", "tau_X": "s", "tau_XX": "s", "result": "A/cm2"}
_DOT_SAMPLE = {"R": uniform(1e-7, 2e-6), "f_a": uniform(0.2, 1.0),
               "tau_X": loguniform(1e-9, 1e-7), "tau_XX": loguniform(1e-11, 1e-8)}


RELATIONS = [
    Relation(
        id="rel-5.3-cross-sections", title="Injection rate g = σ_e j/e with σ_e = πR²/f_a",
        page=_THRESHOLDS,
        form=lambda sp, s: sp.pi * s.R**2 / s.f_a * s.j / s.e,
        units={"R": "cm", "f_a": "1", "j": "A/cm2", "result": "1/s"},
        evaluate=lambda R, f_a, j: excitation_rate_per_s(
            current_density_a_cm2=j, radius_nm=convert(R, "cm", "nm"), fill_factor=f_a),
        sample={"R": uniform(1e-7, 2e-6), "f_a": uniform(0.2, 1.0), "j": loguniform(1e-3, 1e5)},
    ),
    Relation(
        id="eq-8", title="Gain-threshold current density",
        page=_THRESHOLDS,
        form=lambda sp, s: s.e * s.f_a / (sp.pi * s.R**2 * sp.sqrt(s.tau_X * s.tau_XX)),
        units=_DOT_UNITS,
        evaluate=lambda R, f_a, tau_X, tau_XX: gain_threshold_current_density_a_cm2(
            radius_nm=convert(R, "cm", "nm"), tau_x_ns=convert(tau_X, "s", "ns"),
            tau_xx_ps=convert(tau_XX, "s", "ps"), fill_factor=f_a),
        sample=_DOT_SAMPLE,
    ),
    Relation(
        id="eq-9", title="Half-saturation current density",
        page=_THRESHOLDS,
        form=lambda sp, s: s.e * s.f_a * (1 + sp.sqrt(1 + 12 * s.tau_XX / s.tau_X))
        / (2 * sp.pi * s.R**2 * s.tau_XX),
        units=_DOT_UNITS,
        evaluate=lambda R, f_a, tau_X, tau_XX: half_saturation_current_density_a_cm2(
            radius_nm=convert(R, "cm", "nm"), tau_x_ns=convert(tau_X, "s", "ns"),
            tau_xx_ps=convert(tau_XX, "s", "ps"), fill_factor=f_a),
        sample=_DOT_SAMPLE,
    ),
]
