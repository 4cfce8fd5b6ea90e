"""Year against year: cumulative distance of every year on one calendar axis.

Each year is a line of 366 running totals in metres, aligned by calendar date
(:func:`~athletiq_core.analytics.calendar_math.cumulative_year`: 1 March is slot
60 in every year, and 29 February repeats 28 February's total in common years).
The year in progress stops at ``today``. ``to_date_m`` is each year's total on
today's calendar date, so years compare like for like.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from athletiq_core.analytics.calendar_math import calendar_slot, cumulative_year
from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.views.common import as_date, total_of
from athletiq_core.db.models import Activity
from athletiq_core.units import UnitSystem, format_distance

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class YearLine:
    """One year's running totals (metres; None after ``today``) and its totals."""

    year: int
    cumulative_m: list[float | None]
    total_m: float
    to_date_m: float
    total_text: str
    to_date_text: str


@dataclass(frozen=True)
class YearVsYear:
    """Every year with activity, oldest first; ``today_slot`` is today's slot."""

    today: dt.date
    today_slot: int
    years: list[YearLine]


def year_vs_year(filters: Filters, units: UnitSystem, today: dt.date) -> YearVsYear:
    """Cumulative distance per local year for ``filters``, up to ``today``."""
    daily = _daily_distance(filters, today)
    slot = calendar_slot(today)
    years = sorted({day.year for day in daily})
    lines = [_line(daily, year, today, slot, units) for year in years]
    return YearVsYear(today, slot, lines)


def _daily_distance(filters: Filters, today: dt.date) -> dict[dt.date, float]:
    query = Activity.select(Activity.local_date, total_of(Activity.distance))
    query = apply_filters(query, filters).where(Activity.local_date <= today)
    rows = query.group_by(Activity.local_date).tuples()
    return {as_date(day): float(metres) for day, metres in rows}


def _line(
    daily: dict[dt.date, float],
    year: int,
    today: dt.date,
    slot: int,
    units: UnitSystem,
) -> YearLine:
    through = today if year == today.year else None
    cumulative = cumulative_year(daily, year, through)
    reached = [value for value in cumulative if value is not None]
    total = reached[-1] if reached else 0.0
    to_date = cumulative[slot] if cumulative[slot] is not None else total
    return YearLine(
        year,
        cumulative,
        total,
        to_date,
        format_distance(total, units),
        format_distance(to_date, units),
    )
