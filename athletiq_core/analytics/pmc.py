"""Fitness (CTL), fatigue (ATL) and form (TSB): the performance management chart.

Each day's load (summed per *local* calendar day) feeds two exponentially weighted
averages:

- ``CTL_t = CTL_{t-1} + (load_t − CTL_{t-1}) · (1 − e^(−1/42))`` (42-day constant)
- ``ATL_t = ATL_{t-1} + (load_t − ATL_{t-1}) · (1 − e^(−1/7))`` (7-day constant)
- ``TSB_t = CTL_{t-1} − ATL_{t-1}``: form *going into* day t, from the previous
  day's values, as TrainingPeaks defines it, so a hard day does not lower that
  same day's form.

Days without activities have load 0. The series starts from CTL = ATL = 0 on
``start`` (or the given seed values), so it should start well before the first
day shown: about three months of lead-in makes the start-up negligible.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from athletiq_core.analytics.errors import AnalyticsError

CTL_DAYS = 42
ATL_DAYS = 7
_CTL_WEIGHT = 1 - math.exp(-1 / CTL_DAYS)
_ATL_WEIGHT = 1 - math.exp(-1 / ATL_DAYS)


@dataclass(frozen=True)
class FitnessDay:
    """One local day: its load and the fitness, fatigue and form (all in points)."""

    date: dt.date
    load: float
    ctl: float
    atl: float
    tsb: float


def daily_loads(items: Iterable[tuple[dt.date, float]]) -> dict[dt.date, float]:
    """Loads summed per local date from (local date, load) pairs."""
    totals: dict[dt.date, float] = defaultdict(float)
    for day, load in items:
        totals[day] += load
    return dict(totals)


def fitness_series(
    loads: Mapping[dt.date, float],
    start: dt.date,
    end: dt.date,
    initial_ctl: float = 0.0,
    initial_atl: float = 0.0,
) -> list[FitnessDay]:
    """One :class:`FitnessDay` per day from ``start`` to ``end`` inclusive.

    ``loads`` maps local dates to that day's total load; dates outside the range
    are ignored. ``initial_ctl`` and ``initial_atl`` are the values on the day
    before ``start``.
    """
    if end < start:
        raise AnalyticsError(
            f"The fitness range ends ({end}) before it starts ({start})."
        )
    ctl, atl = initial_ctl, initial_atl
    series = []
    for offset in range((end - start).days + 1):
        day = start + dt.timedelta(days=offset)
        load = loads.get(day, 0.0)
        tsb = ctl - atl
        ctl += (load - ctl) * _CTL_WEIGHT
        atl += (load - atl) * _ATL_WEIGHT
        series.append(FitnessDay(day, load, ctl, atl, tsb))
    return series
