"""The review's numbers that the book recomputes: one declarative list, read by tests and page.

Each :class:`Entry` names a number of the review (doi:10.1021/acs.chemrev.2c00865) as the
review quotes it, the tolerance that decides whether the book reproduces it (the review's
rounding unless the entry says otherwise), a callable that computes the book's value through
the package, the verdict the book claims and, when the book differs, a one-line reason and the
page (and equation or target) that explains it.

Two readers use this list and nothing else, so they cannot disagree:

* ``tests/review/test_sec<N>.py`` asserts, for every entry of its section, that the verdict
  holds for the value the package computes now (reproduced: within the tolerance; differs:
  outside it, with a reason and a page);
* the page ``chapters/appendix/reproducibility.md`` renders the table at build time with
  :func:`table_markdown`, computing every book value again.

The list lives in the package (not in ``tests/``) because the page imports it the way every
page imports the physics: through ``qdbook``. Values are computed, never typed: when a model
changes (the chapter-6 stacks, say) the table and the verdict test follow, and an entry whose
verdict no longer holds fails its test.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

REPRODUCED = "reproduced"
DIFFERS = "differs"


@dataclass(frozen=True)
class Entry:
    """One number of the review and the book's value for it.

    Attributes
    ----------
    key : str
        Unique id, ``"<section>-<short name>"``.
    section : str
        The review's section, e.g. ``"2.3.3"``.
    quantity : str
        What the number is, in words (Markdown with inline math allowed).
    review : str
        The review's value as quoted, with its unit ("~2.5 MW cm⁻²").
    value : float
        The review's value as a number, in ``unit``.
    tolerance : float
        Largest |book − review| still counted as reproduced, in ``unit``; 0 for exact.
    book : callable
        No-argument function that computes the book's value in ``unit`` through the package.
    verdict : str
        :data:`REPRODUCED` or :data:`DIFFERS`, as the book claims.
    page : str
        Docname of the page that computes (and, if it differs, explains) the number.
    unit : str
        Unit of ``value``, ``tolerance`` and the book's value ("" if none).
    fmt : str
        Format spec for the book's value in the table.
    reason : str
        One line: why the book differs (required for :data:`DIFFERS`), or how it is computed.
    label : str
        Equation label or target on ``page`` that the table links, or "".
    """

    key: str
    section: str
    quantity: str
    review: str
    value: float
    tolerance: float
    book: Callable[[], float]
    verdict: str
    page: str
    unit: str = ""
    fmt: str = ".4g"
    reason: str = ""
    label: str = ""

    def book_value(self) -> float:
        """The book's value, computed now."""
        return float(self.book())

    def within_tolerance(self, book_value: float | None = None) -> bool:
        """Whether the book's value lies within the tolerance of the review's."""
        x = self.book_value() if book_value is None else book_value
        return bool(abs(x - self.value) <= self.tolerance * (1 + 1e-12) + 1e-300)

    def computed_verdict(self, book_value: float | None = None) -> str:
        """The verdict the numbers give (what the claimed ``verdict`` must equal)."""
        return REPRODUCED if self.within_tolerance(book_value) else DIFFERS


# --------------------------------------------------------------------------- cached models
@functools.cache
def _budget(qd_index=None):
    from qdbook.explore import photonics as c6

    return c6.budget_model() if qd_index is None else c6.budget_model(qd_index=qd_index)


@functools.cache
def _brw():
    from qdbook.explore import photonics as c6

    return c6.brw_model()


@functools.cache
def _electrode(device):
    from qdbook import optical_constants as oc
    from qdbook import photonics as ph

    s = oc.device_stack(device, 630.0)
    n_eff = ph.guided_modes(s["indices"], s["thicknesses_nm"], 630.0, "TE")[0]
    return ph.confinement_factors(s["indices"], s["thicknesses_nm"], 630.0, n_eff, "TE")


def _tau_std():
    from qdbook import auger

    return float(auger.auger_lifetime_ps(auger.sphere_volume_nm3(2.5)))


# ------------------------------------------------------------------------------ the entries
def _entries() -> list[Entry]:
    from qdbook import (
        auger,
        charging,
        confinement,
        electrical,
        injection,
        perovskite,
        photonics,
        pumping,
        spectroscopy,
        statefilling,
        statistics,
        thermal,
        wells,
    )
    from qdbook import optical_constants as oc
    from qdbook.materials import get_material

    cdse = get_material("CdSe")
    ch2 = "chapters/02-general-principles/"
    ch3 = "chapters/03-practical-gain/"
    ch4 = "chapters/04-novel-materials/"
    ch5 = "chapters/05-laser-diodes/"
    ch6 = "chapters/06-electrical-gain/"
    R, D = REPRODUCED, DIFFERS

    def intraband():
        share = cdse.mh / (cdse.me + cdse.mh)
        return statefilling.electron_intraband_energy_ev(2.10, 2.274, share)

    out = [
        # --- 2.1 electronic states
        *[Entry(f"2.1-root-{lab}", "2.1", f"Bessel root $\\varphi_{{{lab}}}$", str(rv), rv, 0.005,
                functools.partial(confinement.bessel_root, n, L), R, ch2 + "electronic-states",
                fmt=".4f", label="eq-1")
          for lab, n, L, rv in (("1P", 1, 1, 4.49), ("1D", 1, 2, 5.76), ("1F", 1, 3, 6.99))],
        # --- 2.2 optical gain
        Entry("2.2-n-th", "2.2.2", "gain threshold $\\langle N_{th,gain}\\rangle$ (Poisson)",
              "~1.15", 1.15, 0.005, statistics.gain_threshold_occupancy, R, ch2 + "optical-gain",
              fmt=".4f", label="rel-2.2-threshold"),
        # --- 2.3 Auger recombination
        *[Entry(f"2.3-tau-a-r{r:g}", "2.3.1", f"$\\tau_{{A,XX}}$ of a dot with R = {r:g} nm",
                q, rv, tol,
                functools.partial(lambda r: float(auger.auger_lifetime_ps(
                    auger.sphere_volume_nm3(r))), r), R, ch2 + "auger-recombination",
                unit="ps", fmt=".1f", label="rel-2.3-v-scaling")
          for r, q, rv, tol in ((1.0, "~4 ps", 4.0, 0.5), (2.5, "~65 ps", 65.0, 0.5),
                                (4.0, "~270 ps", 270.0, 5.0))],
        Entry("2.3-pulsed-prefactor", "2.3.3",
              "pulsed threshold $w_{th,gain}$ in units of $h\\nu/\\sigma_{abs}$",
              "1.15", 1.15, 0.005,
              lambda: pumping.pulsed_threshold_fluence_j_cm2(1.0, 1.0) / 1.602176634e-19, R,
              ch2 + "auger-recombination", fmt=".4f", label="rel-2.3-pulsed-threshold"),
        Entry("2.3-lasing-ratio", "2.3.3",
              "$I_{1/2}/I_{th,gain}$ for R = 2.5 nm, $\\tau_X$ = 20 ns", "approximately 20",
              20.0, 0.5,
              lambda: pumping.lasing_to_gain_threshold_ratio(20.0, _tau_std(), exact=False), D,
              ch2 + "auger-recombination", fmt=".2f", label="eq-4",
              reason="the estimate $(\\tau_X/\\tau_{A,XX})^{1/2}$ gives 17.5 (eq. 4 in full "
                     "17.7); the review rounds up to 20"),
        Entry("2.3-i-half", "2.3.3", "$I_{1/2}$ of CdSe, R = 2.5 nm, $h\\nu$ = 3 eV",
              "2.5 MW cm⁻²", 2.5, 0.05,
              lambda: pumping.half_saturation_intensity_w_cm2(3.0, 3e-15, _tau_std()) / 1e6, D,
              ch2 + "auger-recombination", unit="MW cm⁻²", fmt=".3f",
              label="rel-2.3-half-intensity",
              reason="V-scaling gives $\\tau_{A,XX}$ = 65.4 ps and 2.45 MW cm⁻²; the review's "
                     "rounded 65 ps gives 2.46, which rounds to 2.5"),
        # --- 2.4 control of Auger recombination
        Entry("2.4-giant-i-half", "2.4.1", "$I_{1/2}$ of giant dots ($\\tau_{A,XX}$ = 600 ps)",
              "~14 kW cm⁻²", 14.0, 0.5,
              lambda: pumping.half_saturation_intensity_w_cm2(2.8, 5.5e-14, 600.0) / 1e3, R,
              ch2 + "auger-control", unit="kW cm⁻²", fmt=".2f", label="rel-2.4-giant"),
        Entry("2.4-graded-tau-a", "2.4.2", "$\\tau_{A,XX}$ of graded dots", "2.3 ns", 2.3, 0.05,
              lambda: auger.auger_lifetime_from_biexciton(
                  1.3, auger.biexciton_radiative_lifetime(12.0)), R, ch2 + "auger-control",
              unit="ns", fmt=".3f", label="rel-2.4-graded"),
        Entry("2.4-graded-q-xx", "2.4.2", "biexciton quantum yield $q_{XX}$ of graded dots",
              "43 %", 43.0, 0.5,
              lambda: 100 * auger.biexciton_quantum_yield(
                  1.3, auger.biexciton_radiative_lifetime(12.0)), R, ch2 + "auger-control",
              unit="%", fmt=".1f", label="rel-2.4-graded"),
        # --- 3.1 gain characteristics
        Entry("3.1-ta-threshold", "3.1.2", "TA threshold: $\\langle N\\rangle$ where $\\alpha$ = 0",
              "~1.15", 1.15, 0.005,
              lambda: spectroscopy.threshold_from_absorption(
                  np.linspace(0, 4, 401),
                  spectroscopy.band_edge_absorption_cm(np.linspace(0, 4, 401), 1.0)), R,
              ch3 + "gain-characteristics", fmt=".4f", label="rel-3.1-ta"),
        # --- 3.2 advanced gain concepts
        *[Entry(f"3.2-eq5-g{g}-ne{ne}", "3.2.2",
                f"eq. 5 threshold, $g_e = g_h$ = {g}, $n_e$ = {ne}", f"{rv:g}", rv, 0.0,
                functools.partial(charging.charged_gain_threshold, ne, g, g), R,
                ch3 + "advanced-gain", fmt=".3g", label="eq-5")
          for g, ne, rv in ((2, 1, 0.5), (2, 2, 0.0), (8, 0, 4.0), (8, 6, 1.0))],
        Entry("3.2-auger-96", "3.2.2", "statistical Auger rate, $N_e = N_h$ = 4", "96 $C_A$",
              96.0, 0.0, functools.partial(charging.statistical_auger_rate, 4, 4), R,
              ch3 + "advanced-gain", unit="$C_A$", fmt=".0f", label="eq-6"),
        Entry("3.2-auger-42", "3.2.2", "statistical Auger rate, $N_e$ = 7, $N_h$ = 1",
              "42 $C_A$", 42.0, 0.0, functools.partial(charging.statistical_auger_rate, 7, 1), R,
              ch3 + "advanced-gain", unit="$C_A$", fmt=".0f", label="eq-6"),
        Entry("3.2-auger-ratio", "3.2.2", "gain lifetime gain of the $n_e$ = 6 dot (96/42)",
              "2.3", 2.3, 0.05,
              lambda: charging.statistical_auger_rate(4, 4) / charging.statistical_auger_rate(7, 1),
              R, ch3 + "advanced-gain", fmt=".3f", label="eq-6"),
        # --- 3.3 charging in practice
        *[Entry(f"3.3-doped-pbs-{ne:g}", "3.3.3",
                f"eq. 5 threshold of PbS with $\\langle n_e\\rangle$ = {ne:g}", q, rv, tol,
                functools.partial(charging.charged_gain_threshold, ne, 8, 8), R,
                ch3 + "charged-gain-practice", fmt=".3f", label="rel-3.3-doped-pbs")
          for ne, q, rv, tol in ((2.7, "2.65", 2.65, 0.005), (4.8, "1.6", 1.6, 0.05))],
        # --- 3.4 gain spectra
        *[Entry(f"3.4-shell-{k}", "3.4.1", f"shell-filling threshold of shell {k + 1} (eq. 7)",
                f"{rv}", float(rv), 1e-10, functools.partial(statefilling.shell_gain_threshold, k),
                R, ch3 + "gain-spectra", fmt=".0f", label="eq-7")
          for k, rv in ((0, 1), (1, 5), (2, 13))],
        Entry("3.4-auger-45", "3.4.1", "Auger rate of N = 6 over the biexciton's", "45", 45.0,
              0.0, functools.partial(charging.auger_rate_ratio, 6), R, ch3 + "gain-spectra",
              fmt=".0f", label="rel-3.4-auger-ratio"),
        Entry("3.4-cutoff", "3.4.2", "Auger-assisted gain cut-off below the 1S peak",
              "~200 meV", 200.0, 50.0, lambda: 1e3 * intraband(), R, ch3 + "gain-spectra",
              unit="meV", fmt=".0f", label="rel-3.4-auger-assisted",
              reason="the $\\varphi^2$-scaled ladder of CdSe gives 170 meV, within the "
                     "review's one-digit '~200'"),
        Entry("3.4-bandwidth", "3.4.2", "gain bandwidth of graded dots", "~500 meV", 500.0, 50.0,
              lambda: 1e3 * (statefilling.scaled_transition_energy_ev(2.10, 2.274, 1, 2)
                             - statefilling.auger_assisted_photon_energy_ev(2.10, intraband())),
              D, ch3 + "gain-spectra", unit="meV", fmt=".0f", label="rel-3.4-auger-assisted",
              reason="the model's 1D band sits at 2.49 eV, so the band spans 0.56 eV; the "
                     "review reads the edge off measured spectra"),
        # --- 4.1 nanoplatelets
        Entry("4.1-shift-infinite", "4.1.1", "gap shift 7 → 4 ML, infinite well",
              "nearly 1 eV", 1.0, 0.3,
              lambda: float(-np.diff(wells.platelet_gap_ev(np.array([4.0, 7.0]), cdse.eg0_ev,
                                                            cdse.me, cdse.mh))[0]),
              D, ch4 + "nanoplatelets", unit="eV", fmt=".2f", label="rel-4.1-well",
              reason="the infinite well overshoots (1.70 eV); measured emission moves less "
                     "than 0.71 eV"),
        Entry("4.1-shift-finite", "4.1.1", "gap shift 7 → 4 ML, finite well ($V_0$ = 3 eV)",
              "nearly 1 eV", 1.0, 0.3,
              lambda: float(-np.diff(wells.platelet_gap_ev(np.array([4.0, 7.0]), cdse.eg0_ev,
                                                            cdse.me, cdse.mh, 3.0))[0]),
              D, ch4 + "nanoplatelets", unit="eV", fmt=".2f", label="rel-4.1-well",
              reason="the finite well gives 0.65 eV, close to the measured 0.71 eV and below "
                     "the review's 'nearly 1 eV'"),
        Entry("4.1-chi-ratio", "4.1.2", "$\\chi_{NPL}$ over the dots' $\\chi$",
              "approximately three", 3.0, 0.5, wells.npl_to_dot_chi_ratio, R,
              ch4 + "nanoplatelet-gain", fmt=".2f", label="rel-4.1-auger"),
        Entry("4.1-kt", "4.1.3", "$k_BT$ at room temperature (300 K)", "~25 meV", 25.0, 1.0,
              functools.partial(wells.thermal_energy_mev, 300.0), R,
              ch4 + "nanoplatelet-gain", unit="meV", fmt=".2f", label="rel-4.1-biexciton"),
        # --- 4.2 perovskites
        Entry("4.2-auger-17", "4.2.1", "II-VI over perovskite Auger lifetime at equal volume",
              "~17", 17.0, 0.5, perovskite.equal_volume_auger_ratio, R, ch4 + "perovskites",
              fmt=".2f", label="rel-4.2-v-scaling"),
        *[Entry(f"4.2-threshold-{ge}{gh}", "4.2.2",
                f"band-edge threshold, $g_e$ = {ge}, $g_h$ = {gh}", q, rv, 1e-12,
                functools.partial(perovskite.band_edge_gain_threshold, ge, gh), R,
                ch4 + "perovskite-gain", fmt=".4f", label="rel-4.2-degeneracy")
          for ge, gh, q, rv in ((2, 2, "1", 1.0), (2, 4, "4/3", 4 / 3), (4, 4, "2", 2.0))],
        # --- 5 laser diodes
        Entry("5.2-double-charge", "5.2", "charging energy of a doubly charged dot",
              "4 $E_{c,1}$", 4.0, 1e-12,
              lambda: injection.charging_energy_ev(2, 2.5, 9.5)
              / injection.charging_energy_ev(1, 2.5, 9.5), R, ch5 + "injection-cycles",
              unit="$E_{c,1}$", fmt=".3f", label="rel-5.2-cycles"),
        Entry("5.3-j-th-cdse", "5.3", "$j_{th,gain}$ of CdSe (eq. 8)", "0.36 kA cm⁻²", 0.36,
              0.005, lambda: electrical.gain_threshold_current_density_a_cm2(
                  2.5, 20.0, 65.0, 0.5) / 1e3, R, ch5 + "electrical-thresholds",
              unit="kA cm⁻²", fmt=".4f", label="eq-8"),
        Entry("5.3-j-half-cdse", "5.3", "$j_{1/2}$ of CdSe (eq. 9)", "6.3 kA cm⁻²", 6.3, 0.05,
              lambda: electrical.half_saturation_current_density_a_cm2(
                  2.5, 20.0, 65.0, 0.5) / 1e3, R, ch5 + "electrical-thresholds",
              unit="kA cm⁻²", fmt=".3f", label="eq-9"),
        Entry("5.3-j-th-cg", "5.3", "$j_{th,gain}$ of graded dots, sec. 2.4 lifetimes",
              "7 A cm⁻²", 7.0, 0.5,
              lambda: electrical.gain_threshold_current_density_a_cm2(
                  electrical.CG_QD_RADIUS_NM, 12.0, 1300.0), R, ch5 + "electrical-thresholds",
              unit="A cm⁻²", fmt=".2f", label="eq-8"),
        Entry("5.3-j-half-cg", "5.3", "$j_{1/2}$ of graded dots, sec. 2.4 lifetimes",
              "24 A cm⁻²", 24.0, 0.5,
              lambda: electrical.half_saturation_current_density_a_cm2(
                  electrical.CG_QD_RADIUS_NM, 12.0, 1300.0), D, ch5 + "electrical-thresholds",
              unit="A cm⁻²", fmt=".1f", label="eq-9",
              reason="the review does not give its lifetimes; with those of sec. 2.4 eq. 9 "
                     "gives 27.9 (16 % above)"),
        # --- 6.1 high-current-density LEDs
        Entry("6.1-tau-t", "6.1.5", "thermal time constant $\\tau_T = C/K$", "3.9 µs", 3.9, 0.1,
              lambda: 1e6 * thermal.thermal_time_constant_s(thermal.HEAT_CAPACITY_J_K,
                                                            thermal.HEAT_EXCHANGE_W_K),
              R, ch6 + "device-heating", unit="µs", fmt=".3f", label="eq-11",
              reason="C/K = 3.958 µs: the review truncates; tolerance one unit of its last "
                     "digit"),
        Entry("6.1-cut-eq13", "6.1.5", "overheating cut by 1 µs pulses (eq. 13)", "~75 %", 75.0,
              0.5, lambda: 100 * thermal.overheating_reduction(1e-6, exact=False), R,
              ch6 + "device-heating", unit="%", fmt=".2f", label="eq-13"),
        Entry("6.1-duty", "6.1.5", "duty cycle of 1 µs pulses at 1 kHz", "0.1 %", 0.1, 1e-12,
              lambda: 100 * thermal.duty_cycle(1e-6, 1e-3), R, ch6 + "device-heating",
              unit="%", fmt=".3g", label="rel-6.1-duty"),
        Entry("6.1-el-crossover", "6.1.6", "occupancy where the 1P EL equals the 1S EL",
              "~5.5", 5.5, 0.05, functools.partial(injection.el_crossover_occupancy, 1.0), R,
              ch6 + "electroluminescence-gain", fmt=".3f", label="rel-6.1-el-ratio"),
        # --- 6.2 optical losses
        *[Entry(f"6.2-alpha-{m}", "6.2.2", f"absorption coefficient of {m} at 600 nm", q, rv,
                tol, functools.partial(oc.absorption_coefficient_cm, m, 600.0), R,
                ch6 + "optical-losses", unit="cm⁻¹", fmt=".4g", label="rel-6.2-absorption")
          for m, q, rv, tol in (("Ag", "8.4×10⁵ cm⁻¹", 8.4e5, 0.05e5),
                                ("Au", "6.8×10⁵ cm⁻¹", 6.8e5, 0.05e5),
                                ("Al", "1.3×10⁶ cm⁻¹", 1.3e6, 0.05e6))],
        Entry("6.2-alpha-ito", "6.2.1", "absorption coefficient of ITO at 600 nm", "652 cm⁻¹",
              652.0, 0.5, functools.partial(oc.absorption_coefficient_cm, "ITO", 600.0), R,
              ch6 + "optical-losses", unit="cm⁻¹", fmt=".1f", label="rel-6.2-absorption"),
        Entry("6.2-alpha-moox", "6.2.2", "absorption coefficient of MoOx at 600 nm",
              "3153 cm⁻¹", 3153.0, 1.0,
              functools.partial(oc.absorption_coefficient_cm, "MoOx", 600.0), R,
              ch6 + "optical-losses", unit="cm⁻¹", fmt=".1f", label="rel-6.2-absorption",
              reason="3153.8: the review truncates; tolerance one unit of its last digit"),
        Entry("6.2-alpha-zno", "6.2.2", "absorption coefficient of ZnO at 610 nm", "4.6 cm⁻¹",
              4.6, 0.05, functools.partial(oc.absorption_coefficient_cm, "ZnO", 610.0), R,
              ch6 + "optical-losses", unit="cm⁻¹", fmt=".2f", label="rel-6.2-absorption"),
        *[Entry(f"6.2-gamma-{name}", "6.2.1", f"$\\Gamma$ of the {what}", f"{rv:g} %", rv, 0.5,
                functools.partial(lambda dev, j: 100 * _electrode(dev)[j], dev, j), D,
                ch6 + "optical-losses", unit="%", fmt=".1f", label="rel-6.2-confinement",
                reason="open model with assumed layer thicknesses and $n_{QD}$ = 1.80; the "
                       "review's COMSOL inputs are not given; same trend")
          for name, what, dev, j, rv in (
              ("ito", "ITO electrode, ITO device", "ITO device", 1, 34.0),
              ("lito", "L-ITO electrode, L-ITO device", "L-ITO device", 1, 22.0),
              ("nc-ito", "dots, ITO device", "ITO device", 3, 18.0),
              ("nc-lito", "dots, L-ITO device", "L-ITO device", 3, 23.0))],
        # --- 6.3 optically excited lasing
        Entry("6.3-volume-ratio", "6.3.1", "volume ratio of 20-nm and 12-nm dots", "~4.6", 4.6,
              0.05, lambda: auger.sphere_volume_nm3(10.0) / auger.sphere_volume_nm3(6.0), R,
              ch6 + "optically-pumped-devices", fmt=".3f", label="rel-6.3-packing"),
        Entry("6.3-gamma", "6.3.2", "$\\Gamma_{NC}$ of the low-loss stack", "~40 %", 40.0, 0.5,
              lambda: 100 * _budget()["gamma_qd"], D, ch6 + "optically-pumped-devices",
              unit="%", fmt=".1f", label="rel-6.3-budget",
              reason="with $n_{QD}$ = 1.80 the open model confines half the review's share; "
                     "$n_{QD}$ = 2.0 reaches 40 %"),
        Entry("6.3-loss", "6.3.2", "$\\alpha_{loss}$ of the low-loss stack", "~143 cm⁻¹", 143.0,
              0.5, lambda: _budget()["loss"], D, ch6 + "optically-pumped-devices",
              unit="cm⁻¹", fmt=".1f", label="rel-6.3-budget",
              reason="assumed thicknesses and indices; the review's COMSOL inputs are not given"),
        Entry("6.3-modal-gain", "6.3.2", "$G_{mod}$ of the low-loss stack", "~300 cm⁻¹", 300.0,
              0.5, lambda: _budget()["modal_gain"], D, ch6 + "optically-pumped-devices",
              unit="cm⁻¹", fmt=".1f", label="rel-6.3-budget",
              reason="follows the smaller $\\Gamma_{NC}$ of the open model"),
        # --- 6.4 electrically driven ASE
        Entry("6.4-gamma", "6.4.2", "$\\Gamma_{NC}$ of the Bragg-reflection waveguide", "~23 %",
              23.0, 0.5, lambda: 100 * _brw()["gamma_qd"], D, ch6 + "electrically-driven-ase",
              unit="%", fmt=".1f", label="rel-6.4-brw",
              reason="assumed DBR period and layers; the review's design is not given"),
        Entry("6.4-loss", "6.4.2", "$\\alpha_{loss}$ of the Bragg-reflection waveguide",
              "~16 cm⁻¹", 16.0, 0.5, lambda: _brw()["loss"], D, ch6 + "electrically-driven-ase",
              unit="cm⁻¹", fmt=".0f", label="rel-6.4-brw",
              reason="the open model's ITO and Ag absorb far more than the review's design"),
        Entry("6.4-modal-gain", "6.4.2", "$G_{mod} = 0.23 \\times 780$ cm⁻¹", "~180 cm⁻¹", 180.0,
              5.0, functools.partial(photonics.net_modal_gain_cm, 0.23, 780.0, 0.0), R,
              ch6 + "electrically-driven-ase", unit="cm⁻¹", fmt=".1f",
              label="rel-6.4-budget-numbers"),
        Entry("6.4-net-gain", "6.4.2", "$G_{net}$ = $G_{mod} - \\alpha_{loss}$", "~164 cm⁻¹",
              164.0, 1.0, functools.partial(photonics.net_modal_gain_cm, 0.23, 780.0, 16.0), R,
              ch6 + "electrically-driven-ase", unit="cm⁻¹", fmt=".1f",
              label="rel-6.4-budget-numbers",
              reason="163.4; the review subtracts from the rounded 180"),
        Entry("6.4-edge-intensity", "6.4.2", "edge-emission intensity, 0.17 mW", "1.9 kW cm⁻²",
              1.9, 0.05,
              lambda: photonics.edge_emission_intensity_w_cm2(0.17e-3, 30.0, 300.0) / 1e3, R,
              ch6 + "electrically-driven-ase", unit="kW cm⁻²", fmt=".3f",
              label="rel-6.4-edge-intensity"),
        *[Entry(f"6.4-peak-{band}", "6.4.2", f"{band} ASE peak at {ev} eV", f"{nm} nm", float(nm),
                0.5, functools.partial(lambda e: float(photonics.photon_energy_to_wavelength_nm(
                    e)), ev), R, ch6 + "electrically-driven-ase", unit="nm", fmt=".1f",
                label="rel-6.4-ase-facts")
          for band, ev, nm in (("1S", 1.93, 642), ("1P", 2.11, 588))],
    ]
    return out


ENTRIES: tuple[Entry, ...] = tuple(_entries())
"""Every number of the review that the book recomputes, in the review's order."""

_BY_KEY = {e.key: e for e in ENTRIES}
if len(_BY_KEY) != len(ENTRIES):
    raise RuntimeError("duplicate keys in qdbook.reproducibility.ENTRIES")


def entry(key: str) -> Entry:
    """The entry of ``key``; ValueError naming the key if there is none."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise ValueError(f"key must be one of the {len(ENTRIES)} entry keys, got {key!r}") from None


def for_section(chapter: str) -> list[Entry]:
    """Entries whose review section starts with ``chapter`` (e.g. "2" or "6.1")."""
    chapter = str(chapter)
    return [e for e in ENTRIES if e.section == chapter or e.section.startswith(chapter + ".")]


def rows() -> list[dict]:
    """Every entry with the book's value computed now and the verdict that value gives."""
    out = []
    for e in ENTRIES:
        x = e.book_value()
        out.append({"entry": e, "book": x, "verdict": e.computed_verdict(x)})
    return out


def _link(e: Entry, kind: str) -> str:
    link = f"{{doc}}`/{e.page}`"
    if e.label:
        link += (f", eq. {{eq}}`{e.label}`" if kind == "eq"
                 else f", {{ref}}`derivation <{e.label}>`")
    return link


def table_markdown(computed: list[dict] | None = None,
                   label_kind: Callable[[Entry], str] | None = None) -> str:
    """The report as a MyST Markdown table (what the reproducibility page displays).

    ``label_kind(entry)`` says how the entry's label is defined on its page: ``"eq"`` for an
    equation (``:label:``, linked with ``{eq}``), ``"ref"`` for a target (``(label)=``); by
    default ``eq-`` ids are equations and the others targets.
    """
    computed = rows() if computed is None else computed
    label_kind = label_kind or (lambda e: "eq" if e.label.startswith("eq-") else "ref")
    head = ("| Section | Quantity | Review | Book | Tolerance | Verdict | Why, and where |\n"
            "|---|---|---|---|---|---|---|\n")
    lines = []
    for row in computed:
        e, x = row["entry"], row["book"]
        unit = f" {e.unit}" if e.unit else ""
        exact = e.tolerance <= 1e-10 * max(1.0, abs(e.value))
        tol = "exact" if exact else f"± {e.tolerance:g}{unit}"
        why = (e.reason + "; " if e.reason else "") + _link(e, label_kind(e))
        lines.append(f"| {e.section} | {e.quantity} | {e.review} | {x:{e.fmt}}{unit} | {tol} | "
                     f"{row['verdict']} | {why} |")
    return head + "\n".join(lines) + "\n"


def summary(computed: list[dict] | None = None) -> dict:
    """Counts of entries by verdict: ``{"reproduced": n, "differs": m, "total": n + m}``."""
    computed = rows() if computed is None else computed
    n = sum(r["verdict"] == REPRODUCED for r in computed)
    return {REPRODUCED: n, DIFFERS: len(computed) - n, "total": len(computed)}
