"""Heat balance of the active volume (qdbook.thermal): limits, sawtooth, solve_ivp check."""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import thermal

C, K = thermal.HEAT_CAPACITY_J_K, thermal.HEAT_EXCHANGE_W_K
TAU = C / K

CASES = [
    # (function, kwargs, parameter named in the message)
    (thermal.electrical_power_w, dict(current_density_a_cm2=-1.0, voltage_v=5.0, area_cm2=1e-4),
     "current_density_a_cm2"),
    (thermal.electrical_power_w, dict(current_density_a_cm2=1.0, voltage_v=5.0, area_cm2=0.0),
     "area_cm2"),
    (thermal.electrical_power_w, dict(current_density_a_cm2=1.0, voltage_v=-5.0, area_cm2=1e-4),
     "voltage_v"),
    (thermal.thermal_time_constant_s, dict(heat_capacity_j_k=-C, heat_exchange_w_k=K),
     "heat_capacity_j_k"),
    (thermal.heating_rate_k_per_s, dict(power_w=1.0, delta_t_k=-5.0, heat_capacity_j_k=C,
                                        heat_exchange_w_k=K), "delta_t_k"),
    (thermal.heating_rate_k_per_s, dict(power_w=1.0, delta_t_k=5.0, heat_capacity_j_k=C,
                                        heat_exchange_w_k=0.0), "heat_exchange_w_k"),
    (thermal.dc_overheating_k, dict(power_w=-1.0, heat_exchange_w_k=K), "power_w"),
    (thermal.pulse_overheating_k, dict(power_w=1.0, pulse_width_s=0.0, heat_capacity_j_k=C,
                                       heat_exchange_w_k=K), "pulse_width_s"),
    (thermal.overheating_reduction, dict(pulse_width_s=-1e-6), "pulse_width_s"),
    (thermal.pulse_average_overheating_per_power_k_w, dict(pulse_width_s="long"),
     "pulse_width_s"),
    (thermal.duty_cycle, dict(pulse_width_s=2e-6, period_s=1e-6), "period_s"),
    (thermal.duty_cycle, dict(pulse_width_s=1e-6, period_s=-1e-3), "period_s"),
    (thermal.pulse_train_extremes_k, dict(power_w=1.0, pulse_width_s=1e-6, period_s=5e-7,
                                          heat_capacity_j_k=C, heat_exchange_w_k=K), "period_s"),
    (thermal.pulse_train_temperature_k, dict(time_s=-1e-6, power_w=1.0, pulse_width_s=1e-6,
                                             period_s=1e-5, heat_capacity_j_k=C,
                                             heat_exchange_w_k=K), "time_s"),
    (thermal.pulse_train_numeric_k, dict(power_w=1.0, pulse_width_s=1e-6, period_s=1e-5,
                                         heat_capacity_j_k=C, heat_exchange_w_k=K,
                                         n_periods=0), "n_periods"),
    (thermal.pulse_train_numeric_k, dict(power_w=1.0, pulse_width_s=1e-6, period_s=1e-5,
                                         heat_capacity_j_k=C, heat_exchange_w_k=K,
                                         points_per_period=2), "points_per_period"),
    (thermal.max_power_w, dict(max_rise_k=-10.0), "max_rise_k"),
    (thermal.max_power_w, dict(max_rise_k=10.0, pulse_width_s=0.0), "pulse_width_s"),
    # one case per validated argument (found by `make mutate`: a wrong name in the message)
    (thermal.heating_rate_k_per_s, dict(power_w=-1.0, delta_t_k=5.0, heat_capacity_j_k=C,
                                        heat_exchange_w_k=K), "power_w"),
    (thermal.dc_overheating_k, dict(power_w=1.0, heat_exchange_w_k=0.0), "heat_exchange_w_k"),
    (thermal.pulse_overheating_k, dict(power_w=-1.0, pulse_width_s=1e-6, heat_capacity_j_k=C,
                                       heat_exchange_w_k=K), "power_w"),
    (thermal.duty_cycle, dict(pulse_width_s=-1e-6, period_s=1e-3), "pulse_width_s"),
    (thermal.pulse_train_extremes_k, dict(power_w=-1.0, pulse_width_s=1e-6, period_s=1e-3,
                                          heat_capacity_j_k=C, heat_exchange_w_k=K), "power_w"),
    (thermal.pulse_train_extremes_k, dict(power_w=1.0, pulse_width_s=0.0, period_s=1e-3,
                                          heat_capacity_j_k=C, heat_exchange_w_k=K),
     "pulse_width_s"),
    *[(thermal.pulse_train_temperature_k, dict(time_s=1e-6, **{**dict(
        power_w=1.0, pulse_width_s=1e-6, period_s=1e-3), name: bad}, heat_capacity_j_k=C,
        heat_exchange_w_k=K), name)
      for name, bad in (("power_w", -1.0), ("pulse_width_s", 0.0), ("period_s", -1e-3))],
    *[(thermal.pulse_train_numeric_k, dict(**{**dict(
        power_w=1.0, pulse_width_s=1e-6, period_s=1e-5), name: bad}, heat_capacity_j_k=C,
        heat_exchange_w_k=K), name)
      for name, bad in (("power_w", -1.0), ("pulse_width_s", 0.0), ("period_s", -1e-5))],
    (thermal.pulse_train_numeric_k, dict(power_w=1.0, pulse_width_s=1e-6, period_s=1e-5,
                                         heat_capacity_j_k=C, heat_exchange_w_k=K, n_periods=0),
     "n_periods"),
    (thermal.pulse_train_numeric_k, dict(power_w=1.0, pulse_width_s=1e-6, period_s=1e-5,
                                         heat_capacity_j_k=C, heat_exchange_w_k=K,
                                         points_per_period=3), "points_per_period"),
]


def test_pulse_limits():
    assert_allclose(thermal.pulse_overheating_k(1.0, 1e3 * TAU, C, K),
                    thermal.dc_overheating_k(1.0, K), rtol=1e-12)
    short = np.array([1e-4, 1e-3]) * TAU
    assert_allclose(thermal.pulse_overheating_k(2.0, short, C, K),
                    thermal.pulse_overheating_k(2.0, short, C, K, exact=False), rtol=1e-3)
    assert_allclose(thermal.pulse_overheating_k(2.0, short, C, K, exact=False), 2.0 * short / C)


def test_heating_rate_vanishes_at_dc_steady_state():
    dt_dc = thermal.dc_overheating_k(0.7, K)
    assert abs(thermal.heating_rate_k_per_s(0.7, dt_dc, C, K)) < 1e-6
    assert thermal.heating_rate_k_per_s(0.7, 0.0, C, K) == 0.7 / C


def test_pulse_average_limits():
    tiny = 1e-5 * TAU
    assert_allclose(thermal.pulse_average_overheating_per_power_k_w(tiny),
                    0.5 * thermal.pulse_overheating_k(1.0, tiny, C, K), rtol=1e-4)
    assert_allclose(thermal.pulse_average_overheating_per_power_k_w(1e6 * TAU), 1 / K, rtol=1e-5)
    # equals the numerical mean of the single-pulse history
    t = np.linspace(0, 3e-6, 300001)
    hist = 1.0 / K * (1 - np.exp(-t / TAU))
    assert_allclose(thermal.pulse_average_overheating_per_power_k_w(3e-6),
                    np.trapezoid(hist, t) / 3e-6, rtol=1e-8)


def test_sawtooth_closed_form_against_solve_ivp():
    for width, period in ((2e-6, 8e-6), (1e-6, 3e-6), (5e-6, 40e-6)):
        t, y = thermal.pulse_train_numeric_k(1.0, width, period, C, K, n_periods=40)
        peak, trough = thermal.pulse_train_extremes_k(1.0, width, period, C, K)
        last = t >= 39 * period
        assert_allclose(y[last].max(), peak, rtol=1e-6)
        assert_allclose(y[last].min(), trough, rtol=1e-6, atol=1e-9)
        assert_allclose(y, thermal.pulse_train_temperature_k(t, 1.0, width, period, C, K),
                        rtol=1e-6, atol=1e-8)


def test_sawtooth_limits_and_mean():
    peak, trough = thermal.pulse_train_extremes_k(1.0, 1e-6, 1e-3, C, K)
    assert_allclose(peak, thermal.pulse_overheating_k(1.0, 1e-6, C, K), rtol=1e-12)
    assert trough < 1e-100
    peak_dc, trough_dc = thermal.pulse_train_extremes_k(1.0, 4e-6, 4e-6, C, K)
    assert_allclose([peak_dc, trough_dc], [1 / K, 1 / K], rtol=1e-12)
    period = 6e-6
    grid = np.linspace(30 * period, 31 * period, 600001)
    trace = thermal.pulse_train_temperature_k(grid, 1.0, 2e-6, period, C, K)
    assert_allclose(trace.mean(), thermal.duty_cycle(2e-6, period) / K, rtol=1e-4)


def test_max_power_inverts_the_heating():
    p = thermal.max_power_w(50.0, 2e-6)
    assert_allclose(thermal.pulse_overheating_k(p, 2e-6, C, K), 50.0, rtol=1e-12)
    assert_allclose(thermal.dc_overheating_k(thermal.max_power_w(50.0), K), 50.0)


def test_power_and_reduction():
    assert_allclose(thermal.electrical_power_w(1000.0, 5.0, thermal.INJECTION_AREA_CM2), 0.75)
    assert_allclose(thermal.overheating_reduction(1e-6), np.exp(-1e-6 / TAU), rtol=1e-12)


def test_numeric_train_accepts_its_smallest_grids():
    """n_periods = 1 and points_per_period = 4 are the documented minimum (allowed)."""
    t, dt = thermal.pulse_train_numeric_k(1.0, 1e-6, 1e-5, C, K, n_periods=1, points_per_period=4)
    assert np.all(np.isfinite(dt)) and dt.max() > 0


def test_numeric_train_integrates_each_period_from_its_start():
    """A τ_p = 4 µs pulse every 1e10 s: in absolute time m T + τ_p rounds the pulse to the
    float spacing near m T (1.9e-6 s), so later pulses came out ~5 % short. Every period starts
    cold (b = e^(-T/τ) = 0), so each peak must be the closed-form sawtooth peak."""
    width, period = 4e-6, 1e10
    t, y = thermal.pulse_train_numeric_k(1.0, width, period, C, K, n_periods=3,
                                         points_per_period=4)
    peak, trough = thermal.pulse_train_extremes_k(1.0, width, period, C, K)
    assert trough == 0.0
    for m in range(3):
        assert_allclose(y[(t >= m * period) & (t < (m + 1) * period)].max(), peak, rtol=1e-8)
    assert_allclose(peak, thermal.pulse_overheating_k(1.0, width, C, K), rtol=1e-12)


@pytest.mark.parametrize("func", [thermal.pulse_train_temperature_k, thermal.pulse_train_numeric_k])
@pytest.mark.parametrize("param", ["power_w", "pulse_width_s", "period_s"])
def test_pulse_train_scalars_refuse_arrays_by_name(func, param):
    kwargs = dict(power_w=1.0, pulse_width_s=1e-6, period_s=1e-5, heat_capacity_j_k=C,
                  heat_exchange_w_k=K)
    kwargs[param] = [kwargs[param], 2 * kwargs[param]]
    if func is thermal.pulse_train_temperature_k:
        kwargs["time_s"] = 1e-6
    with pytest.raises(ValueError, match=rf"^{param} must be a single real number"):
        func(**kwargs)


def test_pulse_overheating_names_a_bad_exact_flag():
    with pytest.raises(ValueError, match=r"^exact must be True or False"):
        thermal.pulse_overheating_k(1.0, 1e-6, C, K, exact="yes")


@pytest.mark.parametrize("odd", ["time_s", "heat_capacity_j_k", "heat_exchange_w_k"])
def test_pulse_train_temperature_names_shapes_that_do_not_broadcast(odd):
    kwargs = dict(time_s=np.full(3, 1e-6), heat_capacity_j_k=np.full(3, C),
                  heat_exchange_w_k=np.full(3, K))
    kwargs[odd] = kwargs[odd][:2]
    with pytest.raises(ValueError, match=r"^time_s and heat_capacity_j_k and heat_exchange_w_k "
                                         r"must have shapes that broadcast"):
        thermal.pulse_train_temperature_k(power_w=1.0, pulse_width_s=1e-6, period_s=1e-5,
                                          **kwargs)


def test_numeric_train_sampling_and_limits():
    """The documented grid: n_periods = 10 periods of points_per_period = 200 samples by
    default, each on and off interval sampled at both ends in proportion to its length; the
    grid's limits: points_per_period = 10**4 at most, an interval shorter than a sample is
    sampled at its ends only; τ_p = T is d.c. heating, eq-11's approach (P/K)(1 − e^(−t/τ))."""
    t, y = thermal.pulse_train_numeric_k(1.0, 2e-6, 8e-6, C, K)
    assert t.size == 10 * 200 and t[-1] == pytest.approx(10 * 8e-6, rel=1e-15)
    # 2 µs of 8 µs is 50 samples, the off interval 150 (its end at 8 µs)
    assert_allclose(t[[0, 49, 50, 199]], [0.0, 2e-6, 2e-6, 8e-6], rtol=1e-15)
    t, y = thermal.pulse_train_numeric_k(1.0, 1e-7, 1e-6, C, K, n_periods=1,
                                         points_per_period=4)
    assert_allclose(t, [0.0, 1e-7, 1e-7, 0.4e-6, 0.7e-6, 1e-6], rtol=1e-15)
    assert_allclose(y, thermal.pulse_train_temperature_k(t, 1.0, 1e-7, 1e-6, C, K), rtol=1e-8)
    with pytest.raises(ValueError, match=r"^points_per_period must"):
        thermal.pulse_train_numeric_k(1.0, 1e-6, 1e-5, C, K, points_per_period=10**4 + 1)
    t, y = thermal.pulse_train_numeric_k(1.0, 1e-6, 1e-5, C, K, n_periods=1,
                                         points_per_period=10**4)
    assert t.size == 10**4
    assert_allclose(y, thermal.pulse_train_temperature_k(t, 1.0, 1e-6, 1e-5, C, K), rtol=1e-8,
                    atol=1e-12)
    t, y = thermal.pulse_train_numeric_k(1.0, 4e-6, 4e-6, C, K, n_periods=3, points_per_period=8)
    assert y[0] == 0.0
    assert_allclose(y[1:], thermal.pulse_overheating_k(1.0, t[1:], C, K), rtol=1e-8)
