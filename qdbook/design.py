r"""Inverse design of the chapter-6 devices with the book's own solver (sec. 6.2–6.4).

The review quotes confinement factors and losses of simulated devices without
all of the inputs behind them (layer thicknesses, the index of the dot film,
the DBR period). This module searches those inputs within stated physical
ranges, with ``scipy.optimize`` and the multilayer solver of
:mod:`qdbook.photonics`, and says what the searches find and rule out:

* :func:`low_loss_confinement` — the low-loss stack of section 6.3.2 for a
  chosen dot index, wavelength and organic indices;
* :func:`ito_lito_shares` — the ITO and L-ITO devices of section 6.2.1 for
  chosen thicknesses and dot index (the review: Γ_ITO 34 → Γ_L-ITO 22 %,
  Γ_NC 18 → 23 %);
* :func:`brw_design` — the Bragg-reflection device of section 6.4.2 for chosen
  thicknesses and DBR period (the review: Γ_NC ≈ 23 %, α ≈ 16 cm⁻¹);
* :func:`run_searches` — the searches themselves (differential evolution,
  seeded, plus a quasi-random sample of the BRW design space whose lower
  envelope is the loss–confinement frontier). They take minutes, so
  ``make designs`` runs them and stores the result, with its inputs and
  provenance, in ``qdbook/data/design_searches.json``;
  :func:`stored_searches` reads it, and the tests recompute a sample of it.

Confinement factors are power shares Γ and gain weights Γ_g = (n/Re n_eff)Γ as
defined in :mod:`qdbook.photonics`; the review's Γ_NC values are compared with
the power share (the quantity a mode solver reports as "confinement factor").
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np

from . import _validate as v
from . import optical_constants as oc
from . import photonics as ph

QD = "QD film (dense)"

ITO_LITO_TARGETS = {"ITO device": (0.34, 0.18), "L-ITO device": (0.22, 0.23)}
"""The review's COMSOL shares, section 6.2.1, as (Γ of the electrode, Γ_NC) per device."""

ITO_LITO_BOUNDS = {"electrode_nm": (50.0, 250.0), "zno_nm": (20.0, 80.0),
                   "qd_nm": (24.0, 72.0), "organic_nm": (30.0, 120.0), "qd_index": (1.6, 2.2)}
"""Search ranges for the ITO/L-ITO devices. Sputtered electrodes of 50–250 nm, ZnO of
20–80 nm, two to six monolayers of 12-nm dots, a TCTA layer of 30–120 nm, and a dot-film
index from a loose film (1.6) to a dense film of thin-shell dots (2.2). Choices of this book."""

BRW_BOUNDS = {"ito_nm": (20.0, 150.0), "zno_nm": (10.0, 60.0), "qd_nm": (24.0, 60.0),
              "tfb_nm": (10.0, 60.0), "hatcn_nm": (5.0, 20.0), "design_n_eff": (0.6, 1.45)}
"""Search ranges for the BRW device, with 10 Nb2O5/SiO2 pairs, 100 nm of Ag and n_QD = 1.80. ITO
20–150 nm (a conducting electrode), ZnO 10–60 nm, two to five monolayers of dots, TFB 10–60
nm, HAT-CN 5–20 nm (ITO to HAT-CN at most 350 nm, the review's device is ~300 nm) and the
in-plane index at which the DBR layers are quarter waves from 0.6 to 1.45 (the period).
Choices of this book: the review gives none of them."""

BRW_REVIEW_POINT = (0.23, 16.0)
"""The review's COMSOL point of the BRW device, section 6.4.2, as Γ_NC ≈ 23 % and α ≈ 16 cm⁻¹."""

LOW_LOSS_RANGES = {"wavelength_nm": (620.0, 650.0), "organic_index": (1.6, 1.9)}
"""Ranges over which the low-loss stack is searched. The dots' emission band and the indices of
amorphous organic transport layers in the red. Choices of this book."""

FRONTIER_GAMMAS = tuple(round(0.02 * k, 2) for k in range(1, 16))
"""Power shares Γ_NC (2 to 30 %) at which the BRW frontier (least loss with Γ ≥ g) is given."""

SEARCH_FILE = Path(__file__).parent / "data" / "design_searches.json"
"""Where ``make designs`` stores :func:`run_searches` (inputs, provenance, results)."""

SEED = 20260601
"""Seed of every random draw of the searches."""

MAX_PAIRS = 20
"""Most Nb2O5/SiO2 pairs :func:`brw_design` accepts: beyond it the mirror no longer changes the
mode. Its leakage falls geometrically with the pairs (about x0.3 per pair at the book's
design): from 20 to 40 pairs the book's design (design_n_eff = 1.0) changes its loss by 6e-10
and Γ_NC by 1e-10 (relative), and the periods design_n_eff = 0.8 to 1.45 of
:data:`BRW_BOUNDS` change by at most 1.4e-5 from 20 to 28 pairs (checked when the bound was
set). A period of 0.6 or less puts the mode at the edge of the stop band, where the mirror
hardly confines it (3 % more loss from 20 to 40 pairs). The searches use 10 pairs; each pair
costs about 0.01 s of solver time."""

_DE_LOW_LOSS = {"popsize": 8, "maxiter": 30, "polish": False}
_DE_ITO_LITO = {"popsize": 8, "maxiter": 40, "polish": True}


# ---------------------------------------------------------------------------- the modes
def bragg_mode(stack, wavelength_nm, n_points=2500):
    """The Bragg-reflection mode: the TE mode (bound or leaky) with most power in the dots.

    Parameters
    ----------
    stack : dict
        A stack of :func:`qdbook.optical_constants.device_stack` (``names``, ``indices``,
        ``thicknesses_nm``) with a layer named ``"QD film (dense)"``.
    wavelength_nm : float
        Vacuum wavelength [nm], inside the data range of every material of the stack
        (:func:`qdbook.optical_constants.wavelength_range_nm`; 450–1000 nm for the BRW).
    n_points : int, optional
        Scan points of :func:`qdbook.photonics.guided_modes` (>= 50).

    Returns
    -------
    tuple
        ``(n_eff, power share of the dots, power shares of every medium)``.
    """
    if not isinstance(stack, dict) or QD not in stack.get("names", ()):
        raise ValueError(f"stack must be a device_stack dict with a {QD!r} layer, got {stack!r}")
    # the stack's indices are the materials' at one wavelength: keep to where all have data
    ranges = [oc.wavelength_range_nm(name) for name in stack["names"]]
    lam = float(v.in_range("wavelength_nm", v.scalar("wavelength_nm", wavelength_nm),
                           max(r[0] for r in ranges), min(r[1] for r in ranges)))
    modes = ph.guided_modes(stack["indices"], stack["thicknesses_nm"], lam, "TE", leaky=True,
                            n_points=n_points)
    mask = np.array([n == QD for n in stack["names"]])
    best = None
    for n_eff in modes:
        gam = ph.confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff, "TE")
        g_qd = float(gam[mask].sum())
        if best is None or g_qd > best[1]:
            best = (n_eff, g_qd, gam)
    if best is None:
        raise ValueError(f"stack must guide a TE mode at wavelength_nm = {lam!r}; none found")
    return best


def _summary(stack, lam, n_eff, shares):
    weights = ph.gain_confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, n_eff)
    names = stack["names"]
    alphas = np.array([ph.absorption_coefficient_cm(complex(k).imag, lam)
                       for k in stack["indices"]])
    parts = weights * alphas
    split = {}
    for name, part in zip(names, parts, strict=True):
        split[name] = split.get(name, 0.0) + float(part)
    qd = np.array([n == QD for n in names])
    return {"n_eff": complex(n_eff), "gamma_qd": float(shares[qd].sum()),
            "gain_weight_qd": float(weights[qd].sum()),
            "loss": float(ph.modal_loss_cm(n_eff, lam)), "loss_split": split,
            "shares": {n: float(sum(g for m, g in zip(names, shares, strict=True) if m == n))
                       for n in dict.fromkeys(names)}}


def low_loss_confinement(qd_index=oc.N_QD_DENSE, wavelength_nm=630.0,
                         organic_index=(oc.N_ORGANIC, oc.N_ORGANIC)):
    """TE₀ of the low-loss stack (section 6.3.2) for a dot index, wavelength and organic indices.

    Parameters
    ----------
    qd_index : float
        Real index of the dot film, in [1.3, 3].
    wavelength_nm : float
        Vacuum wavelength [nm], in [400, 900].
    organic_index : tuple of float
        Indices of the Spiro-2NPB and HAT-CN layers, each in [1.3, 2.5].

    Returns
    -------
    dict
        ``n_eff``, ``gamma_qd`` (power share), ``gain_weight_qd``, ``loss`` [cm⁻¹],
        ``loss_split`` and ``shares`` (per layer name), and ``n_te_modes``.

    Examples
    --------
    The review's Γ_NC ≈ 40 % (section 6.3.2) needs a dense dot film of index 2.0:

    >>> r = low_loss_confinement(qd_index=2.0)
    >>> round(100 * r["gamma_qd"]), round(r["loss"])
    (40, 162)
    """
    n_qd = float(v.in_range("qd_index", v.scalar("qd_index", qd_index), 1.3, 3.0))
    lam = float(v.in_range("wavelength_nm", v.scalar("wavelength_nm", wavelength_nm),
                           400.0, 900.0))
    org = np.atleast_1d(v.in_range("organic_index", organic_index, 1.3, 2.5))
    if org.size != 2:
        raise ValueError(f"organic_index must give two indices (Spiro-2NPB, HAT-CN), "
                         f"got {organic_index!r}")
    stack = oc.device_stack("low-loss stack", lam, overrides={
        1: (n_qd, 95.0), 2: (float(org[0]), 50.0), 3: (float(org[1]), 10.0)})
    stack["names"][2] = QD
    modes = ph.guided_modes(stack["indices"], stack["thicknesses_nm"], lam, "TE")
    if modes.size == 0:
        raise ValueError(f"qd_index, wavelength_nm and organic_index must give the stack a "
                         f"guided TE mode; none found at wavelength_nm = {lam!r}")
    shares = ph.confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, modes[0])
    out = _summary(stack, lam, modes[0], shares)
    out["n_te_modes"] = int(modes.size)
    return out


def ito_lito_shares(electrode_nm=150.0, zno_nm=40.0, qd_nm=36.0, organic_nm=60.0,
                    qd_index=oc.N_QD_DENSE, wavelength_nm=630.0):
    """TE₀ power shares of the ITO and L-ITO devices (section 6.2.1) for one set of inputs.

    Parameters
    ----------
    electrode_nm, zno_nm, qd_nm, organic_nm : float
        Thicknesses [nm] of the electrode, ZnO, dot and TCTA layers, each > 0 and <= 1000.
    qd_index : float
        Real index of the dot film, in [1.3, 3].
    wavelength_nm : float
        Vacuum wavelength [nm], in [450, 900] (450 nm: where the ZnO data begin).

    Returns
    -------
    dict
        For ``"ITO device"`` and ``"L-ITO device"``: ``gamma_electrode``, ``gamma_qd``,
        ``gain_weight_qd``, ``loss`` [cm⁻¹] and ``n_eff``.

    Examples
    --------
    The book's assumed devices (review section 6.2.1 quotes 34 → 22 % and 18 → 23 %):

    >>> r = ito_lito_shares()
    >>> [round(100 * r[d][k], 1) for d in ("ITO device", "L-ITO device")
    ...  for k in ("gamma_electrode", "gamma_qd")]
    [49.7, 10.8, 39.3, 13.2]
    """
    d = [float(v.in_range(name, v.scalar(name, val), 1e-3, 1000.0)) for name, val in
         (("electrode_nm", electrode_nm), ("zno_nm", zno_nm), ("qd_nm", qd_nm),
          ("organic_nm", organic_nm))]
    n_qd = float(v.in_range("qd_index", v.scalar("qd_index", qd_index), 1.3, 3.0))
    # the devices' ZnO layer has data from 450 nm on (the other materials from below 400)
    lam = float(v.in_range("wavelength_nm", v.scalar("wavelength_nm", wavelength_nm),
                           oc.wavelength_range_nm("ZnO")[0], 900.0))
    out = {}
    for device, electrode in (("ITO device", "ITO"), ("L-ITO device", "L-ITO")):
        stack = oc.device_stack(device, lam, overrides={
            0: (electrode, d[0]), 1: ("ZnO", d[1]), 2: (n_qd, d[2]), 3: ("organic", d[3])})
        stack["names"][3] = QD
        modes = ph.guided_modes(stack["indices"], stack["thicknesses_nm"], lam, "TE")
        if modes.size == 0:
            raise ValueError(f"electrode_nm, zno_nm, qd_nm, organic_nm, qd_index and "
                             f"wavelength_nm must give the {device} a guided TE mode; none "
                             f"found (thicknesses {d} nm, n_QD = {n_qd}, at {lam} nm)")
        mode = modes[0]
        shares = ph.confinement_factors(stack["indices"], stack["thicknesses_nm"], lam, mode)
        s = _summary(stack, lam, mode, shares)
        out[device] = {"gamma_electrode": float(shares[1]), "gamma_qd": s["gamma_qd"],
                       "gain_weight_qd": s["gain_weight_qd"], "loss": s["loss"],
                       "n_eff": s["n_eff"]}
    return out


def brw_design(ito_nm=50.0, zno_nm=30.0, qd_nm=36.0, tfb_nm=30.0, hatcn_nm=10.0,
               design_n_eff=oc.DBR_DESIGN_N_EFF, pairs=10):
    """Bragg-reflection mode of the BRW device (section 6.4.2) for one design.

    Parameters
    ----------
    ito_nm, zno_nm, qd_nm, tfb_nm, hatcn_nm : float
        Thicknesses [nm] of ITO, ZnO, dots, TFB and HAT-CN, each > 0 and <= 1000.
    design_n_eff : float
        In-plane index at which the DBR layers are quarter waves (the period), in [0, 1.5].
    pairs : int
        Nb2O5/SiO2 bilayers, in [0, :data:`MAX_PAIRS`] (20; beyond it the mode no longer
        changes).

    Returns
    -------
    dict
        ``n_eff``, ``gamma_qd`` (power share), ``gain_weight_qd``, ``loss`` [cm⁻¹],
        ``loss_split`` (first-order loss of each material [cm⁻¹]), ``shares`` and the
        ``stack`` itself.

    Examples
    --------
    The book's assumed design (review section 6.4.2: Γ_NC ≈ 23 %, α ≈ 16 cm⁻¹):

    >>> r = brw_design()
    >>> round(100 * r["gamma_qd"], 1), round(r["loss"])
    (14.1, 365)
    """
    d = [float(v.in_range(name, v.scalar(name, val), 1e-3, 1000.0)) for name, val in
         (("ito_nm", ito_nm), ("zno_nm", zno_nm), ("qd_nm", qd_nm), ("tfb_nm", tfb_nm),
          ("hatcn_nm", hatcn_nm))]
    design = float(v.in_range("design_n_eff", v.scalar("design_n_eff", design_n_eff), 0.0, 1.5))
    pairs = v.integer("pairs", pairs, minimum=0, maximum=MAX_PAIRS)
    lam = oc.BRW_WAVELENGTH_NM
    stack = oc.device_stack("BRW device", lam, pairs=pairs, design_n_eff=design, overrides={
        0: ("ITO", d[0]), 1: ("ZnO", d[1]), 2: (QD, d[2]), 3: ("organic", d[3]),
        4: ("organic", d[4])})
    n_eff, _, shares = bragg_mode(stack, lam)
    out = _summary(stack, lam, n_eff, shares)
    out["stack"] = stack
    return out


# ---------------------------------------------------------------------------- the searches
def _brw_eval(x, log, pairs=10):
    r = brw_design(*x, pairs=pairs)
    log.append([*map(float, x), r["gamma_qd"], r["gain_weight_qd"], r["loss"],
                r["loss_split"].get("ITO", 0.0), r["loss_split"].get("Ag", 0.0)])
    return r


def _frontier(log, gammas):
    arr = np.array(log)
    out = []
    for g in gammas:
        ok = arr[arr[:, 6] >= g]
        if ok.size:
            best = ok[np.argmin(ok[:, 8])]
            out.append({"gamma_min": g, "design": best[:6].tolist(), "gamma_qd": best[6],
                        "gain_weight_qd": best[7], "loss": best[8], "loss_ito": best[9],
                        "loss_ag": best[10]})
    return out


def _provenance(folder=Path(__file__).parent):
    """Commit, whether ``folder`` changed since, versions and date of a run."""
    import platform
    import subprocess

    import scipy

    try:
        commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=folder,
                                capture_output=True, text=True, check=True).stdout.strip()
        dirty = bool(subprocess.run(["git", "status", "--porcelain", "--", "."],
                                    cwd=folder, capture_output=True, text=True,
                                    check=True).stdout.strip())
    except (OSError, subprocess.CalledProcessError):
        commit, dirty = "unknown", None
    return {"git_commit": commit, "package_modified_since_commit": dirty,
            "python": platform.python_version(),
            "numpy": np.__version__, "scipy": scipy.__version__,
            "database": oc.DATABASE_PACKAGE,
            "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


_DE_BRW = {"popsize": 5, "polish": False}
"""Settings of the BRW differential evolutions (their generations are ``de_maxiter``)."""


def _de_settings(name, value, default):
    """``default`` updated by the dict ``value`` (None: the default), each entry checked."""
    if value is None:
        return dict(default)
    if not isinstance(value, dict) or not set(value) <= set(default):
        raise ValueError(f"{name} must be None or a dict with keys among {sorted(default)}, "
                         f"got {value!r}")
    out = dict(default)
    for key, val in value.items():
        if key == "polish":
            if not isinstance(val, (bool, np.bool_)):
                raise ValueError(f"{name}['polish'] must be True or False, got {val!r}")
            out[key] = bool(val)
        else:
            out[key] = v.integer(f"{name}[{key!r}]", val, minimum=1, maximum=1000)
    return out


def _low_loss_search(seed, de, n_wavelengths):
    """The low-loss stack: the dot index for 40 % across the band; what else could give 40 %."""
    from scipy.optimize import brentq, differential_evolution

    lam_lo, lam_hi = LOW_LOSS_RANGES["wavelength_nm"]
    index_40 = []
    for lam in np.linspace(lam_lo, lam_hi, n_wavelengths):
        row = {"wavelength_nm": float(lam)}
        for key in ("gamma_qd", "gain_weight_qd"):
            row[key] = brentq(lambda n, k=key, lam=lam: low_loss_confinement(n, lam)[k] - 0.40,
                              1.7, 2.4, xtol=1e-5)
        index_40.append(row)
    org_lo, org_hi = LOW_LOSS_RANGES["organic_index"]
    best = differential_evolution(
        lambda x: -low_loss_confinement(oc.N_QD_DENSE, x[0], (x[1], x[2]))["gamma_qd"],
        [(lam_lo, lam_hi), (org_lo, org_hi), (org_lo, org_hi)], seed=seed, tol=1e-8, **de)
    r = low_loss_confinement(oc.N_QD_DENSE, best.x[0], tuple(best.x[1:]))
    return {"index_for_40_percent": index_40,
            "max_gamma_at_1.80": {"wavelength_nm": float(best.x[0]),
                                  "organic_index": [float(x) for x in best.x[1:]],
                                  "gamma_qd": r["gamma_qd"],
                                  "gain_weight_qd": r["gain_weight_qd"],
                                  "n_te_modes": r["n_te_modes"],
                                  "evaluations": int(best.nfev)}}


def _ito_lito_misfit(x):
    """Squared misfit [percentage points²] of the four shares to :data:`ITO_LITO_TARGETS`."""
    r = ito_lito_shares(*x)
    return sum((100 * (r[dev]["gamma_electrode"] - el)) ** 2
               + (100 * (r[dev]["gamma_qd"] - qd)) ** 2
               for dev, (el, qd) in ITO_LITO_TARGETS.items())


def _ito_lito_search(seed, de, say):
    """ITO / L-ITO: thicknesses and dot index reproducing the review's four shares."""
    from scipy.optimize import differential_evolution

    names = list(ITO_LITO_BOUNDS)
    fits = {}
    for label, fixed in (("free index", None), ("n_QD = 1.80", oc.N_QD_DENSE)):
        free = names if fixed is None else names[:-1]
        full = (lambda x: list(x)) if fixed is None else (lambda x, f=fixed: [*x, f])
        res = differential_evolution(lambda x, full=full: _ito_lito_misfit(full(x)),
                                     [ITO_LITO_BOUNDS[n] for n in free], seed=seed, tol=1e-8,
                                     **de)
        x_best = full(res.x)
        r = ito_lito_shares(*x_best)
        fits[label] = {"inputs": dict(zip(names, map(float, x_best), strict=True)),
                       "rms_points": float(np.sqrt(res.fun / 4)), "evaluations": int(res.nfev),
                       "result": {dev: {k: (float(val) if not isinstance(val, complex) else
                                            [val.real, val.imag]) for k, val in d.items()}
                                  for dev, d in r.items()}}
        say(f"ITO/L-ITO fit ({label}) done")
    return fits


def _brw_searches(seed, n_sample, de, pairs, log, say, gamma_min=0.22,
                  loss_max=BRW_REVIEW_POINT[1]):
    """BRW device: a quasi-random sample into ``log``, then two constrained evolutions.

    They seek the least loss with Γ_NC >= ``gamma_min`` and the most Γ_NC with loss <=
    ``loss_max`` [cm⁻¹].
    """
    from scipy.optimize import differential_evolution
    from scipy.stats import qmc

    bounds = [BRW_BOUNDS[n] for n in BRW_BOUNDS]
    lo, hi = np.array(bounds).T
    sample = qmc.Sobol(d=len(bounds), scramble=True, seed=seed).random(n_sample)
    for x in lo + sample * (hi - lo):
        _brw_eval(x, log, pairs)
    say(f"BRW sample of {n_sample} done")
    de_out = {}
    for label, target in ((f"least loss with gamma_qd >= {gamma_min:g}", "loss"),
                          (f"most gamma_qd with loss <= {loss_max:g}", "gamma")):
        arr = np.array(log)
        if target == "loss":
            def f(x):
                r = _brw_eval(x, log, pairs)
                return r["loss"] + 1e4 * max(0.0, gamma_min - r["gamma_qd"])
            cand = arr[arr[:, 6] >= gamma_min]
            x0 = cand[np.argmin(cand[:, 8]), :6] if cand.size else None
        else:
            def f(x):
                r = _brw_eval(x, log, pairs)
                return -r["gamma_qd"] + 1e-2 * max(0.0, r["loss"] - loss_max)
            cand = arr[arr[:, 8] <= loss_max]
            x0 = cand[np.argmax(cand[:, 6]), :6] if cand.size else None
        res = differential_evolution(f, bounds, seed=seed, tol=1e-6, x0=x0, **de)
        r = brw_design(*res.x, pairs=pairs)
        de_out[label] = {"design": dict(zip(BRW_BOUNDS, map(float, res.x), strict=True)),
                         "gamma_qd": r["gamma_qd"], "gain_weight_qd": r["gain_weight_qd"],
                         "loss": r["loss"], "loss_ito": r["loss_split"].get("ITO", 0.0),
                         "loss_ag": r["loss_split"].get("Ag", 0.0),
                         "evaluations": int(res.nfev)}
        say(f"BRW search '{label}' done")
    return de_out


def _brw_summary(log, searches):
    """The BRW results: frontier, searches, and what the evaluated designs reach."""
    arr = np.array(log)
    loss_review = BRW_REVIEW_POINT[1]
    low = arr[arr[:, 8] <= loss_review]
    high = arr[arr[:, 6] >= 0.22]
    return {"frontier": _frontier(log, FRONTIER_GAMMAS), "searches": searches,
            "evaluations": len(log),
            "max_gamma_with_loss_le_16": float(low[:, 6].max()) if low.size else None,
            "min_loss_with_gamma_ge_0.22": float(high[:, 8].min()) if high.size else None,
            "ag_loss_range_gamma_ge_0.22": [float(high[:, 10].min()), float(high[:, 10].max())]
            if high.size else None,
            "all_designs": arr.round(6).tolist()}


def run_searches(seed=SEED, n_sample=512, de_maxiter=8, progress=None, *, low_loss_de=None,
                 ito_lito_de=None, brw_de=None, n_wavelengths=4, pairs=10):
    """Run every search of this module (minutes) and return inputs, provenance and results.

    Parameters
    ----------
    seed : int
        Seed of the quasi-random sample and of every differential evolution (>= 0).
    n_sample : int
        Number of designs of the scrambled Sobol sample of :data:`BRW_BOUNDS`, in [16, 65536].
    de_maxiter : int
        Generations of each differential evolution of the BRW device, in [1, 1000].
    progress : callable, optional
        Called with a short message once the inputs are checked and after each stage.
    low_loss_de, ito_lito_de : dict, optional
        ``popsize``, ``maxiter`` (integers in [1, 1000]) and ``polish`` (bool) of the
        differential evolutions of the low-loss stack (default ``popsize=8, maxiter=30,
        polish=False``) and of the ITO/L-ITO fits (default ``8, 40, True``); keys left out
        keep their default.
    brw_de : dict, optional
        ``popsize`` and ``polish`` of the BRW evolutions (default ``5, False``).
    n_wavelengths : int
        Wavelengths of :data:`LOW_LOSS_RANGES` at which the index for 40 % is solved, in
        [1, 100] (default 4: 620, 630, 640, 650 nm).
    pairs : int
        Nb2O5/SiO2 pairs of the BRW device, in [0, :data:`MAX_PAIRS`] (default 10).

    The defaults are the settings of the stored searches (:func:`stored_searches`); smaller
    ones give a quick, coarse search of the same form.

    Returns
    -------
    dict
        ``inputs`` (ranges, targets, seed and settings), ``provenance`` (commit, versions,
        date, run time) and the results ``low_loss``, ``ito_lito`` and ``brw``.
    """
    seed = v.integer("seed", seed, minimum=0, maximum=2**32 - 1)   # numpy seeds are 32-bit
    n_sample = v.integer("n_sample", n_sample, minimum=16, maximum=2**16)
    de_maxiter = v.integer("de_maxiter", de_maxiter, minimum=1, maximum=1000)
    low_de = _de_settings("low_loss_de", low_loss_de, _DE_LOW_LOSS)
    ito_de = _de_settings("ito_lito_de", ito_lito_de, _DE_ITO_LITO)
    brw_de = {**_de_settings("brw_de", brw_de, _DE_BRW), "maxiter": de_maxiter}
    n_wavelengths = v.integer("n_wavelengths", n_wavelengths, minimum=1, maximum=100)
    pairs = v.integer("pairs", pairs, minimum=0, maximum=MAX_PAIRS)
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be a callable or None, got {progress!r}")
    inputs = {"seed": seed, "n_sample": n_sample, "de_maxiter": de_maxiter,
              "de_settings": {"low_loss": low_de, "ito_lito": ito_de,
                              "brw": {"popsize": brw_de["popsize"], "maxiter": de_maxiter,
                                      "polish": brw_de["polish"],
                                      "x0": "best sampled design meeting the constraint"}},
              "low_loss_ranges": LOW_LOSS_RANGES, "ito_lito_bounds": ITO_LITO_BOUNDS,
              "ito_lito_targets": ITO_LITO_TARGETS, "brw_bounds": BRW_BOUNDS,
              "brw_review_point": BRW_REVIEW_POINT, "frontier_gammas": FRONTIER_GAMMAS,
              "brw_fixed": {"pairs": pairs, "ag_nm": 100.0, "qd_index": oc.N_QD_DENSE,
                            "wavelength_nm": oc.BRW_WAVELENGTH_NM},
              "design_columns": [*BRW_BOUNDS, "gamma_qd", "gain_weight_qd", "loss",
                                 "loss_ito", "loss_ag"]}
    t0 = time.time()

    def say(msg):
        if progress is not None:
            progress(f"{msg} ({time.time() - t0:.0f} s)")

    if progress is not None:
        progress("inputs checked; searching with " + json.dumps(
            {"seed": seed, "n_sample": n_sample, "de_maxiter": de_maxiter, "pairs": pairs,
             "n_wavelengths": n_wavelengths, "de_settings": inputs["de_settings"]}))
    low_loss = _low_loss_search(seed, low_de, n_wavelengths)
    say("low-loss stack done")
    fits = _ito_lito_search(seed, ito_de, say)
    log = []
    searches = _brw_searches(seed, n_sample, brw_de, pairs, log, say)
    brw = _brw_summary(log, searches)
    prov = _provenance()
    prov["run_time_s"] = round(time.time() - t0, 1)
    return {"inputs": inputs, "provenance": prov, "low_loss": low_loss, "ito_lito": fits,
            "brw": brw}


def stored_searches(path=None):
    """The stored result of :func:`run_searches` (``make designs`` writes it).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A JSON file written by ``tools/design_searches.py``; default :data:`SEARCH_FILE`.

    Returns
    -------
    dict
        As returned by :func:`run_searches`.
    """
    if path is not None and not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"path must be a str or a pathlib.Path naming a file written by "
                        f"`make designs`, got {path!r}")
    file = Path(SEARCH_FILE if path is None else path)
    if not file.is_file():
        raise ValueError(f"path must name a file written by `make designs`, got {str(file)!r}")
    return json.loads(file.read_text())
