"""Splits and laps of a detailed activity, cut from its streams.

Splits end at the first sample past each kilometre (or mile), so their distances
add up to the activity's distance. Laps follow the device: auto-laps every
kilometre on foot and every ten on the bike, one lap per step of a structured
workout, one lap per set in the pool.
"""

from __future__ import annotations

from athletiq_core.demo.motion import step_marks
from athletiq_core.demo.workouts import Workout
from athletiq_core.streams import Streams

# Pace zones (m/s lower bounds for zones 2-6) of the demo athlete's runs.
_PACE_ZONES = (2.63, 2.98, 3.28, 3.57, 3.85)
FOOT_SPORTS = frozenset({"Run", "TrailRun", "Walk", "Hike"})


def split_bounds(distance: list[float], unit: float) -> list[tuple[int, int]]:
    """(start, end) sample indices of consecutive pieces of ``unit`` metres;
    the last piece holds whatever is left over."""
    bounds, start, mark = [], 0, unit
    for index, metres in enumerate(distance):
        if metres >= mark:
            bounds.append((start, index))
            start = index
            while mark <= metres:
                mark += unit
    if distance and start < len(distance) - 1 and distance[-1] > distance[start]:
        bounds.append((start, len(distance) - 1))
    return bounds


def splits(summary: dict, streams: Streams, unit: float) -> list[dict]:
    """Strava Split objects per ``unit`` metres (1000 or one mile)."""
    if "distance" not in streams:
        return []
    foot = summary["sport_type"] in FOOT_SPORTS
    return [
        _split(streams, number, start, end, foot)
        for number, (start, end) in enumerate(
            split_bounds(streams["distance"], unit), 1
        )
    ]


def _split(streams: Streams, number: int, start: int, end: int, foot: bool) -> dict:
    metres = streams["distance"][end] - streams["distance"][start]
    moving = int(sum(streams["moving"][start + 1 : end + 1]))
    speed = metres / moving if moving else 0.0
    climb = _climb(streams, start, end)
    out = {
        "distance": round(metres, 1),
        "elapsed_time": round(streams["time"][end] - streams["time"][start]),
        "elevation_difference": round(climb, 1),
        "moving_time": moving,
        "split": number,
        "average_speed": round(speed, 2),
        "average_grade_adjusted_speed": _grade_adjusted(speed, climb, metres, foot),
    }
    if "heartrate" in streams:
        out["average_heartrate"] = round(_mean(streams["heartrate"], start, end), 1)
    return out | {"pace_zone": pace_zone(speed) if foot else 0}


def _climb(streams: Streams, start: int, end: int) -> float:
    if "altitude" not in streams:
        return 0.0
    return streams["altitude"][end] - streams["altitude"][start]


def _grade_adjusted(speed: float, climb: float, metres: float, foot: bool):
    # Strava gives grade-adjusted speed for foot sports only.
    if not foot or not metres:
        return None
    grade = climb / metres
    return round(speed * (1 + 3.3 * grade + 15 * grade * grade), 2)


def pace_zone(speed: float) -> int:
    """The athlete's pace zone (1-6) for ``speed`` in m/s."""
    return 1 + sum(1 for bound in _PACE_ZONES if speed >= bound)


def _mean(values: list, start: int, end: int) -> float:
    window = values[start + 1 : end + 1] or values[start : start + 1]
    return sum(window) / len(window)


def lap_bounds(
    summary: dict, kind: str, streams: Streams, workout: Workout | None
) -> list[tuple[int, int]]:
    """(start, end) sample indices of the device laps of an activity."""
    last = len(streams["time"]) - 1
    if workout is not None:
        return _workout_bounds(streams, workout, kind == "virtual")
    if kind == "swim":
        return _set_bounds(streams["moving"])
    if "distance" not in streams or kind in ("commute", "strength"):
        return [(0, last)]
    unit = 10000.0 if summary["type"] in ("Ride", "VirtualRide") else 1000.0
    return split_bounds(streams["distance"], unit)


def _workout_bounds(
    streams: Streams, workout: Workout, bike: bool
) -> list[tuple[int, int]]:
    # Each step ends after a set number of moving seconds (see motion.step_marks).
    moving = streams["moving"]
    marks = step_marks(workout, int(sum(moving)), bike)[:-1]
    bounds, start, done, k = [], 0, 0, 0
    for index, flag in enumerate(moving):
        done += int(flag)
        if k < len(marks) and done >= marks[k] and index > start:
            bounds.append((start, index))
            start, k = index, k + 1
    return bounds + [(start, len(moving) - 1)]


def _set_bounds(moving: list) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for index in range(1, len(moving)):
        if moving[index - 1] and not moving[index]:
            bounds.append((start, index))
            start = index
    if start < len(moving) - 1:
        bounds.append((start, len(moving) - 1))
    return bounds
