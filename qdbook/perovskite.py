r"""Lead-halide perovskite nanocrystals CsPbX₃ (review section 4.2).

Conventions
-----------
Edge lengths in nm, volumes in nm³, Auger lifetimes in ps, absorption
coefficients in cm⁻¹, cross-sections in cm², photon energies in eV,
wavelengths in nm. Refractive indices are real (absorption neglected in the
local-field factor). ⟨N⟩ (``mean_n``) is the average number of excitons per
nanocrystal just after a short pump pulse, Poisson-distributed.

Degeneracies g_e and g_h count the band-edge states of the conduction and
valence band, spin included (g = 2: one spin-degenerate level).

Photon energies and wavelengths convert through :mod:`qdbook.units`; the Auger
lifetime is the package's one volume law, :func:`qdbook.auger.auger_lifetime_ps`.
"""

from __future__ import annotations

import numpy as np
from scipy.stats import poisson

from . import _validate as v
from ._relation import Relation, integers, loguniform, uniform
from .auger import CHI_PEROVSKITE_PS_NM3, CHI_STANDARD_PS_NM3, auger_lifetime_ps
from .units import convert, photon_energy_ev, wavelength_nm

CHI_CSPBX3_PS_NM3 = CHI_PEROVSKITE_PS_NM3
"""V-scaling constant χ of CsPbX₃ nanocrystals, 0.06 ps nm⁻³ (review sec. 2.3.1 and 4.2.1)."""

REVIEW_CROSS_SECTION_VOLUMES_NM3 = {"CsPbBr3": 250.0, "CdSe": 48.0}
"""Volumes of a CsPbBr₃ nanocrystal and a CdSe dot found to absorb alike [nm³].

Makarov et al., Nano Lett. 16, 2349 (2016), doi:10.1021/acs.nanolett.5b05077,
as quoted in the review, sec. 4.2.1 (which also quotes their conclusion that
bulk CsPbBr₃ absorbs about ten times more weakly than CdSe)."""

ASSUMED_REFRACTIVE_INDEX = {"CdSe": 2.6, "CsPbBr3": 2.2, "hexane": 1.38}
"""Illustrative real refractive indices in the blue-violet, where σ_abs is quoted.

These are assumptions of this book (round values of the order found in
optical-constant tables), *not* measured inputs; the perovskite page shows how
its conclusions depend on them."""

HALIDES = ("Cl", "Br", "I")

END_MEMBER_EMISSION_NM = {
    "Cl": (410.0, "yakunin2015",
           "blue end of the 410-700 nm photoluminescence range of CsPbX3 nanocrystals"),
    "Br": (510.0, "doi:10.3390/en14020275",
           "2.431 eV: middle of the 2.391-2.469 eV emission of 12.5-9.9 nm CsPbBr3 cubes"),
    "I": (700.0, "yakunin2015",
          "red end of the 410-700 nm photoluminescence range of CsPbX3 nanocrystals"),
}
"""Room-temperature emission peaks of the three CsPbX₃ end members [nm], with sources.

Cl and I: the ends of the photoluminescence range reported for CsPbX₃
nanocrystals by Yakunin et al., Nat. Commun. 6, 8056 (2015),
doi:10.1038/ncomms9056 (first reported by Protesescu et al., Nano Lett. 15,
3692 (2015), doi:10.1021/nl5048779). Br: the middle of the emission range
2.391–2.469 eV measured for 9.9–12.5 nm CsPbBr₃ cubes, Energies 14, 275 (2021),
doi:10.3390/en14020275. The nanocrystals are ~10 nm, so these include a small
confinement shift above the bulk gaps."""

REVIEW_ASE_NM = {"Cl/Br": 470.0, "Br": 540.0, "Br/I": 630.0}
"""ASE wavelengths of CsPbX₃ nanocrystal films quoted by the review (sec. 4.2.2,
from Yakunin et al. 2015): the Cl/Br and Br/I values are the ends reached by
mixing, at compositions the review does not state."""

REVIEW_GAIN_CM = 450.0
"""Band-edge gain coefficient of close-packed CsPbX₃ films, ~450 cm⁻¹ (review sec. 4.2.2)."""


def cube_volume_nm3(edge_nm):
    """Volume L³ of a cube of edge ``edge_nm`` [nm], in nm³."""
    return v.positive("edge_nm", edge_nm) ** 3


def cube_auger_lifetime_ps(edge_nm, chi_ps_nm3=CHI_CSPBX3_PS_NM3):
    r"""Biexciton Auger lifetime of a cube from volume scaling, τ = χ L³ [ps].

    Equation :math:numref:`rel-4.2-v-scaling` of the book (review section 4.2.1): the
    volume law :func:`qdbook.auger.auger_lifetime_ps` applied to the cube's volume L³.

    Parameters
    ----------
    edge_nm : float or array_like
        Edge length L [nm], > 0.
    chi_ps_nm3 : float, optional
        Scaling constant [ps nm⁻³], > 0 (default 0.06, CsPbX₃).

    Examples
    --------
    Review section 4.2.1: χ ≈ 0.06 ps nm⁻³ makes perovskite Auger lifetimes ~17 times
    shorter than those of II-VI dots of equal volume (16.67); a 10-nm cube lives 60 ps:

    >>> round(float(cube_auger_lifetime_ps(10.0)), 1)
    60.0
    >>> round(float(cube_auger_lifetime_ps(8.0, CHI_STANDARD_PS_NM3)
    ...             / cube_auger_lifetime_ps(8.0)), 2)
    16.67
    """
    return auger_lifetime_ps(cube_volume_nm3(edge_nm), chi_ps_nm3)


def equal_volume_auger_ratio(chi_ps_nm3=CHI_CSPBX3_PS_NM3,
                             reference_chi_ps_nm3=CHI_STANDARD_PS_NM3):
    """τ_A,XX(reference)/τ_A,XX(material) at equal volume: χ_ref/χ (1/0.06 = 16.7 by default).

    Because the Auger-limited cw lasing threshold scales as 1/τ_A,XX
    (rel-2.3-half-intensity), this is also how many times more pump a
    perovskite nanocrystal needs than a CdSe dot of the same volume and the
    same σ_abs.
    """
    chi = v.positive("chi_ps_nm3", chi_ps_nm3)
    return v.positive("reference_chi_ps_nm3", reference_chi_ps_nm3) / chi


def local_field_factor(n_nc, n_medium):
    r"""Local-field (field-correction) factor f_cor of a dielectric sphere.

    .. math:: f_{cor} = \left|\frac{3\varepsilon_m}{\varepsilon_{NC}+2\varepsilon_m}\right|^2

    Parameters
    ----------
    n_nc, n_medium : float or array_like
        Real refractive indices of the nanocrystal and of the surrounding
        medium, >= 1 (ε = n²).

    Notes
    -----
    The electrostatic field inside a dielectric sphere in a uniform applied
    field is :math:`3\varepsilon_m/(\varepsilon_{NC}+2\varepsilon_m)` times the
    applied one; the absorbed power goes as the square. This is the form used
    for nanocrystal cross-sections by Klimov, J. Phys. Chem. B 104, 6112
    (2000), doi:10.1021/jp9944132 (the review's ref. 89). It is < 1 whenever
    the nanocrystal's index exceeds the medium's; for a cube it is an
    approximation.
    """
    n_nc = v.in_range("n_nc", n_nc, 1.0, np.inf)
    n_m = v.in_range("n_medium", n_medium, 1.0, np.inf)
    eps_nc, eps_m = np.asarray(n_nc) ** 2, np.asarray(n_m) ** 2
    return ((3 * eps_m / (eps_nc + 2 * eps_m)) ** 2)[()]


def absorption_cross_section_cm2(volume_nm3, alpha_bulk_cm, n_nc, n_medium, f_cor=None):
    r"""Absorption cross-section well above the gap, σ_abs = f_cor V (n_NC/n_m) α_bulk.

    Equation :math:numref:`rel-4.2-cross-section` of the book (review section 4.2.1).

    Parameters
    ----------
    volume_nm3 : float or array_like
        Nanocrystal volume [nm³], > 0.
    alpha_bulk_cm : float or array_like
        Absorption coefficient of the bulk material at the pump energy [cm⁻¹], > 0.
    n_nc, n_medium : float
        Refractive indices of nanocrystal and medium, >= 1.
    f_cor : float, optional
        Field-correction factor in (0, 1]; by default the sphere's
        :func:`local_field_factor`.

    Returns
    -------
    float or ndarray
        σ_abs [cm²].

    Examples
    --------
    Review section 4.2.1: a 250-nm³ CsPbBr₃ nanocrystal absorbs like a 48-nm³ CdSe dot
    (a volume ratio of 5.2). With equal α_bulk and the book's assumed indices
    (:data:`ASSUMED_REFRACTIVE_INDEX`) the formula gives the ratio 6.6 that the book's page
    and ``tests/review/test_sec4.py`` compare with it:

    >>> n = ASSUMED_REFRACTIVE_INDEX
    >>> s_pvk = absorption_cross_section_cm2(250.0, 1.0, n["CsPbBr3"], n["hexane"])
    >>> s_cdse = absorption_cross_section_cm2(48.0, 1.0, n["CdSe"], n["hexane"])
    >>> round(float(s_pvk / s_cdse), 1)
    6.6
    """
    vol_cm3 = convert(v.positive("volume_nm3", volume_nm3), "nm3", "cm3")
    alpha = v.positive("alpha_bulk_cm", alpha_bulk_cm)
    n_nc = v.in_range("n_nc", n_nc, 1.0, np.inf)
    n_m = v.in_range("n_medium", n_medium, 1.0, np.inf)
    f = local_field_factor(n_nc, n_m) if f_cor is None else v.in_range(
        "f_cor", f_cor, 0.0, 1.0)
    if np.any(np.asarray(f) < v.MIN_MAGNITUDE):
        raise ValueError(f"f_cor must lie in (0, 1], got {f_cor!r}")
    return (f * vol_cm3 * np.asarray(n_nc) / n_m * alpha)[()]


def band_edge_gain_threshold(g_e, g_h):
    r"""Excitons per nanocrystal at the band-edge gain threshold, ⟨N_th⟩ = g_e g_h/(g_e + g_h).

    Equation :math:numref:`rel-4.2-degeneracy` of the book (review section 4.2.2).

    Parameters
    ----------
    g_e, g_h : int
        Degeneracies of the band-edge electron and hole levels, >= 1.

    Notes
    -----
    With N excitons the level occupancies are N/g_e and N/g_h; stimulated
    emission beats absorption once :math:`N/g_e + N/g_h \ge 1`. For
    g_e = g_h = 2 this gives 1, for g_e = g_h = 4 gives 2, for (2, 4) 4/3.
    Review section 4.2.2 (the same condition as eq-5 without charging).

    Examples
    --------
    Review section 4.2.2: g_e = g_h = 2 gives ⟨N_th⟩ = 1; the g = 4 alternatives give
    4/3 and 2:

    >>> [round(band_edge_gain_threshold(*g), 3) for g in ((2, 2), (2, 4), (4, 4))]
    [1.0, 1.333, 2.0]
    """
    ge = v.integer("g_e", g_e, minimum=1)
    gh = v.integer("g_h", g_h, minimum=1)
    return ge * gh / (ge + gh)


_N_MAX = 80
_N = np.arange(_N_MAX + 1)


def _poisson_table(mean_n):
    mean = np.ravel(v.nonnegative("mean_n", mean_n))     # any shape; callers reshape
    if np.any(mean > 40):
        raise ValueError(f"mean_n must lie in [0, 40] (Poisson sums are cut at "
                         f"N = {_N_MAX}), got {mean_n!r}")
    return mean, poisson.pmf(_N[None, :], mean[:, None])


def early_signal(mean_n, g_e, g_h):
    r"""Early-time band-edge emission signal A(⟨N⟩), normalised to 1 − p_0 at low ⟨N⟩.

    Parameters
    ----------
    mean_n : float or array_like
        Average occupancy ⟨N⟩ in [0, 40].
    g_e, g_h : int
        Band-edge degeneracies, >= 1.

    Notes
    -----
    Model of this book for the review's Fig. 26b: before Auger decay a
    nanocrystal with N excitons holds :math:`n_e = \min(N, g_e)` electrons and
    :math:`n_h = \min(N, g_h)` holes in its band-edge levels, and its
    band-edge radiative rate is proportional to :math:`n_e n_h` (each electron
    can recombine with each hole: 1 for an exciton, 4 for a g = 2 biexciton,
    as in section 2.4). Averaging over the Poisson distribution,

    .. math:: A(\langle N\rangle) = \sum_N p_N \min(N, g_e)\min(N, g_h),

    which grows as ⟨N⟩ at low pump and saturates at g_e g_h.
    """
    ge = v.integer("g_e", g_e, minimum=1)
    gh = v.integer("g_h", g_h, minimum=1)
    mean, p = _poisson_table(mean_n)
    weights = np.minimum(_N, ge) * np.minimum(_N, gh)
    out = p @ weights
    return out.reshape(np.shape(mean_n))[()]


def late_signal(mean_n):
    """Late-time signal B(⟨N⟩) = 1 − p_0.

    After Auger decay every excited nanocrystal holds one exciton.
    """
    mean = v.nonnegative("mean_n", mean_n)
    return -np.expm1(-np.asarray(mean))[()]


def early_to_late_ratio(mean_n, g_e, g_h):
    """A/B, which tends to 1 at low ⟨N⟩ and to g_e g_h once both signals saturate (⟨N⟩ > 0)."""
    mean = v.positive("mean_n", mean_n)
    return early_signal(mean, g_e, g_h) / late_signal(mean)


EMISSION_FWHM_MEV = {410.0: 70.0, 700.0: 100.0}
"""Emission line widths (FWHM) of CsPbX₃ nanocrystal ensembles [meV] at the two ends of
the colour range: 70 meV at 410 nm to 100 meV at 700 nm (Yakunin et al. 2015,
doi:10.1038/ncomms9056)."""


def emission_fwhm_mev(wavelength_nm):
    """Ensemble emission FWHM [meV] at ``wavelength_nm`` [nm].

    Interpolated linearly in wavelength between the values of
    :data:`EMISSION_FWHM_MEV` (clipped to them outside 410–700 nm).
    """
    lam = v.positive("wavelength_nm", wavelength_nm)
    (l0, w0), (l1, w1) = sorted(EMISSION_FWHM_MEV.items())
    return np.interp(lam, [l0, l1], [w0, w1])[()]


def mixed_halide_emission_ev(x_cl=0.0, x_i=0.0):
    r"""Emission energy of CsPb(Cl,Br)₃ or CsPb(Br,I)₃ nanocrystals [eV].

    Parameters
    ----------
    x_cl : float or array_like
        Chloride fraction of the halide sites, in [0, 1].
    x_i : float or array_like
        Iodide fraction, in [0, 1]. Only one of the two may be non-zero:
        Cl/I mixtures are not covered (the review's tuning uses Cl/Br and Br/I).

    Notes
    -----
    Linear interpolation of the photon energy between the end members of
    :data:`END_MEMBER_EMISSION_NM` (Vegard's law for the gap, no bowing):

    .. math:: E(x_{Cl}) = x_{Cl} E_{Cl} + (1 - x_{Cl}) E_{Br},\quad
              E(x_I) = x_I E_I + (1 - x_I) E_{Br}.

    Real mixed-halide gaps bow slightly below the straight line; this is the
    simplest stated interpolation, not a fit.
    """
    xc = v.probability("x_cl", x_cl)
    xi = v.probability("x_i", x_i)
    if np.any((np.asarray(xc) > 0) & (np.asarray(xi) > 0)):
        raise ValueError(f"x_cl and x_i must not both be > 0 (Cl/I mixtures are not "
                         f"modelled), got x_cl={x_cl!r}, x_i={x_i!r}")
    e = {k: photon_energy_ev(lam) for k, (lam, _, _) in END_MEMBER_EMISSION_NM.items()}
    xc, xi = np.asarray(xc), np.asarray(xi)
    return (e["Br"] + xc * (e["Cl"] - e["Br"]) + xi * (e["I"] - e["Br"]))[()]


def halide_scale_to_fractions(position):
    """Map a halide coordinate s in [−1, 1] to (x_cl, x_i): −1 pure Cl, 0 pure Br, +1 pure I."""
    s = v.in_range("position", position, -1.0, 1.0)
    s = np.asarray(s)
    return np.clip(-s, 0, 1)[()], np.clip(s, 0, 1)[()]


def emission_wavelength_nm(position):
    """Emission wavelength [nm] at halide coordinate s in [−1, 1].

    See :func:`halide_scale_to_fractions` and :func:`mixed_halide_emission_ev`.
    """
    x_cl, x_i = halide_scale_to_fractions(position)
    return wavelength_nm(mixed_halide_emission_ev(x_cl, x_i))


# -- relations of the review that this module computes (see qdbook._relation) -------------
_SEC4 = "chapters/04-novel-materials"

RELATIONS = [
    Relation(
        id="rel-4.2-v-scaling", title="Volume scaling of the Auger lifetime of perovskite cubes",
        page=f"{_SEC4}/perovskites",
        form=lambda sp, s: s.chi * s.L**3,
        units={"chi": "ps/nm3", "L": "nm", "result": "ps"},
        evaluate=lambda chi, L: cube_auger_lifetime_ps(edge_nm=L, chi_ps_nm3=chi),
        sample={"chi": loguniform(0.01, 5.0), "L": uniform(2.0, 20.0)},
    ),
    Relation(
        id="rel-4.2-cross-section", title="Absorption cross-section with the local-field factor",
        page=f"{_SEC4}/perovskites",
        form=lambda sp, s: s.f_cor * s.V * s.n_NC / s.n_m * s.alpha,
        units={"f_cor": "1", "V": "cm3", "n_NC": "1", "n_m": "1", "alpha": "1/cm",
               "result": "cm2"},
        evaluate=lambda f_cor, V, n_NC, n_m, alpha: absorption_cross_section_cm2(
            volume_nm3=convert(V, "cm3", "nm3"), alpha_bulk_cm=alpha, n_nc=n_NC, n_medium=n_m,
            f_cor=f_cor),
        sample={"f_cor": uniform(0.05, 1.0), "V": loguniform(1e-20, 1e-17),
                "n_NC": uniform(1.5, 3.5), "n_m": uniform(1.0, 1.6),
                "alpha": loguniform(1e3, 1e6)},
    ),
    Relation(
        id="rel-4.2-degeneracy", title="Band-edge gain threshold from the degeneracies",
        page=f"{_SEC4}/perovskite-gain",
        form=lambda sp, s: s.g_e * s.g_h / (s.g_e + s.g_h),
        units={"g_e": "1", "g_h": "1", "result": "1"},
        evaluate=lambda g_e, g_h: band_edge_gain_threshold(g_e=g_e, g_h=g_h),
        sample={"g_e": integers(1, 8), "g_h": integers(1, 8)},
    ),
]
