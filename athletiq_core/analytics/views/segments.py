"""Segment summaries: attempts, best and latest time, and the trend of each segment.

Efforts come from the stored segment efforts of the activities in the filters;
efforts Strava hides are left out. The trend is the least-squares line of
elapsed time against the local date of each attempt, given in seconds per year:
negative means the athlete is getting faster on that segment.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.trend import linear_trend
from athletiq_core.analytics.views.common import as_date
from athletiq_core.db.models import Activity, Segment, SegmentEffort
from athletiq_core.units import UnitSystem, format_distance, format_duration

logger = logging.getLogger(__name__)

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Attempt:
    """One effort on a segment: ``time_s`` elapsed seconds on a local date."""

    activity_id: int
    local_date: dt.date
    time_s: float


@dataclass(frozen=True)
class SegmentSummary:
    """One segment: metres, attempts, best and latest attempt, trend (s/year).

    ``trend_s_per_year`` is None with fewer than two attempts on different days.
    """

    segment_id: int
    name: str
    activity_type: str | None
    distance_m: float
    average_grade: float | None
    attempts: int
    best: Attempt
    first: Attempt
    latest: Attempt
    trend_s_per_year: float | None
    distance_text: str
    best_text: str
    latest_text: str


@dataclass(frozen=True)
class Segments:
    """Segments with attempts in the filters, most attempted first."""

    segments: list[SegmentSummary]


def segments(filters: Filters, units: UnitSystem) -> Segments:
    """Summaries of every segment attempted in ``filters``."""
    attempts: dict[int, list[Attempt]] = defaultdict(list)
    info: dict[int, tuple] = {}
    for row in _effort_rows(filters):
        attempts[row[0]].append(Attempt(row[1], as_date(row[2]), float(row[3])))
        info.setdefault(row[0], row[4:])
    summaries = [
        _summary(segment_id, info[segment_id], tries, units)
        for segment_id, tries in attempts.items()
    ]
    summaries.sort(key=lambda s: (-s.attempts, s.name, s.segment_id))
    return Segments(summaries)


def _effort_rows(filters: Filters):
    query = (
        SegmentEffort.select(
            SegmentEffort.segment,
            Activity.id,
            Activity.local_date,
            SegmentEffort.elapsed_time,
            Segment.name,
            Segment.activity_type,
            Segment.distance,
            Segment.average_grade,
        )
        .join_from(SegmentEffort, Activity)
        .join_from(SegmentEffort, Segment)
        .where(~SegmentEffort.hidden, SegmentEffort.elapsed_time > 0)
    )
    ordered = apply_filters(query, filters).order_by(
        SegmentEffort.segment, Activity.start_date, SegmentEffort.id
    )
    return ordered.tuples()


def _summary(
    segment_id: int, info: tuple, tries: list[Attempt], units: UnitSystem
) -> SegmentSummary:
    name, activity_type, distance, grade = info
    best = min(tries, key=lambda attempt: attempt.time_s)
    return SegmentSummary(
        segment_id=segment_id,
        name=name,
        activity_type=activity_type,
        distance_m=distance,
        average_grade=grade,
        attempts=len(tries),
        best=best,
        first=tries[0],
        latest=tries[-1],
        trend_s_per_year=_trend(tries),
        distance_text=format_distance(distance, units, 2),
        best_text=format_duration(best.time_s),
        latest_text=format_duration(tries[-1].time_s),
    )


def _trend(tries: list[Attempt]) -> float | None:
    origin = tries[0].local_date
    line = linear_trend(((a.local_date - origin).days, a.time_s) for a in tries)
    return line.slope * DAYS_PER_YEAR if line else None
