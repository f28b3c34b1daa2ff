"""Explorations of electronic levels: spherical dots, nanoplatelet wells, halide colour.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import functools

import numpy as np

from .. import confinement, perovskite, wells
from ..materials import MATERIALS, get_material
from ..units import convert
from ._browser import Formula, Table, relation, symbol
from ._controls import controls_for
from ._core import Exploration
from ._figure import Bars, Figure, Fill, HLine, Line, Panel, Points, Text, VLine

# ------------------------------------------------------------------ 2.1 levels and gap
LADDER = confinement.level_ladder(n_max=2, L_max=3)[:5]  # 1S, 1P, 1D, 2S, 1F


LEVELS_RADII = np.linspace(1.0, 6.0, 120)


def levels_model(material: str = "CdSe", radius_nm: float = 2.5, coulomb: bool = False) -> dict:
    """Electron and hole levels (eq-1) and the gap curve (eq-2, with Brus's term if asked)."""
    mat = get_material(material)
    radii = LEVELS_RADII
    out = {
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
    top = min(float(out["electron"].max()), 6.0)
    return {**out, "ylo": -1.1 * top, "yhi": 1.1 * top}


LEVELS_FIGURE = Figure(panels=[
    Panel(xlabel="radius R (nm)", ylabel="band gap E_g (eV)", ylim=(0, 5),
          title="{material}: E_g = {gap:.2f} eV at R = {radius_nm:.2f} nm",
          items=[
              Line(x="radii", y="gap_curve", color=0),
              HLine(y="eg0", color="0.4", dash="--", width=1.0),
              Points(x="radius_nm", y="gap", color=1),
          ]),
    Panel(ylabel="energy from band edge (eV)", xlim=(0, 1.2), ylim=("ylo", "yhi"),
          title="electron levels (up), hole levels (down, same order)",
          items=[
              HLine(y=0.0, color="0.4"),
              *[item for k, lev in enumerate(LADDER) for item in (
                  Line(x=[0.1, 0.9], y=f"electron[{k}]", color=0, width=2),
                  Line(x=[0.1, 0.9], y=f"hole[{k}]", yscale=-1.0, color=1, width=2),
                  Text(x=0.92, y=f"electron[{k}]", text=lev["label"], va="center", color=6))],
          ]),
])
"""Gap versus radius (left) and the electron/hole ladder at the chosen radius (right)."""


def levels_formula() -> Formula:
    """Browser model: eq-1 over the ladder's φ_n,L and eq-2 (with Brus's term when asked)."""
    radius, radii, phi = symbol("radius_nm"), symbol("radii"), symbol("phi")
    me, mh, eg0 = symbol("me"), symbol("mh"), symbol("eg0_ev")
    eps_r, with_coulomb = symbol("eps_r"), symbol("with_coulomb")
    import sympy as sp

    def level(m):
        return convert(relation("eq-1", phi=phi, m=m, R=convert(radius, "nm", "m")), "J", "eV")

    def gap(r):
        coulomb = relation("book-2.1-coulomb", eps_r=eps_r, R=convert(r, "nm", "m"))
        coulomb = coulomb.xreplace({si: si.evalf(17) for si in coulomb.atoms(sp.Si)})
        return convert(relation("eq-2", E_g0=convert(eg0, "eV", "J"), m_e=me, m_h=mh,
                                R=convert(r, "nm", "m")) + with_coulomb * coulomb, "J", "eV")
    tops = [convert(relation("eq-1", phi=lev["phi"], m=me, R=convert(radius, "nm", "m")),
                    "J", "eV") for lev in LADDER]
    top = sp.Min(sp.Max(*tops), 6)
    return Formula({"radius_nm": radius, "gap_curve": gap(radii), "gap": gap(radius),
                    "eg0": eg0, "electron": level(me), "hole": level(mh),
                    "ylo": -1.1 * top, "yhi": 1.1 * top},
                   grids={"radii": LEVELS_RADII, "phi": [lev["phi"] for lev in LADDER]},
                   options={"material": {name: {"me": m.me, "mh": m.mh, "eg0_ev": m.eg0_ev,
                                                "eps_r": m.eps_r}
                                         for name, m in MATERIALS.items()},
                            "coulomb": {False: {"with_coulomb": 0.0},
                                        True: {"with_coulomb": 1.0}}},
                   passthrough={"material": "material"})


def levels_explorer(**kwargs) -> Exploration:
    """Radius → levels and gap, for any material of :data:`qdbook.materials.MATERIALS`.

    Keyword arguments: a starting value for ``radius_nm``, ``material`` or ``coulomb``
    (by default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    if "material" in kwargs:
        kwargs["material"] = get_material(kwargs["material"]).name
    controls = controls_for(levels_model, ["radius_nm", "material", "coulomb"], kwargs)
    return Exploration(levels_model, controls, figure=LEVELS_FIGURE, browser=levels_formula,
                       **kwargs)


CDSE = get_material("CdSe")


# ------------------------------------------------------------------ 4.1 thickness and levels
ML_GRID = np.linspace(2.0, 9.0, 57)


GAP_INFINITE = wells.platelet_gap_ev(ML_GRID, CDSE.eg0_ev, CDSE.me, CDSE.mh)


MEASURED_ML = np.array(sorted(wells.MEASURED_CDSE_NPL_EMISSION))


MEASURED_EV = wells.wavelength_to_ev([wells.MEASURED_CDSE_NPL_EMISSION[k][0] for k in MEASURED_ML])


N_LEVEL_ARTISTS = 6


def _segments(levels, half: float, sign: float) -> tuple[np.ndarray, np.ndarray]:
    """Bound levels as horizontal segments across the well, separated by NaN (for drawing)."""
    xs = np.tile([-half, half, np.nan], N_LEVEL_ARTISTS)
    ys = np.full(3 * N_LEVEL_ARTISTS, np.nan)
    for k, level in enumerate(np.asarray(levels)[:N_LEVEL_ARTISTS]):
        ys[3 * k:3 * k + 2] = sign * level
    return xs, ys


@functools.lru_cache(maxsize=256)
def _finite_gap_curve(barrier_ev: float) -> np.ndarray:
    """The finite-well gap over :data:`ML_GRID` at one barrier (read-only).

    It does not depend on the thickness control, and each point is a root search: cached, the
    browser table (every thickness at each barrier) solves it once per barrier, not 346 times.
    """
    curve = wells.platelet_gap_ev(ML_GRID, CDSE.eg0_ev, CDSE.me, CDSE.mh, barrier_ev)
    curve.flags.writeable = False
    return curve


def well_levels_model(monolayers: float = 4.0, barrier_ev: float = 3.0) -> dict:
    """Gap versus thickness (infinite and finite well) and the finite-well levels at one thickness.

    The same barrier height confines electrons and holes (an assumption of the
    model); masses and bulk gap are CdSe's from :mod:`qdbook.materials`.
    """
    d = float(wells.platelet_thickness_nm(monolayers))
    electron = wells.finite_well_levels_ev(d, CDSE.me, barrier_ev)
    hole = wells.finite_well_levels_ev(d, CDSE.mh, barrier_ev)
    half = d / 2
    seg_x, e_seg = _segments(electron, half, 1.0)
    _, h_seg = _segments(hole, half, -1.0)
    return {
        "monolayers": monolayers, "barrier": barrier_ev, "d": d,
        "ml_grid": ML_GRID, "gap_infinite": GAP_INFINITE,
        "gap_finite": _finite_gap_curve(float(barrier_ev)),
        "gap_here": float(wells.platelet_gap_ev(monolayers, CDSE.eg0_ev, CDSE.me, CDSE.mh,
                                                barrier_ev)),
        "gap_here_infinite": float(wells.platelet_gap_ev(monolayers, CDSE.eg0_ev, CDSE.me,
                                                         CDSE.mh)),
        "electron": electron, "hole": hole,
        "measured_ml": MEASURED_ML, "measured_ev": MEASURED_EV, "eg0": CDSE.eg0_ev,
        # drawing: the two band profiles and the levels as segments across the well
        "well_x": np.array([-1.5, -half, -half, half, half, 1.5]),
        "well_e": barrier_ev * np.array([1, 1, 0, 0, 1, 1.0]),
        "well_h": -barrier_ev * np.array([1, 1, 0, 0, 1, 1.0]),
        "seg_x": seg_x, "e_seg": e_seg, "h_seg": h_seg,
        "ylo": -1.15 * barrier_ev, "yhi": 1.15 * barrier_ev,
    }


WELL_LEVELS_FIGURE = Figure(panels=[
    Panel(xlabel="thickness (monolayers)", ylabel="band-edge energy (eV)", ylim=(1.5, 5.0),
          legend="upper right",
          title="{monolayers:g} ML (d = {d:.2f} nm): finite {gap_here:.2f} eV, "
                "infinite {gap_here_infinite:.2f} eV",
          items=[
              HLine(y="eg0", color="0.5", dash=":"),
              Line(x="ml_grid", y="gap_infinite", color=1, dash="--", label="infinite well"),
              Line(x="ml_grid", y="gap_finite", color=0, label="finite well"),
              Points(x="measured_ml", y="measured_ev", marker="s", color=6, label="measured PL"),
              Points(x="monolayers", y="gap_here", color=0, size=7),
          ]),
    Panel(xlabel="z (nm)", ylabel="energy from each band edge (eV)", xlim=(-1.5, 1.5),
          ylim=("ylo", "yhi"),
          items=[
              Line(x="well_x", y="well_e", color="0.3", width=1.2),
              Line(x="well_x", y="well_h", color="0.3", width=1.2),
              Line(x="seg_x", y="e_seg", color=0, width=2),
              Line(x="seg_x", y="h_seg", color=1, width=2),
              Text(x=0.02, y=0.97, text="electrons", axes=True, va="top", color=0),
              Text(x=0.02, y=0.03, text="holes", axes=True, color=1),
          ]),
])
"""Gap versus thickness, and the well with its bound levels (kernel and browser)."""


def well_levels_explorer(**kwargs) -> Exploration:
    """Thickness in monolayers and barrier height → levels and band-edge energy of CdSe NPLs.

    Keyword arguments: a starting value for ``monolayers`` or ``barrier_ev`` (by default
    the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(well_levels_model, ["monolayers", "barrier_ev"], kwargs)
    kwargs.setdefault("n_frames", 15)
    # every step of both sliders is a grid point (15 × 23): the finite-well levels need a
    # root search, so the page carries the model's numbers
    return Exploration(well_levels_model, controls, figure=WELL_LEVELS_FIGURE,
                       browser=Table(points=0, steps=dict.fromkeys(controls)),
                       **kwargs)


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
    composition = ("CsPbBr3" if position == 0 else
                   f"CsPb(Cl {3 * x_cl:.2f}, Br {3 * (1 - x_cl):.2f})" if position < 0 else
                   f"CsPb(Br {3 * (1 - x_i):.2f}, I {3 * x_i:.2f})")
    return {"composition": composition,
            "position": position, "x_cl": float(x_cl), "x_i": float(x_i), "energy": energy,
            "wavelength": lam, "fwhm_mev": fwhm_ev * 1e3, "label": label,
            "grid": POSITION_GRID,
            "energy_curve": perovskite.mixed_halide_emission_ev(
                *perovskite.halide_scale_to_fractions(POSITION_GRID)),
            "lambda_grid": LAMBDA_GRID, "line": line, "colour": wavelength_rgb(lam)}


def _hex(rgb) -> str:
    return "#" + "".join(f"{round(255 * v):02x}" for v in rgb)


HALIDE_FIGURE = Figure(panels=[
    Panel(xlabel="halide coordinate  (−1 Cl, 0 Br, +1 I)", ylabel="emission energy (eV)",
          items=[
              Line(x="grid", y="energy_curve", color="0.3"),
              *[Points(x=float(s_), y=float(wells.wavelength_to_ev(
                  perovskite.END_MEMBER_EMISSION_NM[name][0])), marker="s",
                  color=_hex(wavelength_rgb(perovskite.END_MEMBER_EMISSION_NM[name][0])))
                for s_, name in ((-1, "Cl"), (0, "Br"), (1, "I"))],
              Points(x="position", y="energy", size=9, color_key="colour"),
          ]),
    Panel(xlabel="wavelength (nm)", ylabel="emission (normalised)", ylim=(-0.13, 1.15),
          xlim=(LAMBDA_GRID[0], LAMBDA_GRID[-1]),
          title="{composition}: {wavelength:.0f} nm ({energy:.2f} eV), FWHM {fwhm_mev:.0f} meV",
          items=[
              Bars(x="lambda_grid", y=-0.02, base=-0.12, width=float(np.diff(LAMBDA_GRID)[0]),
                   colors=[_hex(wavelength_rgb(x)) for x in LAMBDA_GRID]),
              Fill(x="lambda_grid", y="line", alpha=0.6, color_key="colour"),
              Line(x="lambda_grid", y="line", color=6, width=1.5),
              *[item for name, lam in perovskite.REVIEW_ASE_NM.items() for item in (
                  VLine(x=float(lam), color="0.4", dash=":", width=0.8),
                  Text(x=float(lam), y=1.06, text=f"ASE {name}", ha="center", size=7,
                       color="0.3"))],
          ]),
])
"""Emission energy versus composition (left) and the emission line (right)."""


def halide_explorer(**kwargs) -> Exploration:
    """Halide composition (Cl → Br → I) → emission energy and colour of CsPbX₃ nanocrystals.

    Keyword arguments: a starting ``position`` (by default the model's), or an option of
    :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(halide_model, ["position"], kwargs)
    kwargs.setdefault("n_frames", 13)
    # the display colour is piecewise (a display aid, not a registered relation): a table on
    # every step of the slider
    return Exploration(halide_model, controls, figure=HALIDE_FIGURE,
                       browser=Table(steps={"position": None}), **kwargs)
