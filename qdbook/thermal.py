r"""Heating of the active volume of a high-current LED (review sec. 6.1.2–6.1.5).

Conventions
-----------
SI units unless a parameter name says otherwise: powers in W, temperatures
and temperature rises in K (°C where the name says ``_c``), times in s,
heat capacity C in J K⁻¹, heat-exchange constant K in W K⁻¹. Current
densities in A cm⁻² and areas in cm², so that P_e = j V A_d comes out in W.

The lumped model
----------------
The active volume has one uniform temperature T_d; the surroundings are an
ideal heat sink at T_0. With ΔT = T_d − T_0, Joule heating P_e = A_d j V and
heat leak K ΔT,

.. math:: C\,\frac{d\Delta T}{dt} = A_d j V - K\,\Delta T \qquad\text{(eq-10)}

d.c.: ΔT = P_e/K (eq-11); a square pulse of length τ_p from ΔT = 0:
ΔT(τ_p) = (P_e/K)(1 − e^{−τ_p/τ_T}) with τ_T = C/K (eq-12), → P_e τ_p/C for
τ_p ≪ τ_T (eq-13). A periodic train (period T_pp) settles into a sawtooth
whose peak and trough :func:`pulse_train_extremes_k` gives in closed form.
"""

from __future__ import annotations

import numpy as np
from scipy.integrate import solve_ivp

from . import _validate as v
from ._relation import Relation, loguniform
from .units import convert

HEAT_EXCHANGE_W_K = 4.8e-3
"""Heat-exchange constant K of the 2D current-focusing cg-QD LED [W K⁻¹], fitted to
pulsed overheating data (Jung et al., Nat. Commun. 13, 3734 (2022),
doi:10.1038/s41467-022-31189-4; value as quoted in the review, sec. 6.1.5)."""

HEAT_CAPACITY_J_K = 1.9e-8
"""Heat capacity C of the same device's active volume [J K⁻¹] (same source and fit)."""

INJECTION_AREA_CM2 = convert(50.0, "um", "cm") * convert(300.0, "um", "cm")
"""Injection area of that device, 50 µm × 300 µm [cm²] (review sec. 6.1.5, Fig. 33a)."""

GLASS_TRANSITION_C = {"CBP": 62.0, "NPB": 98.0, "Spiro-NPB": 126.0, "TCTA": 151.0}
"""Glass-transition temperatures T_g [°C] of organic hole-transport layers, as quoted in
the review, sec. 6.1.2 (doi:10.1021/acs.chemrev.2c00865), which cites Tsai et al. 2007
(CBP, doi:10.1002/adma.200600822), Wei et al. 2021 (NPB, doi:10.1364/OME.437768) and
Shahnawaz et al. 2019 (Spiro-NPB, TCTA, doi:10.1039/C9TC01712G). The review gives
100–150 °C as the typical range (Nenna et al. 2009, doi:10.1063/1.3151705)."""


def _ck(heat_capacity_j_k, heat_exchange_w_k):
    return (v.positive("heat_capacity_j_k", heat_capacity_j_k),
            v.positive("heat_exchange_w_k", heat_exchange_w_k))


def electrical_power_w(current_density_a_cm2, voltage_v, area_cm2):
    """Electrical input power P_e = j V A_d [W] (the source term of eq-10).

    ``current_density_a_cm2`` [A cm⁻²] >= 0, ``voltage_v`` [V] >= 0, ``area_cm2``
    (active area A_d) [cm²] > 0.
    """
    j = v.nonnegative("current_density_a_cm2", current_density_a_cm2)
    volt = v.nonnegative("voltage_v", voltage_v)
    area = v.positive("area_cm2", area_cm2)
    return j * volt * area


def thermal_time_constant_s(heat_capacity_j_k, heat_exchange_w_k):
    """Heat-dissipation time τ_T = C/K [s] (review eq 12, sec. 6.1.3).

    Examples
    --------
    Review section 6.1.5: K = 4.8e-3 W/K and C = 1.9e-8 J/K give τ_T = 3.96 µs (the
    review prints 3.9):

    >>> round(float(convert(thermal_time_constant_s(1.9e-8, 4.8e-3), "s", "us")), 2)
    3.96
    """
    c, k = _ck(heat_capacity_j_k, heat_exchange_w_k)
    return c / k


def heating_rate_k_per_s(power_w, delta_t_k, heat_capacity_j_k, heat_exchange_w_k):
    r"""Rate of change of the overheating, dΔT/dt = (P_e − K ΔT)/C [K s⁻¹].

    Equation :math:numref:`eq-10` of the book (review section 6.1.3).

    Parameters
    ----------
    power_w : float or array_like
        Electrical input power P_e = A_d j V [W], >= 0.
    delta_t_k : float or array_like
        Present overheating ΔT [K], >= 0 (the sink is the coldest point).
    heat_capacity_j_k : float
        Heat capacity C of the active volume [J K⁻¹], > 0.
    heat_exchange_w_k : float
        Heat-exchange constant K [W K⁻¹], > 0.

    Notes
    -----
    Review eq 10, section 6.1.3.

    Examples
    --------
    The review quotes no rate; the book's page drives the fitted device (review
    section 6.1.5) at 1000 A cm⁻² and 5 V through 50 µm × 300 µm, 0.75 W: from cold it
    heats at 3.95e7 K s⁻¹, and the rate vanishes at the d.c. overheating of eq-11:

    >>> power = electrical_power_w(1000.0, 5.0, INJECTION_AREA_CM2)
    >>> f"{heating_rate_k_per_s(power, 0.0, HEAT_CAPACITY_J_K, HEAT_EXCHANGE_W_K):.2e}"
    '3.95e+07'
    >>> dt_dc = dc_overheating_k(power, HEAT_EXCHANGE_W_K)
    >>> abs(float(heating_rate_k_per_s(power, dt_dc, HEAT_CAPACITY_J_K, HEAT_EXCHANGE_W_K))) < 1e-6
    True
    """
    power = v.nonnegative("power_w", power_w)
    dt = v.nonnegative("delta_t_k", delta_t_k)
    c, k = _ck(heat_capacity_j_k, heat_exchange_w_k)
    return (power - k * dt) / c


def dc_overheating_k(power_w, heat_exchange_w_k):
    """Steady d.c. overheating ΔT = P_e/K [K].

    Equation :math:numref:`eq-11` of the book (review section 6.1.3).
    ``power_w`` >= 0 [W], ``heat_exchange_w_k`` > 0 [W K⁻¹].

    Examples
    --------
    The review quotes no d.c. overheating; the book's page gives the fitted device's
    (K = 4.8e-3 W/K, review section 6.1.5) 1/K = 208 K per watt:

    >>> round(float(dc_overheating_k(1.0, 4.8e-3)), 1)
    208.3
    """
    power = v.nonnegative("power_w", power_w)
    k = v.positive("heat_exchange_w_k", heat_exchange_w_k)
    return power / k


def pulse_overheating_k(power_w, pulse_width_s, heat_capacity_j_k, heat_exchange_w_k,
                        exact=True):
    r"""Overheating at the end of one square pulse started from ΔT = 0 [K].

    Equations :math:numref:`eq-12` (``exact=True``) and :math:numref:`eq-13`
    (``exact=False``) of the book (review section 6.1.3).

    .. math:: \Delta T(\tau_p) = \frac{P_e}{K}\left(1 - e^{-\tau_p/\tau_T}\right)
              \;\xrightarrow{\tau_p \ll \tau_T}\; \frac{P_e\,\tau_p}{C}

    Parameters
    ----------
    power_w : float or array_like
        Power during the pulse P_e = A_d j V_0 [W], >= 0.
    pulse_width_s : float or array_like
        Pulse duration τ_p [s], > 0.
    heat_capacity_j_k, heat_exchange_w_k : float
        C [J K⁻¹] and K [W K⁻¹], > 0.
    exact : bool, optional
        True for eq-12, False for its short-pulse limit eq-13.

    Notes
    -----
    Review eqs 12 and 13, section 6.1.3.

    Examples
    --------
    Review section 6.1.5: a 1-µs pulse into the fitted device (K = 4.8e-3 W/K,
    C = 1.9e-8 J/K) reaches 22 % of the d.c. overheating by eq-12 (a 78 % reduction)
    and 25 % by eq-13 (75 %):

    >>> full = pulse_overheating_k(1.0, 1e-6, 1.9e-8, 4.8e-3) * 4.8e-3
    >>> short = pulse_overheating_k(1.0, 1e-6, 1.9e-8, 4.8e-3, exact=False) * 4.8e-3
    >>> round(float(1 - full), 2), round(float(1 - short), 2)
    (0.78, 0.75)
    """
    power = v.nonnegative("power_w", power_w)
    tp = v.positive("pulse_width_s", pulse_width_s)
    c, k = _ck(heat_capacity_j_k, heat_exchange_w_k)
    if v.flag("exact", exact):
        return power / k * -np.expm1(-tp * k / c)
    return power * tp / c


def overheating_reduction(pulse_width_s, heat_capacity_j_k=HEAT_CAPACITY_J_K,
                          heat_exchange_w_k=HEAT_EXCHANGE_W_K, exact=True):
    """Fraction by which one pulse of width τ_p lowers the peak overheating below d.c.

    1 − ΔT(τ_p)/ΔT_dc = e^{−τ_p/τ_T} (eq-12) or 1 − τ_p/τ_T (eq-13, ``exact=False``;
    meaningful for τ_p < τ_T only). Defaults: the fitted C and K of the review's
    sec. 6.1.5.

    Examples
    --------
    Review section 6.1.5: 1-µs pulses cut the overheating by ~75 % (eq-13); eq-12 in
    full gives 78 %:

    >>> round(100 * float(overheating_reduction(1e-6, exact=False))), round(
    ...     100 * float(overheating_reduction(1e-6)))
    (75, 78)
    """
    return 1.0 - pulse_overheating_k(1.0, pulse_width_s, heat_capacity_j_k, heat_exchange_w_k,
                                     exact) / dc_overheating_k(1.0, heat_exchange_w_k)


def pulse_average_overheating_per_power_k_w(pulse_width_s, heat_capacity_j_k=HEAT_CAPACITY_J_K,
                                            heat_exchange_w_k=HEAT_EXCHANGE_W_K):
    r"""ΔT averaged over one pulse, per unit input power, ΔT_avg/P_e [K W⁻¹].

    The book's :ref:`relation rel-6.1-average <rel-6.1-average>` (review section 6.1.5).

    .. math:: \frac{\Delta T_\mathrm{avg}}{P_e} = \frac{1}{K}\left[1 - \frac{\tau_T}{\tau_p}
              \left(1 - e^{-\tau_p/\tau_T}\right)\right]

    For a pulse started from ΔT = 0 (pulses far apart, T_pp ≫ τ_T).
    ``pulse_width_s`` > 0. Review Fig. 34b.

    Examples
    --------
    The review plots it (Fig. 34b) without quoting values; the book's page reads 24 K W⁻¹
    at 1 µs and 181 K W⁻¹ at 30 µs for the fitted device:

    >>> [round(float(pulse_average_overheating_per_power_k_w(tp))) for tp in (1e-6, 30e-6)]
    [24, 181]
    """
    tp = v.positive("pulse_width_s", pulse_width_s)
    c, k = _ck(heat_capacity_j_k, heat_exchange_w_k)
    u = tp * k / c
    # 1 - (1 - e^-u)/u, written to stay accurate for small u
    return (u + np.expm1(-u)) / u / k


def duty_cycle(pulse_width_s, period_s):
    """Duty cycle τ_p/T_pp of a square pulse train.

    The book's :ref:`relation rel-6.1-duty <rel-6.1-duty>` (review section 6.1.5).
    ``pulse_width_s`` > 0 and ``period_s`` >= ``pulse_width_s`` [s].

    Examples
    --------
    Review section 6.1.5: 1-µs pulses at 1 kHz are a duty cycle of 0.1 %:

    >>> round(100 * float(duty_cycle(1e-6, 1e-3)), 6)
    0.1
    """
    tp = v.positive("pulse_width_s", pulse_width_s)
    period = v.positive("period_s", period_s)
    if np.any(np.asarray(period) < np.asarray(tp)):
        raise ValueError(f"period_s must be >= pulse_width_s = {pulse_width_s!r} (allowed range "
                         f"[pulse_width_s, inf)), got {period_s!r}")
    return tp / period


def pulse_train_extremes_k(power_w, pulse_width_s, period_s, heat_capacity_j_k,
                           heat_exchange_w_k):
    r"""Peak and trough of the periodic (sawtooth) steady state of a pulse train [K].

    .. math:: \Delta T_\mathrm{max} = \frac{P_e}{K}\,\frac{1 - a}{1 - ab},\qquad
              \Delta T_\mathrm{min} = b\,\Delta T_\mathrm{max},

    with a = e^{−τ_p/τ_T} and b = e^{−(T_pp − τ_p)/τ_T}. For T_pp ≫ τ_T it
    tends to eq-12 (peak) and 0 (trough); for τ_p = T_pp to eq-11.

    Parameters
    ----------
    power_w : float or array_like
        Power during a pulse [W], >= 0.
    pulse_width_s, period_s : float or array_like
        τ_p > 0 and T_pp >= τ_p [s].
    heat_capacity_j_k, heat_exchange_w_k : float
        C [J K⁻¹] and K [W K⁻¹], > 0.

    Returns
    -------
    tuple
        ``(peak, trough)`` [K].
    """
    power = v.nonnegative("power_w", power_w)
    tp = v.positive("pulse_width_s", pulse_width_s)
    duty_cycle(pulse_width_s, period_s)
    c, k = _ck(heat_capacity_j_k, heat_exchange_w_k)
    tau = c / k
    period = np.asarray(period_s, dtype=float)
    b = np.exp(-(period - tp) / tau)
    # (1 − e^(−τ_p/τ)) / (1 − e^(−T/τ)) with expm1: both vanish when τ ≫ T, where 1 − a
    # and 1 − a b would round to 0/0
    peak = np.asarray(power / k * np.expm1(-tp / tau) / np.expm1(-period / tau))
    return peak[()], (b * peak)[()]


def pulse_train_temperature_k(time_s, power_w, pulse_width_s, period_s, heat_capacity_j_k,
                              heat_exchange_w_k):
    """Exact overheating ΔT(t) [K] under a square pulse train switched on at t = 0.

    Each period starts with a pulse of width τ_p; ΔT(0) = 0. The start-of-period
    values form a geometric series that converges to the trough of
    :func:`pulse_train_extremes_k`.

    Parameters
    ----------
    time_s : float or array_like
        Times t >= 0 [s].
    power_w, pulse_width_s, period_s, heat_capacity_j_k, heat_exchange_w_k : float
        As in :func:`pulse_train_extremes_k`.
    """
    t = np.asarray(v.nonnegative("time_s", time_s), dtype=float)
    power = v.nonnegative("power_w", v.scalar("power_w", power_w))
    tp = v.positive("pulse_width_s", v.scalar("pulse_width_s", pulse_width_s))
    period = v.positive("period_s", v.scalar("period_s", period_s))
    duty_cycle(tp, period)
    c, k = _ck(heat_capacity_j_k, heat_exchange_w_k)
    v.broadcast(time_s=t, heat_capacity_j_k=c, heat_exchange_w_k=k)
    tau, dt_ss = c / k, power / k
    a, b = np.exp(-tp / tau), np.exp(-(period - tp) / tau)
    n, s = np.divmod(t, period)   # t - n T loses all digits once t/T is ~1e16; divmod does not
    trough = b * dt_ss * (1 - a) / (1 - a * b)
    start = trough * (1.0 - (a * b) ** n)
    end = dt_ss + (start - dt_ss) * a
    on = s < tp
    out = np.where(on, dt_ss + (start - dt_ss) * np.exp(-s / tau),
                   end * np.exp(-(s - tp) / tau))
    return out[()]


def pulse_train_numeric_k(power_w, pulse_width_s, period_s, heat_capacity_j_k,
                          heat_exchange_w_k, n_periods=10, points_per_period=200):
    """Integrate eq-10 numerically for a square pulse train (scipy ``solve_ivp``, LSODA).

    Each on and off interval is integrated separately, so the switching
    instants are never stepped over. LSODA switches to a stiff method on an
    interval many thermal times τ long, where an explicit method (DOP853) needs
    steps of a few τ for stability: 1.4 s instead of 26 ms for 1 µs pulses every
    50 ms with the review's τ of 4 µs. Returns ``(t [s], ΔT [K])`` sampled at
    ``points_per_period`` points per period over ``n_periods`` periods
    (integers >= 1 and >= 4).
    """
    power = v.nonnegative("power_w", v.scalar("power_w", power_w))
    tp = v.positive("pulse_width_s", v.scalar("pulse_width_s", pulse_width_s))
    period = v.positive("period_s", v.scalar("period_s", period_s))
    duty_cycle(tp, period)
    c, k = _ck(heat_capacity_j_k, heat_exchange_w_k)
    n_periods = v.integer("n_periods", n_periods, minimum=1)
    points = v.integer("points_per_period", points_per_period, minimum=4, maximum=10**4)
    times, temps, y0 = [], [], 0.0
    # each period is integrated in the time s since its start (eq-10 is autonomous): in
    # absolute time m T + τ_p rounds τ_p to the spacing of floats near m T, which shortens or
    # drops the pulse once τ_p is within ~1e-16 m T
    for m in range(n_periods):
        for start, stop, p_in in ((0.0, tp, power), (tp, period, 0.0)):
            if stop <= start:       # τ_p = T: no off interval
                continue
            share = max(2, int(round(points * (stop - start) / period)))
            t_eval = np.linspace(start, stop, share)
            sol = solve_ivp(lambda _t, y, p=p_in: (p - k * y) / c, (start, stop), [y0],
                            method="LSODA", t_eval=t_eval, rtol=1e-11, atol=1e-12)
            times.append(m * period + sol.t)
            temps.append(sol.y[0])
            y0 = float(sol.y[0, -1])
    return np.concatenate(times), np.concatenate(temps)


def max_power_w(max_rise_k, pulse_width_s=None, heat_capacity_j_k=HEAT_CAPACITY_J_K,
                heat_exchange_w_k=HEAT_EXCHANGE_W_K):
    """Largest input power [W] that keeps the peak overheating at or below ``max_rise_k``.

    d.c. (``pulse_width_s=None``): K ΔT_max (eq-11 inverted); single pulse:
    K ΔT_max/(1 − e^{−τ_p/τ_T}) (eq-12 inverted). ``max_rise_k`` >= 0 [K],
    ``pulse_width_s`` > 0 [s]. Defaults: the review's fitted C and K.
    """
    rise = v.nonnegative("max_rise_k", max_rise_k)
    c, k = _ck(heat_capacity_j_k, heat_exchange_w_k)
    if pulse_width_s is None:
        return k * rise
    tp = v.positive("pulse_width_s", pulse_width_s)
    return k * rise / -np.expm1(-tp * k / c)


# -- relations of the review that this module computes (see qdbook._relation) -------------
_HEATING = "chapters/06-electrical-gain/device-heating"
_DEVICE_UNITS = {"A_d": "cm2", "j": "A/cm2", "V": "V", "V_0": "V", "K": "W/K", "C": "J/K",
                 "Delta_T": "K", "tau_p": "s", "T_pp": "s"}


def _units(*names, result):
    return {**{n: _DEVICE_UNITS[n] for n in names}, "result": result}


def _draw_device(rng, pulse=False):
    out = {"A_d": loguniform(1e-5, 1e-1).draw(rng), "j": loguniform(1e-2, 1e4).draw(rng),
           "K": loguniform(1e-4, 1e-1).draw(rng), "C": loguniform(1e-10, 1e-6).draw(rng)}
    out["V_0" if pulse else "V"] = rng.uniform(0.5, 15.0)
    if pulse:
        out["tau_p"] = loguniform(1e-8, 1e-3).draw(rng)
    return out


def _draw_duty(rng):
    tp = loguniform(1e-8, 1e-3).draw(rng)
    return {"tau_p": tp, "T_pp": tp * loguniform(1.0, 1e4).draw(rng)}


def _power(A_d, j, V):
    return electrical_power_w(current_density_a_cm2=j, voltage_v=V, area_cm2=A_d)


RELATIONS = [
    Relation(
        id="eq-10", title="Heat balance of the active volume (rate of change of ΔT)",
        page=_HEATING,
        form=lambda sp, s: (s.A_d * s.j * s.V - s.K * s.Delta_T) / s.C,
        units=_units("A_d", "j", "V", "K", "C", "Delta_T", result="K/s"),
        evaluate=lambda A_d, j, V, K, C, Delta_T: heating_rate_k_per_s(
            power_w=_power(A_d, j, V), delta_t_k=Delta_T, heat_capacity_j_k=C,
            heat_exchange_w_k=K),
        sample=lambda rng: {**_draw_device(rng), "Delta_T": rng.uniform(0.0, 300.0)},
    ),
    Relation(
        id="eq-11", title="d.c. overheating",
        page=_HEATING,
        form=lambda sp, s: s.A_d * s.j * s.V / s.K,
        units=_units("A_d", "j", "V", "K", result="K"),
        evaluate=lambda A_d, j, V, K: dc_overheating_k(power_w=_power(A_d, j, V),
                                                       heat_exchange_w_k=K),
        sample=lambda rng: {k: x for k, x in _draw_device(rng).items() if k != "C"},
    ),
    Relation(
        id="eq-12", title="Overheating at the end of a square pulse",
        page=_HEATING,
        form=lambda sp, s: s.A_d * s.j * s.V_0 / s.K * (1 - sp.exp(-s.K * s.tau_p / s.C)),
        units=_units("A_d", "j", "V_0", "K", "C", "tau_p", result="K"),
        evaluate=lambda A_d, j, V_0, K, C, tau_p: pulse_overheating_k(
            power_w=_power(A_d, j, V_0), pulse_width_s=tau_p, heat_capacity_j_k=C,
            heat_exchange_w_k=K),
        sample=lambda rng: _draw_device(rng, pulse=True),
    ),
    Relation(
        id="eq-13", title="Short-pulse overheating",
        page=_HEATING,
        form=lambda sp, s: s.A_d * s.j * s.V_0 * s.tau_p / s.C,
        units=_units("A_d", "j", "V_0", "C", "tau_p", result="K"),
        # K is passed to the function but cancels; the form does not contain it.
        evaluate=lambda A_d, j, V_0, C, tau_p, _K: pulse_overheating_k(
            power_w=_power(A_d, j, V_0), pulse_width_s=tau_p, heat_capacity_j_k=C,
            heat_exchange_w_k=_K, exact=False),
        sample=lambda rng: {**{k: x for k, x in _draw_device(rng, pulse=True).items()
                               if k != "K"}, "_K": loguniform(1e-4, 1e-1).draw(rng)},
    ),
    Relation(
        id="rel-6.1-average", title="Pulse-averaged overheating per input power",
        page=_HEATING,
        form=lambda sp, s: (1 - s.C / (s.K * s.tau_p) * (1 - sp.exp(-s.K * s.tau_p / s.C))) / s.K,
        units=_units("K", "C", "tau_p", result="K/W"),
        evaluate=lambda K, C, tau_p: pulse_average_overheating_per_power_k_w(
            pulse_width_s=tau_p, heat_capacity_j_k=C, heat_exchange_w_k=K),
        sample={"K": loguniform(1e-4, 1e-1), "C": loguniform(1e-10, 1e-6),
                "tau_p": loguniform(1e-8, 1e-3)},
    ),
    Relation(
        id="rel-6.1-duty", title="Duty cycle of a pulse train",
        page=_HEATING,
        form=lambda sp, s: s.tau_p / s.T_pp,
        units=_units("tau_p", "T_pp", result="1"),
        evaluate=lambda tau_p, T_pp: duty_cycle(pulse_width_s=tau_p, period_s=T_pp),
        sample=_draw_duty,
    ),
]
