"""The catalogue of the explorations' controls, by parameter name.

Every control of every exploration is built here by :func:`control` from one
entry of :data:`CONTROLS`: the kind of widget, its range and step, its readout
format and the label the reader (and a screen reader) sees. A parameter that
several explorations share (``radius_nm``, ``tau_x_ns``, ``mean_n``, a line
width, the QD film index …) therefore has one range and one label; an
exploration that needs another range passes an override and says why.

The label of a parameter of the notation table (:data:`qdbook.notation.NOTATION`)
is its symbol in plain text (or the entry's ``label``) followed by the
notation's unit, e.g. ``"σ_abs (cm²)"``; a parameter outside the table gets the
entry's ``label`` and ``unit``.

A control's default is not here: it is the model function's default argument,
read by :func:`controls_for` from the model's signature.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np

from ..materials import MATERIALS
from ..notation import NOTATION, tex_to_text
from ._browser import model_defaults

KINDS = ("linear", "log", "int", "options", "selection")
"""Kinds of control: FloatSlider, FloatLogSlider (base 10), IntSlider, Dropdown, SelectionSlider."""


@dataclass(frozen=True)
class Spec:
    """One catalogue entry: how to build the control of a parameter.

    ``min``, ``max`` and ``step`` of a ``"log"`` control are base-10 exponents (as
    :class:`ipywidgets.FloatLogSlider` takes them). ``options`` of an ``"options"`` or
    ``"selection"`` control may be None: the exploration then passes its own (a list
    that lives with the exploration's data, such as its dot types).
    """

    kind: str
    min: float | None = None
    max: float | None = None
    step: float | None = None
    format: str | None = None   #: readout format; None keeps the widget's own
    label: str | None = None    #: shown name; by default the notation symbol
    unit: str = ""              #: unit of a parameter outside the notation table
    options: tuple | None = None


CONTROLS: dict[str, Spec] = {
    # -- levels
    "radius_nm": Spec("linear", 1.0, 6.0, 0.05, label="radius R"),
    "material": Spec("options", label="material", options=tuple(MATERIALS)),
    "coulomb": Spec("options", label="Coulomb term",
                    options=(("without", False), ("with Brus's term", True))),
    "monolayers": Spec("linear", 2.0, 9.0, 0.5, label="thickness", unit="ML"),
    "barrier_ev": Spec("linear", 0.5, 6.0, 0.25, label="barrier V₀", unit="eV"),
    "position": Spec("linear", -1.0, 1.0, 0.05, label="Cl ← Br → I"),
    # -- gain
    "mean_n": Spec("linear", 0.0, 4.0, 0.05),
    "delta_xx_mev": Spec("linear", -100.0, 200.0, 5.0, label="Δ_XX", unit="meV"),
    "fwhm_mev": Spec("linear", 20.0, 150.0, 5.0, label="line width", unit="meV"),
    "n_e": Spec("linear", 0.0, 8.0, 0.1, label="extra electrons n_e"),
    "degeneracy": Spec("options", label="g_e = g_h", options=(2, 8)),
    "mean_n_e": Spec("linear", 0.0, 8.0, 0.1, label="⟨n_e⟩"),
    "area_nm2": Spec("log", 1.0, 3.5, 0.02, ".0f", label="area A", unit="nm²"),
    "exciton_radius_nm": Spec("linear", 0.5, 5.0, 0.1, label="a_2D", unit="nm"),
    # -- Auger
    "tau_x_ns": Spec("linear", 2.0, 60.0, 1.0),
    "sigma_abs_cm2": Spec("log", -16.0, -12.0, 0.05, ".1e"),
    "tau_a_xx_ps": Spec("log", 1.0, 4.0, 0.02, ".3g"),
    "tau_xx_ps": Spec("log", 1.0, 4.0, 0.02, ".3g"),
    "edge_nm": Spec("linear", 3.0, 15.0, 0.5, label="edge L", unit="nm"),
    "chi_ps_nm3": Spec("log", -2.0, 0.5, 0.02, ".3f"),
    # -- devices
    "current_density_a_cm2": Spec("log", -1.0, 5.0, 0.05, ".3g", label="j", unit="A cm⁻²"),
    "dot": Spec("options", label="dot"),
    "eps_r": Spec("linear", 2.0, 15.0, 0.5, label="ε_r (charging)"),
    "fill_factor": Spec("linear", 0.1, 1.0, 0.05, label="f_a"),
    "pulse_width_us": Spec("log", -1.0, float(np.log10(30.0)), 0.02, ".3g", label="τ_p",
                           unit="µs"),
    "period_us": Spec("log", float(np.log10(40.0)), 3.0, 0.02, ".3g", label="T_pp", unit="µs"),
    "power_w": Spec("linear", 0.05, 1.0, 0.05, label="P_e", unit="W"),
    "n_excitons": Spec("linear", 0.5, 8.0, 0.25, label="N (excitons per dot)"),
    # -- spectroscopy
    "gain_cm": Spec("linear", 10.0, 70.0, 2.5, label="true G", unit="cm⁻¹"),
    "relative_noise": Spec("linear", 0.0, 0.3, 0.01, label="relative noise"),
    "max_length_mm": Spec("linear", 0.5, 3.0, 0.1, label="longest stripe", unit="mm"),
    "period_nm": Spec("linear", 300.0, 380.0, 2.5, label="period Λ", unit="nm"),
    "n_eff": Spec("linear", 1.5, 1.9, 0.01, label="n_eff"),
    # -- photonics
    "electrode_index": Spec("linear", 1.5, 2.0, 0.025, label="electrode index"),
    "electrode_nm": Spec("linear", 50.0, 300.0, 10.0, label="electrode", unit="nm"),
    "qd_index": Spec("linear", 1.6, 2.1, 0.02, label="QD film index"),
    "spacer_nm": Spec("linear", 150.0, 600.0, 25.0, label="dielectric", unit="nm"),
    "metal": Spec("options", label="metal", options=("Ag", "Au", "Al")),
    "qd_nm": Spec("linear", 20.0, 200.0, 5.0, label="QD layer", unit="nm"),
    # step 10 puts both the budget's 750 and the BRW's 780 cm⁻¹ on the slider's steps (they
    # used steps of 25 and 20)
    "material_gain_cm": Spec("linear", 0.0, 1500.0, 10.0, label="G_mat", unit="cm⁻¹"),
    "pairs": Spec("int", 2, 14, 1, label="DBR pairs"),
    "design_n_eff": Spec("linear", 0.6, 1.4, 0.05, label="DBR design n_eff"),
    "point": Spec("selection", label="Γ_NC at least"),
}
"""The controls of the explorations, by the model parameter they set."""


_NOTATION = {row.parameter: row for row in NOTATION if row.parameter}


def label(name: str, spec: Spec | None = None) -> str:
    """The description of ``name``'s control: its short name and unit, e.g. ``"τ_X (ns)"``.

    >>> label("sigma_abs_cm2"), label("radius_nm"), label("mean_n"), label("edge_nm")
    ('σ_abs (cm²)', 'radius R (nm)', '⟨N⟩', 'edge L (nm)')
    """
    if name not in CONTROLS:
        raise ValueError(f"name must be a parameter of the catalogue CONTROLS, got {name!r}")
    spec = CONTROLS[name] if spec is None else spec
    row = _NOTATION.get(name)
    text = spec.label or (tex_to_text(row.symbol) if row else name)
    unit = row.unit if row else spec.unit
    return f"{text} ({unit})" if unit and unit != "1" else text


def control(name: str, value, **overrides) -> widgets.Widget:
    """The ipywidget of parameter ``name`` at ``value``, as :data:`CONTROLS` describes it.

    ``overrides`` replace fields of the entry (``min``, ``max``, ``step``, ``format``,
    ``label``, ``options``, ``kind``) for one exploration. The widget remembers its
    name and overrides (``widget.catalogue``), so the tests can rebuild it.

    >>> w = control("tau_x_ns", 20.0)
    >>> (type(w).__name__, w.description, w.min, w.max, w.step)
    ('FloatSlider', 'τ_X (ns)', 2.0, 60.0, 1.0)
    """
    if name not in CONTROLS:
        raise ValueError(f"name must be a parameter of the catalogue CONTROLS, got {name!r}")
    fields = {f.name for f in dataclasses.fields(Spec)} - {"unit"}
    if set(overrides) - fields:
        raise ValueError(f"overrides must be among {sorted(fields)}, got {sorted(overrides)}")
    spec = dataclasses.replace(CONTROLS[name], **overrides)
    if spec.kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, got {spec.kind!r}")
    common = {"value": value, "description": label(name, spec)}
    if spec.format is not None:
        common["readout_format"] = spec.format
    rng = {"min": spec.min, "max": spec.max, "step": spec.step}
    if spec.kind in ("options", "selection"):
        if spec.options is None:
            raise ValueError(f"options must be given for {name!r} (the catalogue has none)")
        cls = widgets.Dropdown if spec.kind == "options" else widgets.SelectionSlider
        widget = cls(options=list(spec.options), **common)
    elif spec.kind == "log":
        widget = widgets.FloatLogSlider(base=10, **rng, **common)
    elif spec.kind == "int":
        widget = widgets.IntSlider(**rng, **common)
    else:
        widget = widgets.FloatSlider(**rng, **common)
    widget.catalogue = (name, dict(overrides))
    return widget


def model_default(model, name: str):
    """The default of parameter ``name`` of ``model`` (the one place a default is written)."""
    defaults = model_defaults(model)
    if name not in defaults:
        raise ValueError(f"name must be a parameter with a default of {model.__name__} "
                         f"(one of {sorted(defaults)}), got {name!r}")
    return defaults[name]


def controls_for(model, names, values: dict, **overrides) -> dict:
    """The controls of ``model``'s parameters ``names``, in that order.

    Each starts at ``values[name]``, removed from ``values`` (an explorer's keyword
    arguments, whose rest then go to :class:`~qdbook.explore.Exploration`), or at the
    model's default. ``overrides`` maps a name to the overrides of its :func:`control`.
    """
    if set(overrides) - set(names):
        raise ValueError(f"overrides must name controls among {list(names)}, "
                         f"got {sorted(overrides)}")
    return {name: control(name, values.pop(name) if name in values
                          else model_default(model, name), **overrides.get(name, {}))
            for name in names}


