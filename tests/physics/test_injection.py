"""The charge-injection model (qdbook.injection): library solver, hand-derived limits, EL ratio."""

import numpy as np
import pytest
import scipy.linalg
import sympy as sp
from numpy.testing import assert_allclose
from scipy import constants as sc

from qdbook import electrical, injection, pumping

CDSE = dict(radius_nm=2.5, tau_x_ns=20.0, tau_xx_ps=65.0)

RATES = dict(rate_e_per_s=1e8, rate_h_per_s=1e8, tau_x_ns=20.0, tau_xx_ps=65.0,
             tau_trion_ps=257.0, penalty=0.1)

CASES = [
    # (function, kwargs, parameter named in the message)
    (injection.charging_energy_ev, dict(charge=1.5, radius_nm=2.5, eps_r=9.5), "charge"),
    (injection.charging_energy_ev, dict(charge=1, radius_nm=-2.5, eps_r=9.5), "radius_nm"),
    (injection.charging_energy_ev, dict(charge=1, radius_nm=2.5, eps_r=0.5), "eps_r"),
    (injection.coulomb_penalty, dict(radius_nm=2.5, eps_r=9.5, temperature_k=0.0),
     "temperature_k"),
    (injection.coulomb_penalty, dict(radius_nm=2.5, eps_r=np.inf), "eps_r"),
    (injection.trion_lifetime_ps, dict(tau_xx_ps=-65.0, tau_r_x_ns=20.0), "tau_xx_ps"),
    (injection.trion_lifetime_ps, dict(tau_xx_ps=65.0, tau_r_x_ns=0.0), "tau_r_x_ns"),
    (injection.trion_lifetime_ps, dict(tau_xx_ps=6000.0, tau_r_x_ns=20.0), "tau_xx_ps"),
    (injection.generator_matrix, {**RATES, "rate_e_per_s": 0.0}, "rate_e_per_s"),
    (injection.generator_matrix, {**RATES, "penalty": 1.2}, "penalty"),
    (injection.generator_matrix, {**RATES, "tau_trion_ps": -1.0}, "tau_trion_ps"),
    (injection.steady_state, {**RATES, "rate_h_per_s": -1e8}, "rate_h_per_s"),
    (injection.steady_state, {**RATES, "tau_r_x_ns": 0.0}, "tau_r_x_ns"),
    (injection.injection_steady_state, dict(current_density_a_cm2=0.0, **CDSE),
     "current_density_a_cm2"),
    (injection.injection_steady_state, dict(current_density_a_cm2=10.0, **CDSE, penalty=-0.1),
     "penalty"),
    (injection.injection_steady_state, dict(current_density_a_cm2=10.0, **CDSE, fill_factor=2.0),
     "fill_factor"),
    (injection.cycle_crossover_current_a_cm2, {**CDSE, "radius_nm": -1.0}, "radius_nm"),
    (injection.gain_threshold_current_model_a_cm2, {**CDSE, "tau_xx_ps": 0.0}, "tau_xx_ps"),
    (injection.shell_emission_rates, dict(n_excitons=9.0), "n_excitons"),
    (injection.shell_emission_rates, dict(n_excitons=3.0, r0_per_s=0.0), "r0_per_s"),
    (injection.el_intensity_ratio_1p_1s, dict(n_excitons=0.0), "n_excitons"),
    (injection.el_intensity_ratio_1p_1s, dict(n_excitons=-1.0), "n_excitons"),
    (injection.el_crossover_occupancy, dict(target_ratio=4.0), "target_ratio"),
    (injection.el_crossover_occupancy, dict(target_ratio=0.0), "target_ratio"),
]


def test_charging_energy_is_charged_sphere_and_scales_as_q_squared():
    e1 = injection.charging_energy_ev(1, 2.5, 9.5)
    assert_allclose(e1, sc.e / (8 * np.pi * sc.epsilon_0 * 9.5 * 2.5e-9), rtol=1e-12)
    assert_allclose(injection.charging_energy_ev([2, -2, 3], 2.5, 9.5), [4 * e1, 4 * e1, 9 * e1],
                    rtol=1e-12)


def test_coulomb_penalty_is_boltzmann_factor_of_two_charging_energies():
    e1 = injection.charging_energy_ev(1, 4.0, 5.0)
    assert_allclose(injection.coulomb_penalty(4.0, 5.0, 300.0),
                    np.exp(-2 * e1 * sc.e / (sc.k * 300.0)), rtol=1e-12)
    assert injection.coulomb_penalty(2.5, 9.5) < injection.coulomb_penalty(9.4, 9.5) < 1


def test_trion_lifetime_from_eq6_counting():
    # pure radiative limit: tau_XX = tau_r/4 gives tau_X- = tau_r/2
    assert_allclose(injection.trion_lifetime_ps(5000.0, 20.0), 10000.0, rtol=1e-12)
    # Auger-dominated: tau_X- -> 4 tau_XX
    assert_allclose(injection.trion_lifetime_ps(1.0, 1e6), 4.0, rtol=1e-6)


@pytest.fixture
def rates():
    return dict(rate_e_per_s=np.logspace(5, 12, 15), rate_h_per_s=np.logspace(5, 12, 15) * 0.7,
                tau_x_ns=20.0, tau_xx_ps=65.0, tau_trion_ps=257.0, penalty=0.1)


def test_generator_rows_sum_to_zero(rates):
    q = injection.generator_matrix(**rates)
    assert q.shape == (15, 6, 6)
    assert_allclose(q.sum(axis=-1), 0.0, atol=1e-3)
    off = q.copy()
    off[..., np.arange(6), np.arange(6)] = 0
    assert (off >= 0).all()


def test_steady_state_is_normalised_null_vector(rates):
    res = injection.steady_state(**rates)
    assert_allclose(res["P"].sum(axis=-1), 1.0, rtol=1e-12)
    q = injection.generator_matrix(**rates)
    for k in range(15):
        null = scipy.linalg.null_space(q[k].T)
        assert null.shape[1] == 1
        vec = null[:, 0] / null[:, 0].sum()
        assert_allclose(res["P"][k], vec, rtol=1e-7, atol=1e-14)
    # fluxes balance: electrons in = holes in in the steady state
    holes = (res["e"] + res["2e"] + res["X-"]) * rates["rate_h_per_s"]
    assert_allclose(res["electron_rate"], holes, rtol=1e-9)


def test_scalar_in_scalar_out():
    res = injection.injection_steady_state(100.0, **CDSE)
    assert np.ndim(res["gain"]) == 0 and res["P"].shape == (6,)


def test_low_current_limit_is_the_led_cycle():
    """Hand-derived: P_0 = P_e = 1/(2+p), P_2e = p/(2+p), LED flux = g/(2+p), no QLD cycles."""
    for p in (0.0, 0.1, 1.0):
        res = injection.injection_steady_state(1e-5, **CDSE, penalty=p)
        g = res["rate_per_s"]
        assert_allclose([res["0"], res["e"], res["2e"]], [1 / (2 + p), 1 / (2 + p), p / (2 + p)],
                        rtol=1e-4, atol=1e-12)
        assert_allclose(res["led_flux"], g / (2 + p), rtol=1e-4)
        assert res["qld_flux"] / res["led_flux"] < 1e-8
        # without the doubly charged path, QLD/LED -> g^2 tau_X tau_X- (second order)
    res = injection.injection_steady_state(1e-3, **CDSE, penalty=0.0)
    tau_t = injection.trion_lifetime_ps(65.0, 20.0) * 1e-12
    assert_allclose(res["qld_flux"] / res["led_flux"], res["rate_per_s"]**2 * 20e-9 * tau_t,
                    rtol=1e-3)


def _closed_form_no_auger_no_penalty():
    g, k, y = sp.symbols("g k y", positive=True)
    P = sp.symbols("p0:6", nonnegative=True)
    moves = {(0, 1): g, (1, 3): g, (1, 2): g, (2, 4): g, (3, 4): g, (4, 5): g,
             (3, 0): k, (4, 1): 2 * k, (5, 3): 4 * k}
    eqs = [sp.Eq(sum(r * P[i] for (i, j), r in moves.items() if j == s),
                 sum(r for (i, j), r in moves.items() if i == s) * P[s]) for s in range(6)]
    sol = sp.solve(eqs[:-1] + [sp.Eq(sum(P), 1)], P, dict=True)[0]
    return [sp.lambdify(y, sp.simplify(sol[s].subs(g, y * k))) for s in P]


def test_no_auger_no_penalty_matches_sympy_closed_form():
    forms = _closed_form_no_auger_no_penalty()
    tau_r = 20.0
    y = np.logspace(-3, 3, 31)
    g = y / (tau_r * 1e-9)
    res = injection.steady_state(g, g, tau_r, 1e3 * tau_r / 4, 1e3 * tau_r / 2, 1.0)
    closed = np.stack([f(y) * np.ones_like(y) for f in forms], axis=-1)
    assert_allclose(res["P"], closed, rtol=1e-9, atol=1e-15)
    # gain changes sign at y = 2, the three-state threshold of the same limit
    at_2 = injection.steady_state(2 / (tau_r * 1e-9), 2 / (tau_r * 1e-9), tau_r, 5000.0,
                                  10000.0, 1.0)
    assert abs(at_2["gain"]) < 1e-12
    assert_allclose(pumping.cw_gain_threshold_rate_per_s(tau_r, 5000.0) * tau_r * 1e-9, 2.0)


def test_high_current_reaches_biexcitons_and_gain():
    res = injection.injection_steady_state(1e5, **CDSE)
    assert res["XX"] > 0.8 and res["gain"] > 0.8
    assert res["efficiency"] < 0.05            # Auger roll-off


@pytest.mark.parametrize("penalty", [0.0, 0.1, 1.0])
def test_radiative_limit_emits_one_photon_per_electron(penalty):
    """Without Auger decay every recombination is radiative, so in steady state the photon rate
    equals the electron injection rate at every current: efficiency 1 (to 1e-9).

    The state weights r = N_e N_h / tau_r,X (X 1, X- 2, XX 4) are what make this exact: with
    tau_X- = tau_r/2 and tau_XX = tau_r/4 each decay emits one photon. A biexciton weight of 2
    instead of 4 halves the XX photons and fails at high current, where P_XX -> 1.
    """
    tau_r = 20.0
    g = np.logspace(-2, 3, 26) / (tau_r * 1e-9)
    res = injection.steady_state(g, g, tau_r, 1e3 * tau_r / 4, 1e3 * tau_r / 2, penalty)
    assert_allclose(res["efficiency"], 1.0, rtol=1e-9)
    assert res["XX"][-1] > 0.9                  # the top of the range is biexciton-dominated
    assert_allclose(res["photon_rate"],
                    (res["X"] + 2 * res["X-"] + 4 * res["XX"]) / (tau_r * 1e-9), rtol=1e-12)


def test_photon_rate_counts_radiative_decays_with_auger():
    """With Auger decay (tau_XX = 65 ps) the photons are the radiative shares only:
    X at 1/tau_r, X- at 2/tau_r, XX at 4/tau_r (review sec. 6.1.6, r proportional to N_e N_h)."""
    res = injection.injection_steady_state(np.array([1e2, 1e4, 1e5]), **CDSE)
    expected = (res["X"] + 2 * res["X-"] + 4 * res["XX"]) / 20e-9
    assert_allclose(res["photon_rate"], expected, rtol=1e-12)
    assert_allclose(res["efficiency"], expected / res["electron_rate"], rtol=1e-12)


def test_crossovers_order_and_range():
    """The model's gain threshold is 3.23454x eq 8 (rtol 1e-5: the six digits quoted here).

    Eq 8 injects whole excitons; the six-state model injects single carriers, which wait in the
    charged states e, 2e and X- (the trion decays by Auger). Its two limits bound the ratio:
    penalty 1 (no Coulomb blockade of the second electron) gives 2.040, penalty 0 (the review's
    five-state scheme) 3.464; the CdSe penalty lies between, and so does the ratio.
    """
    j_cross = injection.cycle_crossover_current_a_cm2(**CDSE)
    j_gain = injection.gain_threshold_current_model_a_cm2(**CDSE)
    j_eq8 = electrical.gain_threshold_current_density_a_cm2(2.5, 20.0, 65.0)
    assert j_cross < j_gain
    assert abs(injection.injection_steady_state(j_gain, **CDSE)["gain"]) < 1e-9
    limits = [injection.gain_threshold_current_model_a_cm2(**CDSE, penalty=p) / j_eq8
              for p in (1.0, 0.0)]
    assert_allclose(limits, [2.0402, 3.4643], rtol=1e-4)
    assert limits[0] < j_gain / j_eq8 < limits[1]
    assert_allclose(j_gain / j_eq8, 3.23454, rtol=1e-5)
    res = injection.injection_steady_state(j_cross, **CDSE)
    assert_allclose(res["qld_flux"], res["led_flux"], rtol=1e-8)


def test_el_rates_and_ratio():
    r1s, r1p = injection.shell_emission_rates(np.array([1.0, 2.0, 5.0, 8.0]), r0_per_s=3.0)
    assert_allclose(r1s, [1.5, 6.0, 6.0, 6.0])
    assert_allclose(r1p, [0.0, 0.0, 4.5, 18.0])
    n = np.linspace(2.0, 8.0, 13)
    assert_allclose(injection.el_intensity_ratio_1p_1s(n), (n - 2) ** 2 / 12, rtol=1e-12)
    assert_allclose(injection.el_crossover_occupancy(1.0), 2 + np.sqrt(12), rtol=1e-12)
    assert_allclose(injection.el_crossover_occupancy(3.0), 8.0, rtol=1e-12)


def test_model_is_fast():
    import time

    j = np.logspace(-2, 5, 141)
    start = time.perf_counter()
    for _ in range(20):
        injection.injection_steady_state(j, **CDSE)
    assert (time.perf_counter() - start) / 20 < 0.05


# -- conservation laws of the steady state -----------------------------------------------------

def test_every_injected_electron_leaves_by_a_decay():
    """Steady state: electrons in = recombinations out (X → 0, X- → e, XX → X each remove one
    electron–hole pair), and electrons in = holes in (the dot stays neutral on average)."""
    r = injection.steady_state(**RATES)
    p = r["P"]
    ge = gh = 1e8
    kx, kt, kxx = 1 / 20e-9, 1 / 257e-12, 1 / 65e-12
    out = p[3] * kx + p[4] * kt + p[5] * kxx
    assert r["electron_rate"] == pytest.approx(out, rel=1e-9)     # LAPACK solve, round-off
    holes = gh * (p[1] + p[2] + p[4])
    assert r["electron_rate"] == pytest.approx(holes, rel=1e-9)
    assert r["electron_rate"] == pytest.approx(ge * (p[0] + 0.1 * p[1] + p[3]), rel=1e-12)
    assert r["led_flux"] == pytest.approx(p[3] * kx, rel=1e-12)
    assert r["qld_flux"] == pytest.approx(p[5] * kxx, rel=1e-12)
    # G/G_0 = P_XX − P_0 + (P_X- − P_e)/2 from the 1S occupations
    assert r["gain"] == pytest.approx(p[5] - p[0] + (p[4] - p[1]) / 2, abs=1e-12)
    for k, name in enumerate(injection.STATES):
        assert r[name] == p[k]


def test_radiative_time_sets_photon_rate_only():
    """A separate τ_r,X twice τ_X (half the exciton decays radiative) halves the photons and
    the efficiency and leaves the occupations alone."""
    base = injection.steady_state(**RATES)
    slow = injection.steady_state(**RATES, tau_r_x_ns=40.0)
    assert_allclose(slow["P"], base["P"], rtol=0, atol=0)
    assert slow["photon_rate"] == pytest.approx(base["photon_rate"] / 2, rel=1e-14)
    assert slow["efficiency"] == pytest.approx(base["efficiency"] / 2, rel=1e-14)
    with pytest.raises(ValueError, match="^tau_r_x_ns must be > 0"):
        injection.steady_state(**RATES, tau_r_x_ns=0.0)
    with pytest.raises(ValueError, match="^tau_x_ns must be > 0"):
        injection.steady_state(**(RATES | dict(tau_x_ns=-1.0)))


def test_generator_matrix_entries_and_bounds():
    """The table of the module docstring, entry by entry; p = 0 and p = 1 are both allowed."""
    q = injection.generator_matrix(2.0, 3.0, 1e9, 1e12, 1e12 / 4, 0.5)   # τ in ns, ps
    expect = np.zeros((6, 6))
    expect[0, 1], expect[1, 3], expect[1, 2], expect[2, 4] = 2.0, 3.0, 1.0, 3.0
    expect[3, 4], expect[4, 5], expect[3, 0], expect[4, 1], expect[5, 3] = 2.0, 3.0, 1.0, 4.0, 1.0
    np.fill_diagonal(expect, -expect.sum(axis=1))
    assert_allclose(q, expect, rtol=1e-15, atol=1e-15)
    assert injection.generator_matrix(2.0, 3.0, 1.0, 1.0, 1.0, 0.0)[1, 2] == 0.0
    assert injection.generator_matrix(2.0, 3.0, 1.0, 1.0, 1.0, 1.0)[1, 2] == 2.0
    with pytest.raises(ValueError, match="^penalty must"):
        injection.generator_matrix(2.0, 3.0, 1.0, 1.0, 1.0, 1.0 + 1e-9)


# -- charging energy, trion lifetime ----------------------------------------------------------

def test_charging_energy_codata_value():
    """E_c,1 = (e²/4πε0)/(2 ε_r R); e²/4πε0 = 1.439964548 eV nm (CODATA 2018); sign of q
    irrelevant; ε_r = 1 (vacuum) is the lower edge."""
    assert injection.charging_energy_ev(1, 1.0, 1.0) == pytest.approx(1.439964548 / 2, rel=1e-9)
    assert injection.charging_energy_ev(-2, 2.0, 4.0) == pytest.approx(4 * 1.439964548 / 16,
                                                                       rel=1e-9)
    with pytest.raises(ValueError, match=r"^eps_r must lie in \[1, "):
        injection.charging_energy_ev(1, 1.0, 0.999)
    with pytest.raises(ValueError, match="^charge must be an integer number of elementary"):
        injection.charging_energy_ev([1, 1.5], 1.0, 1.0)


def test_trion_lifetime_edge():
    """τ_XX = τ_r,X/4 (purely radiative biexciton) is the longest allowed: then
    1/τ_X- = 1/τ_r,X + 1/τ_r,X, τ_X- = τ_r,X/2; a longer τ_XX is refused."""
    assert injection.trion_lifetime_ps(5000.0, 20.0) == pytest.approx(10000.0, rel=1e-14)
    with pytest.raises(ValueError, match=r"^tau_xx_ps must be <= tau_r_x_ns \* 1000 / 4 \(the "
                                         r"radiative biexciton lifetime\), got 5001"):
        injection.trion_lifetime_ps(5001.0, 20.0)


def test_injection_overrides():
    """An explicit penalty or trion lifetime replaces the computed one; g = σ_e j/e."""
    r = injection.injection_steady_state(10.0, **CDSE, penalty=0.0, tau_trion_ps=100.0)
    assert r["penalty"] == 0.0 and r["2e"] == 0.0          # no doubly charged path
    g = electrical.excitation_rate_per_s(10.0, 2.5, electrical.FILL_FACTOR_REVIEW)
    assert r["rate_per_s"] == pytest.approx(g, rel=1e-15)
    ref = injection.steady_state(g, g, 20.0, 65.0, 100.0, 0.0)
    assert_allclose(r["P"], ref["P"], rtol=1e-15)
    auto = injection.injection_steady_state(10.0, **CDSE)
    assert auto["penalty"] == pytest.approx(injection.coulomb_penalty(2.5, 9.5, 300.0),
                                            rel=1e-15)
    with pytest.raises(ValueError, match="^current_density_a_cm2 must be > 0"):
        injection.injection_steady_state(0.0, **CDSE)
    with pytest.raises(ValueError, match="^tau_x_ns must be > 0"):
        injection.injection_steady_state(10.0, 2.5, 0.0, 65.0, tau_trion_ps=100.0)


def test_crossover_root_outside_range_is_refused():
    with pytest.raises(ValueError, match=r"^radius_nm, tau_x_ns and tau_xx_ps must put the root "
                                         r"inside the current density range \[1e-06, 1e\+08\] "
                                         r"A/cm2, which they do not$"):
        # a biexciton living 10 fs needs far more than 1e8 A/cm2 (j_th grows as 1/τ_XX)
        injection.gain_threshold_current_model_a_cm2(2.5, 20.0, 1e-5)
    for name in ("radius_nm", "tau_x_ns", "tau_xx_ps"):
        with pytest.raises(ValueError, match=f"^{name} must be a single real number"):
            injection.cycle_crossover_current_a_cm2(**(CDSE | {name: [1.0, 2.0]}))
        with pytest.raises(ValueError, match=f"^{name} must be a single real number"):
            injection.gain_threshold_current_model_a_cm2(**(CDSE | {name: [1.0, 2.0]}))


# -- 1S and 1P electroluminescence ------------------------------------------------------------

def test_full_shells_emit_at_g_times_r0():
    """A full shell (N_e = N_h = g) emits at r0 g²/g = g r0: 2 r0 for 1S, 6 r0 for 1P (N = 8);
    one exciton: r0/2; the ratio reaches its maximum 36/12 = 3 at N = 8."""
    r1s, r1p = injection.shell_emission_rates(np.array([1.0, 8.0]), 3.0)
    assert_allclose(r1s, [1.5, 6.0], rtol=1e-15)
    assert_allclose(r1p, [0.0, 18.0], rtol=1e-15)
    assert injection.el_intensity_ratio_1p_1s(8.0) == pytest.approx(3.0, rel=1e-15)
    assert injection.el_intensity_ratio_1p_1s(1e-100) == 0.0
    with pytest.raises(ValueError, match=r"^n_excitons must lie in \(0, 8\]"):
        injection.el_intensity_ratio_1p_1s(0.0)
    with pytest.raises(ValueError, match=r"^n_excitons must lie in \[0, 8\]"):
        injection.shell_emission_rates(8.01)


def test_el_crossover_edges():
    """Ratio 3 is reached only with 1P full (N = 8); ratio 0 has no root in (2, 8]."""
    assert injection.el_crossover_occupancy(3.0) == pytest.approx(8.0, abs=1e-12)
    assert injection.el_crossover_occupancy(1 / 12) == pytest.approx(3.0, abs=1e-12)
    with pytest.raises(ValueError, match=r"^target_ratio must lie in \(0, 3\]"):
        injection.el_crossover_occupancy(0.0)
    with pytest.raises(ValueError, match=r"^target_ratio must lie in \[0, 3\]"):
        injection.el_crossover_occupancy(3.0001)


def test_defaults_and_names_of_the_cycle_model():
    """Defaults: T = 300 K for the penalty, p = exp(−2E_c,1/k_BT) from CODATA's e²/4πε0 and
    k_B; a ratio of 1 for the EL crossover (2 + √12); names of refused inputs anchored."""
    e_c1 = 1.439964548 / (2 * 9.5 * 2.5)                       # eV, R = 2.5 nm, ε_r = 9.5
    assert injection.coulomb_penalty(2.5, 9.5) == pytest.approx(
        np.exp(-2 * e_c1 / (8.617333262e-5 * 300)), rel=1e-8)
    assert injection.el_crossover_occupancy() == pytest.approx(2 + np.sqrt(12), abs=1e-13)
    cold = injection.injection_steady_state(10.0, **CDSE, temperature_k=77.0)
    assert cold["penalty"] == pytest.approx(np.exp(-2 * e_c1 / (8.617333262e-5 * 77)),
                                            rel=1e-8)
    for call, name in [(lambda: injection.charging_energy_ev(np.nan, 2.5, 9.5), "charge"),
                       (lambda: injection.generator_matrix(1, 1, 1, 0.0, 1, 0.1), "tau_xx_ps"),
                       (lambda: injection.injection_steady_state(10.0, **CDSE,
                                                                 penalty=[0.1, 0.2]), "penalty"),
                       (lambda: injection.el_crossover_occupancy([1.0, 2.0]), "target_ratio")]:
        with pytest.raises(ValueError, match=f"^{name} must"):
            call()


def test_crossover_roots_solve_their_equations_with_options():
    """The returned current density is where the two cycles are equally frequent (or the gain
    vanishes) for the options passed on (here the five-state scheme, p = 0)."""
    j = injection.cycle_crossover_current_a_cm2(**CDSE, penalty=0.0)
    r = injection.injection_steady_state(j, **CDSE, penalty=0.0)
    assert r["qld_flux"] / r["led_flux"] == pytest.approx(1.0, rel=1e-9)   # xtol 1e-12 in ln j
    j_g = injection.gain_threshold_current_model_a_cm2(**CDSE, penalty=0.0)
    assert injection.injection_steady_state(j_g, **CDSE, penalty=0.0)["gain"] == pytest.approx(
        0.0, abs=1e-10)
    assert j != injection.cycle_crossover_current_a_cm2(**CDSE)     # p matters


def test_el_crossover_below_n_3():
    """A weak 1P band, I_1P/I_1S = 1/48, is reached at (N − 2)² = 12/48: N = 2.5."""
    assert injection.el_crossover_occupancy(1 / 48) == pytest.approx(2.5, abs=1e-13)


def test_cycle_crossover_of_a_large_slow_dot_lies_below_one_a_per_cm2():
    """R = 10 nm, tau_X = 400 ns, tau_XX = 1 ns: slower decay and a larger dot take the
    crossover down to ~0.5 A/cm2, inside the search range (1e-6 to 1e8 A/cm2); there the
    laser-diode and LED cycle fluxes are equal."""
    big = dict(radius_nm=10.0, tau_x_ns=400.0, tau_xx_ps=1000.0)
    j = injection.cycle_crossover_current_a_cm2(**big)
    assert 0.1 < j < 1.0
    r = injection.injection_steady_state(j, **big)
    assert_allclose(r["qld_flux"], r["led_flux"], rtol=1e-9)
    assert j < injection.cycle_crossover_current_a_cm2(**CDSE)
