"""guided_modes and its search helpers against closed-form three-layer dispersion relations.

The reference here is the textbook form of the three-layer mode condition,
tan(k0 kappa d) = a (b_s + b_c) / (a^2 - b_s b_c) with a = kappa/w_f, b = gamma/w and
w = 1 (TE) or eps (TM), written with gamma = -i p, p = sqrt(eps - n^2) on the decaying branch
where the mode is bound in that cladding and the outgoing branch (Re p > 0) where it leaks.
It shares no code with the package's characteristic matrices.
"""

import numpy as np
import pytest
from scipy.optimize import brentq

from qdbook import photonics as ph


def _three_layer(n, lam, ns, nf, nc, d, tm):
    """Residual of the three-layer mode condition (sin/cos form, no poles)."""
    k0 = 2 * np.pi / lam
    es, ef, ec = ns**2, nf**2, nc**2

    def gamma(e):
        p = np.sqrt(complex(e - n * n))
        if (n * n).real > np.real(e):
            p = p if p.imag > 0 else -p
        else:
            p = p if p.real > 0 else -p
        return -1j * p

    kap = np.sqrt(complex(ef - n * n))
    ws, wf, wc = (es, ef, ec) if tm else (1.0, 1.0, 1.0)
    a, bs, bc = kap / wf, gamma(es) / ws, gamma(ec) / wc
    return np.sin(k0 * kap * d) * (a * a - bs * bc) - a * (bs + bc) * np.cos(k0 * kap * d)


def _lossless_roots(lam, ns, nf, nc, d, tm, n_grid=20000):
    """Bound modes of the lossless slab: brentq on sign changes of the real residual."""
    lo, hi = max(ns, nc), nf
    x = np.linspace(lo, hi, n_grid)[1:-1]
    f = np.array([_three_layer(n, lam, ns, nf, nc, d, tm).real for n in x])
    idx = np.nonzero(np.sign(f[:-1]) * np.sign(f[1:]) < 0)[0]
    roots = [brentq(lambda n: _three_layer(n, lam, ns, nf, nc, d, tm).real, x[i], x[i + 1],
                    xtol=1e-15) for i in idx]
    return np.sort(roots)[::-1]


@pytest.mark.parametrize("pol", ["TE", "TM"])
@pytest.mark.parametrize("ns, nf, nc, d, lam", [(1.45, 2.1, 1.0, 3000.0, 633.0),
                                                 (1.5, 1.7, 1.5, 400.0, 600.0),
                                                 (3.17, 3.5, 1.0, 450.0, 1550.0)])
def test_bound_modes_of_lossless_slabs_match_the_closed_form(pol, ns, nf, nc, d, lam):
    """Every bound mode (count and n_eff) of lossless asymmetric and symmetric slabs, TE and TM.

    The count is that of the closed form's sign changes on a 20000-point grid, so a search that
    drops, duplicates or mislabels a mode (TE vs TM) fails; n_eff to 1e-11, a few hundred
    times the round-off of the two independent root finders near a many-mode slab's cut-off.
    """
    ref = _lossless_roots(lam, ns, nf, nc, d, pol == "TM")
    got = ph.guided_modes([ns, nf, nc], [d], lam, pol)
    assert got.dtype == complex
    assert got.size == ref.size > 0
    assert np.all(got.imag == 0)
    np.testing.assert_allclose(got.real, ref, rtol=0, atol=1e-11)


@pytest.mark.parametrize("pol", ["TE", "TM"])
def test_modes_of_a_slab_absorbing_in_every_medium_are_complex_roots(pol):
    """Absorption in all three media: every mode is a root of the complex closed form.

    With k > 0 everywhere the lossless roots must be followed into the complex plane
    (Im n_eff > 0); the modes are those of the lossless slab moved by O(k), so the count is the
    lossless one. The residual is compared with its size one step 1e-3 away: < 1e-9 of it.
    """
    ns, nf, nc, d, lam = 1.45 + 2e-4j, 1.9 + 3e-3j, 1.2 + 1e-4j, 1500.0, 700.0
    tm = pol == "TM"
    got = ph.guided_modes([ns, nf, nc], [d], lam, pol)
    ref = _lossless_roots(lam, ns.real, nf.real, nc.real, d, tm)
    assert got.size == ref.size > 2
    assert np.all(got.imag > 0)
    np.testing.assert_allclose(got.real, ref, atol=1e-2)
    for n in got:
        scale = abs(_three_layer(n + 1e-3, lam, ns, nf, nc, d, tm))
        assert abs(_three_layer(n, lam, ns, nf, nc, d, tm)) < 1e-9 * scale


@pytest.mark.parametrize("pol", ["TE", "TM"])
def test_leaky_modes_of_a_film_on_a_substrate_are_outgoing_roots(pol):
    """leaky=True on glass/absorbing film/air: the bound modes plus leaky modes below n_s.

    Every returned n_eff is a root of the closed form with the outgoing branch in each
    cladding it is below (residual < 1e-9 of its size 1e-3 away), attenuated (Im > 0), with
    0 < Re < n_f, and no two alike. The film carries modes leaking into the substrate and,
    for TE, one below the cover index 1 (the search must start near n = 0).
    """
    ns, nf, nc, d, lam = 1.5, 1.7 + 1e-3j, 1.0, 1000.0, 600.0
    tm = pol == "TM"
    got = ph.guided_modes([ns, nf, nc], [d], lam, pol, leaky=True)
    bound = ph.guided_modes([ns, nf, nc], [d], lam, pol)
    for n in got:
        scale = abs(_three_layer(n + 1e-3, lam, ns, nf, nc, d, tm))
        assert abs(_three_layer(n, lam, ns, nf, nc, d, tm)) < 1e-9 * scale
    assert np.all(got.imag > 0) and np.all((got.real > 0) & (got.real < nf.real))
    assert np.all(np.diff(got.real) < 0)
    np.testing.assert_allclose(got[got.real > ns], bound, rtol=1e-12)
    leaky = got[got.real < ns]
    assert leaky.size >= 2
    if not tm:
        assert np.any(leaky.real < nc)


def test_single_interface_plasmon_of_a_metal_film():
    """TM of glass/thick silver-like metal/air: the glass-side plasmon is the one bound mode.

    A 400 nm film (|eps_m| = 16) decouples its faces: n_eff = sqrt(eps_m eps_d/(eps_m+eps_d))
    of the glass interface to 1e-9 (the coupling is e^{-k0 d |p|}, below 1e-10 here). The air
    side's plasmon (n_eff ~ 1.03) lies below the glass index, so it leaks and is not returned.
    """
    nm, lam = 0.05 + 4j, 600.0
    got = ph.guided_modes([1.5, nm, 1.0], [400.0], lam, "TM")
    em = nm**2
    spp = [np.sqrt(em * 2.25 / (em + 2.25))]
    assert got.size == 1
    np.testing.assert_allclose(got, spp, rtol=1e-9)


def test_growth_of_exactly_e_to_the_600_is_allowed_in_confinement_factors():
    """n = 3 layer, n_eff = 5, k0 = 1/nm: sqrt(9 - 25) = 4i exactly, so k0 d |Im p| = 600.0
    exactly at d = 150 nm, the largest growth allowed (the limit is inclusive, as the error
    message states: <= 600); one ulp thicker is refused."""
    lam = 2 * np.pi
    gamma = ph.confinement_factors([1.0, 3.0, 1.0], [150.0], lam, 5.0)
    assert np.all(np.isfinite(gamma))
    with pytest.raises(ValueError, match="<= 600"):
        ph.confinement_factors([1.0, 3.0, 1.0], [np.nextafter(150.0, 200.0)], lam, 5.0)


@pytest.mark.parametrize("pol", ["TE", "TM"])
def test_a_layer_of_zero_thickness_changes_no_mode(pol):
    """Inserting a 0 nm layer (allowed: thicknesses >= 0) leaves every mode as it is.

    A zero-thickness layer is the identity matrix; the TM search once divided by k0 d for it
    in the plasmon bound (ZeroDivisionError). Checked on a dielectric slab (against the stack
    without the layer, to 1e-12) and on glass/0 nm air/metal, whose one bound mode is the
    glass/metal plasmon sqrt(eps_m eps_d/(eps_m + eps_d)) (TM; to 1e-9, the Newton tolerance
    times the condition of the root; TE: none).
    """
    with_zero = ph.guided_modes([1.5, 1.7, 1.2, 1.0], [400.0, 0.0], 600.0, pol)
    without = ph.guided_modes([1.5, 1.7, 1.0], [400.0], 600.0, pol)
    assert with_zero.size == without.size > 0
    np.testing.assert_allclose(with_zero, without, rtol=1e-12)
    metal = 0.05 + 4j
    got = ph.guided_modes([1.5, 1.0, metal], [0.0], 600.0, pol)
    if pol == "TM":
        np.testing.assert_allclose(got, [np.sqrt(metal**2 * 2.25 / (metal**2 + 2.25))], rtol=1e-9)
    else:
        assert got.size == 0


@pytest.mark.parametrize("d", [1.0, 2.0])
def test_lossy_gap_plasmon_with_a_large_index_is_found(d):
    """Metal/1-2 nm dielectric gap/metal (TM): the gap plasmon, n_eff ~ 14-27, is returned.

    Large |n_eff| is where a convergence test that is not relative to |n_eff| would ask for a
    step below the float spacing and drop the mode of the absorbing stack. The mode must be
    one, with Re n_eff > 5 and Im > 0, and a root of the closed form (residual < 1e-9 of its
    size at 1.001 n_eff; the converged value sits near 1e-13 of it).
    """
    metal, lam = 0.05 + 4j, 600.0
    got = ph.guided_modes([metal, 1.5, metal], [d], lam, "TM")
    assert got.size == 1 and got[0].real > 5 and got[0].imag > 0
    scale = abs(_three_layer(got[0] * 1.001, lam, metal, 1.5, metal, d, True))
    assert abs(_three_layer(got[0], lam, metal, 1.5, metal, d, True)) < 1e-9 * scale


def test_newton_takes_no_step_where_the_derivative_vanishes():
    """_newton on a function flat at the start: no step, no NaN, the point stays (and counts as
    stopped), instead of a division by a zero finite-difference derivative. Exact: the point
    must come back bit for bit."""
    x0 = np.array([1.25 + 0.5j, 3.0 + 0j])
    xi, done = ph._newton(lambda x: np.ones_like(x), x0)
    assert np.array_equal(xi, x0) and np.all(done)
