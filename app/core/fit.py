"""A small Nelder-Mead minimiser (Nelder & Mead 1965, with the standard coefficients 1, 2, 0.5, 0.5).

The utilisation model has a dozen parameters and a smooth, cheap objective; a dependency such as
SciPy would add tens of megabytes to the installers for one call, so the fit uses this instead.
Deterministic: the same start gives the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence


def nelder_mead(f: Callable[[list[float]], float], x0: Sequence[float], step: Sequence[float],
                iterations: int = 3000, tolerance: float = 1e-9) -> tuple[list[float], float]:
    """Minimise ``f`` from ``x0`` (initial simplex: x0 and x0 + step along each axis)."""
    n = len(x0)
    simplex = [list(x0)]
    for i in range(n):
        x = list(x0)
        x[i] += step[i]
        simplex.append(x)
    values = [f(x) for x in simplex]
    for _ in range(iterations):
        order = sorted(range(n + 1), key=lambda k: values[k])
        simplex = [simplex[k] for k in order]
        values = [values[k] for k in order]
        if abs(values[-1] - values[0]) <= tolerance * (abs(values[0]) + tolerance):
            break
        centroid = [sum(x[i] for x in simplex[:-1]) / n for i in range(n)]
        worst = simplex[-1]
        reflected = [c + (c - w) for c, w in zip(centroid, worst, strict=True)]
        fr = f(reflected)
        if values[0] <= fr < values[-2]:
            simplex[-1], values[-1] = reflected, fr
            continue
        if fr < values[0]:
            expanded = [c + 2.0 * (c - w) for c, w in zip(centroid, worst, strict=True)]
            fe = f(expanded)
            simplex[-1], values[-1] = (expanded, fe) if fe < fr else (reflected, fr)
            continue
        contracted = [c + 0.5 * (w - c) for c, w in zip(centroid, worst, strict=True)]
        fc = f(contracted)
        if fc < values[-1]:
            simplex[-1], values[-1] = contracted, fc
            continue
        best = simplex[0]
        simplex = [best] + [[b + 0.5 * (x - b) for b, x in zip(best, xs, strict=True)] for xs in simplex[1:]]
        values = [values[0]] + [f(x) for x in simplex[1:]]
    k = min(range(n + 1), key=lambda i: values[i])
    return simplex[k], values[k]
