"""Bad input to photonics and optical_constants raises ValueError naming the parameter."""

import numpy as np
import pytest

from qdbook import optical_constants as oc
from qdbook import photonics as ph

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
    (ph.slab_modes_analytic, dict(n_core=1.5, n_clad=1.8, thickness_nm=100.0,
                                  wavelength_nm=600.0), "n_clad"),
    (ph.slab_modes_analytic, dict(n_core=1.8, n_clad=1.5, thickness_nm=0.0,
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


@pytest.mark.parametrize(("func", "kwargs", "param"), CASES,
                         ids=[f"{f.__name__}-{p}-{i}" for i, (f, _, p) in enumerate(CASES)])
def test_bad_input_raises_naming_parameter(func, kwargs, param):
    with pytest.raises(ValueError) as err:
        func(**kwargs)
    message = str(err.value)
    assert message.startswith(param) or f"{param} must" in message, message
