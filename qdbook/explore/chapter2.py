"""Explorations of chapter 2: levels, gain statistics, Auger lifetimes, Auger control.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import ScalarFormatter

from .. import auger, confinement, pumping, statistics
from ..materials import MATERIALS, get_material
from ..plotting import PALETTE, new_figure
from ._core import Exploration

# ------------------------------------------------------------------ 2.1 levels and gap
LADDER = confinement.level_ladder(n_max=2, L_max=3)[:5]  # 1S, 1P, 1D, 2S, 1F


def levels_model(material: str = "CdSe", radius_nm: float = 2.5) -> dict:
    """Electron and hole levels (eq-1) and the gap curve (eq-2) of one material."""
    mat = get_material(material)
    radii = np.linspace(1.0, 6.0, 120)
    return {
        "material": mat.name,
        "radius_nm": radius_nm,
        "radii": radii,
        "gap_curve": confinement.band_gap_ev(mat, radii),
        "gap": float(confinement.band_gap_ev(mat, radius_nm)),
        "eg0": mat.eg0_ev,
        "labels": [lev["label"] for lev in LADDER],
        "electron": np.array([confinement.level_energy_ev(lev["n"], lev["L"], radius_nm, mat.me)
                              for lev in LADDER]),
        "hole": np.array([confinement.level_energy_ev(lev["n"], lev["L"], radius_nm, mat.mh)
                          for lev in LADDER]),
    }


def levels_view(r: dict):
    """Gap versus radius (left) and the electron/hole ladder at the chosen radius (right)."""
    fig, (ax_gap, ax_lev) = new_figure(7.0, 3.3, ncols=2)
    (curve,) = ax_gap.plot(r["radii"], r["gap_curve"], color=PALETTE[0])
    bulk = ax_gap.axhline(r["eg0"], color="0.4", ls="--", lw=1)
    (dot,) = ax_gap.plot([r["radius_nm"]], [r["gap"]], "o", color=PALETTE[1])
    ax_gap.set(xlabel="radius R (nm)", ylabel="band gap $E_g$ (eV)", ylim=(0, 5))
    title = ax_gap.set_title("")
    e_lines = [ax_lev.plot([0.1, 0.9], [0, 0], color=PALETTE[0], lw=2)[0] for _ in LADDER]
    h_lines = [ax_lev.plot([0.1, 0.9], [0, 0], color=PALETTE[1], lw=2)[0] for _ in LADDER]
    e_text = [ax_lev.text(0.92, 0, lab, va="center", fontsize=8) for lab in r["labels"]]
    ax_lev.set(xlim=(0, 1.2), xticks=[], ylabel="energy from band edge (eV)",
               title="electron levels (up), hole levels (down, same order)")
    ax_lev.axhline(0, color="0.4", lw=0.8)

    def update(r):
        curve.set_data(r["radii"], r["gap_curve"])
        bulk.set_ydata([r["eg0"], r["eg0"]])
        dot.set_data([r["radius_nm"]], [r["gap"]])
        title.set_text(f"{r['material']}: $E_g$ = {r['gap']:.2f} eV at R = {r['radius_nm']:.2f} nm")
        top = min(float(r["electron"].max()), 6.0)
        for line, text, energy in zip(e_lines, e_text, r["electron"], strict=True):
            line.set_ydata([energy, energy])
            text.set_y(energy)
            line.set_visible(energy <= top)
            text.set_visible(energy <= top)
        for line, energy in zip(h_lines, r["hole"], strict=True):
            line.set_ydata([-energy, -energy])
            line.set_visible(energy <= top)
        ax_lev.set_ylim(-1.1 * top, 1.1 * top)

    update(r)
    return fig, update


def levels_explorer(material: str = "CdSe", radius_nm: float = 2.5, **kwargs) -> Exploration:
    """Radius → levels and gap, for any material of :data:`qdbook.materials.MATERIALS`."""
    controls = {
        "radius_nm": widgets.FloatSlider(value=radius_nm, min=1.0, max=6.0, step=0.05,
                                         description="radius R (nm)"),
        "material": widgets.Dropdown(options=list(MATERIALS), value=get_material(material).name,
                                     description="material"),
    }
    return Exploration(levels_model, controls, levels_view, **kwargs)


# ------------------------------------------------------------------ 2.2 gain statistics
MEAN_N_GRID = np.linspace(0.0, 4.0, 161)


def gain_statistics_model(mean_n: float = 1.0) -> dict:
    """Poisson p_i at ⟨N⟩ and the three-state populations and gain versus ⟨N⟩."""
    i = np.arange(0, 9)
    p0, px, pxx = statistics.three_state_populations(mean_n)
    return {
        "mean_n": mean_n,
        "i": i,
        "p_i": statistics.poisson_probability(i, mean_n),
        "P0": float(p0), "PX": float(px), "PXX": float(pxx),
        "gain": float(pxx - p0),
        "grid": MEAN_N_GRID,
        "gain_curve": statistics.normalised_gain(MEAN_N_GRID),
        "threshold": statistics.gain_threshold_occupancy(),
    }


def gain_statistics_view(r: dict):
    """Poisson histogram (left) and G/G_0 versus ⟨N⟩ with the threshold (right)."""
    fig, (ax_p, ax_g) = new_figure(7.0, 3.2, ncols=2)
    colours = [PALETTE[1], PALETTE[4]] + [PALETTE[0]] * (len(r["i"]) - 2)
    bars = ax_p.bar(r["i"], r["p_i"], color=colours)
    ax_p.set(xlabel="excitons per dot i", ylabel="probability $p_i$", ylim=(0, 1))
    label = ax_p.text(0.97, 0.95, "", transform=ax_p.transAxes, ha="right", va="top", fontsize=8.5)
    ax_g.plot(r["grid"], r["gain_curve"], color=PALETTE[0])
    ax_g.axhline(0, color="0.4", lw=0.8)
    ax_g.axvline(r["threshold"], color=PALETTE[2], ls="--", lw=1)
    ax_g.text(r["threshold"] + 0.05, -0.9, f"threshold {r['threshold']:.3f}", fontsize=8,
              color=PALETTE[2])
    (dot,) = ax_g.plot([r["mean_n"]], [r["gain"]], "o", color=PALETTE[1])
    ax_g.set(xlabel="average occupancy ⟨N⟩", ylabel="gain $G/G_0 = P_{XX} - P_0$",
             ylim=(-1.05, 1.05))

    def update(r):
        for bar, p in zip(bars, r["p_i"], strict=True):
            bar.set_height(p)
        label.set_text(f"⟨N⟩ = {r['mean_n']:.2f}\n$P_0$ = {r['P0']:.2f}, $P_X$ = {r['PX']:.2f},"
                       f" $P_{{XX}}$ = {r['PXX']:.2f}")
        dot.set_data([r["mean_n"]], [r["gain"]])

    update(r)
    return fig, update


def gain_statistics_explorer(mean_n: float = 1.0, **kwargs) -> Exploration:
    """⟨N⟩ → Poisson distribution, P_0, P_X, P_XX and net gain."""
    controls = {"mean_n": widgets.FloatSlider(value=mean_n, min=0.0, max=4.0, step=0.05,
                                              description="⟨N⟩")}
    return Exploration(gain_statistics_model, controls, gain_statistics_view, **kwargs)


# ------------------------------------------------------------------ 2.3 Auger and cw thresholds
RADII_NM = np.linspace(1.0, 6.0, 101)


def auger_thresholds_model(radius_nm: float = 2.5, tau_x_ns: float = 20.0,
                           sigma_abs_cm2: float = 3e-15, photon_energy_ev: float = 3.0) -> dict:
    """τ_A,XX versus R for both χ, and the cw gain and lasing thresholds versus R.

    τ_XX is taken equal to τ_A,XX (χ = 1 ps nm⁻³), and σ_abs is held fixed
    while R changes, as in the review's R^(−3/2) argument.
    """
    volumes = auger.sphere_volume_nm3(RADII_NM)
    tau_std = auger.auger_lifetime_ps(volumes, auger.CHI_STANDARD_PS_NM3)
    tau_pvk = auger.auger_lifetime_ps(volumes, auger.CHI_PEROVSKITE_PS_NM3)
    i_th = pumping.cw_gain_threshold_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2, tau_x_ns,
                                                     tau_std)
    rate_half = pumping.half_saturation_rate_per_s(tau_x_ns, tau_std)
    i_half = pumping.intensity_from_rate_w_cm2(rate_half, photon_energy_ev, sigma_abs_cm2)
    tau_here = float(auger.auger_lifetime_ps(auger.sphere_volume_nm3(radius_nm)))
    i_th_here = float(pumping.cw_gain_threshold_intensity_w_cm2(
        photon_energy_ev, sigma_abs_cm2, tau_x_ns, tau_here))
    i_half_here = float(pumping.intensity_from_rate_w_cm2(
        pumping.half_saturation_rate_per_s(tau_x_ns, tau_here), photon_energy_ev, sigma_abs_cm2))
    return {"radius_nm": radius_nm, "radii": RADII_NM, "tau_std": tau_std, "tau_pvk": tau_pvk,
            "i_th": i_th, "i_half": i_half, "tau_here": tau_here, "i_th_here": i_th_here,
            "i_half_here": i_half_here, "ratio": i_half_here / i_th_here}


def auger_thresholds_view(r: dict):
    """Auger lifetimes (left) and cw thresholds (right) versus radius."""
    fig, (ax_t, ax_i) = new_figure(7.0, 3.2, ncols=2)
    ax_t.semilogy(r["radii"], r["tau_std"], color=PALETTE[1], label="χ = 1 ps nm⁻³ (II-VI, IV-VI)")
    ax_t.semilogy(r["radii"], r["tau_pvk"], color=PALETTE[2], label="χ = 0.06 ps nm⁻³ (perovskite)")
    (dot_t,) = ax_t.plot([r["radius_nm"]], [r["tau_here"]], "o", color=PALETTE[0])
    ax_t.set(xlabel="radius R (nm)", ylabel="$\\tau_{A,XX}$ (ps)")
    ax_t.legend(loc="lower right")
    (l_th,) = ax_i.loglog(r["radii"], r["i_th"] / 1e3, color=PALETTE[0], label="gain, $I_{th}$")
    (l_half,) = ax_i.loglog(r["radii"], r["i_half"] / 1e3, color=PALETTE[3],
                            label="lasing, $I_{1/2}$ (eq. 4)")
    (d_th,) = ax_i.plot([r["radius_nm"]], [r["i_th_here"] / 1e3], "o", color=PALETTE[0])
    (d_half,) = ax_i.plot([r["radius_nm"]], [r["i_half_here"] / 1e3], "o", color=PALETTE[3])
    ax_i.set(xlabel="radius R (nm)", ylabel="cw pump intensity (kW cm$^{-2}$)")
    ax_i.xaxis.set_major_formatter(ScalarFormatter())
    ax_i.xaxis.set_minor_formatter(ScalarFormatter())
    ax_i.legend(loc="upper right")
    title = ax_i.set_title("", fontsize=9)

    def update(r):
        dot_t.set_data([r["radius_nm"]], [r["tau_here"]])
        l_th.set_ydata(r["i_th"] / 1e3)
        l_half.set_ydata(r["i_half"] / 1e3)
        d_th.set_data([r["radius_nm"]], [r["i_th_here"] / 1e3])
        d_half.set_data([r["radius_nm"]], [r["i_half_here"] / 1e3])
        title.set_text(f"R = {r['radius_nm']:.2f} nm: τ_A,XX = {r['tau_here']:.0f} ps, "
                       f"$I_{{1/2}}/I_{{th}}$ = {r['ratio']:.1f}")
        lo = min(r["i_th"].min(), r["i_half"].min()) / 1e3
        hi = max(r["i_th"].max(), r["i_half"].max()) / 1e3
        ax_i.set_ylim(lo / 2, hi * 2)

    update(r)
    return fig, update


def auger_thresholds_explorer(radius_nm: float = 2.5, tau_x_ns: float = 20.0,
                              sigma_abs_cm2: float = 3e-15, **kwargs) -> Exploration:
    """Radius, τ_X and σ_abs → Auger lifetime and cw gain versus lasing thresholds."""
    controls = {
        "radius_nm": widgets.FloatSlider(value=radius_nm, min=1.0, max=6.0, step=0.05,
                                         description="radius R (nm)"),
        "tau_x_ns": widgets.FloatSlider(value=tau_x_ns, min=2.0, max=60.0, step=1.0,
                                        description="τ_X (ns)"),
        "sigma_abs_cm2": widgets.FloatLogSlider(value=sigma_abs_cm2, base=10, min=-16, max=-12,
                                                step=0.05, description="σ_abs (cm²)",
                                                readout_format=".1e"),
    }
    return Exploration(auger_thresholds_model, controls, auger_thresholds_view, **kwargs)


# ------------------------------------------------------------------ 2.4 Auger engineering
QD_TYPES = {
    # name: (tau_A,XX [ps], sigma_abs [cm^2], pump photon energy [eV]); values from the
    # review, sections 2.3.3 (standard CdSe, R = 2.5 nm), 2.4.1 (g-QD) and 2.4.2 (cg-QD,
    # tau_A,XX derived from tau_XX = 1.3 ns and tau_r,X = 12 ns).
    "standard CdSe": (float(auger.auger_lifetime_ps(auger.sphere_volume_nm3(2.5))), 3e-15, 3.0),
    "giant CdSe/CdS": (600.0, 5.5e-14, 2.8),
    "graded cg-QD": (float(auger.auger_lifetime_from_biexciton(
        1300.0, auger.biexciton_radiative_lifetime(12000.0))), 1.8e-13, 3.1),
}
TAU_GRID_PS = np.logspace(1, 4, 121)


def auger_control_model(tau_a_xx_ps: float = 600.0, sigma_abs_cm2: float = 5.5e-14,
                        photon_energy_ev: float = 2.8) -> dict:
    """I_1/2 versus τ_A,XX at the chosen σ_abs, with the three QD types of the review."""
    curve = pumping.half_saturation_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2, TAU_GRID_PS)
    here = float(pumping.half_saturation_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2,
                                                         tau_a_xx_ps))
    types = {name: float(pumping.half_saturation_intensity_w_cm2(e, s, t))
             for name, (t, s, e) in QD_TYPES.items()}
    return {"tau_grid": TAU_GRID_PS, "curve": curve, "tau": tau_a_xx_ps, "i_half": here,
            "sigma": sigma_abs_cm2, "types": types}


def auger_control_view(r: dict):
    """Half-saturation intensity versus Auger lifetime, with the QD types marked."""
    fig, ax = new_figure(6.4, 3.4)
    (curve,) = ax.loglog(r["tau_grid"], r["curve"] / 1e3, color=PALETTE[0])
    for k, (name, value) in enumerate(r["types"].items()):
        ax.plot([QD_TYPES[name][0]], [value / 1e3], "s", color=PALETTE[k + 1], label=name)
    (dot,) = ax.plot([r["tau"]], [r["i_half"] / 1e3], "o", color=PALETTE[0], ms=8)
    ax.axhspan(1e-3, 30, color=PALETTE[2], alpha=0.08)
    ax.text(12, 12, "tens of kW cm⁻² or less: tolerable cw pumping", fontsize=8, color=PALETTE[2])
    ax.set(xlabel="biexciton Auger lifetime $\\tau_{A,XX}$ (ps)",
           ylabel="$I_{1/2}$ (kW cm$^{-2}$)", ylim=(1e-1, 1e5))
    ax.legend(loc="upper right")
    title = ax.set_title("", fontsize=9)

    def update(r):
        curve.set_ydata(r["curve"] / 1e3)
        dot.set_data([r["tau"]], [r["i_half"] / 1e3])
        title.set_text(f"σ_abs = {r['sigma']:.1e} cm², τ_A,XX = {r['tau']:.0f} ps → "
                       f"$I_{{1/2}}$ = {r['i_half'] / 1e3:.3g} kW cm$^{{-2}}$")

    update(r)
    return fig, update


def auger_control_explorer(tau_a_xx_ps: float = 600.0, sigma_abs_cm2: float = 5.5e-14,
                           **kwargs) -> Exploration:
    """τ_A,XX and σ_abs → Auger-limited lasing threshold, against standard, giant and graded QDs."""
    controls = {
        "tau_a_xx_ps": widgets.FloatLogSlider(value=tau_a_xx_ps, base=10, min=1, max=4,
                                              step=0.02, description="τ_A,XX (ps)",
                                              readout_format=".3g"),
        "sigma_abs_cm2": widgets.FloatLogSlider(value=sigma_abs_cm2, base=10, min=-15, max=-12,
                                                step=0.05, description="σ_abs (cm²)",
                                                readout_format=".1e"),
    }
    return Exploration(auger_control_model, controls, auger_control_view, **kwargs)
