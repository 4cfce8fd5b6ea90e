"""Strava Lap objects (as in ``GET /activities/{id}/laps``) from the streams."""

from __future__ import annotations

from datetime import timedelta

from athletiq_core.demo.clock import iso_z, parse_z
from athletiq_core.demo.ids import object_id
from athletiq_core.demo.splits import FOOT_SPORTS, lap_bounds, pace_zone
from athletiq_core.demo.workouts import Workout
from athletiq_core.streams import Streams


def laps(
    summary: dict, kind: str, streams: Streams, workout: Workout | None
) -> list[dict]:
    """The activity's laps: times (s), distances (m), speeds (m/s), indices into
    the streams; named after the workout steps when there is a workout."""
    if not streams:
        return []
    bounds = lap_bounds(summary, kind, streams, workout)
    names = [step.label for step in workout.steps] if workout else []
    return [
        _lap(summary, streams, k, start, end, names[k] if k < len(names) else None)
        for k, (start, end) in enumerate(bounds)
    ]


def _lap(
    summary: dict, streams: Streams, k: int, start: int, end: int, name: str | None
) -> dict:
    offset = timedelta(seconds=streams["time"][start])
    moving = int(sum(streams["moving"][start + 1 : end + 1])) or 1
    metres = _delta(streams.get("distance"), start, end)
    out = {
        "id": object_id(summary, "lap", k),
        "resource_state": 2,
        "name": name or f"Lap {k + 1}",
        "activity": _ref(summary),
        "athlete": {"id": summary["athlete"]["id"], "resource_state": 1},
        "elapsed_time": round(streams["time"][end] - streams["time"][start]),
        "moving_time": moving,
        "start_date": iso_z(parse_z(summary["start_date"]) + offset),
        "start_date_local": iso_z(parse_z(summary["start_date_local"]) + offset),
        "distance": round(metres, 1),
        "start_index": start,
        "end_index": end,
        "total_elevation_gain": round(_gain(streams.get("altitude"), start, end), 1),
        "average_speed": round(metres / moving, 3),
        "max_speed": round(max(streams.get("velocity", [0.0])[start : end + 1]), 3),
    }
    return (
        out
        | window_sensors(streams, start, end)
        | _indices(summary, k, metres / moving)
    )


def _ref(summary: dict) -> dict:
    return {
        "id": summary["id"],
        "visibility": summary["visibility"],
        "resource_state": 1,
    }


def _delta(values: list | None, start: int, end: int) -> float:
    return values[end] - values[start] if values else 0.0


def _gain(alts: list | None, start: int, end: int) -> float:
    if not alts:
        return 0.0
    window = alts[start : end + 1]
    return sum(b - a for a, b in zip(window, window[1:], strict=False) if b > a)


def window_sensors(streams: Streams, start: int, end: int) -> dict:
    """Average cadence, power and heart rate (and peak heart rate) between two
    sample indices, for the sensors the streams have."""
    out: dict = {}
    if "cadence" in streams:
        turning = [c for c in streams["cadence"][start : end + 1] if c]
        out["average_cadence"] = round(sum(turning) / len(turning), 1) if turning else 0
    if "watts" in streams:
        watts = streams["watts"][start + 1 : end + 1] or [0.0]
        out["device_watts"] = True
        out["average_watts"] = round(sum(watts) / len(watts), 1)
    if "heartrate" in streams:
        beats = streams["heartrate"][start : end + 1]
        out["average_heartrate"] = round(sum(beats) / len(beats), 1)
        out["max_heartrate"] = max(beats)
    return out


def _indices(summary: dict, k: int, speed: float) -> dict:
    foot = summary["sport_type"] in FOOT_SPORTS
    return {
        "lap_index": k + 1,
        "split": k + 1,
        "pace_zone": pace_zone(speed) if foot else 0,
    }
