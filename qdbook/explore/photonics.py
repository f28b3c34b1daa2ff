"""Explorations of device optics.

Stack design, TE/TM losses, the gain budget and Bragg-reflection waveguides.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .. import design
from .. import optical_constants as oc
from .. import photonics as ph
from ..plotting import PALETTE, new_figure
from ._core import Exploration

LAYER_COLOURS = {"glass": "#dddddd", "ITO": "#f4c7a1", "L-ITO": "#f9e0c8", "ZnO": "#cfe3f5",
                 "QD film (dense)": "#c9ecd9", "organic": "#eadcf0", "Ag": "#b8b8b8",
                 "Nb2O5": "#f6edb0", "SiO2": "#e9f3fb", "air": "#ffffff", "custom": "#f4c7a1"}


LABELS = {"QD film (dense)": "QDs", "organic": "organic", "glass": "glass"}


def _profile(stack, lam, n_eff, pol="TE", margin_nm=250.0, n_z=600):
    edges = np.concatenate([[0.0], np.cumsum(stack["thicknesses_nm"])])
    z = np.linspace(-margin_nm, edges[-1] + margin_nm, n_z)
    u = ph.mode_profile(stack["indices"], stack["thicknesses_nm"], lam, n_eff, z, pol)
    return z, np.abs(u) ** 2, edges


def _shade(ax, edges, names, old=()):
    for artist in old:
        artist.remove()
    patches = []
    for j, name in enumerate(names[1:-1]):
        patches.append(ax.axvspan(edges[j], edges[j + 1], color=LAYER_COLOURS.get(name, "#eeeeee"),
                                  alpha=0.8, lw=0, zorder=0))
    return patches


def _gamma_of(stack, gammas, name):
    return float(sum(g for n, g in zip(stack["names"], gammas, strict=True) if n == name))


# ------------------------------------------------------------------ 6.2 stack designer
def stack_designer_model(electrode_index: float = 1.8, electrode_nm: float = 150.0,
                         qd_index: float = oc.N_QD_DENSE) -> dict:
    """TE₀ mode of glass/electrode/ZnO/QDs/TCTA/air at 630 nm for a chosen electrode.

    The electrode keeps the absorption of ITO (König et al., α = 645 cm⁻¹ at 630 nm)
    whatever its index, so the loss changes only through the mode's shape.
    """
    lam = 630.0
    k_ito = float(np.imag(oc.refractive_index("ITO", lam)))
    stack = oc.device_stack("ITO device", lam, overrides={
        0: (electrode_index + 1j * k_ito, electrode_nm), 2: (qd_index, 36.0)})
    modes = ph.guided_modes(stack["indices"], stack["thicknesses_nm"], lam, "TE")
    n_eff = modes[0]
    gam = ph.confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff, "TE")
    z, intensity, edges = _profile(stack, lam, n_eff)
    return {"z": z, "intensity": intensity, "edges": edges, "names": stack["names"],
            "gammas": gam, "n_eff": n_eff, "loss": float(ph.modal_loss_cm(n_eff, lam)),
            "gamma_electrode": float(gam[1]), "gamma_qd": float(gam[3]),
            "electrode_index": electrode_index}


def stack_designer_view(r: dict):
    """TE₀ intensity across the stack (left) and the share of the mode in each layer (right)."""
    fig, (ax_z, ax_g) = new_figure(7.0, 3.2, ncols=2)
    patches = _shade(ax_z, r["edges"], r["names"])
    (line,) = ax_z.plot(r["z"], r["intensity"], color=PALETTE[1])
    ax_z.set(xlabel="position z (nm), glass on the left", ylabel="|E_y|² (normalised)",
             ylim=(0, 1.08))
    title = ax_z.set_title("", fontsize=9)
    labels = ["glass", "electrode", "ZnO", "QDs", "TCTA", "air"]
    bars = ax_g.bar(labels, r["gammas"], color=[PALETTE[5], PALETTE[4], PALETTE[0], PALETTE[2],
                                                  PALETTE[3], "0.6"])
    ax_g.set(ylabel="confinement factor Γ", ylim=(0, 0.75))
    ax_g.tick_params(axis="x", labelsize=8)
    texts = [ax_g.text(k, 0, "", ha="center", va="bottom", fontsize=8) for k in range(6)]
    state = {"patches": patches}

    def update(r):
        state["patches"] = _shade(ax_z, r["edges"], r["names"], state["patches"])
        line.set_data(r["z"], r["intensity"])
        ax_z.set_xlim(r["z"][0], r["z"][-1])
        title.set_text(f"n_el = {r['electrode_index']:.2f}: n_eff = {r['n_eff'].real:.3f}, "
                       f"α = {r['loss']:.0f} cm⁻¹")
        for bar, text, value in zip(bars, texts, r["gammas"], strict=True):
            bar.set_height(value)
            text.set_position((text.get_position()[0], value + 0.01))
            text.set_text(f"{100 * value:.0f}%")

    update(r)
    return fig, update


def stack_designer_explorer(electrode_index: float = 1.8, electrode_nm: float = 150.0,
                            qd_index: float = oc.N_QD_DENSE, **kwargs) -> Exploration:
    """Electrode index and thickness, QD index → TE₀ profile, Γ of each layer and modal loss."""
    controls = {
        "electrode_index": widgets.FloatSlider(value=electrode_index, min=1.5, max=2.0,
                                               step=0.025, description="electrode index"),
        "electrode_nm": widgets.FloatSlider(value=electrode_nm, min=50.0, max=300.0, step=10.0,
                                            description="electrode (nm)"),
        "qd_index": widgets.FloatSlider(value=qd_index, min=1.6, max=2.1, step=0.02,
                                        description="QD film index"),
    }
    # The optical-losses page carries two explorations: fewer frames keep it within the
    # page budget (1.5 MB of frames).
    kwargs.setdefault("n_frames", 15)
    return Exploration(stack_designer_model, controls, stack_designer_view, **kwargs)


# ------------------------------------------------------------------ 6.2 TE versus TM on silver
def te_tm_model(spacer_nm: float = 250.0, metal: str = "Ag") -> dict:
    """TE₀ and TM₀ of glass/dielectric (n = 1.7)/metal at 600 nm versus the dielectric thickness."""
    lam = 600.0
    n_metal = complex(oc.refractive_index(metal, lam))
    stack = oc.device_stack("dielectric on Ag", lam, overrides={0: ("organic", spacer_nm)})
    stack["indices"][-1] = n_metal
    out = {"spacer_nm": spacer_nm, "metal": metal}
    for pol in ("TE", "TM"):
        modes = ph.guided_modes(stack["indices"], stack["thicknesses_nm"], lam, pol)
        if modes.size:
            n_eff = modes[0]
            z, intensity, edges = _profile(stack, lam, n_eff, pol, margin_nm=150.0)
            out[pol] = {"n_eff": n_eff, "loss": float(ph.modal_loss_cm(n_eff, lam)), "z": z,
                        "intensity": intensity}
        else:
            out[pol] = None
    out["edges"] = np.array([0.0, spacer_nm])
    return out


def te_tm_view(r: dict):
    """|E_y|² of TE₀ and |H_y|² of TM₀ (left) and the power left after x µm (right)."""
    fig, (ax_z, ax_x) = new_figure(7.0, 3.2, ncols=2)
    span = ax_z.axvspan(0, r["spacer_nm"], color=LAYER_COLOURS["organic"], lw=0, zorder=0)
    metal = ax_z.axvspan(r["spacer_nm"], r["spacer_nm"] + 150, color=LAYER_COLOURS["Ag"], lw=0,
                         zorder=0)
    (te,) = ax_z.plot([], [], color=PALETTE[0], label="TE₀ |E_y|²")
    (tm,) = ax_z.plot([], [], color=PALETTE[1], label="TM₀ |H_y|²")
    ax_z.set(xlabel="position z (nm): glass | dielectric | metal", ylabel="normalised intensity",
             ylim=(0, 1.08))
    ax_z.legend(loc="upper left")
    x_um = np.linspace(0, 50, 200)
    (p_te,) = ax_x.semilogy(x_um, np.ones_like(x_um), color=PALETTE[0], label="TE₀")
    (p_tm,) = ax_x.semilogy(x_um, np.ones_like(x_um), color=PALETTE[1], label="TM₀")
    ax_x.set(xlabel="propagation distance x (µm)", ylabel="guided power P(x)/P(0)",
             ylim=(1e-4, 1.5))
    ax_x.legend(loc="lower left")
    title = ax_x.set_title("", fontsize=9)

    def update(r):
        span.set_x(0)
        span.set_width(r["spacer_nm"])
        metal.set_x(r["spacer_nm"])
        ax_z.set_xlim(-150, r["spacer_nm"] + 150)
        parts = []
        for pol, line, decay in (("TE", te, p_te), ("TM", tm, p_tm)):
            mode = r[pol]
            if mode is None:
                line.set_data([], [])
                decay.set_ydata(np.full_like(x_um, np.nan))
                parts.append(f"{pol}₀: cut off")
            else:
                line.set_data(mode["z"], mode["intensity"])
                decay.set_ydata(np.exp(-mode["loss"] * x_um * 1e-4))
                parts.append(f"{pol}₀: {mode['loss']:.0f} cm⁻¹")
        title.set_text(f"{r['spacer_nm']:.0f} nm on {r['metal']}: " + ", ".join(parts))

    update(r)
    return fig, update


def te_tm_explorer(spacer_nm: float = 250.0, metal: str = "Ag", **kwargs) -> Exploration:
    """Dielectric thickness and metal → TE₀ and TM₀ profiles and their attenuation."""
    controls = {
        "spacer_nm": widgets.FloatSlider(value=spacer_nm, min=150.0, max=600.0, step=25.0,
                                         description="dielectric (nm)"),
        "metal": widgets.Dropdown(options=["Ag", "Au", "Al"], value=metal, description="metal"),
    }
    kwargs.setdefault("n_frames", 13)  # see stack_designer_explorer
    return Exploration(te_tm_model, controls, te_tm_view, **kwargs)


# ------------------------------------------------------------------ 6.3 loss budget
def budget_model(qd_nm: float = 95.0, qd_index: float = oc.N_QD_DENSE,
                 material_gain_cm: float = 750.0) -> dict:
    """TE₀ of glass/L-ITO 250/QDs/Spiro-2NPB 50/HAT-CN 10/Ag 100 at 630 nm and its gain budget.

    ``gamma_qd`` is the dots' power share, ``gain_weight_qd`` their gain weight
    (n_QD/Re n_eff)·Γ, which is what the modal and net gain use.
    """
    lam = 630.0
    stack = oc.device_stack("low-loss stack", lam, overrides={1: (qd_index, qd_nm)})
    n_eff = ph.guided_modes(stack["indices"], stack["thicknesses_nm"], lam, "TE")[0]
    gam = ph.confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff, "TE")
    weight = ph.gain_confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff)
    loss = float(ph.modal_loss_cm(n_eff, lam))
    gamma_qd, weight_qd = float(gam[2]), float(weight[2])
    z, intensity, edges = _profile(stack, lam, n_eff)
    return {"z": z, "intensity": intensity, "edges": edges, "names": stack["names"],
            "n_eff": n_eff, "gamma_qd": gamma_qd, "gain_weight_qd": weight_qd,
            "gamma_lito": float(gam[1]), "loss": loss,
            "modal_gain": weight_qd * material_gain_cm,
            "net_gain": float(ph.net_modal_gain_cm(weight_qd, material_gain_cm, loss)),
            "qd_nm": qd_nm}


def budget_view(r: dict):
    """TE₀ intensity across the low-loss stack (left) and modal gain against loss (right)."""
    fig, (ax_z, ax_b) = new_figure(7.0, 3.2, ncols=2)
    state = {"patches": _shade(ax_z, r["edges"], r["names"])}
    (line,) = ax_z.plot(r["z"], r["intensity"], color=PALETTE[1])
    ax_z.set(xlabel="position z (nm): glass | L-ITO | QDs | organics | Ag", ylabel="|E_y|²",
             ylim=(0, 1.08))
    bars = ax_b.bar(["modal gain Γ_g G", "loss α", "net gain"], [0, 0, 0],
                    color=[PALETTE[2], PALETTE[1], PALETTE[0]])
    ax_b.axhline(0, color="0.3", lw=0.8)
    ax_b.set(ylabel="cm⁻¹", ylim=(-250, 600))
    title = ax_b.set_title("", fontsize=9)

    def update(r):
        state["patches"] = _shade(ax_z, r["edges"], r["names"], state["patches"])
        line.set_data(r["z"], r["intensity"])
        ax_z.set_xlim(r["z"][0], r["z"][-1])
        for bar, value in zip(bars, (r["modal_gain"], r["loss"], r["net_gain"]), strict=True):
            bar.set_height(value)
        title.set_text(f"QDs {r['qd_nm']:.0f} nm: Γ_NC = {100 * r['gamma_qd']:.0f}% "
                       f"(Γ_g {100 * r['gain_weight_qd']:.0f}%), "
                       f"α = {r['loss']:.0f}, net {r['net_gain']:+.0f} cm⁻¹")

    update(r)
    return fig, update


def budget_explorer(qd_nm: float = 95.0, qd_index: float = oc.N_QD_DENSE,
                    material_gain_cm: float = 750.0, **kwargs) -> Exploration:
    """QD thickness and index, material gain → Γ_NC, modal loss and net modal gain."""
    controls = {
        "qd_nm": widgets.FloatSlider(value=qd_nm, min=20.0, max=200.0, step=5.0,
                                     description="QD layer (nm)"),
        "qd_index": widgets.FloatSlider(value=qd_index, min=1.6, max=2.1, step=0.02,
                                        description="QD film index"),
        "material_gain_cm": widgets.FloatSlider(value=material_gain_cm, min=0.0, max=1500.0,
                                                step=25.0, description="G_mat (cm⁻¹)"),
    }
    return Exploration(budget_model, controls, budget_view, **kwargs)


# ------------------------------------------------------------------ 6.4 Bragg reflection guide
N_EFF_AXIS = np.linspace(0.05, 1.75, 300)


def brw_mode(stack, lam):
    """The BRW mode of a stack: the TE mode (bound or leaky) with the largest Γ in the QD layer.

    Returns (n_eff, power share of the dots, power shares of every medium).
    """
    return design.bragg_mode(stack, lam)


def brw_model(pairs: int = 10, design_n_eff: float = oc.DBR_DESIGN_N_EFF,
              material_gain_cm: float = 780.0) -> dict:
    """DBR reflectance versus in-plane index (seen from the ITO) and the BRW mode at 1.93 eV."""
    lam = oc.BRW_WAVELENGTH_NM
    stack = oc.device_stack("BRW device", lam, pairs=pairs, design_n_eff=design_n_eff)
    n_dbr = 2 * pairs
    n_ito = stack["indices"][n_dbr + 1].real
    # the DBR seen from a lossless ITO half-space, at the angle whose in-plane index is n_eff
    dbr = [n_ito] + stack["indices"][1:n_dbr + 1][::-1] + [stack["indices"][0]]
    angles = np.degrees(np.arcsin(N_EFF_AXIS / n_ito))
    refl = ph.reflectance_transmittance(dbr, stack["thicknesses_nm"][:n_dbr][::-1], lam, angles,
                                        "TE")["R"]
    n_eff, g_qd, gam = brw_mode(stack, lam)
    weight = ph.gain_confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff)
    w_qd = _gamma_of(stack, weight, "QD film (dense)")
    loss = float(ph.modal_loss_cm(n_eff, lam))
    z, intensity, edges = _profile(stack, lam, n_eff, margin_nm=100.0, n_z=1500)
    return {"n_axis": N_EFF_AXIS, "R": refl, "n_eff": n_eff, "gamma_qd": g_qd,
            "gain_weight_qd": w_qd, "gamma_ito": _gamma_of(stack, gam, "ITO"), "loss": loss,
            "net_gain": float(ph.net_modal_gain_cm(w_qd, material_gain_cm, loss)),
            "z": z, "intensity": intensity, "edges": edges, "names": stack["names"],
            "pairs": pairs}


def brw_view(r: dict):
    """DBR stop band in n_eff with the BRW mode marked (left); the mode profile (right)."""
    fig, (ax_r, ax_z) = new_figure(7.0, 3.2, ncols=2)
    (refl,) = ax_r.plot(r["n_axis"], r["R"], color=PALETTE[0])
    mark = ax_r.axvline(r["n_eff"].real, color=PALETTE[1], ls="--")
    ax_r.set(xlabel="in-plane index n_eff", ylabel="DBR reflectance (TE, from ITO)",
             ylim=(0, 1.05))
    state = {"patches": _shade(ax_z, r["edges"], r["names"])}
    (line,) = ax_z.plot(r["z"], r["intensity"], color=PALETTE[1], lw=1)
    ax_z.set(xlabel="position z (nm): glass | DBR | ITO…Ag", ylabel="|E_y|²", ylim=(0, 1.08))
    title = ax_z.set_title("", fontsize=9)

    def update(r):
        refl.set_ydata(r["R"])
        mark.set_xdata([r["n_eff"].real, r["n_eff"].real])
        state["patches"] = _shade(ax_z, r["edges"], r["names"], state["patches"])
        line.set_data(r["z"], r["intensity"])
        ax_z.set_xlim(r["z"][0], r["z"][-1])
        title.set_text(f"{r['pairs']} pairs: n_eff = {r['n_eff'].real:.3f}, "
                       f"Γ_NC = {100 * r['gamma_qd']:.0f}%, α = {r['loss']:.0f} cm⁻¹")

    update(r)
    return fig, update


def brw_explorer(pairs: int = 10, design_n_eff: float = oc.DBR_DESIGN_N_EFF,
                 material_gain_cm: float = 780.0, **kwargs) -> Exploration:
    """DBR pairs and design index → stop band, BRW mode profile, Γ_NC and loss at 1.93 eV."""
    controls = {
        "pairs": widgets.IntSlider(value=pairs, min=2, max=14, step=1,
                                   description="DBR pairs"),
        "design_n_eff": widgets.FloatSlider(value=design_n_eff, min=0.6, max=1.4, step=0.05,
                                            description="DBR design n_eff"),
        "material_gain_cm": widgets.FloatSlider(value=material_gain_cm, min=0.0, max=1500.0,
                                                step=20.0, description="G_mat (cm⁻¹)"),
    }
    kwargs.setdefault("n_frames", 13)  # the page also carries the frontier exploration
    return Exploration(brw_model, controls, brw_view, **kwargs)


# ------------------------------------------------------------------ 6.4 the BRW design frontier
def _frontier_data():
    stored = design.stored_searches()
    rows = np.loadtxt(design.SEARCH_FILE.with_name(stored["brw"]["all_designs_file"]),
                      delimiter=",")
    return stored["brw"]["frontier"], rows


def brw_frontier_model(point: int = 10) -> dict:
    """One design on the stored loss–confinement frontier of the BRW device, recomputed.

    ``point`` indexes the frontier of :func:`qdbook.design.run_searches` (least loss with
    a power share Γ_NC of at least 2 %, 4 %, …); the design is solved again here.
    """
    front, rows = _frontier_data()
    k = int(np.clip(point, 0, len(front) - 1))
    r = design.brw_design(*front[k]["design"])
    z, intensity, edges = _profile(r["stack"], oc.BRW_WAVELENGTH_NM, r["n_eff"],
                                   margin_nm=100.0, n_z=1500)
    return {"point": k, "gamma_min": front[k]["gamma_min"], "design": front[k]["design"],
            "gamma_qd": r["gamma_qd"], "gain_weight_qd": r["gain_weight_qd"],
            "loss": r["loss"], "loss_ito": r["loss_split"].get("ITO", 0.0),
            "loss_ag": r["loss_split"].get("Ag", 0.0), "n_eff": r["n_eff"],
            "front_gamma": np.array([p["gamma_min"] for p in front]),
            "front_loss": np.array([p["loss"] for p in front]),
            "all_gamma": rows[:, 6], "all_loss": rows[:, 8],
            "z": z, "intensity": intensity, "edges": edges, "names": r["stack"]["names"]}


def brw_frontier_view(r: dict):
    """Every searched design, the frontier and the required Γ_NC (left); the best design's mode."""
    fig, (ax_f, ax_z) = new_figure(7.0, 3.2, ncols=2)
    ax_f.scatter(100 * r["all_gamma"], r["all_loss"], s=3, color="0.75", lw=0)
    ax_f.step(100 * r["front_gamma"], r["front_loss"], where="post", color=PALETTE[0])
    g_rev, a_rev = design.BRW_REVIEW_POINT
    ax_f.plot([100 * g_rev], [a_rev], "*", ms=11, color=PALETTE[1])
    ax_f.annotate("review", (100 * g_rev, a_rev), xytext=(4, 4), textcoords="offset points",
                  fontsize=8)
    (mark,) = ax_f.plot([], [], "o", mfc="none", mec=PALETTE[3], ms=9, mew=2)
    need = ax_f.axvline(0, color=PALETTE[3], ls=":", lw=1)
    ax_f.set(xlabel="Γ_NC (power share, %)", ylabel="modal loss α (cm⁻¹)", yscale="log",
             xlim=(0, 32), ylim=(5, 3000))
    state = {"patches": _shade(ax_z, r["edges"], r["names"])}
    (line,) = ax_z.plot(r["z"], r["intensity"], color=PALETTE[1], lw=1)
    ax_z.set(xlabel="position z (nm): glass | DBR | ITO…Ag", ylabel="|E_y|²", ylim=(0, 1.08))
    title = ax_z.set_title("", fontsize=9)

    def update(r):
        mark.set_data([100 * r["gamma_qd"]], [r["loss"]])
        need.set_xdata([100 * r["gamma_min"]] * 2)
        state["patches"] = _shade(ax_z, r["edges"], r["names"], state["patches"])
        line.set_data(r["z"], r["intensity"])
        ax_z.set_xlim(r["z"][0], r["z"][-1])
        title.set_text(f"≥ {100 * r['gamma_min']:.0f}%: Γ_NC {100 * r['gamma_qd']:.0f}%, "
                       f"α {r['loss']:.0f} "
                       f"(ITO {r['loss_ito']:.0f}, Ag {r['loss_ag']:.0f}) cm⁻¹")

    update(r)
    return fig, update


def brw_frontier_explorer(point: int = 10, **kwargs) -> Exploration:
    """Required Γ_NC (a point of the BRW frontier) → the best design found, its mode and loss."""
    front = design.stored_searches()["brw"]["frontier"]
    options = [(f"{100 * p['gamma_min']:.0f} %", k) for k, p in enumerate(front)]
    controls = {"point": widgets.SelectionSlider(options=options,
                                                 value=min(point, len(front) - 1),
                                                 description="Γ_NC at least")}
    return Exploration(brw_frontier_model, controls, brw_frontier_view, **kwargs)
