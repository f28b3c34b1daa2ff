"""How gain is defined and measured: gain coefficients, transient absorption, VSL (section 3.1).

Conventions
-----------
Gain and absorption coefficients in cm⁻¹, lengths in cm unless a name says
otherwise, photon energies in eV. An absorption coefficient α < 0 is gain,
G = −α. ⟨N⟩ (``mean_n``) is the average number of excitons per dot after a
short pump pulse, distributed over the dots by Poisson statistics.

The variable-stripe-length (VSL) fit uses ``scipy.optimize.curve_fit``
with relative (multiplicative) noise: each point's standard deviation is a
fixed fraction of its intensity, and the quoted uncertainty is the square
root of the diagonal of the covariance matrix, scaled by the scatter of the
residuals (``absolute_sigma=False``).
"""

from __future__ import annotations

import warnings

import numpy as np
from scipy.optimize import OptimizeWarning, curve_fit
from scipy.special import expit

from . import _validate as v
from . import gain, statefilling
from ._relation import Relation, loguniform, uniform


def amplified_intensity(intensity_in, gain_cm, length_cm):
    """Amplified intensity I_in e^{G l}.

    Equation :math:numref:`rel-3.1-amplification` of the book (review section 3.1.1).

    Parameters
    ----------
    intensity_in : float or array_like
        Input intensity, >= 0 (any unit; the output has the same).
    gain_cm : float or array_like
        Gain coefficient G [cm⁻¹]; negative values attenuate. abs(G l) <= 700.
    length_cm : float or array_like
        Amplification length l [cm], >= 0.

    Notes
    -----
    With G = ρ σ_gain (:func:`qdbook.gain.saturated_gain_cm`), review sec. 3.1.1.

    Examples
    --------
    The review quotes no number here; the book's page (section 3.1) amplifies by
    e^{10} ≈ 22026 with G = 100 cm⁻¹ over l = 1 mm:

    >>> round(float(amplified_intensity(1.0, 100.0, 0.1)))
    22026
    """
    i_in = v.nonnegative("intensity_in", intensity_in)
    g = v.as_real("gain_cm", gain_cm)
    length = v.nonnegative("length_cm", length_cm)
    v.in_range("gain_cm * length_cm", np.asarray(g) * length, -700.0, 700.0)
    return (np.asarray(i_in) * np.exp(np.asarray(g) * length))[()]


def material_gain_from_bulk_cm(g_bulk_cm, volume_fraction):
    """Material gain G_mat = ξ G_B of a film with semiconductor volume fraction ξ.

    Equation :math:numref:`rel-3.1-gain-kinds` of the book (review section 3.1.1).

    Parameters
    ----------
    g_bulk_cm : float or array_like
        Bulk-equivalent gain G_B [cm⁻¹] (the gain of a film with ξ = 1).
    volume_fraction : float or array_like
        ξ, in (0, 1].

    Examples
    --------
    The review quotes no number here; the book's exercise on section 3.1 dilutes
    G_B = 3000 cm⁻¹ into a film with ξ = 0.25:

    >>> round(float(material_gain_from_bulk_cm(3000.0, 0.25)))
    750
    """
    g_b = v.as_real("g_bulk_cm", g_bulk_cm)
    xi = v.in_range("volume_fraction", volume_fraction, 0.0, 1.0)
    if np.any(np.asarray(xi) < v.MIN_MAGNITUDE):
        raise ValueError(f"volume_fraction must be > 0 (allowed range (0, 1]), "
                         f"got {volume_fraction!r}")
    return (np.asarray(g_b) * xi)[()]


def modal_gain_cm(g_mat_cm, confinement_factor):
    """Modal gain G_mod = Γ_NC G_mat [cm⁻¹].

    Equation :math:numref:`rel-3.1-gain-kinds` of the book (review section 3.1.1).

    Parameters
    ----------
    g_mat_cm : float or array_like
        Material gain [cm⁻¹].
    confinement_factor : float or array_like
        Γ_NC, the fraction of the mode's energy inside the gain layer, in [0, 1]
        (see :func:`qdbook.waveguide.slab_te0_mode`).

    Examples
    --------
    Review section 3.1.1: Γ_NC = 0.3–0.4 in good EL devices, so a material gain
    of 1000 cm⁻¹ gives a modal gain of 300–400 cm⁻¹:

    >>> [round(float(modal_gain_cm(1000.0, gamma))) for gamma in (0.3, 0.4)]
    [300, 400]
    """
    g = v.as_real("g_mat_cm", g_mat_cm)
    gamma = v.probability("confinement_factor", confinement_factor)
    return (np.asarray(g) * gamma)[()]


def net_gain_cm(g_mod_cm, loss_cm):
    """Net gain G_net = G_mod − α_loss [cm⁻¹].

    Equation :math:numref:`rel-3.1-gain-kinds` of the book (review section 3.1.1).

    Parameters
    ----------
    g_mod_cm : float or array_like
        Modal gain [cm⁻¹].
    loss_cm : float or array_like
        Modal loss coefficient α_loss [cm⁻¹], >= 0.

    Examples
    --------
    The review quotes no number here; the book's exercise on section 3.1 takes
    G_B = 3000 cm⁻¹, ξ = 0.25, a 200-nm film (Γ_NC = 0.70) and 150 cm⁻¹ of loss:

    >>> from qdbook.waveguide import slab_te0_mode
    >>> gamma = slab_te0_mode(200.0, 620.0, 1.8, 1.5)[1]
    >>> g_mod = modal_gain_cm(material_gain_from_bulk_cm(3000.0, 0.25), gamma)
    >>> round(float(g_mod)), round(float(net_gain_cm(g_mod, 150.0)))
    (527, 377)
    """
    g = v.as_real("g_mod_cm", g_mod_cm)
    loss = v.nonnegative("loss_cm", loss_cm)
    return (np.asarray(g) - loss)[()]


def band_edge_absorption_cm(mean_n, alpha0_cm):
    """Band-edge absorption α(⟨N⟩) = α_0 + Δα of a Poisson-excited ensemble [cm⁻¹].

    Equation :math:numref:`rel-3.1-ta` of the book (review section 3.1.2).

    In the two-fold band-edge model an empty dot absorbs (weight +1), a
    singly excited one is transparent (0) and a dot with two or more
    excitons amplifies (−1), so α = α_0 [p_0 − (1 − p_0 − p_1)] =
    α_0 [(2 + ⟨N⟩) e^{−⟨N⟩} − 1].

    Parameters
    ----------
    mean_n : float or array_like
        ⟨N⟩, >= 0.
    alpha0_cm : float or array_like
        Ground-state absorption α_0 at the band-edge peak [cm⁻¹], > 0.

    Returns
    -------
    float or ndarray
        α [cm⁻¹]; negative values are gain, G = −α.

    Examples
    --------
    Review section 3.1.2: the threshold is the ⟨N⟩ where α turns zero, 1.146 for
    Poisson statistics (review section 2.2: ~1.15):

    >>> grid = np.linspace(0.0, 4.0, 401)
    >>> round(threshold_from_absorption(grid, band_edge_absorption_cm(grid, 1.0)), 3)
    1.146
    """
    n = np.asarray(v.nonnegative("mean_n", mean_n))
    a0 = v.positive("alpha0_cm", alpha0_cm)
    return (a0 * ((2.0 + n) * np.exp(-n) - 1.0))[()]


def ta_spectra(energy_ev, mean_n, alpha_1s_cm, band_energies_ev, fwhm_ev,
               background_cm=0.0, background_onset_ev=None):
    """Ground-state, pump-induced and excited-state absorption spectra of a TA experiment.

    The unexcited film absorbs in its 1S, 1P and 1D bands (weights by
    degeneracy, as in :func:`qdbook.statefilling.gain_spectrum_cm`) and in a
    smooth background that the pump does not bleach (a step broadened by the
    line width at ``background_onset_ev``). The pump fills the shells of
    Poisson-distributed dots, so α = α_0 + Δα with Δα from state filling.

    Parameters
    ----------
    energy_ev : array_like
        Probe photon energies [eV], > 0.
    mean_n : float
        ⟨N⟩, in [0, 40].
    alpha_1s_cm : float
        Ground-state absorption of the 1S peak [cm⁻¹], > 0.
    band_energies_ev : sequence of float
        1S, 1P, 1D transition energies [eV].
    fwhm_ev : float
        Line width of each band [eV], > 0.
    background_cm : float, optional
        Height of the unbleached background [cm⁻¹], >= 0.
    background_onset_ev : float, optional
        Where the background rises; the 1P energy by default.

    Returns
    -------
    dict
        ``alpha0``, ``delta_alpha`` and ``alpha`` [cm⁻¹], arrays like ``energy_ev``.
    """
    e = np.asarray(v.positive("energy_ev", energy_ev))
    bands = np.atleast_1d(v.positive("band_energies_ev", band_energies_ev))
    bg = v.nonnegative("background_cm", background_cm)
    onset = bands[min(1, bands.size - 1)] if background_onset_ev is None else v.positive(
        "background_onset_ev", v.scalar("background_onset_ev", background_onset_ev))
    w = v.positive("fwhm_ev", fwhm_ev)
    v.broadcast(**{"energy_ev x band_energies_ev": e[..., None] * bands, "fwhm_ev": w,
                   "alpha_1s_cm": v.positive("alpha_1s_cm", alpha_1s_cm), "background_cm": bg})
    g = np.asarray(statefilling.SHELL_DEGENERACIES[:bands.size], dtype=float)
    background = bg * expit((e - onset) / (w / 2.0))   # 1/(1 + e^-x) without overflow
    alpha0 = background - statefilling.gain_spectrum_cm(e, 0.0, bands, alpha_1s_cm, w, g)
    alpha = background - statefilling.gain_spectrum_cm(e, mean_n, bands, alpha_1s_cm, w, g)
    return {"alpha0": alpha0, "delta_alpha": alpha - alpha0, "alpha": alpha}


def threshold_from_absorption(mean_n, alpha_cm):
    """Read the gain threshold off a measured α(⟨N⟩) curve: its first zero crossing.

    Parameters
    ----------
    mean_n : array_like
        Increasing pump levels ⟨N⟩, >= 0 (at least two points).
    alpha_cm : array_like
        Absorption at a fixed probe energy for each pump level [cm⁻¹].

    Returns
    -------
    float
        ⟨N_th,gain⟩ by linear interpolation between the last absorbing and
        the first amplifying point.

    Raises
    ------
    ValueError
        If α never turns negative within the data (naming ``alpha_cm``).
    """
    n = np.asarray(v.nonnegative("mean_n", mean_n), dtype=float)
    a = np.asarray(v.as_real("alpha_cm", alpha_cm), dtype=float)
    if n.ndim != 1 or n.size < 2 or a.shape != n.shape:
        raise ValueError(f"mean_n must be a 1-D array of at least two pump levels matching "
                         f"alpha_cm, got shapes {n.shape} and {a.shape}")
    if np.any(np.diff(n) <= 0):
        raise ValueError("mean_n must increase strictly, got a non-increasing sequence")
    if a[0] < 0:
        return float(n[0])
    below = np.flatnonzero(a < 0)
    if below.size == 0:
        raise ValueError(f"alpha_cm must turn negative somewhere (gain) to define a threshold, "
                         f"got min {a.min()!r}")
    k = int(below[0])
    return float(n[k - 1] + a[k - 1] * (n[k] - n[k - 1]) / (a[k - 1] - a[k]))


def vsl_intensity(length_cm, a, b, gain_cm):
    """Edge-emitted intensity of a VSL experiment, I(l) = A l + B e^{G l}.

    Equation :math:numref:`rel-3.1-vsl` of the book (review section 3.1.3).

    Parameters
    ----------
    length_cm : float or array_like
        Stripe length l [cm], >= 0.
    a : float
        Spontaneous-emission slope A (intensity per cm), >= 0.
    b : float
        Amplified-emission prefactor B (intensity), >= 0.
    gain_cm : float
        Net gain G [cm⁻¹]; abs(G l) <= 700.

    Notes
    -----
    Review section 3.1.3 (Shaklee & Leheny 1971, doi:10.1063/1.1653501).

    Examples
    --------
    Review section 3.1.3: a fit of this curve to noisy data recovers G. With the
    book's synthetic data (G = 40 cm⁻¹, 8 % noise, seed 7) the fit gives
    38.9 ± 0.6 cm⁻¹, within two standard errors of the truth:

    >>> length = np.linspace(0.0, 0.2, 25)[1:]
    >>> data = vsl_synthetic(length, 1.0, 0.02, 40.0, 0.08, 7)
    >>> fit = fit_vsl(length, data, 0.08)
    >>> print(f"{fit['gain_cm']:.1f} +- {fit['gain_err_cm']:.1f}")
    38.9 +- 0.6
    """
    length = np.asarray(v.nonnegative("length_cm", length_cm))
    a = v.nonnegative("a", a)
    b = v.nonnegative("b", b)
    g = v.as_real("gain_cm", gain_cm)
    v.broadcast(length_cm=length, a=a, b=b, gain_cm=g)
    v.in_range("gain_cm * length_cm", g * length, -700.0, 700.0)
    return (a * length + b * np.exp(g * length))[()]


def vsl_synthetic(length_cm, a, b, gain_cm, relative_noise=0.05, seed=0):
    """Synthetic VSL data: :func:`vsl_intensity` times (1 + noise), noise ~ N(0, relative_noise²).

    Parameters
    ----------
    length_cm : array_like
        Stripe lengths [cm], >= 0.
    a, b, gain_cm : float
        As in :func:`vsl_intensity`.
    relative_noise : float, optional
        Standard deviation of the multiplicative noise, in [0, 0.5].
    seed : int, optional
        Seed of ``numpy.random.default_rng`` (>= 0), so pages are reproducible.
    """
    clean = np.asarray(vsl_intensity(length_cm, a, b, gain_cm))
    noise = v.in_range("relative_noise", relative_noise, 0.0, 0.5)
    v.broadcast(length_cm=length_cm, a=a, b=b, gain_cm=gain_cm, relative_noise=noise)
    rng = np.random.default_rng(v.integer("seed", seed, maximum=2**32 - 1))
    return clean * (1.0 + noise * rng.standard_normal(clean.shape))


_MAX_EXPONENT = 700.0
"""e^700 ≈ 1e304: the largest growth factor of a VSL fit that float64 holds."""

_MAX_GUESS_EXPONENT = 100.0
"""Largest abs(G) l_max of a starting guess: a stripe's amplified emission saturates long before
a gain of e^100 (1e43), and from further out the fit spends its evaluations in vain."""


def _vsl_model(length, a, b, g):
    # a trial step of the fit may try a huge G: cap the exponent where float64 would overflow
    return a * length + b * np.exp(np.minimum(g * length, _MAX_EXPONENT))


def fit_vsl(length_cm, intensity, relative_noise=0.05, gain_guess_cm=None):
    """Fit I(l) = A l + B e^{G l} to VSL data; return the parameters and their uncertainties.

    Parameters
    ----------
    length_cm : array_like
        Stripe lengths [cm], >= 0, at least four points.
    intensity : array_like
        Measured intensities, > 0, same shape.
    relative_noise : float, optional
        Assumed relative standard deviation of each point, > 0 (sets the
        weights; only their ratios matter with ``absolute_sigma=False``).
    gain_guess_cm : float, optional
        Starting value for G [cm⁻¹], with abs(G) l_max ≤ 100 (a stripe saturates long
        before a gain of e^100); by default from the log-slope of the longest
        third of the stripe lengths.

    Returns
    -------
    dict
        ``gain_cm``, ``gain_err_cm``, ``a``, ``a_err``, ``b``, ``b_err``,
        ``cov`` (covariance matrix) and ``chi2_red`` (reduced χ²).
    """
    length = np.asarray(v.nonnegative("length_cm", length_cm), dtype=float)
    y = np.asarray(v.positive("intensity", intensity), dtype=float)
    if length.ndim != 1 or length.size < 4 or y.shape != length.shape:
        raise ValueError(f"length_cm must be a 1-D array of at least 4 points matching "
                         f"intensity, got shapes {length.shape} and {y.shape}")
    if np.unique(length).size < 4:
        raise ValueError(f"length_cm must hold at least 4 different lengths (allowed: 4 or "
                         f"more distinct values >= 0), got {v._describe(length)}")
    noise = v.positive("relative_noise", relative_noise)
    v.broadcast(relative_noise=noise, length_cm=length)
    # the starting fits use the longest third and the shortest quarter of the lengths, and
    # at least two distinct lengths each (a line through one length is not determined)
    distinct = np.unique(length)
    if gain_guess_cm is None:
        top = length >= min(np.quantile(length, 2 / 3), distinct[-2])
        slope = np.polyfit(length[top], np.log(y[top]), 1)[0]
        g0 = max(slope, 1.0 / np.ptp(length))
    else:
        g_max = _MAX_GUESS_EXPONENT / max(float(length.max()), 1e-300)
        g0 = float(v.in_range("gain_guess_cm", v.scalar("gain_guess_cm", gain_guess_cm),
                              -g_max, g_max))
    small = length <= max(np.quantile(length, 1 / 4), distinct[1])
    a0 = max(float(np.polyfit(length[small], y[small], 1)[0]), 1e-12)
    b0 = max(float(y[-1] * np.exp(-g0 * length[-1])), 1e-12)
    sigma = noise * y
    # a trial step may overflow, and a covariance may be unestimable: the result is checked below
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", OptimizeWarning)
        try:
            popt, pcov = curve_fit(_vsl_model, length, y, p0=(a0, b0, g0), sigma=sigma,
                                   absolute_sigma=False, maxfev=1000,
                                   bounds=([0, 0, -np.inf], [np.inf, np.inf, np.inf]))
        except RuntimeError as err:   # no convergence in maxfev evaluations
            raise ValueError(f"intensity must be described by A l + B e^(G l) starting from "
                             f"gain_guess_cm={g0:g} (allowed: a guess the fit converges from, "
                             f"e.g. the default log-slope); the fit says: {err}") from None
        except ValueError as err:     # scipy's "array must not contain infs or NaNs", unnamed
            raise ValueError(f"length_cm and intensity must keep the fit's residuals and "
                             f"Jacobian finite (allowed: scales on which A l + B e^(G l) and "
                             f"its derivatives stay finite in float64), got length_cm "
                             f"up to {float(length.max()):g} and intensity in "
                             f"[{float(y.min()):g}, {float(y.max()):g}]; the fit says: "
                             f"{err}") from None
    err = np.sqrt(np.diag(pcov))
    with np.errstate(all="ignore"):
        resid = (y - _vsl_model(length, *popt)) / sigma
    if not (np.all(np.isfinite(popt)) and np.all(np.isfinite(err))
            and np.all(np.isfinite(resid))):
        raise ValueError(f"intensity must be fitted by A l + B e^(G l) with finite parameters "
                         f"and uncertainties (allowed: data the model describes); the fit "
                         f"from gain_guess_cm={g0:g} gave {popt} ± {err}")
    return {"a": float(popt[0]), "a_err": float(err[0]), "b": float(popt[1]),
            "b_err": float(err[1]), "gain_cm": float(popt[2]), "gain_err_cm": float(err[2]),
            "cov": pcov, "chi2_red": float(resid @ resid / (length.size - 3))}


def single_exciton_net_gain(energy_ev, exciton_energy_ev, delta_xx_ev, fwhm_ev):
    """Net gain spectrum of singly excited dots with an exciton–exciton interaction Δ_XX.

    Equation :math:numref:`rel-3.2-single-exciton` of the book (review section 3.2.1).

    A dot holding one exciton emits (X → 0) at E_X and absorbs (X → XX) at
    E_X + Δ_XX with the same strength; both bands carry the ensemble's
    Gaussian line width. The result, in units of the peak of one band, is
    line(E − E_X) − line(E − E_X − Δ_XX): zero everywhere for Δ_XX = 0
    (transparency), a full emission band for Δ_XX much larger than the width.

    Parameters
    ----------
    energy_ev : float or array_like
        Photon energy [eV], > 0.
    exciton_energy_ev : float
        Emission energy E_X of the single exciton [eV], > 0.
    delta_xx_ev : float
        Exciton–exciton interaction energy Δ_XX [eV]; > 0 for repulsion,
        < 0 for attraction, abs(Δ_XX) < E_X.
    fwhm_ev : float
        Ensemble line width (full width at half maximum) [eV], > 0.

    Notes
    -----
    Review section 3.2.1 (Klimov et al., Nature 447, 441 (2007),
    doi:10.1038/nature05839).

    Examples
    --------
    Review section 3.2.1: type-II CdS/ZnSe dots reach Δ_XX ≈ 100 meV, twice a
    50-meV line width; at E = E_X the net gain keeps 99.998 % of a full band:

    >>> round(float(single_exciton_net_gain(2.0, 2.0, 0.100, 0.050)), 5)
    0.99998
    """
    e_x = v.positive("exciton_energy_ev", exciton_energy_ev)
    delta = v.as_real("delta_xx_ev", delta_xx_ev)
    v.in_range("delta_xx_ev", delta, -e_x, e_x, closed=False)
    e = v.positive("energy_ev", energy_ev)
    return (statefilling.gaussian_line(e, e_x, fwhm_ev)
            - statefilling.gaussian_line(e, e_x + delta, fwhm_ev))


def single_exciton_peak_gain(delta_xx_ev, fwhm_ev):
    """Largest net gain of :func:`single_exciton_net_gain`, in units of a band's peak.

    Parameters
    ----------
    delta_xx_ev : float or array_like
        Δ_XX [eV], in [−1, 1] eV.
    fwhm_ev : float
        Line width [eV], > 0.

    Returns
    -------
    float or ndarray
        In [0, 1): 0 for Δ_XX = 0, 0.95 at abs(Δ_XX) = FWHM, and within 10⁻⁴
        of 1 once abs(Δ_XX) exceeds twice the line width.

    Notes
    -----
    With x = (E − E_X)/s and d = abs(Δ_XX)/s (s the Gaussian standard
    deviation) the difference e^{−x²/2} − e^{−(x−d)²/2} = −e^{−x²/2} expm1(d(x − d/2))
    (the second form keeps its digits at small d) is largest where its derivative
    −x e^{−x²/2} + (x − d) e^{−(x−d)²/2} vanishes. That derivative is > 0 at x = −1
    (t e^{−t²/2} falls for t > 1, so e^{−1/2} > (1 + d) e^{−(1+d)²/2}) and
    −d e^{−d²/2} < 0 at x = 0, so for every d > 0
    the maximum lies in the open interval (−1, 0), where ``scipy.optimize.minimize_scalar``
    (bounded) finds it.
    """
    from scipy.optimize import minimize_scalar

    delta = np.abs(np.asarray(v.in_range("delta_xx_ev", delta_xx_ev, -1.0, 1.0)))
    w = v.positive("fwhm_ev", fwhm_ev)
    s = w / (2.0 * np.sqrt(2.0 * np.log(2.0)))

    def peak(d):
        if d == 0:
            return 0.0
        f = lambda x: np.exp(-0.5 * x**2) * np.expm1(d * (x - 0.5 * d))  # noqa: E731  (minus the gain)
        res = minimize_scalar(f, bounds=(-1.0, 0.0), method="bounded", options={"xatol": 1e-10})
        return float(-res.fun)

    out = np.vectorize(peak, otypes=[float])(delta / s)
    return out[()]


# -- relations of the review that this module computes (see qdbook._relation) -------------
_SEC3 = "chapters/03-practical-gain"


def _line(sp, s, x):
    """Gaussian of unit peak and full width ``s.w`` at half maximum, in the variable x."""
    return sp.exp(-4 * sp.log(2) * x**2 / s.w**2)


RELATIONS = [
    Relation(
        id="rel-3.1-amplification", title="Amplification I_in e^{Gl} with G = ρσ_gain",
        page=f"{_SEC3}/gain-characteristics",
        form=lambda sp, s: s.I_in * sp.exp(s.rho * s.sigma_gain * s.l),
        units={"I_in": "1", "rho": "1/cm3", "sigma_gain": "cm2", "l": "cm", "result": "1"},
        evaluate=lambda I_in, rho, sigma_gain, l: amplified_intensity(  # noqa: E741
            intensity_in=I_in,
            gain_cm=gain.saturated_gain_cm(density_cm3=rho, sigma_gain_cm2=sigma_gain),
            length_cm=l),
        sample={"I_in": uniform(0.1, 10.0), "rho": loguniform(1e16, 1e18),
                "sigma_gain": loguniform(1e-17, 1e-15), "l": uniform(0.0, 0.2)},
    ),
    Relation(
        id="rel-3.1-gain-kinds", title="Net gain from the bulk-equivalent gain",
        page=f"{_SEC3}/gain-characteristics",
        form=lambda sp, s: s.Gamma_NC * s.xi * s.G_B - s.alpha_loss,
        units={"Gamma_NC": "1", "xi": "1", "G_B": "1/cm", "alpha_loss": "1/cm",
               "result": "1/cm"},
        evaluate=lambda Gamma_NC, xi, G_B, alpha_loss: net_gain_cm(
            g_mod_cm=modal_gain_cm(
                g_mat_cm=material_gain_from_bulk_cm(g_bulk_cm=G_B, volume_fraction=xi),
                confinement_factor=Gamma_NC),
            loss_cm=alpha_loss),
        sample={"Gamma_NC": uniform(0.01, 1.0), "xi": uniform(0.01, 1.0),
                "G_B": loguniform(10.0, 1e5), "alpha_loss": uniform(0.0, 500.0)},
    ),
    Relation(
        id="rel-3.1-ta", title="Band-edge absorption of a Poisson-excited ensemble",
        page=f"{_SEC3}/gain-characteristics",
        form=lambda sp, s: s.alpha_0 * ((2 + s.N) * sp.exp(-s.N) - 1),
        units={"N": "1", "alpha_0": "1/cm", "result": "1/cm"},
        evaluate=lambda N, alpha_0: band_edge_absorption_cm(mean_n=N, alpha0_cm=alpha_0),
        sample={"N": uniform(0.0, 8.0), "alpha_0": loguniform(10.0, 1e5)},
    ),
    Relation(
        id="rel-3.1-vsl", title="Edge emission versus stripe length",
        page=f"{_SEC3}/gain-characteristics",
        form=lambda sp, s: s.A * s.l + s.B * sp.exp(s.G * s.l),
        units={"A": "1/cm", "B": "1", "G": "1/cm", "l": "cm", "result": "1"},
        evaluate=lambda A, B, G, l: vsl_intensity(length_cm=l, a=A, b=B, gain_cm=G),  # noqa: E741
        sample={"A": loguniform(1.0, 1e4), "B": loguniform(1e-3, 10.0),
                "G": uniform(0.0, 200.0), "l": uniform(0.0, 0.3)},
    ),
    Relation(
        id="rel-3.2-single-exciton", title="Net gain of singly excited dots with Δ_XX",
        page=f"{_SEC3}/advanced-gain",
        form=lambda sp, s: _line(sp, s, s.E - s.E_X) - _line(sp, s, s.E - s.E_X - s.Delta_XX),
        units={"E": "eV", "E_X": "eV", "Delta_XX": "eV", "w": "eV", "result": "1"},
        evaluate=lambda E, E_X, Delta_XX, w: single_exciton_net_gain(
            energy_ev=E, exciton_energy_ev=E_X, delta_xx_ev=Delta_XX, fwhm_ev=w),
        sample={"E_X": uniform(1.5, 2.5), "Delta_XX": uniform(0.001, 0.2),
                "w": uniform(0.02, 0.2), "E": uniform(1.3, 2.8)},
    ),
]
