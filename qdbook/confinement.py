r"""Quantum confinement in spherical nanocrystals (review section 2.1).

Conventions
-----------
Radii in nm, energies in eV, effective masses in units of the free-electron
mass :math:`m_0`. The confining potential is a sphere with infinitely high
walls (eq-1, eq-2); the optional Coulomb term is Brus's first-order
correction :math:`-1.786\,e^2/(4\pi\varepsilon_0\varepsilon_r R)`.

Physical constants come from ``scipy.constants``; roots of the spherical
Bessel functions are computed with ``scipy.optimize.brentq`` on
``scipy.special.spherical_jn``, not typed in.
"""

from __future__ import annotations

from functools import cache

import numpy as np
from scipy import constants as sc
from scipy.optimize import brentq
from scipy.special import spherical_jn

from . import _validate as v
from .materials import Material, get_material

HBAR2_OVER_2M0_EV_NM2 = sc.hbar**2 / (2 * sc.m_e) / sc.e * 1e18
"""ħ²/(2 m_0) expressed in eV nm² (≈ 0.0381), from scipy.constants."""

COULOMB_EV_NM = sc.e / (4 * np.pi * sc.epsilon_0) * 1e9
"""e²/(4π ε_0) expressed in eV nm (≈ 1.44), from scipy.constants."""

BRUS_COULOMB_FACTOR = 1.786
"""Prefactor of the first-order electron-hole Coulomb energy in a sphere.

Brus, J. Chem. Phys. 80, 4403 (1984), doi:10.1063/1.447218.
"""

ORBITAL_LETTERS = "SPDFGHIK"


@cache
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
    Used by eq-1 (review section 2.1). The zeros of j_L are bracketed by a
    scan of sign changes on a grid finer than their spacing (> 2.5 for
    every order), then refined by Brent's method.
    """
    n = v.integer("n", n, minimum=1)
    L = v.integer("L", L, minimum=0)
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
    return (2 * L + 1) * (2 if spin else 1)


def angular_momentum_degeneracy(F: float) -> int:
    """Degeneracy 2F + 1 of a level with total angular momentum F.

    Parameters
    ----------
    F : float
        Total angular momentum [dimensionless, in units of ħ], a non-negative
        integer or half-integer.

    Notes
    -----
    The band-edge hole 1S_{3/2} of II-VI and III-V nanocrystals has F = 3/2 and
    is therefore 4-fold degenerate (rel-2.1-hole-degeneracy, review section 2.1).
    """
    F = v.nonnegative("F", F)
    if not float(2 * F).is_integer():
        raise ValueError(f"F must be a non-negative integer or half-integer, got {F!r}")
    return int(round(2 * F + 1))


def level_ladder(n_max: int = 2, L_max: int = 3) -> list[dict]:
    """All spherical levels with n <= n_max and L <= L_max, lowest first.

    Returns
    -------
    list of dict
        Each with ``label``, ``n``, ``L``, ``phi`` (Bessel root) and
        ``degeneracy`` (with spin), sorted by φ, i.e. by energy (eq-1).
    """
    n_max = v.integer("n_max", n_max, minimum=1)
    L_max = v.integer("L_max", L_max, minimum=0)
    levels = [
        {"label": state_label(n, L), "n": n, "L": L, "phi": bessel_root(n, L),
         "degeneracy": orbital_degeneracy(L)}
        for n in range(1, n_max + 1) for L in range(L_max + 1)
    ]
    return sorted(levels, key=lambda d: d["phi"])


def level_energy_ev(n: int, L: int, radius_nm, mass):
    r"""Confinement energy of the nL level of a carrier in a sphere (eq-1).

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
    """
    radius = v.positive("radius_nm", radius_nm)
    mass = v.positive("mass", mass)
    return HBAR2_OVER_2M0_EV_NM2 * bessel_root(n, L) ** 2 / (mass * np.square(radius))


def confinement_energy_ev(material: str | Material, radius_nm):
    """Confinement contribution ΔE_conf = ħ²π²/(2 m_eh R²) to the gap [eV] (eq-2).

    Parameters
    ----------
    material : str or Material
        One of :data:`qdbook.materials.MATERIALS`.
    radius_nm : float or array_like
        Radius R [nm], > 0.
    """
    mat = get_material(material)
    radius = v.positive("radius_nm", radius_nm)
    return HBAR2_OVER_2M0_EV_NM2 * np.pi**2 / (mat.m_eh * np.square(radius))


def coulomb_energy_ev(material: str | Material, radius_nm):
    """Brus's first-order electron-hole Coulomb energy −1.786 e²/(4π ε_0 ε_r R) [eV]."""
    mat = get_material(material)
    radius = v.positive("radius_nm", radius_nm)
    return -BRUS_COULOMB_FACTOR * COULOMB_EV_NM / (mat.eps_r * radius)


def band_gap_ev(material: str | Material, radius_nm, coulomb: bool = False):
    r"""Size-dependent band gap of a spherical nanocrystal (eq-2).

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
    """
    mat = get_material(material)
    gap = mat.eg0_ev + confinement_energy_ev(mat, radius_nm)
    if coulomb:
        gap = gap + coulomb_energy_ev(mat, radius_nm)
    return gap


def radius_for_gap_nm(material: str | Material, gap_ev: float) -> float:
    """Invert eq-2: the radius [nm] at which the gap equals ``gap_ev`` [eV]."""
    mat = get_material(material)
    gap = v.as_real("gap_ev", gap_ev)
    if np.any(gap <= mat.eg0_ev):
        raise ValueError(
            f"gap_ev must exceed the bulk gap of {mat.name} ({mat.eg0_ev} eV), got {gap_ev!r}")
    return np.sqrt(HBAR2_OVER_2M0_EV_NM2 * np.pi**2 / (mat.m_eh * (gap - mat.eg0_ev)))
