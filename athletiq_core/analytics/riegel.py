"""Riegel's race-time prediction and the athlete's own fatigue exponent.

Riegel (1981, "Athletic records and human endurance", *American Scientist* 69)
found that race times follow ``T2 = T1 × (D2 / D1)^k`` with ``k ≈ 1.06`` for
running. An athlete's own ``k`` is the slope of the least-squares line through
``(ln D, ln T)`` of their best efforts.

A fitted exponent is only trusted when the efforts cover at least two distinct
distances whose longest is at least twice the shortest (a 5K and a 6K say little
about the marathon). The fit is clamped to 1.02–1.15: below 1.02 a runner would
barely slow down with distance, and 1.15 is about the exponent found for
recreational marathoners (Vickers & Vertosick, 2016), so values outside that range
mean the efforts are not comparable (a jog logged as a best, a race on a hill), not
that the runner is exceptional.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass

from athletiq_core.analytics.errors import AnalyticsError
from athletiq_core.analytics.trend import linear_trend

logger = logging.getLogger(__name__)

DEFAULT_EXPONENT = 1.06
MIN_EXPONENT = 1.02
MAX_EXPONENT = 1.15
MIN_DISTANCE_RATIO = 2.0
FIT_REQUIREMENT = (
    "A personal exponent needs best efforts at two or more distances, the longest "
    "at least twice the shortest."
)


@dataclass(frozen=True)
class ExponentFit:
    """A fitted Riegel exponent: ``exponent`` is clamped, ``raw`` is the fit."""

    exponent: float
    raw: float
    clamped: bool
    distances: int


def predict(
    distance_m: float,
    time_s: float,
    target_distance_m: float,
    exponent: float = DEFAULT_EXPONENT,
) -> float:
    """Predicted time (s) over ``target_distance_m`` metres.

    ``time_s`` seconds over ``distance_m`` metres, scaled by the ``exponent``.
    """
    if distance_m <= 0 or time_s <= 0 or target_distance_m <= 0:
        raise AnalyticsError(
            f"Riegel needs positive distances and time, got {distance_m} m in "
            f"{time_s} s to {target_distance_m} m."
        )
    return time_s * (target_distance_m / distance_m) ** exponent


def best_per_distance(efforts: Iterable[tuple[float, float]]) -> dict[int, float]:
    """Fastest time (s) per distance (rounded to the metre) from (metres, seconds)."""
    best: dict[int, float] = {}
    for metres, seconds in efforts:
        if metres <= 0 or seconds <= 0:
            continue
        key = round(metres)
        best[key] = min(seconds, best.get(key, math.inf))
    return best


def fit_exponent(efforts: Iterable[tuple[float, float]]) -> ExponentFit | None:
    """The athlete's exponent from (metres, seconds) best efforts, or None.

    None when the efforts do not meet :data:`FIT_REQUIREMENT`.
    """
    best = best_per_distance(efforts)
    if len(best) < 2 or max(best) < MIN_DISTANCE_RATIO * min(best):
        logger.debug("No personal Riegel exponent: %s", FIT_REQUIREMENT)
        return None
    points = [(math.log(metres), math.log(seconds)) for metres, seconds in best.items()]
    trend = linear_trend(points)
    if trend is None:
        return None
    raw = trend.slope
    exponent = min(max(raw, MIN_EXPONENT), MAX_EXPONENT)
    return ExponentFit(exponent, raw, exponent != raw, len(best))


def predict_from_efforts(
    efforts: Iterable[tuple[float, float]],
    target_distance_m: float,
    exponent: float | None = None,
) -> float | None:
    """Predicted time (s) over ``target_distance_m`` from the nearest best effort.

    The effort closest in log-distance to the target is scaled with ``exponent``,
    or the athlete's fitted exponent, or :data:`DEFAULT_EXPONENT`. None when there
    are no usable efforts.
    """
    best = best_per_distance(efforts)
    if not best:
        return None
    if exponent is None:
        fit = fit_exponent(best.items())
        exponent = fit.exponent if fit else DEFAULT_EXPONENT
    nearest = min(best, key=lambda m: abs(math.log(m / target_distance_m)))
    return predict(nearest, best[nearest], target_distance_m, exponent)
