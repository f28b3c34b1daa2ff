"""Bulk material parameters used by the confinement models.

Conventions
-----------
Energies in eV, effective masses in units of the free-electron mass
:math:`m_0`, dielectric constants relative to vacuum. Band gaps are
room-temperature (300 K) values. Every number carries its source in
:attr:`Material.sources`, as a key of the book's ``references.bib``.

The values are representative single numbers taken from the cited
compilations; those compilations list ranges (different polytypes,
temperatures, and measurement methods), and the book's pages say where the
spread matters. Hole masses are heavy-hole masses; for the lead
chalcogenides the masses are the direction-averaged band-edge masses, and the
dielectric constant is the high-frequency one, as used for confinement
(Wise 2000).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Material:
    """Bulk parameters of one semiconductor.

    Attributes
    ----------
    name : str
        Chemical formula, as used to look the material up.
    eg0_ev : float
        Bulk band gap at 300 K [eV].
    me : float
        Electron effective mass [m_0].
    mh : float
        Hole (heavy-hole or band-averaged) effective mass [m_0].
    eps_r : float
        Relative dielectric constant used for the Coulomb term [1].
    family : str
        Material family (II-VI, III-V, IV-VI).
    sources : dict
        For each parameter name, the ``references.bib`` key of its source.
    """

    name: str
    eg0_ev: float
    me: float
    mh: float
    eps_r: float
    family: str
    sources: dict = field(default_factory=dict, compare=False)

    @property
    def m_eh(self) -> float:
        """Reduced electron-hole mass m_e m_h/(m_e + m_h) [m_0]."""
        return self.me * self.mh / (self.me + self.mh)


_MADELUNG = "madelung2004"
_WISE = "wise2000"
_VURGAFTMAN = "vurgaftman2001"

MATERIALS: dict[str, Material] = {
    "CdSe": Material("CdSe", 1.74, 0.13, 0.45, 9.5, "II-VI", dict.fromkeys(
        ("eg0_ev", "me", "mh", "eps_r"), _MADELUNG)),
    "CdS": Material("CdS", 2.42, 0.21, 0.80, 8.9, "II-VI", dict.fromkeys(
        ("eg0_ev", "me", "mh", "eps_r"), _MADELUNG)),
    "CdTe": Material("CdTe", 1.50, 0.10, 0.40, 10.2, "II-VI", dict.fromkeys(
        ("eg0_ev", "me", "mh", "eps_r"), _MADELUNG)),
    # InP: 300 K gap and electron mass from Vurgaftman et al.; the heavy-hole
    # mass along [001] is 1/(gamma1 - 2 gamma2) with their Luttinger parameters
    # gamma1 = 5.08, gamma2 = 1.60, i.e. 1/1.88 = 0.53.
    "InP": Material("InP", 1.344, 0.0795, 0.53, 12.5, "III-V", {
        "eg0_ev": _VURGAFTMAN, "me": _VURGAFTMAN, "mh": _VURGAFTMAN, "eps_r": _MADELUNG}),
    "PbS": Material("PbS", 0.41, 0.085, 0.085, 17.2, "IV-VI", dict.fromkeys(
        ("eg0_ev", "me", "mh", "eps_r"), _WISE)),
    "PbSe": Material("PbSe", 0.28, 0.047, 0.047, 22.9, "IV-VI", dict.fromkeys(
        ("eg0_ev", "me", "mh", "eps_r"), _WISE)),
}
"""The six materials of the review's size-tuning figure (Ahn et al. 2023, Fig. 1b)."""


def get_material(name: str) -> Material:
    """Return the :class:`Material` called ``name`` (case-insensitive).

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`MATERIALS`.
    """
    if isinstance(name, Material):
        return name
    for key, mat in MATERIALS.items():
        if isinstance(name, str) and key.lower() == name.lower():
            return mat
    raise ValueError(f"material name must be one of {sorted(MATERIALS)}, got {name!r}")
