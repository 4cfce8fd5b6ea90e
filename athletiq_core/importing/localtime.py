"""Local start times for imported activities.

Where an activity happened decides its local time, as on Strava: an activity
with a GPS position is placed in the time zone of its first position (looked up
offline in timezonefinder's map of zone boundaries), so a run abroad lands on the
day it was run there, whatever this computer's zone or the watch's clock setting
says. Without a position (an indoor ride, a pool swim, an archive row without a
file; a virtual ride's map is no position either) a FIT file's own local time is
used. GPX and TCX files and Strava's archive give UTC only; without a position
they are placed in the ``import.timezone`` setting's zone, or this computer's
zone when it is empty.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from athletiq_core import settings

logger = logging.getLogger(__name__)

Position = tuple[float, float]


def default_zone() -> ZoneInfo:
    """The zone for files without local time (setting, $TZ, /etc/localtime, UTC).

    The setting is checked when it is read; a system zone this Python does not
    know is replaced by UTC, with a warning.
    """
    name = str(settings.get("import.timezone")).strip()
    if name:
        return ZoneInfo(name)
    system = _system_zone_name()
    try:
        return ZoneInfo(system)
    except (ZoneInfoNotFoundError, ValueError):
        logger.warning(
            "This computer's time zone %r is unknown; imported files without a "
            "local time are placed in UTC (set import.timezone to choose)",
            system,
        )
        return ZoneInfo("UTC")


def zone_at(position: Position | None) -> ZoneInfo | None:
    """The time zone at (latitude, longitude), or None when it cannot be told."""
    if position is None:
        return None
    lat, lng = position
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lng <= 180.0):
        return None
    name = _finder().timezone_at(lat=lat, lng=lng)
    try:
        return ZoneInfo(name) if name else None
    except (ZoneInfoNotFoundError, ValueError):
        logger.info("Time zone %r at a start position is unknown to this system", name)
        return None


@functools.cache
def _finder() -> Any:
    """The zone map, loaded on first use: it brings numpy along."""
    from timezonefinder import TimezoneFinder

    return TimezoneFinder()


def local_start(
    start_utc: dt.datetime,
    start_local: dt.datetime | None,
    offset_s: int | None,
    position: Position | None = None,
) -> tuple[dt.datetime, int, str | None]:
    """(naive local start, UTC offset in seconds, IANA zone or None).

    ``position`` is where the activity started; see the module docstring.
    """
    aware = start_utc if start_utc.tzinfo else start_utc.replace(tzinfo=dt.UTC)
    zone = zone_at(position)
    if zone is not None:
        return _in_zone(aware, zone)
    naive_utc = aware.astimezone(dt.UTC).replace(tzinfo=None)
    if start_local is not None:
        offset = int(round((start_local - naive_utc).total_seconds() / 60) * 60)
        return start_local.replace(tzinfo=None), offset, None
    if offset_s is not None:
        return naive_utc + dt.timedelta(seconds=offset_s), int(offset_s), None
    return _in_zone(aware, default_zone())


def _in_zone(aware: dt.datetime, zone: ZoneInfo) -> tuple[dt.datetime, int, str]:
    local = aware.astimezone(zone)
    offset = int(local.utcoffset().total_seconds())
    return local.replace(tzinfo=None), offset, zone.key


def _system_zone_name() -> str:
    if os.environ.get("TZ"):
        return os.environ["TZ"].lstrip(":")
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "UTC"
    marker = "zoneinfo/"
    return target.split(marker, 1)[1] if marker in target else "UTC"
