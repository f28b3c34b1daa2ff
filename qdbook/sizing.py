r"""Measured sizing curves of nanocrystals and the book's gap models held against them (sec. 2.1).

The review's eq 2 (infinite walls, parabolic bands) is a model; these are
measurements, as the empirical fits their authors published:

* Yu, Qu, Guo and Peng, *Chem. Mater.* **15**, 2854 (2003),
  doi:10.1021/cm034081k: the diameter D [nm] of CdTe, CdSe and CdS dots as a
  polynomial in the wavelength λ [nm] of the first excitonic absorption peak
  (sizes from TEM);
* Moreels et al., *ACS Nano* **3**, 3023 (2009), doi:10.1021/nn900863a: the
  energy of the first absorption peak of PbS dots, E₀ = 0.41 + 1/(0.0252 d² +
  0.283 d) eV with d in nm.

The coefficients are those of the papers' fit equations, as the book's authors
recall them and as they are widely quoted; each reproduces the familiar sizes
(CdSe 3.0 nm at 550 nm, PbS 1.34 eV at 3 nm). :data:`SIZING_RANGES_NM` are the
diameters over which this book uses each curve, chosen to lie where the fits
are monotonic and about where the papers had samples; the papers' exact
calibration ranges are not restated here. Outside their data a fit is an
extrapolation.

The models compared with them (:func:`model_gap_ev`):

* ``"eq-2"`` — the review's eq 2 (:func:`qdbook.confinement.band_gap_ev`);
* ``"eq-2 + Coulomb"`` — with Brus's electron–hole attraction;
* ``"Kane + Coulomb"`` — one step beyond the review: the band-edge masses are
  kept but the bands are made non-parabolic with the two-band (Kane) dispersion
  below, for each carrier at :math:`k = \pi/R`; it is eq 2 for
  :math:`\hbar^2k^2/2m \ll E_{g,0}` and grows only linearly in k far above it.

.. math::

   \varepsilon(k) = \sqrt{(E_{g,0}/2)^2 + E_{g,0}\hbar^2k^2/(2m)} - E_{g,0}/2
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq

from . import _validate as v
from .confinement import band_gap_ev, coulomb_energy_ev
from .materials import get_material
from .units import HBAR2_OVER_2M0_EV_NM2, HC_EV_NM

YU_2003_POLYNOMIALS = {
    "CdTe": (9.8127e-7, -1.7147e-3, 1.0064, -194.84),
    "CdSe": (1.6122e-9, -2.6575e-6, 1.6242e-3, -0.4277, 41.57),
    "CdS": (-6.6521e-8, 1.9557e-4, -9.2352e-2, 13.29),
}
"""The fits of Yu et al. 2003, DOI 10.1021/cm034081k. D [nm] is a polynomial in the λ [nm] of the
first excitonic absorption peak; coefficients from the highest power down, as printed."""

MOREELS_2009_PBS = (0.41, 0.0252, 0.283)
"""The fit of Moreels et al. 2009, DOI 10.1021/nn900863a, as a, b, c of E₀ = a + 1/(b d² + c d)."""

SIZING_RANGES_NM = {"CdSe": (2.0, 8.0), "CdTe": (3.0, 8.0), "CdS": (2.0, 5.5),
                    "PbS": (3.0, 9.0)}
"""Diameters [nm] over which the book uses each measured curve (see the module docstring)."""

SOURCES = {"CdSe": "yu2003sizing", "CdTe": "yu2003sizing", "CdS": "yu2003sizing",
           "PbS": "moreels2009pbs"}
"""``references.bib`` key of each measured curve."""

MODELS = ("eq-2", "eq-2 + Coulomb", "Kane + Coulomb")
"""The gap models of :func:`model_gap_ev`, from the review's to one step beyond it."""


def _check_sized(material):
    mat = get_material(material)
    if mat.name not in SIZING_RANGES_NM:
        raise ValueError(f"material must be one of {sorted(SIZING_RANGES_NM)} (a measured "
                         f"sizing curve), got {material!r}")
    return mat.name


def yu_diameter_nm(material, peak_wavelength_nm):
    """Diameter [nm] of a CdTe, CdSe or CdS dot from its first absorption peak (Yu et al. 2003).

    Parameters
    ----------
    material : {"CdTe", "CdSe", "CdS"}
        The material.
    peak_wavelength_nm : float or array_like
        Wavelength of the first excitonic absorption peak [nm], in [300, 800].

    Examples
    --------
    A CdSe dot absorbing at 550 nm is about 3.0 nm across:

    >>> round(float(yu_diameter_nm("CdSe", 550.0)), 2)
    3.04
    """
    name = get_material(material).name
    if name not in YU_2003_POLYNOMIALS:
        raise ValueError(f"material must be one of {sorted(YU_2003_POLYNOMIALS)}, "
                         f"got {material!r}")
    lam = v.in_range("peak_wavelength_nm", peak_wavelength_nm, 300.0, 800.0)
    return np.polyval(YU_2003_POLYNOMIALS[name], lam)


def measured_gap_ev(material, diameter_nm):
    """Energy [eV] of the first absorption peak of a dot of ``diameter_nm``, from the measured fits.

    Parameters
    ----------
    material : {"CdSe", "CdTe", "CdS", "PbS"}
        The material (:data:`SIZING_RANGES_NM`).
    diameter_nm : float or array_like
        Diameter [nm], inside :data:`SIZING_RANGES_NM` of the material.

    Notes
    -----
    PbS: Moreels et al. 2009 directly. CdX: the inverse of Yu et al.'s polynomial,
    found by bracketing in λ between 300 and 800 nm, converted with h c.

    Examples
    --------
    >>> round(float(measured_gap_ev("PbS", 3.0)), 3)
    1.34
    """
    name = _check_sized(material)
    lo, hi = SIZING_RANGES_NM[name]
    d = v.in_range("diameter_nm", diameter_nm, lo, hi)
    if name == "PbS":
        a, b, c = MOREELS_2009_PBS
        return a + 1.0 / (b * np.square(d) + c * d)
    # the raw polynomial, not yu_diameter_nm: brentq only tries x in [300, 800], so its input
    # checks are not needed, and they cost most of the time at ~40 evaluations per diameter
    poly = YU_2003_POLYNOMIALS[name]
    lam = [brentq(lambda x, t=t: float(np.polyval(poly, x)) - t, 300.0, 800.0)
           for t in np.atleast_1d(d)]
    gap = HC_EV_NM / np.asarray(lam)
    return gap[0] if np.ndim(d) == 0 else gap


def _kane_kinetic_ev(eg0, mass, radius):
    parabolic = HBAR2_OVER_2M0_EV_NM2 * np.pi**2 / (mass * np.square(radius))
    return np.sqrt((eg0 / 2) ** 2 + eg0 * parabolic) - eg0 / 2


def model_gap_ev(material, diameter_nm, model="eq-2"):
    """Gap [eV] of a dot of ``diameter_nm`` in one of the book's models (:data:`MODELS`).

    Parameters
    ----------
    material : str
        One of :data:`qdbook.materials.MATERIALS`.
    diameter_nm : float or array_like
        Diameter 2R [nm], > 0.
    model : {"eq-2", "eq-2 + Coulomb", "Kane + Coulomb"}
        Infinite walls and parabolic bands (the review's eq 2); the same with Brus's
        Coulomb term; or two-band (Kane) non-parabolic bands with the Coulomb term.

    Examples
    --------
    A 3-nm PbS dot: eq 2 gives more than three times the measured 1.34 eV; non-parabolic
    bands bring it most of the way down:

    >>> [round(float(model_gap_ev("PbS", 3.0, m)), 2) for m in MODELS]
    [4.34, 4.24, 1.74]
    """
    model = v.choice("model", model, MODELS)
    mat = get_material(material)
    radius = v.positive("diameter_nm", diameter_nm) / 2
    if model == "eq-2":
        return band_gap_ev(mat, radius)
    if model == "eq-2 + Coulomb":
        return band_gap_ev(mat, radius, coulomb=True)
    return (mat.eg0_ev + _kane_kinetic_ev(mat.eg0_ev, mat.me, radius)
            + _kane_kinetic_ev(mat.eg0_ev, mat.mh, radius) + coulomb_energy_ev(mat, radius))


def validity_range_nm(material, model, tolerance=0.10, n_points=601):
    """Diameters [nm] of the measured range over which a model is within ``tolerance`` of it.

    Parameters
    ----------
    material : {"CdSe", "CdTe", "CdS", "PbS"}
        A material with a measured curve.
    model : str
        One of :data:`MODELS`.
    tolerance : float, optional
        Allowed relative deviation abs(E_model / E_measured − 1), in (0, 1).
    n_points : int, optional
        Diameters sampled across :data:`SIZING_RANGES_NM` (>= 11).

    Returns
    -------
    tuple
        ``(d_min, d_max)`` of the largest contiguous run of sampled diameters within the
        tolerance, or ``None`` if there is none.

    Examples
    --------
    The review's eq 2 is within 10 % of the measured CdSe curve only for the larger dots:

    >>> lo, hi = validity_range_nm("CdSe", "eq-2")
    >>> round(lo, 2), hi
    (5.75, 8.0)
    """
    name = _check_sized(material)
    tol = float(v.in_range("tolerance", v.scalar("tolerance", tolerance), 0.0, 1.0, closed=False))
    n = v.integer("n_points", n_points, minimum=11)
    d = np.linspace(*SIZING_RANGES_NM[name], n)
    ok = np.abs(model_gap_ev(name, d, model) / measured_gap_ev(name, d) - 1) <= tol
    run = _longest_run(ok)
    return None if run is None else (float(d[run[0]]), float(d[run[1] - 1]))


def _longest_run(mask):
    """``(start, stop)`` (stop exclusive) of the first longest run of True in a 1-d mask.

    ``None`` if the mask holds no True.
    """
    edges = np.diff(np.concatenate(([0], np.asarray(mask, dtype=np.int8), [0])))
    starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    if starts.size == 0:
        return None
    k = int(np.argmax(stops - starts))     # argmax: the first of equally long runs
    return int(starts[k]), int(stops[k])
