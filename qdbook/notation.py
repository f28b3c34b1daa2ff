"""The book's notation: symbol, meaning, unit and the ``qdbook`` parameter name.

:data:`NOTATION` is the single source of the notation appendix. Two tests
keep it honest: every parameter named here exists in a public ``qdbook``
function and its unit agrees with the parameter's name or docstring
(tests/physics/test_notation.py), and every symbol of every registered
relation (``qdbook.equations.symbols``) is named by some row's ``names``
(tests/book/test_glossary.py). A row without a single ``qdbook`` parameter
(a constant, or a quantity that several functions take under different
names) leaves ``parameter`` empty.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Symbol(NamedTuple):
    """One row of the notation table."""

    symbol: str       #: the symbol as typeset in the book (TeX, without dollars)
    meaning: str      #: what it stands for
    unit: str         #: the unit used in the package ("1" for dimensionless)
    parameter: str    #: the qdbook parameter that carries it ("" if there is no single one)
    chapter: str      #: where it is introduced
    names: tuple[str, ...] = ()  #: the names of its symbols in the registered relations


NOTATION: list[Symbol] = [
    Symbol(r"R", "nanocrystal radius", "nm", "radius_nm", "2.1", names=('R',)),
    Symbol(r"m_e,\ m_h", "electron, hole effective mass", "m_0", "mass", "2.1",
           names=('m_e', 'm_h', 'm')),
    Symbol(r"n,\ L", "radial and orbital quantum numbers of a level", "1", "n", "2.1",
           names=('n',)),
    Symbol(r"F", "total angular momentum of a hole level", "1", "F", "2.1", names=('F',)),
    Symbol(r"E_g", "band gap of the nanocrystal", "eV", "gap_ev", "2.1", names=('E_g',)),
    Symbol(r"\langle N\rangle", "average number of excitons per dot", "1", "mean_n", "2.2",
           names=('N',)),
    Symbol(r"i", "number of excitons in a dot", "1", "i", "2.2", names=('i',)),
    Symbol(r"V", "nanocrystal volume", "nm³", "volume_nm3", "2.3", names=('V',)),
    Symbol(r"\chi", "Auger volume-scaling constant", "ps nm⁻³", "chi_ps_nm3", "2.3",
           names=('chi',)),
    Symbol(r"\tau_{A,XX}", "biexciton Auger lifetime", "ps", "tau_a_xx_ps", "2.3",
           names=('tau_A',)),
    Symbol(r"\tau_{XX}", "biexciton lifetime", "ps", "tau_xx_ps", "2.3", names=('tau_XX',)),
    Symbol(r"\tau_X", "single-exciton lifetime", "ns", "tau_x_ns", "2.3", names=('tau_X',)),
    Symbol(r"n_r", "refractive index of the medium", "1", "n_r", "2.3", names=('n_r',)),
    Symbol(r"\beta", "coupling constant of dots and optical mode", "1", "beta", "2.3",
           names=('beta',)),
    Symbol(r"\sigma_{\mathrm{gain},XX}", "biexciton gain cross-section", "cm²", "sigma_gain_cm2",
           "2.3", names=('sigma_gain',)),
    Symbol(r"\sigma_\mathrm{abs}", "absorption cross-section at the pump", "cm²",
           "sigma_abs_cm2", "2.3", names=('sigma_abs',)),
    Symbol(r"h\nu_p", "pump photon energy", "eV", "photon_energy_ev", "2.3", names=('E_p',)),
    Symbol(r"g", "excitation rate per dot", "s⁻¹", "rate_per_s", "2.3", names=('g',)),
    Symbol(r"I,\ I_\mathrm{in}", "pump intensity; intensity entering a gain medium", "W cm⁻²",
           "intensity_w_cm2", "2.3", names=('I_in',)),
    Symbol(r"G_0", "saturated gain coefficient", "cm⁻¹", "g0_cm", "2.3", names=('G_0',)),
    Symbol(r"\rho", "nanocrystal concentration", "cm⁻³", "density_cm3", "2.3", names=('rho',)),
    Symbol(r"P_0,\ P_X,\ P_{XX}", "fractions of dots with 0, 1, 2 excitons", "1", "p_xx", "2.2",
           names=('P_0', 'P_XX')),
    Symbol(r"\phi_{nL}", "n-th root of the spherical Bessel function j_L", "1", "", "2.1",
           names=("phi",)),
    Symbol(r"E_{g,0}", "band gap of the bulk semiconductor", "eV", "", "2.1", names=("E_g0",)),
    Symbol(r"\hbar", "reduced Planck constant", "J s", "", "2.1", names=("hbar",)),
    Symbol(r"m_0", "free-electron mass", "kg", "", "2.1", names=("m_0",)),
    Symbol(r"c", "speed of light in vacuum", "cm s⁻¹", "", "2.3", names=("c",)),
    Symbol(r"\langle N_\mathrm{th}\rangle", "average occupancy at the gain threshold", "1", "",
           "2.3", names=("N_th",)),
    Symbol(r"\tau_{r,XX}", "radiative biexciton lifetime", "ns", "", "2.3", names=("tau_r",)),
    Symbol(r"\tau_{r,X}", "radiative single-exciton lifetime", "ns", "", "2.4",
           names=("tau_rX",)),
    Symbol(r"\xi", "volume fraction of nanocrystals in a film", "1", "", "2.3", names=("xi",)),
    Symbol(r"l", "length of a gain medium (amplification length, stripe length)", "cm", "",
           "3.1", names=("l",)),
    Symbol(r"G", "gain coefficient", "cm⁻¹", "", "3.1", names=("G",)),
    Symbol(r"G_B", "bulk-equivalent gain coefficient (gain of the pure nanocrystal solid)",
           "cm⁻¹", "", "3.1", names=("G_B",)),
    Symbol(r"\Gamma_{NC},\ \Gamma", "confinement factor of the nanocrystal layer", "1", "",
           "3.1", names=("Gamma_NC", "Gamma")),
    Symbol(r"\alpha_\mathrm{loss}", "optical loss of a guided mode", "cm⁻¹", "", "3.1",
           names=("alpha_loss",)),
    Symbol(r"\alpha_0", "band-edge absorption coefficient of the unexcited sample", "cm⁻¹", "",
           "3.1", names=("alpha_0",)),
    Symbol(r"A,\ B", "VSL fit: spontaneous (linear) and amplified (exponential) amplitudes",
           "a.u.", "", "3.1", names=("A", "B")),
    Symbol(r"\Delta_{XX}", "biexciton binding energy (exciton–exciton interaction)", "meV", "",
           "3.2", names=("Delta_XX",)),
    Symbol(r"E,\ E_X", "photon energy; exciton transition energy", "eV", "", "3.2",
           names=("E", "E_X")),
    Symbol(r"w", "spectral width (FWHM) of a transition", "meV", "", "3.2", names=("w",)),
    Symbol(r"n_e", "number of extra electrons per dot (average ⟨n_e⟩)", "1", "", "3.2",
           names=("n_e",)),
    Symbol(r"g_e,\ g_h", "degeneracies of the band-edge electron and hole levels", "1", "",
           "3.2", names=("g_e", "g_h")),
    Symbol(r"k_B T", "thermal energy (Boltzmann constant times temperature)", "meV", "", "3.2",
           names=("k_B", "T")),
    Symbol(r"C_A", "Auger rate per electron–electron–hole or hole–hole–electron triple",
           "ns⁻¹", "", "3.3", names=("C_A",)),
    Symbol(r"N_e,\ N_h", "numbers of electrons and holes in a dot", "1", "", "3.3",
           names=("N_e", "N_h")),
    Symbol(r"g,\ N_\mathrm{low}", "degeneracy of a shell; places in the filled shells below it",
           "1", "", "3.4", names=("g", "N_low")),
    Symbol(r"\Lambda", "period of a DFB grating", "nm", "", "3.4", names=("Lambda",)),
    Symbol(r"n_\mathrm{eff}", "effective index of a guided mode", "1", "", "3.4",
           names=("n_eff",)),
    Symbol(r"\Delta E", "energy handed to the Auger partner in Auger-assisted emission", "eV", "",
           "3.4", names=("Delta_E",)),
    Symbol(r"d,\ n", "platelet thickness; subband index", "nm", "", "4.1", names=("d", "n")),
    Symbol(r"V_\mathrm{sat}", "platelet volume above which the Auger lifetime stops growing",
           "nm³", "", "4.1", names=("V_sat",)),
    Symbol(r"\chi_\mathrm{NPL}", "Auger volume-scaling constant of nanoplatelets", "ps nm⁻³", "",
           "4.1", names=("chi_NPL",)),
    Symbol(r"A,\ a_\mathrm{2D}", "platelet area; two-dimensional exciton Bohr radius",
           "nm², nm", "", "4.1", names=("A", "a_2D")),
    Symbol(r"\Delta", "biexciton binding energy of a platelet", "meV", "", "4.1",
           names=("Delta",)),
    Symbol(r"L", "edge of a perovskite cube; length of a gain stripe", "nm; cm", "", "4.2",
           names=("L",)),
    Symbol(r"\alpha", "absorption coefficient of the bulk material", "cm⁻¹", "", "4.2",
           names=("alpha",)),
    Symbol(r"f_\mathrm{cor},\ n_{NC},\ n_m",
           "local-field correction factor; indices of the nanocrystal and of the medium", "1",
           "", "4.2", names=("f_cor", "n_NC", "n_m")),
    Symbol(r"q,\ e", "charge of a dot in elementary charges; elementary charge", "1, C", "",
           "5.2", names=("q", "e")),
    Symbol(r"\varepsilon_r,\ \varepsilon_0", "relative permittivity; vacuum permittivity",
           "1, F m⁻¹", "", "5.2", names=("eps_r", "epsilon_0")),
    Symbol(r"j", "current density", "A cm⁻²", "", "5.3", names=("j",)),
    Symbol(r"f_a", "filling factor of the active layer (fraction of area covered by dots)", "1",
           "", "5.3", names=("f_a",)),
    Symbol(r"\Delta T,\ T_d", "overheating of the active volume above the heat sink", "K", "",
           "6.1", names=("Delta_T",)),
    Symbol(r"C,\ K", "heat capacity and thermal conductance of the active volume",
           "J K⁻¹, W K⁻¹", "", "6.1", names=("C", "K")),
    Symbol(r"A_d,\ V,\ V_0", "device area; applied voltage; voltage of a pulse", "cm², V", "",
           "6.1", names=("A_d", "V", "V_0")),
    Symbol(r"\tau_p,\ T_{pp}", "pulse width; pulse period", "s", "", "6.1",
           names=("tau_p", "T_pp")),
    Symbol(r"n + i\kappa,\ \lambda", "complex refractive index; vacuum wavelength", "1, nm",
           "", "6.2", names=("kappa", "lam")),
    Symbol(r"\Gamma_j,\ \alpha_j,\ n_j", "confinement factor, absorption and index of layer j",
           "1, cm⁻¹, 1", "", "6.2", names=("Gamma_1", "Gamma_2", "Gamma_3", "alpha_1",
                                         "alpha_2", "alpha_3", "n_1", "n_2", "n_3")),
    Symbol(r"\varepsilon_d,\ \varepsilon_m", "permittivities of a dielectric and a metal", "1",
           "", "6.2", names=("eps_d", "eps_m")),
    Symbol(r"G_\mathrm{mat}", "material gain of the active layer", "cm⁻¹", "", "6.3",
           names=("G_mat",)),
    Symbol(r"n_\mathrm{wg},\ n_\mathrm{clad},\ n_\mathrm{layer}",
           "indices of the guiding layer, the cladding and a quarter-wave layer", "1", "", "6.4",
           names=("n_wg", "n_clad", "n_layer")),
    Symbol(r"P,\ t,\ w", "emitted power; thickness and width of the emitting facet",
           "W, cm, cm", "", "6.4", names=("P", "t", "w")),
    Symbol(r"S,\ g", "spontaneous emission into the stripe per length; net gain of a stripe",
           "a.u., cm⁻¹", "", "6.4", names=("S", "g")),
    Symbol(r"a", "activation energy of bulk Auger recombination in units of E_g", "1", "", "7",
           names=("a",)),
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
    r"""Plain, readable text of a label or caption that contains TeX (for alternative texts).

    >>> tex_to_text(r"gain $G/G_0 = P_{XX} - P_0$ at $\langle N\rangle$")
    'gain G/G_0 = P_XX - P_0 at ⟨N⟩'
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, got {text!r}")
    text = re.sub(r"\\(?:mathrm|mathit|mathbf|text|operatorname)\s*", "", text)
    text = re.sub(r"\\([A-Za-z]+) ?", lambda m: TEX_SYMBOLS.get(m[1], m[1]), text)
    text = re.sub(r"\\[,;:! ]", " ", text)
    text = text.replace("{", "").replace("}", "").replace("$", "")
    return re.sub(r"\s+", " ", text).strip()
