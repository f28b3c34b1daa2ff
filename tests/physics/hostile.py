"""Hostile input for every public function of the physics modules (issue 14).

Shared by the property-based tests (``test_hostile.py``) and ``make fuzz``:

* :func:`public_functions` lists the package (a new function is found, not registered);
* :func:`valid_examples` gives, per function, keyword sets known to be valid: calls the
  registry's own sampling makes (``RELATIONS[...].sample`` through ``evaluate``, recorded as
  they reach the package functions), the bad-input ``CASES`` with their one bad value
  repaired, and :data:`EXTRA` for what neither reaches;
* :func:`classify` calls a function once and names the outcome: ``"finite"``,
  ``"ValueError"``/``"TypeError"`` (a message naming the parameter), or a defect
  (``"silent-nonfinite"``, ``"unnamed:<Exception>"``, ``"warning:<Category>"``, ``"slow"``,
  ``"out-of-bounds"``).
"""

from __future__ import annotations

import collections
import importlib
import inspect
import math
import signal
import time
import warnings
from functools import cache
from pathlib import Path

import numpy as np

import qdbook

SLOW_S = 1.0
"""No call may take longer than this (issue 14), in CPU seconds of the process: the
machines that run the tests are shared, and wall-clock time there measures the load."""

HUNG_S = 5.0
"""A call that has used this many CPU seconds is stopped and counted as slow."""

HOSTILE = (-1.0, 0.0, -0.0, math.nan, math.inf, -math.inf, 1e300, -1e300, 1e-300, -1e-300,
           "abc", None, True, False)
"""Hostile scalars of the issue: negative, zero, NaN, ±inf, 1e300, 1e-300, a string, None, bools."""


def physics_modules():
    """Every physics module, qdbook.PHYSICS_MODULES, sorted."""
    return [importlib.import_module(f"qdbook.{name}") for name in sorted(qdbook.PHYSICS_MODULES)]


def public_functions(modules=None):
    """Public functions defined by the physics modules (as test_bad_input lists them)."""
    for module in modules or physics_modules():
        for name, obj in list(vars(module).items()):
            func = inspect.unwrap(obj) if callable(obj) else obj   # see through lru_cache
            if (inspect.isfunction(func) and not name.startswith("_")
                    and func.__module__ == module.__name__):
                yield obj


def qualname(func) -> str:
    """``module.function`` without the package prefix."""
    return f"{func.__module__.rsplit('.', 1)[-1]}.{func.__name__}"


def parameters(func) -> list[str]:
    """Names of the parameters a caller can pass by keyword (a long-running function's
    progress hook, :data:`LONG_RUNNING`, belongs to the hostile run)."""
    hook = LONG_RUNNING.get(qualname(func))
    return [p.name for p in inspect.signature(func).parameters.values()
            if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name != hook]


# ------------------------------------------------------------------------ valid examples
EXTRA = {
    # functions that neither the registry's sampling nor a repaired CASES entry reaches
    "confinement.level_ladder": [dict(n_max=2, L_max=3)],
    "statistics.gain_threshold_occupancy": [{}],
    "materials.get_material": [dict(name="CdSe"), dict(name="cdse")],
    "confinement.state_label": [dict(n=1, L=0), dict(n=2, L=3)],
    "confinement.orbital_degeneracy": [dict(L=1), dict(L=2, spin=False)],
    "optical_constants.source": [dict(material="QD film")],
    "optical_constants.wavelength_range_nm": [dict(material="QD film"), dict(material="Ag")],
    "optical_constants.refractive_index": [dict(material="QD film", wavelength_nm=620.0)],
    "optical_constants.absorption_coefficient_cm": [dict(material="Ag", wavelength_nm=550.0)],
    "optical_constants.maxwell_garnett_index": [dict(n_inclusion=2.5, n_host=1.5, fill=1 / 3),
                                                dict(n_inclusion=1.3, n_host=2.0, fill=1.0)],
    "charging.mean_charge_from_neutral_fraction": [dict(q0=0.3), dict(q0=1.0)],
    "electrical.threshold_ratio": [dict(lifetime_ratio=0.025)],
    "injection.generator_matrix": [dict(rate_e_per_s=1e8, rate_h_per_s=2e8, tau_x_ns=20.0,
                                        tau_xx_ps=50.0, tau_trion_ps=100.0, penalty=0.5)],
    "injection.steady_state": [dict(rate_e_per_s=1e8, rate_h_per_s=2e8, tau_x_ns=20.0,
                                    tau_xx_ps=50.0, tau_trion_ps=100.0, penalty=0.5)],
    "perovskite.halide_scale_to_fractions": [dict(position=-0.5), dict(position=0.7)],
    "perovskite.emission_wavelength_nm": [dict(position=0.3)],
    "spectroscopy.threshold_from_absorption": [dict(mean_n=[0.0, 1.0, 2.0],
                                                    alpha_cm=[1.0, -1.0, -2.0])],
    "statefilling.gain_spectrum_cm": [dict(energy_ev=[1.9, 2.0, 2.2], mean_n=2.0,
                                           band_energies_ev=[2.0, 2.2, 2.4], alpha_1s_cm=1e3,
                                           fwhm_ev=0.05)],
    "thermal.pulse_train_temperature_k": [dict(time_s=[0.0, 1e-6, 3e-5], power_w=1.0,
                                               pulse_width_s=2e-6, period_s=1e-5,
                                               heat_capacity_j_k=1.9e-8,
                                               heat_exchange_w_k=4.8e-3)],
    "thermal.pulse_train_numeric_k": [dict(power_w=1.0, pulse_width_s=2e-6, period_s=1e-5,
                                           heat_capacity_j_k=1.9e-8, heat_exchange_w_k=4.8e-3)],
    "units.convert": [dict(value=1.0, from_unit="ns", to_unit="ps")],
    "sizing.yu_diameter_nm": [dict(material="CdSe", peak_wavelength_nm=550.0),
                              dict(material="CdTe", peak_wavelength_nm=[520.0, 700.0])],
    "sizing.measured_gap_ev": [dict(material="PbS", diameter_nm=3.0),
                               dict(material="CdSe", diameter_nm=[2.5, 4.0])],
    "design.stored_searches": [{}],
    "design.run_searches": [{}, dict(seed=7, n_sample=16, de_maxiter=1)],
    "units.wavelength_nm": [dict(photon_energy_ev=2.0)],
    "units.photon_energy_ev": [dict(wavelength_nm=620.0)],
    "photonics.reflectance_transmittance": [
        dict(indices=[1.0, 2.5 + 0.01j, 1.5], thicknesses_nm=[100.0], wavelength_nm=620.0)],
    "photonics.layer_absorptance": [
        dict(indices=[1.0, 2.5 + 0.01j, 1.5], thicknesses_nm=[100.0], wavelength_nm=620.0)],
    "photonics.guided_modes": [
        dict(indices=[1.5, 2.0, 1.0], thicknesses_nm=[300.0], wavelength_nm=620.0)],
    "photonics.confinement_factors": [
        dict(indices=[1.5, 2.0, 1.0], thicknesses_nm=[300.0], wavelength_nm=620.0,
             n_eff=1.8)],
    "photonics.mode_profile": [
        dict(indices=[1.5, 2.0, 1.0], thicknesses_nm=[300.0], wavelength_nm=620.0,
             n_eff=1.8, z_nm=[-100.0, 0.0, 150.0, 400.0])],
    "photonics.modal_loss_cm": [dict(n_eff=1.8 + 1e-5j, wavelength_nm=620.0)],
    "photonics.extinction_from_absorption": [dict(alpha_cm=1e3, wavelength_nm=620.0)],
}


def _record_registry_calls(draws: int = 12, seed: int = 14) -> dict:
    """Keyword sets the registry's sampling passes to the package functions."""
    from qdbook import equations as eqs

    funcs = list(public_functions())
    calls = collections.defaultdict(list)
    patched = []
    for func in funcs:
        module = importlib.import_module(func.__module__)
        signature = inspect.signature(func)

        def spy(*args, _f=func, _sig=signature, **kwargs):
            try:
                calls[_f].append(dict(_sig.bind(*args, **kwargs).arguments))
            except TypeError:
                pass
            return _f(*args, **kwargs)

        patched.append((module, func.__name__, func))
        setattr(module, func.__name__, spy)
    try:
        rng = np.random.default_rng(seed)
        for rid in eqs.REGISTRY:
            for _ in range(draws):
                eqs.numeric(rid)(**eqs.sample(rid, rng))
    finally:
        for module, name, func in patched:
            setattr(module, name, func)
    return calls


def _module_cases() -> list:
    """CASES of every tests/physics/test_<module>.py (function, kwargs, bad parameter)."""
    cases = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        if path.stem in ("test_hostile", "test_bad_input"):
            continue
        cases += getattr(importlib.import_module(path.stem), "CASES", [])
    return cases


def _is_valid(func, kwargs) -> bool:
    """A call the package accepts. Its speed does not enter: the examples, and so the
    derandomized draws built on them, must not depend on the machine's load (a slow valid
    example is then drawn and fails as slow, which is the defect it is)."""
    outcome, detail, _ = classify(func, kwargs)
    return outcome in ("finite", "accepted") or detail.startswith("finite after")


@cache
def valid_examples() -> dict:
    """Per function (keyed by qualname), keyword sets whose call returns finite values."""
    funcs = {qualname(f): f for f in public_functions()}
    examples = collections.defaultdict(list)
    seen = collections.defaultdict(set)

    def add(func, kwargs):
        key = repr(sorted(kwargs.items()))
        if key not in seen[qualname(func)] and _is_valid(func, kwargs):
            seen[qualname(func)].add(key)
            examples[qualname(func)].append(kwargs)

    recorded = _record_registry_calls()
    by_name = collections.defaultdict(list)      # any valid value of a parameter name
    for func, calls in recorded.items():
        for kwargs in calls[:6]:
            add(func, kwargs)
        for kwargs in calls:
            for k, v in kwargs.items():
                if len(by_name[k]) < 4 and np.ndim(v) == 0:
                    by_name[k].append(v)
    for name, kwargs_list in EXTRA.items():
        for kwargs in kwargs_list:
            add(funcs[name], kwargs)
    for func, kwargs, bad in _module_cases():
        signature = inspect.signature(func)
        default = signature.parameters[bad].default if bad in signature.parameters else None
        candidates = ([] if default in (None, inspect.Parameter.empty) else [default])
        candidates += by_name.get(bad, [])
        for other in examples.get(qualname(func), []):
            if bad in other:
                candidates.append(other[bad])
        for value in candidates[:6]:
            repaired = {**kwargs, bad: value}
            if _is_valid(func, repaired):
                add(func, repaired)
                break
    return {name: examples.get(name, []) for name in funcs}


# ----------------------------------------------------------------------------- outcomes
def _numbers(out):
    """Every numeric leaf of a result (scalars, arrays, tuples, dicts, dataclasses)."""
    if out is None or isinstance(out, (str, bool)):
        return
    if isinstance(out, dict):
        for v in out.values():
            yield from _numbers(v)
    elif isinstance(out, (list, tuple)):
        for v in out:
            yield from _numbers(v)
    elif hasattr(out, "__dataclass_fields__"):
        for k in out.__dataclass_fields__:
            yield from _numbers(getattr(out, k))
    else:
        arr = np.asarray(out)
        if arr.dtype.kind in "biufc":
            yield arr


def finite(out) -> bool:
    """True when every number in the result is finite."""
    return all(np.all(np.isfinite(a)) for a in _numbers(out))


def names_parameter(message: str, func, replaced) -> bool:
    """The message names a replaced parameter (or, for joint limits, another one) and a range."""
    names = list(replaced) or parameters(func)
    if not any(n in message for n in names):
        return False
    return "must" in message


LONG_RUNNING = {"design.run_searches": "progress"}
"""Functions that run for minutes by design (the chapter-6 searches, ``make designs``), with
their progress parameter. They promise to check every input first and then report
"inputs checked" through it: the hostile run passes a callback that stops the call there
(outcome ``accepted``) and leaves that parameter alone; ``tests/physics/test_design.py``
checks a full (short) search and a bad callback."""


class _Accepted(BaseException):
    """Raised by a long-running function's progress callback: its inputs passed the checks."""


def _stop_when_accepted(message):
    raise _Accepted(message)


class _Hung(BaseException):
    """Raised by the alarm when a call runs far past :data:`SLOW_S`."""


def _alarm(signum, frame):
    raise _Hung


def classify(func, kwargs, replaced=(), bounds=None):
    """Call ``func(**kwargs)`` once; return (outcome, detail, CPU seconds)."""
    clock = time.process_time
    hook = LONG_RUNNING.get(qualname(func))
    if hook:
        kwargs = {**kwargs, hook: _stop_when_accepted}
    start = clock()
    previous = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, HUNG_S)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            out = func(**kwargs)
    except _Accepted:
        return "accepted", "inputs checked", clock() - start
    except _Hung:
        return "slow", f"stopped after {HUNG_S} CPU s", clock() - start
    except (ValueError, TypeError) as err:
        seconds = clock() - start
        kind = "TypeError" if isinstance(err, TypeError) else "ValueError"
        if names_parameter(str(err), func, replaced):
            return (kind if seconds <= SLOW_S else "slow"), str(err), seconds
        return f"unnamed:{type(err).__name__}", str(err), seconds
    except Warning as warning:
        return f"warning:{type(warning).__name__}", str(warning), clock() - start
    except Exception as err:  # noqa: BLE001 - naming every other kind is the point
        return f"unnamed:{type(err).__name__}", str(err), clock() - start
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
    seconds = clock() - start
    if not finite(out):
        return "silent-nonfinite", repr(out)[:200], seconds
    if bounds is not None and not bounds(out, kwargs):
        return "out-of-bounds", repr(out)[:200], seconds
    if seconds > SLOW_S:
        return "slow", f"finite after {seconds:.2f} CPU s", seconds
    return "finite", "", seconds


RECORD = {"calls": 0, "outcomes": collections.Counter(), "slowest": (0.0, "")}
"""What the property-based tests called: ``make fuzz`` prints it (tests/physics/conftest.py)."""


def record(name: str, outcome: str, seconds: float) -> None:
    """Count one call of the property-based tests."""
    RECORD["calls"] += 1
    RECORD["outcomes"][outcome] += 1
    if seconds > RECORD["slowest"][0]:
        RECORD["slowest"] = (seconds, name)


DEFECTS = ("silent-nonfinite", "unnamed", "warning", "slow", "out-of-bounds")


def is_defect(outcome: str) -> bool:
    """Outcomes the package promises never to produce."""
    return outcome.split(":")[0] in DEFECTS


def hostile_forms(value, valid):
    """A hostile value as a scalar, inside an array, in a broadcast shape, and empty arrays."""
    yield value
    if isinstance(value, float):
        yield np.array([valid if np.ndim(valid) == 0 and isinstance(valid, (int, float))
                        and not isinstance(valid, bool) else 1.0, value])
        yield np.full((2, 1), value)
    if value == -1.0:
        yield np.array([1.0, -1.0])      # mixed sign
        yield np.array([])               # empty
        yield np.empty((0, 3))


def sweep(funcs=None):
    """The issue's hostile run: every hostile form in every argument of every function."""
    examples = valid_examples()
    results = []
    for func in funcs or list(public_functions()):
        for kwargs in examples[qualname(func)][:1]:
            for param in parameters(func):
                valid = kwargs.get(param, 1.0)
                for value in HOSTILE:
                    for form in hostile_forms(value, valid):
                        call = {**kwargs, param: form}
                        outcome, detail, seconds = classify(func, call, (param,))
                        results.append((qualname(func), param, form, outcome, detail, seconds))
    return results


def summary(results) -> str:
    """Calls, outcomes by kind, defects by function, the slowest call."""
    kinds = collections.Counter(r[3].split(":")[0] if is_defect(r[3]) else r[3] for r in results)
    by_defect = collections.Counter(r[3] for r in results if is_defect(r[3]))
    functions = {r[0] for r in results}
    broken = {r[0] for r in results if is_defect(r[3])}
    slowest = max(results, key=lambda r: r[5]) if results else None
    lines = [f"{len(results)} calls over {len(functions)} functions; "
             f"{len(broken)} functions with a defect"]
    lines += [f"  {k:24s} {v}" for k, v in sorted(kinds.items())]
    lines += [f"  defect {k:30s} {v}" for k, v in sorted(by_defect.items())]
    if slowest:
        lines.append(f"slowest call: {slowest[0]}({slowest[1]}={slowest[2]!r}) "
                     f"{slowest[5] * 1e3:.1f} ms")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parents[1])]

    run = sweep()
    print(summary(run))
    if "-v" in sys.argv:
        for r in run:
            if is_defect(r[3]):
                form = " ".join(repr(r[2]).split())[:50]
                print(r[0], r[1], form, r[3], " ".join(r[4].split())[:150], sep=" | ")
