"""Explorations of electronic levels: spherical dots, nanoplatelet wells, halide colour.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import ipywidgets as widgets
import numpy as np

from .. import confinement, perovskite, wells
from ..materials import MATERIALS, get_material
from ..plotting import PALETTE, new_figure
from ._core import Exploration

# ------------------------------------------------------------------ 2.1 levels and gap
LADDER = confinement.level_ladder(n_max=2, L_max=3)[:5]  # 1S, 1P, 1D, 2S, 1F


def levels_model(material: str = "CdSe", radius_nm: float = 2.5, coulomb: bool = False) -> dict:
    """Electron and hole levels (eq-1) and the gap curve (eq-2, with Brus's term if asked)."""
    mat = get_material(material)
    radii = np.linspace(1.0, 6.0, 120)
    return {
        "material": mat.name,
        "radius_nm": radius_nm,
        "radii": radii,
        "gap_curve": confinement.band_gap_ev(mat, radii, coulomb=coulomb),
        "gap": float(confinement.band_gap_ev(mat, radius_nm, coulomb=coulomb)),
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


def levels_explorer(material: str = "CdSe", radius_nm: float = 2.5, coulomb: bool = False,
                    **kwargs) -> Exploration:
    """Radius → levels and gap, for any material of :data:`qdbook.materials.MATERIALS`."""
    controls = {
        "radius_nm": widgets.FloatSlider(value=radius_nm, min=1.0, max=6.0, step=0.05,
                                         description="radius R (nm)"),
        "material": widgets.Dropdown(options=list(MATERIALS), value=get_material(material).name,
                                     description="material"),
        "coulomb": widgets.Dropdown(options=[("without", False), ("with Brus's term", True)],
                                    value=bool(coulomb), description="Coulomb term"),
    }
    return Exploration(levels_model, controls, levels_view, **kwargs)


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
