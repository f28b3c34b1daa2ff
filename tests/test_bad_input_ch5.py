"""Bad input for the physics of chapters 5 and 6.1: every public function names the parameter.

``CASES`` is collected by ``tests/test_bad_input.py`` for its completeness check.
"""

import numpy as np
import pytest

from qdbook import electrical, injection, thermal

C, K = thermal.HEAT_CAPACITY_J_K, thermal.HEAT_EXCHANGE_W_K
RATES = dict(rate_e_per_s=1e8, rate_h_per_s=1e8, tau_x_ns=20.0, tau_xx_ps=65.0,
             tau_trion_ps=257.0, penalty=0.1)
DOT = dict(radius_nm=2.5, tau_x_ns=20.0, tau_xx_ps=65.0)

CASES = [
    # (function, kwargs, parameter named in the message)
    (electrical.geometric_cross_section_cm2, dict(radius_nm=-2.5), "radius_nm"),
    (electrical.electrical_cross_section_cm2, dict(radius_nm=2.5, fill_factor=1.5), "fill_factor"),
    (electrical.electrical_cross_section_cm2, dict(radius_nm=2.5, fill_factor=0.0), "fill_factor"),
    (electrical.excitation_rate_per_s, dict(current_density_a_cm2=-1.0, radius_nm=2.5),
     "current_density_a_cm2"),
    (electrical.excitation_rate_per_s, dict(current_density_a_cm2=1.0, radius_nm=np.nan),
     "radius_nm"),
    (electrical.current_density_from_rate_a_cm2, dict(rate_per_s=-1e6, radius_nm=2.5),
     "rate_per_s"),
    (electrical.gain_threshold_current_density_a_cm2, dict(radius_nm=2.5, tau_x_ns=0.0,
                                                           tau_xx_ps=65.0), "tau_x_ns"),
    (electrical.gain_threshold_current_density_a_cm2, dict(radius_nm=0.0, tau_x_ns=20.0,
                                                           tau_xx_ps=65.0), "radius_nm"),
    (electrical.half_saturation_current_density_a_cm2, dict(radius_nm=2.5, tau_x_ns=20.0,
                                                            tau_xx_ps=-65.0), "tau_xx_ps"),
    (electrical.half_saturation_current_density_a_cm2,
     dict(radius_nm=2.5, tau_x_ns=20.0, tau_xx_ps=65.0, fill_factor=-0.5), "fill_factor"),
    (electrical.threshold_ratio, dict(lifetime_ratio=0.0), "lifetime_ratio"),
    (electrical.lifetimes_from_thresholds, dict(j_th_a_cm2=-7.0, j_half_a_cm2=24.0,
                                                radius_nm=9.4), "j_th_a_cm2"),
    (electrical.lifetimes_from_thresholds, dict(j_th_a_cm2=7.0, j_half_a_cm2=10.0,
                                                radius_nm=9.4), "j_half_a_cm2"),
    (electrical.lifetimes_from_thresholds, dict(j_th_a_cm2=7.0, j_half_a_cm2=24.0,
                                                radius_nm=-9.4), "radius_nm"),
    (injection.charging_energy_ev, dict(charge=1.5, radius_nm=2.5, eps_r=9.5), "charge"),
    (injection.charging_energy_ev, dict(charge=1, radius_nm=-2.5, eps_r=9.5), "radius_nm"),
    (injection.charging_energy_ev, dict(charge=1, radius_nm=2.5, eps_r=0.5), "eps_r"),
    (injection.coulomb_penalty, dict(radius_nm=2.5, eps_r=9.5, temperature_k=0.0),
     "temperature_k"),
    (injection.coulomb_penalty, dict(radius_nm=2.5, eps_r=np.inf), "eps_r"),
    (injection.trion_lifetime_ps, dict(tau_xx_ps=-65.0, tau_r_x_ns=20.0), "tau_xx_ps"),
    (injection.trion_lifetime_ps, dict(tau_xx_ps=65.0, tau_r_x_ns=0.0), "tau_r_x_ns"),
    (injection.trion_lifetime_ps, dict(tau_xx_ps=6000.0, tau_r_x_ns=20.0), "tau_xx_ps"),
    (injection.generator_matrix, {**RATES, "rate_e_per_s": 0.0}, "rate_e_per_s"),
    (injection.generator_matrix, {**RATES, "penalty": 1.2}, "penalty"),
    (injection.generator_matrix, {**RATES, "tau_trion_ps": -1.0}, "tau_trion_ps"),
    (injection.steady_state, {**RATES, "rate_h_per_s": -1e8}, "rate_h_per_s"),
    (injection.steady_state, {**RATES, "tau_r_x_ns": 0.0}, "tau_r_x_ns"),
    (injection.injection_steady_state, dict(current_density_a_cm2=0.0, **DOT),
     "current_density_a_cm2"),
    (injection.injection_steady_state, dict(current_density_a_cm2=10.0, **DOT, penalty=-0.1),
     "penalty"),
    (injection.injection_steady_state, dict(current_density_a_cm2=10.0, **DOT, fill_factor=2.0),
     "fill_factor"),
    (injection.cycle_crossover_current_a_cm2, {**DOT, "radius_nm": -1.0}, "radius_nm"),
    (injection.gain_threshold_current_model_a_cm2, {**DOT, "tau_xx_ps": 0.0}, "tau_xx_ps"),
    (injection.shell_emission_rates, dict(n_excitons=9.0), "n_excitons"),
    (injection.shell_emission_rates, dict(n_excitons=3.0, r0_per_s=0.0), "r0_per_s"),
    (injection.el_intensity_ratio_1p_1s, dict(n_excitons=0.0), "n_excitons"),
    (injection.el_intensity_ratio_1p_1s, dict(n_excitons=-1.0), "n_excitons"),
    (injection.el_crossover_occupancy, dict(target_ratio=4.0), "target_ratio"),
    (injection.el_crossover_occupancy, dict(target_ratio=0.0), "target_ratio"),
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
]


@pytest.mark.parametrize(("func", "kwargs", "param"), CASES,
                         ids=[f"{f.__name__}-{p}-{i}" for i, (f, _, p) in enumerate(CASES)])
def test_bad_input_raises_naming_parameter(func, kwargs, param):
    with pytest.raises(ValueError) as err:
        func(**kwargs)
    message = str(err.value)
    assert message.startswith(param) or f"{param} must" in message, message
