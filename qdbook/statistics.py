"""Exciton statistics in a nanocrystal ensemble (review section 2.2).

Conventions
-----------
⟨N⟩ (``mean_n``) is the average number of excitons per dot, dimensionless and
>= 0. After a short pump pulse well above the band edge, the number of
excitons per dot follows a Poisson distribution (equation
:math:numref:`rel-2.2-poisson` of the book). The three-state model keeps three
states (no exciton, one, two) and counts every multiexciton as a biexciton
(equation :math:numref:`rel-2.2-three-state`).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq
from scipy.stats import poisson

from . import _validate as v
from ._relation import Relation, integers, uniform


def poisson_probability(i, mean_n):
    r"""Probability p_i that a dot holds i excitons.

    Equation :math:numref:`rel-2.2-poisson` of the book (review section 2.2.2).

    Parameters
    ----------
    i : int or array_like of int
        Number of excitons [dimensionless], >= 0.
    mean_n : float or array_like
        Average occupancy ⟨N⟩ [dimensionless], >= 0.

    Notes
    -----
    .. math:: p_i = \frac{\langle N\rangle^i}{i!} e^{-\langle N\rangle}

    Review section 2.2.2; evaluated with ``scipy.stats.poisson``.

    Examples
    --------
    Review section 2.2.2: the probabilities sum to 1 (here for ⟨N⟩ = 1.5).

    >>> round(float(poisson_probability(np.arange(60), 1.5).sum()), 12)
    1.0
    """
    i_arr = v.in_range("i", i, 0, 10**6)
    if not np.all(np.mod(i_arr, 1) == 0):
        raise ValueError(f"i must be a non-negative integer (allowed range [0, 1000000]), "
                         f"got {i!r}")
    mean = v.nonnegative("mean_n", mean_n)
    return poisson.pmf(np.asarray(i_arr, dtype=int), mean)[()]


def three_state_populations(mean_n):
    """P_0, P_X and P_XX of the three-state model with Poisson statistics.

    Equation :math:numref:`rel-2.2-three-state` of the book (review section 2.2.2).

    Parameters
    ----------
    mean_n : float or array_like
        Average occupancy ⟨N⟩ [dimensionless], >= 0.

    Returns
    -------
    tuple of (float or ndarray)
        ``(P0, PX, PXX)`` with P0 = p_0, PX = p_1 and PXX = 1 − p_0 − p_1;
        they sum to 1.

    Examples
    --------
    No number of the review: the book's optical-gain page quotes, at the
    threshold ⟨N⟩ = 1.146, P_0 = P_XX = 31.8 % and P_X = 36.4 %.

    >>> p0, px, pxx = three_state_populations(gain_threshold_occupancy())
    >>> print(f"{p0:.3f} {px:.3f} {pxx:.3f}")
    0.318 0.364 0.318
    """
    mean = v.nonnegative("mean_n", mean_n)
    p0 = np.exp(-np.asarray(mean))
    p1 = np.asarray(mean) * p0
    pxx = -np.expm1(-np.asarray(mean)) - p1  # 1 - p0 - p1 without cancellation
    return p0[()], p1[()], pxx[()]


def normalised_gain(mean_n):
    """Band-edge gain in units of the saturated gain, G/G_0 = P_XX − P_0.

    Negative values mean net absorption; the value runs from −1 (no
    excitation) to +1 (every dot holds at least two excitons). See equation
    :math:numref:`rel-2.3-gain-coefficient` of the book (review section 2.3.3).
    """
    p0, _, pxx = three_state_populations(mean_n)
    return pxx - p0


def gain_threshold_occupancy() -> float:
    """⟨N_th,gain⟩ for Poisson statistics: the root of P_XX = P_0.

    Solves :math:`1 - e^{-N}(1 + N) = e^{-N}`, equation
    :math:numref:`rel-2.2-threshold` of the book (review section 2.2.2), with
    ``scipy.optimize.brentq``. The result, 1.146, is the review's "~1.15"; a
    uniform distribution (every dot holds exactly ⟨N⟩ excitons) would give
    exactly 1.

    Examples
    --------
    Review section 2.2.2: ⟨N_th,gain⟩ ≈ 1.15.

    >>> round(gain_threshold_occupancy(), 3)
    1.146
    """
    return float(brentq(lambda n: normalised_gain(n), 0.5, 3.0, xtol=1e-14))


# -- relations of the review that this module computes (see qdbook._relation) -------------
_PAGE = "chapters/02-general-principles/optical-gain"

RELATIONS = [
    Relation(
        id="rel-2.2-poisson", title="Poisson distribution of excitons", page=_PAGE,
        form=lambda sp, s: s.N**s.i * sp.exp(-s.N) / sp.factorial(s.i),
        units={"N": "1", "i": "1", "result": "1"},
        evaluate=lambda N, i: poisson_probability(i=i, mean_n=N),
        sample={"N": uniform(0.01, 6.0), "i": integers(0, 11)},
    ),
    Relation(
        id="rel-2.2-three-state", title="Biexciton population of the three-state model",
        page=_PAGE,
        form=lambda sp, s: 1 - sp.exp(-s.N) - s.N * sp.exp(-s.N),
        units={"N": "1", "result": "1"},
        evaluate=lambda N: three_state_populations(mean_n=N)[2],
        sample={"N": uniform(0.01, 8.0)},
    ),
    Relation(
        id="rel-2.2-threshold", title="Gain threshold with Poisson statistics", page=_PAGE,
        form=lambda sp, s: sp.Eq(1 - sp.exp(-s.N) * (1 + s.N), sp.exp(-s.N)),
        units={"N": "1", "result": "1"},
        # An equation, not a function: its numeric face is the root, with no arguments.
        evaluate=lambda: gain_threshold_occupancy(),
        sample={},
    ),
]
