"""Explorations of gain measurements and spectra.

Transient absorption, VSL, multiband gain spectra and DFB resonances.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import numpy as np

from .. import spectroscopy, statefilling, waveguide
from ._browser import Table
from ._controls import controls_for
from ._core import Exploration
from ._figure import Figure, Fill, HLine, Line, Panel, Points, Text, VLine

CG_FWHM_EV = 0.06
"""Assumed inhomogeneous line width of each band of the model spectra [eV]."""


ENERGY_GRID_EV = np.linspace(1.8, 2.75, 381)


MEAN_N_GRID = np.linspace(0.0, 4.0, 161)


def ta_model(mean_n: float = 1.5, fwhm_mev: float = 60.0) -> dict:
    """TA spectra α_0, Δα, α at ⟨N⟩ and the band-edge α(⟨N⟩) with its threshold."""
    fwhm = fwhm_mev / 1000.0
    spectra = spectroscopy.ta_spectra(ENERGY_GRID_EV, mean_n, 1.0, statefilling.CG_BANDS_EV,
                                      fwhm,
                                      background_cm=2.0)
    curve = spectroscopy.band_edge_absorption_cm(MEAN_N_GRID, 1.0)
    return {"mean_n": mean_n, "energy": ENERGY_GRID_EV, **spectra, "grid": MEAN_N_GRID,
            "curve": curve, "alpha_here": float(spectroscopy.band_edge_absorption_cm(mean_n, 1.0)),
            "threshold": spectroscopy.threshold_from_absorption(MEAN_N_GRID, curve),
            "peak_gain": float(max(0.0, -spectra["alpha"].min()))}


TA_FIGURE = Figure(panels=[
    Panel(xlabel="probe photon energy (eV)", ylabel="α / α₀,1S", ylim=(-5.5, 8.0),
          legend="upper left",
          title="⟨N⟩ = {mean_n:.2f}: largest gain G = |α| = {peak_gain:.2f} α₀,1S",
          items=[
              HLine(y=0.0, color="0.3"),
              Fill(x="energy", y="alpha", where="neg", color=1, alpha=0.3),
              Line(x="energy", y="alpha0", color="0.5", dash="--", label="α₀ (unexcited)"),
              Line(x="energy", y="delta_alpha", color=2, label="Δα"),
              Line(x="energy", y="alpha", color=0, label="α = α₀ + Δα"),
          ]),
    Panel(xlabel="average occupancy ⟨N⟩", ylabel="α at the 1S peak / α₀", ylim=(-1.05, 1.05),
          items=[
              HLine(y=0.0, color="0.3"),
              VLine(x="threshold", color=2, dash="--"),
              Text(x="threshold", y=0.8, dx=0.05, text="threshold {threshold:.3f}", color=2),
              Line(x="grid", y="curve", color=0),
              Points(x="mean_n", y="alpha_here", color=1),
          ]),
])
"""Spectra (left) and the band-edge absorption versus ⟨N⟩ (right)."""


def ta_explorer(**kwargs) -> Exploration:
    """⟨N⟩ and line width → TA spectra and the gain threshold read off α(⟨N⟩).

    Keyword arguments: a starting ``mean_n`` or ``fwhm_mev`` (by default the model's), or
    an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(ta_model, ["mean_n", "fwhm_mev"], kwargs)
    # the spectra sum Gaussian bands that the registry does not hold in closed form: a table
    return Exploration(ta_model, controls, figure=TA_FIGURE,
                       browser=Table(points=4, steps={"mean_n": 0.25}),
                       n_frames=13, **kwargs)


# ------------------------------------------------------------------ 3.1 VSL
VSL_A, VSL_B = 1.0, 0.02  # spontaneous slope and ASE prefactor of the synthetic data


def vsl_model(gain_cm: float = 40.0, relative_noise: float = 0.08,
              max_length_mm: float = 2.0, seed: int = 7) -> dict:
    """Synthetic VSL data at a true gain, and the curve_fit result with its uncertainty."""
    length = np.linspace(0.0, max_length_mm / 10.0, 25)[1:]
    data = spectroscopy.vsl_synthetic(length, VSL_A, VSL_B, gain_cm, relative_noise, seed)
    fit = spectroscopy.fit_vsl(length, data, relative_noise=max(relative_noise, 1e-3))
    fine = np.linspace(0.0, max_length_mm / 10.0, 200)
    return {"gain_true": gain_cm, "length_mm": 10 * length, "data": data, "fine_mm": 10 * fine,
            "fit_curve": spectroscopy.vsl_intensity(fine, fit["a"], fit["b"], fit["gain_cm"]),
            "spont": fit["a"] * fine, **fit}


def _vsl_items():
    return [Points(x="length_mm", y="data", size=3.5, color=0, label="data"),
            Line(x="fine_mm", y="fit_curve", color=1, label="fit A l + B e^{Gl}"),
            Line(x="fine_mm", y="spont", color="0.5", dash=":", label="A l alone")]


VSL_FIGURE = Figure(
    title="true G = {gain_true:.0f} cm⁻¹; fit G = {gain_cm:.1f} ± {gain_err_cm:.1f} cm⁻¹ "
          "(reduced χ² {chi2_red:.2f})",
    panels=[Panel(xlabel="stripe length l (mm)", ylabel="edge emission (arb. u.)",
                  legend="upper left", items=_vsl_items()),
            Panel(xlabel="stripe length l (mm)", ylog=True, items=_vsl_items())])
"""Edge emission versus stripe length on linear (left) and log (right) axes."""


def vsl_explorer(**kwargs) -> Exploration:
    """True gain, noise and longest stripe → seeded synthetic VSL data and the fitted G ± σ.

    Keyword arguments: a starting ``gain_cm``, ``relative_noise`` or ``max_length_mm`` (by
    default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(vsl_model, ["gain_cm", "relative_noise", "max_length_mm"], kwargs)
    # the fit (curve_fit) is a solver: a table over all three controls
    return Exploration(vsl_model, controls, figure=VSL_FIGURE, browser=Table(points=5),
                       n_frames=11, **kwargs)


# ------------------------------------------------------------------ 3.4 gain spectra
SPEC_MEAN_N = np.linspace(0.0, 20.0, 201)


_SPEC_INVERSION = statefilling.ensemble_inversion(SPEC_MEAN_N)


def gain_spectra_model(mean_n: float = 6.0, fwhm_mev: float = 60.0) -> dict:
    """Multi-band gain spectrum at ⟨N⟩ and the Poisson-averaged inversion of each band."""
    fwhm = fwhm_mev / 1000.0
    bands = statefilling.CG_BANDS_EV
    spectrum = statefilling.gain_spectrum_cm(ENERGY_GRID_EV, mean_n, bands, 1.0, fwhm)
    inversion = statefilling.ensemble_inversion(mean_n)
    cutoff = float(statefilling.auger_assisted_photon_energy_ev(
        bands[0], statefilling.electron_intraband_energy_ev(bands[0], bands[1],
                                                            statefilling.ELECTRON_SHARE)))
    # where the gain exceeds 1 % of the 1S band's ground-state absorption
    gaining = ENERGY_GRID_EV[spectrum > 0.01]
    span = (f"gain {gaining.min():.2f}–{gaining.max():.2f} eV" if gaining.size else "no gain")
    return {"span": span, "mean_n": mean_n, "energy": ENERGY_GRID_EV, "spectrum": spectrum,
            "inversion": inversion, "grid": SPEC_MEAN_N, "curves": _SPEC_INVERSION,
            "cutoff": cutoff, "bands": bands,
            "gain_range": (float(gaining.min()), float(gaining.max())) if gaining.size else None}


GAIN_SPECTRA_FIGURE = Figure(panels=[
    Panel(xlabel="photon energy (eV)", ylabel="gain G / α₀,1S", ylim=(-6.2, 6.2),
          title="⟨N⟩ = {mean_n:.1f}: {span}",
          items=[
              HLine(y=0.0, color="0.3"),
              Fill(x="energy", y="spectrum", where="pos", color=2, alpha=0.3),
              Line(x="energy", y="spectrum", color=0),
              *[Text(x=e, y=5.6, text=label, ha="center", color=6)
                for label, e in zip(statefilling.SHELL_LABELS, statefilling.CG_BANDS_EV,
                                    strict=True)],
              VLine(x="cutoff", color=1, dash=":"),
              Text(x="cutoff", y=-5.5, dx=-0.01, text="Auger-assisted\ncutoff", ha="right",
                   size=7, color=1),
          ]),
    Panel(xlabel="average excitons per dot ⟨N⟩", ylabel="inversion (Poisson average)",
          ylim=(-1.05, 1.05), legend="lower right",
          items=[
              HLine(y=0.0, color="0.3"),
              *[Line(x="grid", y=f"curves.{k}", color=k, label=label)
                for k, label in enumerate(statefilling.SHELL_LABELS)],
              Points(x="mean_n", y="inversion", color="0.2", size=4),
          ]),
])
"""Model gain spectrum (left) and inversion of the 1S, 1P, 1D bands versus ⟨N⟩ (right)."""


def gain_spectra_explorer(**kwargs) -> Exploration:
    """⟨N⟩ and line width → multi-band gain spectrum of graded dots (state filling, Poisson).

    Keyword arguments: a starting ``mean_n`` or ``fwhm_mev`` (by default the model's), or
    an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(gain_spectra_model, ["mean_n", "fwhm_mev"], kwargs,
                            # filling the 1P and 1D shells (6 and 10 places) takes ⟨N⟩ to 20
                            mean_n={"max": 20.0, "step": 0.25})
    # Poisson-averaged state filling over Gaussian bands: a table
    return Exploration(gain_spectra_model, controls, figure=GAIN_SPECTRA_FIGURE,
                       browser=Table(points=6, steps={"mean_n": 1.0}),
                       n_frames=17, **kwargs)


# ------------------------------------------------------------------ 3.4 DFB resonance
PERIODS_NM = np.linspace(300.0, 380.0, 81)


def dfb_model(period_nm: float = 340.0, n_eff: float = 1.71, fwhm_mev: float = 60.0,
              mean_n: float = 8.0) -> dict:
    """Second-order DFB line λ = n_eff Λ on top of the model gain spectrum."""
    e_line = float(waveguide.HC_EV_NM / waveguide.dfb_wavelength_nm(period_nm, n_eff))
    bands = statefilling.CG_BANDS_EV
    spectrum = statefilling.gain_spectrum_cm(ENERGY_GRID_EV, mean_n, bands, 1.0,
                                             fwhm_mev / 1000.0)
    gain_at_line = float(statefilling.gain_spectrum_cm(e_line, mean_n, bands, 1.0,
                                                       fwhm_mev / 1000.0))
    return {"verdict": "lases" if gain_at_line > 0 else "no gain here",
            "line_nm": float(waveguide.HC_EV_NM / e_line),
            "period": period_nm, "n_eff": n_eff, "energy": ENERGY_GRID_EV,
            "spectrum": spectrum, "e_line": e_line, "gain_at_line": gain_at_line,
            "periods": PERIODS_NM,
            "line_curve": waveguide.HC_EV_NM / waveguide.dfb_wavelength_nm(PERIODS_NM, n_eff)}


DFB_FIGURE = Figure(panels=[
    Panel(xlabel="photon energy (eV)", ylabel="gain G / α₀,1S", ylim=(-6.2, 6.2),
          title="Λ = {period:.0f} nm → {e_line:.3f} eV ({line_nm:.0f} nm): {verdict}",
          items=[
              HLine(y=0.0, color="0.3"),
              Line(x="energy", y="spectrum", color=0),
              VLine(x="e_line", color=1, width=1.5),
          ]),
    Panel(xlabel="grating period Λ (nm)", ylabel="DFB resonance (eV)", ylim=(1.8, 2.75),
          items=[Line(x="periods", y="line_curve", color=1),
                 Points(x="period", y="e_line", color=1)]),
])
"""Gain spectrum with the DFB line (left) and lasing energy versus grating period (right)."""


def dfb_explorer(**kwargs) -> Exploration:
    """Grating period and effective index → DFB resonance on the model gain spectrum.

    Keyword arguments: a starting ``period_nm`` or ``n_eff`` (by default the model's), or
    an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(dfb_model, ["period_nm", "n_eff"], kwargs)
    # whether the line lases reads the numerical gain spectrum at the line: a table on every
    # other step of both sliders
    return Exploration(dfb_model, controls, figure=DFB_FIGURE,
                       browser=Table(steps={"period_nm": 5.0, "n_eff": 0.02}),
                       n_frames=9, **kwargs)
