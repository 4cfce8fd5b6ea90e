"""Progression: the pace of runs of one distance over a period, with its trend.

Runs are chosen by whole-activity distance, from the race presets of
:mod:`~athletiq_core.analytics.views.races` or a custom range, and placed by
their moving pace (moving time over distance). The trend is the least-squares
line of pace against the number of days since the first run shown, so a gap of
a year between two runs weighs as a year, not as one step.

Two improvements are given, each named for what it compares: first run to
latest run, and first run to best run. Positive means faster.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from athletiq_core.analytics.filters import FilterError, Filters, Period, apply_filters
from athletiq_core.analytics.trend import Trend, linear_trend
from athletiq_core.analytics.views.common import (
    ACTIVITY_REF_COLUMNS,
    ActivityRef,
    activity_ref,
)
from athletiq_core.analytics.views.races import preset_named
from athletiq_core.db.models import Activity
from athletiq_core.units import UnitSystem, format_pace_seconds, pace_value

logger = logging.getLogger(__name__)

DEFAULT_PRESET = "half"


@dataclass(frozen=True)
class DistanceWindow:
    """Runs of at least ``min_m`` and below ``max_m`` metres (None: no limit)."""

    label: str
    min_m: float
    max_m: float | None

    @classmethod
    def preset(cls, key: str) -> DistanceWindow:
        """The window of the race preset ``key`` ("5k", "10k", "half"…)."""
        chosen = preset_named(key)
        return cls(chosen.label, chosen.min_m, chosen.max_m)

    @classmethod
    def custom(cls, min_m: float, max_m: float | None) -> DistanceWindow:
        """A custom window in metres."""
        if min_m < 0 or (max_m is not None and max_m <= min_m):
            raise FilterError(f"No run is {min_m}–{max_m} m long: check the range.")
        return cls("Custom", min_m, max_m)


@dataclass(frozen=True)
class ProgressionPoint:
    """One run: ``pace_s`` in seconds per km or mile, ``day`` since the first run."""

    activity: ActivityRef
    pace_s: float
    day: int
    average_heartrate: float | None
    is_best: bool
    pace_text: str


@dataclass(frozen=True)
class Improvement:
    """A pace change in percent (positive = faster) and what it compares."""

    label: str
    percent: float


@dataclass(frozen=True)
class Progression:
    """Runs oldest first, the trend (seconds per unit per day) and the key paces.

    ``trend.at(day)`` gives the trend pace on a day counted from ``origin``.
    """

    window: DistanceWindow
    start: dt.date | None
    end: dt.date | None
    origin: dt.date | None
    points: list[ProgressionPoint]
    trend: Trend | None
    best: ProgressionPoint | None
    first: ProgressionPoint | None
    latest: ProgressionPoint | None
    improvements: list[Improvement]


def progression(
    filters: Filters,
    units: UnitSystem,
    today: dt.date,
    window: DistanceWindow | None = None,
    period: Period | None = None,
) -> Progression:
    """Runs of ``window`` (default: half marathon) in ``period`` of ``filters``.

    Without a sport filter the runs are the "run" group. ``today`` is the local
    date the period is resolved against.
    """
    window = window or DistanceWindow.preset(DEFAULT_PRESET)
    scoped = filters.for_period(period or Period(), today)
    if scoped.sport is None:
        scoped = scoped.with_sport("run")
    points = _points(_rows(scoped, window), units)
    first, latest = (points[0], points[-1]) if points else (None, None)
    best = next((point for point in points if point.is_best), None)
    trend = linear_trend((p.day, p.pace_s) for p in points)
    origin = first.activity.local_date if first else None
    improvements = _improvements(first, latest, best)
    return Progression(
        window=window,
        start=scoped.start,
        end=scoped.end,
        origin=origin,
        points=points,
        trend=trend,
        best=best,
        first=first,
        latest=latest,
        improvements=improvements,
    )


def _rows(filters: Filters, window: DistanceWindow) -> list[tuple]:
    # Finding the runs needs only indexed columns; the full rows are read for
    # the runs in the window alone.
    runs = Activity.select(Activity.id).where(
        Activity.distance >= window.min_m,
        Activity.distance > 0,
        Activity.moving_time > 0,
    )
    if window.max_m is not None:
        runs = runs.where(Activity.distance < window.max_m)
    query = Activity.select(
        *ACTIVITY_REF_COLUMNS, Activity.average_heartrate, Activity.start_date
    ).where(Activity.id.in_(apply_filters(runs, filters)))
    return sorted(query.tuples(), key=lambda row: (row[8], row[0]))


def _points(rows: list[tuple], units: UnitSystem) -> list[ProgressionPoint]:
    refs = [activity_ref(row, units) for row in rows]
    paces = [pace_value(ref.speed_mps, units) for ref in refs]
    best_index = min(range(len(paces)), key=paces.__getitem__, default=None)
    origin = refs[0].local_date if refs else None
    return [
        ProgressionPoint(
            ref,
            pace,
            (ref.local_date - origin).days,
            row[7],
            index == best_index,
            format_pace_seconds(pace, units),
        )
        for index, (ref, pace, row) in enumerate(zip(refs, paces, rows, strict=True))
    ]


def _improvements(first, latest, best) -> list[Improvement]:
    if first is None:
        return []
    return [
        Improvement("first to latest", _faster_by(first.pace_s, latest.pace_s)),
        Improvement("first to best", _faster_by(first.pace_s, best.pace_s)),
    ]


def _faster_by(before_s: float, after_s: float) -> float:
    return (before_s - after_s) / before_s * 100
