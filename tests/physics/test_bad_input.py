"""Every public function rejects meaningless input with a ValueError naming the parameter.

The table lists, for each public function of the chapter-2 physics modules,
calls with bad values; later chapters keep their tables in
``tests/test_bad_input_<topic>.py`` (a list named ``CASES`` of the same shape);
the one parametrized test below runs them all. ``test_every_public_function_is_covered``
fails when any public function of any physics module has no case.
"""

import importlib
import inspect
import math
import pkgutil
from pathlib import Path

import numpy as np
import pytest

import qdbook
from qdbook import auger, confinement, gain, materials, pumping, statistics

CASES = [
    # (function, kwargs, parameter named in the message)
    (confinement.bessel_root, dict(n=0, L=0), "n"),
    (confinement.bessel_root, dict(n=1.5, L=0), "n"),
    (confinement.bessel_root, dict(n=1, L=-1), "L"),
    (confinement.state_label, dict(n=1, L=12), "L"),
    (confinement.state_label, dict(n=-1, L=0), "n"),
    (confinement.orbital_degeneracy, dict(L=-2), "L"),
    (confinement.angular_momentum_degeneracy, dict(F=-0.5), "F"),
    (confinement.angular_momentum_degeneracy, dict(F=0.3), "F"),
    (confinement.level_ladder, dict(n_max=0), "n_max"),
    (confinement.level_ladder, dict(L_max=-1), "L_max"),
    (confinement.level_energy_ev, dict(n=1, L=0, radius_nm=-2.0, mass=0.1), "radius_nm"),
    (confinement.level_energy_ev, dict(n=1, L=0, radius_nm=2.0, mass=0.0), "mass"),
    (confinement.level_energy_ev, dict(n=1, L=0, radius_nm=np.nan, mass=0.1), "radius_nm"),
    (confinement.confinement_energy_ev, dict(material="CdSe", radius_nm=0.0), "radius_nm"),
    (confinement.confinement_energy_ev, dict(material="unobtainium", radius_nm=2.0), "material"),
    (confinement.coulomb_energy_ev, dict(material="CdSe", radius_nm=[1.0, -1.0]), "radius_nm"),
    (confinement.band_gap_ev, dict(material="GaN", radius_nm=2.0), "material"),
    (confinement.band_gap_ev, dict(material="CdSe", radius_nm=np.inf), "radius_nm"),
    (confinement.radius_for_gap_nm, dict(material="CdSe", gap_ev=1.0), "gap_ev"),
    (materials.get_material, dict(name="Si"), "material"),
    (statistics.poisson_probability, dict(i=-1, mean_n=1.0), "i"),
    (statistics.poisson_probability, dict(i=1.5, mean_n=1.0), "i"),
    (statistics.poisson_probability, dict(i=1, mean_n=-0.1), "mean_n"),
    (statistics.three_state_populations, dict(mean_n=-1.0), "mean_n"),
    (statistics.normalised_gain, dict(mean_n="many"), "mean_n"),
    (auger.sphere_volume_nm3, dict(radius_nm=-1.0), "radius_nm"),
    (auger.auger_lifetime_ps, dict(volume_nm3=0.0), "volume_nm3"),
    (auger.auger_lifetime_ps, dict(volume_nm3=10.0, chi_ps_nm3=-1.0), "chi_ps_nm3"),
    (auger.biexciton_lifetime, dict(tau_a_xx=-1.0, tau_r_xx=1.0), "tau_a_xx"),
    (auger.biexciton_lifetime, dict(tau_a_xx=1.0, tau_r_xx=0.0), "tau_r_xx"),
    (auger.biexciton_radiative_lifetime, dict(tau_r_x=-12.0), "tau_r_x"),
    (auger.auger_lifetime_from_biexciton, dict(tau_xx=4.0, tau_r_xx=3.0), "tau_xx"),
    (auger.auger_lifetime_from_biexciton, dict(tau_xx=-1.0, tau_r_xx=3.0), "tau_xx"),
    (auger.biexciton_quantum_yield, dict(tau_xx=4.0, tau_r_xx=3.0), "tau_xx"),
    (auger.biexciton_quantum_yield, dict(tau_xx=1.0, tau_r_xx=-3.0), "tau_r_xx"),
    (auger.saturated_stimulated_emission_rate, dict(beta=0.0, n_r=1.5, g0_cm=10.0), "beta"),
    (auger.saturated_stimulated_emission_rate, dict(beta=0.5, n_r=0.5, g0_cm=10.0), "n_r"),
    (auger.saturated_stimulated_emission_rate, dict(beta=0.5, n_r=1.5, g0_cm=-10.0), "g0_cm"),
    (auger.critical_density_cm3, dict(n_r=1.5, beta=1, sigma_gain_cm2=-1e-16, tau_a_xx_ps=50),
     "sigma_gain_cm2"),
    (auger.critical_density_cm3, dict(n_r=1.5, beta=1, sigma_gain_cm2=1e-16, tau_a_xx_ps=0),
     "tau_a_xx_ps"),
    (auger.critical_volume_fraction,
     dict(volume_nm3=-5, n_r=1.5, beta=1, sigma_gain_cm2=1e-16, tau_a_xx_ps=50), "volume_nm3"),
    (auger.bulk_auger_activation_factor, dict(gap_ev=-1.0), "gap_ev"),
    (auger.bulk_auger_activation_factor, dict(gap_ev=1.7, temperature_k=0.0), "temperature_k"),
    (auger.bulk_auger_activation_factor, dict(gap_ev=1.7, a=1.5), "a"),
    (auger.bulk_auger_activation_factor, dict(gap_ev=1.7, a=0.0), "a"),
    (pumping.intensity_from_rate_w_cm2,
     dict(rate_per_s=-1.0, photon_energy_ev=3.0, sigma_abs_cm2=1e-15), "rate_per_s"),
    (pumping.intensity_from_rate_w_cm2,
     dict(rate_per_s=1.0, photon_energy_ev=0.0, sigma_abs_cm2=1e-15), "photon_energy_ev"),
    (pumping.rate_from_intensity_per_s,
     dict(intensity_w_cm2=-5.0, photon_energy_ev=3.0, sigma_abs_cm2=1e-15), "intensity_w_cm2"),
    (pumping.rate_from_intensity_per_s,
     dict(intensity_w_cm2=5.0, photon_energy_ev=3.0, sigma_abs_cm2=0.0), "sigma_abs_cm2"),
    (pumping.pulsed_threshold_fluence_j_cm2,
     dict(photon_energy_ev=3.0, sigma_abs_cm2=1e-15, mean_n_th=-1.0), "mean_n_th"),
    (pumping.pulsed_threshold_fluence_j_cm2, dict(photon_energy_ev=-3.0, sigma_abs_cm2=1e-15),
     "photon_energy_ev"),
    (pumping.cw_populations, dict(rate_per_s=-1e9, tau_x_ns=20, tau_xx_ps=50), "rate_per_s"),
    (pumping.cw_populations, dict(rate_per_s=1e9, tau_x_ns=-20, tau_xx_ps=50), "tau_x_ns"),
    (pumping.cw_gain_threshold_rate_per_s, dict(tau_x_ns=20, tau_xx_ps=0), "tau_xx_ps"),
    (pumping.cw_gain_threshold_intensity_w_cm2,
     dict(photon_energy_ev=3, sigma_abs_cm2=-1e-15, tau_x_ns=20, tau_xx_ps=50), "sigma_abs_cm2"),
    (pumping.half_saturation_rate_per_s, dict(tau_x_ns=0, tau_xx_ps=50), "tau_x_ns"),
    (pumping.half_saturation_intensity_w_cm2,
     dict(photon_energy_ev=3, sigma_abs_cm2=1e-15, tau_a_xx_ps=-65), "tau_a_xx_ps"),
    (pumping.lasing_to_gain_threshold_ratio, dict(tau_x_ns=-1, tau_xx_ps=50), "tau_x_ns"),
    (gain.saturated_gain_cm, dict(density_cm3=-1e18, sigma_gain_cm2=1e-16), "density_cm3"),
    (gain.saturated_gain_cm, dict(density_cm3=1e18, sigma_gain_cm2=0.0), "sigma_gain_cm2"),
    (gain.gain_coefficient_cm, dict(g0_cm=100.0, p_xx=1.2, p_0=0.0), "p_xx"),
    (gain.gain_coefficient_cm, dict(g0_cm=100.0, p_xx=0.5, p_0=-0.1), "p_0"),
    (gain.gain_coefficient_cm, dict(g0_cm=100.0, p_xx=0.7, p_0=0.6), "p_xx + p_0"),
    (gain.gain_coefficient_cm, dict(g0_cm=-1.0, p_xx=0.5, p_0=0.2), "g0_cm"),
]


def _all_cases():
    """CASES of this file and of every module test file beside it (tests/physics/test_*.py)."""
    cases = list(CASES)
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        if path.stem != Path(__file__).stem:
            cases += getattr(importlib.import_module(path.stem), "CASES", [])
    return cases


ALL_CASES = _all_cases()


@pytest.mark.parametrize(("func", "kwargs", "param"), ALL_CASES,
                         ids=[f"{f.__name__}-{p}-{i}" for i, (f, _, p) in enumerate(ALL_CASES)])
def test_bad_input_raises_naming_parameter(func, kwargs, param):
    with pytest.raises(ValueError) as err:
        func(**kwargs)
    message = str(err.value)
    assert message.startswith(param) or f"{param} must" in message, message


NO_ARGUMENTS = {statistics.gain_threshold_occupancy}
NOT_PHYSICS = {"equations", "explore", "plotting", "relations", "notation", "data"}


def _physics_modules():
    """Every topical module of qdbook (the physics), found by listing the package."""
    names = [m.name for m in pkgutil.iter_modules(qdbook.__path__)
             if not m.name.startswith("_") and m.name not in NOT_PHYSICS]
    return [importlib.import_module(f"qdbook.{name}") for name in sorted(names)]


def _public_functions(modules=None):
    for module in modules or _physics_modules():
        for name, obj in vars(module).items():
            func = inspect.unwrap(obj) if callable(obj) else obj   # see through lru_cache
            if (inspect.isfunction(func) and not name.startswith("_")
                    and func.__module__ == module.__name__):
                yield obj


def test_every_public_function_is_covered():
    covered = {func for func, _, _ in ALL_CASES} | NO_ARGUMENTS
    missing = [f"{f.__module__}.{f.__name__}" for f in _public_functions() if f not in covered]
    assert not missing, f"no bad-input case for {missing}"


CHAPTER2_MODULES = [auger, confinement, gain, materials, pumping, statistics]


@pytest.mark.parametrize("func", list(_public_functions(CHAPTER2_MODULES)),
                         ids=lambda f: f.__name__)
def test_no_silent_nan_on_valid_input(func):
    """Chapter-2 functions return finite values at the defaults used on the pages."""
    valid = {
        "n": 1, "L": 1, "F": 1.5, "n_max": 2, "L_max": 3, "radius_nm": 2.5, "mass": 0.13,
        "material": "CdSe", "name": "CdSe", "gap_ev": 2.3, "i": 2, "mean_n": 1.2,
        "volume_nm3": 65.0, "chi_ps_nm3": 1.0, "tau_a_xx": 65.0, "tau_r_xx": 3000.0,
        "tau_r_x": 12.0, "tau_xx": 1.3, "beta": 0.5, "n_r": 1.8, "g0_cm": 500.0,
        "sigma_gain_cm2": 1e-16, "tau_a_xx_ps": 65.0, "rate_per_s": 1e10,
        "photon_energy_ev": 3.0, "sigma_abs_cm2": 3e-15, "intensity_w_cm2": 1e4,
        "mean_n_th": 1.15, "tau_x_ns": 20.0, "tau_xx_ps": 65.0, "density_cm3": 1e18,
        "p_xx": 0.3, "p_0": 0.2, "coulomb": True, "spin": True, "exact": True,
        "temperature_k": 300.0, "a": 0.2,
    }
    if func is materials.get_material:
        assert func("cdse").name == "CdSe"
        return
    params = inspect.signature(func).parameters
    kwargs = {k: valid[k] for k in params if k in valid}
    if func in (auger.auger_lifetime_from_biexciton, auger.biexciton_quantum_yield):
        kwargs["tau_r_xx"] = 3.0
    out = func(**kwargs)
    values = [out] if not isinstance(out, (tuple, list)) else list(out)
    for value in values:
        if isinstance(value, dict):
            value = value["phi"]
        if isinstance(value, str):
            continue
        assert np.all(np.isfinite(np.asarray(value, dtype=float))), (func.__name__, out)
        assert not (isinstance(value, float) and math.isnan(value))
