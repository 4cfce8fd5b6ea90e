"""Local start times for imported activities.

FIT files record the local time of the activity; GPX and TCX files and Strava's
archive give UTC only. Those are placed in the ``import.timezone`` setting's zone,
or this computer's zone when it is empty.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from athletiq_core import settings
from athletiq_core.errors import ConfigurationError


def default_zone() -> ZoneInfo:
    """The zone for files without local time (setting, $TZ, /etc/localtime, UTC)."""
    name = str(settings.get("import.timezone")).strip() or _system_zone_name()
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigurationError(
            f"Time zone {name!r} (setting import.timezone) is unknown; use an IANA "
            "name such as Europe/Amsterdam."
        ) from None


def local_start(
    start_utc: dt.datetime, start_local: dt.datetime | None, offset_s: int | None
) -> tuple[dt.datetime, int, str | None]:
    """(naive local start, UTC offset in seconds, IANA zone or None)."""
    aware = start_utc if start_utc.tzinfo else start_utc.replace(tzinfo=dt.UTC)
    naive_utc = aware.astimezone(dt.UTC).replace(tzinfo=None)
    if start_local is not None:
        offset = int(round((start_local - naive_utc).total_seconds() / 60) * 60)
        return start_local.replace(tzinfo=None), offset, None
    if offset_s is not None:
        return naive_utc + dt.timedelta(seconds=offset_s), int(offset_s), None
    zone = default_zone()
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
