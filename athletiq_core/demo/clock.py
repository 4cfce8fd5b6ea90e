"""Time-zone helpers that reproduce how Strava writes start times.

Strava gives ``start_date`` as the UTC instant and ``start_date_local`` as the
local wall-clock time wearing a misleading ``Z``; ``utc_offset`` is the offset at
the start in seconds (daylight saving included) and ``timezone`` reads like
``"(GMT+01:00) Europe/Amsterdam"`` with the zone's standard offset.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from zoneinfo import ZoneInfo

ISO_Z = "%Y-%m-%dT%H:%M:%SZ"


@cache
def zone(key: str) -> ZoneInfo:
    """The :class:`ZoneInfo` for an IANA ``key``, cached."""
    return ZoneInfo(key)


def to_utc(local: datetime, zone_key: str) -> datetime:
    """The UTC instant of a naive wall-clock ``local`` time in ``zone_key``.

    A time that does not exist (inside the spring-forward gap) is read with the
    offset before the change, as a watch that keeps ticking would record it.
    """
    return local.replace(tzinfo=zone(zone_key)).astimezone(UTC)


def local_view(start_utc: datetime, zone_key: str) -> tuple[datetime, float, str]:
    """Naive local wall-clock time, UTC offset (s) and Strava ``timezone`` text
    of an instant in ``zone_key``."""
    local = start_utc.astimezone(zone(zone_key))
    offset = local.utcoffset()
    standard = round((offset - local.dst()).total_seconds() / 60)
    return (
        local.replace(tzinfo=None),
        offset.total_seconds(),
        _label(zone_key, standard),
    )


@cache
def _label(zone_key: str, minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"(GMT{sign}{hours:02d}:{rest:02d}) {zone_key}"


def iso_z(moment: datetime) -> str:
    """``moment`` (UTC or naive wall clock) formatted as Strava does, with ``Z``."""
    return moment.replace(tzinfo=None, microsecond=0).isoformat() + "Z"


def parse_z(text: str) -> datetime:
    """Parse a Strava ``…Z`` timestamp into a naive datetime (no zone attached)."""
    return datetime.strptime(text, ISO_Z)
