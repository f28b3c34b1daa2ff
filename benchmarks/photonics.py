"""Speed of the multilayer solver (`python benchmarks/photonics.py`). Reported, not asserted.

1. Reflectance spectrum of a 21-layer quarter-wave DBR at 1000 wavelengths: one vectorised
   call of :func:`qdbook.photonics.reflectance_transmittance` against the published ``tmm``
   package (0.2.0) called once per wavelength. Target: >= 20x faster at equal results.
2. All guided TE modes of a 25-layer stack with absorbing layers
   (:func:`qdbook.photonics.guided_modes`). Target: <= 20 ms.

Medians over repeats are printed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import tmm

from qdbook import photonics as ph

sys.path.insert(0, str(Path(__file__).parent))
from run import median_time  # noqa: E402  (one timing helper for every benchmark)


def dbr_stack(pairs: int = 10):
    """Glass / (Nb2O5/SiO2) x pairs + Nb2O5 / air, quarter-wave at 640 nm: 21 layers."""
    n_h, n_l = 2.33, 1.47
    n = [1.52] + [n_h, n_l] * pairs + [n_h] + [1.0]
    d = [640 / (4 * n_h), 640 / (4 * n_l)] * pairs + [640 / (4 * n_h)]
    return n, d


def bench_dbr(repeats: int = 7) -> dict:
    n, d = dbr_stack()
    lam = np.linspace(450.0, 850.0, 1000)
    ours = ph.reflectance_transmittance(n, d, lam)["R"]
    ref = np.array([tmm.coh_tmm("s", n, [np.inf, *d, np.inf], 0.0, x)["R"] for x in lam])
    t_ours = median_time(lambda: ph.reflectance_transmittance(n, d, lam), repeats)
    t_tmm = median_time(lambda: [tmm.coh_tmm("s", n, [np.inf, *d, np.inf], 0.0, x)
                                 for x in lam], max(3, repeats // 2))
    return {"layers": len(d), "wavelengths": lam.size, "qdbook_ms": 1e3 * t_ours,
            "tmm_ms": 1e3 * t_tmm, "speed_up": t_tmm / t_ours,
            "max_abs_difference": float(np.max(np.abs(ours - ref)))}


def stack25():
    """25 finite layers: alternating organic/oxide films with two absorbing ones, on glass."""
    rng = np.random.default_rng(7)
    n = [1.52] + list(rng.uniform(1.5, 2.2, 25) + 0j) + [1.0]
    n[5] = n[5] + 0.003j   # an ITO-like absorber
    n[20] = n[20] + 0.01j  # a MoOx-like absorber
    d = list(rng.uniform(40.0, 160.0, 25))
    return n, d


def bench_modes(repeats: int = 21) -> dict:
    n, d = stack25()
    modes = ph.guided_modes(n, d, 630.0, "TE")
    t = median_time(lambda: ph.guided_modes(n, d, 630.0, "TE"), repeats)
    t_tm = median_time(lambda: ph.guided_modes(n, d, 630.0, "TM"), repeats)
    return {"layers": len(d), "te_modes": int(modes.size), "te_ms": 1e3 * t, "tm_ms": 1e3 * t_tm}


def main() -> None:
    dbr = bench_dbr()
    print(f"DBR spectrum ({dbr['layers']} layers, {dbr['wavelengths']} wavelengths): "
          f"qdbook {dbr['qdbook_ms']:.2f} ms, tmm loop {dbr['tmm_ms']:.0f} ms, "
          f"speed-up {dbr['speed_up']:.0f}x, max |dR| = {dbr['max_abs_difference']:.1e}")
    modes = bench_modes()
    print(f"All guided modes of a {modes['layers']}-layer stack: {modes['te_modes']} TE modes "
          f"in {modes['te_ms']:.1f} ms (TM: {modes['tm_ms']:.1f} ms), medians")


if __name__ == "__main__":
    main()
