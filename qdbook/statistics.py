"""Exciton statistics in a nanocrystal ensemble (review section 2.2).

Conventions
-----------
⟨N⟩ (``mean_n``) is the average number of excitons per dot, dimensionless and
>= 0. After a short pump pulse well above the band edge, the number of
excitons per dot follows a Poisson distribution (rel-2.2-poisson). The
three-state model keeps three states (no exciton, one, two) and counts every
multiexciton as a biexciton (rel-2.2-three-state).
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import brentq
from scipy.stats import poisson

from . import _validate as v


def poisson_probability(i, mean_n):
    r"""Probability p_i that a dot holds i excitons (rel-2.2-poisson).

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
    """
    i_arr = v.nonnegative("i", i)
    if not np.all(np.mod(i_arr, 1) == 0):
        raise ValueError(f"i must be a non-negative integer, got {i!r}")
    mean = v.nonnegative("mean_n", mean_n)
    return poisson.pmf(np.asarray(i_arr, dtype=int), mean)[()]


def three_state_populations(mean_n):
    """P_0, P_X and P_XX of the three-state model with Poisson statistics.

    Parameters
    ----------
    mean_n : float or array_like
        Average occupancy ⟨N⟩ [dimensionless], >= 0.

    Returns
    -------
    tuple of (float or ndarray)
        ``(P0, PX, PXX)`` with P0 = p_0, PX = p_1 and PXX = 1 − p_0 − p_1;
        they sum to 1 (rel-2.2-three-state, review section 2.2.2).
    """
    mean = v.nonnegative("mean_n", mean_n)
    p0 = np.exp(-np.asarray(mean))
    p1 = np.asarray(mean) * p0
    pxx = -np.expm1(-np.asarray(mean)) - p1  # 1 - p0 - p1 without cancellation
    return p0[()], p1[()], pxx[()]


def normalised_gain(mean_n):
    """Band-edge gain in units of the saturated gain, G/G_0 = P_XX − P_0.

    Negative values mean net absorption; the value runs from −1 (no
    excitation) to +1 (every dot holds at least two excitons). See
    rel-2.3-gain-coefficient (review section 2.3.3).
    """
    p0, _, pxx = three_state_populations(mean_n)
    return pxx - p0


def gain_threshold_occupancy() -> float:
    """⟨N_th,gain⟩ for Poisson statistics: the root of P_XX = P_0.

    Solves :math:`1 - e^{-N}(1 + N) = e^{-N}` (rel-2.2-threshold, review
    section 2.2.2) with ``scipy.optimize.brentq``. The result, 1.146, is
    the review's "~1.15"; a uniform distribution (every dot holds exactly
    ⟨N⟩ excitons) would give exactly 1.
    """
    return float(brentq(lambda n: normalised_gain(n), 0.5, 3.0, xtol=1e-14))
