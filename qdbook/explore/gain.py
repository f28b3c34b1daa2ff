"""Explorations of optical gain.

Poisson statistics, single- and charged-exciton gain, doping, nanoplatelet
gain and band-edge degeneracy.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import functools

import numpy as np

from .. import (
    auger,
    charging,
    perovskite,
    spectroscopy,
    statefilling,
    statistics,
    wells,
)
from ._browser import Formula, Table, relation, symbol
from ._controls import controls_for
from ._core import Exploration
from ._figure import Bars, Figure, HLine, Line, Panel, Points, Text, VLine, VSpan

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


GAIN_STATISTICS_FIGURE = Figure(panels=[
    Panel(xlabel="excitons per dot i", ylabel="probability p_i", ylim=(0, 1), items=[
        Bars(x="i", y="p_i", colors=[1, 4] + [0] * 7),
        Text(x=0.97, y=0.95, axes=True, ha="right", va="top", size=8.5,
             color=6, text="⟨N⟩ = {mean_n:.2f}\nP_0 = {P0:.2f}, P_X = {PX:.2f}, P_XX = {PXX:.2f}"),
    ]),
    Panel(xlabel="average occupancy ⟨N⟩", ylabel="gain G/G_0 = P_XX − P_0", ylim=(-1.05, 1.05),
          items=[
              HLine(y=0.0, color="0.4"),
              VLine(x="threshold", color=2, dash="--"),
              Text(x="threshold", y=-0.9, dx=0.05, text="threshold {threshold:.3f}", color=2),
              Line(x="grid", y="gain_curve", color=0),
              Points(x="mean_n", y="gain", color=1),
          ]),
])
"""Poisson histogram (left) and G/G_0 versus ⟨N⟩ with the threshold (right)."""


def gain_statistics_formula() -> Formula:
    """Browser model: rel-2.2-poisson, rel-2.2-three-state and rel-2.3-gain-coefficient."""
    n = symbol("mean_n")
    p0 = relation("rel-2.2-poisson", N=n, i=0)
    px = relation("rel-2.2-poisson", N=n, i=1)
    pxx = relation("rel-2.2-three-state", N=n)
    return Formula({"mean_n": n, "p_i": relation("rel-2.2-poisson", N=n), "P0": p0, "PX": px,
                    "PXX": pxx,
                    "gain": relation("rel-2.3-gain-coefficient", G_0=1, P_XX=pxx, P_0=p0)},
                   grids={"i": np.arange(0, 9)})


def gain_statistics_explorer(**kwargs) -> Exploration:
    """⟨N⟩ → Poisson distribution, P_0, P_X, P_XX and net gain.

    Keyword arguments: a starting ``mean_n`` (by default the model's), or an option of
    :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(gain_statistics_model, ["mean_n"], kwargs)
    return Exploration(gain_statistics_model, controls, figure=GAIN_STATISTICS_FIGURE,
                       browser=gain_statistics_formula, **kwargs)


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


SINGLE_EXCITON_FIGURE = Figure(panels=[
    Panel(xlabel="photon energy (eV)", ylabel="per singly excited dot (band peak = 1)",
          ylim=(-1.1, 1.25), legend="upper right", items=[
              HLine(y=0.0, color="0.3"),
              Line(x="energy", y="emission", color=1, label="emission X→0"),
              Line(x="energy", y="absorption", yscale=-1.0, color="0.5", dash="--",
                   label="absorption X→XX (−)"),
              Line(x="energy", y="net", color=0, width=2, label="net gain"),
          ]),
    Panel(xlabel="exciton–exciton interaction Δ_XX (meV)", ylabel="peak net gain",
          ylim=(0, 1.05),
          title="Δ_XX = {delta:.0f} meV, width {fwhm:.0f} meV: peak {peak:.2f}",
          items=[
              VLine(x=0.0, color="0.3", width=0.8),
              Line(x="deltas", y="peaks", color=0),
              Points(x="delta", y="peak", color=1),
          ]),
])
"""Spectra of a singly excited ensemble (left) and its peak net gain versus Δ_XX (right)."""


def single_exciton_explorer(**kwargs) -> Exploration:
    """Δ_XX and ensemble line width → single-exciton net gain spectrum.

    Keyword arguments: a starting ``delta_xx_mev`` or ``fwhm_mev`` (by default the
    model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(single_exciton_model, ["delta_xx_mev", "fwhm_mev"], kwargs,
                            # the gain depends on Δ_XX/width: lines down to 10 meV show it
                            # at the smallest Δ_XX of the slider
                            fwhm_mev={"min": 10.0})
    # the peak gain versus Δ_XX is interpolated from a numerical maximum: a table
    return Exploration(single_exciton_model, controls, figure=SINGLE_EXCITON_FIGURE,
                       browser=Table(points=7), n_frames=13, **kwargs)


# ------------------------------------------------------------------ 3.2 charged-exciton gain
N_E_GRID = np.linspace(0.0, 8.0, 161)


def charged_gain_model(n_e: float = 2.0, degeneracy: int = 8, mean_n: float = 2.0) -> dict:
    """Band-edge inversion versus ⟨N⟩ at n_e, eq-5 threshold, and eq-6 Auger rate at threshold."""
    g = float(degeneracy)
    n_e = min(float(n_e), g)
    return {**_charged_curves(g), **_charged_at(n_e, g), "mean_n": mean_n,
            "here": float(charging.band_edge_inversion(mean_n, n_e, g, g))}


@functools.lru_cache(maxsize=64)
def _charged_curves(g: float) -> dict:
    """The parts of :func:`charged_gain_model` set by the degeneracy alone (arrays read-only).

    Cached, like :func:`_charged_at`: the browser table steps ⟨N⟩ and n_e at each degeneracy.
    """
    grid = np.linspace(0.0, g, 161)
    n_e_grid = np.linspace(0.0, g, 81)
    n_th = charging.charged_gain_threshold(n_e_grid, g, g)
    rates = charging.statistical_auger_rate(n_th + n_e_grid, n_th)
    out = {"g": g, "grid": grid, "neutral": charging.band_edge_inversion(grid, 0.0, g, g),
           "n_e_grid": n_e_grid, "n_th": n_th, "rates": rates,
           "neutral_rate": float(charging.statistical_auger_rate(g / 2, g / 2)),
           "half_g": g / 2 * 1.05, "rate_top": 1.05 * max(1.0, float(np.max(rates)))}
    return _read_only(out)


@functools.lru_cache(maxsize=1024)
def _charged_at(n_e: float, g: float) -> dict:
    """The parts of :func:`charged_gain_model` set by n_e and the degeneracy (read-only)."""
    grid = np.linspace(0.0, g, 161)
    threshold = float(charging.charged_gain_threshold(n_e, g, g))
    return _read_only({"n_e": n_e, "charged": charging.band_edge_inversion(grid, n_e, g, g),
                       "threshold": threshold,
                       "rate_here": float(charging.statistical_auger_rate(threshold + n_e,
                                                                          threshold))})


def _read_only(parts: dict) -> dict:
    """``parts`` with every array made read-only (cached results are shared)."""
    for value in parts.values():
        if isinstance(value, np.ndarray):
            value.flags.writeable = False
    return parts


CHARGED_GAIN_FIGURE = Figure(panels=[
    Panel(xlabel="excitons per dot ⟨N⟩", ylabel="inversion f_e + f_h − 1", ylim=(-1.05, 1.05),
          xlim=(0, "g"), legend="lower right",
          title="g = {g:.0f}, n_e = {n_e:.2f}: ⟨N_th⟩ = {threshold:.2f}",
          items=[
              HLine(y=0.0, color="0.3"),
              Line(x="grid", y="neutral", color="0.5", dash="--", label="neutral"),
              Line(x="grid", y="charged", color=0, label="with n_e extra electrons"),
              VLine(x="threshold", color=2, dash=":"),
              Points(x="mean_n", y="here", color=1),
          ]),
    Panel(xlabel="extra electrons per dot n_e", ylabel="gain threshold ⟨N_th⟩",
          ylabel_right="Auger rate at threshold (units of C_A)", xlim=(0, "g"),
          ylim=(0, "half_g"), ylim_right=(0, "rate_top"), legend="upper right",
          title="Auger rate at threshold: {rate_here:.1f} C_A (neutral {neutral_rate:.0f} C_A)",
          items=[
              Line(x="n_e_grid", y="n_th", color=0, label="⟨N_th⟩ (eq. 5)"),
              Line(x="n_e_grid", y="rates", color=3, right=True,
                   label="Auger rate at threshold (eq. 6)"),
              Points(x="n_e", y="threshold", color=0),
              Points(x="n_e", y="rate_here", marker="s", color=3, right=True),
          ]),
])
"""Inversion versus ⟨N⟩ (left); threshold and Auger rate at threshold versus n_e (right)."""


def charged_gain_explorer(**kwargs) -> Exploration:
    """Extra electrons, level degeneracy and ⟨N⟩ → band-edge inversion, threshold, Auger rate.

    Keyword arguments: a starting ``n_e``, ``degeneracy`` or ``mean_n`` (by default the
    model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(charged_gain_model, ["n_e", "degeneracy", "mean_n"], kwargs,
                            # g = 8 levels hold up to 8 excitons
                            mean_n={"max": 8.0})
    # a table: n_e in steps of 0.25, ⟨N⟩ in steps of 0.5, both degeneracies
    return Exploration(charged_gain_model, controls, figure=CHARGED_GAIN_FIGURE,
                       browser=Table(steps={"n_e": 0.25, "mean_n": 0.5}),
                       n_frames=11, **kwargs)


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
            "th_poisson": charging.poisson_charged_threshold(mean_n_e, g, g),
            "measured": np.array([2.5, 1.2])}


DOPING_FIGURE = Figure(panels=[
    Panel(xlabel="extra electrons in a dot n_e", ylabel="fraction of dots", ylim=(0, 0.65),
          items=[
              Bars(x="k", y="p_k", colors=[1] + [0] * 15),
              VLine(x=charging.PBS_DEGENERACY + 0.5, color="0.4", dash="--"),
              Text(x=charging.PBS_DEGENERACY + 0.7, y=0.5, text="1S_e full\n(g = 8)", color=6),
              Text(x=0.97, y=0.95, axes=True, ha="right", va="top", size=8.5, color=6,
                   text="⟨n_e⟩ = {mean_n_e:.2f}\nq(0) = e^(−⟨n_e⟩) = {q0:.3f}"),
          ]),
    Panel(xlabel="excitons per dot ⟨N⟩", ylabel="band-edge inversion", ylim=(-1.05, 1.05),
          legend="lower right",
          title="⟨N_th⟩: {th_mean:.2f} (mean charge), {th_poisson:.2f} (Poisson)",
          items=[
              HLine(y=0.0, color="0.3"),
              Line(x="grid", y="mean_charge", color=0, label="every dot holds ⟨n_e⟩ (eq. 5)"),
              Line(x="grid", y="poisson", color=3, dash="--", label="Poisson-distributed n_e"),
              Points(x="measured", y=0.0, marker="x", color=6, size=7,
                     label="measured thresholds (2.5, ~1.2)"),
              Points(x="th_mean", y=0.0, color=0),
              Points(x="th_poisson", y=0.0, color=3, hollow=True),
          ]),
])
"""Distribution of doping electrons (left) and the ensemble inversion versus ⟨N⟩ (right)."""


def doping_explorer(**kwargs) -> Exploration:
    """Average doping ⟨n_e⟩ of PbS dots → charge distribution and gain threshold.

    Keyword arguments: a starting ``mean_n_e`` (by default the model's), or an option of
    :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(doping_model, ["mean_n_e"], kwargs)
    # the Poisson-averaged threshold is a root search: a table on every step of the slider
    return Exploration(doping_model, controls, figure=DOPING_FIGURE,
                       browser=Table(steps={"mean_n_e": None}),
                       n_frames=17, **kwargs)


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


NPL_GAIN_FIGURE = Figure(panels=[
    Panel(xlabel="volume V (nm³)", ylabel="τ_A,XX (ps)", xlog=True, ylog=True,
          legend="lower right",
          title="V = {volume:.0f} nm³: τ = {tau_npl:.0f} ps (0D: {tau_dot:.0f} ps)",
          items=[
              Line(x="v_grid", y="tau_npl_grid", color=1, label="NPL: 2.7 ps nm⁻³, plateau"),
              Line(x="v_grid", y="tau_dot_grid", color="0.4", dash="--",
                   label="0D dots: 1 ps nm⁻³"),
              Points(x="volume", y="tau_npl", color=1, size=7),
          ]),
    Panel(xlabel="platelet area A (nm²)", ylabel="excitons per platelet ⟨N⟩", xlog=True,
          ylog=True, xlim=(AREA_GRID[0], AREA_GRID[-1]), ylim=(0.1, 1e3),
          title="A/(πa²) = {n_max:.1f}; ρ_Mott = {mott_cm2:.1e} cm⁻²",
          items=[
              VSpan(x0=AREA_GRID[0], x1="a_state", color=2, alpha=0.15),
              HLine(y=1.0, color=2, dash=":", width=1.0),
              Line(x="a_grid", y="n_max_grid", color=0),
              VLine(x="area", color=1, width=1.2),
              Text(x=0.97, y=0.95, axes=True, ha="right", va="top", text="e-h plasma", color=6),
              Text(x=0.97, y=0.30, axes=True, ha="right", text="excitons\n(space filling)",
                   color=6),
              Text(x=AREA_GRID[0] * 1.1, y=0.2, text="state\nfilling", color=2),
          ]),
])
"""Auger lifetime versus volume (left) and the gain-regime map, area versus ⟨N⟩ (right)."""


def npl_gain_explorer(**kwargs) -> Exploration:
    """Platelet area, 2D exciton radius and thickness → Auger lifetime and gain regime.

    Keyword arguments: a starting ``area_nm2``, ``exciton_radius_nm`` or ``monolayers``
    (by default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(npl_gain_model, ["area_nm2", "exciton_radius_nm", "monolayers"],
                            kwargs)
    kwargs.setdefault("n_frames", 15)
    # the platelet lifetime has a plateau and the regime a classification: a table
    return Exploration(npl_gain_model, controls, figure=NPL_GAIN_FIGURE,
                       browser=Table(points=9), **kwargs)


# ------------------------------------------------------------------ 4.2 degeneracy and saturation
DEGENERACY_MEAN_N_GRID = np.logspace(-2, np.log10(30.0), 160)


DEGENERACIES = {"g_e = g_h = 2": (2, 2), "g_min = 2, g_max = 4": (2, 4), "g_e = g_h = 4": (4, 4)}


_CURVES = {name: perovskite.early_signal(DEGENERACY_MEAN_N_GRID, *g)
           for name, g in DEGENERACIES.items()}


_LATE = perovskite.late_signal(DEGENERACY_MEAN_N_GRID)


def degeneracy_model(mean_n: float = 1.0, degeneracy: str = "g_e = g_h = 2") -> dict:
    """Early (A) and late (B) signals versus ⟨N⟩ for three degeneracy choices; values at ⟨N⟩."""
    if degeneracy not in DEGENERACIES:
        raise ValueError(f"degeneracy must be one of {list(DEGENERACIES)}, got {degeneracy!r}")
    g_e, g_h = DEGENERACIES[degeneracy]
    a_here = float(perovskite.early_signal(mean_n, g_e, g_h))
    b_here = float(perovskite.late_signal(mean_n))
    return {"mean_n": mean_n, "name": degeneracy, "g": (g_e, g_h), "grid": DEGENERACY_MEAN_N_GRID,
            "curves": _CURVES, "late": _LATE, "a": a_here, "b": b_here,
            "ratio": a_here / b_here, "threshold": perovskite.band_edge_gain_threshold(g_e, g_h),
            "selected": _CURVES[degeneracy],
            "ratios": {name: curve / _LATE for name, curve in _CURVES.items()}}


_DEGENERACY_COLOURS = dict(zip(DEGENERACIES, (6, 0, 2), strict=True))


DEGENERACY_FIGURE = Figure(panels=[
    Panel(xlabel="⟨N⟩", ylabel="signal (units of a single exciton)", xlog=True, ylog=True,
          ylim=(5e-3, 30), legend="upper left", items=[
              *[Line(x="grid", y=f"curves.{name}", color=_DEGENERACY_COLOURS[name],
                     label=f"A: {name}", width=1.2) for name in DEGENERACIES],
              Line(x="grid", y="selected", color="0.2", width=2.6),
              Line(x="grid", y="late", color=1, dash="--", label="B = 1 − p_0"),
              Points(x="mean_n", y="a", color=6),
              Points(x="mean_n", y="b", marker="s", color=1),
          ]),
    Panel(xlabel="⟨N⟩", ylabel="early/late ratio A/B", xlog=True, ylim=(0, 17),
          title="{name}, ⟨N⟩ = {mean_n:.2g}: A/B = {ratio:.2f}, ⟨N_th⟩ = {threshold:.2f}",
          items=[
              *[HLine(y=float(g_e * g_h), color=_DEGENERACY_COLOURS[name], dash=":")
                for name, (g_e, g_h) in DEGENERACIES.items()],
              *[Line(x="grid", y=f"ratios.{name}", color=_DEGENERACY_COLOURS[name])
                for name in DEGENERACIES],
              Points(x="mean_n", y="ratio", color=6),
          ]),
])
"""A and B versus ⟨N⟩ (left, the chosen degeneracy drawn thick) and A/B (right)."""


def degeneracy_explorer(**kwargs) -> Exploration:
    """⟨N⟩ and band-edge degeneracies → saturation of early and late signals.

    Keyword arguments: a starting ``mean_n`` or ``degeneracy`` (by default the model's),
    or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(
        degeneracy_model, ["mean_n", "degeneracy"], kwargs,
        # saturation of the early signal spans three decades of ⟨N⟩: a log slider
        mean_n={"kind": "log", "min": -1.5, "max": float(np.log10(30.0)), "step": 0.02,
                "format": ".2f"},
        # here the parameter names a pair (g_e, g_h) of the perovskite band edges
        degeneracy={"options": tuple(DEGENERACIES), "label": "degeneracy"})
    kwargs.setdefault("n_frames", 13)
    # every step of the slider and every option is a grid point (the model is cheap)
    return Exploration(degeneracy_model, controls, figure=DEGENERACY_FIGURE,
                       browser=Table(steps={"mean_n": None}), **kwargs)
