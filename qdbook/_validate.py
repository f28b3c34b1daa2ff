"""Input checks shared by the physics modules.

Every public function of :mod:`qdbook` calls these helpers on its arguments so
that physically meaningless input fails loudly with a :class:`ValueError` that
names the parameter, the offending value and the allowed range, instead of
propagating a silent NaN or inf.

What every check rejects, whatever the range it then applies (issue 14):

* a wrong type — a string, ``None``, a bool, a complex number, a nested or ragged
  sequence — with :class:`InputTypeError`, a :class:`TypeError` that is also a
  :class:`ValueError` (so callers catching ``ValueError`` keep working);
* an empty array (a function asked for no values has nothing to compute);
* NaN and ±inf;
* magnitudes outside ``[MIN_MAGNITUDE, MAX_MAGNITUDE]`` (and, for :func:`positive`,
  values below :data:`MIN_MAGNITUDE`): no parameter of the book is that far from 1 in
  its unit, and powers and reciprocals of such values overflow float64 (1e300 cubed,
  1/1e-300 squared) before any formula could say why.
"""

from __future__ import annotations

import functools

import numpy as np

MAX_MAGNITUDE = 1e100
"""Largest magnitude any real parameter may take, in its own unit."""

MIN_MAGNITUDE = 1e-100
"""Smallest value a strictly positive parameter may take, in its own unit."""


class InputTypeError(TypeError, ValueError):
    """A parameter of the wrong type (also a ValueError, as the package always raised)."""


def _describe(value) -> str:
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return repr(value)
    if arr.ndim == 0:
        return repr(arr.item())
    if arr.size == 0:
        return f"an empty array of shape {arr.shape}"
    if not np.all(np.isfinite(arr)):
        bad = arr[~np.isfinite(arr)]
        return f"array of shape {arr.shape} containing {bad[0]!r}"
    return f"array with min {arr.min()!r} and max {arr.max()!r}"


def _interval(low: float, high: float, closed: bool = True) -> str:
    return f"[{low:g}, {high:g}]" if closed else f"({low:g}, {high:g})"


def as_real(name: str, value, allowed: str | None = None, *,
            limit: float = MAX_MAGNITUDE, kinds: str = "iuf") -> np.ndarray:
    """Return ``value`` as a float array of finite, representable, non-empty values.

    ``allowed`` describes the caller's range for the messages (default: every real
    number of magnitude up to ``limit``, :data:`MAX_MAGNITUDE`). With ``kinds="iufc"``
    complex values are accepted and returned as a complex array.
    """
    allowed = allowed or _interval(-limit, limit)
    kind = np.asarray(value).dtype.kind if not _is_ragged(value) else "O"
    if value is None or isinstance(value, (str, bytes)) or kind not in kinds:
        what = "a complex number" if "c" in kinds else "a real number"
        raise InputTypeError(f"{name} must be {what} or an array of them (allowed "
                             f"range {allowed}), got {value!r}")
    arr = np.asarray(value, dtype=complex if kind == "c" else float)
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty (allowed range {allowed}), "
                         f"got {_describe(arr)}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite (allowed range {allowed}), got {_describe(arr)}")
    if np.any(np.abs(arr) > limit):
        raise ValueError(f"{name} must have magnitude <= {limit:g} (allowed range "
                         f"{allowed}), got {_describe(arr)}")
    return arr


def as_complex(name: str, value, allowed: str | None = None) -> np.ndarray:
    """Return ``value`` as a complex array (real input accepted), with :func:`as_real`'s checks."""
    allowed = allowed or f"complex numbers of magnitude <= {MAX_MAGNITUDE:g}"
    return np.asarray(as_real(name, value, allowed, kinds="iufc"), dtype=complex)


def _is_ragged(value) -> bool:
    try:
        np.asarray(value)
    except ValueError:
        return True
    return False


def _out(arr: np.ndarray, scalar_in: bool):
    return arr.item() if scalar_in else arr


def positive(name: str, value):
    """Check ``value > 0`` elementwise; return it as float or array."""
    allowed = _interval(MIN_MAGNITUDE, MAX_MAGNITUDE)
    arr = as_real(name, value, allowed)
    if np.any(arr < MIN_MAGNITUDE):
        raise ValueError(f"{name} must be > 0 (allowed range {allowed}), got {_describe(value)}")
    return _out(arr, np.ndim(value) == 0)


def nonnegative(name: str, value):
    """Check ``value >= 0`` elementwise; return it as float or array."""
    allowed = _interval(0.0, MAX_MAGNITUDE)
    arr = as_real(name, value, allowed)
    if np.any(arr < 0):
        raise ValueError(f"{name} must be >= 0 (allowed range {allowed}), got {_describe(value)}")
    return _out(arr, np.ndim(value) == 0)


def in_range(name: str, value, low: float, high: float, *, closed: bool = True):
    """Check ``low <= value <= high`` (or open interval) elementwise.

    An interval open at 0 excludes values below :data:`MIN_MAGNITUDE`, as :func:`positive`.
    """
    interval = _interval(low, min(high, MAX_MAGNITUDE) if closed else high, closed)
    arr = as_real(name, value, interval)
    bad = (arr < low) | (arr > high) if closed else (arr <= low) | (arr >= high)
    if not closed and low == 0:
        bad |= arr < MIN_MAGNITUDE
    if np.any(bad):
        raise ValueError(f"{name} must lie in {interval}, got {_describe(value)}")
    return _out(arr, np.ndim(value) == 0)


def probability(name: str, value):
    """Check that ``value`` is a probability in [0, 1]."""
    return in_range(name, value, 0.0, 1.0)


def scalar(name: str, value) -> float:
    """Check that ``value`` is one real number (not an array) and return it as float."""
    if not _is_ragged(value) and np.ndim(value) != 0:
        raise InputTypeError(f"{name} must be a single real number, not an array "
                             f"(allowed range {_interval(-MAX_MAGNITUDE, MAX_MAGNITUDE)}), "
                             f"got {_describe(value)}")
    return float(as_real(name, value))


def flag(name: str, value) -> bool:
    """Check that ``value`` is True or False (a Python or numpy bool) and return it."""
    if not isinstance(value, (bool, np.bool_)):
        raise InputTypeError(f"{name} must be True or False (allowed values True, False), "
                             f"got {value!r}")
    return bool(value)


def choice(name: str, value, options):
    """Check that ``value`` is a string among ``options`` (any hashable values) and return it."""
    ok = isinstance(value, str) and value in options
    if not ok:
        error = ValueError if isinstance(value, str) else InputTypeError
        raise error(f"{name} must be one of {list(options)}, got {value!r}")
    return value


def broadcast(**arrays):
    """Check that the named arrays broadcast together; return their common shape."""
    try:
        return np.broadcast_shapes(*(np.shape(a) for a in arrays.values()))
    except ValueError:
        shapes = ", ".join(f"{k} {np.shape(a)}" for k, a in arrays.items())
        raise ValueError(f"{' and '.join(arrays)} must have shapes that broadcast together "
                         f"(allowed: equal sizes or size 1 per axis), got {shapes}") from None


def cache(func):
    """:func:`functools.cache` that lets unhashable (hence invalid) arguments reach ``func``.

    ``func`` then rejects them with its own named ValueError instead of the cache
    raising "unhashable type".
    """
    cached = functools.cache(func)

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return cached(*args, **kwargs)
        except TypeError as err:
            if "unhashable" not in str(err):
                raise
            return func(*args, **kwargs)

    wrapper.cache_info = cached.cache_info
    wrapper.cache_clear = cached.cache_clear
    return wrapper


def integer(name: str, value, minimum: int = 0, maximum: int = 1000) -> int:
    """Check that ``value`` is an integer in ``[minimum, maximum]`` and return it as int."""
    ok = (not isinstance(value, (bool, np.bool_)) and not _is_ragged(value)
          and np.ndim(value) == 0 and _is_number(value) and float(value).is_integer())
    if not ok or not minimum <= int(value) <= maximum:
        raise ValueError(f"{name} must be an integer >= {minimum} (allowed range "
                         f"[{minimum}, {maximum}]), got {value!r}")
    return int(value)


def _is_number(value) -> bool:
    try:
        return bool(np.isfinite(float(value)))
    except (TypeError, ValueError, OverflowError):
        return False
