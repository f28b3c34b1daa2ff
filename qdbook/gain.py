"""Gain coefficients of a nanocrystal medium (sections 2.3 and 3.1).

Conventions
-----------
Gain coefficients in cm⁻¹, concentrations in cm⁻³, cross-sections in cm².
Populations are fractions of dots and lie in [0, 1].
"""

from __future__ import annotations

from . import _validate as v
from ._relation import Relation, uniform


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
    """Band-edge gain coefficient G = G_0 (P_XX − P_0) [cm⁻¹].

    Equation :math:numref:`rel-2.3-gain-coefficient` of the book (review section 2.3.3).

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

    Examples
    --------
    No number of the review: the book's auger-recombination page checks that
    the cw pump rate g_1/2 of equation :math:numref:`eq-4` gives G = G_0/2
    (CdSe, τ_X = 20 ns, τ_XX = 65.4 ps; G_0 = 1000 cm⁻¹ for illustration).

    >>> from qdbook.pumping import cw_populations, half_saturation_rate_per_s
    >>> p0, _, pxx = cw_populations(half_saturation_rate_per_s(20.0, 65.4), 20.0, 65.4)
    >>> round(float(gain_coefficient_cm(1000.0, pxx, p0)), 6)
    500.0
    """
    g0 = v.nonnegative("g0_cm", g0_cm)
    pxx = v.probability("p_xx", p_xx)
    p0 = v.probability("p_0", p_0)
    total = pxx + p0
    v.in_range("p_xx + p_0", total, 0.0, 1.0 + 1e-12)
    return g0 * (pxx - p0)


# -- relations of the review that this module computes (see qdbook._relation) -------------
def _draw_populations(rng):
    """G_0 and two populations of a point on the simplex P_0 + P_X + P_XX = 1."""
    p = rng.dirichlet([1.0, 1.0, 1.0])
    return {"G_0": uniform(0.0, 5000.0).draw(rng), "P_XX": float(p[0]), "P_0": float(p[1])}


RELATIONS = [
    Relation(
        id="rel-2.3-gain-coefficient", title="Gain coefficient of the three-state model",
        page="chapters/02-general-principles/auger-recombination",
        form=lambda sp, s: s.G_0 * (s.P_XX - s.P_0),
        units={"G_0": "1/cm", "P_XX": "1", "P_0": "1", "result": "1/cm"},
        evaluate=lambda G_0, P_XX, P_0: gain_coefficient_cm(g0_cm=G_0, p_xx=P_XX, p_0=P_0),
        sample=_draw_populations,
    ),
]
