"""Least-squares straight lines, for progression charts and exponent fits."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Trend:
    """The line ``y = slope·x + intercept`` and how well it fits (``r_squared``)."""

    slope: float
    intercept: float
    r_squared: float
    count: int

    def at(self, x: float) -> float:
        """The line's value at ``x`` (in the units of the fitted y)."""
        return self.slope * x + self.intercept


def linear_trend(points: Iterable[tuple[float, float]]) -> Trend | None:
    """The ordinary least-squares line through ``(x, y)`` points, or None.

    None for fewer than two points or when every x is the same (no line is
    defined). When every y is the same the line is flat and fits perfectly, so
    ``r_squared`` is 1.0. Units follow the inputs: slope is y-units per x-unit.
    """
    pairs = list(points)
    n = len(pairs)
    if n < 2:
        return None
    mean_x = sum(x for x, _ in pairs) / n
    mean_y = sum(y for _, y in pairs) / n
    sxx = sum((x - mean_x) ** 2 for x, _ in pairs)
    if sxx == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in pairs)
    slope = sxy / sxx
    intercept = mean_y - slope * mean_x
    return Trend(slope, intercept, _r_squared(pairs, slope, intercept, mean_y), n)


def _r_squared(
    pairs: list[tuple[float, float]], slope: float, intercept: float, mean_y: float
) -> float:
    total = sum((y - mean_y) ** 2 for _, y in pairs)
    if total == 0:
        return 1.0
    residual = sum((y - (slope * x + intercept)) ** 2 for x, y in pairs)
    return 1.0 - residual / total
