"""Explorations of chapter 4: nanoplatelets and perovskite nanocrystals.

Each ``*_model`` is a pure function over :mod:`qdbook.wells` and
:mod:`qdbook.perovskite` (what the tests drive); each ``*_explorer`` wraps it
in an :class:`~qdbook.explore.Exploration`. The first control is the one the
static book sweeps.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .. import auger, perovskite, pumping, wells
from ..materials import get_material
from ..plotting import PALETTE, new_figure
from ._core import Exploration

CDSE = get_material("CdSe")

# ------------------------------------------------------------------ 4.1 thickness and levels
ML_GRID = np.linspace(2.0, 9.0, 57)
GAP_INFINITE = wells.platelet_gap_ev(ML_GRID, CDSE.eg0_ev, CDSE.me, CDSE.mh)
MEASURED_ML = np.array(sorted(wells.MEASURED_CDSE_NPL_EMISSION))
MEASURED_EV = wells.wavelength_to_ev([wells.MEASURED_CDSE_NPL_EMISSION[k][0] for k in MEASURED_ML])
N_LEVEL_ARTISTS = 6


def well_levels_model(monolayers: float = 4.0, barrier_ev: float = 3.0) -> dict:
    """Gap versus thickness (infinite and finite well) and the finite-well levels at one thickness.

    The same barrier height confines electrons and holes (an assumption of the
    model); masses and bulk gap are CdSe's from :mod:`qdbook.materials`.
    """
    d = float(wells.platelet_thickness_nm(monolayers))
    return {
        "monolayers": monolayers, "barrier": barrier_ev, "d": d,
        "ml_grid": ML_GRID, "gap_infinite": GAP_INFINITE,
        "gap_finite": wells.platelet_gap_ev(ML_GRID, CDSE.eg0_ev, CDSE.me, CDSE.mh, barrier_ev),
        "gap_here": float(wells.platelet_gap_ev(monolayers, CDSE.eg0_ev, CDSE.me, CDSE.mh,
                                                barrier_ev)),
        "gap_here_infinite": float(wells.platelet_gap_ev(monolayers, CDSE.eg0_ev, CDSE.me,
                                                         CDSE.mh)),
        "electron": wells.finite_well_levels_ev(d, CDSE.me, barrier_ev),
        "hole": wells.finite_well_levels_ev(d, CDSE.mh, barrier_ev),
        "measured_ml": MEASURED_ML, "measured_ev": MEASURED_EV,
    }


def well_levels_view(r: dict):
    """Gap versus thickness (left) and the well with its bound levels (right)."""
    fig, (ax_g, ax_w) = new_figure(7.0, 3.2, ncols=2)
    ax_g.plot(r["ml_grid"], r["gap_infinite"], color=PALETTE[1], ls="--", label="infinite well")
    (finite,) = ax_g.plot(r["ml_grid"], r["gap_finite"], color=PALETTE[0], label="finite well")
    ax_g.plot(r["measured_ml"], r["measured_ev"], "s", color=PALETTE[6], label="measured PL")
    (dot,) = ax_g.plot([r["monolayers"]], [r["gap_here"]], "o", color=PALETTE[0], ms=7)
    ax_g.axhline(CDSE.eg0_ev, color="0.5", lw=0.8, ls=":")
    ax_g.set(xlabel="thickness (monolayers)", ylabel="band-edge energy (eV)", ylim=(1.5, 5.0))
    ax_g.legend(loc="upper right")
    title = ax_g.set_title("", fontsize=9)
    # Right: conduction-band well (up) and valence-band well (down), energies from the edges.
    (profile_e,) = ax_w.plot([], [], color="0.3", lw=1.2)
    (profile_h,) = ax_w.plot([], [], color="0.3", lw=1.2)
    e_lines = [ax_w.plot([], [], color=PALETTE[0], lw=2)[0] for _ in range(N_LEVEL_ARTISTS)]
    h_lines = [ax_w.plot([], [], color=PALETTE[1], lw=2)[0] for _ in range(N_LEVEL_ARTISTS)]
    ax_w.set(xlabel="z (nm)", ylabel="energy from each band edge (eV)", xlim=(-1.5, 1.5))
    ax_w.text(0.02, 0.97, "electrons", color=PALETTE[0], transform=ax_w.transAxes, va="top",
              fontsize=8)
    ax_w.text(0.02, 0.03, "holes", color=PALETTE[1], transform=ax_w.transAxes, fontsize=8)

    def update(r):
        finite.set_ydata(r["gap_finite"])
        dot.set_data([r["monolayers"]], [r["gap_here"]])
        title.set_text(f"{r['monolayers']:g} ML (d = {r['d']:.2f} nm): finite "
                       f"{r['gap_here']:.2f} eV, infinite {r['gap_here_infinite']:.2f} eV")
        half, v0 = r["d"] / 2, r["barrier"]
        xs = [-1.5, -half, -half, half, half, 1.5]
        profile_e.set_data(xs, [v0, v0, 0, 0, v0, v0])
        profile_h.set_data(xs, [-v0, -v0, 0, 0, -v0, -v0])
        for lines, levels, sign in ((e_lines, r["electron"], 1), (h_lines, r["hole"], -1)):
            for k, line in enumerate(lines):
                if k < len(levels):
                    line.set_data([-half, half], [sign * levels[k]] * 2)
                    line.set_visible(True)
                else:
                    line.set_visible(False)
        ax_w.set_ylim(-1.15 * v0, 1.15 * v0)

    update(r)
    return fig, update


def well_levels_explorer(monolayers: float = 4.0, barrier_ev: float = 3.0,
                         **kwargs) -> Exploration:
    """Thickness in monolayers and barrier height → levels and band-edge energy of CdSe NPLs."""
    controls = {
        "monolayers": widgets.FloatSlider(value=monolayers, min=2.0, max=9.0, step=0.5,
                                          description="thickness (ML)"),
        "barrier_ev": widgets.FloatSlider(value=barrier_ev, min=0.5, max=6.0, step=0.25,
                                          description="barrier V₀ (eV)"),
    }
    kwargs.setdefault("n_frames", 15)
    return Exploration(well_levels_model, controls, well_levels_view, **kwargs)


# ------------------------------------------------------------------ 4.1 Auger and gain regimes
VOLUME_GRID = np.logspace(0.5, 3.5, 121)
AREA_GRID = np.logspace(1, 3.5, 121)
TAU_NPL_GRID = wells.npl_auger_lifetime_ps(VOLUME_GRID)
TAU_DOT_GRID = auger.auger_lifetime_ps(VOLUME_GRID)


def npl_gain_model(area_nm2: float = 340.0, exciton_radius_nm: float = 1.8,
                   monolayers: float = 4.0) -> dict:
    """Auger lifetime and gain regime of a platelet of given area, thickness and a_2D."""
    volume = float(area_nm2 * wells.platelet_thickness_nm(monolayers))
    n_max = float(wells.max_excitons_per_platelet(area_nm2, exciton_radius_nm))
    return {
        "area": area_nm2, "a2d": exciton_radius_nm, "monolayers": monolayers, "volume": volume,
        "tau_npl": float(wells.npl_auger_lifetime_ps(volume)),
        "tau_dot": float(auger.auger_lifetime_ps(volume)),
        "n_max": n_max, "mott_cm2": float(wells.mott_density_cm2(exciton_radius_nm)),
        "regime_low": wells.gain_regime(1.0, area_nm2, exciton_radius_nm),
        "regime_high": wells.gain_regime(max(2 * n_max, 2.0), area_nm2, exciton_radius_nm),
        "v_grid": VOLUME_GRID, "tau_npl_grid": TAU_NPL_GRID, "tau_dot_grid": TAU_DOT_GRID,
        "a_grid": AREA_GRID,
        "n_max_grid": wells.max_excitons_per_platelet(AREA_GRID, exciton_radius_nm),
        "a_state": 2 * np.pi * exciton_radius_nm**2,
    }


def npl_gain_view(r: dict):
    """Auger lifetime versus volume (left) and the gain-regime map, area versus ⟨N⟩ (right)."""
    fig, (ax_t, ax_r) = new_figure(7.0, 3.2, ncols=2)
    ax_t.loglog(r["v_grid"], r["tau_npl_grid"], color=PALETTE[1], label="NPL: 2.7 ps nm⁻³, plateau")
    ax_t.loglog(r["v_grid"], r["tau_dot_grid"], color="0.4", ls="--", label="0D dots: 1 ps nm⁻³")
    (dot,) = ax_t.plot([r["volume"]], [r["tau_npl"]], "o", color=PALETTE[1], ms=7)
    ax_t.set(xlabel="volume V (nm³)", ylabel="$\\tau_{A,XX}$ (ps)")
    ax_t.legend(loc="lower right")
    title_t = ax_t.set_title("", fontsize=9)
    (mott,) = ax_r.loglog(r["a_grid"], r["n_max_grid"], color=PALETTE[0])
    ax_r.axhline(1.0, color=PALETTE[2], lw=1, ls=":")
    state = ax_r.axvspan(r["a_grid"][0], r["a_state"], color=PALETTE[2], alpha=0.15)
    (here,) = ax_r.plot([r["area"]] * 2, [0.1, 1e3], color=PALETTE[1], lw=1.2)
    ax_r.text(0.97, 0.95, "e-h plasma", transform=ax_r.transAxes, ha="right", va="top",
              fontsize=8)
    ax_r.text(0.97, 0.30, "excitons\n(space filling)", transform=ax_r.transAxes, ha="right",
              fontsize=8)
    label_state = ax_r.text(0, 0.2, "state\nfilling", fontsize=8, color=PALETTE[2])
    ax_r.set(xlabel="platelet area A (nm²)", ylabel="excitons per platelet ⟨N⟩",
             xlim=(r["a_grid"][0], r["a_grid"][-1]), ylim=(0.1, 1e3))
    title_r = ax_r.set_title("", fontsize=9)

    def update(r):
        dot.set_data([r["volume"]], [r["tau_npl"]])
        title_t.set_text(f"V = {r['volume']:.0f} nm³: τ = {r['tau_npl']:.0f} ps "
                         f"(0D: {r['tau_dot']:.0f} ps)")
        mott.set_ydata(r["n_max_grid"])
        x0 = r["a_grid"][0]
        state.set_x(x0)
        state.set_width(r["a_state"] - x0)
        label_state.set_x(x0 * 1.1)
        here.set_xdata([r["area"]] * 2)
        title_r.set_text(f"A/(πa²) = {r['n_max']:.1f}; ρ_Mott = {r['mott_cm2']:.1e} cm⁻²")

    update(r)
    return fig, update


def npl_gain_explorer(area_nm2: float = 340.0, exciton_radius_nm: float = 1.8,
                      monolayers: float = 4.0, **kwargs) -> Exploration:
    """Platelet area, 2D exciton radius and thickness → Auger lifetime and gain regime."""
    controls = {
        "area_nm2": widgets.FloatLogSlider(value=area_nm2, base=10, min=1.0, max=3.5, step=0.02,
                                           description="area A (nm²)", readout_format=".0f"),
        "exciton_radius_nm": widgets.FloatSlider(value=exciton_radius_nm, min=0.5, max=5.0,
                                                 step=0.1, description="a_2D (nm)"),
        "monolayers": widgets.FloatSlider(value=monolayers, min=2.0, max=9.0, step=0.5,
                                          description="thickness (ML)"),
    }
    kwargs.setdefault("n_frames", 15)
    return Exploration(npl_gain_model, controls, npl_gain_view, **kwargs)


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


# ------------------------------------------------------------------ 4.2 degeneracy and saturation
MEAN_N_GRID = np.logspace(-2, np.log10(30.0), 160)
DEGENERACIES = {"g_e = g_h = 2": (2, 2), "g_min = 2, g_max = 4": (2, 4), "g_e = g_h = 4": (4, 4)}
_CURVES = {name: perovskite.early_signal(MEAN_N_GRID, *g) for name, g in DEGENERACIES.items()}
_LATE = perovskite.late_signal(MEAN_N_GRID)


def degeneracy_model(mean_n: float = 1.0, degeneracy: str = "g_e = g_h = 2") -> dict:
    """Early (A) and late (B) signals versus ⟨N⟩ for three degeneracy choices; values at ⟨N⟩."""
    if degeneracy not in DEGENERACIES:
        raise ValueError(f"degeneracy must be one of {list(DEGENERACIES)}, got {degeneracy!r}")
    g_e, g_h = DEGENERACIES[degeneracy]
    a_here = float(perovskite.early_signal(mean_n, g_e, g_h))
    b_here = float(perovskite.late_signal(mean_n))
    return {"mean_n": mean_n, "name": degeneracy, "g": (g_e, g_h), "grid": MEAN_N_GRID,
            "curves": _CURVES, "late": _LATE, "a": a_here, "b": b_here,
            "ratio": a_here / b_here, "threshold": perovskite.band_edge_gain_threshold(g_e, g_h)}


def degeneracy_view(r: dict):
    """A and B versus ⟨N⟩ (left) and A/B (right) for g = 2, (2, 4) and 4."""
    fig, (ax_s, ax_r) = new_figure(7.0, 3.2, ncols=2)
    colours = dict(zip(DEGENERACIES, (PALETTE[6], PALETTE[0], PALETTE[2]), strict=True))
    widths = {}
    for name, curve in r["curves"].items():
        (widths[name],) = ax_s.loglog(r["grid"], curve, color=colours[name], label=f"A: {name}")
        ax_r.semilogx(r["grid"], curve / r["late"], color=colours[name])
    ax_s.loglog(r["grid"], r["late"], color=PALETTE[1], ls="--", label="B = 1 − $p_0$")
    (dot_a,) = ax_s.plot([], [], "o", color="k")
    (dot_b,) = ax_s.plot([], [], "s", color=PALETTE[1])
    (dot_r,) = ax_r.plot([], [], "o", color="k")
    ax_s.set(xlabel="⟨N⟩", ylabel="signal (units of a single exciton)", ylim=(5e-3, 30))
    ax_s.legend(loc="upper left", fontsize=7.5)
    ax_r.set(xlabel="⟨N⟩", ylabel="early/late ratio A/B", ylim=(0, 17))
    for name, (g_e, g_h) in DEGENERACIES.items():
        ax_r.axhline(g_e * g_h, color=colours[name], lw=0.8, ls=":")
    title = ax_r.set_title("", fontsize=9)

    def update(r):
        for name, line in widths.items():
            line.set_linewidth(2.6 if name == r["name"] else 1.2)
        dot_a.set_data([r["mean_n"]], [r["a"]])
        dot_b.set_data([r["mean_n"]], [r["b"]])
        dot_r.set_data([r["mean_n"]], [r["ratio"]])
        title.set_text(f"{r['name']}, ⟨N⟩ = {r['mean_n']:.2g}: A/B = {r['ratio']:.2f}, "
                       f"⟨N_th⟩ = {r['threshold']:.2f}")

    update(r)
    return fig, update


def degeneracy_explorer(mean_n: float = 1.0, degeneracy: str = "g_e = g_h = 2",
                        **kwargs) -> Exploration:
    """⟨N⟩ and band-edge degeneracies → saturation of early and late signals."""
    controls = {
        "mean_n": widgets.FloatLogSlider(value=mean_n, base=10, min=-1.5, max=np.log10(30.0),
                                         step=0.02, description="⟨N⟩", readout_format=".2f"),
        "degeneracy": widgets.Dropdown(options=list(DEGENERACIES), value=degeneracy,
                                       description="degeneracy"),
    }
    kwargs.setdefault("n_frames", 13)
    return Exploration(degeneracy_model, controls, degeneracy_view, **kwargs)


# ------------------------------------------------------------------ 4.2 halide composition
POSITION_GRID = np.linspace(-1.0, 1.0, 121)
LAMBDA_GRID = np.linspace(380.0, 760.0, 200)


def wavelength_rgb(wavelength_nm: float) -> tuple[float, float, float]:
    """Approximate display colour of a wavelength.

    Piecewise-linear, after D. Bruton's widely used scheme; a display aid, not
    a colorimetric calculation.
    """
    lam = float(wavelength_nm)
    if lam < 380 or lam > 780:
        return (0.5, 0.5, 0.5)
    stops = [(380, (0.38, 0.0, 0.5)), (440, (0.0, 0.0, 1.0)), (490, (0.0, 1.0, 1.0)),
             (510, (0.0, 1.0, 0.0)), (580, (1.0, 1.0, 0.0)), (645, (1.0, 0.0, 0.0)),
             (780, (0.5, 0.0, 0.0))]
    xs = [s[0] for s in stops]
    return tuple(float(np.interp(lam, xs, [s[1][k] for s in stops])) for k in range(3))


def halide_model(position: float = 0.0) -> dict:
    """Emission energy, wavelength and ensemble line of CsPb(Cl/Br/I)₃ at halide coordinate s."""
    x_cl, x_i = perovskite.halide_scale_to_fractions(position)
    energy = float(perovskite.mixed_halide_emission_ev(x_cl, x_i))
    lam = float(perovskite.emission_wavelength_nm(position))
    fwhm_ev = float(perovskite.emission_fwhm_mev(lam)) / 1e3
    photon_ev = wells.wavelength_to_ev(LAMBDA_GRID)
    line = np.exp(-4 * np.log(2) * ((photon_ev - energy) / fwhm_ev) ** 2)
    label = ("CsPbBr$_3$" if position == 0 else
             f"CsPb(Cl$_{{{3 * x_cl:.2f}}}$Br$_{{{3 * (1 - x_cl):.2f}}}$)" if position < 0 else
             f"CsPb(Br$_{{{3 * (1 - x_i):.2f}}}$I$_{{{3 * x_i:.2f}}}$)")
    return {"position": position, "x_cl": float(x_cl), "x_i": float(x_i), "energy": energy,
            "wavelength": lam, "fwhm_mev": fwhm_ev * 1e3, "label": label,
            "grid": POSITION_GRID,
            "energy_curve": perovskite.mixed_halide_emission_ev(
                *perovskite.halide_scale_to_fractions(POSITION_GRID)),
            "lambda_grid": LAMBDA_GRID, "line": line, "colour": wavelength_rgb(lam)}


def halide_view(r: dict):
    """Emission energy versus composition (left) and the emission line (right)."""
    fig, (ax_e, ax_l) = new_figure(7.0, 3.2, ncols=2)
    ax_e.plot(r["grid"], r["energy_curve"], color="0.3")
    for s, name in ((-1, "Cl"), (0, "Br"), (1, "I")):
        lam = perovskite.END_MEMBER_EMISSION_NM[name][0]
        ax_e.plot([s], [wells.wavelength_to_ev(lam)], "s", color=wavelength_rgb(lam), mec="k")
    (dot,) = ax_e.plot([], [], "o", ms=9, mec="k")
    ax_e.set(xlabel="halide coordinate  (−1 Cl, 0 Br, +1 I)", ylabel="emission energy (eV)")
    band = np.array([wavelength_rgb(x) for x in r["lambda_grid"]])[None, :, :]
    ax_l.imshow(band, extent=(r["lambda_grid"][0], r["lambda_grid"][-1], -0.12, -0.02),
                aspect="auto")
    (line,) = ax_l.plot(r["lambda_grid"], r["line"], color="k", lw=1.5)
    fill = [ax_l.fill_between(r["lambda_grid"], 0, r["line"], alpha=0.6)]
    for name, lam in perovskite.REVIEW_ASE_NM.items():
        ax_l.axvline(lam, color="0.4", lw=0.8, ls=":")
        ax_l.text(lam, 1.06, f"ASE {name}", ha="center", fontsize=7, color="0.3")
    ax_l.set(xlabel="wavelength (nm)", ylabel="emission (normalised)", ylim=(-0.13, 1.15),
             xlim=(r["lambda_grid"][0], r["lambda_grid"][-1]))
    title = ax_l.set_title("", fontsize=9)

    def update(r):
        dot.set_data([r["position"]], [r["energy"]])
        dot.set_color(r["colour"])
        dot.set_markeredgecolor("k")
        line.set_ydata(r["line"])
        fill[0].remove()
        fill[0] = ax_l.fill_between(r["lambda_grid"], 0, r["line"], color=r["colour"], alpha=0.6)
        title.set_text(f"{r['label']}: {r['wavelength']:.0f} nm ({r['energy']:.2f} eV), "
                       f"FWHM {r['fwhm_mev']:.0f} meV")

    update(r)
    return fig, update


def halide_explorer(position: float = 0.0, **kwargs) -> Exploration:
    """Halide composition (Cl → Br → I) → emission energy and colour of CsPbX₃ nanocrystals."""
    controls = {"position": widgets.FloatSlider(value=position, min=-1.0, max=1.0, step=0.05,
                                                description="Cl ← Br → I")}
    kwargs.setdefault("n_frames", 13)
    return Exploration(halide_model, controls, halide_view, **kwargs)
