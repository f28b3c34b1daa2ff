"""Mode fields, the coupled-plasmon scan bound and the stack checks of the multilayer solver.

References are independent of the package's transfer matrices: the Fresnel coefficients of a
single interface, the closed-form three-layer TM dispersion relation (solved with scipy), and
quadrature of the field profile; or invariants of the method (the mode condition is the field
started in the substrate, evaluated at the cover; a leaky cladding carries no share).
"""

import numpy as np
import pytest
from closed_forms import tm_three_layer_root
from numpy.testing import assert_allclose

from qdbook import photonics as ph

LAM = 600.0
K0 = 2 * np.pi / LAM


def _same_mode(modes, ref, atol):
    """True if ±ref (the dispersion relation is even in n_eff) is among modes within atol."""
    return bool(np.any(np.minimum(np.abs(modes - ref), np.abs(modes + ref)) < atol))


# ---------------------------------------------------------------------------- stack checks
def test_stack_and_index_messages():
    """The refusals say what is expected: a non-sequence of indices names 'sequence', an index
    with n = 0 (not > 0) is refused, a non-numeric index is described as a complex refractive
    index n + ik, and an array index in a mode calculation asks for scalars."""
    with pytest.raises(ValueError, match="sequence of refractive indices"):
        ph.reflectance_transmittance(1.5, [], LAM)
    with pytest.raises(ValueError, match="real part n > 0"):
        ph.reflectance_transmittance([1.0, 0.0 + 0.5j, 1.5], [100.0], LAM)
    with pytest.raises(ValueError, match="real part n > 0"):
        ph.guided_modes([1.0, 2.0, 0.0 + 3j], [100.0], LAM, "TM")
    with pytest.raises((TypeError, ValueError), match="complex refractive indices n \\+ ik"):
        ph.reflectance_transmittance([1.0, "glass", 1.5], [100.0], LAM)
    with pytest.raises(ValueError, match="must be scalars"):
        ph.guided_modes([1.45, np.array([2.0, 2.1]), 1.45], [300.0], LAM)
    with pytest.raises(ValueError, match="must be scalars"):
        ph.confinement_factors([np.array([1.45, 1.5]), 2.0, 1.45], [300.0], LAM, 1.8)


# ---------------------------------------------------------------------------- coupled plasmons
# metal indices (Re n > 0 is required; small loss): eps = -20.25 + 0.45j (Ag-like) and
# eps = -1.25 + 0.28j (|eps_m| < eps_d of glass, exactly eps_m + eps_d = 1 with n_d = 1.5)
_AG = 0.05 + 4.5j
_WEAK = 0.125 + 1.125j


@pytest.mark.parametrize(("indices", "d", "guess"), [
    ([1.0, _AG, 2.0], 3.0, 8.19),      # the film plasmon needs the cover's pair bound
    ([2.0, _AG, 1.0], 3.0, 8.19),      # ... and here the substrate's
    ([1.5, _WEAK, 1.5], 5.0, 18.0),    # |eps_m| < eps_d: r = |eps_m|/eps_d, quasi-static
    ([_AG, 1.5, _AG], 3.0, 8.3),       # gap plasmon of a 3-nm gap
    ([_AG, 1.5, 0.2 + 3j], 3.0, 12.2),  # asymmetric gap
    ([1.5, _AG, 1.5], 2.0, 9.0),       # short-range film plasmon of a 2-nm film
])
def test_coupled_plasmons_above_the_interface_index(indices, d, guess):
    """The short-range plasmon of a thin metal film and the gap plasmon of a thin gap, far above
    1.05 n_SPP where the ordinary scan stops (n_eff 8-30): guided_modes finds the root of the
    closed-form three-layer dispersion relation (up to the sign of n_eff, the relation being
    even), to 1e-8 (both are converged to ~1e-13; the margin covers the condition of the
    thin-layer roots)."""
    e = [complex(n) ** 2 for n in indices]
    ref = tm_three_layer_root(*e, d, LAM, guess)
    assert abs(ref.real) > 1.5 * ph._scan_bounds(np.array(e), True, False)[1]
    modes = ph.guided_modes(indices, [d], LAM, "TM")
    assert _same_mode(modes, ref, 1e-8), (modes, ref)



# ---------------------------------------------------------------------------- mode fields
_FIELD_STACK = [1.5, 2.0 + 0.01j, 1.6, 1.0]
_FIELD_D = [300.0, 150.0]


@pytest.mark.parametrize("tm", [False, True])
@pytest.mark.parametrize("xi", [
    1.7 + 0.0j,            # bound in both claddings
    1.3 + 0.01j,           # leaky into both claddings
    1.2 + 0.0j,            # real n_eff below both claddings: outgoing, Im k_z = 0
    1.25 + 0.75j,          # Re xi^2 = 1 = eps of the cover exactly (the branch boundary)
    2.5 + 2.0j,            # Re xi^2 = 2.25 = eps of the substrate exactly
])
def test_mode_condition_is_the_field_at_the_cover(tm, xi):
    """The mode condition f(ξ) = q_c U(L) − V(L) of the field started as e^{−ik_z z} in the
    substrate (the docstring of the dispersion function), with U(L), V(L) and q_c of the field
    that mode_profile and confinement_factors use: the two choose the same branch of k_z in
    both claddings, bound, leaky, and exactly on the boundary Re ξ² = Re ε. Agreement to 1e-12
    relative (a few layer products of round-off); the other branch of k_z changes f by O(1)."""
    eps = np.array([complex(n) ** 2 for n in _FIELD_STACK])
    p, _, _, u, vv, scale = ph._mode_fields(eps, _FIELD_D, K0, tm, xi)
    qc = p[-1] / eps[-1] if tm else p[-1]
    ours = (qc * u[-1] - vv[-1]) * np.exp(scale[-1])
    ref = ph._dispersion(eps, _FIELD_D, K0, tm, xi)
    assert_allclose(ours, ref, rtol=1e-12, atol=0)
    # and the substrate's field starts with the mode condition's q_s (V = -q_s U at z = 0)
    qs = ph._cladding_q(eps[0], complex(xi) ** 2, tm)
    assert_allclose(vv[0], -qs, rtol=1e-15)

