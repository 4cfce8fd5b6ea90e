"""Turning Strava's JSON into database rows.

``start_date_local`` is a wall-clock time that Strava dresses with a ``Z``; it is
kept naive and never converted. ``timezone`` looks like
``"(GMT+01:00) Europe/Amsterdam"``; only the IANA name is kept.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Any

from athletiq_core.errors import AthletiqError


class MalformedActivity(AthletiqError):
    """A listed activity lacks a field we cannot do without, or has a wrong type."""


SUMMARY_FLOATS = (
    "distance",
    "total_elevation_gain",
    "elev_high",
    "elev_low",
    "average_speed",
    "max_speed",
    "average_heartrate",
    "max_heartrate",
    "average_cadence",
    "average_watts",
    "weighted_average_watts",
    "max_watts",
    "kilojoules",
    "suffer_score",
)
SUMMARY_FLAGS = ("trainer", "commute", "manual", "private", "flagged", "has_heartrate")
SUMMARY_COUNTS = ("kudos_count", "achievement_count", "pr_count")


def parse_utc(value: Any) -> dt.datetime:
    """Parse ``"2026-05-01T06:30:00Z"`` to a naive UTC datetime."""
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


def parse_wall_clock(value: Any) -> dt.datetime:
    """Parse ``start_date_local`` to a naive local datetime, ignoring its ``Z``."""
    parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return parsed.replace(tzinfo=None)


def iana_zone(value: Any) -> str | None:
    """``"(GMT+01:00) Europe/Amsterdam"`` → ``"Europe/Amsterdam"``."""
    if not isinstance(value, str) or not value.strip():
        return None
    return value.rsplit(")", 1)[-1].strip() or None


def local_date_columns(start_local: dt.datetime) -> dict[str, Any]:
    """The calendar columns every grouping uses, from the local start."""
    iso = start_local.isocalendar()
    return {
        "local_date": start_local.date(),
        "local_year": start_local.year,
        "local_month": start_local.month,
        "iso_year": iso.year,
        "iso_week": iso.week,
    }


def activity_row(summary: Any, athlete_id: int) -> dict[str, Any]:
    """Columns of the ``activity`` table for a SummaryActivity (or detail) JSON.

    Raises :class:`MalformedActivity` naming the id when a required field is
    missing or unusable.
    """
    if not isinstance(summary, dict):
        raise MalformedActivity(f"listed item is not an object: {str(summary)[:60]}")
    strava_id = summary.get("id")
    try:
        return _row(summary, athlete_id)
    except (KeyError, TypeError, ValueError, OverflowError) as exc:
        raise MalformedActivity(
            f"activity {strava_id} could not be read ({type(exc).__name__}: {exc})"
        ) from None


def _row(summary: dict[str, Any], athlete_id: int) -> dict[str, Any]:
    strava_id = summary["id"]
    if isinstance(strava_id, bool) or not isinstance(strava_id, int):
        raise ValueError(f"id {strava_id!r} is not an integer")
    start = parse_utc(summary["start_date"])
    start_local = parse_wall_clock(summary.get("start_date_local") or start)
    row: dict[str, Any] = {
        "athlete_id": athlete_id,
        "strava_id": strava_id,
        "external_id": _text(summary.get("external_id")),
        "upload_id": optional_int(summary.get("upload_id")),
        "name": str(summary.get("name") or ""),
        "sport_type": str(
            summary.get("sport_type") or summary.get("type") or "Workout"
        ),
        "type": _text(summary.get("type")),
        "start_date": start,
        "start_date_local": start_local,
        "timezone": iana_zone(summary.get("timezone")),
        "utc_offset": int(optional_float(summary.get("utc_offset")) or 0),
        "moving_time": int(optional_float(summary.get("moving_time")) or 0),
        "elapsed_time": int(optional_float(summary.get("elapsed_time")) or 0),
        "workout_type": optional_int(summary.get("workout_type")),
        "gear_id": _text(summary.get("gear_id")),
        "visibility": _text(summary.get("visibility")),
        "device_watts": bool(summary.get("device_watts")),
        "device_name": _text(summary.get("device_name")),
        "raw_json": json.dumps(summary, sort_keys=True, separators=(",", ":")),
    }
    row.update(local_date_columns(start_local))
    row.update({key: optional_float(summary.get(key)) for key in SUMMARY_FLOATS})
    row["distance"] = row["distance"] or 0.0
    row["total_elevation_gain"] = row["total_elevation_gain"] or 0.0
    row.update({key: bool(summary.get(key)) for key in SUMMARY_FLAGS})
    row.update(
        {key: int(optional_float(summary.get(key)) or 0) for key in SUMMARY_COUNTS}
    )
    row.update(_geometry(summary))
    return row


def _geometry(summary: dict[str, Any]) -> dict[str, Any]:
    start = _latlng(summary.get("start_latlng"))
    end = _latlng(summary.get("end_latlng"))
    mapping = summary.get("map") if isinstance(summary.get("map"), dict) else {}
    return {
        "start_lat": start[0],
        "start_lng": start[1],
        "end_lat": end[0],
        "end_lng": end[1],
        "summary_polyline": _text(mapping.get("summary_polyline")),
    }


def _latlng(value: Any) -> tuple[float | None, float | None]:
    if isinstance(value, list | tuple) and len(value) == 2:
        return optional_float(value[0]), optional_float(value[1])
    return None, None


def optional_float(value: Any) -> float | None:
    """A finite float, or None for a missing value; ValueError for junk."""
    if value is None or isinstance(value, bool) or value == "":
        return None
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def optional_int(value: Any) -> int | None:
    """Like :func:`optional_float`, truncated to an int."""
    number = optional_float(value)
    return None if number is None else int(number)


def _text(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None
