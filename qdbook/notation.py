"""The book's notation: symbol, meaning, unit and the ``qdbook`` parameter name.

:data:`NOTATION` is the single source of the notation appendix; a test checks
that every parameter named here exists in a public ``qdbook`` function and
that the unit agrees with the parameter's name or docstring.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Symbol(NamedTuple):
    """One row of the notation table."""

    symbol: str       #: the symbol as typeset in the book (TeX, without dollars)
    meaning: str      #: what it stands for
    unit: str         #: the unit used in the package ("1" for dimensionless)
    parameter: str    #: the qdbook parameter that carries it
    chapter: str      #: where it is introduced


NOTATION: list[Symbol] = [
    Symbol(r"R", "nanocrystal radius", "nm", "radius_nm", "2.1"),
    Symbol(r"m_e,\ m_h", "electron, hole effective mass", "m_0", "mass", "2.1"),
    Symbol(r"n,\ L", "radial and orbital quantum numbers of a level", "1", "n", "2.1"),
    Symbol(r"F", "total angular momentum of a hole level", "1", "F", "2.1"),
    Symbol(r"E_g", "band gap of the nanocrystal", "eV", "gap_ev", "2.1"),
    Symbol(r"\langle N\rangle", "average number of excitons per dot", "1", "mean_n", "2.2"),
    Symbol(r"i", "number of excitons in a dot", "1", "i", "2.2"),
    Symbol(r"V", "nanocrystal volume", "nm³", "volume_nm3", "2.3"),
    Symbol(r"\chi", "Auger volume-scaling constant", "ps nm⁻³", "chi_ps_nm3", "2.3"),
    Symbol(r"\tau_{A,XX}", "biexciton Auger lifetime", "ps", "tau_a_xx_ps", "2.3"),
    Symbol(r"\tau_{XX}", "biexciton lifetime", "ps", "tau_xx_ps", "2.3"),
    Symbol(r"\tau_X", "single-exciton lifetime", "ns", "tau_x_ns", "2.3"),
    Symbol(r"n_r", "refractive index of the medium", "1", "n_r", "2.3"),
    Symbol(r"\beta", "coupling constant of dots and optical mode", "1", "beta", "2.3"),
    Symbol(r"\sigma_{\mathrm{gain},XX}", "biexciton gain cross-section", "cm²", "sigma_gain_cm2",
           "2.3"),
    Symbol(r"\sigma_\mathrm{abs}", "absorption cross-section at the pump", "cm²",
           "sigma_abs_cm2", "2.3"),
    Symbol(r"h\nu_p", "pump photon energy", "eV", "photon_energy_ev", "2.3"),
    Symbol(r"g", "excitation rate per dot", "s⁻¹", "rate_per_s", "2.3"),
    Symbol(r"I", "pump intensity", "W cm⁻²", "intensity_w_cm2", "2.3"),
    Symbol(r"G_0", "saturated gain coefficient", "cm⁻¹", "g0_cm", "2.3"),
    Symbol(r"\rho", "nanocrystal concentration", "cm⁻³", "density_cm3", "2.3"),
    Symbol(r"P_0,\ P_X,\ P_{XX}", "fractions of dots with 0, 1, 2 excitons", "1", "p_xx", "2.2"),
]
"""Rows of the notation appendix, in order of first appearance."""

UNIT_SUFFIXES = {
    "_nm": "nm", "_nm3": "nm³", "_ps": "ps", "_ns": "ns", "_ev": "eV", "_cm2": "cm²",
    "_cm3": "cm⁻³", "_cm": "cm⁻¹", "_per_s": "s⁻¹", "_w_cm2": "W cm⁻²", "_ps_nm3": "ps nm⁻³",
    "_j_cm2": "J cm⁻²",
}
"""How a parameter's name ending states its unit (longest ending wins)."""


def unit_from_name(parameter: str) -> str | None:
    """The unit that ``parameter``'s name states, or None if it states none."""
    if not isinstance(parameter, str):
        raise ValueError(f"parameter must be a name (str), got {parameter!r}")
    matches = [s for s in UNIT_SUFFIXES if parameter.endswith(s)]
    return UNIT_SUFFIXES[max(matches, key=len)] if matches else None


TEX_SYMBOLS = {
    "alpha": "α", "beta": "β", "gamma": "γ", "Gamma": "Γ", "delta": "δ", "Delta": "Δ",
    "epsilon": "ε", "varepsilon": "ε", "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ",
    "Lambda": "Λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Omega": "Ω",
    "hbar": "ħ", "langle": "⟨", "rangle": "⟩", "approx": "≈", "times": "×", "cdot": "·",
    "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ll": "≪", "gg": "≫", "propto": "∝",
    "infty": "∞", "to": "→", "rightarrow": "→", "pm": "±", "sim": "~", "partial": "∂",
}
"""TeX commands and the characters that stand for them in plain text."""


def tex_to_text(text: str) -> str:
    """Plain, readable text of a label or caption that contains TeX (for alternative texts).

    >>> tex_to_text(r"gain $G/G_0 = P_{XX} - P_0$ at $\\langle N\\rangle$")
    'gain G/G_0 = P_XX - P_0 at ⟨N⟩'
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, got {text!r}")
    text = re.sub(r"\\(?:mathrm|mathit|mathbf|text|operatorname)\s*", "", text)
    text = re.sub(r"\\([A-Za-z]+) ?", lambda m: TEX_SYMBOLS.get(m[1], m[1]), text)
    text = re.sub(r"\\[,;:! ]", " ", text)
    text = text.replace("{", "").replace("}", "").replace("$", "")
    return re.sub(r"\s+", " ", text).strip()
