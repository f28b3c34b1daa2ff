"""Closed-form references that the photonics tests share (no package code in them)."""

import numpy as np
from scipy.optimize import newton


def tm_three_layer_root(e1, e2, e3, d, lam, guess):
    """TM mode of e1 | e2 (thickness d) | e3, from the closed-form dispersion relation
    e^{−2k₂d} (k₂/ε₂ − k₁/ε₁)(k₂/ε₂ − k₃/ε₃) = (k₂/ε₂ + k₁/ε₁)(k₂/ε₂ + k₃/ε₃),
    k_j = k₀(n² − ε_j)^½ with Re k_j > 0 (Maier, Plasmonics, eq. 2.27), by scipy's secant."""
    k0 = 2 * np.pi / lam

    def residual(n):
        k = [k0 * np.sqrt(n * n - e + 0j) for e in (e1, e2, e3)]
        u = [(kk if kk.real > 0 else -kk) / e for kk, e in zip(k, (e1, e2, e3), strict=True)]
        return (np.exp(-2 * k[1] * d) * (u[1] - u[0]) * (u[1] - u[2])
                - (u[1] + u[0]) * (u[1] + u[2]))

    return complex(newton(residual, complex(guess), tol=1e-14, maxiter=200))
