r"""Colloidal quantum wells: CdSe nanoplatelets (review section 4.1).

Conventions
-----------
Thicknesses in nm or in monolayers (ML), energies in eV (exciton and
biexciton binding energies in meV, as the review quotes them), effective
masses in units of the free-electron mass :math:`m_0`, areas in nm², volumes
in nm³, Auger lifetimes in ps, densities of states per eV and per nm² (2D)
or nm³ (3D), counting both spin directions.

The confinement models treat only the motion across the platelet (the
*z*-axis): an infinitely deep well (rel-4.1-well) and a finite well of
height ``barrier_ev`` whose matching condition (BenDaniel–Duke: ψ and
ψ'/m continuous) is solved with ``scipy.optimize.brentq``. The in-plane
motion is free. Neither model contains the electron–hole Coulomb
attraction, which is large in these thin, weakly screened sheets; the
chapter says where this matters.

Physical constants come from ``scipy.constants``; ħ²/2m₀, h c/E and the unit
conversions from :mod:`qdbook.units`.
"""

from __future__ import annotations

import numpy as np
from scipy import constants as sc
from scipy.optimize import brentq

from . import _validate as v
from ._relation import Relation, integers, loguniform, uniform
from .auger import CHI_STANDARD_PS_NM3, auger_lifetime_ps
from .units import HBAR2_OVER_2M0_EV_NM2, convert, photon_energy_ev

# HBAR2_OVER_2M0_EV_NM2 (ħ²/2m₀ in eV nm²) comes from qdbook.units; pages and tests read it
# here as wells.HBAR2_OVER_2M0_EV_NM2 too.

CDSE_ZB_LATTICE_NM = 0.6077
"""Lattice constant of zinc-blende CdSe [nm], from the Madelung data handbook
(2004, key ``madelung2004``). CdSe platelets grow in the zinc-blende
structure along [001]; one CdSe monolayer (one Cd plane plus one Se plane) is
half a cubic cell thick."""

CDSE_MONOLAYER_NM = CDSE_ZB_LATTICE_NM / 2
"""Thickness of one CdSe monolayer, a/2 = 0.304 nm (from :data:`CDSE_ZB_LATTICE_NM`)."""

CHI_NPL_PS_NM3 = 2.7
"""V-scaling constant of biexciton Auger decay in CdSe NPLs below ~100 nm³ [ps nm⁻³].

The review's fit to the data of She et al. 2015 (doi:10.1021/acsnano.5b02509)
and Philbin et al. 2020 (doi:10.1063/5.0012973); value as quoted in the
review, sec. 4.1.2 (Ahn et al. 2023, doi:10.1021/acs.chemrev.2c00865).
"""

NPL_SATURATION_VOLUME_NM3 = 100.0
"""Volume above which the NPL Auger lifetime stops growing linearly [nm³] (review, sec. 4.1.2)."""

NPL_BIEXCITON_BINDING_MEV = (30.0, 40.0)
"""Range of biexciton binding energies in thin CdSe NPLs [meV] (review, sec. 4.1.3,
citing Grim et al. 2014, doi:10.1038/nnano.2014.213, and Geiregat et al. 2019,
doi:10.1021/acs.jpclett.9b01607)."""

NPL_EXCITON_BINDING_MEV = (195.0, 315.0)
"""Exciton binding energies of 3–7 ML CdSe NPLs [meV], from one- and two-photon
excitation spectroscopy: Shornikova et al., Nano Lett. 21, 10525 (2021),
doi:10.1021/acs.nanolett.1c04159 (the review's ref. 180)."""

MEASURED_CDSE_NPL_EMISSION = {
    # monolayers (CdSe layers, the review's count): (PL peak [nm], source, note)
    3: (460.0, "christodoulou2018", "blue end of the 460-550 nm series of standard syntheses"),
    5: (554.0, "christodoulou2018", "thinnest platelet of the chloride-grown series"),
    8: (625.0, "christodoulou2018", "thickest platelet of the chloride-grown series"),
}
"""Measured band-edge emission peaks of core-only CdSe NPLs at room temperature.

Christodoulou et al., Nano Lett. 18, 6248 (2018), doi:10.1021/acs.nanolett.8b02361
(the review's ref. 178), who label thicknesses in half monolayers (3.5, 5.5,
8.5 ML: n CdSe layers plus the extra Cd plane); the keys here count whole
CdSe layers, as the review does. Only the values stated in that work's summary
are tabulated; the review itself quotes a band-edge shift of "nearly 1 eV"
between 7 and 4 ML (sec. 4.1.1, Fig. 20b)."""

REVIEW_SHIFT_7_TO_4_ML_EV = 1.0
"""Band-edge shift between 7- and 4-ML CdSe NPLs quoted by the review [eV].

"Nearly 1 eV", sec. 4.1.1."""


def platelet_thickness_nm(monolayers, monolayer_nm=CDSE_MONOLAYER_NM):
    """Platelet thickness d = N_ML × (monolayer thickness) [nm].

    Parameters
    ----------
    monolayers : float or array_like
        Number of monolayers, > 0 (half-integers allowed, e.g. 4.5 for four
        CdSe layers plus the extra Cd plane).
    monolayer_nm : float, optional
        Thickness of one monolayer [nm], > 0; default CdSe, a/2 = 0.304 nm.
    """
    n = v.positive("monolayers", monolayers)
    return n * v.positive("monolayer_nm", monolayer_nm)


def infinite_well_level_ev(n, thickness_nm, mass):
    r"""Level n of a particle in an infinitely deep well.

    Equation :math:numref:`rel-4.1-well` of the book (review section 4.1.1).

    Parameters
    ----------
    n : int
        Level index, >= 1.
    thickness_nm : float or array_like
        Well width d [nm], > 0.
    mass : float
        Effective mass [m_0], > 0.

    Returns
    -------
    float or ndarray
        Energy above the band edge [eV].

    Notes
    -----
    .. math:: E_n = \frac{\hbar^2 \pi^2 n^2}{2 m m_0 d^2}

    Review section 4.1.1.

    Examples
    --------
    Review section 4.1.1 quotes a band-edge shift of "nearly 1 eV" between 7- and 4-ML
    CdSe platelets; the electron and hole levels of this model give the book's 1.70 eV
    (``tests/review/test_sec4.py``), which the page compares with that statement:

    >>> d4, d7 = platelet_thickness_nm(4), platelet_thickness_nm(7)
    >>> shift = sum(infinite_well_level_ev(1, d4, m) - infinite_well_level_ev(1, d7, m)
    ...             for m in (0.13, 0.45))   # CdSe m_e and m_h [m_0]
    >>> round(float(shift), 2)
    1.7
    """
    n = v.integer("n", n, minimum=1)
    d = v.positive("thickness_nm", thickness_nm)
    m = v.positive("mass", mass)
    return HBAR2_OVER_2M0_EV_NM2 * (n * np.pi / d) ** 2 / m


def _finite_level(n, d, m_w, m_b, v0):
    theta_max = d / 2 * np.sqrt(m_w * v0 / HBAR2_OVER_2M0_EV_NM2)
    lower = (n - 1) * np.pi / 2
    if theta_max <= lower:
        return None
    upper = min(n * np.pi / 2, theta_max)

    def energy(theta):
        return HBAR2_OVER_2M0_EV_NM2 * (2 * theta / d) ** 2 / m_w

    def kappa_half_d(theta):
        return d / 2 * np.sqrt(max(v0 - energy(theta), 0.0) * m_b / HBAR2_OVER_2M0_EV_NM2)

    if n % 2:  # even-parity state: (k/m_w) tan(kd/2) = kappa/m_b, times cos
        def match(theta):
            return theta / m_w * np.sin(theta) - kappa_half_d(theta) / m_b * np.cos(theta)
    else:      # odd-parity state: -(k/m_w) cot(kd/2) = kappa/m_b, times sin
        def match(theta):
            return theta / m_w * np.cos(theta) + kappa_half_d(theta) / m_b * np.sin(theta)
    # The matching function changes sign between the ends of the bracket (see the
    # module docstring); stay a hair inside so that no endpoint is an exact root.
    span = upper - lower
    theta = brentq(match, lower + 1e-12 * span, upper - 1e-12 * span, xtol=1e-15, rtol=1e-14)
    return energy(theta)


MAX_FINITE_LEVELS = 1000
"""Most bound levels :func:`finite_well_levels_ev` finds (each is one root search)."""

MAX_WELL_NM = 200.0
"""The thickest finite well solved, in nm; beyond it the root brackets lose their precision
(and a platelet is a few nm thick)."""


def finite_well_levels_ev(thickness_nm, mass, barrier_ev, barrier_mass=None):
    r"""Every bound level of a finite square well [eV above the well bottom].

    Parameters
    ----------
    thickness_nm : float
        Well width d [nm], > 0.
    mass : float
        Effective mass inside the well [m_0], > 0.
    barrier_ev : float
        Barrier height V_0 [eV], > 0.
    barrier_mass : float, optional
        Effective mass in the barrier [m_0], > 0; defaults to ``mass``.

    Returns
    -------
    ndarray
        The bound levels in increasing order; a 1D well always binds at
        least one.

    Notes
    -----
    With :math:`k = \sqrt{2 m m_0 E}/\hbar` inside and
    :math:`\kappa = \sqrt{2 m_b m_0 (V_0 - E)}/\hbar` outside, the even
    states obey :math:`(k/m)\tan(kd/2) = \kappa/m_b` and the odd states
    :math:`-(k/m)\cot(kd/2) = \kappa/m_b`. Level n has :math:`kd` between
    :math:`(n-1)\pi` and :math:`n\pi`, which brackets each root for
    ``scipy.optimize.brentq``. As :math:`V_0\to\infty` the levels tend to
    those of :func:`infinite_well_level_ev`.
    """
    d = v.in_range("thickness_nm", v.scalar("thickness_nm", thickness_nm), 0.0, MAX_WELL_NM,
                   closed=False)
    m_w = v.positive("mass", v.scalar("mass", mass))
    v0 = v.positive("barrier_ev", v.scalar("barrier_ev", barrier_ev))
    m_b = m_w if barrier_mass is None else v.positive("barrier_mass",
                                                      v.scalar("barrier_mass", barrier_mass))
    # Level n has kd in ((n-1)pi, n pi) below V_0: the count is known before any root is found.
    count = int(d * np.sqrt(m_w * v0 / HBAR2_OVER_2M0_EV_NM2) / np.pi) + 1
    if count > MAX_FINITE_LEVELS:
        raise ValueError(
            f"thickness_nm, mass and barrier_ev must give a well of at most {MAX_FINITE_LEVELS} "
            f"bound levels (allowed range: d sqrt(m V_0) <= "
            f"{MAX_FINITE_LEVELS * np.pi * np.sqrt(HBAR2_OVER_2M0_EV_NM2):.0f} nm eV^1/2), got "
            f"about {count} levels from thickness_nm={d!r}, mass={m_w!r}, barrier_ev={v0!r}")
    levels, n = [], 1
    while True:
        level = _finite_level(n, d, m_w, m_b, v0)
        if level is None:
            return np.array(levels)
        levels.append(level)
        n += 1


def finite_well_ground_ev(thickness_nm, mass, barrier_ev, barrier_mass=None):
    """Ground level of a finite well [eV]; vectorised over ``thickness_nm``.

    See :func:`finite_well_levels_ev` for the parameters and the equation solved.
    """
    d = v.in_range("thickness_nm", thickness_nm, 0.0, MAX_WELL_NM, closed=False)
    m_w = v.positive("mass", v.scalar("mass", mass))
    v0 = v.positive("barrier_ev", v.scalar("barrier_ev", barrier_ev))
    m_b = m_w if barrier_mass is None else v.positive("barrier_mass",
                                                      v.scalar("barrier_mass", barrier_mass))
    out = np.array([_finite_level(1, float(x), m_w, m_b, v0) for x in np.ravel(d)])
    return out.reshape(np.shape(d))[()]


def platelet_gap_ev(monolayers, bulk_gap_ev, electron_mass, hole_mass, barrier_ev=None,
                    exciton_binding_mev=0.0):
    """Band-edge transition energy of a platelet: E_g,0 + E_e1 + E_h1 − E_b [eV].

    Parameters
    ----------
    monolayers : float or array_like
        Thickness in monolayers of CdSe (:func:`platelet_thickness_nm`), > 0.
    bulk_gap_ev : float
        Bulk band gap [eV], > 0.
    electron_mass, hole_mass : float
        Effective masses [m_0], > 0 (the hole mass along the confinement
        axis: the heavy-hole mass for the lowest transition).
    barrier_ev : float, optional
        Height of the confining barrier for both carriers [eV], > 0; ``None``
        (default) uses the infinitely deep well.
    exciton_binding_mev : float, optional
        Exciton binding energy to subtract [meV], >= 0 (default 0: free
        carriers, as in the review's rel-4.1-well).
    """
    d = platelet_thickness_nm(monolayers)
    eg0 = v.positive("bulk_gap_ev", bulk_gap_ev)
    me = v.positive("electron_mass", electron_mass)
    mh = v.positive("hole_mass", hole_mass)
    binding = convert(v.nonnegative("exciton_binding_mev", exciton_binding_mev), "meV", "eV")
    if barrier_ev is None:
        conf = infinite_well_level_ev(1, d, me) + infinite_well_level_ev(1, d, mh)
    else:
        conf = (finite_well_ground_ev(d, me, barrier_ev) + finite_well_ground_ev(d, mh, barrier_ev))
    return eg0 + conf - binding


wavelength_to_ev = photon_energy_ev
"""Photon energy hc/λ [eV] of a wavelength [nm]: :func:`qdbook.units.photon_energy_ev`.

Kept under this name because the chapter-4 pages and tests call ``wells.wavelength_to_ev``."""


def dos_2d_per_area(energy_ev, thickness_nm, mass):
    r"""Step-like density of states of a quantum well per unit area [eV⁻¹ nm⁻²].

    Every subband n whose edge :math:`E_n` (infinite well) lies below
    ``energy_ev`` contributes the constant :math:`m m_0/(\pi\hbar^2)`
    (both spins). Energy measured from the bulk band edge, >= 0.
    """
    e = v.nonnegative("energy_ev", energy_ev)
    d = v.positive("thickness_nm", thickness_nm)
    m = v.positive("mass", mass)
    per_subband = m / (np.pi * 2 * HBAR2_OVER_2M0_EV_NM2)  # m m0/(pi hbar^2) in eV^-1 nm^-2
    n_sub = np.floor(d * np.sqrt(m * np.asarray(e) / HBAR2_OVER_2M0_EV_NM2) / np.pi)
    return (per_subband * n_sub)[()]


def dos_2d_per_volume(energy_ev, thickness_nm, mass):
    r"""Well density of states per unit volume, :func:`dos_2d_per_area`/d [eV⁻¹ nm⁻³].

    Equation :math:numref:`rel-4.1-dos` of the book (review section 4.1.1).

    Notes
    -----
    .. math:: g_{2D}(E) = \frac{m m_0}{\pi\hbar^2 d}\,
       \left\lfloor \frac{d\sqrt{2 m m_0 E}}{\pi\hbar} \right\rfloor

    At every subband edge the staircase touches the bulk curve
    :func:`dos_3d`. Review section 4.1.1, Fig. 20a.

    Examples
    --------
    The review quotes no number for it; the book's page (Fig. "fig-npl-dos") puts the
    first step of a 4-ML CdSe well (m_e = 0.13) 1.96 eV above the bulk band edge, where
    the staircase touches the bulk curve:

    >>> d4 = platelet_thickness_nm(4)
    >>> e1 = infinite_well_level_ev(1, d4, 0.13)
    >>> round(float(e1), 2)
    1.96
    >>> round(float(dos_2d_per_volume(e1 * (1 + 1e-9), d4, 0.13) / dos_3d(e1, 0.13)), 6)
    1.0
    """
    return dos_2d_per_area(energy_ev, thickness_nm, mass) / v.positive("thickness_nm",
                                                                        thickness_nm)


def dos_3d(energy_ev, mass):
    r"""Bulk density of states with both spins [eV⁻¹ nm⁻³].

    .. math:: g_{3D}(E) = \frac{1}{2\pi^2}\left(\frac{2 m m_0}{\hbar^2}\right)^{3/2}\sqrt{E}
    """
    e = v.nonnegative("energy_ev", energy_ev)
    m = v.positive("mass", mass)
    return (1 / (2 * np.pi**2) * (m / HBAR2_OVER_2M0_EV_NM2) ** 1.5 * np.sqrt(e))[()]


def npl_auger_lifetime_ps(volume_nm3, chi_ps_nm3=CHI_NPL_PS_NM3,
                          saturation_volume_nm3=NPL_SATURATION_VOLUME_NM3):
    r"""Biexciton Auger lifetime of a platelet: linear in V, then a plateau.

    Equation :math:numref:`rel-4.1-auger` of the book (review section 4.1.2): the
    volume law :func:`qdbook.auger.auger_lifetime_ps` with χ_NPL, applied to min(V, V_sat).

    Parameters
    ----------
    volume_nm3 : float or array_like
        Platelet volume V = A d [nm³], > 0.
    chi_ps_nm3 : float, optional
        Slope χ_NPL of the linear regime [ps nm⁻³], > 0 (default 2.7).
    saturation_volume_nm3 : float, optional
        Volume where the plateau begins [nm³], > 0 (default 100).

    Notes
    -----
    .. math:: \tau_{A,XX} = \chi_{NPL}\,\min(V, V_{sat})

    The review describes the plateau only qualitatively (sec. 4.1.2); joining
    the two regimes at V_sat is this book's simplest continuous reading, which
    puts the plateau at χ_NPL V_sat = 270 ps.

    Examples
    --------
    Review section 4.1.2: core-only platelets of ~200 nm³ have τ_A,XX ≈ 200–400 ps;
    the model's plateau is 270 ps (``tests/review/test_sec4.py``):

    >>> round(float(npl_auger_lifetime_ps(200.0)), 1)
    270.0
    """
    vol = v.positive("volume_nm3", volume_nm3)
    chi = v.positive("chi_ps_nm3", chi_ps_nm3)
    v_sat = v.positive("saturation_volume_nm3", saturation_volume_nm3)
    return auger_lifetime_ps(np.minimum(vol, v_sat)[()], chi)


def npl_to_dot_chi_ratio(chi_npl_ps_nm3=CHI_NPL_PS_NM3, chi_dot_ps_nm3=CHI_STANDARD_PS_NM3):
    """How many times longer a small NPL's biexciton lives than a dot's of equal volume."""
    return v.positive("chi_npl_ps_nm3", chi_npl_ps_nm3) / v.positive("chi_dot_ps_nm3",
                                                                      chi_dot_ps_nm3)


def max_excitons_per_platelet(area_nm2, exciton_radius_nm):
    r"""Largest number of 2D excitons that fit side by side, A/(π a_2D²).

    Equation :math:numref:`rel-4.1-space-filling` of the book (review section 4.1.3).

    Parameters
    ----------
    area_nm2 : float or array_like
        Lateral area A of the platelet [nm²], > 0.
    exciton_radius_nm : float or array_like
        2D exciton radius a_2D [nm], > 0.

    Examples
    --------
    Review section 4.1.3: the plasma gain band of 4-ML platelets of A ≈ 340 nm² appears
    at ⟨N⟩ ≈ 35, which the book reads as a_2D ≈ 1.76 nm (``tests/review/test_sec4.py``):

    >>> round(float(max_excitons_per_platelet(340.0, 1.76)), 1)
    34.9
    """
    area = v.positive("area_nm2", area_nm2)
    a = v.positive("exciton_radius_nm", exciton_radius_nm)
    return area / (np.pi * a**2)


def mott_density_cm2(exciton_radius_nm):
    """Sheet density of the Mott transition, ρ_2D,Mott ≈ 1/(π a_2D²) [cm⁻²].

    ``exciton_radius_nm`` is a_2D [nm], > 0 (rel-4.1-space-filling).
    """
    a_cm = convert(v.positive("exciton_radius_nm", exciton_radius_nm), "nm", "cm")
    return 1 / (np.pi * a_cm**2)


GAIN_REGIMES = ("state filling", "space filling", "e-h plasma")
"""The three optical-gain regimes of CdSe NPLs (review sec. 4.1.3, Fig. 22)."""


def gain_regime(mean_n, area_nm2, exciton_radius_nm):
    """Which gain regime a platelet is in at an average occupancy ⟨N⟩.

    Parameters
    ----------
    mean_n : float
        Average number of excitons per platelet, >= 0.
    area_nm2 : float
        Lateral area [nm²], > 0.
    exciton_radius_nm : float
        2D exciton radius [nm], > 0.

    Returns
    -------
    str
        ``"state filling"`` when the platelet cannot hold two excitons side
        by side (A/(π a_2D²) < 2: it behaves like a 0D dot), otherwise
        ``"space filling"`` while ⟨N⟩ stays below A/(π a_2D²) (the sheet
        density below the Mott density) and ``"e-h plasma"`` above it.
    """
    n = v.nonnegative("mean_n", v.scalar("mean_n", mean_n))
    n_max = max_excitons_per_platelet(area_nm2, exciton_radius_nm)
    if n_max < 2:
        return GAIN_REGIMES[0]
    return GAIN_REGIMES[1] if n < n_max else GAIN_REGIMES[2]


def thermal_energy_mev(temperature_k):
    """k_B T in meV at ``temperature_k`` [K] (> 0), from scipy.constants."""
    t = v.positive("temperature_k", temperature_k)
    return convert(sc.k * t, "J", "meV")


def binding_to_thermal_ratio(binding_mev, temperature_k):
    r"""Ratio Δ_XX/(k_B T) of a binding energy to the thermal energy.

    Equation :math:numref:`rel-4.1-biexciton` of the book (review section 4.1.3).

    Parameters
    ----------
    binding_mev : float or array_like
        Binding energy [meV], > 0.
    temperature_k : float or array_like
        Temperature [K], > 0.

    Notes
    -----
    A ratio above 1 means that a thermal collision is, on average, too weak
    to break the complex apart: biexcitons bound by 30–40 meV survive at room
    temperature, where :math:`k_BT \approx 26` meV (review sec. 4.1.3).

    Examples
    --------
    Review section 4.1.3: biexciton binding energies of 30–40 meV exceed k_BT ≈ 25 meV
    at room temperature, by factors of 1.16 and 1.55 at 300 K:

    >>> [round(float(binding_to_thermal_ratio(b, 300.0)), 2) for b in (30.0, 40.0)]
    [1.16, 1.55]
    """
    b = v.positive("binding_mev", binding_mev)
    return b / thermal_energy_mev(temperature_k)


# -- relations of the review that this module computes (see qdbook._relation) -------------
_SEC4 = "chapters/04-novel-materials"


def _per_joule_per_m3(per_ev_per_nm3):
    """A density of states in eV⁻¹ nm⁻³ expressed in J⁻¹ m⁻³."""
    return per_ev_per_nm3 / convert(1.0, "eV", "J") / convert(1.0, "nm3", "m3")


def _well_form(sp, s):
    return s.hbar**2 * sp.pi**2 * s.n**2 / (2 * s.m * s.m_0 * s.d**2)


def _dos_form(sp, s):
    per_subband = s.m * s.m_0 / (sp.pi * s.hbar**2)
    return per_subband / s.d * sp.floor(s.d * sp.sqrt(2 * s.m * s.m_0 * s.E) / (sp.pi * s.hbar))


RELATIONS = [
    Relation(
        id="rel-4.1-well", title="Levels of an infinitely deep quantum well",
        page=f"{_SEC4}/nanoplatelets",
        form=_well_form,
        units={"n": "1", "m": "1", "d": "m", "result": "J"},
        evaluate=lambda n, m, d: convert(
            infinite_well_level_ev(n=n, thickness_nm=convert(d, "m", "nm"), mass=m), "eV", "J"),
        sample={"n": integers(1, 4), "m": uniform(0.05, 1.0), "d": uniform(0.5e-9, 5e-9)},
    ),
    Relation(
        id="rel-4.1-dos", title="Step-like density of states of a quantum well (per volume)",
        page=f"{_SEC4}/nanoplatelets",
        form=_dos_form,
        units={"E": "J", "d": "m", "m": "1", "result": "1/(J m3)"},
        evaluate=lambda E, d, m: _per_joule_per_m3(dos_2d_per_volume(
            energy_ev=convert(E, "J", "eV"), thickness_nm=convert(d, "m", "nm"), mass=m)),
        sample={"E": uniform(convert(0.01, "eV", "J"), convert(3.0, "eV", "J")),
                "d": uniform(0.6e-9, 5e-9), "m": uniform(0.05, 1.0)},
    ),
    Relation(
        id="rel-4.1-auger",
        title="Biexciton Auger lifetime of nanoplatelets: linear, then a plateau",
        page=f"{_SEC4}/nanoplatelet-gain",
        form=lambda sp, s: s.chi_NPL * sp.Min(s.V, s.V_sat),
        units={"chi_NPL": "ps/nm3", "V": "nm3", "V_sat": "nm3", "result": "ps"},
        evaluate=lambda chi_NPL, V, V_sat: npl_auger_lifetime_ps(
            volume_nm3=V, chi_ps_nm3=chi_NPL, saturation_volume_nm3=V_sat),
        sample={"chi_NPL": uniform(0.5, 5.0), "V": loguniform(5.0, 2000.0),
                "V_sat": loguniform(20.0, 500.0)},
    ),
    Relation(
        id="rel-4.1-space-filling", title="Largest number of 2D excitons per platelet",
        page=f"{_SEC4}/nanoplatelet-gain",
        form=lambda sp, s: s.A / (sp.pi * s.a_2D**2),
        units={"A": "nm2", "a_2D": "nm", "result": "1"},
        evaluate=lambda A, a_2D: max_excitons_per_platelet(area_nm2=A, exciton_radius_nm=a_2D),
        sample={"A": loguniform(10.0, 5000.0), "a_2D": uniform(0.5, 5.0)},
    ),
    Relation(
        id="rel-4.1-biexciton", title="Biexciton binding energy in units of the thermal energy",
        page=f"{_SEC4}/nanoplatelet-gain",
        form=lambda sp, s: s.Delta / (s.k_B * s.T),
        units={"Delta": "J", "T": "K", "result": "1"},
        evaluate=lambda Delta, T: binding_to_thermal_ratio(
            binding_mev=convert(Delta, "J", "meV"), temperature_k=T),
        sample={"Delta": uniform(convert(1.0, "meV", "J"), convert(100.0, "meV", "J")),
                "T": uniform(4.0, 500.0)},
    ),
]
