"""Inverse design of the chapter-6 devices (qdbook.design) and the stored searches.

The searches take minutes (``make designs``); these tests recompute a sample of
what they stored — frontier points, the best fits — with the package's solver,
and check that the stored file records its inputs and provenance.
"""

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import design
from qdbook import optical_constants as oc

CASES = [
    (design.bragg_mode, dict(stack={"names": ["glass", "air"]}, wavelength_nm=640.0), "stack"),
    (design.bragg_mode, dict(stack=oc.device_stack("BRW device", 640.0, pairs=1),
                             wavelength_nm=-1.0), "wavelength_nm"),
    (design.low_loss_confinement, dict(qd_index=0.5), "qd_index"),
    (design.low_loss_confinement, dict(wavelength_nm=2000.0), "wavelength_nm"),
    (design.low_loss_confinement, dict(organic_index=(1.7,)), "organic_index"),
    (design.ito_lito_shares, dict(zno_nm=-5.0), "zno_nm"),
    (design.ito_lito_shares, dict(qd_index=4.0), "qd_index"),
    (design.brw_design, dict(ito_nm=0.0), "ito_nm"),
    (design.brw_design, dict(design_n_eff=1.9), "design_n_eff"),
    (design.run_searches, dict(seed=-1), "seed"),
    (design.run_searches, dict(n_sample=3), "n_sample"),
    (design.stored_searches, dict(path="/nonexistent/searches.json"), "path"),
    (design.brw_design, dict(pairs=design.MAX_PAIRS + 1), "pairs"),
    (design.brw_design, dict(pairs=-1), "pairs"),
    (design.bragg_mode, dict(stack={"indices": [1.5, 1.0]}, wavelength_nm=640.0), "stack"),
    (design.bragg_mode, dict(stack=oc.device_stack("BRW device", 640.0, pairs=1),
                             wavelength_nm=[640.0, 650.0]), "wavelength_nm"),
    (design.low_loss_confinement, dict(qd_index=[1.8, 1.9]), "qd_index"),
    (design.low_loss_confinement, dict(qd_index=3.5), "qd_index"),
    (design.low_loss_confinement, dict(wavelength_nm=[630.0, 640.0]), "wavelength_nm"),
    (design.low_loss_confinement, dict(organic_index=(1.7, np.nan)), "organic_index"),
    (design.low_loss_confinement, dict(organic_index=(3.0, 1.7)), "organic_index"),
    (design.ito_lito_shares, dict(electrode_nm=[100.0, 150.0]), "electrode_nm"),
    (design.ito_lito_shares, dict(electrode_nm=1000.5), "electrode_nm"),
    (design.ito_lito_shares, dict(qd_nm=[36.0, 48.0]), "qd_nm"),
    (design.ito_lito_shares, dict(organic_nm=[60.0, 90.0]), "organic_nm"),
    (design.ito_lito_shares, dict(qd_index=[1.8, 1.9]), "qd_index"),
    (design.ito_lito_shares, dict(wavelength_nm=1000.0), "wavelength_nm"),
    (design.ito_lito_shares, dict(wavelength_nm=[630.0, 640.0]), "wavelength_nm"),
    (design.brw_design, dict(ito_nm=[50.0, 60.0]), "ito_nm"),
    (design.brw_design, dict(zno_nm=[30.0, 40.0]), "zno_nm"),
    (design.brw_design, dict(qd_nm=[36.0, 48.0]), "qd_nm"),
    (design.brw_design, dict(tfb_nm=[30.0, 40.0]), "tfb_nm"),
    (design.brw_design, dict(hatcn_nm=[10.0, 20.0]), "hatcn_nm"),
    (design.brw_design, dict(hatcn_nm=1000.5), "hatcn_nm"),
    (design.brw_design, dict(design_n_eff=[1.0, 1.2]), "design_n_eff"),
    (design.ito_lito_shares, dict(wavelength_nm=449.5), "wavelength_nm"),
]

STORED = design.stored_searches()
DESIGNS = np.loadtxt(design.SEARCH_FILE.with_name(STORED["brw"]["all_designs_file"]),
                     delimiter=",")


def test_stored_searches_record_inputs_and_provenance():
    inputs, prov = STORED["inputs"], STORED["provenance"]
    assert inputs["seed"] == design.SEED
    assert inputs["brw_bounds"] == {k: list(b) for k, b in design.BRW_BOUNDS.items()}
    assert inputs["ito_lito_bounds"] == {k: list(b) for k, b in design.ITO_LITO_BOUNDS.items()}
    assert {"git_commit", "numpy", "scipy", "database", "date_utc", "run_time_s"} <= set(prov)
    assert DESIGNS.shape == (STORED["brw"]["evaluations"], len(inputs["design_columns"]))


@pytest.mark.parametrize("k", [0, 5, 10])
def test_frontier_points_recomputed(k):
    """A sample of the stored BRW frontier: the package's solver gives the same design again."""
    point = STORED["brw"]["frontier"][min(k, len(STORED["brw"]["frontier"]) - 1)]
    r = design.brw_design(*point["design"])
    assert_allclose(r["gamma_qd"], point["gamma_qd"], rtol=1e-6)
    assert_allclose(r["loss"], point["loss"], rtol=1e-6)
    assert r["gamma_qd"] >= point["gamma_min"]


def test_frontier_is_the_lower_envelope_of_the_stored_designs():
    front = STORED["brw"]["frontier"]
    losses = [p["loss"] for p in front]
    assert losses == sorted(losses)          # more confinement never costs less loss
    for p in front:
        ok = DESIGNS[DESIGNS[:, 6] >= p["gamma_min"]]
        assert_allclose(ok[:, 8].min(), p["loss"], rtol=1e-5)
    lo, hi = np.array(list(design.BRW_BOUNDS.values())).T
    assert np.all(DESIGNS[:, :6] >= lo - 1e-9) and np.all(DESIGNS[:, :6] <= hi + 1e-9)


def test_ito_lito_best_fit_recomputed():
    """The stored best fit of the review's four shares is what the solver gives for it."""
    for fit in STORED["ito_lito"].values():
        r = design.ito_lito_shares(**fit["inputs"])
        misfit = sum((100 * (r[dev]["gamma_electrode"] - el)) ** 2
                     + (100 * (r[dev]["gamma_qd"] - qd)) ** 2
                     for dev, (el, qd) in design.ITO_LITO_TARGETS.items())
        assert_allclose(np.sqrt(misfit / 4), fit["rms_points"], rtol=1e-6, atol=1e-9)


def test_low_loss_index_for_40_percent_recomputed():
    row = STORED["low_loss"]["index_for_40_percent"][0]
    r = design.low_loss_confinement(row["gamma_qd"], row["wavelength_nm"])
    assert abs(r["gamma_qd"] - 0.40) < 1e-4
    best = STORED["low_loss"]["max_gamma_at_1.80"]
    r = design.low_loss_confinement(oc.N_QD_DENSE, best["wavelength_nm"],
                                    tuple(best["organic_index"]))
    assert_allclose(r["gamma_qd"], best["gamma_qd"], rtol=1e-6)


def test_models_agree_with_the_pages_explorations():
    from qdbook.explore import brw_model, budget_model

    assert_allclose(design.brw_design()["loss"], brw_model()["loss"], rtol=1e-9)
    r, b = design.low_loss_confinement(), budget_model()
    assert_allclose([r["gamma_qd"], r["gain_weight_qd"], r["loss"]],
                    [b["gamma_qd"], b["gain_weight_qd"], b["loss"]], rtol=1e-9)


def test_run_searches_checks_its_inputs_before_searching():
    """The hostile run relies on this: every input is checked, then progress says so."""
    with pytest.raises(TypeError, match="progress must be a callable"):
        design.run_searches(progress="abc")
    heard = []

    def stop(message):
        heard.append(message)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        design.run_searches(n_sample=16, progress=stop)
    assert len(heard) == 1 and heard[0].startswith("inputs checked; searching with {")


def test_run_searches_defaults_are_the_stored_settings():
    """Called with its defaults and stopped once the inputs are checked: the settings it says it
    searches with are those the stored file records (so `make designs` remakes that file)."""
    import json

    heard = []

    def stop(message):
        heard.append(message)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        design.run_searches(progress=stop)
    said = json.loads(heard[0].removeprefix("inputs checked; searching with "))
    stored = STORED["inputs"]
    assert said == {"seed": stored["seed"], "n_sample": stored["n_sample"],
                    "de_maxiter": stored["de_maxiter"], "pairs": stored["brw_fixed"]["pairs"],
                    "n_wavelengths": len(STORED["low_loss"]["index_for_40_percent"]),
                    "de_settings": stored["de_settings"]}


def test_frontier_helper_rebuilds_the_stored_frontier_from_the_stored_designs():
    """_frontier: least loss among the designs with gamma_qd >= g, for every g of the list."""
    front = design._frontier(DESIGNS.tolist(), design.FRONTIER_GAMMAS)
    stored = STORED["brw"]["frontier"]
    assert [p["gamma_min"] for p in front] == [p["gamma_min"] for p in stored]
    for mine, theirs in zip(front, stored, strict=True):
        assert_allclose(mine["design"], theirs["design"], rtol=1e-5, atol=1e-6)
        for key in ("gamma_qd", "gain_weight_qd", "loss", "loss_ito", "loss_ag"):
            assert_allclose(mine[key], theirs[key], rtol=1e-5, atol=1e-6)
    # no stored design reaches gamma_qd = 0.99: that point of the frontier is left out
    assert design._frontier(DESIGNS.tolist(), (0.99,)) == []


def test_brw_eval_logs_one_row_per_design():
    """_brw_eval appends [design, gamma_qd, gain weight, loss, ITO loss, Ag loss] to the log."""
    point = STORED["brw"]["frontier"][3]
    log = [[0.0] * 11]
    r = design._brw_eval(np.array(point["design"]), log)
    assert len(log) == 2
    assert_allclose(log[1][:6], point["design"], rtol=1e-15)
    assert_allclose(log[1][6:], [point[k] for k in ("gamma_qd", "gain_weight_qd", "loss",
                                                      "loss_ito", "loss_ag")], rtol=1e-6)
    assert_allclose(r["loss"], log[1][8], rtol=1e-15)
    assert all(isinstance(x, float) for x in log[1])


def test_provenance_names_the_code_and_libraries_of_a_run():
    import calendar
    import platform
    import re
    import subprocess
    import time

    import scipy

    prov = design._provenance()
    assert set(prov) == set(STORED["provenance"]) - {"run_time_s"}
    assert prov["python"] == platform.python_version()
    assert prov["numpy"] == np.__version__ and prov["scipy"] == scipy.__version__
    assert prov["database"] == oc.DATABASE_PACKAGE
    stamp = calendar.timegm(time.strptime(prov["date_utc"], "%Y-%m-%dT%H:%M:%SZ"))
    assert abs(stamp - time.time()) < 120
    here = design.SEARCH_FILE.parent.parent
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=here, capture_output=True, text=True)
    if head.returncode == 0:     # in a git checkout: the commit and whether the package changed
        assert prov["git_commit"] == head.stdout.strip()
        assert re.fullmatch(r"[0-9a-f]{40}", prov["git_commit"])
        status = subprocess.run(["git", "status", "--porcelain", "--", "."], cwd=here,
                                capture_output=True, text=True).stdout.strip()
        assert prov["package_modified_since_commit"] is bool(status)
    else:                        # a copy outside git (the mutation scratch folder)
        assert prov["git_commit"] == "unknown" and prov["package_modified_since_commit"] is None


def test_stored_searches_reads_the_search_file_by_default():
    import json

    default = design.stored_searches()
    assert default == json.loads(design.SEARCH_FILE.read_text())
    assert default == design.stored_searches(str(design.SEARCH_FILE))
    with pytest.raises(TypeError, match="path must be a str"):
        design.stored_searches(path=3)
    with pytest.raises(ValueError, match="nonexistent/searches.json"):
        design.stored_searches(path="/nonexistent/searches.json")


def test_low_loss_stack_loss_split_sums_to_the_modal_loss():
    """A bound mode: 4 pi Im(n_eff)/lambda = sum_j Gamma_g,j alpha_j (the power theorem)."""
    r = design.low_loss_confinement()
    assert_allclose(sum(r["loss_split"].values()), r["loss"], rtol=1e-10)
    assert r["loss_split"]["Ag"] > 0 and r["loss_split"]["L-ITO"] > 0
    assert_allclose(sum(r["shares"].values()), 1.0, rtol=1e-12)
    assert_allclose(r["shares"][design.QD], r["gamma_qd"], rtol=1e-15)
    stack = oc.device_stack("low-loss stack", 630.0)
    modes = design.ph.guided_modes(stack["indices"], stack["thicknesses_nm"], 630.0, "TE")
    assert r["n_te_modes"] == modes.size


@pytest.mark.parametrize("lam", [400.0, 900.0])
def test_wavelength_range_ends_are_accepted(lam):
    assert 0 < design.low_loss_confinement(wavelength_nm=lam)["gamma_qd"] < 1


def test_ito_lito_shares_accepts_the_data_range_and_refuses_an_unguided_stack():
    """From 450 nm (ZnO's data start) the devices guide TE0; at 900 nm the 286-nm ITO device
    guides no mode any more, which is a ValueError naming the inputs (it was an IndexError)."""
    r = design.ito_lito_shares(wavelength_nm=450.0)
    assert all(0 < d["gamma_qd"] < 1 for d in r.values())
    with pytest.raises(ValueError, match="wavelength_nm must lie in"):
        design.ito_lito_shares(wavelength_nm=400.0)
    with pytest.raises(ValueError, match="must give the ITO device a guided TE mode"):
        design.ito_lito_shares(wavelength_nm=900.0)
    with pytest.raises(ValueError, match="must give the ITO device a guided TE mode"):
        design.ito_lito_shares(electrode_nm=1e-3, zno_nm=1e-3, qd_nm=1e-3, organic_nm=1e-3)


def test_ito_lito_defaults_are_the_device_stacks():
    """Default thicknesses are those of DEVICE_STACKS: the same TE0 as solving the stacks."""
    r = design.ito_lito_shares()
    for device, out in r.items():
        stack = oc.device_stack(device, 630.0)
        mode = design.ph.guided_modes(stack["indices"], stack["thicknesses_nm"], 630.0)[0]
        shares = design.ph.confinement_factors(stack["indices"], stack["thicknesses_nm"], 630.0,
                                               mode)
        assert_allclose(out["n_eff"], mode, rtol=1e-12)
        assert_allclose([out["gamma_electrode"], out["gamma_qd"]], [shares[1], shares[3]],
                        rtol=1e-10)
        assert_allclose(out["loss"], design.ph.modal_loss_cm(mode, 630.0), rtol=1e-10)
        weights = design.ph.gain_confinement_factors(stack["indices"], stack["thicknesses_nm"],
                                                     630.0, mode)
        assert_allclose(out["gain_weight_qd"], weights[3], rtol=1e-10)


def test_thin_layers_down_to_half_a_nanometre_are_accepted():
    assert 0 < design.ito_lito_shares(zno_nm=0.5)["ITO device"]["gamma_qd"] < 1
    assert 0 < design.brw_design(hatcn_nm=0.5)["gamma_qd"] < 1


def test_brw_mirror_beyond_max_pairs_changes_nothing():
    """MAX_PAIRS: the mirror's leakage falls geometrically with the pairs, so the mode of the
    book's design at the most pairs allowed is that of four pairs fewer to 1e-7 (the change is
    9e-8 here; from 10 to 20 pairs it is still 1.4e-4), and one pair more is refused by name."""
    top = design.brw_design(pairs=design.MAX_PAIRS)
    fewer = design.brw_design(pairs=design.MAX_PAIRS - 4)
    assert_allclose([top["loss"], top["gamma_qd"]], [fewer["loss"], fewer["gamma_qd"]],
                    rtol=1e-7)
    assert top["stack"]["names"].count("Nb2O5") == design.MAX_PAIRS
    with pytest.raises(ValueError, match=rf"^pairs must .*\[0, {design.MAX_PAIRS}\]"):
        design.brw_design(pairs=design.MAX_PAIRS + 1)


def test_brw_design_sits_on_the_requested_number_of_pairs():
    r = design.brw_design(pairs=4)
    assert r["stack"]["names"][1:9] == ["Nb2O5", "SiO2"] * 4
    assert r["stack"]["names"][9] != "Nb2O5"
    assert r["stack"] == oc.device_stack("BRW device", oc.BRW_WAVELENGTH_NM, pairs=4,
                                         overrides={0: ("ITO", 50.0), 1: ("ZnO", 30.0),
                                                    2: (design.QD, 36.0),
                                                    3: ("organic", 30.0), 4: ("organic", 10.0)})


# ---------------------------------------------------------------------------- the searches, small
TINY = {"popsize": 1, "maxiter": 1, "polish": False}
"""The smallest differential evolution: max(5, popsize x dimensions) members, one generation."""


def _objective(row, target, gamma_min, loss_max):
    gamma, loss = row[6], row[8]
    if target == "loss":
        return loss + 1e4 * max(0.0, gamma_min - gamma)
    return -gamma + 1e-2 * max(0.0, loss - loss_max)


def test_brw_searches_find_feasible_designs_the_forward_model_confirms():
    """Seed 5 on 2 pairs, 4 samples, the initial populations only (maxiter 0): the sample
    holds designs meeting each constraint (Γ_NC >= 0.22; loss <= 400 cm^-1), so each evolution
    starts from the best of them and ends feasible, and no evaluated design beats what it
    reports, which is what the forward model gives at its design."""
    log, heard = [], []
    out = design._brw_searches(5, 4, {**TINY, "maxiter": 0}, 2, log, heard.append,
                               gamma_min=0.22, loss_max=400.0)
    assert heard == ["BRW sample of 4 done", "BRW search 'least loss with gamma_qd >= 0.22' done",
                     "BRW search 'most gamma_qd with loss <= 400' done"]
    from scipy.stats import qmc

    lo, hi = np.array(list(design.BRW_BOUNDS.values())).T
    sample = lo + qmc.Sobol(d=6, scramble=True, seed=5).random(4) * (hi - lo)
    assert_allclose(np.array(log)[:4, :6], sample, rtol=1e-15)
    arr = np.array(log)
    assert len(log) == 4 + sum(s["evaluations"] for s in out.values())
    start = 4
    for s, target in zip(out.values(), ("loss", "gamma"), strict=True):
        assert s["evaluations"] == 6                  # max(5, 1 x 6 dimensions) members
        rows = arr[start:start + s["evaluations"]]
        start += s["evaluations"]
        x = list(s["design"].values())
        assert list(s["design"]) == list(design.BRW_BOUNDS)
        assert np.all(lo <= x) and np.all(x <= hi)
        r = design.brw_design(*x, pairs=2)
        assert s["gamma_qd"] == r["gamma_qd"] and s["loss"] == r["loss"]
        assert s["gain_weight_qd"] == r["gain_weight_qd"]
        assert s["loss_ito"] == r["loss_split"]["ITO"] and s["loss_ag"] == r["loss_split"]["Ag"]
        best = min(_objective(row, target, 0.22, 400.0) for row in rows)
        assert _objective([*x, r["gamma_qd"], 0, r["loss"]], target, 0.22, 400.0) == best
        if target == "loss":
            assert s["gamma_qd"] >= 0.22
            assert s["loss"] <= arr[:4][arr[:4, 6] >= 0.22][:, 8].min()
        else:
            assert s["loss"] <= 400.0
            assert s["gamma_qd"] >= arr[:4][arr[:4, 8] <= 400.0][:, 6].max()
    searches = list(out.values())
    assert searches[0]["design"] != searches[1]["design"]


def test_brw_summary_is_the_envelope_of_the_log():
    """Three designs by hand: the summary picks them by the definitions of its entries."""
    log = [[1, 2, 3, 4, 5, 0.6, 0.25, 0.3, 150.0, 100.0, 40.0],
           [1, 2, 3, 4, 5, 0.7, 0.30, 0.35, 200.0, 120.0, 70.0],
           [1, 2, 3, 4, 5, 0.8, 0.05, 0.06, 12.0, 8.0, 3.0000004]]
    s = design._brw_summary(log, {"x": 1})
    assert s["searches"] == {"x": 1} and s["evaluations"] == 3
    assert s["max_gamma_with_loss_le_16"] == 0.05
    assert s["min_loss_with_gamma_ge_0.22"] == 150.0
    assert s["ag_loss_range_gamma_ge_0.22"] == [40.0, 70.0]
    assert s["frontier"] == design._frontier(log, design.FRONTIER_GAMMAS)
    assert [p["loss"] for p in s["frontier"]] == [12.0, 12.0] + [150.0] * 10 + [200.0] * 3
    assert s["all_designs"][2][10] == 3.0 and s["all_designs"][0] == log[0]
    none = design._brw_summary(log[2:], {})
    assert none["min_loss_with_gamma_ge_0.22"] is None
    assert none["ag_loss_range_gamma_ge_0.22"] is None
    assert design._brw_summary(log[:2], {})["max_gamma_with_loss_le_16"] is None


def test_run_searches_small_records_its_settings_and_results(monkeypatch):
    """A whole run on the smallest settings (about 2 s): inputs say what was run, every stage
    is there, the BRW log has every design evaluated, provenance is that of this run."""
    import json
    import time

    heard, seen = [], []
    solve = design.low_loss_confinement

    def counted(*args):
        r = solve(*args)
        seen.append((args, r))
        return r

    monkeypatch.setattr(design, "low_loss_confinement", counted)
    t0 = time.time()
    out = design.run_searches(5, 16, 1, heard.append, low_loss_de=TINY, ito_lito_de=TINY,
                              brw_de={"popsize": 1}, n_wavelengths=1, pairs=2)
    elapsed = time.time() - t0
    # the low-loss stack: the index row gives Γ = 40 % again, the best design is the best of
    # the evolution's evaluations and is what the solver gives at its inputs
    (row,) = out["low_loss"]["index_for_40_percent"]
    assert row["wavelength_nm"] == design.LOW_LOSS_RANGES["wavelength_nm"][0]
    for key in ("gamma_qd", "gain_weight_qd"):
        # brentq's xtol = 1e-5 in the index, dΓ/dn ~ 0.8: Γ within 1e-5 of 40 %
        assert abs(solve(row[key], row["wavelength_nm"])[key] - 0.40) < 1e-5
    assert row["gain_weight_qd"] < row["gamma_qd"]   # Γ_g = (n/Re n_eff) Γ > Γ: less n
    best = out["low_loss"]["max_gamma_at_1.80"]
    r = solve(oc.N_QD_DENSE, best["wavelength_nm"], tuple(best["organic_index"]))
    for key in ("gamma_qd", "gain_weight_qd", "n_te_modes"):
        assert r[key] == best[key]
    (lam_lo, lam_hi), (o_lo, o_hi) = design.LOW_LOSS_RANGES.values()
    assert lam_lo <= best["wavelength_nm"] <= lam_hi
    assert all(o_lo <= n <= o_hi for n in best["organic_index"])
    # the evolution's calls are those with organic indices given (the root finding uses the
    # default); one more recomputes the best. 3 dimensions: 5 members, then 5 trials.
    de_calls = [r for args, r in seen if len(args) == 3]
    assert best["evaluations"] == len(de_calls) - 1 == 10
    assert best["gamma_qd"] == max(r["gamma_qd"] for r in de_calls)
    assert all(args[0] == oc.N_QD_DENSE for args, _ in seen if len(args) == 3)
    # the ITO / L-ITO fits: what the solver gives at the fitted inputs, within the bounds
    fits = out["ito_lito"]
    assert list(fits) == ["free index", "n_QD = 1.80"]
    assert fits["n_QD = 1.80"]["inputs"]["qd_index"] == oc.N_QD_DENSE
    for fit in fits.values():
        assert list(fit["inputs"]) == list(design.ITO_LITO_BOUNDS)
        for name, (lo, hi) in design.ITO_LITO_BOUNDS.items():
            assert lo <= fit["inputs"][name] <= hi
        r = design.ito_lito_shares(**fit["inputs"])
        misfit = sum((100 * (r[dev]["gamma_electrode"] - el)) ** 2
                     + (100 * (r[dev]["gamma_qd"] - qd)) ** 2
                     for dev, (el, qd) in design.ITO_LITO_TARGETS.items())
        assert_allclose(fit["rms_points"], np.sqrt(misfit / 4), rtol=1e-12)
        assert fit["evaluations"] == 10       # 5 (4) dimensions: 5 members and 5 trials
        for dev, d in r.items():
            got = fit["result"][dev]
            assert got["n_eff"] == [d["n_eff"].real, d["n_eff"].imag]
            for key in ("gamma_electrode", "gamma_qd", "gain_weight_qd", "loss"):
                assert got[key] == d[key] and isinstance(got[key], float)
    inputs = out["inputs"]
    assert inputs["seed"] == 5 and inputs["n_sample"] == 16 and inputs["de_maxiter"] == 1
    assert inputs["de_settings"] == {"low_loss": TINY, "ito_lito": TINY, "brw": {
        "popsize": 1, "maxiter": 1, "polish": False,
        "x0": "best sampled design meeting the constraint"}}
    assert inputs["brw_fixed"]["pairs"] == 2
    stored = STORED["inputs"]
    for key in ("low_loss_ranges", "ito_lito_bounds", "ito_lito_targets", "brw_bounds",
                "brw_review_point", "frontier_gammas", "design_columns"):
        assert np.array(inputs[key], dtype=object).tolist() == stored[key] or \
            {k: list(b) for k, b in inputs[key].items()} == stored[key]
    assert {k: val for k, val in inputs["brw_fixed"].items() if k != "pairs"} == \
        {k: val for k, val in stored["brw_fixed"].items() if k != "pairs"}
    said = json.loads(heard[0].removeprefix("inputs checked; searching with "))
    assert said == {"seed": 5, "n_sample": 16, "de_maxiter": 1, "pairs": 2, "n_wavelengths": 1,
                    "de_settings": inputs["de_settings"]}
    assert [m.rsplit(" (", 1)[0] for m in heard[1:]] == [
        "low-loss stack done", "ITO/L-ITO fit (free index) done",
        "ITO/L-ITO fit (n_QD = 1.80) done", "BRW sample of 16 done",
        "BRW search 'least loss with gamma_qd >= 0.22' done",
        "BRW search 'most gamma_qd with loss <= 16' done"]
    assert all(m.endswith(" s)") for m in heard[1:])
    assert set(out) == set(STORED)
    assert len(out["low_loss"]["index_for_40_percent"]) == 1
    brw = out["brw"]
    assert set(brw) == set(STORED["brw"]) - {"all_designs_file"} | {"all_designs"}
    assert brw["evaluations"] == len(brw["all_designs"]) == 16 + sum(
        s["evaluations"] for s in brw["searches"].values())
    # no sampled design meets loss <= 16 cm^-1 (none of the design space does, see the stored
    # frontier): that evolution starts from its own population, and its penalty still ranks
    # what it evaluated
    arr = np.array(brw["all_designs"])
    assert np.all(arr[:16, 8] > 16)
    second = brw["searches"]["most gamma_qd with loss <= 16"]
    rows = arr[-second["evaluations"]:]
    assert_allclose(_objective([0] * 6 + [second["gamma_qd"], 0, second["loss"]], "gamma",
                               0.22, 16.0), min(_objective(r, "gamma", 0.22, 16.0) for r in rows),
                    rtol=1e-5)                # the log is rounded to 6 digits
    prov = out["provenance"]
    assert set(prov) == set(STORED["provenance"])
    assert 0 <= prov["run_time_s"] <= elapsed + 0.05


def test_stored_searches_were_made_with_the_default_settings():
    """The defaults of run_searches are the settings recorded in the stored file."""
    import inspect

    stored = STORED["inputs"]
    defaults = {k: p.default for k, p in inspect.signature(design.run_searches).parameters.items()}
    assert defaults["seed"] == stored["seed"] and defaults["n_sample"] == stored["n_sample"]
    assert defaults["de_maxiter"] == stored["de_maxiter"]
    assert defaults["pairs"] == stored["brw_fixed"]["pairs"]
    assert defaults["n_wavelengths"] == len(STORED["low_loss"]["index_for_40_percent"])
    for name, key in (("low_loss_de", "low_loss"), ("ito_lito_de", "ito_lito")):
        assert design._de_settings(name, defaults[name], getattr(design, f"_DE_{key.upper()}")) \
            == stored["de_settings"][key]
    brw = design._de_settings("brw_de", defaults["brw_de"], design._DE_BRW)
    assert {**brw, "maxiter": defaults["de_maxiter"]} == {
        k: val for k, val in stored["de_settings"]["brw"].items() if k != "x0"}


@pytest.mark.parametrize("bad", [3, {"popsize": 0}, {"maxiter": 1001}, {"polish": 1},
                                 {"size": 3}, {"popsize": 2.5}])
def test_de_settings_are_checked_by_name(bad):
    with pytest.raises(ValueError, match=r"^low_loss_de(\['\w+'\])? must"):
        design._de_settings("low_loss_de", bad, design._DE_LOW_LOSS)


def test_de_settings_keep_the_defaults_not_given():
    out = design._de_settings("x", {"maxiter": 1000, "polish": np.bool_(True)},
                              design._DE_LOW_LOSS)
    assert out == {"popsize": 8, "maxiter": 1000, "polish": True}
    assert type(out["polish"]) is bool
    assert design._DE_LOW_LOSS == {"popsize": 8, "maxiter": 30, "polish": False}
    assert design._de_settings("x", {"popsize": 1}, design._DE_BRW) == {"popsize": 1,
                                                                         "polish": False}


def test_provenance_of_a_git_folder_names_its_commit_and_changes(tmp_path):
    import subprocess

    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=tmp_path, check=True)
    (tmp_path / "a.txt").write_text("a")
    subprocess.run([*git, "add", "a.txt"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "a"], cwd=tmp_path, check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=tmp_path, capture_output=True,
                          text=True, check=True).stdout.strip()
    prov = design._provenance(tmp_path)
    assert prov["git_commit"] == head and prov["package_modified_since_commit"] is False
    (tmp_path / "a.txt").write_text("b")
    assert design._provenance(tmp_path)["package_modified_since_commit"] is True
    outside = tmp_path / "plain"
    outside.mkdir()
    (outside / ".git").write_text("not a repository")    # git fails here: no commit to name
    prov = design._provenance(outside)
    assert prov["git_commit"] == "unknown" and prov["package_modified_since_commit"] is None


@pytest.mark.parametrize(("func", "kwargs", "message"), [
    (design.brw_design, dict(design_n_eff=1.9), r"^design_n_eff must lie in \[0, 1\.5\]"),
    (design.brw_design, dict(pairs=-1), r"^pairs must be an integer >= 0 \(allowed range "
                                        r"\[0, 20\]\)"),
    (design.ito_lito_shares, dict(wavelength_nm=900.5),
     r"^wavelength_nm must lie in \[450, 900\]"),
    (design.ito_lito_shares, dict(wavelength_nm=449.5),
     r"^wavelength_nm must lie in \[450, 900\]"),
    (design.low_loss_confinement, dict(wavelength_nm=900.5),
     r"^wavelength_nm must lie in \[400, 900\]"),
    (design.run_searches, dict(low_loss_de={"popsize": 1001}),
     r"^low_loss_de\['popsize'\] must be an integer >= 1 \(allowed range \[1, 1000\]\)"),
])
def test_design_ranges_are_the_ones_the_messages_state(func, kwargs, message):
    """Each function checks its own range and says it: the devices' own checks (the DBR's
    index, the stack's pair count, a material's data range) would refuse some of these
    values too, but with another range than the function's documented one."""
    with pytest.raises(ValueError, match=message):
        func(**kwargs)


def test_ito_lito_shares_at_the_edges_of_its_wavelengths():
    """450 nm (the ZnO data's first wavelength) is inside; the shares there are a mode's."""
    r = design.ito_lito_shares(wavelength_nm=450.0)
    for dev in ("ITO device", "L-ITO device"):
        assert 0 < r[dev]["gamma_qd"] < 1 and 0 < r[dev]["gamma_electrode"] < 1


@pytest.mark.parametrize(("func", "message"), [
    (lambda: design.bragg_mode(oc.device_stack("BRW device", 640.0, pairs=1), 640.0),
     r"^stack must guide a TE mode at wavelength_nm = 640\.0; none found$"),
    (lambda: design.low_loss_confinement(wavelength_nm=640.0),
     r"^qd_index, wavelength_nm and organic_index must give the stack a guided TE mode; "
     r"none found at wavelength_nm = 640\.0$")])
def test_no_guided_mode_is_refused_by_name(monkeypatch, func, message):
    """A stack with no TE mode (the mode search stubbed to find none, as it does for the
    ITO device at 900 nm): the refusal names the inputs and the wavelength."""
    monkeypatch.setattr(design.ph, "guided_modes", lambda *a, **k: np.array([]))
    with pytest.raises(ValueError, match=message):
        func()


def test_brw_summary_edges_and_columns():
    """Designs on the edges (Γ = 0.22 exactly, loss = the review's 16 cm⁻¹ exactly) count;
    the loss filter reads the total loss, not the ITO part (most of the first design's loss
    is in the silver), and the Γ filter the power share, not the gain weight."""
    edge = design.BRW_REVIEW_POINT[1]
    log = [[1, 2, 3, 4, 5, 0.6, 0.25, 0.30, 150.0, 10.0, 140.0],
           [1, 2, 3, 4, 5, 0.7, 0.22, 0.26, edge, 6.0, 10.0],
           [1, 2, 3, 4, 5, 0.8, 0.20, 0.23, 12.0, 8.0, 4.0]]
    s = design._brw_summary(log, {})
    assert s["max_gamma_with_loss_le_16"] == 0.22
    assert s["min_loss_with_gamma_ge_0.22"] == edge
    assert s["ag_loss_range_gamma_ge_0.22"] == [10.0, 140.0]


def test_provenance_of_a_repository_without_commits(tmp_path):
    """git init, no commit yet: there is no commit to name (rev-parse fails while status
    works), so neither the commit nor the changes are claimed."""
    import subprocess

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    prov = design._provenance(tmp_path)
    assert prov["git_commit"] == "unknown" and prov["package_modified_since_commit"] is None


def test_provenance_date_is_utc_in_any_time_zone(monkeypatch):
    import calendar
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")   # UTC+9, no daylight saving
    time.tzset()
    try:
        stamp = calendar.timegm(time.strptime(design._provenance()["date_utc"],
                                              "%Y-%m-%dT%H:%M:%SZ"))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert abs(stamp - time.time()) < 120


RUN_RANGES = {"seed": (0, 2**32 - 1), "n_sample": (16, 2**16), "de_maxiter": (1, 1000),
              "n_wavelengths": (1, 100), "pairs": (0, design.MAX_PAIRS)}
"""run_searches' integer inputs and their documented ranges (its docstring)."""


def _checked(**kwargs):
    """run_searches stopped once it has checked its inputs: the settings it says it uses."""
    import json

    heard = []

    def stop(message):
        heard.append(message)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        design.run_searches(progress=stop, **kwargs)
    return json.loads(heard[0].removeprefix("inputs checked; searching with "))


@pytest.mark.parametrize("name", RUN_RANGES)
def test_run_searches_ranges_end_where_the_docstring_says(name):
    """Both ends of each range are accepted (the run starts with them); one beyond either
    end is refused with the name, the range and the value."""
    lo, hi = RUN_RANGES[name]
    for value in (lo, hi):
        assert _checked(**{name: value})[name] == value
    for bad in (lo - 1, hi + 1):
        with pytest.raises(ValueError, match=rf"^{name} must be an integer >= {lo} \(allowed "
                                             rf"range \[{lo}, {hi}\]\), got {bad}$"):
            design.run_searches(**{name: bad})


@pytest.mark.parametrize("name", ["low_loss_de", "ito_lito_de", "brw_de"])
def test_run_searches_names_a_bad_evolution_setting(name):
    for bad in (0, 1001):
        with pytest.raises(ValueError, match=rf"^{name}\['popsize'\] must be an integer >= 1 "
                                             rf"\(allowed range \[1, 1000\]\), got {bad}$"):
            design.run_searches(**{name: {"popsize": bad}})
    assert _checked(**{name: {"popsize": 1000}})["de_settings"][name.removesuffix("_de")][
        "popsize"] == 1000


def test_run_searches_is_reproducible_from_its_seed():
    """Twice the smallest run with one seed (about 2 s each): every stage gives the same
    results, so the seed is handed to every sample and evolution; the run time is recorded
    in seconds to 0.1 s."""
    kwargs = dict(seed=5, n_sample=16, de_maxiter=1, low_loss_de=TINY, ito_lito_de=TINY,
                  brw_de={"popsize": 1}, n_wavelengths=1, pairs=2)
    first, second = design.run_searches(**kwargs), design.run_searches(**kwargs)
    for key in ("low_loss", "ito_lito", "brw"):
        assert first[key] == second[key], key
    seconds = first["provenance"]["run_time_s"]
    assert isinstance(seconds, float) and seconds == round(seconds, 1) and seconds > 0


def test_run_searches_hands_its_seed_to_every_stage_and_times_the_run(monkeypatch):
    """The stages stubbed (their own tests run them) and a fake clock: each stage gets the
    run's seed and settings, each progress message gives the seconds since the run began
    (rounded to whole seconds), and ``run_time_s`` is the run's length to 0.1 s."""
    from types import SimpleNamespace

    ticks = iter([1000.0, 1002.4, 1003.6, 1010.7, 1040.2, 1061.37])
    monkeypatch.setattr(design, "time", SimpleNamespace(time=lambda: next(ticks)))
    got = {}

    def low_loss(seed, de, n_wavelengths):
        got["low_loss"] = (seed, de, n_wavelengths)
        return "low"

    def ito_lito(seed, de, say):
        got["ito_lito"] = (seed, de)
        say("fit one")
        say("fit two")
        return "fits"

    def brw(seed, n_sample, de, pairs, log, say):
        got["brw"] = (seed, n_sample, de, pairs)
        log.append("row")
        say("brw")
        return "searches"

    monkeypatch.setattr(design, "_low_loss_search", low_loss)
    monkeypatch.setattr(design, "_ito_lito_search", ito_lito)
    monkeypatch.setattr(design, "_brw_searches", brw)
    monkeypatch.setattr(design, "_brw_summary", lambda log, searches: (log, searches))
    monkeypatch.setattr(design, "_provenance", lambda: {"git_commit": "abc"})
    heard = []
    out = design.run_searches(77, 32, 3, heard.append, low_loss_de=TINY, ito_lito_de=TINY,
                              brw_de={"popsize": 2}, n_wavelengths=2, pairs=3)
    assert got == {"low_loss": (77, TINY, 2), "ito_lito": (77, TINY),
                   "brw": (77, 32, {"popsize": 2, "polish": False, "maxiter": 3}, 3)}
    assert heard[1:] == ["low-loss stack done (2 s)", "fit one (4 s)", "fit two (11 s)",
                         "brw (40 s)"]
    assert out["provenance"] == {"git_commit": "abc", "run_time_s": 61.4}
    assert out["brw"] == (["row"], "searches") and out["ito_lito"] == "fits"
    assert out["low_loss"] == "low"


def _fake_brw(ito_nm, zno_nm, qd_nm, tfb_nm, hatcn_nm, design_n_eff, pairs=10):
    """A stand-in for brw_design with the trade-off of the real device: more ITO, more loss
    and more Γ_NC. The other columns of the log run the other way (gain weight 1 - Γ, ITO
    loss 1000 - loss), so a search that read the wrong column would pick another design."""
    loss = float(ito_nm)
    gamma = 0.1 + loss / 500.0
    return {"gamma_qd": gamma, "gain_weight_qd": 1.0 - gamma, "loss": loss,
            "loss_split": {"ITO": 1000.0 - loss, "Ag": 5.0}}


@pytest.mark.parametrize("edge", ["on a sampled design", "above every design"])
def test_brw_searches_start_from_the_best_sampled_design_and_keep_the_seed(monkeypatch, edge):
    """_brw_searches with the forward model and the evolution stubbed: each evolution gets the
    run's seed and, as x0, the sampled design with least loss among those with Γ_NC >=
    gamma_min (resp. most Γ_NC among those with loss <= loss_max; a design on the bound
    counts), or none when no sampled design meets the constraint; its objective is the loss
    plus 1e4 per unit of missing Γ_NC (resp. -Γ_NC plus 1e-2 per cm^-1 of excess loss)."""
    import scipy.optimize

    monkeypatch.setattr(design, "brw_design", _fake_brw)
    calls = []

    def fake_de(f, bounds, seed=None, x0=None, **kwargs):
        calls.append({"f": f, "seed": seed, "x0": None if x0 is None else list(x0)})
        return scipy.optimize.OptimizeResult(x=np.array([b[0] for b in bounds]), nfev=1)

    monkeypatch.setattr(scipy.optimize, "differential_evolution", fake_de)
    log = []
    design._brw_searches(11, 16, {}, 2, log, lambda msg: None)     # the sample is log[:16]
    sample = np.array(log[:16])
    k = np.argsort(sample[:, 8])[8]                 # the median loss
    # neither the first design meeting Γ_NC >= Γ_k nor the first with loss <= loss_k is k
    assert np.flatnonzero(sample[:, 6] >= sample[k, 6])[0] != k
    assert np.flatnonzero(sample[:, 8] <= sample[k, 8])[0] != k
    if edge == "on a sampled design":
        gamma_min, loss_max = sample[k, 6], sample[k, 8]
        want = [sample[k, :6].tolist()] * 2
    else:
        gamma_min, loss_max = 0.99, 0.0
        want = [None, None]
    calls.clear()
    design._brw_searches(11, 16, {}, 2, [], lambda msg: None, gamma_min=gamma_min,
                         loss_max=loss_max)
    assert [c["seed"] for c in calls] == [11, 11]
    assert [c["x0"] for c in calls] == want
    loss_f, gamma_f = calls[0]["f"], calls[1]["f"]
    for x in sample[:, :6]:
        r = _fake_brw(*x)
        assert loss_f(x) == r["loss"] + 1e4 * max(0.0, gamma_min - r["gamma_qd"])
        assert gamma_f(x) == -r["gamma_qd"] + 1e-2 * max(0.0, r["loss"] - loss_max)


def test_evolutions_run_every_generation_asked_for_on_a_nearly_flat_objective(monkeypatch):
    """The evolutions stop early only once their population agrees to 1e-8 (1e-6 for the
    BRW) of the objective: on stand-in models whose objective varies by about 1e-4 of
    itself over the bounds (far from converged, but within scipy's default tolerance of
    1e-2), each still runs the maxiter generations asked for, that is max(5, popsize x
    dimensions) members times maxiter + 1 evaluations (no polish)."""
    three = {"popsize": 1, "maxiter": 3, "polish": False}

    def low_loss(qd_index, wavelength_nm=630.0, organic_index=(1.7, 1.7)):
        gamma = 0.40 + 0.5 * (qd_index - 2.0) + 1e-5 * (wavelength_nm - 620.0) \
            + 1e-4 * sum(organic_index)
        return {"gamma_qd": gamma, "gain_weight_qd": gamma, "n_te_modes": 1}

    monkeypatch.setattr(design, "low_loss_confinement", low_loss)
    out = design._low_loss_search(5, three, 1)
    assert out["max_gamma_at_1.80"]["evaluations"] == 5 * 4       # 3 dimensions: 5 members

    monkeypatch.setattr(design, "_ito_lito_misfit", lambda x: 100.0 + 1e-4 * sum(x))
    fits = design._ito_lito_search(5, three, lambda msg: None)
    assert [f["evaluations"] for f in fits.values()] == [5 * 4, 5 * 4]   # 5 and 4 dimensions

    def brw(ito_nm, zno_nm, qd_nm, tfb_nm, hatcn_nm, design_n_eff, pairs=10):
        return {"gamma_qd": 0.3 + 1e-5 * ito_nm, "gain_weight_qd": 0.3,
                "loss": 100.0 + 1e-3 * ito_nm, "loss_split": {"ITO": 1.0, "Ag": 1.0}}

    monkeypatch.setattr(design, "brw_design", brw)
    out = design._brw_searches(5, 16, {"popsize": 1, "polish": False, "maxiter": 3}, 2, [],
                               lambda msg: None, gamma_min=0.22, loss_max=200.0)
    assert [s["evaluations"] for s in out.values()] == [6 * 4, 6 * 4]    # 6 dimensions
