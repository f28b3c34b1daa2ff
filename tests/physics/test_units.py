"""Constants and conversions shared by the physics modules (qdbook.units)."""

import numpy as np
import pytest
from scipy import constants as sc

from qdbook import units

CASES = [
    (units.convert, dict(value=1.0, from_unit="furlong", to_unit="m"), "from_unit"),
    (units.convert, dict(value=1.0, from_unit="m", to_unit="parsec"), "to_unit"),
    (units.wavelength_nm, dict(photon_energy_ev=0.0), "photon_energy_ev"),
    (units.wavelength_nm, dict(photon_energy_ev=np.nan), "photon_energy_ev"),
    (units.photon_energy_ev, dict(wavelength_nm=-600.0), "wavelength_nm"),
]


def test_constants_follow_scipy():
    # CODATA's own "inverse meter-electron volt relationship" is h c in eV m
    hc_ev_m = sc.physical_constants["inverse meter-electron volt relationship"][0]
    assert units.HC_EV_NM == pytest.approx(hc_ev_m / sc.nano, rel=1e-12)
    assert units.HBAR2_OVER_2M0_EV_NM2 == pytest.approx(0.0380998, rel=1e-5)
    assert units.C_CM_PER_S == pytest.approx(2.99792458e10, rel=1e-15)


def test_photon_energy_and_wavelength_are_inverse():
    lam = np.array([300.0, 642.4, 1550.0])
    assert np.allclose(units.wavelength_nm(units.photon_energy_ev(lam)), lam, rtol=1e-14)
    assert units.photon_energy_ev(1239.84198) == pytest.approx(1.0, rel=1e-8)


@pytest.mark.parametrize("a, b, factor", [("nm", "m", 1e-9), ("ps", "s", 1e-12), ("eV", "J", sc.e),
                                          ("cm3", "nm3", 1e21), ("ns", "ps", 1e3),
                                          ("deg", "rad", np.pi / 180)])
def test_convert_factors(a, b, factor):
    assert units.convert(1.0, a, b) == pytest.approx(factor, rel=1e-14)
    assert units.convert(units.convert(2.5, a, b), b, a) == pytest.approx(2.5, rel=1e-14)


def test_convert_keeps_the_result_finite_and_converts_expressions():
    """A value whose conversion would overflow float64 is refused by name; a smaller unit's
    huge value is fine; sympy expressions are scaled symbolically (the browser's formulas)."""
    import sympy as sp

    with pytest.raises(ValueError, match=r"^value must have magnitude <= 1\.79\d*e\+296"):
        units.convert(1e300, "s", "ps")
    assert units.convert(1e300, "ps", "s") == pytest.approx(1e288, rel=1e-14)
    assert units.convert(-1e296, "s", "ps") == pytest.approx(-1e308, rel=1e-14)
    # a conversion that does not enlarge (same unit, factor 1) accepts every finite float:
    # the limit is float max / max(factor, 1), not a smaller bound
    big = np.finfo(float).max
    assert units.convert(big, "nm", "nm") == big and units.convert(-big, "K", "K") == -big
    x = sp.Symbol("x")
    scaled = units.convert(2 * x, "ns", "ps")
    assert scaled.free_symbols == {x} and float(scaled / x) == pytest.approx(2000.0, rel=1e-14)
    with pytest.raises(ValueError, match="^from_unit must be one of"):
        units.convert(x, "furlong", "m")
    with pytest.raises(ValueError, match="^to_unit must be one of"):
        units.convert(1.0, "m", "furlong")
