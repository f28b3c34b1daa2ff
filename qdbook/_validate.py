"""Input checks shared by the physics modules.

Every public function of :mod:`qdbook` calls these helpers on its arguments so
that physically meaningless input fails loudly with a :class:`ValueError` that
names the parameter, the offending value and the allowed range, instead of
propagating a silent NaN or inf.
"""

from __future__ import annotations

import numpy as np


def _describe(value) -> str:
    arr = np.asarray(value)
    if arr.ndim == 0:
        return repr(arr.item())
    return f"array with min {np.nanmin(arr)!r} and max {np.nanmax(arr)!r}"


def as_real(name: str, value) -> np.ndarray:
    """Return ``value`` as a float array, rejecting non-numeric, NaN and inf."""
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number, got {value!r}") from None
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {_describe(value)}")
    return arr


def _out(arr: np.ndarray, scalar_in: bool):
    return arr.item() if scalar_in else arr


def positive(name: str, value):
    """Check ``value > 0`` elementwise; return it as float or array."""
    arr = as_real(name, value)
    if np.any(arr <= 0):
        raise ValueError(f"{name} must be > 0 (allowed range (0, inf)), got {_describe(value)}")
    return _out(arr, np.ndim(value) == 0)


def nonnegative(name: str, value):
    """Check ``value >= 0`` elementwise; return it as float or array."""
    arr = as_real(name, value)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0 (allowed range [0, inf)), got {_describe(value)}")
    return _out(arr, np.ndim(value) == 0)


def in_range(name: str, value, low: float, high: float, *, closed: bool = True):
    """Check ``low <= value <= high`` (or open interval) elementwise."""
    arr = as_real(name, value)
    bad = (arr < low) | (arr > high) if closed else (arr <= low) | (arr >= high)
    if np.any(bad):
        interval = f"[{low}, {high}]" if closed else f"({low}, {high})"
        raise ValueError(f"{name} must lie in {interval}, got {_describe(value)}")
    return _out(arr, np.ndim(value) == 0)


def probability(name: str, value):
    """Check that ``value`` is a probability in [0, 1]."""
    return in_range(name, value, 0.0, 1.0)


def integer(name: str, value, minimum: int = 0) -> int:
    """Check that ``value`` is an integer ``>= minimum`` and return it as int."""
    ok = not isinstance(value, bool) and _is_number(value) and float(value).is_integer()
    if not ok or int(value) < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return int(value)


def _is_number(value) -> bool:
    try:
        return bool(np.isfinite(float(value)))
    except (TypeError, ValueError):
        return False
