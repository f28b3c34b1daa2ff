"""Explorations of device optics.

Stack design, TE/TM losses, the gain budget and Bragg-reflection waveguides.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import functools

import numpy as np

from .. import design
from .. import optical_constants as oc
from .. import photonics as ph
from ._browser import Table
from ._controls import controls_for, model_default
from ._core import Exploration
from ._figure import Bands, Bars, Figure, HLine, Line, Panel, Points, Text, VLine, VSpan

LAYER_COLOURS = {"glass": "#dddddd", "ITO": "#f4c7a1", "L-ITO": "#f9e0c8", "ZnO": "#cfe3f5",
                 "QD film (dense)": "#c9ecd9", "organic": "#eadcf0", "Ag": "#b8b8b8",
                 "Nb2O5": "#f6edb0", "SiO2": "#e9f3fb", "air": "#ffffff", "custom": "#f4c7a1"}


LABELS = {"QD film (dense)": "QDs", "organic": "organic", "glass": "glass"}


def _profile(stack, lam, n_eff, pol="TE", margin_nm=250.0, n_z=600):
    edges = np.concatenate([[0.0], np.cumsum(stack["thicknesses_nm"])])
    z = np.linspace(-margin_nm, edges[-1] + margin_nm, n_z)
    u = ph.mode_profile(stack["indices"], stack["thicknesses_nm"], lam, n_eff, z, pol)
    return z, np.abs(u) ** 2, edges


def _layer_spans(names) -> list:
    """The layers of a stack (between its outer half-spaces) as shaded bands from its edges."""
    return [VSpan(x0=f"edges[{j}]", x1=f"edges[{j + 1}]", alpha=0.8,
                  color=LAYER_COLOURS.get(name, "#eeeeee")) for j, name in enumerate(names[1:-1])]


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
    z, intensity, edges = _profile(stack, lam, n_eff, n_z=300)  # 300 points: the page's table
    return {"z": z, "intensity": intensity, "edges": edges, "names": stack["names"],
            "gammas": gam, "n_eff": n_eff, "loss": float(ph.modal_loss_cm(n_eff, lam)),
            "gamma_electrode": float(gam[1]), "gamma_qd": float(gam[3]),
            "electrode_index": electrode_index}


STACK_LABELS = ["glass", "electrode", "ZnO", "QDs", "TCTA", "air"]


STACK_DESIGNER_FIGURE = Figure(panels=[
    Panel(xlabel="position z (nm), glass on the left", ylabel="|E_y|² (normalised)",
          ylim=(0, 1.08),
          title="n_el = {electrode_index:.2f}: n_eff = {n_eff:.3f}, α = {loss:.0f} cm⁻¹",
          items=[*_layer_spans(oc.device_stack("ITO device", 630.0)["names"]),
                 Line(x="z", y="intensity", color=1)]),
    Panel(ylabel="confinement factor Γ", ylim=(0, 0.75), xlim=(-0.6, 5.6), items=[
        Bars(x=list(map(float, range(6))), y="gammas", colors=[5, 4, 0, 2, 3, "0.6"],
             ticklabels=STACK_LABELS),
        *[Text(x=float(k), y=f"gammas[{k}]", dy=0.01, text=f"{{gammas[{k}]*100:.0f}}%",
               ha="center", va="bottom", color=6) for k in range(6)],
    ]),
])
"""TE₀ intensity across the stack (left) and the share of the mode in each layer (right)."""


def stack_designer_explorer(**kwargs) -> Exploration:
    """Electrode index and thickness, QD index → TE₀ profile, Γ of each layer and modal loss.

    Keyword arguments: a starting ``electrode_index``, ``electrode_nm`` or ``qd_index`` (by
    default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(stack_designer_model, ["electrode_index", "electrode_nm", "qd_index"],
                            kwargs)
    kwargs.setdefault("n_frames", 15)
    # mode search: a table over all three controls
    return Exploration(stack_designer_model, controls, figure=STACK_DESIGNER_FIGURE,
                       browser=Table(points=5), **kwargs)


# ------------------------------------------------------------------ 6.2 TE versus TM on silver
DECAY_X_UM = np.linspace(0, 50, 200)


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
    # for drawing: the power left after x (Beer–Lambert with the modal loss), a caption per
    # polarisation and the window of the profile panel; NaN where a mode is cut off
    out["x_um"] = DECAY_X_UM
    parts = []
    for pol in ("TE", "TM"):
        mode = out[pol]
        out[f"{pol}_decay"] = (np.full_like(DECAY_X_UM, np.nan) if mode is None else
                               np.exp(-mode["loss"] * DECAY_X_UM * 1e-4))
        out[f"{pol}_z"] = np.array([np.nan]) if mode is None else mode["z"]
        out[f"{pol}_intensity"] = np.array([np.nan]) if mode is None else mode["intensity"]
        parts.append(f"{pol}₀: cut off" if mode is None else f"{pol}₀: {mode['loss']:.0f} cm⁻¹")
    out["caption"] = f"{spacer_nm:.0f} nm on {metal}: " + ", ".join(parts)
    out["metal_end"] = spacer_nm + 150.0
    out["z_lo"], out["z_hi"] = -150.0, spacer_nm + 150.0
    return out


TE_TM_FIGURE = Figure(panels=[
    Panel(xlabel="position z (nm): glass | dielectric | metal", ylabel="normalised intensity",
          ylim=(0, 1.08), xlim=("z_lo", "z_hi"), legend="upper left", items=[
              VSpan(x0=0.0, x1="spacer_nm", color=LAYER_COLOURS["organic"], alpha=1.0),
              VSpan(x0="spacer_nm", x1="metal_end", color=LAYER_COLOURS["Ag"], alpha=1.0),
              Line(x="TE_z", y="TE_intensity", color=0, label="TE₀ |E_y|²"),
              Line(x="TM_z", y="TM_intensity", color=1, label="TM₀ |H_y|²"),
          ]),
    Panel(xlabel="propagation distance x (µm)", ylabel="guided power P(x)/P(0)", ylog=True,
          ylim=(1e-4, 1.5), legend="lower left", title="{caption}", items=[
              Line(x="x_um", y="TE_decay", color=0, label="TE₀"),
              Line(x="x_um", y="TM_decay", color=1, label="TM₀"),
          ]),
])
"""|E_y|² of TE₀ and |H_y|² of TM₀ (left) and the power left after x µm (right)."""


def te_tm_explorer(**kwargs) -> Exploration:
    """Dielectric thickness and metal → TE₀ and TM₀ profiles and their attenuation.

    Keyword arguments: a starting ``spacer_nm`` or ``metal`` (by default the model's), or
    an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(te_tm_model, ["spacer_nm", "metal"], kwargs)
    kwargs.setdefault("n_frames", 13)
    # mode search: a table on every other step of the slider, for each metal
    return Exploration(te_tm_model, controls, figure=TE_TM_FIGURE,
                       browser=Table(steps={"spacer_nm": 50.0}),
                       **kwargs)


# ------------------------------------------------------------------ 6.3 loss budget
def budget_model(qd_nm: float = 95.0, qd_index: float = oc.N_QD_DENSE,
                 material_gain_cm: float = 750.0) -> dict:
    """TE₀ of glass/L-ITO 250/QDs/Spiro-2NPB 50/HAT-CN 10/Ag 100 at 630 nm and its gain budget.

    ``gamma_qd`` is the dots' power share, ``gain_weight_qd`` their gain weight
    (n_QD/Re n_eff)·Γ, which is what the modal and net gain use.
    """
    mode = _budget_mode(float(qd_nm), float(qd_index))
    weight_qd, loss = mode["gain_weight_qd"], mode["loss"]
    net = float(ph.net_modal_gain_cm(weight_qd, material_gain_cm, loss))
    return {**mode, "modal_gain": weight_qd * material_gain_cm, "net_gain": net, "qd_nm": qd_nm,
            "bars": np.array([weight_qd * material_gain_cm, loss, net])}


@functools.lru_cache(maxsize=256)
def _budget_mode(qd_nm: float, qd_index: float) -> dict:
    """The TE₀ mode of :func:`budget_model`'s stack and its shares (arrays read-only).

    The material gain does not change the mode: cached, the browser table solves it once per
    thickness and index rather than at every gain of its grid.
    """
    lam = 630.0
    stack = oc.device_stack("low-loss stack", lam, overrides={1: (qd_index, qd_nm)})
    n_eff = ph.guided_modes(stack["indices"], stack["thicknesses_nm"], lam, "TE")[0]
    gam = ph.confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff, "TE")
    weight = ph.gain_confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff)
    z, intensity, edges = _profile(stack, lam, n_eff)
    for array in (z, intensity, edges):
        array.flags.writeable = False
    return {"z": z, "intensity": intensity, "edges": edges, "names": stack["names"],
            "n_eff": n_eff, "gamma_qd": float(gam[2]), "gain_weight_qd": float(weight[2]),
            "gamma_lito": float(gam[1]), "loss": float(ph.modal_loss_cm(n_eff, lam))}


BUDGET_FIGURE = Figure(panels=[
    Panel(xlabel="position z (nm): glass | L-ITO | QDs | organics | Ag", ylabel="|E_y|²",
          ylim=(0, 1.08), items=[
              *_layer_spans(oc.device_stack("low-loss stack", 630.0)["names"]),
              Line(x="z", y="intensity", color=1),
          ]),
    Panel(ylabel="cm⁻¹", ylim=(-250, 600), xlim=(-0.6, 2.6),
          title="QDs {qd_nm:.0f} nm: Γ_NC = {gamma_qd*100:.0f}% (Γ_g {gain_weight_qd*100:.0f}%), "
                "α = {loss:.0f}, net {net_gain:+.0f} cm⁻¹",
          items=[HLine(y=0.0, color="0.3"),
                 Bars(x=[0.0, 1.0, 2.0], y="bars", colors=[2, 1, 0],
                      ticklabels=["modal gain Γ_g G", "loss α", "net gain"])]),
])
"""TE₀ intensity across the low-loss stack (left) and modal gain against loss (right)."""


def budget_explorer(**kwargs) -> Exploration:
    """QD thickness and index, material gain → Γ_NC, modal loss and net modal gain.

    Keyword arguments: a starting ``qd_nm``, ``qd_index`` or ``material_gain_cm`` (by
    default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(budget_model, ["qd_nm", "qd_index", "material_gain_cm"], kwargs)
    # mode search: a table over all three controls
    return Exploration(budget_model, controls, figure=BUDGET_FIGURE, browser=Table(points=6),
                       **kwargs)


# ------------------------------------------------------------------ 6.4 Bragg reflection guide
N_EFF_AXIS = np.linspace(0.05, 1.75, 300)


@functools.lru_cache(maxsize=64)
def _brw_solution(pairs: int, design_n_eff: float) -> dict:
    """Everything of :func:`brw_model` that does not depend on the material gain.

    Cached: the static page's table would otherwise repeat the mode search for every gain.
    """
    lam = oc.BRW_WAVELENGTH_NM
    stack = oc.device_stack("BRW device", lam, pairs=pairs, design_n_eff=design_n_eff)
    n_dbr = 2 * pairs
    n_ito = stack["indices"][n_dbr + 1].real
    # the DBR seen from a lossless ITO half-space, at the angle whose in-plane index is n_eff
    dbr = [n_ito] + stack["indices"][1:n_dbr + 1][::-1] + [stack["indices"][0]]
    angles = np.degrees(np.arcsin(N_EFF_AXIS / n_ito))
    refl = ph.reflectance_transmittance(dbr, stack["thicknesses_nm"][:n_dbr][::-1], lam, angles,
                                        "TE")["R"]
    n_eff, g_qd, gam = design.bragg_mode(stack, lam)
    weight = ph.gain_confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff)
    w_qd = _gamma_of(stack, weight, "QD film (dense)")
    loss = float(ph.modal_loss_cm(n_eff, lam))
    z, intensity, edges = _profile(stack, lam, n_eff, margin_nm=100.0, n_z=800)
    return {"n_axis": N_EFF_AXIS, "R": refl, "n_eff": n_eff, "gamma_qd": g_qd,
            "gain_weight_qd": w_qd, "gamma_ito": _gamma_of(stack, gam, "ITO"), "loss": loss,
            "z": z, "intensity": intensity, "edges": edges, "names": stack["names"],
            "layer_colours": ",".join(LAYER_COLOURS.get(name, "#eeeeee")
                                      for name in stack["names"][1:-1]),
            "pairs": pairs}


def brw_model(pairs: int = 10, design_n_eff: float = oc.DBR_DESIGN_N_EFF,
              material_gain_cm: float = 780.0) -> dict:
    """DBR reflectance versus in-plane index (seen from the ITO) and the BRW mode at 1.93 eV."""
    out = dict(_brw_solution(int(pairs), float(design_n_eff)))
    out["net_gain"] = float(ph.net_modal_gain_cm(out["gain_weight_qd"], material_gain_cm,
                                                 out["loss"]))
    return out


BRW_FIGURE = Figure(panels=[
    Panel(xlabel="in-plane index n_eff", ylabel="DBR reflectance (TE, from ITO)",
          ylim=(0, 1.05), items=[Line(x="n_axis", y="R", color=0),
                                 VLine(x="n_eff", color=1, dash="--")]),
    Panel(xlabel="position z (nm): glass | DBR | ITO…Ag", ylabel="|E_y|²", ylim=(0, 1.08),
          title="{pairs:.0f} pairs: n_eff = {n_eff:.3f}, Γ_NC = {gamma_qd*100:.0f}%, "
                "α = {loss:.0f} cm⁻¹, net {net_gain:+.0f} cm⁻¹",
          items=[Bands(edges="edges", colors="layer_colours"),
                 Line(x="z", y="intensity", color=1, width=1.0)]),
])
"""DBR stop band in n_eff with the BRW mode marked (left); the mode profile (right)."""


def brw_explorer(**kwargs) -> Exploration:
    """DBR pairs and design index → stop band, BRW mode profile, Γ_NC and loss at 1.93 eV.

    Keyword arguments: a starting ``pairs``, ``design_n_eff`` or ``material_gain_cm`` (by
    default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(brw_model, ["pairs", "design_n_eff", "material_gain_cm"], kwargs)
    # mode search (about 0.2 s each): a table over every other number of pairs, five design
    # indices and six gains; the gain enters only the net gain, so the search runs 35 times
    return Exploration(brw_model, controls, figure=BRW_FIGURE, browser=Table(
        points=5, steps={"pairs": 2, "material_gain_cm": 300.0}),
        **kwargs)


# ------------------------------------------------------------------ 6.4 the BRW design frontier
@functools.cache
def _frontier_data():
    stored = design.stored_searches()
    rows = np.loadtxt(design.SEARCH_FILE.with_name(stored["brw"]["all_designs_file"]),
                      delimiter=",")
    return stored["brw"]["frontier"], rows


@functools.cache
def _frontier_point(k: int) -> dict:
    """Point ``k`` of the stored frontier, its design solved again.

    Cached: each design is a mode search (about 0.1 s), and the frontier has a handful of
    points, so a reader who comes back to one sees it at once.
    """
    front, rows = _frontier_data()
    r = design.brw_design(*front[k]["design"])
    z, intensity, edges = _profile(r["stack"], oc.BRW_WAVELENGTH_NM, r["n_eff"],
                                   margin_nm=100.0, n_z=1500)
    gammas = np.array([p["gamma_min"] for p in front])
    losses = np.array([p["loss"] for p in front])
    return {"point": k, "gamma_min": front[k]["gamma_min"], "design": front[k]["design"],
            "gamma_qd": r["gamma_qd"], "gain_weight_qd": r["gain_weight_qd"],
            "loss": r["loss"], "loss_ito": r["loss_split"].get("ITO", 0.0),
            "loss_ag": r["loss_split"].get("Ag", 0.0), "n_eff": r["n_eff"],
            "front_gamma": gammas, "front_loss": losses,
            # the frontier as a staircase: each least loss holds up to the next required Γ_NC
            "front_step_gamma": np.repeat(gammas, 2)[1:],
            "front_step_loss": np.repeat(losses, 2)[:-1],
            "all_gamma": rows[:, 6], "all_loss": rows[:, 8],
            "z": z, "intensity": intensity, "edges": edges, "names": r["stack"]["names"],
            "layer_colours": ",".join(LAYER_COLOURS.get(name, "#eeeeee")
                                      for name in r["stack"]["names"][1:-1])}


def brw_frontier_model(point: int = 10) -> dict:
    """One design on the stored loss–confinement frontier of the BRW device, recomputed.

    ``point`` indexes the frontier of :func:`qdbook.design.run_searches` (least loss with
    a power share Γ_NC of at least 2 %, 4 %, …); the design is solved again here.
    """
    front, _ = _frontier_data()
    return dict(_frontier_point(int(np.clip(point, 0, len(front) - 1))))


BRW_FRONTIER_FIGURE = Figure(panels=[
    Panel(xlabel="Γ_NC (power share, %)", ylabel="modal loss α (cm⁻¹)", ylog=True,
          legend="upper right",
          xlim=(0, 32), ylim=(5, 3000), items=[
              Points(x="all_gamma", y="all_loss", xscale=100, color="0.75", size=2.5,
                     label="searched designs"),
              Line(x="front_step_gamma", y="front_step_loss", xscale=100, color=0,
                   label="least loss"),
              Points(x=100 * design.BRW_REVIEW_POINT[0], y=design.BRW_REVIEW_POINT[1],
                     marker="s", size=8, color=1, label="review"),
              VLine(x="gamma_min", xscale=100, color=3, dash=":"),
              Points(x="gamma_qd", y="loss", xscale=100, color=3, size=9, hollow=True),
          ]),
    Panel(xlabel="position z (nm): glass | DBR | ITO…Ag", ylabel="|E_y|²", ylim=(0, 1.08),
          title="≥ {gamma_min*100:.0f}%: Γ_NC {gamma_qd*100:.0f}%, α {loss:.0f} "
                "(ITO {loss_ito:.0f}, Ag {loss_ag:.0f}) cm⁻¹",
          items=[Bands(edges="edges", colors="layer_colours"),
                 Line(x="z", y="intensity", color=1, width=1.0)]),
])
"""Every searched design, the frontier, the review's point and the required Γ_NC (left);
the best design's mode (right)."""


def brw_frontier_explorer(**kwargs) -> Exploration:
    """Required Γ_NC (a point of the BRW frontier) → the best design found, its mode and loss.

    Keyword arguments: a starting ``point`` (by default the model's), or an option of
    :class:`~qdbook.explore.Exploration`.
    """
    front = design.stored_searches()["brw"]["frontier"]
    kwargs["point"] = min(kwargs.get("point", model_default(brw_frontier_model, "point")),
                          len(front) - 1)
    options = tuple((f"{100 * p['gamma_min']:.0f} %", k) for k, p in enumerate(front))
    controls = controls_for(brw_frontier_model, ["point"], kwargs, point={"options": options})
    # each design is a mode search: a table over every point of the frontier
    return Exploration(brw_frontier_model, controls, figure=BRW_FRONTIER_FIGURE,
                       browser=Table(), **kwargs)
