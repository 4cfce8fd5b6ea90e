"""The calendar of one year: a cell per local day, month totals and streaks.

A day's dominant sport is the sport type with the most moving time that day (the
most activities on a tie). Training load is the sum of the day's activity loads,
computed as in :mod:`~athletiq_core.analytics.views.fitness`. The current streak
counts back from ``today`` through all history, so it carries over New Year; the
longest streak is the longest within the year shown.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from peewee import fn

from athletiq_core.analytics.calendar_math import streaks
from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.views.common import (
    Totals,
    add_totals,
    as_date,
    make_totals,
    total_of,
)
from athletiq_core.analytics.views.fitness import activity_loads, load_rows
from athletiq_core.analytics.views.fitness_thresholds import load_context
from athletiq_core.db.models import Activity
from athletiq_core.sports import group_of
from athletiq_core.units import UnitSystem

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DayCell:
    """One local day: totals, dominant sport (type and group) and load (points)."""

    date: dt.date
    totals: Totals
    dominant_sport: str | None
    dominant_group: str | None
    load: float


@dataclass(frozen=True)
class MonthTotals:
    """The totals of one month (1–12) of the year."""

    month: int
    totals: Totals


@dataclass(frozen=True)
class CalendarYear:
    """Every day of ``year`` (Jan 1 first), 12 months, and the streaks in days."""

    year: int
    days: list[DayCell]
    months: list[MonthTotals]
    totals: Totals
    active_days: int
    current_streak: int
    longest_streak: int
    longest_streak_end: dt.date | None
    max_day_distance_m: float


def calendar(
    filters: Filters, units: UnitSystem, year: int, today: dt.date
) -> CalendarYear:
    """The calendar of local year ``year`` for ``filters`` as of ``today``."""
    scoped = filters.for_year(year)
    per_day = _per_day_and_sport(scoped)
    loads = _daily_load(scoped, today, units)
    days = _cells(year, per_day, loads, units)
    active = [cell.date for cell in days if cell.totals.count]
    in_year = streaks(active, today)
    current = streaks(_active_days(filters, today), today)
    return CalendarYear(
        year=year,
        days=days,
        months=_months(days, units),
        totals=add_totals([cell.totals for cell in days], units),
        active_days=len(active),
        current_streak=current.current,
        longest_streak=in_year.longest,
        longest_streak_end=in_year.longest_end,
        max_day_distance_m=max(cell.totals.distance_m for cell in days),
    )


def _per_day_and_sport(filters: Filters) -> dict[dt.date, list[tuple]]:
    query = Activity.select(
        Activity.local_date,
        Activity.sport_type,
        fn.COUNT(Activity.id),
        total_of(Activity.distance),
        total_of(Activity.moving_time),
        total_of(Activity.total_elevation_gain),
    )
    query = apply_filters(query, filters).group_by(
        Activity.local_date, Activity.sport_type
    )
    by_day: dict[dt.date, list[tuple]] = defaultdict(list)
    for row in query.tuples():
        by_day[as_date(row[0])].append(row)
    return by_day


def _daily_load(
    filters: Filters, today: dt.date, units: UnitSystem
) -> dict[dt.date, float]:
    rows = load_rows(filters, filters.start, filters.end, today)
    context = load_context(filters.athlete_id, rows, today, units)
    totals: dict[dt.date, float] = defaultdict(float)
    pairs = activity_loads(
        rows, context.thresholds, filters, filters.start, filters.end
    )
    for row, load in pairs:
        totals[row.local_date] += load.value
    return totals


def _cells(
    year: int,
    per_day: dict[dt.date, list[tuple]],
    loads: dict[dt.date, float],
    units: UnitSystem,
) -> list[DayCell]:
    first = dt.date(year, 1, 1)
    count = (dt.date(year + 1, 1, 1) - first).days
    days = (first + dt.timedelta(days=offset) for offset in range(count))
    return [
        _cell(day, per_day.get(day, []), loads.get(day, 0.0), units) for day in days
    ]


def _cell(day: dt.date, rows: list[tuple], load: float, units: UnitSystem) -> DayCell:
    totals = make_totals(*(sum(row[i] for row in rows) for i in range(2, 6)), units)
    top = max(rows, key=lambda row: (row[4], row[2]), default=None)
    sport = top[1] if top else None
    return DayCell(day, totals, sport, group_of(sport) if sport else None, load)


def _months(days: list[DayCell], units: UnitSystem) -> list[MonthTotals]:
    by_month: dict[int, list[Totals]] = defaultdict(list)
    for cell in days:
        by_month[cell.date.month].append(cell.totals)
    return [MonthTotals(m, add_totals(by_month[m], units)) for m in range(1, 13)]


def _active_days(filters: Filters, today: dt.date) -> list[dt.date]:
    query = apply_filters(Activity.select(Activity.local_date), filters, dates=False)
    query = query.where(Activity.local_date <= today).distinct()
    return [as_date(day) for (day,) in query.tuples()]
