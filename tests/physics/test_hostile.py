"""Property-based hostile input over every public function of every physics module (issue 14).

For each physics module two hypothesis tests draw calls of its public functions
(listed from the package by :mod:`hostile`, so a new function is found without
registration):

* **valid** calls: a known-valid keyword set (the registry's own samples, the bad-input
  ``CASES`` repaired, :data:`hostile.EXTRA`) with its real scalars redrawn between the
  values the examples span; the result must be finite and obey :data:`BOUNDS`, or the call
  must raise a ValueError naming a parameter (a joint limit, e.g. τ_XX ≤ τ_r,XX);
* **hostile** calls: one or more arguments replaced by a negative, zero, NaN, ±inf, 1e±300,
  a string, None, a bool, an arbitrary float or integer, as a scalar, inside an array, in a
  broadcast shape, or as an empty or mixed-sign array. Allowed: a finite in-bounds result
  (the value was valid after all) or ValueError/TypeError naming the parameter and the
  range. A silent NaN/inf, any other exception, a leaked warning or a call over 1 s fails.

The number of cases comes from the hypothesis profile (tests/conftest.py): ``ci``
(derandomized, the default) or ``fuzz`` (``make fuzz``, ten times as many).
"""

import hostile
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = hostile.valid_examples()
FUNCTIONS = {hostile.qualname(f): f for f in hostile.public_functions()}
MODULES = sorted({name.split(".")[0] for name in FUNCTIONS})


def _in(low, high):
    return lambda a: np.all((low <= a) & (a <= high))


def _unit_interval(out, _):
    return all(_in(-1e-12, 1 + 1e-12)(a) for a in hostile._numbers(out))


def _positive(out, _):
    return all(np.all(a > 0) for a in hostile._numbers(out))


def _sums_to_one(out, _):
    parts = [np.asarray(p, dtype=float) for p in out]
    return _unit_interval(out, _) and np.allclose(sum(parts), 1.0, atol=1e-9)


def _energy_conserved(out, kwargs):
    from qdbook import photonics
    total = out["R"] + out["T"]
    absorbed = photonics.layer_absorptance(**kwargs)
    return (_unit_interval((out["R"], out["T"], out["A"]), kwargs)
            and np.allclose(total + out["A"], 1.0, atol=1e-9)
            and np.allclose(np.sum(absorbed, axis=-1), out["A"], atol=1e-9))


def _steady_state(out, _):
    p = np.asarray(out["P"])
    return _unit_interval(p, _) and np.allclose(p.sum(axis=-1), 1.0, atol=1e-9)


BOUNDS = {
    # probabilities, fractions and populations: in [0, 1] (and summing to 1 where complete)
    "statistics.poisson_probability": _unit_interval,
    "statistics.three_state_populations": _sums_to_one,
    "pumping.cw_populations": _sums_to_one,
    "auger.biexciton_quantum_yield": _unit_interval,
    "charging.neutral_fraction": _unit_interval,
    "thermal.duty_cycle": _unit_interval,
    "thermal.overheating_reduction": _unit_interval,
    "statefilling.occupation_factors": _unit_interval,
    "perovskite.halide_scale_to_fractions": _unit_interval,
    "injection.steady_state": _steady_state,
    "injection.injection_steady_state": _steady_state,
    # confinement factors in [0, 1]; R + T + A = 1 with A the sum of the layer absorptances
    "photonics.confinement_factors": _unit_interval,
    "photonics.layer_absorptance": _unit_interval,
    "photonics.reflectance_transmittance": _energy_conserved,
    "waveguide.slab_te0_mode": lambda out, kw: 0 <= out[1] <= 1 and out[0] >= kw["n_substrate"],
    # lifetimes, time constants, volumes, cross sections: > 0
    "auger.auger_lifetime_ps": _positive,
    "auger.biexciton_lifetime": _positive,
    "auger.biexciton_radiative_lifetime": _positive,
    "auger.auger_lifetime_from_biexciton": _positive,
    "auger.sphere_volume_nm3": _positive,
    "perovskite.cube_auger_lifetime_ps": _positive,
    "perovskite.cube_volume_nm3": _positive,
    "wells.npl_auger_lifetime_ps": _positive,
    "injection.trion_lifetime_ps": _positive,
    "thermal.thermal_time_constant_s": _positive,
    "electrical.lifetimes_from_thresholds": _positive,
    "electrical.geometric_cross_section_cm2": _positive,
    "electrical.electrical_cross_section_cm2": _positive,
}


def test_every_public_function_has_a_valid_example():
    """A new public function needs a valid call (registry sample, CASES or hostile.EXTRA)."""
    missing = [name for name, examples in EXAMPLES.items() if not examples]
    assert not missing, f"no valid example for {missing}: add one to hostile.EXTRA"


def test_bounds_name_existing_functions():
    assert set(BOUNDS) <= set(FUNCTIONS)


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_valid_examples_are_finite_and_bounded(name):
    for kwargs in EXAMPLES[name]:
        outcome, detail, _ = hostile.classify(FUNCTIONS[name], kwargs, bounds=BOUNDS.get(name))
        assert outcome in ("finite", "accepted"), (kwargs, outcome, detail)


def _real_scalar(value):
    return isinstance(value, (int, float, np.floating)) and not isinstance(value, bool)


def _spans(name):
    """Per real scalar parameter, the (low, high) its valid examples span."""
    spans = {}
    for kwargs in EXAMPLES[name]:
        for key, value in kwargs.items():
            if _real_scalar(value) and not isinstance(value, (int, np.integer)):
                lo, hi = spans.get(key, (value, value))
                spans[key] = (min(lo, value), max(hi, value))
    return {k: s for k, s in spans.items() if s[0] < s[1]}


SPANS = {name: _spans(name) for name in FUNCTIONS}


@st.composite
def valid_calls(draw, module):
    name = draw(st.sampled_from([n for n in FUNCTIONS if n.startswith(module + ".")]))
    kwargs = dict(draw(st.sampled_from(EXAMPLES[name])))
    for key, (lo, hi) in SPANS[name].items():
        if key in kwargs and draw(st.booleans()):
            if lo > 0:
                kwargs[key] = float(np.exp(draw(st.floats(np.log(lo), np.log(hi)))))
            else:
                kwargs[key] = draw(st.floats(lo, hi))
    return name, kwargs


HOSTILE_SCALARS = st.one_of(
    st.sampled_from(hostile.HOSTILE),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10**30, 10**30),
    st.text(max_size=3),
    st.sampled_from([[], [[1.0], [1.0, 2.0]], {"a": 1}, 1 + 1j, b"x"]),
)


@st.composite
def hostile_value(draw, valid):
    value = draw(HOSTILE_SCALARS)
    form = draw(st.sampled_from(["scalar", "array", "column", "empty", "mixed-sign", "row"]))
    if not isinstance(value, float) or form == "scalar":
        return value
    base = float(valid) if _real_scalar(valid) else 1.0
    if form == "array":
        return np.array([base, value])
    if form == "column":
        return np.full((2, 1), value)          # broadcasts against a row elsewhere
    if form == "row":
        return np.full((1, 2), value)          # every form broadcasts with every other
    if form == "empty":
        return np.empty((0,) if draw(st.booleans()) else (0, 2))
    return np.array([abs(value), -abs(value)]) if value == value else np.array([1.0, -1.0])


@st.composite
def hostile_calls(draw, module):
    name = draw(st.sampled_from([n for n in FUNCTIONS if n.startswith(module + ".")
                                 and hostile.parameters(FUNCTIONS[n])]))
    kwargs = dict(draw(st.sampled_from(EXAMPLES[name])))
    params = hostile.parameters(FUNCTIONS[name])
    replaced = draw(st.lists(st.sampled_from(params), min_size=1, max_size=min(3, len(params)),
                             unique=True))
    for key in replaced:
        kwargs[key] = draw(hostile_value(kwargs.get(key, 1.0)))
    return name, kwargs, tuple(replaced)


RUN = settings.default.max_examples
QUICK = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                   HealthCheck.data_too_large])


def _check(name, kwargs, replaced=()):
    outcome, detail, seconds = hostile.classify(FUNCTIONS[name], kwargs, replaced,
                                                BOUNDS.get(name))
    hostile.record(name, outcome, seconds)
    assert not hostile.is_defect(outcome), (name, kwargs, outcome, detail)
    return outcome


@pytest.mark.parametrize("module", MODULES)
@settings(max_examples=RUN * 3 // 10, **QUICK)
@given(data=st.data())
def test_valid_input_gives_finite_bounded_results(module, data):
    name, kwargs = data.draw(valid_calls(module))
    outcome = _check(name, kwargs)
    assert outcome in ("finite", "accepted", "ValueError"), (name, kwargs, outcome)


@pytest.mark.parametrize("module", MODULES)
@settings(max_examples=RUN * 7 // 10, **QUICK)
@given(data=st.data())
def test_hostile_input_is_rejected_by_name(module, data):
    name, kwargs, replaced = data.draw(hostile_calls(module))
    _check(name, kwargs, replaced)
