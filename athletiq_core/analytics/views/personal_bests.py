"""Personal bests from best efforts, never from whole-activity pace.

A best effort is the fastest stretch of one standard distance inside one run, as
Strava reported it or as Athletiq found it in the streams (``BestEffort.source``).
For every distance of :data:`~athletiq_core.distances.STANDARD_DISTANCES` the
view gives the best time, the ten fastest efforts and the progression: each
effort that beat every earlier one, oldest first. An effort that only equals the
record does not count as a new one.

The ranking and the progression are computed in SQL with window functions, so
the view costs one query however many runs there are.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from peewee import Window, fn

from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.views.common import as_date
from athletiq_core.db.models import Activity, BestEffort
from athletiq_core.distances import STANDARD_DISTANCES, StandardDistance
from athletiq_core.units import UnitSystem, format_duration, format_pace

logger = logging.getLogger(__name__)

TOP_COUNT = 10


@dataclass(frozen=True)
class EffortRow:
    """One best effort: ``time_s`` seconds, ``speed_mps`` m/s, on a local date.

    ``rank`` is its place among the efforts over the same distance (1 = best).
    """

    distance_key: str
    activity_id: int
    strava_id: int | None
    activity_name: str
    local_date: dt.date
    time_s: float
    speed_mps: float
    rank: int
    source: str
    time_text: str
    pace_text: str


@dataclass(frozen=True)
class DistanceBests:
    """The best effort, the top ten and the record progression for one distance."""

    distance: StandardDistance
    best: EffortRow | None
    top: list[EffortRow]
    progression: list[EffortRow]


@dataclass(frozen=True)
class PersonalBests:
    """One :class:`DistanceBests` per standard distance, shortest first."""

    distances: list[DistanceBests]

    def best_of(self, key: str) -> EffortRow | None:
        """The best effort for the distance ``key`` (e.g. "5k"), or None."""
        return next((d.best for d in self.distances if d.distance.key == key), None)


def personal_bests(
    filters: Filters, units: UnitSystem, top: int = TOP_COUNT
) -> PersonalBests:
    """Best times per standard distance among the efforts in ``filters``.

    The progression starts at the first effort inside the filters, so a period
    filter shows that period's records ("season bests").
    """
    by_distance: dict[str, list[tuple]] = defaultdict(list)
    for row in _ranked_efforts(filters, top):
        by_distance[row[0]].append(row)
    return PersonalBests(
        [_distance_bests(d, by_distance[d.key], top, units) for d in STANDARD_DISTANCES]
    )


def _ranked_efforts(filters: Filters, top: int):
    # The window functions run over narrow rows; names and dates are joined in
    # only for the few efforts kept.
    ranked = _effort_query(filters).select_extend(
        fn.ROW_NUMBER()
        .over(
            partition_by=[BestEffort.distance_key],
            order_by=[BestEffort.elapsed_time, Activity.start_date, Activity.id],
        )
        .alias("rank"),
        _previous_record().alias("previous"),
    )
    inner = ranked.alias("e")
    is_record = inner.c.previous.is_null() | (inner.c.time < inner.c.previous)
    return (
        inner.select_from(
            inner.c.distance_key,
            Activity.id,
            Activity.strava_id,
            Activity.name,
            Activity.local_date,
            inner.c.time,
            inner.c.distance,
            inner.c.source,
            inner.c.rank,
            is_record.alias("is_record"),
        )
        .join(Activity, on=(Activity.id == inner.c.activity_id))
        .where((inner.c.rank <= top) | is_record)
        .order_by(inner.c.start_date, Activity.id)
        .tuples()
    )


def _effort_query(filters: Filters):
    query = BestEffort.select(
        BestEffort.distance_key,
        BestEffort.activity.alias("activity_id"),
        Activity.start_date,
        BestEffort.elapsed_time.alias("time"),
        BestEffort.distance,
        BestEffort.source,
    ).join(Activity)
    return apply_filters(query, filters).where(BestEffort.elapsed_time > 0)


def _previous_record():
    # The fastest effort over the same distance in any earlier activity.
    return fn.MIN(BestEffort.elapsed_time).over(
        partition_by=[BestEffort.distance_key],
        order_by=[Activity.start_date, Activity.id],
        start=Window.preceding(),
        end=Window.preceding(1),
        frame_type=Window.ROWS,
    )


def _distance_bests(
    distance: StandardDistance, rows: list[tuple], top: int, units: UnitSystem
) -> DistanceBests:
    efforts = [(_effort_row(row, units), bool(row[-1])) for row in rows]
    fastest = sorted((e for e, _ in efforts if e.rank <= top), key=_by_rank)
    progression = [effort for effort, record in efforts if record]
    return DistanceBests(
        distance, fastest[0] if fastest else None, fastest, progression
    )


def _by_rank(effort: EffortRow) -> int:
    return effort.rank


def _effort_row(row: tuple, units: UnitSystem) -> EffortRow:
    key, activity_id, strava_id, name, day, seconds, metres, source, rank = row[:9]
    speed = metres / seconds
    return EffortRow(
        key,
        activity_id,
        strava_id,
        name,
        as_date(day),
        float(seconds),
        speed,
        int(rank),
        source,
        format_duration(seconds),
        format_pace(speed, units),
    )
