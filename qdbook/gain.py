"""Gain coefficients of a nanocrystal medium (sections 2.3 and 3.1).

Conventions
-----------
Gain coefficients in cm⁻¹, concentrations in cm⁻³, cross-sections in cm².
Populations are fractions of dots and lie in [0, 1].
"""

from __future__ import annotations

from . import _validate as v


def saturated_gain_cm(density_cm3, sigma_gain_cm2):
    """Saturated gain G_0 = ρ σ_gain,XX [cm⁻¹] of a medium whose dots all hold biexcitons.

    Parameters
    ----------
    density_cm3 : float or array_like
        Nanocrystal concentration ρ [cm⁻³], >= 0.
    sigma_gain_cm2 : float or array_like
        Biexciton gain cross-section [cm²], > 0.
    """
    rho = v.nonnegative("density_cm3", density_cm3)
    sigma = v.positive("sigma_gain_cm2", sigma_gain_cm2)
    return rho * sigma


def gain_coefficient_cm(g0_cm, p_xx, p_0):
    """Band-edge gain coefficient G = G_0 (P_XX − P_0) [cm⁻¹] (rel-2.3-gain-coefficient).

    Parameters
    ----------
    g0_cm : float or array_like
        Saturated gain G_0 [cm⁻¹], >= 0.
    p_xx, p_0 : float or array_like
        Fractions of dots holding a biexciton and no exciton [dimensionless], in [0, 1],
        with p_xx + p_0 <= 1.

    Notes
    -----
    Review section 2.3.3. Negative G is net absorption.
    """
    g0 = v.nonnegative("g0_cm", g0_cm)
    pxx = v.probability("p_xx", p_xx)
    p0 = v.probability("p_0", p_0)
    total = pxx + p0
    v.in_range("p_xx + p_0", total, 0.0, 1.0 + 1e-12)
    return g0 * (pxx - p0)
