"""CSV export of activities, newest first, deleted ones left out."""

from __future__ import annotations

import csv
import logging
from typing import TextIO

from athletiq_core import units as u
from athletiq_core.db.models import Activity, Athlete
from athletiq_core.sports import PACE_GROUPS, group_of

logger = logging.getLogger(__name__)


def _header(system: u.UnitSystem) -> list[str]:
    dist = u.distance_unit(system)
    elev = "ft" if system is u.UnitSystem.IMPERIAL else "m"
    speed = "mph" if system is u.UnitSystem.IMPERIAL else "kmh"
    return [
        "id",
        "strava_id",
        "date_local",
        "start_utc",
        "timezone",
        "name",
        "sport_type",
        f"distance_{dist}",
        "moving_time_s",
        "moving_time",
        "elapsed_time_s",
        f"elevation_gain_{elev}",
        f"avg_speed_{speed}",
        f"avg_pace_per_{dist}",
        f"max_speed_{speed}",
        "avg_heartrate",
        "max_heartrate",
        "avg_watts",
        "weighted_avg_watts",
        "kilojoules",
        "suffer_score",
        "gear_id",
        "workout_type",
        "trainer",
        "commute",
        "private",
    ]


def write_activities_csv(
    out: TextIO, system: u.UnitSystem, athlete: Athlete | None = None
) -> int:
    """Write every non-deleted activity (of ``athlete``, or all) to ``out``.

    Distances, speeds and elevation are in ``system``'s units; returns the count.
    """
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_header(system))
    query = Activity.select().where(Activity.deleted == False)  # noqa: E712
    if athlete is not None:
        query = query.where(Activity.athlete == athlete)
    count = 0
    for activity in query.order_by(Activity.start_date.desc()).iterator():
        writer.writerow(_row(activity, system))
        count += 1
    logger.info("Exported %d activities to CSV", count)
    return count


def _row(a: Activity, system: u.UnitSystem) -> list[object]:
    pace = (
        u.format_pace(a.average_speed, system).split(" ")[0]
        if group_of(a.sport_type) in PACE_GROUPS and a.average_speed
        else ""
    )
    return [
        a.id,
        a.strava_id or "",
        a.start_date_local.strftime("%Y-%m-%d %H:%M:%S"),
        a.start_date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        a.timezone or "",
        a.name,
        a.sport_type,
        _num(u.distance_value(a.distance, system), 3),
        a.moving_time,
        u.format_duration(a.moving_time),
        a.elapsed_time,
        _num(u.elevation_value(a.total_elevation_gain, system), 1),
        _num(u.speed_value(a.average_speed, system), 2),
        pace,
        _num(u.speed_value(a.max_speed, system), 2),
        _num(a.average_heartrate, 1),
        _num(a.max_heartrate, 0),
        _num(a.average_watts, 1),
        _num(a.weighted_average_watts, 1),
        _num(a.kilojoules, 1),
        _num(a.suffer_score, 0),
        a.gear_id or "",
        "" if a.workout_type is None else a.workout_type,
        str(a.trainer).lower(),
        str(a.commute).lower(),
        str(a.private).lower(),
    ]


def _num(value: float | None, decimals: int) -> str:
    return "" if value is None else f"{value:.{decimals}f}"
