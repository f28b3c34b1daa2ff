"""Physical constants and unit conversions used by more than one module.

The one place where the package turns scipy's SI constants into the review's
practical units (nm, ps, ns, eV, cm⁻¹). Every other module imports from here,
so a constant or a conversion is defined once.

Unit names used in parameter names across the package: ``_nm``, ``_um``,
``_cm``, ``_ps``, ``_ns``, ``_s``, ``_ev``, ``_j``, ``_cm2``, ``_cm3``,
``_nm3``; :func:`convert` converts between the units of :data:`UNITS`.
"""

from __future__ import annotations

import numpy as np
from scipy import constants as sc

from . import _validate as v

HC_EV_NM = sc.h * sc.c / sc.e / sc.nano
"""Planck's constant times the speed of light, h c, in eV nm (≈ 1239.84), from scipy.constants."""

HBAR2_OVER_2M0_EV_NM2 = sc.hbar**2 / (2 * sc.m_e) / sc.e / sc.nano**2
"""The kinetic-energy scale ħ²/(2 m₀) of a free electron in eV nm² (≈ 0.0381), from scipy."""

C_CM_PER_S = sc.c / sc.centi
"""Speed of light in vacuum in cm s⁻¹, the review's length unit (scipy.constants)."""

UNITS: dict[str, float] = {
    # length
    "m": 1.0, "cm": sc.centi, "mm": sc.milli, "um": sc.micro, "nm": sc.nano,
    # area and volume
    "m2": 1.0, "cm2": sc.centi**2, "nm2": sc.nano**2,
    "m3": 1.0, "cm3": sc.centi**3, "nm3": sc.nano**3,
    # inverse length and inverse volume
    "1/m": 1.0, "1/cm": 1 / sc.centi, "1/cm3": 1 / sc.centi**3,
    # time and rate
    "s": 1.0, "ms": sc.milli, "us": sc.micro, "ns": sc.nano, "ps": sc.pico, "fs": sc.femto,
    "1/s": 1.0,
    # energy
    "J": 1.0, "eV": sc.e, "meV": sc.milli * sc.e,
    # power, intensity, fluence, current density
    "W": 1.0, "mW": sc.milli, "W/cm2": 1 / sc.centi**2, "kW/cm2": sc.kilo / sc.centi**2,
    "J/cm2": 1 / sc.centi**2, "mJ/cm2": sc.milli / sc.centi**2, "uJ/cm2": sc.micro / sc.centi**2,
    "A/cm2": 1 / sc.centi**2,
    # angle
    "rad": 1.0, "deg": np.pi / 180.0,
    # temperature (differences and absolute values in kelvin)
    "K": 1.0,
}
"""Size of each unit in SI (the unit named by the key, expressed in its SI base)."""


def convert(value, from_unit: str, to_unit: str):
    """Convert ``value`` from ``from_unit`` to ``to_unit`` (two keys of :data:`UNITS`).

    ``value`` is a number, an array, or a sympy expression (converted symbolically).

    Examples
    --------
    >>> round(float(convert(2.5, "nm", "m")), 15)
    2.5e-09
    >>> float(convert(65.0, "ps", "ns"))
    0.065
    """
    for name, unit in (("from_unit", from_unit), ("to_unit", to_unit)):
        v.choice(name, unit, sorted(UNITS))
    factor = UNITS[from_unit] / UNITS[to_unit]
    if hasattr(value, "free_symbols"):   # a sympy expression (the browser's generated formulas)
        return value * factor
    v.as_real("value", value, limit=np.finfo(float).max / max(factor, 1.0))  # result stays finite
    return value * factor


def wavelength_nm(photon_energy_ev):
    """Vacuum wavelength λ = hc/E [nm] of a photon of energy ``photon_energy_ev`` [eV] (> 0).

    Examples
    --------
    >>> round(float(wavelength_nm(1.93)), 1)  # the 1S ASE peak of the review's section 6.4
    642.4
    """
    return HC_EV_NM / v.positive("photon_energy_ev", photon_energy_ev)


def photon_energy_ev(wavelength_nm):
    """Photon energy E = hc/λ [eV] at the vacuum wavelength ``wavelength_nm`` [nm] (> 0).

    Examples
    --------
    >>> round(float(photon_energy_ev(400.0)), 3)  # a 400-nm pump photon
    3.1
    """
    return HC_EV_NM / v.positive("wavelength_nm", wavelength_nm)
