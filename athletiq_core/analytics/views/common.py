"""Pieces several views share: totals, activity references and SQL helpers.

Every number is SI (metres, seconds, m/s) and every date a *local* date; the
``*_text`` fields are the same numbers formatted by :mod:`athletiq_core.units`
in the unit system the view was asked for.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from peewee import Expression, Field, Select, fn

from athletiq_core.db.models import Activity, database
from athletiq_core.sports import PACE_GROUPS, group_of
from athletiq_core.units import (
    UnitSystem,
    format_distance,
    format_duration,
    format_elevation,
    format_pace,
    format_speed,
)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Totals:
    """Count, distance (m), moving time (s) and climb (m) of some activities."""

    count: int
    distance_m: float
    moving_time_s: float
    elevation_m: float
    distance_text: str
    moving_time_text: str
    elevation_text: str


def make_totals(
    count: int,
    distance_m: float,
    moving_time_s: float,
    elevation_m: float,
    units: UnitSystem,
) -> Totals:
    """A :class:`Totals` with its formatted texts (durations as h:mm:ss)."""
    return Totals(
        int(count or 0),
        float(distance_m or 0.0),
        float(moving_time_s or 0.0),
        float(elevation_m or 0.0),
        format_distance(distance_m or 0.0, units),
        format_duration(moving_time_s or 0.0),
        format_elevation(elevation_m or 0.0, units),
    )


def add_totals(parts: list[Totals], units: UnitSystem) -> Totals:
    """The sum of several :class:`Totals`."""
    return make_totals(
        sum(part.count for part in parts),
        sum(part.distance_m for part in parts),
        sum(part.moving_time_s for part in parts),
        sum(part.elevation_m for part in parts),
        units,
    )


@dataclass(frozen=True)
class ActivityRef:
    """One activity as lists show it: local date, metres, seconds, m/s."""

    activity_id: int
    strava_id: int | None
    name: str
    sport_type: str
    local_date: dt.date
    distance_m: float
    moving_time_s: float
    speed_mps: float | None
    distance_text: str
    moving_time_text: str
    speed_text: str


# The columns an :class:`ActivityRef` needs, in the order :func:`activity_ref`
# reads them from a tuple row.
ACTIVITY_REF_COLUMNS: tuple[Field, ...] = (
    Activity.id,
    Activity.strava_id,
    Activity.name,
    Activity.sport_type,
    Activity.local_date,
    Activity.distance,
    Activity.moving_time,
)


def activity_ref(row: tuple, units: UnitSystem) -> ActivityRef:
    """An :class:`ActivityRef` from a tuple of :data:`ACTIVITY_REF_COLUMNS`."""
    activity_id, strava_id, name, sport_type, day, distance, moving = row[:7]
    speed = distance / moving if distance and moving else None
    return ActivityRef(
        activity_id,
        strava_id,
        name,
        sport_type,
        as_date(day),
        distance or 0.0,
        moving or 0,
        speed,
        format_distance(distance or 0.0, units),
        format_duration(moving or 0),
        speed_text(speed, sport_type, units),
    )


def speed_text(speed_mps: float | None, sport_type: str, units: UnitSystem) -> str:
    """A pace for pace sports (runs, walks), a speed for the rest."""
    if group_of(sport_type) in PACE_GROUPS:
        return format_pace(speed_mps, units)
    return format_speed(speed_mps, units)


def as_date(value: dt.date | str) -> dt.date:
    """A local date from what SQLite returns (a date, or ISO text from raw SQL)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def raw_rows(query: Select) -> list[tuple]:
    """The rows of ``query`` as SQLite returns them, for bulk reads.

    Peewee's per-value conversion is skipped: dates and datetimes stay ISO text
    and booleans 0/1. Reading thousands of rows, that conversion costs more
    than the query itself.
    """
    return database.execute(query).fetchall()


def total_of(field: Field | Expression) -> Expression:
    """``SUM(field)`` that reads 0 instead of NULL over no rows."""
    return fn.COALESCE(fn.SUM(field), 0)
