"""Shell filling, eq-7 thresholds and multi-band gain spectra (qdbook.statefilling)."""

import numpy as np
import pytest
import sympy as sp
from numpy.testing import assert_allclose

from qdbook import equations as eqs
from qdbook import statefilling as s

CASES = [
    # (function, kwargs, parameter named in the message)
    (s.shell_occupancy, dict(n_carriers=-1), "n_carriers"),
    (s.shell_occupancy, dict(n_carriers=40), "n_carriers"),
    (s.shell_occupancy, dict(n_carriers=1, degeneracies=[2, -6]), "degeneracies"),
    (s.occupation_factors, dict(n_carriers="two"), "n_carriers"),
    (s.transition_inversion, dict(n_excitons=-2), "n_excitons"),
    (s.transition_inversion, dict(n_excitons=2, n_electrons_extra=-1),
     "n_electrons_extra"),
    (s.shell_gain_threshold, dict(shell=3), "shell"),
    (s.shell_gain_threshold, dict(shell=-1), "shell"),
    (s.ensemble_inversion, dict(mean_n=-0.1), "mean_n"),
    (s.gaussian_line, dict(energy_ev=2.0, centre_ev=2.0, fwhm_ev=0), "fwhm_ev"),
    (s.gain_spectrum_cm, dict(energy_ev=[2.0], mean_n=1, band_energies_ev=[2.0, 2.2],
                              alpha_1s_cm=1, fwhm_ev=0.05), "band_energies_ev"),
    (s.gain_spectrum_cm, dict(energy_ev=[2.0], mean_n=1,
                              band_energies_ev=[2.0, 2.2, 2.4], alpha_1s_cm=-1,
                              fwhm_ev=0.05), "alpha_1s_cm"),
    (s.auger_assisted_photon_energy_ev, dict(exciton_energy_ev=2.0,
                                             intraband_energy_ev=2.5),
     "intraband_energy_ev"),
    (s.auger_assisted_photon_energy_ev, dict(exciton_energy_ev=-2.0,
                                             intraband_energy_ev=0.2),
     "exciton_energy_ev"),
    (s.scaled_transition_energy_ev, dict(e_1s_ev=2.1, e_1p_ev=2.0, n=1, L=2),
     "e_1p_ev"),
    (s.scaled_transition_energy_ev, dict(e_1s_ev=2.1, e_1p_ev=2.3, n=0, L=2), "n"),
    (s.electron_intraband_energy_ev, dict(e_1s_ev=2.1, e_1p_ev=2.3,
                                          electron_share=1.5), "electron_share"),
    (s.electron_intraband_energy_ev, dict(e_1s_ev=2.1, e_1p_ev=2.3,
                                          electron_share=0.7, n_to=1, L_to=0), "L_to"),
]


def test_occupancy_conserves_carriers():
    n = np.array([0, 1.5, 2, 7, 18])
    occ = s.shell_occupancy(n)
    assert_allclose(occ.sum(axis=-1), n)
    assert_allclose(s.occupation_factors(18), [1, 1, 1])


def test_thresholds_general_degeneracies():
    assert s.shell_gain_threshold(0, (8,)) == pytest.approx(4.0)
    assert s.shell_gain_threshold(1, (2, 6, 10)) == pytest.approx(5.0)


def test_eq7_root_solves_registered_equation():
    """eq-7 is an equation: its root N = N_low + g/2 solves it (and sympy agrees)."""
    form = eqs.form("eq-7")
    N, N_low, g = (sp.Symbol(x, positive=True) for x in ("N", "N_low", "g"))
    for low, deg in [(2, 6), (8, 10), (4, 4)]:
        root = eqs.numeric("eq-7")(N_low=low, g=deg)
        residual = (form.lhs - form.rhs).subs({N: root, N_low: low, g: deg})
        assert abs(float(residual)) < 1e-12
        assert float(sp.solve(form.subs({N_low: low, g: deg}), N)[0]) == pytest.approx(root)


def test_ensemble_inversion_limits():
    assert_allclose(s.ensemble_inversion(0.0), [-1, -1, -1])
    assert_allclose(s.ensemble_inversion(39.0), [1, 1, 1], atol=1e-3)
    inv = s.ensemble_inversion(np.linspace(0, 20, 41))
    assert np.all(np.diff(inv, axis=0) >= -1e-12)        # more pumping never hurts


def test_gain_spectrum_sign():
    e = np.linspace(1.9, 2.7, 200)
    bands = (2.1, 2.27, 2.49)
    assert np.all(s.gain_spectrum_cm(e, 0.0, bands, 1.0, 0.05) <= 0)
    assert s.gain_spectrum_cm(2.1, 3.0, bands, 1.0, 0.05) > 0


def test_scaled_ladder_and_auger_assisted():
    assert s.scaled_transition_energy_ev(2.0, 2.2, 1, 0) == pytest.approx(2.0)
    assert s.scaled_transition_energy_ev(2.0, 2.2, 1, 1) == pytest.approx(2.2)
    assert s.auger_assisted_photon_energy_ev(2.1, 0.2) == pytest.approx(1.9)
