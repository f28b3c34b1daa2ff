"""The multilayer solver: against tmm, analytic slab modes, energy conservation, Γ sums.

Two independent references live here as test code: the closed-form TE₀ mode of an
asymmetric three-layer slab (the package's former ``waveguide.slab_te0_mode``, now a
thin call of :func:`qdbook.photonics.guided_modes`) and the transcendental equations of
a symmetric slab (formerly ``photonics.slab_modes_analytic``).
"""

import numpy as np
import pytest
import tmm  # pinned in requirements.txt: a missing tmm is an error, not a skip
from closed_forms import tm_three_layer_root
from numpy.testing import assert_allclose
from scipy.optimize import brentq

from qdbook import optical_constants as oc
from qdbook import photonics as ph
from qdbook import waveguide


# ---------------------------------------------------------------------------- references
def _te0_residual(n, k0d, n_f, n_s, n_c):
    kappa = np.sqrt(n_f**2 - n**2)
    return (k0d * kappa - np.arctan(np.sqrt(n**2 - n_s**2) / kappa)
            - np.arctan(np.sqrt(n**2 - n_c**2) / kappa))


def _slab_te0_closed_form(thickness_nm, wavelength_nm, n_film, n_substrate, n_cover=1.0):
    """TE₀ (n_eff, Γ) of substrate/film/cover from the dispersion relation (None below cut-off).

    k₀d (n_f² − n²)^½ = arctan[((n² − n_s²)/(n_f² − n²))^½] + arctan[((n² − n_c²)/(n_f² − n²))^½]
    solved with brentq; Γ from the mode profile integrated analytically.
    """
    n_f, n_s, n_c, d = float(n_film), float(n_substrate), float(n_cover), float(thickness_nm)
    k0 = 2.0 * np.pi / float(wavelength_nm)
    lo, hi = max(n_s, n_c), n_f
    eps = 1e-12 * (hi - lo)
    if _te0_residual(lo + eps, k0 * d, n_f, n_s, n_c) <= 0:
        return None
    n = brentq(_te0_residual, lo + eps, hi - eps, args=(k0 * d, n_f, n_s, n_c), xtol=1e-14)
    kappa = k0 * np.sqrt(n_f**2 - n**2)
    g_s = k0 * np.sqrt(n**2 - n_s**2)
    g_c = k0 * np.sqrt(n**2 - n_c**2)
    r = g_s / kappa  # field in the film: cos(kappa x) + r sin(kappa x), x from the substrate side
    film = (d / 2 * (1 + r**2) + (1 - r**2) * np.sin(2 * kappa * d) / (4 * kappa)
            + r * (1 - np.cos(2 * kappa * d)) / (2 * kappa))
    edge = np.cos(kappa * d) + r * np.sin(kappa * d)
    total = film + 1 / (2 * g_s) + edge**2 / (2 * g_c)
    return float(n), float(film / total)


def _slab_modes_analytic(n_core, n_clad, thickness_nm, wavelength_nm, polarization="TE"):
    """Real n_eff of every guided mode of a symmetric lossless slab, fundamental first.

    Even and odd modes satisfy tan(κd/2) = ργ/κ and −cot(κd/2) = ργ/κ with
    κ = k₀(n_core² − n_eff²)^½, γ = k₀(n_eff² − n_clad²)^½ and ρ = 1 (TE) or
    (n_core/n_clad)² (TM); each branch is solved with brentq between its poles.
    """
    core, clad = float(n_core), float(n_clad)
    if not 0 < clad < core:
        raise ValueError(f"n_clad must lie in (0, n_core = {core}), got {n_clad!r}")
    if not thickness_nm > 0:
        raise ValueError(f"thickness_nm must be > 0, got {thickness_nm!r}")
    d = float(thickness_nm)
    k0 = 2 * np.pi / float(wavelength_nm)
    rho = (core / clad) ** 2 if polarization == "TM" else 1.0
    v_half = 0.5 * k0 * d * np.sqrt(core**2 - clad**2)  # half the V-number
    modes = []
    m = 0
    while m * np.pi / 2 < v_half:
        lo, hi = m * np.pi / 2, min((m + 1) * np.pi / 2, v_half)

        def h(u, m=m):
            w = np.sqrt(max(v_half**2 - u**2, 0.0))
            return (u * np.sin(u) - rho * w * np.cos(u) if m % 2 == 0
                    else u * np.cos(u) + rho * w * np.sin(u))

        eps_u = 1e-14 * max(1.0, v_half)
        a, b = lo + eps_u, hi - eps_u
        if b > a and h(a) * h(b) < 0:
            u = brentq(h, a, b, xtol=1e-15, rtol=4 * np.finfo(float).eps, maxiter=200)
            kappa = 2 * u / d
            modes.append(np.sqrt(core**2 - (kappa / k0) ** 2))
        m += 1
    return np.array(modes)


STACK = dict(indices=[1.5, 1.8, 1.0], thicknesses_nm=[500.0])

CASES = [
    (ph.absorption_coefficient_cm, dict(extinction_k=-0.1, wavelength_nm=600.0), "extinction_k"),
    (ph.absorption_coefficient_cm, dict(extinction_k=0.1, wavelength_nm=0.0), "wavelength_nm"),
    (ph.extinction_from_absorption, dict(alpha_cm=-5.0, wavelength_nm=600.0), "alpha_cm"),
    (ph.reflectance_transmittance, dict(**STACK, wavelength_nm=-600.0), "wavelength_nm"),
    (ph.reflectance_transmittance, dict(**STACK, wavelength_nm=600.0, angle_deg=90.0),
     "angle_deg"),
    (ph.reflectance_transmittance, dict(**STACK, wavelength_nm=600.0, polarization="X"),
     "polarization"),
    (ph.reflectance_transmittance, dict(indices=[1.5, 1.8, 1.0], thicknesses_nm=[1.0, 2.0],
                                        wavelength_nm=600.0), "thicknesses_nm"),
    (ph.reflectance_transmittance, dict(indices=[1.5 + 0.1j, 1.8, 1.0], thicknesses_nm=[10.0],
                                        wavelength_nm=600.0), "indices[0]"),
    (ph.reflectance_transmittance, dict(indices=[1.5, -1.8, 1.0], thicknesses_nm=[10.0],
                                        wavelength_nm=600.0), "indices[1]"),
    (ph.layer_absorptance, dict(indices=[1.5, 1.8, 1.0], thicknesses_nm=[-10.0],
                                wavelength_nm=600.0), "thicknesses_nm"),
    (ph.layer_absorptance, dict(indices=[1.5], thicknesses_nm=[], wavelength_nm=600.0),
     "indices"),
    (ph.guided_modes, dict(**STACK, wavelength_nm=np.nan), "wavelength_nm"),
    (ph.guided_modes, dict(**STACK, wavelength_nm=600.0, n_points=3), "n_points"),
    (ph.guided_modes, dict(indices=[1.5, "glass", 1.0], thicknesses_nm=[10.0],
                           wavelength_nm=600.0), "indices[1]"),
    (ph.mode_profile, dict(**STACK, wavelength_nm=600.0, n_eff=-1.6, z_nm=[0.0]), "n_eff"),
    (ph.mode_profile, dict(**STACK, wavelength_nm=600.0, n_eff=1.6, z_nm=[np.inf]), "z_nm"),
    (ph.confinement_factors, dict(**STACK, wavelength_nm=600.0, n_eff=np.nan), "n_eff"),
    (ph.confinement_factors, dict(**STACK, wavelength_nm=600.0, n_eff=1.6, polarization=3),
     "polarization"),
    (ph.gain_confinement_factors, dict(**STACK, wavelength_nm=600.0, n_eff=1.6,
                                       polarization="TM"), "polarization"),
    (ph.gain_confinement_factors, dict(**STACK, wavelength_nm=600.0, n_eff=np.nan), "n_eff"),
    (ph.modal_loss_cm, dict(n_eff=1.6 + 0.001j, wavelength_nm=-1.0), "wavelength_nm"),
    (ph.perturbative_modal_loss_cm, dict(confinement=[1.5], layer_index=[1.8], alpha_cm=[10.0],
                                         n_eff=1.7), "confinement"),
    (ph.perturbative_modal_loss_cm, dict(confinement=[0.5], layer_index=[1.8], alpha_cm=[-1.0],
                                         n_eff=1.7), "alpha_cm"),
    (ph.perturbative_modal_loss_cm, dict(confinement=[0.5], layer_index=[1.8], alpha_cm=[1.0],
                                         n_eff=0.0), "n_eff"),
    (ph.critical_angle_deg, dict(n_clad=1.8, n_wg=1.5), "n_clad/n_wg"),
    (ph.critical_angle_deg, dict(n_clad=-1.0, n_wg=1.5), "n_clad"),
    (ph.modal_angle_deg, dict(n_eff=2.0, n_wg=1.5), "n_eff/n_wg"),
    (ph.modal_angle_deg, dict(n_eff=1.0, n_wg=0.0), "n_wg"),
    # the symmetric-slab reference of these tests (formerly photonics.slab_modes_analytic)
    (_slab_modes_analytic, dict(n_core=1.5, n_clad=1.8, thickness_nm=100.0,
                                wavelength_nm=600.0), "n_clad"),
    (_slab_modes_analytic, dict(n_core=1.8, n_clad=1.5, thickness_nm=0.0,
                                wavelength_nm=600.0), "thickness_nm"),
    (ph.quarter_wave_thickness_nm, dict(n_layer=1.5, wavelength_nm=600.0, n_eff=1.6), "n_eff"),
    (ph.quarter_wave_thickness_nm, dict(n_layer=1.5, wavelength_nm=-600.0), "wavelength_nm"),
    (ph.surface_plasmon_index, dict(eps_metal=-1.0 + 0.1j, eps_dielectric=2.0), "eps_metal"),
    (ph.surface_plasmon_index, dict(eps_metal=-16.0, eps_dielectric=-2.0), "eps_dielectric"),
    (ph.packed_film_gain_cm, dict(sigma_gain_cm2=1e-16, volume_nm3=900.0, packing_fraction=0.9),
     "packing_fraction"),
    (ph.packed_film_gain_cm, dict(sigma_gain_cm2=1e-16, volume_nm3=900.0, packing_fraction=0.0),
     "packing_fraction"),
    (ph.packed_film_gain_cm, dict(sigma_gain_cm2=0.0, volume_nm3=900.0), "sigma_gain_cm2"),
    (ph.net_modal_gain_cm, dict(confinement=1.2, material_gain_cm=700.0, loss_cm=10.0),
     "confinement"),
    (ph.net_modal_gain_cm, dict(confinement=0.2, material_gain_cm=700.0, loss_cm=-10.0),
     "loss_cm"),
    (ph.edge_emission_intensity_w_cm2, dict(power_w=-1e-4, width_um=30.0, thickness_nm=300.0),
     "power_w"),
    (ph.edge_emission_intensity_w_cm2, dict(power_w=1e-4, width_um=30.0, thickness_nm=0.0),
     "thickness_nm"),
    (ph.ase_intensity, dict(spontaneous_rate=1.0, net_gain_cm=10.0, length_cm=-0.1),
     "length_cm"),
    (ph.ase_intensity, dict(spontaneous_rate=-1.0, net_gain_cm=10.0, length_cm=0.1),
     "spontaneous_rate"),
    (ph.ase_intensity, dict(spontaneous_rate=1.0, net_gain_cm=np.inf, length_cm=0.1),
     "net_gain_cm"),
    (ph.photon_energy_to_wavelength_nm, dict(photon_energy_ev=0.0), "photon_energy_ev"),
    (ph.extinction_from_absorption, dict(alpha_cm=5.0, wavelength_nm=0.0), "wavelength_nm"),
    (ph.reflectance_transmittance, dict(**STACK, wavelength_nm=600.0, angle_deg=np.nan),
     "angle_deg"),
    (ph.reflectance_transmittance, dict(**STACK, wavelength_nm=600.0, angle_deg=-10.0),
     "angle_deg"),
    (ph.guided_modes, dict(**STACK, wavelength_nm=600.0, leaky="yes"), "leaky"),
    (ph.guided_modes, dict(**STACK, wavelength_nm=600.0, n_points=10**5 + 1), "n_points"),
    (ph.mode_profile, dict(**STACK, wavelength_nm=600.0, n_eff=[1.6, 1.7], z_nm=[0.0]), "n_eff"),
    (ph.confinement_factors, dict(**STACK, wavelength_nm=600.0, n_eff=[1.6, 1.7]), "n_eff"),
    (ph.modal_loss_cm, dict(n_eff=np.nan, wavelength_nm=600.0), "n_eff"),
    (ph.perturbative_modal_loss_cm, dict(confinement=[-1.5], layer_index=[1.8], alpha_cm=[10.0],
                                         n_eff=1.7), "confinement"),
    (ph.perturbative_modal_loss_cm, dict(confinement=[0.5], layer_index=[0.0], alpha_cm=[10.0],
                                         n_eff=1.7), "layer_index"),
    # shapes that do not broadcast, each argument in turn the odd one out
    (ph.perturbative_modal_loss_cm, dict(confinement=[0.2, 0.3, 0.4], layer_index=[1.8, 1.5],
                                         alpha_cm=[10.0, 0.0], n_eff=1.7), "confinement"),
    (ph.perturbative_modal_loss_cm, dict(confinement=[0.2, 0.3], layer_index=[1.8, 1.5, 1.0],
                                         alpha_cm=[10.0, 0.0], n_eff=1.7), "confinement"),
    (ph.perturbative_modal_loss_cm, dict(confinement=[0.2, 0.3], layer_index=[1.8, 1.5],
                                         alpha_cm=[10.0, 0.0, 1.0], n_eff=1.7), "confinement"),
    (ph.critical_angle_deg, dict(n_clad=1.0, n_wg=-1.5), "n_wg"),
    (ph.modal_angle_deg, dict(n_eff=-1.0, n_wg=1.5), "n_eff"),
    (ph.quarter_wave_thickness_nm, dict(n_layer=0.0, wavelength_nm=600.0), "n_layer"),
    (ph.quarter_wave_thickness_nm, dict(n_layer=1.5, wavelength_nm=600.0, n_eff=-0.5), "n_eff"),
    # n_eff = n_layer: the transverse wavevector vanishes, no thickness is a quarter wave
    (ph.quarter_wave_thickness_nm, dict(n_layer=1.5, wavelength_nm=600.0, n_eff=1.5), "n_eff"),
    (ph.surface_plasmon_index, dict(eps_metal=np.nan, eps_dielectric=2.0), "eps_metal"),
    # Re eps_m = -eps_d: eps_m + eps_d = 0, the plasmon's resonance, no bound wave
    (ph.surface_plasmon_index, dict(eps_metal=-2.0, eps_dielectric=2.0), "eps_metal"),
    (ph.packed_film_gain_cm, dict(sigma_gain_cm2=1e-16, volume_nm3=0.0), "volume_nm3"),
    (ph.net_modal_gain_cm, dict(confinement=0.2, material_gain_cm=np.nan, loss_cm=10.0),
     "material_gain_cm"),
    (ph.edge_emission_intensity_w_cm2, dict(power_w=1e-4, width_um=0.0, thickness_nm=300.0),
     "width_um"),
]


def _random_stack(rng, absorbing=True, metal=False):
    n_layers = int(rng.integers(1, 8))
    layers = 1.2 + 1.5 * rng.random(n_layers) + 0j
    if absorbing:
        layers = layers + 0.3j * rng.random(n_layers)
    if metal:
        layers[rng.integers(0, n_layers)] = 0.06 + 4.0j
    n = [1.0 + 0.6 * rng.random(), *layers, 1.3 + (0.05j * rng.random() if absorbing else 0)]
    d = list(10 + 300 * rng.random(n_layers))
    return n, d


@pytest.mark.parametrize("pol", ["TE", "TM"])
def test_reflectance_matches_tmm(rng, pol):
    """R, T and the absorption of every layer agree with tmm 0.2.0 to 1e-10."""
    worst = 0.0
    for trial in range(60):
        n, d = _random_stack(rng, absorbing=trial % 3 != 0, metal=trial % 4 == 0)
        lam, theta = 350 + 600 * rng.random(), 85 * rng.random()
        ours = ph.reflectance_transmittance(n, d, lam, theta, pol)
        ref = tmm.coh_tmm("s" if pol == "TE" else "p", n, [np.inf, *d, np.inf],
                          np.radians(theta), lam)
        layers = ph.layer_absorptance(n, d, lam, theta, pol)
        worst = max(worst, abs(ours["R"] - ref["R"]), abs(ours["T"] - ref["T"]),
                    np.max(np.abs(layers - tmm.absorp_in_each_layer(ref)[1:-1])))
    assert worst <= 1e-10


def test_vectorised_equals_loop():
    n, d = [1.0, 2.33, 1.47, 2.33, 1.52], [70.0, 110.0, 70.0]
    lam = np.linspace(400, 900, 37)
    ang = np.linspace(0, 80, 9)
    grid = ph.reflectance_transmittance(n, d, lam[:, None], ang[None, :], "TM")["R"]
    loop = np.array([[ph.reflectance_transmittance(n, d, x, a, "TM")["R"] for a in ang]
                     for x in lam])
    assert grid.shape == (37, 9)
    assert_allclose(grid, loop, rtol=0, atol=1e-14)


def test_dispersive_indices_broadcast_over_wavelength():
    lam = np.linspace(450, 800, 50)
    ag = oc.refractive_index("Ag", lam)
    out = ph.reflectance_transmittance([1.52, ag, 1.0], [50.0], lam)
    single = ph.reflectance_transmittance([1.52, complex(ag[7]), 1.0], [50.0], lam[7])
    assert_allclose(out["R"][7], single["R"], rtol=1e-13)


@pytest.mark.parametrize("pol", ["TE", "TM"])
def test_energy_conservation(rng, pol):
    """R + T + sum of layer absorptances = 1; a lossless stack absorbs nothing."""
    for trial in range(40):
        n, d = _random_stack(rng, absorbing=trial % 2 == 0)
        lam, theta = 400 + 400 * rng.random(), 80 * rng.random()
        out = ph.reflectance_transmittance(n, d, lam, theta, pol)
        layers = ph.layer_absorptance(n, d, lam, theta, pol)
        assert abs(out["R"] + out["T"] + layers.sum() - 1) < 1e-12
        assert np.all(layers > -1e-12)
        if trial % 2:
            assert abs(out["A"]) < 1e-12


def test_absorptance_equals_integrated_dissipation():
    """TE, normal incidence: A_j = k0 Im(eps_j) ∫|E|² dz / n_0 by quadrature (independent)."""
    n0, layer, d, lam = 1.0, 1.9 + 0.05j, 180.0, 600.0
    k0 = 2 * np.pi / lam
    a_layer = ph.layer_absorptance([n0, layer, 1.5], [d], lam)[0]
    r = ph.reflectance_transmittance([n0, layer, 1.5], [d], lam)["r"]
    # field inside the layer from the tangential fields at its entrance
    u0, v0 = 1 + r, n0 * (1 - r)
    z = np.linspace(0, d, 20001)
    kz = k0 * layer
    e = u0 * np.cos(kz * z) + 1j * v0 / layer * np.sin(kz * z)
    integral = np.trapezoid(np.abs(e) ** 2, z)
    assert_allclose(k0 * (layer**2).imag * integral / n0, a_layer, rtol=1e-7)


@pytest.mark.parametrize("pol", ["TE", "TM"])
@pytest.mark.parametrize(("n_core", "n_clad", "thickness"), [
    (1.8, 1.5, 900.0), (2.3, 1.45, 400.0), (1.6, 1.52, 2500.0), (3.4, 1.0, 150.0)])
def test_symmetric_slab_matches_analytic(pol, n_core, n_clad, thickness):
    """Every guided mode of a lossless symmetric slab to 1e-9 in n_eff."""
    analytic = _slab_modes_analytic(n_core, n_clad, thickness, 630.0, pol)
    solver = ph.guided_modes([n_clad, n_core, n_clad], [thickness], 630.0, pol)
    assert analytic.size == solver.size >= 1
    assert np.max(np.abs(solver.imag)) == 0
    assert_allclose(solver.real, analytic, rtol=0, atol=1e-9)


def test_confinement_sums_to_one_and_matches_quadrature():
    s = oc.device_stack("low-loss stack", 630.0)
    for pol in ("TE", "TM"):
        for n_eff in ph.guided_modes(s["indices"], s["thicknesses_nm"], 630.0, pol):
            gam = ph.confinement_factors(s["indices"], s["thicknesses_nm"], 630.0, n_eff, pol)
            assert abs(gam.sum() - 1) < 1e-12
    n_eff = ph.guided_modes(s["indices"], s["thicknesses_nm"], 630.0, "TE")[0]
    gam = ph.confinement_factors(s["indices"], s["thicknesses_nm"], 630.0, n_eff, "TE")
    edges = np.concatenate([[0.0], np.cumsum(s["thicknesses_nm"])])
    z = np.linspace(-4000, edges[-1] + 600, 400001)
    inten = np.abs(ph.mode_profile(s["indices"], s["thicknesses_nm"], 630.0, n_eff, z)) ** 2
    total = np.trapezoid(inten, z)
    qd = (z >= edges[1]) & (z <= edges[2])
    assert_allclose(np.trapezoid(inten[qd], z[qd]) / total, gam[2], rtol=2e-4)


def test_weak_loss_perturbation(rng):
    """A weakly absorbing layer: 4π Im(n_eff)/λ → Σ (n_j/n_eff) Γ_j α_j as k → 0."""
    n = [1.52, 1.8, 1.7, 1.6, 1.0]
    d = [120.0, 200.0, 80.0]
    for k in (1e-4, 1e-5):
        lossy = list(n)
        lossy[1] = 1.8 + 1j * k
        lossy[3] = 1.6 + 0.5j * k
        n_eff = ph.guided_modes(lossy, d, 630.0, "TE")[0]
        base = ph.guided_modes(n, d, 630.0, "TE")[0]
        gam = ph.confinement_factors(n, d, 630.0, base, "TE")
        alphas = [ph.absorption_coefficient_cm(k, 630.0), 0.0,
                  ph.absorption_coefficient_cm(0.5 * k, 630.0)]
        pert = ph.perturbative_modal_loss_cm(gam[1:-1], [1.8, 1.7, 1.6], alphas, base.real)
        assert_allclose(ph.modal_loss_cm(n_eff, 630.0), pert, rtol=20 * k)


def _device_te_mode(device):
    """The TE mode the pages budget: TE0, or the Bragg-reflection mode of the BRW device."""
    from qdbook.design import bragg_mode

    lam = {"BRW device": oc.BRW_WAVELENGTH_NM, "dielectric on Ag": 600.0}.get(device, 630.0)
    s = oc.device_stack(device, lam)
    if device == "BRW device":
        return s, lam, bragg_mode(s, lam)[0]
    return s, lam, ph.guided_modes(s["indices"], s["thicknesses_nm"], lam, "TE")[0]


@pytest.mark.parametrize("device", list(oc.DEVICE_STACKS))
def test_gain_weight_is_the_derivative_of_the_modal_loss(device):
    """Γ_g,j = (n_j/Re n_eff) Γ_j equals dα_mod/dα_j of the exact (absorbing, possibly leaky)
    mode, by a central difference in the extinction of every dielectric layer (issue 15), to
    0.5 %; the power share Γ_j is off by the factor n_j/Re n_eff (for the dots 7 to 32 %)."""
    s, lam, mode = _device_te_mode(device)
    weights = ph.gain_confinement_factors(s["indices"], s["thicknesses_nm"], lam, mode)
    shares = ph.confinement_factors(s["indices"], s["thicknesses_nm"], lam, mode, "TE")
    k0 = 2 * np.pi / lam
    dk = 1e-5
    tested = 0
    for j in range(1, len(s["indices"]) - 1):
        n_j = complex(s["indices"][j])
        if (n_j**2).real <= 0 or shares[j] < 1e-3:     # metals, and layers the mode hardly sees
            continue
        loss = []
        for sign in (1, -1):
            eps = np.array(s["indices"], dtype=complex) ** 2
            eps[j] = (n_j + 1j * sign * dk) ** 2
            root, ok = ph._newton(lambda x, eps=eps: ph._dispersion(eps, s["thicknesses_nm"], k0,
                                                                    False, x), np.array([mode]))
            assert ok[0]
            loss.append(float(ph.modal_loss_cm(root[0], lam)))
        slope = (loss[0] - loss[1]) / float(ph.absorption_coefficient_cm(2 * dk, lam))
        assert_allclose(slope, weights[j], rtol=5e-3)
        assert_allclose(weights[j] / shares[j], n_j.real / mode.real, rtol=1e-12)
        tested += 1
    assert tested >= 1
    if "QD film (dense)" in s["names"]:
        j = s["names"].index("QD film (dense)")
        assert 1.05 < weights[j] / shares[j] < 1.35


def test_lossy_modes_have_positive_imaginary_part():
    s = oc.device_stack("ITO device", 630.0)
    modes = ph.guided_modes(s["indices"], s["thicknesses_nm"], 630.0, "TE")
    assert modes.size == 1 and modes[0].imag > 0
    assert_allclose(ph.modal_loss_cm(modes[0], 630.0),
                    4 * np.pi * modes[0].imag / 630e-7, rtol=1e-14)


def test_plasmon_limit_of_thick_dielectric_on_silver():
    s = oc.device_stack("dielectric on Ag", 600.0, overrides={0: ("organic", 3000.0)})
    tm = ph.guided_modes(s["indices"], s["thicknesses_nm"], 600.0, "TM")[0]
    spp = ph.surface_plasmon_index(complex(s["indices"][-1]) ** 2, oc.N_ORGANIC**2)
    assert abs(tm - spp) < 1e-8


def test_leaky_bragg_mode_is_a_root():
    """The BRW mode lies below the substrate index and solves the leaky mode condition."""
    from qdbook.design import bragg_mode

    s = oc.device_stack("BRW device", oc.BRW_WAVELENGTH_NM)
    n_eff, g_qd, _ = bragg_mode(s, oc.BRW_WAVELENGTH_NM)
    assert n_eff.real < s["indices"][0].real and n_eff.imag > 0
    eps = np.array(s["indices"]) ** 2
    k0 = 2 * np.pi / oc.BRW_WAVELENGTH_NM
    f = ph._dispersion(eps, s["thicknesses_nm"], k0, False, np.array([n_eff]))
    scale = np.abs(ph._dispersion(eps, s["thicknesses_nm"], k0, False,
                                  np.array([n_eff + 1e-3])))
    assert abs(f[0]) < 1e-8 * scale[0]


def test_small_formulas():
    assert_allclose(ph.absorption_coefficient_cm(1.0, 4 * np.pi * 1e7 / 1e7), 1e7, rtol=1e-14)
    assert_allclose(ph.extinction_from_absorption(ph.absorption_coefficient_cm(0.3, 500), 500),
                    0.3, rtol=1e-14)
    assert_allclose(ph.critical_angle_deg(1.0, 2.0), 30.0, rtol=1e-14)
    assert_allclose(ph.modal_angle_deg(np.sqrt(2), 2.0), 45.0, rtol=1e-14)
    assert_allclose(ph.quarter_wave_thickness_nm(2.0, 640.0), 80.0, rtol=1e-14)
    assert_allclose(ph.ase_intensity(2.0, 0.0, 0.5), 1.0, rtol=1e-14)
    assert_allclose(ph.ase_intensity(1.0, 10.0, 0.1), (np.e - 1) / 10, rtol=1e-14)
    assert_allclose(ph.photon_energy_to_wavelength_nm(1.93), 642.405, rtol=1e-5)
    assert_allclose(ph.packed_film_gain_cm(1e-16, 1000.0, 0.5), 50.0, rtol=1e-14)
    assert ph.net_modal_gain_cm(0.5, 100.0, 60.0) == -10.0


# ---------------------------------------------------------------------------- one slab solver
def _random_slab(rng):
    """Random lossless asymmetric slab above its TE0 cut-off: (d, lam, n_f, n_s, n_c)."""
    lam = rng.uniform(400.0, 1600.0)
    n_f = rng.uniform(1.3, 3.5)
    n_s, n_c = rng.uniform(1.0, n_f - 0.005, size=2)
    cutoff = waveguide._te0_cutoff_nm(lam, n_f, n_s, n_c)
    d = max(cutoff, 1.0) * np.exp(rng.uniform(np.log(1.02), np.log(2000.0)))
    return min(d, 50000.0), lam, n_f, n_s, n_c


@pytest.mark.parametrize("thickness_nm", [90.0, 113.0, 127.0, 200.0, 300.0, 500.0, 1000.0])
@pytest.mark.parametrize(("wavelength_nm", "n_film", "n_substrate"), [
    (620.0, 1.8, 1.5), (620.0, 1.8, 1.46), (545.0, 1.85, 1.46), (642.4, 1.85, 1.46)])
def test_slab_te0_mode_equals_closed_form_at_book_parameters(thickness_nm, wavelength_nm,
                                                             n_film, n_substrate):
    """waveguide.slab_te0_mode (a call of guided_modes) against the closed-form dispersion
    relation at the films of pages 3.1 and 3.4: 1e-8 in n_eff, 1e-6 in Gamma."""
    ref = _slab_te0_closed_form(thickness_nm, wavelength_nm, n_film, n_substrate)
    n_eff, gamma = waveguide.slab_te0_mode(thickness_nm, wavelength_nm, n_film, n_substrate)
    assert abs(n_eff - ref[0]) < 1e-8
    assert abs(gamma - ref[1]) < 1e-6


def test_slab_te0_mode_equals_closed_form_on_random_slabs(rng):
    """400 random slabs: 400-1600 nm, n_film 1.3-3.5, either cladding the higher one,
    thickness from 1.02x the cut-off up to 50 um (thick slabs have many modes close to
    n_film: the TE0 root must still be the one found)."""
    for _ in range(400):
        d, lam, n_f, n_s, n_c = _random_slab(rng)
        ref = _slab_te0_closed_form(d, lam, n_f, n_s, n_c)
        n_eff, gamma = waveguide.slab_te0_mode(d, lam, n_f, n_s, n_c)
        assert abs(n_eff - ref[0]) < 1e-8, (d, lam, n_f, n_s, n_c)
        assert abs(gamma - ref[1]) < 1e-6, (d, lam, n_f, n_s, n_c)
        assert n_eff == pytest.approx(ph.guided_modes([n_s, n_f, n_c], [d], lam)[0].real,
                                      abs=1e-10)


@pytest.mark.parametrize(("n_substrate", "n_cover"), [(1.5, 1.0), (1.0, 1.5), (1.9, 1.89)])
def test_slab_te0_mode_just_above_and_below_cut_off(n_substrate, n_cover):
    """Just above the TE0 cut-off (n_eff within 1e-8 of the cladding) the mode is still
    found and equals the closed form; just below, ValueError names thickness_nm and the
    cut-off of the closed-form formula."""
    lam, n_f = 620.0, 2.0
    cutoff = waveguide._te0_cutoff_nm(lam, n_f, n_substrate, n_cover)
    hi, lo = max(n_substrate, n_cover), min(n_substrate, n_cover)
    k0 = 2 * np.pi / lam
    formula = (np.arctan(np.sqrt((hi**2 - lo**2) / (n_f**2 - hi**2)))
               / (k0 * np.sqrt(n_f**2 - hi**2)))
    assert cutoff == pytest.approx(formula, rel=1e-14)
    for factor in (1.0001, 1.001, 1.01):
        ref = _slab_te0_closed_form(factor * cutoff, lam, n_f, n_substrate, n_cover)
        n_eff, gamma = waveguide.slab_te0_mode(factor * cutoff, lam, n_f, n_substrate, n_cover)
        assert abs(n_eff - ref[0]) < 1e-10 and abs(gamma - ref[1]) < 1e-8
    with pytest.raises(ValueError, match=rf"^thickness_nm must exceed the TE0 cut-off of "
                                         rf"{cutoff:.1f} nm at wavelength_nm = 620 "):
        waveguide.slab_te0_mode(0.999 * cutoff, lam, n_f, n_substrate, n_cover)
    assert _slab_te0_closed_form(0.999 * cutoff, lam, n_f, n_substrate, n_cover) is None


def test_slab_te0_mode_validation_is_unchanged():
    """The same ValueErrors as the closed-form solver had, each naming its parameter."""
    for kwargs, name in [
            (dict(thickness_nm=300, wavelength_nm=620, n_film=1.4, n_substrate=1.5), "n_film"),
            (dict(thickness_nm=300, wavelength_nm=620, n_film=1.8, n_substrate=1.5,
                  n_cover=1.9), "n_film"),
            (dict(thickness_nm=300, wavelength_nm=620, n_film=11.0, n_substrate=1.5), "n_film"),
            (dict(thickness_nm=300, wavelength_nm=620, n_film=1.8, n_substrate=0.5),
             "n_substrate"),
            (dict(thickness_nm=-3, wavelength_nm=620, n_film=1.8, n_substrate=1.5),
             "thickness_nm"),
            (dict(thickness_nm=20, wavelength_nm=620, n_film=1.8, n_substrate=1.5),
             "thickness_nm"),
            (dict(thickness_nm=300, wavelength_nm=np.nan, n_film=1.8, n_substrate=1.5),
             "wavelength_nm")]:
        with pytest.raises(ValueError, match=f"^{name} must"):
            waveguide.slab_te0_mode(**kwargs)


def test_symmetric_slab_te0_has_no_cut_off():
    """A symmetric slab guides TE0 at any thickness (cut-off 0): 1-nm film, both solvers."""
    ref = _slab_te0_closed_form(1.0, 620.0, 1.8, 1.5, 1.5)
    n_eff, gamma = waveguide.slab_te0_mode(1.0, 620.0, 1.8, 1.5, 1.5)
    assert waveguide._te0_cutoff_nm(620.0, 1.8, 1.5, 1.5) == 0.0
    assert abs(n_eff - ref[0]) < 1e-12 and abs(gamma - ref[1]) < 1e-9
    assert_allclose(n_eff, _slab_modes_analytic(1.8, 1.5, 1.0, 620.0)[0], atol=1e-12)


def test_guided_modes_finds_every_mode_of_thick_slabs():
    """Symmetric slabs up to 40 um (about 100 modes, crowded near n_core): the solver's scan,
    evenly spaced in the transverse wavenumber, finds each mode of the analytic reference."""
    for d in (5000.0, 20000.0, 40000.0):
        analytic = _slab_modes_analytic(1.8, 1.5, d, 630.0)
        solver = ph.guided_modes([1.5, 1.8, 1.5], [d], 630.0, "TE", n_points=4000)
        assert analytic.size == solver.size > 10
        assert_allclose(solver.real, analytic, rtol=0, atol=1e-9)


def test_h_c_comes_from_units():
    """One h c: photonics and waveguide re-export qdbook.units (pages use the old names)."""
    from qdbook import units

    assert waveguide.HC_EV_NM is units.HC_EV_NM
    assert waveguide.photon_wavelength_nm is units.wavelength_nm
    assert ph.photon_energy_to_wavelength_nm is units.wavelength_nm


@pytest.mark.parametrize(("n_core", "n_clad", "thickness"), [
    (1.8, 1.5, 400.0), (2.3, 1.45, 250.0), (3.4, 1.0, 150.0)])
def test_tm_confinement_matches_closed_form_power_share(n_core, n_clad, thickness):
    """TM₀ of a symmetric lossless slab: Γ_core from the closed-form power flux.

    H_y = cos(κz) in the core and cos(κd/2) e^(−γ(|z|−d/2)) outside; S_x ∝ β|H_y|²/ε, so the
    core's share is (I_core/ε_core) / (I_core/ε_core + I_clad/ε_clad). The 1/ε weight moves Γ
    by a factor up to (n_core/n_clad)² (11.6 for 3.4/1.0): dropping it fails by far more than
    the 1e-8 tolerance (set by the solver's n_eff, 1e-9).
    """
    lam = 630.0
    n_eff = _slab_modes_analytic(n_core, n_clad, thickness, lam, "TM")[0]
    k0 = 2 * np.pi / lam
    kappa = k0 * np.sqrt(n_core**2 - n_eff**2)
    gamma = k0 * np.sqrt(n_eff**2 - n_clad**2)
    core = thickness / 2 + np.sin(kappa * thickness) / (2 * kappa)
    clad = np.cos(kappa * thickness / 2) ** 2 / gamma  # both sides
    share = (core / n_core**2) / (core / n_core**2 + clad / n_clad**2)
    solved = ph.guided_modes([n_clad, n_core, n_clad], [thickness], lam, "TM")[0]
    gam = ph.confinement_factors([n_clad, n_core, n_clad], [thickness], lam, solved, "TM")
    assert_allclose(gam[1], share, rtol=1e-8)
    assert_allclose(gam[0], gam[2], rtol=1e-8)
    unweighted = core / (core + clad)
    assert abs(unweighted - share) > 1e-3  # the test separates the weighted share from 1


@pytest.mark.parametrize("thickness_nm", [1e5, 3.4e5])
def test_thick_absorbing_slab_is_two_interfaces_and_beer_lambert(thickness_nm):
    """Through a slab thick enough that no reflection comes back from its far side, R is the
    front face's Fresnel R and T = (n₂/n₀)|t₀₁ t₁₂|² e^(−4πκd/λ); the layer absorbs the rest.
    (The field summed forwards through such a layer cancelled to noise: T was 2e-5 instead
    of 7e-31 at 341.6 µm, found by the hostile run.)"""
    n0, n1, n2, lam = 1.0, 2.5 + 0.01j, 1.5, 620.0
    out = ph.reflectance_transmittance([n0, n1, n2], [thickness_nm], lam)
    t01, t12, r01 = 2 * n0 / (n0 + n1), 2 * n1 / (n1 + n2), (n0 - n1) / (n0 + n1)
    beer = np.exp(-4 * np.pi * n1.imag * thickness_nm / lam)
    assert out["T"] == pytest.approx(n2 / n0 * abs(t01 * t12) ** 2 * beer, rel=1e-6)
    assert out["R"] == pytest.approx(abs(r01) ** 2, rel=1e-6)
    absorbed = ph.layer_absorptance([n0, n1, n2], [thickness_nm], lam)
    assert absorbed.sum() == pytest.approx(1 - out["R"] - out["T"], abs=1e-12)


def test_error_messages_quote_the_offending_input():
    with pytest.raises(ValueError, match=r"got \(1\.5\+0\.1j\)"):
        ph.reflectance_transmittance([1.5 + 0.1j, 1.8, 1.0], [10.0], 600.0)
    # n_eff = 200 makes the field grow by e^(k0 d |Im kz|) > e^600 across the 500-nm film
    with pytest.raises(ValueError, match=r"got 200\.0"):
        ph.confinement_factors(**STACK, wavelength_nm=600.0, n_eff=200.0)
    with pytest.raises(ValueError, match=r"got 200\.0"):
        ph.mode_profile(**STACK, wavelength_nm=600.0, n_eff=200.0, z_nm=[0.0])


def test_perturbative_loss_sums_over_the_last_axis():
    """Two modes at once (rows): each row is sum_j n_j Gamma_j alpha_j / n_eff."""
    gamma = np.array([[0.2, 0.5, 0.1], [0.1, 0.7, 0.05]])
    n = np.array([1.5, 1.8, 1.9])
    alpha = np.array([0.0, 10.0, 600.0])
    both = ph.perturbative_modal_loss_cm(gamma, n, alpha, 1.7)
    assert both.shape == (2,)
    for row, value in zip(gamma, both, strict=True):
        assert_allclose(value, ph.perturbative_modal_loss_cm(row, n, alpha, 1.7), rtol=1e-14)


def test_surface_plasmon_index_is_the_attenuated_root():
    """n_SPP^2 = eps_m eps_d / (eps_m + eps_d): the root with Im n >= 0, either sign of Im eps_m."""
    for em in (-16.0 + 0.5j, -16.0 - 0.5j, -16.0, -4.0 + 2.0j):
        n = ph.surface_plasmon_index(em, 2.89)
        assert isinstance(n, complex) and not isinstance(n, np.ndarray)
        assert n.imag >= 0
        assert_allclose(n**2, em * 2.89 / (em + 2.89), rtol=1e-13)
    arr = ph.surface_plasmon_index(np.array([-16.0 + 0.5j, -16.0 - 0.5j]), 2.89)
    assert arr.shape == (2,) and np.all(arr.imag >= 0)


def test_ase_is_continuous_across_its_small_gain_length_series():
    """I = S L (e^x - 1)/x with x = gL; near |x| = 1e-8 the series 1 + x/2 + x^2/6 holds."""
    s, length = 3.0, 0.1
    for x in (-1.01e-8, -0.99e-8, 0.99e-8, 1.01e-8, 1e-12):
        series = s * length * (1 + x / 2 + x**2 / 6)
        assert_allclose(ph.ase_intensity(s, x / length, length), series, rtol=1e-15)
    assert isinstance(ph.ase_intensity(s, 10.0, length), float)
    pair = ph.ase_intensity([s, s], [10.0, 0.0], length)
    assert pair.shape == (2,) and pair.dtype == np.float64 and np.all(np.isfinite(pair))


def test_mode_profile_peaks_at_one():
    modes = ph.guided_modes(**STACK, wavelength_nm=600.0)
    for z in (np.linspace(-300.0, 800.0, 23), np.array([250.0]), np.linspace(600.0, 900.0, 5)):
        for n_eff in modes:
            profile = ph.mode_profile(**STACK, wavelength_nm=600.0, n_eff=n_eff, z_nm=z)
            assert_allclose(np.abs(profile).max(), 1.0, rtol=1e-14)


def test_packed_film_gain_is_linear_down_to_the_smallest_packing_fraction():
    g = ph.packed_film_gain_cm(1e-16, 900.0, 0.5)
    assert_allclose(ph.packed_film_gain_cm(1e-16, 900.0, 1e-100), g * 2e-100, rtol=1e-14)


def test_mode_profile_far_in_the_claddings_is_zero_not_nan():
    """A bound mode decays to 0 in substrate and cover; 1 mm away it underflows to exactly 0.

    (Found by the mutation work: the cladding's zero amplitude times its overflowing
    exponential gave NaN there.)"""
    modes = ph.guided_modes(**STACK, wavelength_nm=600.0)
    z = np.array([-1e6, -3000.0, 250.0, 3500.0, 1e6])
    for n_eff in modes:
        near = ph.mode_profile(**STACK, wavelength_nm=600.0, n_eff=n_eff, z_nm=z[1:4])
        profile = ph.mode_profile(**STACK, wavelength_nm=600.0, n_eff=n_eff, z_nm=z)
        assert np.all(np.isfinite(profile))
        assert profile[0] == 0 and profile[-1] == 0
        assert_allclose(profile[1:4], near, rtol=1e-14)
        # only far points: normalised among themselves (the substrate, n = 1.5, decays more
        # slowly than the air cover), each the analytic decay e^(-k0 (n_eff² - n²)^½ |z|)
        far = ph.mode_profile(**STACK, wavelength_nm=600.0, n_eff=n_eff, z_nm=[-1e6, 1e6])
        assert abs(far[0]) == pytest.approx(1.0, rel=1e-14) and far[1] == 0
        tail = ph.mode_profile(**STACK, wavelength_nm=600.0, n_eff=n_eff, z_nm=[-1e5, -5e4])
        assert np.all(np.isfinite(tail))
        assert_allclose(np.abs(tail).max(), 1.0, rtol=1e-14)
        gamma_s = 2 * np.pi / 600.0 * np.sqrt(n_eff.real**2 - 1.5**2)
        assert_allclose(np.abs(tail[0]), np.exp(-gamma_s * 5e4), rtol=1e-9)


def test_ase_near_the_float_limit_is_finite():
    """gL = 703.6 with S = 500: S e^{gL} exceeds float range but I = S (e^{gL} - 1)/g does not.

    (Found by the hostile-input test: the product was formed before the division.)"""
    import warnings

    g, length = 1687089.0, 0.00041703082362265265
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = ph.ase_intensity(500.0, g, length)
    assert np.isfinite(out)
    assert_allclose(np.log(out), np.log(500.0 / g) + g * length, rtol=1e-12)


def test_ase_beyond_e_to_the_709_is_finite_or_refused():
    """gL = 709.8: e^{gL} overflows, I = S e^{gL}/g = 2e302 does not; at gL = 800 it would."""
    import warnings

    g, length = 1701992.0, 0.00041703082362265265
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = ph.ase_intensity(2.047872202884268, g, length)
        assert_allclose(np.log(out), np.log(2.047872202884268 / g) + g * length, rtol=1e-12)
        assert ph.ase_intensity(0.0, g, length) == 0.0
        pair = ph.ase_intensity([1.0, 1.0], [700.0 / length, 701.0 / length], length)
    assert_allclose(pair[1] / pair[0], np.e * 700 / 701, rtol=1e-12)
    with pytest.raises(ValueError, match="net_gain_cm and length_cm must keep"):
        ph.ase_intensity(1.0, 800.0 / length, length)
    # gL = 700.5 with g = 1e-5 /cm: e^{gL} is finite but e^{gL}/g = e^{712} is not
    with pytest.raises(ValueError, match="net_gain_cm and length_cm must keep"):
        ph.ase_intensity(1.0, 1e-5, 7.005e7)


def test_s_and_p_are_te_and_tm():
    """Polarization aliases: s is TE, p is TM (case-insensitive); at 45 degrees they differ."""
    n, d = [1.5, 2.0 + 0.01j, 1.0], [120.0]
    te = ph.reflectance_transmittance(n, d, 600.0, 45.0, "TE")["R"]
    tm = ph.reflectance_transmittance(n, d, 600.0, 45.0, "TM")["R"]
    assert abs(te - tm) > 1e-3
    for alias in ("s", "S"):
        assert ph.reflectance_transmittance(n, d, 600.0, 45.0, alias)["R"] == te
    for alias in ("p", "P"):
        assert ph.reflectance_transmittance(n, d, 600.0, 45.0, alias)["R"] == tm
    n_eff = ph.guided_modes(**STACK, wavelength_nm=600.0)[0]
    assert_allclose(ph.gain_confinement_factors(**STACK, wavelength_nm=600.0, n_eff=n_eff,
                                                polarization="s"),
                    ph.gain_confinement_factors(**STACK, wavelength_nm=600.0, n_eff=n_eff),
                    rtol=0)


def test_transmission_amplitude_gives_the_transmitted_power():
    """Normal incidence, lossless substrate: T = (n_s / n_0) |t|^2 and R = |r|^2."""
    n0, ns = 1.0, 1.5
    out = ph.reflectance_transmittance([n0, 2.1 + 0.02j, ns], [90.0], 600.0)
    assert_allclose(out["T"], ns / n0 * abs(out["t"]) ** 2, rtol=1e-13)
    assert_allclose(out["R"], abs(out["r"]) ** 2, rtol=1e-13)


def test_stack_and_mode_messages_say_what_is_expected():
    with pytest.raises(ValueError, match=r"per finite layer of indices \(1\), got \[1\.0, 2\.0\]"):
        ph.reflectance_transmittance([1.5, 1.8, 1.0], [1.0, 2.0], 600.0)
    with pytest.raises(ValueError, match=r"^wavelength_nm and every entry of indices must be "
                                         r"scalars for a mode calculation \(one wavelength"):
        ph.guided_modes(**STACK, wavelength_nm=[600.0, 610.0])


def test_thickest_absorbing_layer_allowed_is_the_one_the_message_states():
    """Field decay k0 d Im(n) <= 600 across a layer: for n = 0.1 + 4i at 600 nm that is
    d <= 600 * 600 / (2 pi 4) = 14324 nm, as the message says; just below it still computes."""
    n, lam = 0.1 + 4j, 600.0
    limit = 600.0 * lam / (2 * np.pi * n.imag)
    with pytest.raises(ValueError, match=r"^thicknesses_nm\[0\] must keep .* transmit below "
                                         r"e\^-1200; allowed range \[0, 1\.432e\+04\] nm here"):
        ph.reflectance_transmittance([1.5, n, 1.0], [limit * 1.001], lam)
    out = ph.reflectance_transmittance([1.5, n, 1.0], [limit * 0.999], lam)
    assert 0 <= out["T"] < 1e-300 and 0.5 < out["R"] <= 1.0


# ---------------------------------------------------------------------------- fixed in #16
@pytest.mark.parametrize("pol", ["TE", "TM"])
def test_confinement_where_n_eff_equals_a_layer_index_is_the_linear_field(pol):
    """n_eff = n_film: k_z = 0 in the film, where U is linear in z (U'' = 0). With U = e^{γ_s z}
    in the substrate, U' /w continuous (w = 1 TE, ε TM): U = 1 + (w_f/w_s) γ_s z in the film,
    U_L e^{−γ_c (z − d)} above; Γ_j = Re(n_eff/w_j) ∫_j |U|² over the sum (closed form).
    (Was NaN: the film's amplitudes were divided by q = 0.) Just off the index the shares
    are continuous: no cancellation near q = 0."""
    n_s, n_f, n_c, d, lam = 1.5, 1.8, 1.0, 500.0, 600.0
    k0 = 2 * np.pi / lam
    w = np.array([n_s, n_f, n_c]) ** 2 if pol == "TM" else np.ones(3)
    g_s, g_c = k0 * np.sqrt(n_f**2 - n_s**2), k0 * np.sqrt(n_f**2 - n_c**2)
    slope = w[1] / w[0] * g_s
    top = 1 + slope * d
    integrals = np.array([1 / (2 * g_s), d + slope * d**2 + slope**2 * d**3 / 3,
                          top**2 / (2 * g_c)])
    power = n_f / w * integrals
    gam = ph.confinement_factors([n_s, n_f, n_c], [d], lam, n_f, pol)
    assert_allclose(gam, power / power.sum(), rtol=1e-13)
    for dn in (1e-13, 1e-9, -1e-9):
        near = ph.confinement_factors([n_s, n_f, n_c], [d], lam, n_f + dn, pol)
        assert_allclose(near, gam, rtol=0, atol=abs(dn) * 20)
    z = np.array([-200.0, 0.0, 123.0, 500.0, 900.0])
    prof = ph.mode_profile([n_s, n_f, n_c], [d], lam, n_f, z, pol)
    exact = np.array([np.exp(-g_s * 200), 1, 1 + slope * 123, top, top * np.exp(-g_c * 400)])
    assert_allclose(prof, exact / exact.max(), rtol=1e-13)


def test_confinement_of_a_field_growing_beyond_float_range():
    """n_eff = 1.5 in vacuum (k0 = 1/nm): U = e^{γz}, γ = 1.25^½, grows by e^{335} across each
    300-nm layer (under the e^600 limit) and by e^{671} over two: ∫|U|² = [1, E − 1, E(E − 1),
    E²]/(2γ) with E = e^{2·300γ}, a total of E²/γ. (|U|² overflowed to NaN.) The profile of
    three such layers (e^{1006}) decays back as e^{−γ(L − z)} below the top."""
    gamma = np.sqrt(1.25)
    e_half = np.exp(-2 * 300 * gamma)  # 1/E
    gam = ph.confinement_factors([1.0, 1.0, 1.0, 1.0], [300.0, 300.0], 2 * np.pi, 1.5)
    assert np.all(np.isfinite(gam))
    assert_allclose(gam, [0.0, e_half * (1 - e_half) / 2, (1 - e_half) / 2, 0.5],
                    rtol=1e-12, atol=0)
    assert gam[1] > 0  # 3e-292: the smallest share is still resolved
    assert_allclose(ph.confinement_factors([1, 1, 1], [400], 2 * np.pi, 1.5), [0, 0.5, 0.5],
                    rtol=1e-13, atol=1e-300)
    z = np.array([0.0, 600.0, 1100.0, 1200.0, 1250.0])
    prof = ph.mode_profile([1.0] * 5, [400.0] * 3, 2 * np.pi, 1.5, z)
    assert_allclose(prof, np.exp(-gamma * np.abs(1200.0 - z)), rtol=1e-11, atol=0)


@pytest.mark.parametrize(("kind", "d", "guesses"), [
    ("IMI", 30.0, (1.2, 1.01)), ("IMI", 5.0, (2.0, 1.001)), ("MIM", 200.0, (1.2,)),
    ("MIM", 5.0, (3.0,))])
def test_coupled_plasmons_of_thin_silver_films_and_gaps(kind, d, guesses):
    """Air/Ag/air and Ag/air/Ag at 600 nm (the package's Ag, Johnson and Christy): every TM
    mode, including the short-range film plasmon and the gap plasmon above 1.05 n_SPP
    (1.0967 for 30 nm of Ag, 1.1276 in a 200-nm gap, 2.59 and 3.75 at 5 nm), equals the
    three-layer dispersion relation's root to 1e-9. (The scan stopped at 1.05 n_SPP.)"""
    ag = complex(oc.refractive_index("Ag", 600.0))
    e = (1.0, ag**2, 1.0) if kind == "IMI" else (ag**2, 1.0, ag**2)
    refs = [tm_three_layer_root(*e, d, 600.0, g) for g in guesses]
    modes = ph.guided_modes([np.sqrt(e[0]), np.sqrt(e[1]), np.sqrt(e[2])], [d], 600.0, "TM")
    assert modes.size == len(refs)
    assert_allclose(modes, refs, rtol=0, atol=1e-9)
    spp = ph.surface_plasmon_index(ag**2, 1.0)
    assert modes[0].real > 1.05 * spp.real


def test_index_arrays_set_the_shape_at_one_wavelength():
    """An index array over (say) a composition scan at one wavelength and angle broadcasts:
    each entry equals the call with that scalar index."""
    layer = np.array([1.9 + 0.01j, 2.1 + 0.0j, 2.4 + 0.2j])
    out = ph.reflectance_transmittance([1.0, layer, 1.5], [120.0], 600.0, 30.0, "TM")
    assert out["R"].shape == (3,)
    for j, n in enumerate(layer):
        one = ph.reflectance_transmittance([1.0, n, 1.5], [120.0], 600.0, 30.0, "TM")
        assert_allclose(out["R"][j], one["R"], rtol=1e-14)
        assert_allclose(out["T"][j], one["T"], rtol=1e-14)


def test_a_decay_of_exactly_e_to_the_600_is_allowed():
    """n = 1 + i, k0 = 1/nm (λ = 2π nm), d = 600 nm: k0 d Im n = 600.0 exactly, the largest
    decay allowed; |t| = |t01 t12| e^{-600} (the back-face echo is e^{-1200} smaller) and R is
    the front face's |(1 − n)/(1 + n)|² = 1/5. One ulp thicker is refused."""
    n, lam = 1 + 1j, 2 * np.pi
    out = ph.reflectance_transmittance([1.0, n, 1.0], [600.0], lam)
    assert_allclose(abs(out["t"]), abs(2 / (1 + n) * 2 * n / (n + 1)) * np.exp(-600.0),
                    rtol=1e-12)
    assert_allclose(out["R"], 0.2, rtol=1e-14)
    with pytest.raises(ValueError, match=r"^thicknesses_nm\[0\] must keep"):
        ph.reflectance_transmittance([1.0, n, 1.0], [np.nextafter(600.0, 700.0)], lam)


def test_ase_at_the_largest_float_is_returned_not_refused():
    """S = g = 1, L = ln(float max): I = e^L − 1 is the largest float itself, still finite
    (to 1e-13: L = 709.78 is rounded to 1.1e-13, which exp carries into its result)."""
    big = np.log(np.finfo(float).max)
    assert_allclose(ph.ase_intensity(1.0, 1.0, big), np.finfo(float).max, rtol=1e-13)


@pytest.mark.parametrize(("n_substrate", "n_cover"), [(1.5, 1.0), (1.0, 1.5)])
def test_bisection_just_above_cut_off_is_converged_to_round_off(n_substrate, n_cover):
    """At 1.0001 × the TE0 cut-off Newton's method fails (square-root branch point) and the
    root comes from bisection: it equals the closed-form root solved to round-off within
    3e-14 (brentq's default xtol of 2e-12 leaves it 6e-14 off)."""
    lam, n_f = 620.0, 2.0
    k0 = 2 * np.pi / lam
    for factor in (1.0001, 1.001, 1.01):
        d = factor * waveguide._te0_cutoff_nm(lam, n_f, n_substrate, n_cover)
        lo, hi = max(n_substrate, n_cover), n_f
        gap = 1e-12 * (hi - lo)
        ref = brentq(_te0_residual, lo + gap, hi - gap, args=(k0 * d, n_f, n_substrate, n_cover),
                     xtol=1e-16, rtol=4 * np.finfo(float).eps, maxiter=200)
        got = ph.guided_modes([n_substrate, n_f, n_cover], [d], lam)[0]
        assert abs(got - ref) < 3e-14


def test_layer_shares_of_an_absorbing_stack_match_quadrature_of_the_profile():
    """TE, absorbing layers (complex k_z with |k_z| d > 1 and 2 Im(k_z) d < 1): the ratio of two
    layers' shares equals that of ∫|E|² of mode_profile by 200-point Gauss-Legendre per layer
    (exact to round-off for these smooth fields), and the profile is continuous at every
    interface, the cover's included."""
    n, d, lam = [1.5, 1.9 + 0.3j, 1.7 + 0.05j, 1.0], [250.0, 300.0], 630.0
    mode = ph.guided_modes(n, d, lam)[0]
    gam = ph.confinement_factors(n, d, lam, mode)
    x, w = np.polynomial.legendre.leggauss(200)
    ints = []
    for lo, hi in ((0.0, 250.0), (250.0, 550.0)):
        z = lo + (hi - lo) * (x + 1) / 2
        prof = ph.mode_profile(n, d, lam, mode, np.concatenate([z, [0.0]]))
        ints.append((hi - lo) / 2 * np.sum(w * np.abs(prof[:-1] / prof[-1]) ** 2))
    assert_allclose(gam[1] / gam[2], ints[0] / ints[1], rtol=1e-11)
    edge = ph.mode_profile(n, d, lam, mode, [250 - 1e-9, 250 + 1e-9, 550 - 1e-9, 550 + 1e-9])
    assert_allclose(edge[0], edge[1], rtol=1e-9)
    assert_allclose(edge[2], edge[3], rtol=1e-9)
