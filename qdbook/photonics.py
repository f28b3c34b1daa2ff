r"""Planar multilayer optics: transfer matrices, guided modes and loss budgets (sec. 6.2–6.4).

Conventions
-----------
* Time dependence :math:`e^{-i\omega t}`; a plane wave travelling towards +z is
  :math:`e^{+ik_z z}`. The complex refractive index is :math:`\tilde n = n + ik`
  with **k > 0 for absorption** (k < 0 is gain), the same convention as the
  ``tmm`` package and the refractiveindex.info database. The permittivity is
  :math:`\varepsilon = \tilde n^2`.
* A stack is given as ``indices`` (one complex index per medium, from the
  incidence medium or substrate through the finite layers to the exit medium or
  cover) and ``thicknesses_nm`` (one thickness per *finite* layer, in nm). Each
  index may be an array that broadcasts against the wavelength and angle
  arrays, so a whole spectrum or angle scan is one vectorised call.
* Wavelengths are vacuum wavelengths in nm, angles in degrees from the normal,
  absorption and gain coefficients in cm⁻¹; unit conversions go through
  :func:`qdbook.units.convert`, and ``photon_energy_to_wavelength_nm`` is
  :func:`qdbook.units.wavelength_nm` under the name the pages use.
* TE (s): the electric field is along y, parallel to the interfaces; TM (p): the
  magnetic field is along y. Modes propagate along x as
  :math:`e^{i(\beta x - \omega t)}` with :math:`\beta = k_0 n_\mathrm{eff}`;
  :math:`\operatorname{Im} n_\mathrm{eff} > 0` is attenuation, and the modal
  power-loss coefficient is :math:`\alpha = 2 k_0 \operatorname{Im} n_\mathrm{eff}`.

Method
------
Characteristic (Abelès) matrices of the tangential fields. In each layer the
transverse field U (E_y for TE, H_y for TM) and V = (1/(i k_0 w)) dU/dz, with
w = 1 (TE) or ε (TM), are continuous at interfaces and are carried across a
layer of thickness d by

.. math::
    \begin{pmatrix}U\\V\end{pmatrix}_{z+d} =
    \begin{pmatrix}\cos\delta & i\sin\delta/q\\ iq\sin\delta & \cos\delta\end{pmatrix}
    \begin{pmatrix}U\\V\end{pmatrix}_{z},\qquad
    \delta = k_0 p\,d,\; p = \sqrt{\varepsilon - \xi^2},\; q = p/w,

where ξ = n_0 sin θ_0 (plane waves) or ξ = n_eff (modes) is conserved along the
stack. The matrices are even in p, so no branch choice is needed inside finite
layers; in the semi-infinite media the branch is chosen explicitly (decaying for
bound fields, outgoing for leaky ones).

Confinement factor: power share and gain weight
-----------------------------------------------
Two numbers are called "confinement factor", and they are not the same:

* the **power share** Γ_j (:func:`confinement_factors`): the fraction of the
  mode's guided power (Poynting flux along x) carried in medium j. The Γ_j sum
  to 1; for TE modes Γ_j is also the fraction of the integral of abs(E)² over z.
  It says *where the light is*.
* the **gain weight** Γ_g,j = (n_j / Re n_eff) Γ_j (TE; :func:`gain_confinement_factors`):
  the derivative of the modal gain with respect to the material gain of layer j,
  dG_mod/dG_j = dα_mod/dα_j, from first-order perturbation theory. It says *how
  much a layer's gain or absorption changes the mode's*. The weights do not sum
  to 1, and in a high-index layer they exceed the power share (the dots of the
  low-loss stack: 1.15 Γ; of the BRW device: 1.32 Γ).

Modal loss and modal gain take the gain weight: α ≈ Σ_j Γ_g,j α_j
(:func:`perturbative_modal_loss_cm`) and G_net = Γ_g,NC G_mat − α
(:func:`net_modal_gain_cm`). The power share is what the review and the
mode-profile figures report as "the share of the mode in a layer".

References
----------
M. Born and E. Wolf, *Principles of Optics*, ch. 1.6 (characteristic matrices).
S. J. Byrnes, Multilayer optical calculations, arXiv:1603.02720 (the ``tmm``
package, used in the tests as an independent check).
"""

from __future__ import annotations

import numpy as np

from . import _validate as v
from ._relation import Relation, loguniform, uniform
from .units import convert
from .units import wavelength_nm as photon_energy_to_wavelength_nm  # noqa: F401 (pages use it)

POLARIZATIONS = ("TE", "TM")
"""Accepted polarisation names (``"s"`` and ``"p"`` are aliases of TE and TM)."""


# ---------------------------------------------------------------------------- input checks
def _polarization(polarization) -> str:
    aliases = {"TE": "TE", "S": "TE", "TM": "TM", "P": "TM"}
    key = str(polarization).upper()
    if key not in aliases:
        raise ValueError(f"polarization must be one of 'TE', 'TM' (or 's', 'p'), "
                         f"got {polarization!r}")
    return aliases[key]


_N_EFF_PHASE_LIMIT = 600.0
"""Largest k0 |n_eff| d over a layer: e^600 is still a float64 (e^709 is not)."""


def _check_growth(eps, d_list, k0, xi, n_eff):
    """Reject an n_eff whose field grows by more than e^600 across one finite layer."""
    growth = [k0 * d * abs(_kz_over_k0(e, xi**2).imag)
              for e, d in zip(eps[1:-1], d_list, strict=True)]
    if max(growth, default=0.0) > _N_EFF_PHASE_LIMIT:
        raise ValueError(f"n_eff must keep k0 d |Im sqrt(eps - n_eff^2)| <= "
                         f"{_N_EFF_PHASE_LIMIT:g} in every layer (the field would grow beyond "
                         f"float range; allowed range: Re n_eff > 0 within that limit), "
                         f"got {n_eff!r}")


def _complex_index(name: str, value, scalar: bool = False) -> np.ndarray:
    if scalar and np.ndim(value) != 0:
        raise v.InputTypeError(f"{name} must be a single complex refractive index n + ik, not "
                               f"an array (allowed range Re n > 0), got {value!r}")
    arr = v.as_complex(name, value, "complex refractive indices n + ik with n > 0")
    if np.any(arr.real <= 0):
        raise ValueError(f"{name} must have a real part n > 0 (allowed range (0, inf)), "
                         f"got {value!r}")
    return arr


def _stack(indices, thicknesses_nm):
    """Validate a stack; return (list of complex index arrays, list of thicknesses in nm)."""
    try:
        items = list(indices)
    except TypeError:
        raise ValueError(f"indices must be a sequence of refractive indices, got {indices!r}") \
            from None
    if len(items) < 2:
        raise ValueError(f"indices must list at least the two outer media, got {len(items)}")
    n_list = [_complex_index(f"indices[{j}]", n) for j, n in enumerate(items)]
    d = np.atleast_1d(v.nonnegative("thicknesses_nm", thicknesses_nm))
    if d.ndim != 1 or d.size != len(n_list) - 2:
        raise ValueError(f"thicknesses_nm must give one thickness per finite layer of indices "
                         f"({len(n_list) - 2}), got {np.asarray(thicknesses_nm).tolist()!r}")
    return n_list, [float(x) for x in d]


def _kz_over_k0(eps, xi2):
    """Principal sqrt(ε − ξ²), with a signed zero imaginary part made +0."""
    arg = np.asarray(eps - xi2, dtype=complex)
    arg = arg.real + 1j * (arg.imag + 0.0)
    return np.sqrt(arg)


def _forward(p):
    """Branch with Im p > 0, or Re p > 0 when Im p vanishes (decaying or outgoing)."""
    flip = (p.imag < 0) | ((p.imag == 0) & (p.real < 0))
    return np.where(flip, -p, p)


def _outgoing(p):
    """Branch with Re p > 0 (the radiating branch of a leaky mode)."""
    return np.where(p.real < 0, -p, p)


def _layer_terms(eps, xi2, d_nm, k0, tm):
    """Return cos δ, sin δ/q and q sin δ of one finite layer (even in p: no branch needed)."""
    p = _kz_over_k0(eps, xi2)
    w = eps if tm else 1.0
    delta = k0 * p * d_nm
    c, s = np.cos(delta), np.sin(delta)
    # sin(δ)/q = w sin(k0 p d)/p, which tends to w k0 d when p -> 0
    small = np.abs(p) < 1e-12
    p_safe = np.where(small, 1.0, p)
    s_over_q = np.where(small, w * k0 * d_nm, w * s / p_safe)
    q_s = p * s / w
    return c, s_over_q, q_s


def _matrix_product(eps_list, d_list, xi2, k0, tm):
    """Total characteristic matrix M = M_N ... M_1 of the finite layers (elementwise 2x2)."""
    m11 = np.ones_like(xi2, dtype=complex)
    m12 = np.zeros_like(m11)
    m21 = np.zeros_like(m11)
    m22 = np.ones_like(m11)
    for eps, d in zip(eps_list, d_list, strict=True):
        c, s_over_q, q_s = _layer_terms(eps, xi2, d, k0, tm)
        a12, a21 = 1j * s_over_q, 1j * q_s
        m11, m12, m21, m22 = (c * m11 + a12 * m21, c * m12 + a12 * m22,
                              a21 * m11 + c * m21, a21 * m12 + c * m22)
    return m11, m12, m21, m22


# ---------------------------------------------------------------------------- absorption
def absorption_coefficient_cm(extinction_k, wavelength_nm):
    r"""Intensity absorption coefficient α = 4πk/λ [cm⁻¹] of a medium with index n + ik.

    Parameters
    ----------
    extinction_k : float or array_like
        Extinction coefficient k [dimensionless], >= 0.
    wavelength_nm : float or array_like
        Vacuum wavelength λ [nm], > 0.

    Notes
    -----
    Equation :math:numref:`rel-6.2-absorption` of the book, review section 6.2. A plane
    wave :math:`e^{i(n+ik)k_0 z}` has intensity :math:`e^{-2kk_0 z}`, so
    α = 2 k k_0 = 4πk/λ.

    Examples
    --------
    Review section 6.2.2: silver at 600 nm (k = 4.01, Johnson and Christy) absorbs with
    α = 8.4×10⁵ cm⁻¹:

    >>> from qdbook.optical_constants import refractive_index
    >>> k_ag = complex(refractive_index("Ag", 600.0)).imag
    >>> f"{float(absorption_coefficient_cm(k_ag, 600.0)):.1e}"
    '8.4e+05'
    """
    k = v.nonnegative("extinction_k", extinction_k)
    lam_cm = convert(v.positive("wavelength_nm", wavelength_nm), "nm", "cm")
    return 4.0 * np.pi * k / lam_cm


def extinction_from_absorption(alpha_cm, wavelength_nm):
    """Extinction coefficient k = αλ/(4π) of a medium with absorption coefficient α [cm⁻¹].

    Inverse of :func:`absorption_coefficient_cm`
    (Equation :math:numref:`rel-6.2-absorption` of the book).
    """
    alpha = v.nonnegative("alpha_cm", alpha_cm)
    lam_cm = convert(v.positive("wavelength_nm", wavelength_nm), "nm", "cm")
    return alpha * lam_cm / (4.0 * np.pi)


# ---------------------------------------------------------------------------- plane waves
def _plane_wave_setup(indices, thicknesses_nm, wavelength_nm, angle_deg, polarization):
    n_list, d_list = _stack(indices, thicknesses_nm)
    if np.any(np.abs(n_list[0].imag) > 0):
        raise ValueError(f"indices[0] (the incidence medium) must be lossless (k = 0), "
                         f"got {indices[0]!r}")
    lam = v.positive("wavelength_nm", wavelength_nm)
    theta_deg = v.as_real("angle_deg", angle_deg)
    if np.any(theta_deg < 0) or np.any(theta_deg >= 90):
        raise ValueError(f"angle_deg must lie in [0, 90), got {angle_deg!r}")
    theta = convert(theta_deg, "deg", "rad")
    tm = _polarization(polarization) == "TM"
    k0 = 2.0 * np.pi / np.asarray(lam, dtype=float)
    n0 = n_list[0].real
    xi = n0 * np.sin(theta)
    shape = np.broadcast_shapes(np.shape(k0), np.shape(xi), *(np.shape(n) for n in n_list))
    xi2 = np.broadcast_to(xi**2, shape).astype(complex)
    eps = [np.broadcast_to(n**2, shape) for n in n_list]
    # a layer that attenuates (absorption or total internal reflection) by more than
    # e^600 transmits nothing float64 can hold, and its cos δ overflows: refuse it
    for j, (e, d) in enumerate(zip(eps[1:-1], d_list, strict=True)):
        decay = float(np.max(k0 * d * np.abs(_kz_over_k0(e, xi2).imag), initial=0.0))
        if decay > _N_EFF_PHASE_LIMIT:
            raise ValueError(
                f"thicknesses_nm[{j}] must keep the field's decay across the layer, k0 d "
                f"Im(sqrt(eps - (n0 sin θ)²)), at most {_N_EFF_PHASE_LIMIT:g} (the layer would "
                f"transmit below e^-{2 * _N_EFF_PHASE_LIMIT:g}; allowed range [0, "
                f"{d * _N_EFF_PHASE_LIMIT / decay:.4g}] nm here), got {d!r} (decay {decay:.4g})")
    return eps, d_list, xi2, np.broadcast_to(k0, shape), tm


def _outer_q(eps, xi2, tm, branch=_forward):
    p = branch(_kz_over_k0(eps, xi2))
    return p / eps if tm else p


def _plane_wave_amplitudes(eps, d_list, xi2, k0, tm):
    q0 = _outer_q(eps[0], xi2, tm)
    qs = _outer_q(eps[-1], xi2, tm)
    m11, m12, m21, m22 = _matrix_product(eps[1:-1], d_list, xi2, k0, tm)
    a = qs * m11 - m21
    b = q0 * (m22 - qs * m12)
    r = (b - a) / (a + b)
    # t = m11 (1 + r) + m12 q0 (1 - r) = 2 q0 det M / (a + b), and det M = 1 (every layer's
    # matrix has det cos²δ + sin²δ = 1): the quotient does not cancel through a thick
    # absorbing layer, where the sum does (e^δ terms that leave e^-δ)
    t = 2 * q0 / (a + b)
    return r, t, q0, qs


def reflectance_transmittance(indices, thicknesses_nm, wavelength_nm, angle_deg=0.0,
                              polarization="TE"):
    r"""Reflectance, transmittance and absorptance of a planar stack.

    Parameters
    ----------
    indices : sequence of complex or array_like
        Refractive indices n + ik of the incidence medium (lossless), the finite
        layers and the exit medium. Each entry broadcasts against the wavelength
        and angle arrays (for dispersive materials pass arrays over wavelength).
    thicknesses_nm : sequence of float
        Thicknesses of the finite layers [nm], >= 0; ``len(indices) - 2`` values.
    wavelength_nm : float or array_like
        Vacuum wavelength [nm], > 0.
    angle_deg : float or array_like, optional
        Angle of incidence in the incidence medium [deg], in [0, 90).
    polarization : {"TE", "TM"}, optional
        TE (s) or TM (p).

    Returns
    -------
    dict
        ``R``, ``T``, ``A`` (= 1 − R − T, the power absorbed in the stack) and the
        complex amplitude coefficients ``r`` and ``t`` of the tangential field U
        (E_y for TE, H_y for TM), all with the broadcast shape of the inputs.

    Notes
    -----
    The whole calculation is vectorised: a spectrum of W wavelengths at A angles
    (``wavelength_nm[:, None]``, ``angle_deg[None, :]``) is one call with one
    loop over the layers. The time convention is :math:`e^{-i\omega t}` with
    k > 0 absorbing (see the module docstring).
    """
    eps, d_list, xi2, k0, tm = _plane_wave_setup(indices, thicknesses_nm, wavelength_nm,
                                                 angle_deg, polarization)
    r, t, q0, qs = _plane_wave_amplitudes(eps, d_list, xi2, k0, tm)
    big_r = np.abs(r) ** 2
    big_t = np.abs(t) ** 2 * qs.real / q0.real
    return {"R": big_r, "T": big_t, "A": 1.0 - big_r - big_t, "r": r, "t": t}


def layer_absorptance(indices, thicknesses_nm, wavelength_nm, angle_deg=0.0, polarization="TE"):
    """Fraction of the incident power absorbed in each finite layer.

    Parameters are those of :func:`reflectance_transmittance`.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(indices) - 2, *broadcast shape)``: the absorptance of each
        finite layer, from the difference of the Poynting flux S_z at its two faces.
    """
    eps, d_list, xi2, k0, tm = _plane_wave_setup(indices, thicknesses_nm, wavelength_nm,
                                                 angle_deg, polarization)
    _, t, q0, qs = _plane_wave_amplitudes(eps, d_list, xi2, k0, tm)
    # the fields from the exit face back to the entrance (inverse layer matrices): going
    # back, a field that an absorbing layer attenuates grows, so nothing cancels
    u, vv = t, qs * t
    fluxes = [np.real(u * np.conj(vv))]
    for e, d in zip(eps[-2:0:-1], d_list[::-1], strict=True):
        c, s_over_q, q_s = _layer_terms(e, xi2, d, k0, tm)
        u, vv = c * u - 1j * s_over_q * vv, -1j * q_s * u + c * vv
        fluxes.append(np.real(u * np.conj(vv)))
    fluxes = np.array(fluxes[::-1]) / q0.real
    return fluxes[:-1] - fluxes[1:]


# ---------------------------------------------------------------------------- guided modes
def _mode_setup(indices, thicknesses_nm, wavelength_nm, polarization):
    n_list, d_list = _stack(indices, thicknesses_nm)
    lam = v.positive("wavelength_nm", wavelength_nm)
    if np.ndim(lam) != 0 or any(np.ndim(n) != 0 for n in n_list):
        raise ValueError("wavelength_nm and every entry of indices must be scalars for a mode "
                         "calculation (one wavelength at a time)")
    tm = _polarization(polarization) == "TM"
    eps = np.array([complex(n) ** 2 for n in n_list])
    return eps, d_list, 2.0 * np.pi / float(lam), tm


def _cladding_q(eps, xi2, tm):
    """Return q of a cladding: decaying branch where the mode is bound, else outgoing."""
    p = _kz_over_k0(eps, xi2)
    bound = np.real(xi2) > np.real(eps)
    p = np.where(bound, _forward(p), _outgoing(p))
    return p / eps if tm else p


def _dispersion(eps, d_list, k0, tm, xi):
    """Mode condition f(ξ) = q_c U(L) − V(L) for U = e^{−i k_z z} in the substrate."""
    xi = np.asarray(xi, dtype=complex)
    xi2 = xi * xi
    qs = _cladding_q(eps[0], xi2, tm)
    qc = _cladding_q(eps[-1], xi2, tm)
    m11, m12, m21, m22 = _matrix_product(list(eps[1:-1]), d_list, xi2, k0, tm)
    return qc * (m11 - m12 * qs) - (m21 - m22 * qs)


def _newton(func, xi, tol=1e-13, maxiter=40):
    """Vectorised complex Newton iteration with a finite-difference derivative."""
    xi = np.asarray(xi, dtype=complex).copy()
    done = np.zeros(xi.shape, dtype=bool)
    for _ in range(maxiter):
        active = ~done
        if not np.any(active):
            break
        x = xi[active]
        h = 1e-7 * np.maximum(np.abs(x), 1e-3)
        f0 = func(x)
        f1 = func(x + h)
        df = (f1 - f0) / h
        step = np.where(df != 0, f0 / np.where(df != 0, df, 1.0), 0.0)
        xi[active] = x - step
        done[active] = np.abs(step) < tol * np.maximum(np.abs(x), 1.0)
    return xi, done


def _bracketed_root(func, lo, hi):
    """Root of a real function with a sign change on [lo, hi] (scipy's brentq)."""
    from scipy.optimize import brentq

    return brentq(func, lo, hi, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=200)


def _scan_bounds(eps, tm, leaky):
    er = eps.real
    clad = max(er[0], er[-1])
    upper = np.sqrt(max(er.max(), 1e-12))
    if tm:
        neg = er[er < 0]
        pos = er[er > 0]
        for em in neg:
            for ed in pos:
                if em + ed < 0:
                    upper = max(upper, 1.05 * np.sqrt(em * ed / (em + ed)))
    lower = 0.02 if leaky else np.sqrt(max(clad, 0.0))
    return lower, upper


def _plasmon_bound(eps, d_list, k0):
    """Upper end of the scan for the coupled plasmons of thin metal films and gaps (TM).

    A finite layer of thickness d between (or made of) metal (ε_m < 0) and dielectric (ε_d > 0)
    carries coupled surface plasmons above the single interface's index: the short-range mode
    of a metal film and the gap plasmon of a dielectric between metals, whose n_eff grows
    without bound as d shrinks. For every such pair the mode lies below
    (|ε_m ε_d/(ε_m + ε_d)| + 2ε_d/(k0 d |ε_m|^½) + (2 atanh(r)/(k0 d))²)^½, r = min(ε_d/|ε_m|,
    |ε_m|/ε_d): the interface's index, the gap plasmon of a thin gap and the quasi-static
    limit (checked against the three-layer dispersion relation for 1200 random metal/
    dielectric pairs, films and gaps from 0.3 nm to 1 µm: the largest root is below 0.9991 of
    the bound); the scan goes to 1.2 times it, and no further than a transverse phase of 600
    in any layer (the e^600 growth limit of :func:`confinement_factors`).
    """
    er = eps.real
    bound = 0.0
    for j, d in enumerate(d_list, start=1):
        if d == 0:  # a layer of zero thickness is no layer: no plasmon, no growth limit
            continue
        for nb in (er[j - 1], er[j + 1]):
            em, ed = min(er[j], nb), max(er[j], nb)
            if em < 0 < ed and em + ed != 0:
                r = min(ed / -em, -em / ed)
                n2 = (abs(em * ed / (em + ed)) + 2 * ed / (k0 * d * np.sqrt(-em))
                      + (2 * np.arctanh(min(r, 1 - 1e-12)) / (k0 * d)) ** 2)
                bound = max(bound, 1.2 * np.sqrt(n2))
    growth = min(((_N_EFF_PHASE_LIMIT / (k0 * d)) ** 2 + e
                  for e, d in zip(er[1:-1], d_list, strict=True) if d > 0), default=np.inf)
    return min(bound, np.sqrt(max(growth, 0.0)))


def _bound_grid(lower, upper, n_points):
    """Scan points in (lower, upper), evenly spaced in the transverse wavenumber (upper² − ξ²)^½.

    The bound modes of a slab lie about evenly spaced in that variable (κd ≈ mπ), so the
    grid is densest near ``upper``, where the low-order modes of a thick slab crowd together.
    The two end points sit 1e-12 of the range inside the interval, so a mode just above
    cut-off or just below ``upper`` is still bracketed.
    """
    u = np.linspace(0.0, np.sqrt(max(upper**2 - lower**2, 0.0)), n_points)
    grid = np.sqrt(np.maximum(upper**2 - u[::-1] ** 2, lower**2))
    inset = 1e-12 * (upper - lower)
    grid[0], grid[-1] = lower + inset, upper - inset
    return grid


def guided_modes(indices, thicknesses_nm, wavelength_nm, polarization="TE", *, leaky=False,
                 n_points=1500):
    r"""Complex effective indices of the guided modes of a planar stack.

    Parameters
    ----------
    indices : sequence of complex
        Refractive indices n + ik of the substrate, the finite layers (bottom to
        top) and the cover; scalars (one wavelength).
    thicknesses_nm : sequence of float
        Thicknesses of the finite layers [nm], >= 0.
    wavelength_nm : float
        Vacuum wavelength [nm], > 0.
    polarization : {"TE", "TM"}, optional
        Mode polarisation.
    leaky : bool, optional
        Also look for leaky modes, whose effective index lies below a cladding
        index (Bragg-reflection modes radiate weakly through a finite DBR into
        the substrate). Their field grows slowly far out in that cladding.
    n_points : int, optional
        Points of the initial scan along the real n_eff axis (>= 50).

    Returns
    -------
    numpy.ndarray
        Complex n_eff (Im > 0: attenuation), sorted by decreasing real part: the
        fundamental mode first.

    Notes
    -----
    Bound modes: the real roots of the mode condition of the stack with the
    absorption switched off are bracketed by sign changes on a grid (evenly
    spaced in the transverse wavenumber (n_max² − n_eff²)^½ of the highest
    index, where a slab's modes are about evenly spaced) and polished by
    Newton's method, or by bracketing (brentq) where Newton's method fails, as it
    can just above a cut-off; they are then followed by Newton's method to the
    absorbing stack (in four steps of the imaginary part of ε if the direct step
    fails). Leaky modes
    (``leaky=True``): local minima of abs(f) along the real axis of the absorbing
    stack are polished by Newton's method in the complex plane. The mode
    condition is exact; only the search can miss modes closer together than
    the scan step.
    """
    eps, d_list, k0, tm = _mode_setup(indices, thicknesses_nm, wavelength_nm, polarization)
    n_points = v.integer("n_points", n_points, minimum=50, maximum=10**5)
    lower, upper = _scan_bounds(eps, tm, v.flag("leaky", leaky))
    eps_real = eps.real.astype(complex)
    roots = []
    # 1. bound modes of the lossless stack: sign changes of f/i on the real axis
    bound_lo = np.sqrt(max(eps.real[0], eps.real[-1], 0.0))
    grid = _bound_grid(bound_lo, upper, n_points)
    top = max(upper, _plasmon_bound(eps, d_list, k0)) if tm else upper
    if top > upper:  # coupled plasmons of thin films and gaps, above every interface's index
        grid = np.concatenate([grid, np.geomspace(upper, top, n_points)[1:]])
    if grid.size:
        g = np.imag(_dispersion(eps_real, d_list, k0, tm, grid))
        idx = np.nonzero(np.sign(g[:-1]) * np.sign(g[1:]) < 0)[0]
        if idx.size:
            x0 = grid[idx] - g[idx] * (grid[idx + 1] - grid[idx]) / (g[idx + 1] - g[idx])
            lossless, ok = _newton(lambda x: _dispersion(eps_real, d_list, k0, tm, x), x0)
            lossless = lossless.real
            # Newton can fail or jump to another root, e.g. just above a cut-off, where f has
            # a square-root branch point: those brackets are solved by bisection (brentq)
            lost = ~ok | (lossless < grid[idx]) | (lossless > grid[idx + 1])
            for j in np.nonzero(lost)[0]:
                lossless[j] = _bracketed_root(
                    lambda x: float(np.imag(_dispersion(eps_real, d_list, k0, tm, x))),
                    grid[idx[j]], grid[idx[j] + 1])
            lossless = lossless[(lossless > bound_lo) & (lossless < top)].astype(complex)
            if np.any(eps.imag != 0) and lossless.size:
                found, ok = _newton(lambda x: _dispersion(eps, d_list, k0, tm, x), lossless)
                if not np.all(ok):  # follow the absorption up in steps for the stragglers
                    x = lossless[~ok]
                    for s in (0.25, 0.5, 0.75, 1.0):
                        e_s = eps.real + 1j * s * eps.imag
                        x, ok_s = _newton(lambda z, e_s=e_s: _dispersion(e_s, d_list, k0, tm, z),
                                          x)
                    found[~ok] = x
                    ok[~ok] = ok_s
                lossless = found[ok]
            roots.extend(lossless.tolist())
    # 2. leaky modes: dips of |f| along the real axis of the absorbing stack
    if leaky:
        grid = np.linspace(lower, upper, n_points)
        mag = np.abs(_dispersion(eps, d_list, k0, tm, grid))
        dips = np.nonzero((mag[1:-1] < mag[:-2]) & (mag[1:-1] < mag[2:]))[0] + 1
        if dips.size:
            x0 = grid[dips] + 1e-4j
            found, ok = _newton(lambda x: _dispersion(eps, d_list, k0, tm, x), x0)
            found = found[ok & (found.real > 0) & (found.imag > -1e-9) & (found.real < upper)]
            roots.extend(found.tolist())
    roots = np.array(roots, dtype=complex)
    unique = []
    for r in roots[np.argsort(-roots.real)] if roots.size else []:
        if all(abs(r - u) > 1e-7 * max(1.0, abs(r)) for u in unique):
            unique.append(r)
    return np.array(unique, dtype=complex)


def _interfaces(d_list):
    return np.concatenate([[0.0], np.cumsum(d_list)])


def _mode_fields(eps, d_list, k0, tm, xi):
    """The field of the mode condition's solution started as U = e^{−ik_z z} in the substrate.

    Returns (p, a, b, u, vv, scale), one entry per medium: p = k_z/k0; U and V = U'/(i k0 w)
    at the medium's lower face (u, vv; in the substrate at z = 0); the amplitudes of
    U = a e^{ik_z s} + b e^{−ik_z s} (s from the lower face; substrate: a = 0, b = 1; cover:
    a = U_L, b = 0; a finite layer with |k_z| d < 1 gets a = b = 0, its field is c u + i (s/q) vv
    of its characteristic matrix). Every amplitude of medium j is scaled by e^{−scale_j}: the
    fields are renormalised at each interface, so a field that grows through several
    evanescent layers by more than float range still has finite amplitudes.
    """
    xi2 = complex(xi) ** 2
    p_all, a_all, b_all, u_all, v_all, scale_all = [], [], [], [], [], []
    ps = _kz_over_k0(eps[0], xi2)
    ps = _forward(ps) if xi2.real > eps[0].real else _outgoing(ps)
    qs = ps / eps[0] if tm else ps
    p_all.append(ps)
    a_all.append(0.0)
    b_all.append(1.0)
    u, vv, scale = 1.0 + 0j, -qs, 0.0
    u_all.append(u)
    v_all.append(vv)
    scale_all.append(scale)
    for e, d in zip(eps[1:-1], d_list, strict=True):
        p = _kz_over_k0(e, xi2)
        p_all.append(p)
        u_all.append(u)
        v_all.append(vv)
        scale_all.append(scale)
        if k0 * abs(p) * d < 1.0:
            a_all.append(0.0)
            b_all.append(0.0)
        else:
            q = p / e if tm else p
            a_all.append(0.5 * (u + vv / q))
            b_all.append(0.5 * (u - vv / q))
        c, s_over_q, q_s = _layer_terms(e, xi2, d, k0, tm)
        u, vv = c * u + 1j * s_over_q * vv, 1j * q_s * u + c * vv
        norm = max(abs(u), abs(vv))
        u, vv, scale = u / norm, vv / norm, scale + np.log(norm)
    pc = _kz_over_k0(eps[-1], xi2)
    pc = _forward(pc) if xi2.real > eps[-1].real else _outgoing(pc)
    p_all.append(pc)
    a_all.append(u)
    b_all.append(0.0)
    u_all.append(u)
    v_all.append(vv)
    scale_all.append(scale)
    return (np.array(p_all, dtype=complex), np.array(a_all, dtype=complex),
            np.array(b_all, dtype=complex), np.array(u_all, dtype=complex),
            np.array(v_all, dtype=complex), np.array(scale_all))


def mode_profile(indices, thicknesses_nm, wavelength_nm, n_eff, z_nm, polarization="TE"):
    r"""Transverse field U(z) of a mode: E_y for TE, H_y for TM.

    Parameters
    ----------
    indices, thicknesses_nm, wavelength_nm, polarization
        As in :func:`guided_modes`.
    n_eff : complex
        Effective index of the mode (from :func:`guided_modes`).
    z_nm : array_like
        Positions [nm]; z = 0 is the substrate/first-layer interface, the
        layers follow towards +z.

    Returns
    -------
    numpy.ndarray
        Complex U(z), scaled so that the largest abs(U) over ``z_nm`` is 1. The intensity
        profile is ``abs(U)**2``.
    """
    eps, d_list, k0, tm = _mode_setup(indices, thicknesses_nm, wavelength_nm, polarization)
    xi = complex(_complex_index("n_eff", n_eff, scalar=True))
    _check_growth(eps, d_list, k0, xi, n_eff)
    z = v.as_real("z_nm", z_nm)
    p, _, _, u, vv, scale = _mode_fields(eps, d_list, k0, tm, xi)
    edges = _interfaces(d_list)
    medium = np.searchsorted(edges, z, side="right")  # 0 = substrate, len(edges) = cover
    s = z - np.concatenate([[0.0], edges])[medium]
    # U = e^{log U}: the substrate's e^{-ik_z z} and the cover's U_L e^{ik_z s} as exponents,
    # so a field that has decayed to 0 far out (or grown beyond float range, then normalised
    # away) is never formed; in a finite layer U = c u + i (s/q) vv (its characteristic
    # matrix, regular where k_z = 0, where U is linear in s)
    log_u = np.where(medium == 0, -1j * k0 * p[0] * s, 1j * k0 * p[-1] * s + scale[-1])
    with np.errstate(divide="ignore"):
        log_u = np.where(medium == len(eps) - 1, log_u + np.log(u[-1]), log_u)
        for j, e in enumerate(eps[1:-1], start=1):
            inside = medium == j
            c, s_over_q, _ = _layer_terms(e, complex(xi) ** 2, s[inside], k0, tm)
            log_u[inside] = np.log(c * u[j] + 1j * s_over_q * vv[j]) + scale[j]
    return np.exp(log_u - np.max(log_u.real))


def _integral_exp(s, length):
    """∫_0^L e^{s x} dx for complex s (→ L as s → 0)."""
    s = np.asarray(s, dtype=complex)
    small = np.abs(s * length) < 1e-10
    s_safe = np.where(small, 1.0, s)
    return np.where(small, length * (1 + s * length / 2), np.expm1(s * length) / s_safe)


_GAUSS_X, _GAUSS_W = np.polynomial.legendre.leggauss(12)
"""12-point Gauss-Legendre rule on [-1, 1]: exact to round-off (error below 1e-20 of the
integral) for abs(U)² over a layer with |k_z| d < 1, an entire function of z whose 24th
derivative is at most (2|k_z|)^24 times its size."""


def _layer_power(eps, xi2, d, k0, tm, kz, a, b, u, vv):
    """∫_0^d abs(U)² dz over one finite layer, as (mantissa, exponent): the value is m e^x."""
    if abs(kz) * d < 1.0:
        # nearly linear field (exactly linear where k_z = 0): Gauss-Legendre on U = c u + i s/q vv
        c, s_over_q, _ = _layer_terms(eps, xi2, 0.5 * d * (_GAUSS_X + 1), k0, tm)
        return 0.5 * d * float(np.sum(_GAUSS_W * np.abs(c * u + 1j * s_over_q * vv) ** 2)), 0.0
    # |a|² ∫ e^{-2 Im(kz) s} + |b|² ∫ e^{2 Im(kz) s} + the cross term, scaled by e^{-2|Im kz| d}
    # (the larger of the two exponentials at the layer's far face): each part stays finite
    kr, ki = kz.real, kz.imag
    g = 2.0 * abs(ki) * d
    decay = float(np.real(_integral_exp(-2.0 * abs(ki), d)))  # ∫_0^d e^{-2|ki| s} ds
    fall = np.exp(-g)
    grow_a, grow_b = (fall, 1.0) if ki >= 0 else (1.0, fall)
    cross = 2.0 * np.real(a * np.conj(b) * _integral_exp(2j * kr, d))
    return float(abs(a) ** 2 * decay * grow_a + abs(b) ** 2 * decay * grow_b + cross * fall), g


def confinement_factors(indices, thicknesses_nm, wavelength_nm, n_eff, polarization="TE"):
    r"""Fraction Γ_j of a mode's guided power carried in each medium.

    Parameters
    ----------
    indices, thicknesses_nm, wavelength_nm, polarization
        As in :func:`guided_modes`.
    n_eff : complex
        Effective index of the mode.

    Returns
    -------
    numpy.ndarray
        Γ_j for the substrate, every finite layer and the cover (length
        ``len(indices)``); they sum to 1.

    Notes
    -----
    The Γ_j of Equation :math:numref:`rel-6.2-confinement` of the book, review
    section 6.2. Γ_j is the share of the Poynting
    flux along the propagation direction, :math:`S_x \propto
    \operatorname{Re}(\beta)|E_y|^2` (TE) or :math:`\operatorname{Re}(\beta/\varepsilon)|H_y|^2`
    (TM), integrated over medium j in closed form (by Gauss-Legendre quadrature, exact to
    round-off, in a layer whose transverse phase :math:`|k_z| d` is below 1, where the field is
    nearly linear in z). For TE modes it equals the
    share of the integral of abs(E)² over z. A cladding in which the mode is leaky (its field grows
    far away) is given Γ = 0 and the rest is normalised over the stack.
    In a metal the TM share is negative (power flows backwards there).
    """
    eps, d_list, k0, tm = _mode_setup(indices, thicknesses_nm, wavelength_nm, polarization)
    xi = complex(_complex_index("n_eff", n_eff, scalar=True))
    _check_growth(eps, d_list, k0, xi, n_eff)
    p, a, b, u, vv, scale = _mode_fields(eps, d_list, k0, tm, xi)
    kz = k0 * p
    # ∫ abs(U)² over medium j = mantissa_j e^{exponent_j}: the field may grow beyond float
    # range across the stack (each layer's growth is limited to e^600, not their product)
    mantissa = np.zeros(len(eps))
    exponent = 2.0 * scale
    for j, amp in ((0, b[0]), (len(eps) - 1, a[-1])):
        ki = kz[j].imag
        mantissa[j] = abs(amp) ** 2 / (2 * ki) if ki > 0 else 0.0
    for j, d in enumerate(d_list, start=1):
        mantissa[j], grow = _layer_power(eps[j], xi**2, d, k0, tm, kz[j], a[j], b[j], u[j],
                                         vv[j])
        exponent[j] += grow
    weight = np.real(xi / eps) if tm else np.ones(len(eps))
    power = weight * mantissa * np.exp(exponent - np.max(exponent))
    return power / power.sum()


def gain_confinement_factors(indices, thicknesses_nm, wavelength_nm, n_eff,
                             polarization="TE"):
    r"""Gain weight Γ_g,j = (n_j / Re n_eff) Γ_j of each medium: dG_mod/dG_j of a TE mode.

    Parameters
    ----------
    indices, thicknesses_nm, wavelength_nm
        As in :func:`guided_modes`.
    n_eff : complex
        Effective index of the mode (from :func:`guided_modes`).
    polarization : {"TE"}, optional
        Only TE: for TM modes the weight involves both components of E, which
        the closed-form integrals of :func:`confinement_factors` do not give.

    Returns
    -------
    numpy.ndarray
        Γ_g,j for the substrate, every finite layer and the cover. Unlike the
        power shares they do not sum to 1.

    Notes
    -----
    The factor that turns the material gain G_j of layer j into modal gain, and
    its absorption α_j into modal loss (Equation :math:numref:`rel-6.2-confinement`
    of the book, review section 6.2): a change δk_j of the layer's extinction
    changes ε_j by 2i n_j δk_j, first-order perturbation of the TE mode condition
    gives δ(n_eff²) = Γ_j δε_j, hence δ Im n_eff = (n_j/n_eff) Γ_j δk_j and
    dα_mod/dα_j = (n_j/n_eff) Γ_j. With an absorbing or leaky stack this uses
    Re n_eff and the real parts n_j; the tests check it against a finite
    difference of the exact modal loss on every device stack of
    :data:`qdbook.optical_constants.DEVICE_STACKS`.

    Examples
    --------
    The low-loss stack of review section 6.3.2 (the book's open model, n_QD = 1.80):
    the dots carry 19.8 % of the power but weigh 22.8 % in the modal gain:

    >>> from qdbook.optical_constants import device_stack
    >>> s = device_stack("low-loss stack", 630.0)
    >>> mode = guided_modes(s["indices"], s["thicknesses_nm"], 630.0)[0]
    >>> share = confinement_factors(s["indices"], s["thicknesses_nm"], 630.0, mode)[2]
    >>> weight = gain_confinement_factors(s["indices"], s["thicknesses_nm"], 630.0, mode)[2]
    >>> round(100 * float(share), 1), round(100 * float(weight), 1)
    (19.8, 22.8)
    """
    if _polarization(polarization) != "TE":
        raise ValueError(f"polarization must be 'TE' (or 's') for the gain weight, "
                         f"got {polarization!r}")
    gamma = confinement_factors(indices, thicknesses_nm, wavelength_nm, n_eff, "TE")
    n_real = np.array([complex(n).real for n in indices])
    return n_real / complex(n_eff).real * gamma


def modal_loss_cm(n_eff, wavelength_nm):
    r"""Modal power-attenuation coefficient α = 4π Im(n_eff)/λ [cm⁻¹].

    Parameters
    ----------
    n_eff : complex or array_like
        Complex effective index n_eff (Im > 0 is attenuation).
    wavelength_nm : float or array_like
        Vacuum wavelength [nm], > 0.

    Notes
    -----
    The exact modal loss that Equation :math:numref:`rel-6.2-confinement` of the book
    approximates (review section 6.2): the mode's power decays as
    :math:`|e^{ik_0 n_\mathrm{eff} x}|^2 = e^{-2k_0\operatorname{Im}(n_\mathrm{eff})x}`.
    Negative values are net modal gain.
    """
    n = _complex_index("n_eff", n_eff)
    lam_cm = convert(v.positive("wavelength_nm", wavelength_nm), "nm", "cm")
    return 4.0 * np.pi * n.imag / lam_cm


def perturbative_modal_loss_cm(confinement, layer_index, alpha_cm, n_eff):
    r"""Weak-loss modal attenuation α ≈ Σ_j (n_j/n_eff) Γ_j α_j [cm⁻¹].

    Parameters
    ----------
    confinement : array_like
        Power fractions Γ_j of the mode in the layers, each in [-1, 1]
        (TM shares in a metal are negative).
    layer_index : array_like
        Real refractive indices n_j of those layers, > 0.
    alpha_cm : array_like
        Absorption coefficients α_j = 4πk_j/λ of the layers [cm⁻¹], >= 0.
    n_eff : float
        Real part of the mode's effective index, > 0.

    Notes
    -----
    Equation :math:numref:`rel-6.2-confinement` of the book, review section 6.2.
    First-order perturbation of the TE mode condition by δε_j = 2i n_j k_j gives
    δ(n_eff²) = Σ_j δε_j Γ_j, hence Im δn_eff = Σ_j n_j k_j Γ_j / n_eff and the
    formula above. The review writes Σ Γ_j α_j, which is this result with
    n_j ≈ n_eff; in the book's device stacks n_j/n_eff of the dot layer is 1.07 to 1.32,
    so that approximation is not used. The weights (n_j/n_eff) Γ_j are
    :func:`gain_confinement_factors`.

    Examples
    --------
    The review's ITO device of section 6.2.1 (its Γ_ITO = 34 % comes from a simulation
    whose inputs it does not give); the book's open model of it at 630 nm has
    Γ_ITO = 49.7 % and a first-order loss equal to the exact one, 340 cm⁻¹:

    >>> import numpy as np
    >>> from qdbook.optical_constants import absorption_coefficient_cm as alpha, device_stack
    >>> s = device_stack("ITO device", 630.0)
    >>> mode = guided_modes(s["indices"], s["thicknesses_nm"], 630.0)[0]
    >>> gam = confinement_factors(s["indices"], s["thicknesses_nm"], 630.0, mode)
    >>> alphas = [float(alpha(m, 630.0)) for m in s["names"][1:-1]]
    >>> loss = perturbative_modal_loss_cm(gam[1:-1], np.real(s["indices"][1:-1]), alphas,
    ...                                   mode.real)
    >>> exact = modal_loss_cm(mode, 630.0)
    >>> round(100 * float(gam[1]), 1), round(float(loss)), round(float(exact))
    (49.7, 340, 340)
    """
    gamma = v.in_range("confinement", confinement, -1.0, 1.0)
    n = v.positive("layer_index", layer_index)
    alpha = v.nonnegative("alpha_cm", alpha_cm)
    neff = v.positive("n_eff", n_eff)
    v.broadcast(confinement=gamma, layer_index=n, alpha_cm=alpha)
    return np.sum(np.asarray(n) * np.asarray(gamma) * np.asarray(alpha), axis=-1) / neff


# ---------------------------------------------------------------------------- waveguide rays
def critical_angle_deg(n_clad, n_wg):
    r"""Critical angle of total internal reflection θ_c = arcsin(n_clad/n_wg) [deg].

    Parameters
    ----------
    n_clad : float or array_like
        Index of the higher-index cladding, > 0.
    n_wg : float or array_like
        Index of the guiding slab, > n_clad.

    Notes
    -----
    Equation :math:numref:`eq-14` of the book (review eq 14, section 6.4.1); angles are
    measured from the normal to the layers. Rays steeper than θ_c (θ < θ_c) escape
    into the cladding.

    Examples
    --------
    Review section 6.4.1, glass under L-ITO (n = 1.6): the book's glass (n = 1.522 at
    630 nm, refractiveindex.info) gives θ_c = 72.0°:

    >>> from qdbook.optical_constants import N_LITO, refractive_index
    >>> round(float(critical_angle_deg(refractive_index("glass", 630.0).real, N_LITO)), 1)
    72.0
    """
    clad = v.positive("n_clad", n_clad)
    wg = v.positive("n_wg", n_wg)
    ratio = np.asarray(clad) / np.asarray(wg)
    v.in_range("n_clad/n_wg", ratio, 0.0, 1.0)
    return convert(np.arcsin(ratio), "rad", "deg")


def modal_angle_deg(n_eff, n_wg):
    r"""Ray angle θ = arcsin(n_eff/n_wg) [deg] of a mode in a slab of index n_wg.

    Parameters
    ----------
    n_eff : float or array_like
        Real part of the mode's effective index, > 0 (a Bragg-reflection mode
        may have n_eff < 1).
    n_wg : float or array_like
        Index of the slab in which the ray angle is wanted, >= n_eff.

    Notes
    -----
    Equation :math:numref:`eq-15` of the book (review eq 15, section 6.4.1). The
    propagation constant is the in-plane component of the ray's wavevector,
    β = k_0 n_wg sin θ = k_0 n_eff.

    Examples
    --------
    The review quotes no angle; the book's BRW mode (n_eff = 1.364, page
    electrically-driven-ase) travels at 49.2° from the normal in the dots (n = 1.80):

    >>> round(float(modal_angle_deg(1.3636, 1.80)), 1)
    49.2
    """
    neff = v.positive("n_eff", n_eff)
    wg = v.positive("n_wg", n_wg)
    ratio = np.asarray(neff) / np.asarray(wg)
    v.in_range("n_eff/n_wg", ratio, 0.0, 1.0)
    return convert(np.arcsin(ratio), "rad", "deg")


def quarter_wave_thickness_nm(n_layer, wavelength_nm, n_eff=0.0):
    r"""Thickness [nm] of a layer that is a quarter wave thick for the transverse wavevector.

    Parameters
    ----------
    n_layer : float or array_like
        Layer index, > n_eff.
    wavelength_nm : float
        Vacuum wavelength [nm], > 0.
    n_eff : float, optional
        In-plane effective index of the wave, >= 0; 0 is normal incidence.

    Notes
    -----
    Equation :math:numref:`rel-6.4-brw` of the book, review section 6.4.1. The
    transverse phase k_0 (n² − n_eff²)^½ d equals π/2, so d = λ / (4 (n² − n_eff²)^½).
    A DBR of such layers reflects most strongly at the design wavelength and in-plane
    index (a quarter-wave Bragg reflection waveguide, West and Helmy 2006).

    Examples
    --------
    The review gives no DBR period; the book's Nb₂O₅ layers (n = 2.318) are quarter
    waves at the 1S ASE line of section 6.4.2 (642.4 nm) for n_eff = 1:

    >>> round(float(quarter_wave_thickness_nm(2.318, 642.4, 1.0)), 1)
    76.8
    """
    n = v.positive("n_layer", n_layer)
    lam = v.positive("wavelength_nm", wavelength_nm)
    neff = v.nonnegative("n_eff", n_eff)
    if np.any(np.asarray(neff) >= np.asarray(n)):
        raise ValueError(f"n_eff must be < n_layer ({n!r}), got {n_eff!r}")
    return lam / (4.0 * np.sqrt(np.asarray(n) ** 2 - np.asarray(neff) ** 2))


def surface_plasmon_index(eps_metal, eps_dielectric):
    r"""Effective index of the surface plasmon polariton of one metal/dielectric interface.

    Parameters
    ----------
    eps_metal : complex or array_like
        Permittivity of the metal, Re ε_m < −ε_d (bound surface wave).
    eps_dielectric : float or array_like
        Real permittivity of the dielectric, > 0.

    Returns
    -------
    complex or numpy.ndarray
        :math:`n_{SPP} = [\varepsilon_m\varepsilon_d/(\varepsilon_m + \varepsilon_d)]^{1/2}`
        with Im > 0 (attenuation).

    Notes
    -----
    Equation :math:numref:`rel-6.2-te-tm` of the book, review section 6.2.2. This is
    the TM₀ mode at a single interface, the limit of a thick dielectric on silver; TE
    has no such solution. Its attenuation 4π Im(n_SPP)/λ is the plasmonic loss.

    Examples
    --------
    The review quotes no number (TM loses far more than TE, section 6.2.2); the book's
    organic layer (n = 1.70) on silver at 600 nm loses 1184 cm⁻¹ to the plasmon:

    >>> from qdbook.optical_constants import refractive_index
    >>> eps_ag = complex(refractive_index("Ag", 600.0)) ** 2
    >>> n_spp = surface_plasmon_index(eps_ag, 1.70**2)
    >>> round(float(n_spp.real), 4), round(float(modal_loss_cm(n_spp, 600.0)))
    (1.8769, 1184)
    """
    em = v.as_complex("eps_metal", eps_metal)
    ed = v.positive("eps_dielectric", eps_dielectric)
    if np.any(em.real >= -np.asarray(ed)):
        raise ValueError(f"eps_metal must have Re(eps_metal) < -eps_dielectric (a bound "
                         f"surface wave), got {eps_metal!r}")
    n = np.sqrt(em * ed / (em + ed))
    n = np.where(n.imag < 0, -n, n)
    return n[()] if n.ndim == 0 else n


# ---------------------------------------------------------------------------- gain budget
def packed_film_gain_cm(sigma_gain_cm2, volume_nm3, packing_fraction=0.64):
    r"""Material gain G_mat = σ_gain ρ of a film of nanocrystals filling a fraction ξ of space.

    Parameters
    ----------
    sigma_gain_cm2 : float or array_like
        Gain cross-section per nanocrystal [cm²], > 0.
    volume_nm3 : float or array_like
        Volume of one nanocrystal, ligands excluded [nm³], > 0.
    packing_fraction : float, optional
        Volume fraction ξ occupied by the nanocrystals, in (0, 0.74]; 0.64 is
        random close packing of spheres.

    Notes
    -----
    Equation :math:numref:`rel-6.3-packing` of the book, review section 6.3.1:
    ρ = ξ/V_NC, so at fixed σ_gain and packing G_mat ∝ 1/V_NC.

    Examples
    --------
    Review section 6.3.1: the volume changes by ~4.6 from 12-nm to 20-nm dots, so the
    smaller dots pack 4.6 times more gain per volume:

    >>> import numpy as np
    >>> g12, g20 = (packed_film_gain_cm(1e-16, np.pi / 6 * d**3) for d in (12.0, 20.0))
    >>> round(float(g12 / g20), 1)
    4.6
    """
    sigma = v.positive("sigma_gain_cm2", sigma_gain_cm2)
    vol_cm3 = convert(v.positive("volume_nm3", volume_nm3), "nm3", "cm3")
    xi = v.in_range("packing_fraction", packing_fraction, 0.0, 0.7405)
    if np.any(np.asarray(xi) < v.MIN_MAGNITUDE):
        raise ValueError(f"packing_fraction must lie in (0, 0.7405], got {packing_fraction!r}")
    return sigma * xi / vol_cm3


def net_modal_gain_cm(confinement, material_gain_cm, loss_cm):
    r"""Net modal gain G_net = Γ G_mat − α_loss [cm⁻¹] of a waveguide.

    Parameters
    ----------
    confinement : float or array_like
        Confinement factor Γ of the gain layer, in [0, 1]. For a mode computed
        with this package pass the **gain weight** of the gain layer
        (:func:`gain_confinement_factors`), not its power share
        (:func:`confinement_factors`): the gain weight is what turns material
        gain into modal gain. The review's Γ_NC values are quoted as given.
    material_gain_cm : float or array_like
        Material gain of the nanocrystal layer [cm⁻¹] (negative: absorption).
    loss_cm : float or array_like
        Modal loss coefficient α_loss of the passive layers [cm⁻¹], >= 0.

    Notes
    -----
    Equation :math:numref:`rel-6.3-budget` of the book, review sections 6.3.2 and
    6.4.2: along the guide dI/dx = (Γ G_mat − α_loss) I. Positive G_net means net
    amplification. Until the fidelity revision (issue 15) the book's budgets
    passed the power share here; in a TE slab that underestimates the modal gain
    by the factor n_NC / Re n_eff (1.15 in the low-loss stack, 1.32 in the BRW
    device).

    Examples
    --------
    Review section 6.4.2: Γ_NC = 0.23 and G_mat = 780 cm⁻¹ give G_mod = 0.23 × 780 ≈ 180
    cm⁻¹, and with α_loss = 16 cm⁻¹ a net gain of ≈ 164 (163.4; the review rounds
    G_mod first):

    >>> round(float(net_modal_gain_cm(0.23, 780.0, 0.0)), 1)
    179.4
    >>> round(float(net_modal_gain_cm(0.23, 780.0, 16.0)), 1)
    163.4
    """
    gamma = v.probability("confinement", confinement)
    g = v.as_real("material_gain_cm", material_gain_cm)
    loss = v.nonnegative("loss_cm", loss_cm)
    return gamma * g - loss


def edge_emission_intensity_w_cm2(power_w, width_um, thickness_nm):
    r"""Intensity [W cm⁻²] of edge emission: power over the emitting facet area.

    Parameters
    ----------
    power_w : float or array_like
        Emitted power [W], >= 0.
    width_um : float or array_like
        Width of the emitting stripe [µm], > 0.
    thickness_nm : float or array_like
        Thickness of the emitting facet (the device) [nm], > 0.

    Notes
    -----
    Equation :math:numref:`rel-6.4-edge-intensity` of the book, review section 6.4.2.

    Examples
    --------
    Review section 6.4.2: 0.17 mW from a 30-µm stripe of a 300-nm device is 1.9 kW cm⁻²:

    >>> f"{float(edge_emission_intensity_w_cm2(0.17e-3, 30.0, 300.0)) / 1e3:.1f} kW cm^-2"
    '1.9 kW cm^-2'
    """
    p = v.nonnegative("power_w", power_w)
    w_cm = convert(v.positive("width_um", width_um), "um", "cm")
    t_cm = convert(v.positive("thickness_nm", thickness_nm), "nm", "cm")
    return p / (w_cm * t_cm)


def ase_intensity(spontaneous_rate, net_gain_cm, length_cm):
    r"""Edge output I(L) = S (e^{gL} − 1)/g of a stripe with net gain g and source S per length.

    Parameters
    ----------
    spontaneous_rate : float or array_like
        Spontaneous emission coupled into the guided mode per unit length S
        [arbitrary units per cm], >= 0.
    net_gain_cm : float or array_like
        Net modal gain g = Γ G_mat − α_loss [cm⁻¹]; negative is net loss.
    length_cm : float or array_like
        Stripe length L [cm], >= 0.

    Notes
    -----
    Equation :math:numref:`rel-6.4-ase` of the book, review section 6.4.2. The solution
    of dI/dx = g I + S with I(0) = 0. For g → 0 it becomes S L (no gain: the light just
    adds up); for gL ≫ 1 it grows exponentially, which produces the threshold-like rise
    and the spectral narrowing of amplified spontaneous emission.

    Examples
    --------
    Review section 6.4.2: the line narrows from 82 meV to ~40 meV above threshold. A
    Gaussian gain band of 82 meV at 1.93 eV with a peak gain-length product of 4.27
    (the book's value) gives a 41-meV line:

    >>> import numpy as np
    >>> e = np.linspace(1.70, 2.20, 4001)
    >>> band = np.exp(-(e - 1.93) ** 2 / (2 * (0.082 / 2.3548) ** 2))
    >>> spectrum = ase_intensity(band, 4.27 * band, 1.0)
    >>> above = e[spectrum >= 0.5 * spectrum.max()]
    >>> round(float(above[-1] - above[0]), 3)
    0.041
    """
    s = v.nonnegative("spontaneous_rate", spontaneous_rate)
    g = v.as_real("net_gain_cm", net_gain_cm)
    length = v.nonnegative("length_cm", length_cm)
    gl = np.asarray(g) * np.asarray(length)
    small = np.abs(gl) < 1e-8
    g_safe = np.where(small, 1.0, g)
    # For gL > 700, e^{gL} nears float's limit (e^709.8) while I = S (e^{gL} - 1)/g may not:
    # there I = exp(gL + ln S - ln g), which must stay within float range.
    big = gl > 700.0
    if np.any(big):
        with np.errstate(divide="ignore"):
            log_i = np.where(big, gl + np.log(np.asarray(s, dtype=float))
                             - np.log(np.where(big, g_safe, 1.0)), 0.0)
        if np.any(log_i > np.log(np.finfo(float).max)):
            raise ValueError(f"net_gain_cm and length_cm must keep the output S (e^(gL) - 1)/g "
                             f"within float range (gL = {np.max(gl):.4g} does not with "
                             f"spontaneous_rate = {spontaneous_rate!r})")
    else:
        log_i = np.zeros_like(gl)
    grown = np.where(big, 0.0, s * (np.expm1(np.where(big, 0.0, gl)) / g_safe))
    out = np.where(small, s * length * (1 + gl / 2), np.where(big, np.exp(log_i), grown))
    return out[()] if np.ndim(out) == 0 else out


# -- relations of the review that this module computes (see qdbook._relation) ---
_PAGE = "chapters/06-electrical-gain"
_LOSSES = f"{_PAGE}/optical-losses"
_OPTICAL = f"{_PAGE}/optically-pumped-devices"
_ASE = f"{_PAGE}/electrically-driven-ase"


def _draw_three_layers(rng):
    gam = rng.dirichlet([1.0, 1.0, 1.0, 1.0])[:3]
    out = {"n_eff": rng.uniform(1.4, 2.0)}
    for j in range(3):
        out[f"n_{j + 1}"] = rng.uniform(1.3, 2.5)
        out[f"Gamma_{j + 1}"] = float(gam[j])
        out[f"alpha_{j + 1}"] = loguniform(0.1, 1e4).draw(rng)
    return out


def _draw_ratio(rng, name):
    wg = rng.uniform(1.4, 2.5)
    return {"n_wg": wg, name: wg * rng.uniform(0.05, 0.99)}


def _draw_plasmon(rng):
    eps_d = rng.uniform(1.0, 5.0)
    return {"eps_d": eps_d, "eps_m": eps_d * rng.uniform(1.3, 20.0)}


def _draw_brw(rng):
    n_layer = rng.uniform(1.3, 2.6)
    n_eff = n_layer * rng.uniform(0.01, 0.95)
    return {"n_layer": n_layer, "n_eff": n_eff, "lam": rng.uniform(4e-7, 1.6e-6)}


_THREE = {f"{name}_{j}": unit for j in (1, 2, 3)
          for name, unit in (("n", "1"), ("Gamma", "1"), ("alpha", "1/cm"))}

RELATIONS = [
    Relation(
        id="rel-6.2-absorption", title="Absorption coefficient from the extinction coefficient",
        page=_LOSSES,
        form=lambda sp, s: 4 * sp.pi * s.kappa / s.lam,
        units={"kappa": "1", "lam": "cm", "result": "1/cm"},
        evaluate=lambda kappa, lam: absorption_coefficient_cm(
            extinction_k=kappa, wavelength_nm=convert(lam, "cm", "nm")),
        sample={"kappa": loguniform(1e-6, 10.0), "lam": uniform(3e-5, 2e-4)},
    ),
    Relation(
        id="rel-6.2-confinement", title="Weak-loss modal attenuation from confinement factors",
        page=_LOSSES,
        form=lambda sp, s: (s.n_1 * s.Gamma_1 * s.alpha_1 + s.n_2 * s.Gamma_2 * s.alpha_2
                            + s.n_3 * s.Gamma_3 * s.alpha_3) / s.n_eff,
        units={**_THREE, "n_eff": "1", "result": "1/cm"},
        evaluate=lambda n_eff, **layer: perturbative_modal_loss_cm(
            confinement=[layer[f"Gamma_{j}"] for j in (1, 2, 3)],
            layer_index=[layer[f"n_{j}"] for j in (1, 2, 3)],
            alpha_cm=[layer[f"alpha_{j}"] for j in (1, 2, 3)], n_eff=n_eff),
        sample=_draw_three_layers,
    ),
    Relation(
        id="rel-6.2-te-tm", title="Surface-plasmon (TM) index of a metal/dielectric interface",
        page=_LOSSES,
        # eps_m is the magnitude of the (negative) metal permittivity, taken lossless here
        form=lambda sp, s: sp.sqrt(s.eps_d * s.eps_m / (s.eps_m - s.eps_d)),
        units={"eps_d": "1", "eps_m": "1", "result": "1"},
        evaluate=lambda eps_d, eps_m: float(np.real(surface_plasmon_index(
            eps_metal=-eps_m, eps_dielectric=eps_d))),
        sample=_draw_plasmon,
    ),
    Relation(
        id="rel-6.3-packing", title="Material gain of a close-packed film, G = sigma xi / V",
        page=_OPTICAL,
        form=lambda sp, s: s.sigma_gain * s.xi / s.V,
        units={"sigma_gain": "cm2", "xi": "1", "V": "cm3", "result": "1/cm"},
        evaluate=lambda sigma_gain, xi, V: packed_film_gain_cm(
            sigma_gain_cm2=sigma_gain, volume_nm3=convert(V, "cm3", "nm3"), packing_fraction=xi),
        sample={"sigma_gain": loguniform(1e-17, 1e-14), "xi": uniform(0.05, 0.74),
                "V": loguniform(1e-20, 1e-17)},
    ),
    Relation(
        id="rel-6.3-budget", title="Net modal gain of a waveguide, Gamma G_mat - alpha_loss",
        page=_OPTICAL,
        form=lambda sp, s: s.Gamma * s.G_mat - s.alpha_loss,
        units={"Gamma": "1", "G_mat": "1/cm", "alpha_loss": "1/cm", "result": "1/cm"},
        evaluate=lambda Gamma, G_mat, alpha_loss: net_modal_gain_cm(
            confinement=Gamma, material_gain_cm=G_mat, loss_cm=alpha_loss),
        sample={"Gamma": uniform(0.01, 0.99), "G_mat": uniform(1.0, 3000.0),
                "alpha_loss": uniform(0.0, 1000.0)},
    ),
    Relation(
        id="eq-14", title="Critical angle of total internal reflection",
        page=_ASE,
        form=lambda sp, s: sp.asin(s.n_clad / s.n_wg),
        units={"n_clad": "1", "n_wg": "1", "result": "rad"},
        evaluate=lambda n_clad, n_wg: convert(
            critical_angle_deg(n_clad=n_clad, n_wg=n_wg), "deg", "rad"),
        sample=lambda rng: _draw_ratio(rng, "n_clad"),
    ),
    Relation(
        id="eq-15", title="Modal angle of a Bragg-reflection-waveguide mode",
        page=_ASE,
        form=lambda sp, s: sp.asin(s.n_eff / s.n_wg),
        units={"n_eff": "1", "n_wg": "1", "result": "rad"},
        evaluate=lambda n_eff, n_wg: convert(
            modal_angle_deg(n_eff=n_eff, n_wg=n_wg), "deg", "rad"),
        sample=lambda rng: _draw_ratio(rng, "n_eff"),
    ),
    Relation(
        id="rel-6.4-brw", title="Transverse quarter-wave layer of a Bragg reflection waveguide",
        page=_ASE,
        form=lambda sp, s: s.lam / (4 * sp.sqrt(s.n_layer**2 - s.n_eff**2)),
        units={"lam": "m", "n_layer": "1", "n_eff": "1", "result": "m"},
        evaluate=lambda lam, n_layer, n_eff: convert(quarter_wave_thickness_nm(
            n_layer=n_layer, wavelength_nm=convert(lam, "m", "nm"), n_eff=n_eff), "nm", "m"),
        sample=_draw_brw,
    ),
    Relation(
        id="rel-6.4-edge-intensity", title="Edge-emission intensity, power over facet area",
        page=_ASE,
        form=lambda sp, s: s.P / (s.w * s.t),
        units={"P": "W", "w": "m", "t": "m", "result": "W/m2"},
        # the package returns W cm^-2; dividing by one cm^2 in m^2 gives W m^-2
        evaluate=lambda P, w, t: edge_emission_intensity_w_cm2(
            power_w=P, width_um=convert(w, "m", "um"), thickness_nm=convert(t, "m", "nm"))
        / convert(1.0, "cm2", "m2"),
        sample={"P": loguniform(1e-7, 1e-1), "w": loguniform(1e-6, 1e-3),
                "t": loguniform(5e-8, 5e-6)},
    ),
    Relation(
        id="rel-6.4-ase", title="Amplified spontaneous emission from a gain stripe",
        page=_ASE,
        form=lambda sp, s: s.S * (sp.exp(s.g * s.L) - 1) / s.g,
        units={"S": "1/cm", "g": "1/cm", "L": "cm", "result": "1"},
        evaluate=lambda S, g, L: ase_intensity(spontaneous_rate=S, net_gain_cm=g, length_cm=L),
        sample={"S": loguniform(1e-3, 1e3), "g": loguniform(0.1, 300.0),
                "L": loguniform(1e-4, 0.1)},
    ),
]
