"""Explorations of laser diodes.

Charge injection, current thresholds, heating and the electroluminescence of
higher states.

Each ``*_model`` is a pure function over the physics modules (what the tests
drive); each ``*_explorer`` wraps it in an :class:`~qdbook.explore.Exploration`.
"""

from __future__ import annotations

import numpy as np

from .. import electrical, injection, thermal
from ..plotting import PALETTE
from ..units import convert
from ._browser import Formula, Table, relation, symbol
from ._controls import controls_for
from ._core import Exploration
from ._figure import Bars, Figure, HLine, Line, Panel, Points, Text, VLine

# ------------------------------------------------------------------ 5.2 injection cycles
_TAU_X_CG, _TAU_XX_CG = electrical.lifetimes_from_thresholds(7.0, 24.0,
                                                             electrical.CG_QD_RADIUS_NM)


DOTS = {
    # name: (radius [nm], tau_X [ns], tau_XX [ps]). CdSe: the review's sec. 5.3 example;
    # cg-QD: overall radius of sec. 2.4.2 with lifetimes solved from the review's 7 and
    # 24 A cm^-2 (the review does not list them; see the electrical-thresholds page).
    "CdSe, R = 2.5 nm": (2.5, 20.0, 65.0),
    "cg-QD, R = 9.4 nm": (electrical.CG_QD_RADIUS_NM, _TAU_X_CG, _TAU_XX_CG),
}


J_GRID = np.logspace(-2, 5, 141)


STATE_COLOURS = [PALETTE[6], PALETTE[5], PALETTE[7], PALETTE[0], PALETTE[3], PALETTE[1]]


def injection_model(current_density_a_cm2: float = 300.0, dot: str = "CdSe, R = 2.5 nm",
                    eps_r: float = 9.5) -> dict:
    """Six-state occupations versus j and at the chosen j, with cycle fluxes and gain."""
    radius, tau_x, tau_xx = DOTS[dot]
    curve = injection.injection_steady_state(J_GRID, radius, tau_x, tau_xx, eps_r=eps_r)
    here = injection.injection_steady_state(current_density_a_cm2, radius, tau_x, tau_xx,
                                            eps_r=eps_r)
    return {"j": current_density_a_cm2, "dot": dot, "grid": J_GRID, "P_curve": curve["P"],
            "P": here["P"], "led": float(here["led_flux"]), "qld": float(here["qld_flux"]),
            "gain": float(here["gain"]), "penalty": here["penalty"],
            "efficiency": float(here["efficiency"]),
            "cycles": float(here["qld_flux"]) / float(here["led_flux"]),
            "states": np.arange(len(injection.STATES))}


INJECTION_FIGURE = Figure(panels=[
    Panel(xlabel="current density j (A cm⁻²)", ylabel="occupation", xlog=True, ylim=(0, 1),
          legend="upper left", items=[
              *[Line(x="grid", y=f"P_curve.{k}", color=STATE_COLOURS[k], label=name)
                for k, name in enumerate(injection.STATES)],
              VLine(x="j", color="0.3", dash="--"),
          ]),
    Panel(ylabel="occupation", ylim=(0, 1), xlim=(-0.6, 5.6),
          title="j = {j:.3g} A cm⁻²: laser-diode/LED cycles = {cycles:.3g}\n"
                "G/G_0 = {gain:+.2f}, photons per electron = {efficiency:.2f}",
          items=[Bars(x="states", y="P", colors=STATE_COLOURS, ticklabels=list(injection.STATES))]),
])
"""Occupations versus current density (left) and at the chosen current (right)."""


def injection_explorer(**kwargs) -> Exploration:
    """Current density, dot type and dielectric constant → charge-state occupations.

    Keyword arguments: a starting ``current_density_a_cm2``, ``dot`` or ``eps_r`` (by
    default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(injection_model, ["current_density_a_cm2", "dot", "eps_r"], kwargs,
                            dot={"options": tuple(DOTS)})
    # the steady state is solved numerically: the page carries the model on a grid
    return Exploration(injection_model, controls, figure=INJECTION_FIGURE,
                       browser=Table(points=7, steps={"current_density_a_cm2": 0.25}), **kwargs)


# ------------------------------------------------------------------ 5.3 threshold currents
TAU_XX_GRID_PS = np.logspace(1, 4, 121)


LED_LEVELS = {"d.c. LED breakdown ~1": 1.0, "d.c. focusing 18": 18.0, "pulsed ~1000": 1000.0}
"""Current densities reached in practice [A cm⁻²], as quoted in the review (sec. 5.3, 6.1.4,
6.1.5)."""


def thresholds_model(tau_xx_ps: float = 65.0, radius_nm: float = 2.5, tau_x_ns: float = 20.0,
                     fill_factor: float = 0.5) -> dict:
    """j_th,gain (eq-8) and j_1/2 (eq-9) versus τ_XX, and at the chosen parameters."""
    j_th = electrical.gain_threshold_current_density_a_cm2(radius_nm, tau_x_ns, TAU_XX_GRID_PS,
                                                           fill_factor)
    j_half = electrical.half_saturation_current_density_a_cm2(radius_nm, tau_x_ns,
                                                              TAU_XX_GRID_PS, fill_factor)
    here_th = float(electrical.gain_threshold_current_density_a_cm2(radius_nm, tau_x_ns,
                                                                    tau_xx_ps, fill_factor))
    here_half = float(electrical.half_saturation_current_density_a_cm2(radius_nm, tau_x_ns,
                                                                      tau_xx_ps, fill_factor))
    return {"grid": TAU_XX_GRID_PS, "j_th": j_th, "j_half": j_half, "tau_xx": tau_xx_ps,
            "j_th_here": here_th, "j_half_here": here_half, "radius": radius_nm,
            "tau_x": tau_x_ns, "fill": fill_factor}


THRESHOLDS_FIGURE = Figure(panels=[Panel(
    xlabel="biexciton lifetime τ_XX (ps)", ylabel="current density (A cm⁻²)", xlog=True,
    ylog=True, ylim=(0.1, 1e6), legend="upper right",
    title="R = {radius:.1f} nm, τ_X = {tau_x:.0f} ns, f_a = {fill:.2f}, τ_XX = {tau_xx:.3g} ps: "
          "j_th = {j_th_here:.3g}, j_1/2 = {j_half_here:.3g} A cm⁻²",
    items=[
        *[item for k, (label, level) in enumerate(LED_LEVELS.items()) for item in (
            HLine(y=level, color=2 + 2 * k, dash=":", width=1.0),
            Text(x=11.0, y=level * 1.15, text=label + " A cm⁻²", size=7.5, color=2 + 2 * k))],
        Line(x="grid", y="j_th", color=0, label="gain threshold (eq. 8)"),
        Line(x="grid", y="j_half", color=3, label="half saturation (eq. 9)"),
        Points(x="tau_xx", y="j_th_here", color=0),
        Points(x="tau_xx", y="j_half_here", color=3),
    ])])
"""Threshold current densities versus biexciton lifetime, with practical levels."""


def thresholds_formula() -> Formula:
    """Browser model: eq-8 and eq-9 over the τ_XX grid and at the chosen τ_XX."""
    tau, grid = symbol("tau_xx_ps"), symbol("grid")
    radius, tau_x, fill = symbol("radius_nm"), symbol("tau_x_ns"), symbol("fill_factor")

    def j(relation_id, t):
        return relation(relation_id, R=convert(radius, "nm", "cm"), f_a=fill,
                        tau_X=convert(tau_x, "ns", "s"), tau_XX=convert(t, "ps", "s"))

    return Formula({"j_th": j("eq-8", grid), "j_half": j("eq-9", grid),
                    "j_th_here": j("eq-8", tau), "j_half_here": j("eq-9", tau), "tau_xx": tau,
                    "radius": radius, "tau_x": tau_x, "fill": fill},
                   grids={"grid": TAU_XX_GRID_PS})


def thresholds_explorer(**kwargs) -> Exploration:
    """τ_XX, R, τ_X and f_a → the gain-threshold and half-saturation current densities.

    Keyword arguments: a starting ``tau_xx_ps``, ``radius_nm``, ``tau_x_ns`` or
    ``fill_factor`` (by default the model's), or an option of
    :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(thresholds_model,
                            ["tau_xx_ps", "radius_nm", "tau_x_ns", "fill_factor"], kwargs,
                            # radii up to 12 nm take in the graded cg-QDs (9.4 nm) of the
                            # electrical thresholds
                            radius_nm={"max": 12.0, "step": 0.1})
    return Exploration(thresholds_model, controls, figure=THRESHOLDS_FIGURE,
                       browser=thresholds_formula, **kwargs)


# ------------------------------------------------------------------ 6.1 device heating
PULSE_GRID_S = np.logspace(-7, -3, 121)


N_PERIODS_SHOWN = 4


AMBIENT_C = 25.0


def _trace_times(pulse_s: float, period_s: float) -> np.ndarray:
    """Times resolving every pulse and every cooling interval of the shown periods."""
    pieces = []
    for m in range(N_PERIODS_SHOWN):
        start = m * period_s
        pieces.append(start + np.linspace(0.0, pulse_s, 40, endpoint=False))
        pieces.append(start + pulse_s + (period_s - pulse_s) * np.linspace(0.0, 1.0, 80) ** 2)
    return np.concatenate(pieces)


def heating_model(pulse_width_us: float = 1.0, period_us: float = 50.0,
                  power_w: float = 0.5) -> dict:
    """Temperature trace of a pulse train and pulse-averaged overheating, fitted C and K."""
    c, k = thermal.HEAT_CAPACITY_J_K, thermal.HEAT_EXCHANGE_W_K
    tp, period = pulse_width_us * 1e-6, period_us * 1e-6
    t = _trace_times(tp, period)
    trace = thermal.pulse_train_temperature_k(t, power_w, tp, period, c, k)
    peak, trough = thermal.pulse_train_extremes_k(power_w, tp, period, c, k)
    return {"t_us": t * 1e6, "trace": trace, "peak": float(peak), "trough": float(trough),
            "dc": float(thermal.dc_overheating_k(power_w, k)),
            "single": float(thermal.pulse_overheating_k(power_w, tp, c, k)),
            "duty": float(thermal.duty_cycle(tp, period)), "tp_us": pulse_width_us,
            "period_us": period_us, "power": power_w,
            "grid_us": PULSE_GRID_S * 1e6,
            "avg_curve": thermal.pulse_average_overheating_per_power_k_w(PULSE_GRID_S, c, k),
            "avg_here": float(thermal.pulse_average_overheating_per_power_k_w(tp, c, k))}


HEATING_FIGURE = Figure(panels=[
    Panel(xlabel="time (µs)", ylabel="overheating ΔT (K)", ylim=(0, 220),
          title="P = {power:.2f} W, τ_p = {tp_us:.3g} µs, T_pp = {period_us:.3g} µs\n"
                "peak {peak:.1f} K, trough {trough:.1f} K (d.c. {dc:.0f} K)",
          items=[
              *[item for k, name in enumerate(("NPB", "TCTA")) for item in (
                  HLine(y=thermal.GLASS_TRANSITION_C[name] - AMBIENT_C, color=3 + k, dash=":",
                        width=1.0),
                  Text(x=0.99, y=thermal.GLASS_TRANSITION_C[name] - AMBIENT_C, axes="x",
                       text=f"T_g({name}) − 25 °C ", color=3 + k, size=7.5, ha="right",
                       va="bottom"))],
              HLine(y="peak", color=1, dash="--"),
              HLine(y="trough", color=0, dash="--"),
              Line(x="t_us", y="trace", color=1),
          ]),
    Panel(xlabel="pulse width τ_p (µs)", ylabel="ΔT_avg/P_e (K W⁻¹)", xlog=True, ylim=(0, 230),
          title="single pulse: ΔT_avg/P_e = {avg_here:.1f} K/W\nduty cycle {duty*100:.3g} %",
          items=[
              HLine(y=1.0 / thermal.HEAT_EXCHANGE_W_K, color="0.4", dash="--"),
              Text(x=0.12, y=1.0 / thermal.HEAT_EXCHANGE_W_K * 0.93, text="d.c. limit 1/K",
                   size=7.5, color="0.3", va="top"),
              Line(x="grid_us", y="avg_curve", color=0),
              Points(x="tp_us", y="avg_here", color=1),
          ]),
])
"""Pulse-train temperature trace (left) and ΔT_avg/P_e versus pulse width (right)."""


def heating_explorer(**kwargs) -> Exploration:
    """Pulse width, period and power → temperature trace and pulse-averaged overheating.

    Keyword arguments: a starting ``pulse_width_us``, ``period_us`` or ``power_w`` (by
    default the model's), or an option of :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(heating_model, ["pulse_width_us", "period_us", "power_w"], kwargs)
    # the pulse-train trace has no registered closed form: a table over all three controls
    return Exploration(heating_model, controls, figure=HEATING_FIGURE,
                       browser=Table(points=5), **kwargs)


# ------------------------------------------------------------------ 6.1.6 1S and 1P EL
N_GRID = np.linspace(0.05, 8.0, 160)


PEAK_1S_EV, PEAK_1P_EV = 1.93, 2.11
"""1S and 1P electroluminescence peaks of cg-QD devices [eV], as quoted in the review
(sec. 6.4); used only to place the two bands of the sketched spectrum."""


BAND_FWHM_EV = 0.08
"""Width given to each band of the sketched spectrum [eV] (an assumption for display)."""


E_GRID_EV = np.linspace(1.7, 2.35, 200)


def el_model(n_excitons: float = 4.0) -> dict:
    """1S and 1P emission rates and their ratio at N, with a two-band spectrum."""
    r_1s, r_1p = injection.shell_emission_rates(N_GRID)
    here_1s, here_1p = injection.shell_emission_rates(n_excitons)
    sigma = BAND_FWHM_EV / (2.0 * np.sqrt(2.0 * np.log(2.0)))

    def band(e0):
        return np.exp(-0.5 * ((E_GRID_EV - e0) / sigma) ** 2)

    return {"n": n_excitons, "grid": N_GRID, "ratio_curve": r_1p / r_1s,
            "ratio": float(here_1p / here_1s), "r_1s": float(here_1s), "r_1p": float(here_1p),
            "energy": E_GRID_EV,
            "spectrum": float(here_1s) * band(PEAK_1S_EV) + float(here_1p) * band(PEAK_1P_EV),
            "crossover": injection.el_crossover_occupancy(1.0)}


EL_FIGURE = Figure(panels=[
    Panel(xlabel="excitons per dot N", ylabel="I_1P/I_1S", ylim=(0, 3.1), items=[
        HLine(y=1.0, color="0.4", dash="--"),
        VLine(x="crossover", color=2, dash=":"),
        Text(x="crossover", y=2.5, dx=0.1, text="N = {crossover:.2f}", color=2),
        Line(x="grid", y="ratio_curve", color=0),
        Points(x="n", y="ratio", color=1),
    ]),
    Panel(xlabel="photon energy (eV)", ylabel="EL intensity (units of r_0)", ylim=(0, 6.5),
          title="N = {n:.2f}: r_1S = {r_1s:.2f} r_0, r_1P = {r_1p:.2f} r_0",
          items=[Line(x="energy", y="spectrum", color=1)]),
])
"""I_1P/I_1S versus N (left) and the sketched two-band EL spectrum at N (right)."""


def el_explorer(**kwargs) -> Exploration:
    """N → shares of 1S and 1P electroluminescence.

    Keyword arguments: a starting ``n_excitons`` (by default the model's), or an option of
    :class:`~qdbook.explore.Exploration`.
    """
    controls = controls_for(el_model, ["n_excitons"], kwargs)
    # the sketched spectrum uses display Gaussians that the registry does not hold: a table on
    # every step of the slider
    return Exploration(el_model, controls, figure=EL_FIGURE,
                       browser=Table(steps={"n_excitons": None}),
                       **kwargs)
