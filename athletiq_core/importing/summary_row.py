"""The ``activity`` columns of an imported activity.

Strava's own numbers from the archive row win where present (they are what the
athlete sees on Strava); the rest comes from the device totals and the metrics
derived from the file's streams, as :mod:`.figures` decides.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import polyline

from athletiq_core.db.models import DETAIL_FETCHED, DETAIL_MISSING, utcnow
from athletiq_core.importing.archive import ArchiveRow, normalise_activity_type
from athletiq_core.importing.figures import shown_totals
from athletiq_core.importing.parsed import ParsedActivity
from athletiq_core.metrics import DerivedMetrics

# Summary polylines are simplified to about this many points, like Strava's.
SUMMARY_POINTS = 150


def activity_columns(
    athlete_id: int,
    parsed: ParsedActivity | None,
    metrics: DerivedMetrics | None,
    row: ArchiveRow | None,
) -> dict[str, Any]:
    """Columns except the start and calendar ones, which the caller adds."""
    values = {**_from_file(parsed, metrics), **_from_row(row)}
    sport = values.pop("sport_type", None) or "Workout"
    now = utcnow()
    return {
        "athlete": athlete_id,
        "strava_id": row.strava_id if row else None,
        "sport_type": sport,
        "type": sport,
        "name": values.pop("name", None) or _default_name(sport, parsed, row),
        "manual": parsed is None,
        "detail_state": DETAIL_MISSING if row else DETAIL_FETCHED,
        "sources": "",
        "created_at": now,
        "updated_at": now,
        **values,
    }


def _from_file(parsed: ParsedActivity | None, m: DerivedMetrics | None) -> dict:
    if parsed is None or m is None:
        return {}
    return {
        "sport_type": parsed.sport_type,
        "name": parsed.name,
        "multisport_group": parsed.multisport_group,
        **file_figures(parsed, m),
    }


def file_figures(parsed: ParsedActivity, m: DerivedMetrics) -> dict[str, Any]:
    """The columns a file's recording decides: totals, sensors, device and track.

    A richer file of the same activity replaces exactly these.
    """
    totals = parsed.totals
    shown = shown_totals(parsed, m)
    values = {
        "device_name": parsed.device,
        "trainer": parsed.indoor,
        "distance": shown.distance_m,
        "moving_time": int(round(shown.moving_time_s)),
        "elapsed_time": int(round(m.elapsed_time_s)),
        "total_elevation_gain": shown.elevation_gain_m or 0.0,
        "average_speed": shown.avg_speed_mps,
        "max_speed": m.max_speed_mps,
        "average_heartrate": m.avg_hr,
        "max_heartrate": m.max_hr,
        "has_heartrate": m.avg_hr is not None,
        "average_watts": m.avg_watts,
        "device_watts": m.avg_watts is not None,
        "calories": totals.calories_kcal if totals else None,
        "average_cadence": totals.avg_cadence if totals else None,
        "max_watts": totals.max_watts if totals else None,
    }
    values.update(_geometry(parsed))
    return values


def _from_row(row: ArchiveRow | None) -> dict:
    if row is None:
        return {}
    values = {
        "name": row.name or None,
        "sport_type": normalise_activity_type(row.activity_type),
        "description": row.description,
        "commute": row.commute,
        "flagged": row.flagged,
    }
    numbers = {k: v for k, v in row.values.items() if v is not None}
    for key in ("elapsed_time", "moving_time"):
        if key in numbers:
            numbers[key] = int(numbers[key])
    if "average_heartrate" in numbers:
        numbers["has_heartrate"] = True
    return {**values, **numbers}


def _geometry(parsed: ParsedActivity) -> dict:
    points = [
        (lat, lng)
        for lat, lng in zip(
            parsed.streams.get("lat") or [],
            parsed.streams.get("lng") or [],
            strict=False,
        )
        if lat is not None and lng is not None
    ]
    if not points:
        return {}
    step = max(1, len(points) // SUMMARY_POINTS)
    summary = points[::step] + ([points[-1]] if (len(points) - 1) % step else [])
    return {
        "start_lat": points[0][0],
        "start_lng": points[0][1],
        "end_lat": points[-1][0],
        "end_lng": points[-1][1],
        "summary_polyline": polyline.encode(summary, 5),
        "polyline": polyline.encode(points, 5),
    }


def _default_name(sport: str, parsed: ParsedActivity | None, row) -> str:
    start = parsed.start_local or parsed.start_utc if parsed else row and row.start_utc
    hour = start.hour if isinstance(start, dt.datetime) else 12
    part = (
        "Morning"
        if 5 <= hour < 12
        else "Afternoon"
        if hour < 17
        else "Evening"
        if hour < 21
        else "Night"
    )
    readable = "".join(f" {c}" if c.isupper() else c for c in sport).strip()
    return f"{part} {readable}"
