"""Explorations of Auger recombination and the thresholds it sets.

Lifetimes and thresholds of spherical dots, Auger control (giant and graded
shells), perovskite cubes, and the outlook's threshold map.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import numpy as np

from .. import auger, electrical, perovskite, pumping
from ..units import convert
from ._browser import Formula, relation, symbol
from ._controls import controls_for
from ._core import Exploration
from ._figure import Figure, HSpan, Line, Panel, Points, Text


# ------------------------------------------------------------------ browser formulas
def _intensity(rate, energy, sigma):
    """I = g hν/σ_abs [W cm⁻²] from a rate g [s⁻¹].

    rel-2.3-half-intensity's E_p/(σ_abs τ) with τ = 1/g: the registry has no
    separate form for I = g hν/σ_abs.
    """
    return relation("rel-2.3-half-intensity", E_p=convert(energy, "eV", "J"), sigma_abs=sigma,
                    tau_A=1 / rate)


def _half_rate(tau_x_ns, tau_xx_ps):
    """eq-4: the excitation rate of half-saturated gain [s⁻¹] (lifetimes in ns and ps)."""
    return relation("eq-4", tau_X=convert(tau_x_ns, "ns", "s"),
                    tau_XX=convert(tau_xx_ps, "ps", "s"))


def _sphere_tau(radius_nm, chi):
    """rel-2.3-v-scaling: τ_A,XX [ps] of a sphere of radius R [nm]."""
    return relation("rel-2.3-v-scaling", R=radius_nm, chi=chi)


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


AUGER_THRESHOLDS_FIGURE = Figure(panels=[
    Panel(xlabel="radius R (nm)", ylabel="τ_A,XX (ps)", ylog=True, legend="lower right", items=[
        Line(x="radii", y="tau_std", color=1, label="χ = 1 ps nm⁻³ (II-VI, IV-VI)"),
        Line(x="radii", y="tau_pvk", color=2, label="χ = 0.06 ps nm⁻³ (perovskite)"),
        Points(x="radius_nm", y="tau_here", color=0),
    ]),
    Panel(xlabel="radius R (nm)", ylabel="cw pump intensity (kW cm⁻²)", xlog=True, ylog=True,
          legend="upper right",
          title="R = {radius_nm:.2f} nm: τ_A,XX = {tau_here:.0f} ps, I_1/2/I_th = {ratio:.1f}",
          items=[
              Line(x="radii", y="i_th", yscale=1e-3, color=0, label="gain, I_th"),
              Line(x="radii", y="i_half", yscale=1e-3, color=3, label="lasing, I_1/2 (eq. 4)"),
              Points(x="radius_nm", y="i_th_here", yscale=1e-3, color=0),
              Points(x="radius_nm", y="i_half_here", yscale=1e-3, color=3),
          ]),
])
"""Auger lifetimes (left) and cw thresholds (right) versus radius."""


def auger_thresholds_formula() -> Formula:
    """Browser model: rel-2.3-v-scaling, rel-2.3-cw-threshold and eq-4."""
    r, radii = symbol("radius_nm"), symbol("radii")
    tau_x, sigma, energy = symbol("tau_x_ns"), symbol("sigma_abs_cm2"), symbol("photon_energy_ev")

    def i_th(tau_ps):
        return relation("rel-2.3-cw-threshold", E_p=convert(energy, "eV", "J"), sigma_abs=sigma,
                        tau_X=convert(tau_x, "ns", "s"), tau_XX=convert(tau_ps, "ps", "s"))

    def i_half(tau_ps):
        return _intensity(_half_rate(tau_x, tau_ps), energy, sigma)

    chi = auger.CHI_STANDARD_PS_NM3
    here = _sphere_tau(r, chi)
    return Formula({"radius_nm": r, "tau_here": here,
                    "i_th": i_th(_sphere_tau(radii, chi)),
                    "i_half": i_half(_sphere_tau(radii, chi)),
                    "i_th_here": i_th(here), "i_half_here": i_half(here),
                    "ratio": i_half(here) / i_th(here)}, grids={"radii": RADII_NM})


def auger_thresholds_explorer(**kwargs) -> Exploration:
    """Radius, τ_X and σ_abs → Auger lifetime and cw gain versus lasing thresholds.

    Keyword arguments: a starting ``radius_nm``, ``tau_x_ns`` or ``sigma_abs_cm2`` (by
    default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(auger_thresholds_model, ["radius_nm", "tau_x_ns", "sigma_abs_cm2"],
                            kwargs)
    return Exploration(auger_thresholds_model, controls, figure=AUGER_THRESHOLDS_FIGURE,
                       browser=auger_thresholds_formula, **kwargs)


# ------------------------------------------------------------------ 2.4 Auger engineering
TAU_GRID_PS = np.logspace(1, 4, 121)


def auger_control_model(tau_a_xx_ps: float = 600.0, sigma_abs_cm2: float = 5.5e-14,
                        photon_energy_ev: float = 2.8) -> dict:
    """I_1/2 versus τ_A,XX at the chosen σ_abs, with the three QD types of the review."""
    curve = pumping.half_saturation_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2, TAU_GRID_PS)
    here = float(pumping.half_saturation_intensity_w_cm2(photon_energy_ev, sigma_abs_cm2,
                                                         tau_a_xx_ps))
    types = {name: float(pumping.half_saturation_intensity_w_cm2(e, s, t))
             for name, (t, s, e) in auger.QD_TYPES.items()}
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
        *[Points(x=auger.QD_TYPES[name][0], y=f"types.{name}", yscale=1e-3, marker="s",
                 color=k + 1, label=name) for k, name in enumerate(auger.QD_TYPES)],
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


def auger_control_explorer(**kwargs) -> Exploration:
    """τ_A,XX and σ_abs → Auger-limited lasing threshold, against standard, giant and graded QDs.

    Keyword arguments: a starting ``tau_a_xx_ps`` or ``sigma_abs_cm2`` (by default the
    model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(auger_control_model, ["tau_a_xx_ps", "sigma_abs_cm2"], kwargs)
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


PEROVSKITE_AUGER_FIGURE = Figure(panels=[
    Panel(xlabel="cube edge L (nm)", ylabel="τ_A,XX (ps)", ylog=True, ylim=(0.5, 1e4),
          legend="lower right", items=[
              Line(x="edges", y="tau_p", color=2, label="perovskite, χ"),
              Line(x="edges", y="tau_c", color=0, label="CdSe, χ = 1 ps nm⁻³"),
              Points(x="edge", y="tau_p_here", color=2),
              Points(x="edge", y="tau_c_here", color=0),
          ]),
    Panel(xlabel="cube edge L (nm)", ylabel="I_1/2 (MW cm⁻²)", ylog=True, ylim=(1e-3, 1e4),
          legend="upper right",
          title="L = {edge:.1f} nm: τ = {tau_p_here:.1f} vs {tau_c_here:.0f} ps, ratio {ratio:.1f}",
          items=[
              Line(x="edges", y="i_p", yscale=1e-6, color=2, label="perovskite"),
              Line(x="edges", y="i_c", yscale=1e-6, color=0, label="CdSe"),
              Points(x="edge", y="i_p_here", yscale=1e-6, color=2),
              Points(x="edge", y="i_c_here", yscale=1e-6, color=0),
          ]),
])
"""τ_A,XX (left) and I_1/2 (right) versus cube edge, perovskite against CdSe."""


def perovskite_auger_formula() -> Formula:
    """Browser model: rel-4.2-v-scaling and rel-2.3-half-intensity."""
    edge, chi, edges = symbol("edge_nm"), symbol("chi_ps_nm3"), symbol("edges")
    sigma, energy = symbol("sigma_abs_cm2"), symbol("photon_energy_ev")
    chi_ref = auger.CHI_STANDARD_PS_NM3

    def tau(length, c):
        return relation("rel-4.2-v-scaling", L=length, chi=c)

    def i_half(t):
        return relation("rel-2.3-half-intensity", E_p=convert(energy, "eV", "J"),
                        sigma_abs=sigma, tau_A=convert(t, "ps", "s"))

    return Formula({"edge": edge, "chi": chi, "tau_p": tau(edges, chi),
                    "tau_p_here": tau(edge, chi), "tau_c_here": tau(edge, chi_ref),
                    "i_p": i_half(tau(edges, chi)), "i_p_here": i_half(tau(edge, chi)),
                    "i_c_here": i_half(tau(edge, chi_ref)),
                    "ratio": tau(edge, chi_ref) / tau(edge, chi)}, grids={"edges": EDGE_GRID})


def perovskite_auger_explorer(**kwargs) -> Exploration:
    """Cube edge and χ → Auger lifetime and cw lasing threshold, CsPbX₃ against CdSe.

    Keyword arguments: a starting ``edge_nm`` or ``chi_ps_nm3`` (by default the model's),
    or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(perovskite_auger_model, ["edge_nm", "chi_ps_nm3"], kwargs)
    kwargs.setdefault("n_frames", 13)
    return Exploration(perovskite_auger_model, controls, figure=PEROVSKITE_AUGER_FIGURE,
                       browser=perovskite_auger_formula, **kwargs)


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


OUTLOOK_FIGURE = Figure(
    title="cg-QD-like dot with τ_XX = {tau:.0f} ps: I_1/2 = {i_here*1e-3:.3g} kW cm⁻², "
          "j_1/2 = {j_here:.3g} A cm⁻²",
    panels=[
        Panel(xlabel="biexciton lifetime τ_XX (ps)", ylabel="optical I_1/2 (kW cm⁻²)", xlog=True,
              ylog=True, legend="upper right", items=[
                  Line(x="tau_grid", y="i_half", yscale=1e-3, color=0),
                  *[Points(x=f"refs.{name}.0", y=f"refs.{name}.1", yscale=1e-3, marker="s",
                           color=k + 1, label=name) for k, name in enumerate(REFERENCE_DOTS)],
                  Points(x="tau", y="i_here", yscale=1e-3, color=0),
              ]),
        Panel(xlabel="biexciton lifetime τ_XX (ps)", ylabel="electrical j_1/2 (A cm⁻²)",
              xlog=True, ylog=True, items=[
                  Line(x="tau_grid", y="j_half", color=0),
                  *[Points(x=f"refs.{name}.0", y=f"refs.{name}.2", marker="s", color=k + 1)
                    for k, name in enumerate(REFERENCE_DOTS)],
                  Points(x="tau", y="j_here", color=0),
              ]),
    ])
"""I_1/2 (left) and j_1/2 (right) against τ_XX, with the reference dots."""


def outlook_formula() -> Formula:
    """Browser model: eq-4 (with I = g hν/σ_abs) and eq-9."""
    tau, grid = symbol("tau_xx_ps"), symbol("tau_grid")
    tau_x, radius = symbol("tau_x_ns"), symbol("radius_nm")
    sigma, energy = symbol("sigma_abs_cm2"), symbol("photon_energy_ev")

    def optical(t):
        return _intensity(_half_rate(tau_x, t), energy, sigma)

    def current(t):
        return relation("eq-9", R=convert(radius, "nm", "cm"), f_a=electrical.FILL_FACTOR_REVIEW,
                        tau_X=convert(tau_x, "ns", "s"), tau_XX=convert(t, "ps", "s"))

    return Formula({"tau": tau, "i_half": optical(grid), "j_half": current(grid),
                    "i_here": optical(tau), "j_here": current(tau)},
                   grids={"tau_grid": TAU_XX_GRID_PS})


def outlook_explorer(**kwargs) -> Exploration:
    """τ_XX (and, live, τ_X) → optical and electrical lasing thresholds of a graded dot.

    Keyword arguments: a starting ``tau_xx_ps`` or ``tau_x_ns`` (by default the model's),
    or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(outlook_model, ["tau_xx_ps", "tau_x_ns"], kwargs,
                            # the outlook's axis runs to 10^4.5 ps, past the graded dots'
                            # 1.3 ns, to show what longer τ_XX would give
                            tau_xx_ps={"max": 4.5})
    return Exploration(outlook_model, controls, figure=OUTLOOK_FIGURE, browser=outlook_formula,
                       **kwargs)
