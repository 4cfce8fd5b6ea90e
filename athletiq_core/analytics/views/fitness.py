"""Fitness (CTL), fatigue (ATL) and form (TSB) from an explained load per activity.

Each activity's load comes from :func:`~athletiq_core.analytics.load.activity_load`
(power TSS, rTSS, hrTSS, Relative Effort or a duration default) and keeps the
source and parameters that produced it. Thresholds are the athlete's own values
where set; the rest are estimated from the last :data:`HISTORY_DAYS` days before
``today`` and flagged as estimates. They are estimated from every sport whatever
the sport filter, so a filter changes which loads count, never the thresholds.

The series starts :data:`LEAD_IN_DAYS` (six CTL time constants) before the
range shown, however short that range, so CTL has its history behind it: a
load that old keeps e^(−6) ≈ 0.25 % of its weight, so older loads are left
out. Nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import logging
import operator
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from typing import NamedTuple

from peewee import SQL

from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.load import ActivityLoadInput, LoadResult, activity_load
from athletiq_core.analytics.pmc import (
    CTL_DAYS,
    FitnessDay,
    daily_loads,
    fitness_series,
)
from athletiq_core.analytics.thresholds import AthleteThresholds
from athletiq_core.analytics.views.common import raw_rows
from athletiq_core.analytics.views.fitness_thresholds import (
    HISTORY_DAYS,
    ThresholdUsed,
    load_context,
)
from athletiq_core.db.models import Activity
from athletiq_core.units import UnitSystem

logger = logging.getLogger(__name__)

SHOWN_DAYS = 365
LEAD_IN_DAYS = 6 * CTL_DAYS

# The columns of a :class:`LoadRow`, in its order.
LOAD_COLUMNS = (
    Activity.id,
    Activity.local_date,
    Activity.start_date,
    Activity.sport_type,
    Activity.moving_time,
    Activity.distance,
    Activity.average_watts,
    Activity.weighted_average_watts,
    Activity.device_watts,
    Activity.average_heartrate,
    Activity.max_heartrate,
    Activity.suffer_score,
)


class LoadRow(NamedTuple):
    """What a load needs from one activity: seconds, metres, watts, bpm.

    ``start_date`` is UTC as ISO text (it only orders rows); ``device_watts``
    is 0 or 1.
    """

    id: int
    local_date: dt.date
    start_date: str
    sport_type: str
    moving_time: int
    distance: float
    average_watts: float | None
    weighted_average_watts: float | None
    device_watts: int
    average_heartrate: float | None
    max_heartrate: float | None
    suffer_score: float | None


class ActivityLoad(NamedTuple):
    """One activity's load in points, with the source and parameters behind it.

    A named tuple rather than a dataclass: a year can hold thousands of them.
    """

    activity_id: int
    local_date: dt.date
    sport_type: str
    load: LoadResult

    def describe(self, units: UnitSystem) -> str:
        """One sentence on how the load was computed, in ``units``."""
        return self.load.describe(units)


@dataclass(frozen=True)
class Fitness:
    """The daily series for the range shown (oldest first) and its last day.

    ``loads`` lists the activities of the range shown, newest first;
    ``sources`` counts them per load source ("hr_tss", …).
    """

    start: dt.date
    end: dt.date
    series: list[FitnessDay]
    latest: FitnessDay | None
    thresholds: list[ThresholdUsed]
    loads: list[ActivityLoad]
    sources: dict[str, int]


def fitness(
    filters: Filters, units: UnitSystem, today: dt.date, days: int = SHOWN_DAYS
) -> Fitness:
    """CTL/ATL/TSB for ``filters`` up to ``today`` (the athlete's local date).

    The range shown is the filters' date range, or the ``days`` days up to
    ``today`` when the filters have none; it never runs past ``today``.
    """
    end = min(today, filters.end or today)
    start = filters.start or end - dt.timedelta(days=days - 1)
    first = start - dt.timedelta(days=LEAD_IN_DAYS)
    rows = load_rows(filters, first, end, today)
    context = load_context(filters.athlete_id, rows, today, units)
    loads = activity_loads(rows, context.thresholds, filters, first, end)
    series = _series(loads, start, end)
    shown = _shown(loads, start, end)
    return Fitness(
        start,
        end,
        series,
        series[-1] if series else None,
        context.explained,
        shown,
        dict(Counter(item.load.source for item in shown)),
    )


def _shown(loads: list, start: dt.date, end: dt.date) -> list[ActivityLoad]:
    in_range = [pair for pair in loads if start <= pair[0].local_date <= end]
    return [
        ActivityLoad(row.id, row.local_date, row.sport_type, load)
        for row, load in in_range
    ]


def _series(loads: list, start: dt.date, end: dt.date) -> list[FitnessDay]:
    if end < start:
        return []
    by_day = daily_loads((row.local_date, load.value) for row, load in loads)
    first = min([start, *by_day])
    return [day for day in fitness_series(by_day, first, end) if day.date >= start]


def load_rows(
    filters: Filters, start: dt.date, end: dt.date, today: dt.date
) -> list[LoadRow]:
    """Every sport's activities from ``start`` to ``end`` (local dates).

    The rows of the :data:`HISTORY_DAYS` up to ``today`` come too, because the
    threshold estimates need them. Newest first. The columns are few
    and numeric so that an index can cover them: this is the biggest read of
    the analytics.
    """
    history = (today - dt.timedelta(days=HISTORY_DAYS), today)
    # One select per disjoint range: an OR of two ranges would make SQLite
    # collect row ids and read whole rows instead of staying on the index.
    parts = [
        apply_filters(
            Activity.select(*LOAD_COLUMNS), filters, sport=False, dates=False
        ).where(Activity.local_date.between(first, last))
        for first, last in _merged([(start, end), history])
    ]
    # Newest first (start, then id), sorted by SQLite: the list shown needs this
    # order, and sorting thousands of rows in Python costs more than the query.
    query = reduce(operator.add, parts).order_by(SQL("3 DESC, 1 DESC"))
    days: dict[str, dt.date] = {}
    return [LoadRow(row[0], _day(days, row[1]), *row[2:]) for row in raw_rows(query)]


def _merged(ranges: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    merged: list[tuple[dt.date, dt.date]] = []
    for first, last in sorted(ranges):
        if merged and first <= merged[-1][1] + dt.timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _day(days: dict[str, dt.date], text: str) -> dt.date:
    # Thousands of rows share a few hundred dates: parse each date once.
    day = days.get(text)
    if day is None:
        day = days[text] = dt.date.fromisoformat(text)
    return day


def activity_loads(
    rows: list[LoadRow],
    thresholds: AthleteThresholds,
    filters: Filters,
    start: dt.date,
    end: dt.date,
) -> list[tuple[LoadRow, LoadResult]]:
    """(row, load) for the rows from ``start`` to ``end`` of the filters' sports."""
    types = filters.sport_types
    return [
        (row, _load_of(row, thresholds))
        for row in rows
        if start <= row.local_date <= end and (types is None or row.sport_type in types)
    ]


def _load_of(row, thresholds: AthleteThresholds) -> LoadResult:
    facts = ActivityLoadInput(
        sport_type=row.sport_type,
        moving_time=row.moving_time or 0,
        avg_power=row.average_watts,
        weighted_power=row.weighted_average_watts,
        avg_heartrate=row.average_heartrate,
        distance=row.distance,
        suffer_score=row.suffer_score,
        has_power=bool(row.device_watts),
    )
    return activity_load(facts, thresholds)
