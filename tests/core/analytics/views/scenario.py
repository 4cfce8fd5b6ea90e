"""Hand-made activities with chosen local times and zones, for exact expectations."""

from __future__ import annotations

import datetime as dt
import itertools

from athletiq_core.db.models import Activity, Athlete, BestEffort
from athletiq_core.distances import BY_KEY
from athletiq_core.strava.mapping import local_date_columns

_ids = itertools.count(1)


def make_athlete(**fields) -> Athlete:
    """An athlete with no thresholds, sex or birth date unless given."""
    return Athlete.create(firstname="Test", lastname="Runner", **fields)


def add_activity(
    athlete: Athlete,
    local: str,
    *,
    offset_hours: float = 0.0,
    sport: str = "Run",
    km: float = 10.0,
    minutes: float = 50.0,
    **fields,
) -> Activity:
    """An activity starting at ``local`` wall-clock time in a UTC+offset zone.

    ``km`` and ``minutes`` set distance and moving time; the elapsed time equals
    the moving time unless ``elapsed_time`` is given.
    """
    start_local = dt.datetime.fromisoformat(local)
    offset = dt.timedelta(hours=offset_hours)
    moving = round(minutes * 60)
    values = {
        "athlete": athlete,
        "strava_id": 9_000_000 + next(_ids),
        "name": fields.pop("name", f"{sport} {local}"),
        "sport_type": sport,
        "start_date": start_local - offset,
        "start_date_local": start_local,
        "utc_offset": int(offset.total_seconds()),
        "distance": km * 1000,
        "moving_time": moving,
        "elapsed_time": fields.pop("elapsed_time", moving),
        **local_date_columns(start_local),
    }
    values.update(fields)
    return Activity.create(**values)


def add_effort(activity: Activity, key: str, seconds: float, source="strava"):
    """A best effort over the standard distance ``key`` in ``activity``."""
    return BestEffort.create(
        activity=activity,
        distance_key=key,
        distance=BY_KEY[key].metres,
        elapsed_time=round(seconds),
        source=source,
    )
