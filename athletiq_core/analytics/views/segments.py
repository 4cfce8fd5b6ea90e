"""Segment summaries: attempts, the best attempt and the trend of each segment.

Efforts come from the stored segment efforts of the activities in the filters;
efforts Strava hides are left out. The trend is the least-squares slope of
elapsed time against the local date of each attempt, in seconds per year:
negative means the athlete is getting faster on that segment. One grouped query
returns each segment's count, best attempt and the sums the slope needs, so no
effort is loaded one by one.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from peewee import fn

from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.views.common import as_date
from athletiq_core.db.models import Activity, Segment, SegmentEffort
from athletiq_core.units import UnitSystem, format_distance, format_duration

logger = logging.getLogger(__name__)

DAYS_PER_YEAR = 365.25
# julianday('2000-01-01'): days are counted from then, to keep the sums small.
_DAY_ZERO = 2451544.5


@dataclass(frozen=True)
class Attempt:
    """One effort on a segment: ``time_s`` elapsed seconds on a local date."""

    activity_id: int
    local_date: dt.date
    time_s: float


@dataclass(frozen=True)
class SegmentSummary:
    """One segment: metres, attempts, the best attempt and the trend (s/year).

    ``trend_s_per_year`` is None unless there are attempts on two different
    days.
    """

    segment_id: int
    name: str
    activity_type: str | None
    distance_m: float
    average_grade: float | None
    attempts: int
    best: Attempt
    trend_s_per_year: float | None
    distance_text: str
    best_text: str


@dataclass(frozen=True)
class Segments:
    """Segments with attempts in the filters, most attempted first."""

    segments: list[SegmentSummary]


def segments(filters: Filters, units: UnitSystem) -> Segments:
    """Summaries of every segment attempted in ``filters``."""
    summaries = [_summary(row, units) for row in _segment_rows(filters)]
    summaries.sort(key=lambda s: (-s.attempts, s.name, s.segment_id))
    return Segments(summaries)


def _segment_rows(filters: Filters):
    days = fn.julianday(Activity.local_date) - _DAY_ZERO
    seconds = SegmentEffort.elapsed_time
    query = (
        SegmentEffort.select(
            SegmentEffort.segment,
            Segment.name,
            Segment.activity_type,
            Segment.distance,
            Segment.average_grade,
            # MIN() is the only MIN/MAX here, so SQLite takes the two bare
            # columns after it from the fastest attempt's row.
            fn.MIN(seconds),
            Activity.id,
            Activity.local_date,
            fn.COUNT(SegmentEffort.id),
            fn.SUM(days),
            fn.SUM(seconds),
            fn.SUM(days * days),
            fn.SUM(days * seconds),
        )
        .join_from(SegmentEffort, Activity)
        .join_from(SegmentEffort, Segment)
        .where(~SegmentEffort.hidden, seconds > 0)
    )
    return apply_filters(query, filters).group_by(SegmentEffort.segment).tuples()


def _summary(row: tuple, units: UnitSystem) -> SegmentSummary:
    segment_id, name, activity_type, distance, grade = row[:5]
    best_s, activity_id, day, count = row[5:9]
    best = Attempt(activity_id, as_date(day), float(best_s))
    return SegmentSummary(
        segment_id=segment_id,
        name=name,
        activity_type=activity_type,
        distance_m=distance,
        average_grade=grade,
        attempts=count,
        best=best,
        trend_s_per_year=_trend_per_year(count, *row[9:13]),
        distance_text=format_distance(distance, units, 2),
        best_text=format_duration(best.time_s),
    )


def _trend_per_year(
    n: int, sum_x: float, sum_y: float, sum_xx: float, sum_xy: float
) -> float | None:
    # The ordinary least-squares slope from the sums SQLite returned. The days
    # are whole numbers, so the sums are exact and a zero spread is exactly 0.
    spread = n * sum_xx - sum_x * sum_x
    if n < 2 or spread <= 0:
        return None
    return (n * sum_xy - sum_x * sum_y) / spread * DAYS_PER_YEAR
