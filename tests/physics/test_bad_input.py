"""Every public function rejects meaningless input with a ValueError naming the parameter.

Each module's test file ``tests/physics/test_<module>.py`` lists, for the
module's public functions, calls with bad values (a list named ``CASES`` of
``(function, kwargs, parameter)``); the one parametrized test below runs them
all. ``test_every_public_function_is_covered`` fails when any public function
of any physics module has no case.
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


def _all_cases():
    """CASES of every module test file beside this one (tests/physics/test_*.py)."""
    cases = []
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
NOT_PHYSICS = {"equations", "explore", "plotting", "notation", "teaching", "reproducibility"}


def test_every_module_is_listed_as_physics_or_not():
    """A new module of the package must join qdbook.PHYSICS_MODULES (or NOT_PHYSICS here)."""
    listed = {m.name for m in pkgutil.iter_modules(qdbook.__path__) if not m.name.startswith("_")}
    assert listed == set(qdbook.PHYSICS_MODULES) | NOT_PHYSICS


def _physics_modules():
    """Every topical module of qdbook (the physics): qdbook.PHYSICS_MODULES."""
    return [importlib.import_module(f"qdbook.{name}") for name in sorted(qdbook.PHYSICS_MODULES)]


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
