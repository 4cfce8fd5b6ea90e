"""Personal bests from best efforts, never from whole-activity pace.

A best effort is the fastest stretch of one standard distance inside one run, as
Strava reported it or as Athletiq found it in the streams (``BestEffort.source``).
For every distance of :data:`~athletiq_core.distances.STANDARD_DISTANCES` the
view gives the best time and the ten fastest efforts, and for one chosen
distance the progression: each effort that beat every earlier one, oldest
first. An effort that only equals the record is not a new one; of two equal
times the earlier ranks first.

Two queries, whatever the history: the fastest efforts of each distance (one
short, index-ordered search per distance, joined in one statement) and the
progression of the chosen distance (a window over that distance's efforts).
"""

from __future__ import annotations

import datetime as dt
import logging
import operator
from collections import defaultdict
from dataclasses import dataclass
from functools import reduce

from peewee import SQL, Select, Window, fn

from athletiq_core.analytics.filters import FilterError, Filters, apply_filters
from athletiq_core.analytics.views.common import as_date
from athletiq_core.db.models import Activity, BestEffort, database
from athletiq_core.distances import BY_KEY, STANDARD_DISTANCES, StandardDistance
from athletiq_core.units import UnitSystem, format_duration, format_pace

logger = logging.getLogger(__name__)

TOP_COUNT = 10
DEFAULT_PROGRESSION = "5k"


@dataclass(frozen=True)
class EffortRow:
    """One best effort: ``time_s`` seconds, ``speed_mps`` m/s, on a local date.

    ``rank`` is its place among the efforts over the same distance (1 = best);
    None in the progression, where the order is by date.
    """

    distance_key: str
    activity_id: int
    strava_id: int | None
    activity_name: str
    local_date: dt.date
    time_s: float
    speed_mps: float
    rank: int | None
    source: str
    time_text: str
    pace_text: str


@dataclass(frozen=True)
class DistanceBests:
    """The best effort and the fastest efforts (best first) for one distance."""

    distance: StandardDistance
    best: EffortRow | None
    top: list[EffortRow]


@dataclass(frozen=True)
class PersonalBests:
    """One :class:`DistanceBests` per standard distance, shortest first.

    ``progression`` lists the records over ``progression_distance``, oldest
    first.
    """

    distances: list[DistanceBests]
    progression_distance: StandardDistance
    progression: list[EffortRow]

    def best_of(self, key: str) -> EffortRow | None:
        """The best effort for the distance ``key`` (e.g. "5k"), or None."""
        return next((d.best for d in self.distances if d.distance.key == key), None)


def personal_bests(
    filters: Filters,
    units: UnitSystem,
    progression_key: str = DEFAULT_PROGRESSION,
    top: int = TOP_COUNT,
) -> PersonalBests:
    """Bests per standard distance in ``filters``, and one distance's progression.

    ``top`` efforts are listed per distance; ``progression_key`` names the
    distance whose records are traced. The progression starts at the first
    effort inside the filters, so a period filter shows that period's records
    ("season bests").
    """
    if progression_key not in BY_KEY:
        known = ", ".join(BY_KEY)
        raise FilterError(f"Unknown distance {progression_key!r}: use one of {known}.")
    by_distance: dict[str, list[tuple]] = defaultdict(list)
    for row in _fastest_efforts(filters, top).tuples():
        by_distance[row[0]].append(row)
    distances = [
        _distance_bests(d, by_distance[d.key], units) for d in STANDARD_DISTANCES
    ]
    progression = [
        _effort_row(row, None, units)
        for row in _records(filters, progression_key).tuples()
    ]
    return PersonalBests(distances, BY_KEY[progression_key], progression)


def _distance_bests(
    distance: StandardDistance, rows: list[tuple], units: UnitSystem
) -> DistanceBests:
    # Seconds, then the start (UTC) and id: of equal times the earlier ranks first.
    ordered = sorted(rows, key=lambda row: (row[5], row[8], row[1]))
    top = [_effort_row(row, rank, units) for rank, row in enumerate(ordered, 1)]
    return DistanceBests(distance, top[0] if top else None, top)


_EFFORT_COLUMNS = (
    BestEffort.distance_key,
    Activity.id,
    Activity.strava_id,
    Activity.name,
    Activity.local_date,
    BestEffort.elapsed_time,
    BestEffort.distance,
    BestEffort.source,
    Activity.start_date,
)


def _fastest_efforts(filters: Filters, top: int) -> Select:
    # SQLite takes no ORDER BY or LIMIT inside a compound select, so each
    # distance's search is wrapped as a subquery of its own.
    parts = [
        Select([_fastest_of(filters, d.key, top).alias(f"d{index}")], [SQL("*")])
        for index, d in enumerate(STANDARD_DISTANCES)
    ]
    return reduce(operator.add, parts).bind(database)


def _fastest_of(filters: Filters, key: str, top: int):
    query = (
        BestEffort.select(*_EFFORT_COLUMNS)
        .join(Activity)
        .where(BestEffort.distance_key == key, BestEffort.elapsed_time > 0)
    )
    ordered = apply_filters(query, filters).order_by(
        BestEffort.elapsed_time, Activity.start_date, Activity.id
    )
    return ordered.limit(top)


def _records(filters: Filters, key: str):
    # The fastest effort over the same distance in any earlier activity.
    previous = fn.MIN(BestEffort.elapsed_time).over(
        order_by=[Activity.start_date, Activity.id],
        start=Window.preceding(),
        end=Window.preceding(1),
        frame_type=Window.ROWS,
    )
    query = (
        BestEffort.select(*_EFFORT_COLUMNS, previous.alias("prev"))
        .join(Activity)
        .where(BestEffort.distance_key == key, BestEffort.elapsed_time > 0)
    )
    inner = apply_filters(query, filters).alias("e")
    return (
        inner.select_from(*(inner.c[column.name] for column in _EFFORT_COLUMNS))
        .where(inner.c.prev.is_null() | (inner.c.elapsed_time < inner.c.prev))
        .order_by(inner.c.start_date, inner.c.id)
    )


def _effort_row(row: tuple, rank: int | None, units: UnitSystem) -> EffortRow:
    key, activity_id, strava_id, name, day, seconds, metres, source = row[:8]
    speed = metres / seconds
    return EffortRow(
        key,
        activity_id,
        strava_id,
        name,
        as_date(day),
        float(seconds),
        speed,
        rank,
        source,
        format_duration(seconds),
        format_pace(speed, units),
    )
