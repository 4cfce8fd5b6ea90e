"""The Eddington number: the largest E with at least E days of at least E km (or mi).

Arthur Eddington's cycling measure. It counts days, not activities: two 30 km
rides on one day make one 60 km day, so callers pass per-day totals
(:func:`daily_totals` builds them from activities).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from athletiq_core.units import UnitSystem, distance_value


@dataclass(frozen=True)
class Eddington:
    """``number`` = E; ``days_for_next`` more days of ≥ E + 1 units reach E + 1."""

    number: int
    days_for_next: int
    units: UnitSystem


def daily_totals(items: Iterable[tuple[dt.date, float]]) -> dict[dt.date, float]:
    """Metres summed per local date from (local date, metres) pairs."""
    totals: dict[dt.date, float] = defaultdict(float)
    for day, metres in items:
        totals[day] += metres
    return dict(totals)


def eddington(
    daily_metres: Iterable[float], units: UnitSystem = UnitSystem.METRIC
) -> Eddington:
    """The Eddington number of per-day distances (metres), in km or miles."""
    lengths = sorted(
        (distance_value(metres, units) for metres in daily_metres), reverse=True
    )
    number = 0
    while number < len(lengths) and lengths[number] >= number + 1:
        number += 1
    target = number + 1
    qualifying = sum(1 for length in lengths if length >= target)
    return Eddington(number, target - qualifying, units)
