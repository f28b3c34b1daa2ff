"""Explorations of gain measurements and spectra.

Transient absorption, VSL, multiband gain spectra and DFB resonances.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .. import spectroscopy, statefilling, waveguide
from ..materials import get_material
from ..plotting import PALETTE, new_figure
from ._core import Exploration

# Band energies of the graded cg-QDs used throughout the chapter: 1S from the review's
# cutoff + 200 meV, 1P from the 1P lasing line, 1D from the phi^2-scaled ladder.
CG_BANDS_EV = (statefilling.CG_QD_1S_EV, statefilling.CG_QD_1P_EV,
               statefilling.scaled_transition_energy_ev(statefilling.CG_QD_1S_EV,
                                                        statefilling.CG_QD_1P_EV, 1, 2))


CG_FWHM_EV = 0.06
"""Assumed inhomogeneous line width of each band of the model spectra [eV]."""


ENERGY_GRID_EV = np.linspace(1.8, 2.75, 381)


MEAN_N_GRID = np.linspace(0.0, 4.0, 161)


def ta_model(mean_n: float = 1.5, fwhm_mev: float = 60.0) -> dict:
    """TA spectra α_0, Δα, α at ⟨N⟩ and the band-edge α(⟨N⟩) with its threshold."""
    fwhm = fwhm_mev / 1000.0
    spectra = spectroscopy.ta_spectra(ENERGY_GRID_EV, mean_n, 1.0, CG_BANDS_EV, fwhm,
                                      background_cm=2.0)
    curve = spectroscopy.band_edge_absorption_cm(MEAN_N_GRID, 1.0)
    return {"mean_n": mean_n, "energy": ENERGY_GRID_EV, **spectra, "grid": MEAN_N_GRID,
            "curve": curve, "alpha_here": float(spectroscopy.band_edge_absorption_cm(mean_n, 1.0)),
            "threshold": spectroscopy.threshold_from_absorption(MEAN_N_GRID, curve),
            "peak_gain": float(max(0.0, -spectra["alpha"].min()))}


def ta_view(r: dict):
    """Spectra (left) and the band-edge absorption versus ⟨N⟩ (right)."""
    fig, (ax_s, ax_n) = new_figure(7.0, 3.2, ncols=2)
    ax_s.plot(r["energy"], r["alpha0"], color="0.5", ls="--", label="α₀ (unexcited)")
    (l_d,) = ax_s.plot(r["energy"], r["delta_alpha"], color=PALETTE[2], label="Δα")
    (l_a,) = ax_s.plot(r["energy"], r["alpha"], color=PALETTE[0], label="α = α₀ + Δα")
    ax_s.axhline(0, color="0.3", lw=0.8)
    fill = [ax_s.fill_between(r["energy"], r["alpha"], 0, where=r["alpha"] < 0,
                              color=PALETTE[1], alpha=0.3)]
    ax_s.set(xlabel="probe photon energy (eV)", ylabel="α / α₀,1S", ylim=(-5.5, 8.0))
    ax_s.legend(loc="upper left", ncols=3, fontsize=7.5)
    title = ax_s.set_title("", fontsize=9)
    ax_n.plot(r["grid"], r["curve"], color=PALETTE[0])
    ax_n.axhline(0, color="0.3", lw=0.8)
    ax_n.axvline(r["threshold"], color=PALETTE[2], ls="--", lw=1)
    ax_n.text(r["threshold"] + 0.05, 0.8, f"threshold {r['threshold']:.3f}", fontsize=8,
              color=PALETTE[2])
    (dot,) = ax_n.plot([r["mean_n"]], [r["alpha_here"]], "o", color=PALETTE[1])
    ax_n.set(xlabel="average occupancy ⟨N⟩", ylabel="α at the 1S peak / α₀", ylim=(-1.05, 1.05))

    def update(r):
        l_d.set_ydata(r["delta_alpha"])
        l_a.set_ydata(r["alpha"])
        fill[0].remove()
        fill[0] = ax_s.fill_between(r["energy"], r["alpha"], 0, where=r["alpha"] < 0,
                                    color=PALETTE[1], alpha=0.3)
        title.set_text(f"⟨N⟩ = {r['mean_n']:.2f}: largest gain G = |α| = "
                       f"{r['peak_gain']:.2f} α₀,1S")
        dot.set_data([r["mean_n"]], [r["alpha_here"]])

    update(r)
    return fig, update


def ta_explorer(mean_n: float = 1.5, fwhm_mev: float = 60.0, **kwargs) -> Exploration:
    """⟨N⟩ and line width → TA spectra and the gain threshold read off α(⟨N⟩)."""
    controls = {
        "mean_n": widgets.FloatSlider(value=mean_n, min=0.0, max=4.0, step=0.05,
                                      description="⟨N⟩"),
        "fwhm_mev": widgets.FloatSlider(value=fwhm_mev, min=20.0, max=150.0, step=5.0,
                                        description="line width (meV)"),
    }
    return Exploration(ta_model, controls, ta_view, n_frames=13, **kwargs)


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


def vsl_view(r: dict):
    """Edge emission versus stripe length on linear (left) and log (right) axes."""
    fig, axes = new_figure(7.0, 3.2, ncols=2)
    artists = []
    for ax in axes:
        (pts,) = ax.plot(r["length_mm"], r["data"], "o", ms=3.5, color=PALETTE[0], label="data")
        (fit,) = ax.plot(r["fine_mm"], r["fit_curve"], color=PALETTE[1], label="fit A l + B e^{Gl}")
        (sp_,) = ax.plot(r["fine_mm"], r["spont"], color="0.5", ls=":", label="A l alone")
        artists.append((pts, fit, sp_))
        ax.set(xlabel="stripe length l (mm)")
    axes[0].set(ylabel="edge emission (arb. u.)")
    axes[1].set_yscale("log")
    axes[0].legend(loc="upper left")
    title = fig.suptitle("", fontsize=9)

    def update(r):
        for pts, fit, sp_ in artists:
            pts.set_data(r["length_mm"], r["data"])
            fit.set_data(r["fine_mm"], r["fit_curve"])
            sp_.set_data(r["fine_mm"], r["spont"])
        top = max(float(np.max(r["data"])), float(np.max(r["fit_curve"])))
        axes[0].set_xlim(0, r["fine_mm"][-1] * 1.02)
        axes[0].set_ylim(0, 1.1 * top)
        axes[1].set_xlim(0, r["fine_mm"][-1] * 1.02)
        axes[1].set_ylim(max(top * 1e-4, 1e-4), 2 * top)
        title.set_text(f"true G = {r['gain_true']:.0f} cm⁻¹; fit G = {r['gain_cm']:.1f} ± "
                       f"{r['gain_err_cm']:.1f} cm⁻¹ (reduced χ² {r['chi2_red']:.2f})")

    update(r)
    return fig, update


def vsl_explorer(gain_cm: float = 40.0, relative_noise: float = 0.08, max_length_mm: float = 2.0,
                 **kwargs) -> Exploration:
    """True gain, noise and longest stripe → seeded synthetic VSL data and the fitted G ± σ."""
    controls = {
        "gain_cm": widgets.FloatSlider(value=gain_cm, min=10.0, max=70.0, step=2.5,
                                       description="true G (cm⁻¹)"),
        "relative_noise": widgets.FloatSlider(value=relative_noise, min=0.0, max=0.3, step=0.01,
                                              description="relative noise"),
        "max_length_mm": widgets.FloatSlider(value=max_length_mm, min=0.5, max=3.0, step=0.1,
                                             description="longest stripe (mm)"),
    }
    return Exploration(vsl_model, controls, vsl_view, n_frames=11, **kwargs)


# ------------------------------------------------------------------ 3.4 gain spectra
SPEC_MEAN_N = np.linspace(0.0, 20.0, 201)


_SPEC_INVERSION = statefilling.ensemble_inversion(SPEC_MEAN_N)


CDSE = get_material("CdSe")


ELECTRON_SHARE = CDSE.mh / (CDSE.me + CDSE.mh)


def gain_spectra_model(mean_n: float = 6.0, fwhm_mev: float = 60.0) -> dict:
    """Multi-band gain spectrum at ⟨N⟩ and the Poisson-averaged inversion of each band."""
    fwhm = fwhm_mev / 1000.0
    spectrum = statefilling.gain_spectrum_cm(ENERGY_GRID_EV, mean_n, CG_BANDS_EV, 1.0, fwhm)
    inversion = statefilling.ensemble_inversion(mean_n)
    cutoff = float(statefilling.auger_assisted_photon_energy_ev(
        CG_BANDS_EV[0], statefilling.electron_intraband_energy_ev(
            CG_BANDS_EV[0], CG_BANDS_EV[1], ELECTRON_SHARE)))
    # where the gain exceeds 1 % of the 1S band's ground-state absorption
    gaining = ENERGY_GRID_EV[spectrum > 0.01]
    return {"mean_n": mean_n, "energy": ENERGY_GRID_EV, "spectrum": spectrum,
            "inversion": inversion, "grid": SPEC_MEAN_N, "curves": _SPEC_INVERSION,
            "cutoff": cutoff, "bands": CG_BANDS_EV,
            "gain_range": (float(gaining.min()), float(gaining.max())) if gaining.size else None}


def gain_spectra_view(r: dict):
    """Model gain spectrum (left) and inversion of the 1S, 1P, 1D bands versus ⟨N⟩ (right)."""
    fig, (ax_s, ax_n) = new_figure(7.0, 3.2, ncols=2)
    (line,) = ax_s.plot(r["energy"], r["spectrum"], color=PALETTE[0])
    ax_s.axhline(0, color="0.3", lw=0.8)
    fill = [ax_s.fill_between(r["energy"], r["spectrum"], 0, where=r["spectrum"] > 0,
                              color=PALETTE[2], alpha=0.3)]
    for label, e in zip(statefilling.SHELL_LABELS, r["bands"], strict=True):
        ax_s.text(e, 5.6, label, ha="center", fontsize=8)
    ax_s.axvline(r["cutoff"], color=PALETTE[1], ls=":", lw=1)
    ax_s.text(r["cutoff"] - 0.01, -5.5, "Auger-assisted\ncutoff", ha="right", fontsize=7,
              color=PALETTE[1])
    ax_s.set(xlabel="photon energy (eV)", ylabel="gain G / α₀,1S", ylim=(-6.2, 6.2))
    title = ax_s.set_title("", fontsize=9)
    for k, label in enumerate(statefilling.SHELL_LABELS):
        ax_n.plot(r["grid"], r["curves"][:, k], color=PALETTE[k], label=label)
    dots = ax_n.plot([r["mean_n"]] * 3, r["inversion"], "o", color="0.2", ms=4)[0]
    ax_n.axhline(0, color="0.3", lw=0.8)
    ax_n.set(xlabel="average excitons per dot ⟨N⟩", ylabel="inversion (Poisson average)",
             ylim=(-1.05, 1.05))
    ax_n.legend(loc="lower right")

    def update(r):
        line.set_ydata(r["spectrum"])
        fill[0].remove()
        fill[0] = ax_s.fill_between(r["energy"], r["spectrum"], 0, where=r["spectrum"] > 0,
                                    color=PALETTE[2], alpha=0.3)
        dots.set_data([r["mean_n"]] * 3, r["inversion"])
        span = ("no gain" if r["gain_range"] is None else
                f"gain {r['gain_range'][0]:.2f}–{r['gain_range'][1]:.2f} eV")
        title.set_text(f"⟨N⟩ = {r['mean_n']:.1f}: {span}")

    update(r)
    return fig, update


def gain_spectra_explorer(mean_n: float = 6.0, fwhm_mev: float = 60.0, **kwargs) -> Exploration:
    """⟨N⟩ and line width → multi-band gain spectrum of graded dots (state filling, Poisson)."""
    controls = {
        "mean_n": widgets.FloatSlider(value=mean_n, min=0.0, max=20.0, step=0.25,
                                      description="⟨N⟩"),
        "fwhm_mev": widgets.FloatSlider(value=fwhm_mev, min=20.0, max=150.0, step=5.0,
                                        description="line width (meV)"),
    }
    return Exploration(gain_spectra_model, controls, gain_spectra_view, n_frames=17, **kwargs)


# ------------------------------------------------------------------ 3.4 DFB resonance
PERIODS_NM = np.linspace(300.0, 380.0, 81)


def dfb_model(period_nm: float = 340.0, n_eff: float = 1.71, fwhm_mev: float = 60.0,
              mean_n: float = 8.0) -> dict:
    """Second-order DFB line λ = n_eff Λ on top of the model gain spectrum."""
    e_line = float(waveguide.HC_EV_NM / waveguide.dfb_wavelength_nm(period_nm, n_eff))
    spectrum = statefilling.gain_spectrum_cm(ENERGY_GRID_EV, mean_n, CG_BANDS_EV, 1.0,
                                             fwhm_mev / 1000.0)
    gain_at_line = float(statefilling.gain_spectrum_cm(e_line, mean_n, CG_BANDS_EV, 1.0,
                                                       fwhm_mev / 1000.0))
    return {"period": period_nm, "n_eff": n_eff, "energy": ENERGY_GRID_EV,
            "spectrum": spectrum, "e_line": e_line, "gain_at_line": gain_at_line,
            "periods": PERIODS_NM,
            "line_curve": waveguide.HC_EV_NM / waveguide.dfb_wavelength_nm(PERIODS_NM, n_eff)}


def dfb_view(r: dict):
    """Gain spectrum with the DFB line (left) and lasing energy versus grating period (right)."""
    fig, (ax_s, ax_p) = new_figure(7.0, 3.2, ncols=2)
    ax_s.plot(r["energy"], r["spectrum"], color=PALETTE[0])
    ax_s.axhline(0, color="0.3", lw=0.8)
    (vline,) = ax_s.plot([r["e_line"]] * 2, [-6, 6], color=PALETTE[1])
    ax_s.set(xlabel="photon energy (eV)", ylabel="gain G / α₀,1S", ylim=(-6.2, 6.2))
    title = ax_s.set_title("", fontsize=9)
    (curve,) = ax_p.plot(r["periods"], r["line_curve"], color=PALETTE[1])
    (dot,) = ax_p.plot([r["period"]], [r["e_line"]], "o", color=PALETTE[1])
    ax_p.set(xlabel="grating period Λ (nm)", ylabel="DFB resonance (eV)", ylim=(1.8, 2.75))

    def update(r):
        vline.set_xdata([r["e_line"]] * 2)
        curve.set_ydata(r["line_curve"])
        dot.set_data([r["period"]], [r["e_line"]])
        verdict = "lases" if r["gain_at_line"] > 0 else "no gain here"
        title.set_text(f"Λ = {r['period']:.0f} nm → {r['e_line']:.3f} eV "
                       f"({1000 * waveguide.HC_EV_NM / r['e_line'] / 1000:.0f} nm): {verdict}")

    update(r)
    return fig, update


def dfb_explorer(period_nm: float = 340.0, n_eff: float = 1.71, **kwargs) -> Exploration:
    """Grating period and effective index → DFB resonance on the model gain spectrum."""
    controls = {
        "period_nm": widgets.FloatSlider(value=period_nm, min=300.0, max=380.0, step=2.5,
                                         description="period Λ (nm)"),
        "n_eff": widgets.FloatSlider(value=n_eff, min=1.5, max=1.9, step=0.01,
                                     description="n_eff"),
    }
    return Exploration(dfb_model, controls, dfb_view, n_frames=9, **kwargs)
