"""Exploration of chapter 7: how far Auger engineering takes the thresholds.

``outlook_model`` evaluates the cw lasing thresholds of chapter 2 (optical,
eq-4) and chapter 5 (electrical, eq-9) of one dot against its biexciton
lifetime; the view marks the standard and graded dots of the review.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .. import auger, electrical, pumping
from ..plotting import PALETTE, new_figure
from ._core import Exploration

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
