"""Explorations of chapter 3: measuring gain, charged and single-exciton gain, gain spectra.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .. import charging, spectroscopy, statefilling, statistics, waveguide
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

# ------------------------------------------------------------------ 3.1 transient absorption


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


# ------------------------------------------------------------------ 3.2 single-exciton gain
_RATIO = np.linspace(0.0, 8.0, 321)
_PEAK_TABLE = spectroscopy.single_exciton_peak_gain(0.1 * _RATIO, 0.1)  # depends on Δ/FWHM only


def single_exciton_model(delta_xx_mev: float = 100.0, fwhm_mev: float = 50.0) -> dict:
    """Emission, X→XX absorption and net gain of singly excited dots; peak gain versus Δ_XX."""
    e_x = 2.0
    energy = np.linspace(1.7, 2.35, 400)
    d, w = delta_xx_mev / 1000.0, fwhm_mev / 1000.0
    deltas = np.linspace(-150.0, 250.0, 161)
    return {"delta": delta_xx_mev, "fwhm": fwhm_mev, "energy": energy,
            "emission": statefilling.gaussian_line(energy, e_x, w),
            "absorption": statefilling.gaussian_line(energy, e_x + d, w),
            "net": spectroscopy.single_exciton_net_gain(energy, e_x, d, w),
            "deltas": deltas, "peaks": np.interp(np.abs(deltas) / fwhm_mev, _RATIO, _PEAK_TABLE),
            "peak": float(spectroscopy.single_exciton_peak_gain(d, w))}


def single_exciton_view(r: dict):
    """Spectra of a singly excited ensemble (left) and its peak net gain versus Δ_XX (right)."""
    fig, (ax_s, ax_p) = new_figure(7.0, 3.2, ncols=2)
    (em,) = ax_s.plot(r["energy"], r["emission"], color=PALETTE[1], label="emission X→0")
    (ab,) = ax_s.plot(r["energy"], -r["absorption"], color="0.5", ls="--",
                      label="absorption X→XX (−)")
    (net,) = ax_s.plot(r["energy"], r["net"], color=PALETTE[0], lw=2, label="net gain")
    ax_s.axhline(0, color="0.3", lw=0.8)
    ax_s.set(xlabel="photon energy (eV)", ylabel="per singly excited dot (band peak = 1)",
             ylim=(-1.1, 1.25))
    ax_s.legend(loc="upper right", fontsize=7.5)
    (curve,) = ax_p.plot(r["deltas"], r["peaks"], color=PALETTE[0])
    (dot,) = ax_p.plot([r["delta"]], [r["peak"]], "o", color=PALETTE[1])
    ax_p.axvline(0, color="0.3", lw=0.8)
    ax_p.set(xlabel="exciton–exciton interaction Δ_XX (meV)", ylabel="peak net gain",
             ylim=(0, 1.05))
    title = ax_p.set_title("", fontsize=9)

    def update(r):
        em.set_ydata(r["emission"])
        ab.set_ydata(-r["absorption"])
        net.set_ydata(r["net"])
        curve.set_ydata(r["peaks"])
        dot.set_data([r["delta"]], [r["peak"]])
        title.set_text(f"Δ_XX = {r['delta']:.0f} meV, width {r['fwhm']:.0f} meV: "
                       f"peak {r['peak']:.2f}")

    update(r)
    return fig, update


def single_exciton_explorer(delta_xx_mev: float = 100.0, fwhm_mev: float = 50.0,
                            **kwargs) -> Exploration:
    """Δ_XX and ensemble line width → single-exciton net gain spectrum."""
    controls = {
        "delta_xx_mev": widgets.FloatSlider(value=delta_xx_mev, min=-100.0, max=200.0, step=5.0,
                                            description="Δ_XX (meV)"),
        "fwhm_mev": widgets.FloatSlider(value=fwhm_mev, min=10.0, max=150.0, step=5.0,
                                        description="line width (meV)"),
    }
    return Exploration(single_exciton_model, controls, single_exciton_view, n_frames=13,
                       **kwargs)


# ------------------------------------------------------------------ 3.2 charged-exciton gain
N_E_GRID = np.linspace(0.0, 8.0, 161)


def charged_gain_model(n_e: float = 2.0, degeneracy: int = 8, mean_n: float = 2.0) -> dict:
    """Band-edge inversion versus ⟨N⟩ at n_e, eq-5 threshold, and eq-6 Auger rate at threshold."""
    g = float(degeneracy)
    n_e = min(n_e, g)
    grid = np.linspace(0.0, g, 161)
    threshold = float(charging.charged_gain_threshold(n_e, g, g))
    n_e_grid = np.linspace(0.0, g, 81)
    n_th = charging.charged_gain_threshold(n_e_grid, g, g)
    neutral_rate = float(charging.statistical_auger_rate(g / 2, g / 2))
    rates = charging.statistical_auger_rate(n_th + n_e_grid, n_th)
    return {"n_e": n_e, "g": g, "mean_n": mean_n, "grid": grid,
            "neutral": charging.band_edge_inversion(grid, 0.0, g, g),
            "charged": charging.band_edge_inversion(grid, n_e, g, g),
            "threshold": threshold, "here": float(charging.band_edge_inversion(mean_n, n_e, g, g)),
            "n_e_grid": n_e_grid, "n_th": n_th, "rates": rates, "neutral_rate": neutral_rate,
            "rate_here": float(charging.statistical_auger_rate(threshold + n_e, threshold))}


def charged_gain_view(r: dict):
    """Inversion versus ⟨N⟩ (left); threshold and Auger rate at threshold versus n_e (right)."""
    fig, (ax_g, ax_t) = new_figure(7.0, 3.2, ncols=2)
    (l_n,) = ax_g.plot(r["grid"], r["neutral"], color="0.5", ls="--", label="neutral")
    (l_c,) = ax_g.plot(r["grid"], r["charged"], color=PALETTE[0], label="with n_e extra electrons")
    (v_th,) = ax_g.plot([r["threshold"]] * 2, [-1, 1], color=PALETTE[2], ls=":")
    (dot,) = ax_g.plot([r["mean_n"]], [r["here"]], "o", color=PALETTE[1])
    ax_g.axhline(0, color="0.3", lw=0.8)
    ax_g.set(xlabel="excitons per dot ⟨N⟩", ylabel="inversion f_e + f_h − 1", ylim=(-1.05, 1.05))
    ax_g.legend(loc="lower right")
    title = ax_g.set_title("", fontsize=9)
    (l_t,) = ax_t.plot(r["n_e_grid"], r["n_th"], color=PALETTE[0], label="⟨N_th⟩ (eq. 5)")
    ax_r = ax_t.twinx()
    (l_r,) = ax_r.plot(r["n_e_grid"], r["rates"], color=PALETTE[3],
                       label="Auger rate at threshold (eq. 6)")
    (d_t,) = ax_t.plot([r["n_e"]], [r["threshold"]], "o", color=PALETTE[0])
    (d_r,) = ax_r.plot([r["n_e"]], [r["rate_here"]], "s", color=PALETTE[3])
    ax_t.set(xlabel="extra electrons per dot n_e", ylabel="gain threshold ⟨N_th⟩")
    ax_r.set_ylabel("Auger rate at threshold (units of C_A)", color=PALETTE[3])
    ax_r.grid(False)
    ax_t.legend(handles=[l_t, l_r], loc="upper right", fontsize=7.5)

    def update(r):
        l_n.set_data(r["grid"], r["neutral"])
        l_c.set_data(r["grid"], r["charged"])
        v_th.set_xdata([r["threshold"]] * 2)
        dot.set_data([r["mean_n"]], [r["here"]])
        ax_g.set_xlim(0, r["g"])
        title.set_text(f"g = {r['g']:.0f}, n_e = {r['n_e']:.2f}: ⟨N_th⟩ = {r['threshold']:.2f}")
        l_t.set_data(r["n_e_grid"], r["n_th"])
        l_r.set_data(r["n_e_grid"], r["rates"])
        d_t.set_data([r["n_e"]], [r["threshold"]])
        d_r.set_data([r["n_e"]], [r["rate_here"]])
        ax_t.set_xlim(0, r["g"])
        ax_t.set_ylim(0, r["g"] / 2 * 1.05)
        ax_r.set_ylim(0, 1.05 * max(1.0, float(np.max(r["rates"]))))
        ax_t.set_title(f"Auger rate at threshold: {r['rate_here']:.1f} C_A "
                       f"(neutral {r['neutral_rate']:.0f} C_A)", fontsize=9)

    update(r)
    return fig, update


def charged_gain_explorer(n_e: float = 2.0, degeneracy: int = 8, mean_n: float = 2.0,
                          **kwargs) -> Exploration:
    """Extra electrons, level degeneracy and ⟨N⟩ → band-edge inversion, threshold, Auger rate."""
    controls = {
        "n_e": widgets.FloatSlider(value=n_e, min=0.0, max=8.0, step=0.1,
                                   description="extra electrons n_e"),
        "degeneracy": widgets.Dropdown(options=[2, 8], value=degeneracy,
                                       description="g_e = g_h"),
        "mean_n": widgets.FloatSlider(value=mean_n, min=0.0, max=8.0, step=0.05,
                                      description="⟨N⟩"),
    }
    return Exploration(charged_gain_model, controls, charged_gain_view, n_frames=11, **kwargs)


# ------------------------------------------------------------------ 3.3 doped PbS
def doping_model(mean_n_e: float = 2.7) -> dict:
    """Poisson doping distribution and the g = 8 inversion: mean-charge vs Poisson-averaged."""
    g = float(charging.PBS_DEGENERACY)
    k = np.arange(0, 16)
    grid = np.linspace(0.0, 5.0, 126)
    return {"mean_n_e": mean_n_e, "k": k, "p_k": statistics.poisson_probability(k, mean_n_e),
            "q0": float(charging.neutral_fraction(mean_n_e)), "grid": grid,
            "mean_charge": charging.band_edge_inversion(grid, min(mean_n_e, g), g, g),
            "poisson": charging.poisson_charged_inversion(grid, mean_n_e, g, g),
            "th_mean": float(charging.charged_gain_threshold(min(mean_n_e, g), g, g)),
            "th_poisson": charging.poisson_charged_threshold(mean_n_e, g, g)}


def doping_view(r: dict):
    """Distribution of doping electrons (left) and the ensemble inversion versus ⟨N⟩ (right)."""
    fig, (ax_p, ax_g) = new_figure(7.0, 3.2, ncols=2)
    bars = ax_p.bar(r["k"], r["p_k"], color=[PALETTE[1]] + [PALETTE[0]] * (len(r["k"]) - 1))
    ax_p.axvline(charging.PBS_DEGENERACY + 0.5, color="0.4", ls="--", lw=1)
    ax_p.text(charging.PBS_DEGENERACY + 0.7, 0.5, "1S_e full\n(g = 8)", fontsize=8)
    ax_p.set(xlabel="extra electrons in a dot n_e", ylabel="fraction of dots", ylim=(0, 0.65))
    label = ax_p.text(0.97, 0.95, "", transform=ax_p.transAxes, ha="right", va="top", fontsize=8.5)
    (l_m,) = ax_g.plot(r["grid"], r["mean_charge"], color=PALETTE[0],
                       label="every dot holds ⟨n_e⟩ (eq. 5)")
    (l_p,) = ax_g.plot(r["grid"], r["poisson"], color=PALETTE[3], ls="--",
                       label="Poisson-distributed n_e")
    ax_g.plot([2.5, 1.2], [0, 0], "x", color=PALETTE[6], ms=7, mew=2,
              label="measured thresholds (2.5, ~1.2)")
    (d_m,) = ax_g.plot([r["th_mean"]], [0], "o", color=PALETTE[0])
    (d_p,) = ax_g.plot([r["th_poisson"]], [0], "o", mfc="none", color=PALETTE[3])
    ax_g.axhline(0, color="0.3", lw=0.8)
    ax_g.set(xlabel="excitons per dot ⟨N⟩", ylabel="band-edge inversion", ylim=(-1.05, 1.05))
    ax_g.legend(loc="lower right", fontsize=7.5)
    title = ax_g.set_title("", fontsize=9)

    def update(r):
        for bar, p in zip(bars, r["p_k"], strict=True):
            bar.set_height(p)
        label.set_text(f"⟨n_e⟩ = {r['mean_n_e']:.2f}\nq(0) = e^(−⟨n_e⟩) = {r['q0']:.3f}")
        l_m.set_ydata(r["mean_charge"])
        l_p.set_ydata(r["poisson"])
        d_m.set_xdata([r["th_mean"]])
        d_p.set_xdata([r["th_poisson"]])
        title.set_text(f"⟨N_th⟩: {r['th_mean']:.2f} (mean charge), "
                       f"{r['th_poisson']:.2f} (Poisson)")

    update(r)
    return fig, update


def doping_explorer(mean_n_e: float = 2.7, **kwargs) -> Exploration:
    """Average doping ⟨n_e⟩ of PbS dots → charge distribution and gain threshold."""
    controls = {"mean_n_e": widgets.FloatSlider(value=mean_n_e, min=0.0, max=8.0, step=0.1,
                                                description="⟨n_e⟩")}
    return Exploration(doping_model, controls, doping_view, n_frames=17, **kwargs)


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
