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
    assert heard == ["inputs checked; searching"]


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
