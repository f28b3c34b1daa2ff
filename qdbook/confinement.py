r"""Quantum confinement in spherical nanocrystals (review section 2.1).

Conventions
-----------
Radii in nm, energies in eV, effective masses in units of the free-electron
mass :math:`m_0`. The confining potential is a sphere with infinitely high
walls (equations :math:numref:`eq-1` and :math:numref:`eq-2` of the book);
the optional Coulomb term is Brus's first-order correction
:math:`-1.786\,e^2/(4\pi\varepsilon_0\varepsilon_r R)`.

Physical constants come from ``qdbook.units`` (ħ²/2m₀ as
``HBAR2_OVER_2M0_EV_NM2``, also importable from this module) and
``scipy.constants``; roots of the spherical Bessel functions are computed
with ``scipy.optimize.brentq`` on ``scipy.special.spherical_jn``, not typed in.
"""

from __future__ import annotations

import numpy as np
from scipy import constants as sc
from scipy.optimize import brentq
from scipy.special import sici, spherical_jn

from . import _validate as v
from ._relation import Relation, choice, uniform
from .materials import Material, get_material
from .units import HBAR2_OVER_2M0_EV_NM2, convert

COULOMB_EV_NM = sc.e / (4 * np.pi * sc.epsilon_0) / sc.nano
"""e²/(4π ε_0) expressed in eV nm (≈ 1.44), from scipy.constants."""

BRUS_COULOMB_FACTOR = 2.0 - sici(2 * np.pi)[0] / np.pi + sici(4 * np.pi)[0] / (2 * np.pi)
"""Prefactor A = 2 − Si(2π)/π + Si(4π)/(2π) ≈ 1.786 of the electron-hole Coulomb energy.

The first-order Coulomb energy of an electron and a hole in the 1S envelope of
a sphere is −A e²/(4π ε_0 ε_r R); the integral is done in closed form on the
electronic-states page. Brus, J. Chem. Phys. 80, 4403 (1984),
doi:10.1063/1.447218, quotes 1.786; Si is scipy.special.sici.
"""

ORBITAL_LETTERS = "SPDFGHIK"


@v.cache
def bessel_root(n: int, L: int) -> float:
    """Return φ_{n,L}, the n-th positive zero of the spherical Bessel function j_L.

    Parameters
    ----------
    n : int
        Root index [dimensionless], n >= 1 (the "n" of the state label nL).
    L : int
        Order of the spherical Bessel function, L >= 0 (orbital momentum).

    Returns
    -------
    float
        The root φ_{n,L} [dimensionless]; φ_{1,0} = π.

    Notes
    -----
    Used by equation :math:numref:`eq-1` of the book (review section 2.1).
    The zeros of j_L are bracketed by a scan of sign changes on a grid finer
    than their spacing (> 2.5 for every order), then refined by Brent's
    method.

    Examples
    --------
    Review section 2.1: φ_1P = 4.49 (and φ_1S = π, φ_1D = 5.76, φ_1F = 6.99).

    >>> round(bessel_root(1, 1), 2)
    4.49
    """
    n = v.integer("n", n, minimum=1, maximum=100)
    L = v.integer("L", L, minimum=0, maximum=100)
    # The n-th zero of j_L lies below (n + L/2 + 1) π (McMahon's asymptotics).
    x = np.linspace(1e-6, (n + L / 2 + 1.5) * np.pi, 64 * (n + L + 2))
    y = spherical_jn(L, x)
    crossings = np.nonzero(np.sign(y[:-1]) * np.sign(y[1:]) < 0)[0]
    i = crossings[n - 1]
    return float(brentq(lambda t: spherical_jn(L, t), x[i], x[i + 1], xtol=1e-14))


def state_label(n: int, L: int) -> str:
    """Spectroscopic label of a spherical state, e.g. ``(1, 1) -> '1P'``."""
    n = v.integer("n", n, minimum=1)
    L = v.integer("L", L, minimum=0)
    if L >= len(ORBITAL_LETTERS):
        raise ValueError(f"L must be < {len(ORBITAL_LETTERS)} to have a letter, got {L}")
    return f"{n}{ORBITAL_LETTERS[L]}"


def orbital_degeneracy(L: int, spin: bool = True) -> int:
    """Degeneracy of an nL level: 2L + 1 projections M, times 2 with spin."""
    L = v.integer("L", L, minimum=0)
    return (2 * L + 1) * (2 if v.flag("spin", spin) else 1)


def angular_momentum_degeneracy(F: float) -> int:
    """Degeneracy 2F + 1 of a level with total angular momentum F.

    The book's :ref:`relation rel-2.1-hole-degeneracy <rel-2.1-hole-degeneracy>`
    (review section 2.1).

    Parameters
    ----------
    F : float
        Total angular momentum [dimensionless, in units of ħ], a non-negative
        integer or half-integer.

    Notes
    -----
    The band-edge hole 1S_{3/2} of II-VI and III-V nanocrystals has F = 3/2 and
    is therefore 4-fold degenerate.

    Examples
    --------
    Review section 2.1: the 1S_3/2 hole is 4-fold degenerate.

    >>> angular_momentum_degeneracy(1.5)
    4
    """
    F = v.nonnegative("F", v.scalar("F", F))
    if not float(2 * F).is_integer():
        raise ValueError(f"F must be a non-negative integer or half-integer, got {F!r}")
    return int(round(2 * F + 1))


def level_ladder(n_max: int = 2, L_max: int = 3) -> list[dict]:
    """All spherical levels with n <= n_max and L <= L_max, lowest first.

    Returns
    -------
    list of dict
        Each with ``label``, ``n``, ``L``, ``phi`` (Bessel root) and
        ``degeneracy`` (with spin), sorted by φ, i.e. by energy
        (equation :math:numref:`eq-1`).
    """
    n_max = v.integer("n_max", n_max, minimum=1, maximum=20)
    L_max = v.integer("L_max", L_max, minimum=0, maximum=20)
    levels = [
        {"label": state_label(n, L), "n": n, "L": L, "phi": bessel_root(n, L),
         "degeneracy": orbital_degeneracy(L)}
        for n in range(1, n_max + 1) for L in range(L_max + 1)
    ]
    return sorted(levels, key=lambda d: d["phi"])


def level_energy_ev(n: int, L: int, radius_nm, mass):
    r"""Confinement energy of the nL level of a carrier in a sphere.

    Equation :math:numref:`eq-1` of the book (review section 2.1).

    Parameters
    ----------
    n, L : int
        Quantum numbers of the level (n >= 1, L >= 0).
    radius_nm : float or array_like
        Nanocrystal radius R [nm], > 0.
    mass : float
        Effective mass of the carrier [m_0], > 0.

    Returns
    -------
    float or ndarray
        E_{n,L} [eV], measured from the bulk band edge.

    Notes
    -----
    .. math:: E_{n,L} = \frac{\hbar^2 \phi_{n,L}^2}{2 m R^2}

    Review eq 1, section 2.1 (doi:10.1021/acs.chemrev.2c00865).

    Examples
    --------
    No number of the review: the book's electronic-states page quotes an
    electron 1S-1P spacing of 484 meV in a CdSe dot (m_e = 0.13) of radius
    2.5 nm, "several hundred meV":

    >>> round(1000 * float(level_energy_ev(1, 1, 2.5, 0.13) - level_energy_ev(1, 0, 2.5, 0.13)))
    484
    """
    radius = v.positive("radius_nm", radius_nm)
    mass = v.positive("mass", mass)
    return HBAR2_OVER_2M0_EV_NM2 * bessel_root(n, L) ** 2 / (mass * np.square(radius))


def confinement_energy_ev(material: str | Material, radius_nm):
    """Confinement contribution ΔE_conf = ħ²π²/(2 m_eh R²) to the gap [eV].

    The size-dependent term of equation :math:numref:`eq-2` of the book
    (review section 2.1); the parameters are those of :func:`band_gap_ev`.

    Examples
    --------
    Review section 2.1: ΔE_conf of "hundreds of meV" in small dots; CdSe at
    R = 2 nm gives 0.93 eV in the infinite-wall model.

    >>> round(float(confinement_energy_ev("CdSe", 2.0)), 3)
    0.932
    """
    mat = get_material(material)
    radius = v.positive("radius_nm", radius_nm)
    return HBAR2_OVER_2M0_EV_NM2 * np.pi**2 / (mat.m_eh * np.square(radius))


def coulomb_energy_ev(material: str | Material, radius_nm):
    """Brus's first-order electron-hole Coulomb energy −1.786 e²/(4π ε_0 ε_r R) [eV].

    Equation :math:numref:`book-2.1-coulomb` of the book (beyond the review's
    eq. 2, section 2.1): both carriers in the 1S envelope, the attraction
    treated to first order; the prefactor is :data:`BRUS_COULOMB_FACTOR`.

    Parameters and their ranges are those of :func:`band_gap_ev` (the
    material's ε_r is used); the result, in eV, is negative.

    Examples
    --------
    A CdSe dot of radius 2 nm: the attraction lowers the gap by about 0.14 eV,
    against 0.93 eV of confinement (the review's "hundreds of meV", sec. 2.1).

    >>> round(float(coulomb_energy_ev("CdSe", 2.0)), 3)
    -0.135
    """
    mat = get_material(material)
    radius = v.positive("radius_nm", radius_nm)
    return -BRUS_COULOMB_FACTOR * COULOMB_EV_NM / (mat.eps_r * radius)


def band_gap_ev(material: str | Material, radius_nm, coulomb: bool = False):
    r"""Size-dependent band gap of a spherical nanocrystal.

    Equation :math:numref:`eq-2` of the book (review section 2.1).

    Parameters
    ----------
    material : str or Material
        One of :data:`qdbook.materials.MATERIALS`.
    radius_nm : float or array_like
        Radius R [nm], > 0.
    coulomb : bool, optional
        Add Brus's electron-hole Coulomb term (beyond the review's eq 2).

    Returns
    -------
    float or ndarray
        E_g [eV].

    Notes
    -----
    .. math:: E_g = E_{g,0} + \frac{\hbar^2\pi^2}{2 m_{eh} R^2},\qquad
              m_{eh} = \frac{m_e m_h}{m_e + m_h}

    Review eq 2, section 2.1.

    Examples
    --------
    Review section 2.1: ΔE_conf = 0.93 eV lifts CdSe's bulk gap of 1.74 eV
    to 2.67 eV at R = 2 nm.

    >>> round(float(band_gap_ev("CdSe", 2.0)), 2)
    2.67
    """
    mat = get_material(material)
    gap = mat.eg0_ev + confinement_energy_ev(mat, radius_nm)
    if v.flag("coulomb", coulomb):
        gap = gap + coulomb_energy_ev(mat, radius_nm)
    return gap


def radius_for_gap_nm(material: str | Material, gap_ev: float) -> float:
    """Invert equation :math:numref:`eq-2`: the radius [nm] at which the gap is ``gap_ev`` [eV]."""
    mat = get_material(material)
    gap = v.as_real("gap_ev", gap_ev)
    if np.any(gap <= mat.eg0_ev):
        raise ValueError(
            f"gap_ev must exceed the bulk gap of {mat.name} ({mat.eg0_ev} eV), got {gap_ev!r}")
    return np.sqrt(HBAR2_OVER_2M0_EV_NM2 * np.pi**2 / (mat.m_eh * (gap - mat.eg0_ev)))


# -- relations of the review that this module computes (see qdbook._relation) -------------
_SEC2 = "chapters/02-general-principles"


def _draw_level(rng):
    """R, m and φ_{n,L} drawn together; φ from sympy, independent of :func:`bessel_root`."""
    from sympy.functions.special.bessel import jn_zeros

    n, L = int(rng.integers(1, 4)), int(rng.integers(0, 4))
    return {"R": rng.uniform(0.5e-9, 10e-9), "m": rng.uniform(0.02, 1.0),
            "phi": float(jn_zeros(L, n)[-1]), "_n": n, "_L": L}


RELATIONS = [
    Relation(
        id="eq-1", title="Levels of a carrier in a spherical box",
        page=f"{_SEC2}/electronic-states",
        form=lambda sp, s: s.hbar**2 * s.phi**2 / (2 * s.m * s.m_0 * s.R**2),
        units={"R": "m", "m": "1", "phi": "1", "result": "J"},
        # phi is drawn as phi_{n,L}; the package computes the root itself from (n, L).
        evaluate=lambda R, m, phi, _n, _L: convert(
            level_energy_ev(n=_n, L=_L, radius_nm=convert(R, "m", "nm"), mass=m), "eV", "J"),
        sample=_draw_level,
    ),
    Relation(
        id="eq-2", title="Size-dependent band gap",
        page=f"{_SEC2}/electronic-states",
        form=lambda sp, s: s.E_g0 + s.hbar**2 * sp.pi**2 / (
            2 * (s.m_e * s.m_h / (s.m_e + s.m_h)) * s.m_0 * s.R**2),
        units={"R": "m", "E_g0": "J", "m_e": "1", "m_h": "1", "result": "J"},
        evaluate=lambda R, E_g0, m_e, m_h: convert(band_gap_ev(
            material=Material(name="test", eg0_ev=convert(E_g0, "J", "eV"), me=m_e, mh=m_h,
                              eps_r=10.0, family="test"),
            radius_nm=convert(R, "m", "nm")), "eV", "J"),
        sample={"R": uniform(0.8e-9, 8e-9),
                "E_g0": uniform(convert(0.2, "eV", "J"), convert(3.5, "eV", "J")),
                "m_e": uniform(0.03, 0.3), "m_h": uniform(0.03, 1.0)},
    ),
    Relation(
        id="book-2.1-coulomb", title="Electron-hole Coulomb energy of a sphere (Brus)",
        page=f"{_SEC2}/electronic-states",
        form=lambda sp, s: -(2 - sp.Si(2 * sp.pi) / sp.pi + sp.Si(4 * sp.pi) / (2 * sp.pi))
        * s.e**2 / (4 * sp.pi * s.epsilon_0 * s.eps_r * s.R),
        units={"R": "m", "eps_r": "1", "result": "J"},
        evaluate=lambda R, eps_r: convert(coulomb_energy_ev(
            material=Material(name="test", eg0_ev=1.0, me=0.1, mh=0.1, eps_r=eps_r,
                              family="test"),
            radius_nm=convert(R, "m", "nm")), "eV", "J"),
        sample={"R": uniform(0.8e-9, 8e-9), "eps_r": uniform(3.0, 20.0)},
    ),
    Relation(
        id="rel-2.1-hole-degeneracy", title="Degeneracy 2F + 1 of a hole level",
        page=f"{_SEC2}/electronic-states",
        form=lambda sp, s: 2 * s.F + 1,
        units={"F": "1", "result": "1"},
        evaluate=lambda F: angular_momentum_degeneracy(F=F),
        sample={"F": choice(*(k / 2 for k in range(8)))},
    ),
]
