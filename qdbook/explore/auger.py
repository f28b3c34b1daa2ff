"""Explorations of Auger recombination and the thresholds it sets.

Lifetimes and thresholds of spherical dots, Auger control (giant and graded
shells), perovskite cubes, and the outlook's threshold map.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import ScalarFormatter

from .. import auger, electrical, perovskite, pumping
from ..plotting import PALETTE, new_figure
from ..units import convert
from ._browser import Formula, relation, symbol
from ._core import Exploration
from ._figure import Figure, HSpan, Line, Panel, Points, Text

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


AUGER_CONTROL_FIGURE = Figure(width=6.4, height=3.4, panels=[Panel(
    xlabel="biexciton Auger lifetime τ_A,XX (ps)", ylabel="I_1/2 (kW cm⁻²)",
    xlog=True, ylog=True, ylim=(1e-1, 1e5), legend="upper right",
    title="σ_abs = {sigma:.1e} cm², τ_A,XX = {tau:.0f} ps → I_1/2 = {i_half*1e-3:.3g} kW cm⁻²",
    items=[
        HSpan(y0=1e-3, y1=30.0, color=2, alpha=0.08),
        Text(x=12.0, y=12.0, text="tens of kW cm⁻² or less: tolerable cw pumping", color=2),
        Line(x="tau_grid", y="curve", yscale=1e-3, color=0),
        *[Points(x=QD_TYPES[name][0], y=f"types.{name}", yscale=1e-3, marker="s", color=k + 1,
                 label=name) for k, name in enumerate(QD_TYPES)],
        Points(x="tau", y="i_half", yscale=1e-3, color=0, size=8),
    ])])
"""I_1/2 versus τ_A,XX with the chosen dot and the three QD types (kernel and browser)."""


def auger_control_formula() -> Formula:
    """Browser model: rel-2.3-half-intensity over the τ grid and at the chosen τ_A,XX."""
    tau, sigma, energy = symbol("tau_a_xx_ps"), symbol("sigma_abs_cm2"), symbol("photon_energy_ev")

    def i_half(t):
        return relation("rel-2.3-half-intensity", E_p=convert(energy, "eV", "J"),
                        sigma_abs=sigma, tau_A=convert(t, "ps", "s"))

    return Formula({"curve": i_half(symbol("tau_grid")), "i_half": i_half(tau), "tau": tau,
                    "sigma": sigma}, grids={"tau_grid": TAU_GRID_PS})


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
    return Exploration(auger_control_model, controls, figure=AUGER_CONTROL_FIGURE,
                       browser=auger_control_formula, **kwargs)


# ------------------------------------------------------------------ 4.2 Auger: CsPbBr3 vs CdSe
EDGE_GRID = np.linspace(3.0, 15.0, 121)


def perovskite_auger_model(edge_nm: float = 8.0, chi_ps_nm3: float = 0.06,
                           sigma_abs_cm2: float = 1e-14, photon_energy_ev: float = 3.0) -> dict:
    """Auger lifetimes and cw lasing thresholds of a perovskite cube and of CdSe.

    The CdSe particle has the same volume and σ_abs; the thresholds are the
    Auger-limited I_1/2 of rel-2.3-half-intensity.
    """
    tau_p = perovskite.cube_auger_lifetime_ps(EDGE_GRID, chi_ps_nm3)
    tau_c = perovskite.cube_auger_lifetime_ps(EDGE_GRID, auger.CHI_STANDARD_PS_NM3)
    tau_p_here = float(perovskite.cube_auger_lifetime_ps(edge_nm, chi_ps_nm3))
    tau_c_here = float(perovskite.cube_auger_lifetime_ps(edge_nm, auger.CHI_STANDARD_PS_NM3))
    i_half = pumping.half_saturation_intensity_w_cm2
    return {
        "edge": edge_nm, "chi": chi_ps_nm3, "edges": EDGE_GRID, "tau_p": tau_p, "tau_c": tau_c,
        "tau_p_here": tau_p_here, "tau_c_here": tau_c_here,
        "i_p": i_half(photon_energy_ev, sigma_abs_cm2, tau_p),
        "i_c": i_half(photon_energy_ev, sigma_abs_cm2, tau_c),
        "i_p_here": float(i_half(photon_energy_ev, sigma_abs_cm2, tau_p_here)),
        "i_c_here": float(i_half(photon_energy_ev, sigma_abs_cm2, tau_c_here)),
        "ratio": float(perovskite.equal_volume_auger_ratio(chi_ps_nm3)),
    }


def perovskite_auger_view(r: dict):
    """τ_A,XX (left) and I_1/2 (right) versus cube edge, perovskite against CdSe."""
    fig, (ax_t, ax_i) = new_figure(7.0, 3.2, ncols=2)
    (lt_p,) = ax_t.semilogy(r["edges"], r["tau_p"], color=PALETTE[2], label="perovskite, χ")
    ax_t.semilogy(r["edges"], r["tau_c"], color=PALETTE[0], label="CdSe, χ = 1 ps nm⁻³")
    (dt_p,) = ax_t.plot([r["edge"]], [r["tau_p_here"]], "o", color=PALETTE[2])
    (dt_c,) = ax_t.plot([r["edge"]], [r["tau_c_here"]], "o", color=PALETTE[0])
    ax_t.set(xlabel="cube edge L (nm)", ylabel="$\\tau_{A,XX}$ (ps)", ylim=(0.5, 1e4))
    ax_t.legend(loc="lower right")
    (li_p,) = ax_i.semilogy(r["edges"], r["i_p"] / 1e6, color=PALETTE[2], label="perovskite")
    ax_i.semilogy(r["edges"], r["i_c"] / 1e6, color=PALETTE[0], label="CdSe")
    (di_p,) = ax_i.plot([r["edge"]], [r["i_p_here"] / 1e6], "o", color=PALETTE[2])
    (di_c,) = ax_i.plot([r["edge"]], [r["i_c_here"] / 1e6], "o", color=PALETTE[0])
    ax_i.set(xlabel="cube edge L (nm)", ylabel="$I_{1/2}$ (MW cm$^{-2}$)", ylim=(1e-3, 1e4))
    ax_i.legend(loc="upper right")
    title = ax_i.set_title("", fontsize=9)

    def update(r):
        lt_p.set_ydata(r["tau_p"])
        li_p.set_ydata(r["i_p"] / 1e6)
        dt_p.set_data([r["edge"]], [r["tau_p_here"]])
        dt_c.set_data([r["edge"]], [r["tau_c_here"]])
        di_p.set_data([r["edge"]], [r["i_p_here"] / 1e6])
        di_c.set_data([r["edge"]], [r["i_c_here"] / 1e6])
        title.set_text(f"L = {r['edge']:.1f} nm: τ = {r['tau_p_here']:.1f} vs "
                       f"{r['tau_c_here']:.0f} ps, ratio {r['ratio']:.1f}")

    update(r)
    return fig, update


def perovskite_auger_explorer(edge_nm: float = 8.0, chi_ps_nm3: float = 0.06,
                              **kwargs) -> Exploration:
    """Cube edge and χ → Auger lifetime and cw lasing threshold, CsPbX₃ against CdSe."""
    controls = {
        "edge_nm": widgets.FloatSlider(value=edge_nm, min=3.0, max=15.0, step=0.5,
                                       description="edge L (nm)"),
        "chi_ps_nm3": widgets.FloatLogSlider(value=chi_ps_nm3, base=10, min=-2, max=0.5,
                                             step=0.02, description="χ (ps nm⁻³)",
                                             readout_format=".3f"),
    }
    kwargs.setdefault("n_frames", 13)
    return Exploration(perovskite_auger_model, controls, perovskite_auger_view, **kwargs)


TAU_XX_GRID_PS = np.logspace(1.0, 4.5, 141)


REFERENCE_DOTS = {
    # name: (radius [nm], tau_X [ns], tau_XX [ps], sigma_abs [cm^2], pump energy [eV]); review
    # sections 2.3.3 (standard CdSe) and 2.4.2 (cg-QD: tau_X = tau_r,X = 12 ns, tau_XX = 1.3 ns,
    # sigma = 1.8e-13 cm^2 at 3.1 eV; radius 2 + 7 + 0.4 nm).
    "standard CdSe": (2.5, 20.0, float(auger.auger_lifetime_ps(auger.sphere_volume_nm3(2.5))),
                      3e-15, 3.0),
    "graded cg-QD": (electrical.CG_QD_RADIUS_NM, 12.0, 1300.0, 1.8e-13, 3.1),
}


def outlook_model(tau_xx_ps: float = 1300.0, radius_nm: float = 9.4, tau_x_ns: float = 12.0,
                  sigma_abs_cm2: float = 1.8e-13, photon_energy_ev: float = 3.1) -> dict:
    """Optical (I_1/2, eq-4) and electrical (j_1/2, eq-9) lasing thresholds versus τ_XX."""
    def optical(tau):
        rate = pumping.half_saturation_rate_per_s(tau_x_ns, tau)
        return pumping.intensity_from_rate_w_cm2(rate, photon_energy_ev, sigma_abs_cm2)

    def current(tau):
        return electrical.half_saturation_current_density_a_cm2(radius_nm, tau_x_ns, tau)

    refs = {}
    for name, (r, tx, txx, s, e) in REFERENCE_DOTS.items():
        rate = pumping.half_saturation_rate_per_s(tx, txx)
        refs[name] = (txx, float(pumping.intensity_from_rate_w_cm2(rate, e, s)),
                      float(electrical.half_saturation_current_density_a_cm2(r, tx, txx)))
    return {"tau_grid": TAU_XX_GRID_PS, "i_half": optical(TAU_XX_GRID_PS),
            "j_half": current(TAU_XX_GRID_PS), "tau": tau_xx_ps,
            "i_here": float(optical(tau_xx_ps)), "j_here": float(current(tau_xx_ps)),
            "refs": refs}


def outlook_view(r: dict):
    """I_1/2 (left) and j_1/2 (right) against τ_XX, with the reference dots."""
    fig, (ax_i, ax_j) = new_figure(7.0, 3.2, ncols=2)
    (line_i,) = ax_i.loglog(r["tau_grid"], r["i_half"] / 1e3, color=PALETTE[0])
    (line_j,) = ax_j.loglog(r["tau_grid"], r["j_half"], color=PALETTE[0])
    for k, (name, (tau, i_ref, j_ref)) in enumerate(r["refs"].items()):
        ax_i.plot([tau], [i_ref / 1e3], "s", color=PALETTE[k + 1], label=name)
        ax_j.plot([tau], [j_ref], "s", color=PALETTE[k + 1], label=name)
    (dot_i,) = ax_i.plot([r["tau"]], [r["i_here"] / 1e3], "o", color=PALETTE[0])
    (dot_j,) = ax_j.plot([r["tau"]], [r["j_here"]], "o", color=PALETTE[0])
    ax_i.set(xlabel="biexciton lifetime τ_XX (ps)", ylabel="optical $I_{1/2}$ (kW cm$^{-2}$)")
    ax_j.set(xlabel="biexciton lifetime τ_XX (ps)", ylabel="electrical $j_{1/2}$ (A cm$^{-2}$)")
    ax_i.legend(loc="upper right")
    title = fig.suptitle("", fontsize=9)

    def update(r):
        line_i.set_ydata(r["i_half"] / 1e3)
        line_j.set_ydata(r["j_half"])
        dot_i.set_data([r["tau"]], [r["i_here"] / 1e3])
        dot_j.set_data([r["tau"]], [r["j_here"]])
        title.set_text(f"cg-QD-like dot with τ_XX = {r['tau']:.0f} ps: "
                       f"$I_{{1/2}}$ = {r['i_here'] / 1e3:.3g} kW cm$^{{-2}}$, "
                       f"$j_{{1/2}}$ = {r['j_here']:.3g} A cm$^{{-2}}$")

    update(r)
    return fig, update


def outlook_explorer(tau_xx_ps: float = 1300.0, **kwargs) -> Exploration:
    """τ_XX (and, live, τ_X) → optical and electrical lasing thresholds of a graded dot."""
    controls = {
        "tau_xx_ps": widgets.FloatLogSlider(value=tau_xx_ps, base=10, min=1.0, max=4.5,
                                            step=0.02, description="τ_XX (ps)",
                                            readout_format=".3g"),
        "tau_x_ns": widgets.FloatSlider(value=12.0, min=2.0, max=40.0, step=0.5,
                                        description="τ_X (ns)"),
    }
    return Exploration(outlook_model, controls, outlook_view, **kwargs)
