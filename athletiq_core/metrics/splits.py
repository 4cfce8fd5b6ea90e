"""Kilometre and mile splits from streams.

Split boundaries fall at exact multiples of the unit along the cleaned distance
series (:func:`~athletiq_core.metrics.series.distance_series`); time, moving time
and altitude at a boundary are interpolated linearly between the two samples
around it. The last, partial split is included when it is longer than a metre.
An activity with more than :data:`MAX_SPLITS` splits gets none: no recording is
that long, so its distance is damaged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from athletiq_core.metrics.moving import Pauses, cumulative_moving, moving_seconds
from athletiq_core.metrics.series import distance_series, fill_gaps, times_of
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

METRES_PER_KM = 1000.0
_MIN_PARTIAL_M = 1.0
# More splits than this means damaged data (10,000 km in kilometre splits).
MAX_SPLITS = 10_000


@dataclass(frozen=True)
class Split:
    """One split. ``index`` counts from 1; times in seconds, distance in metres.

    ``avg_speed_mps`` is distance over moving time; ``pace_s_per_unit`` the moving
    seconds per full unit (km or mile) at that speed; ``elevation_diff_m`` the
    altitude at the end minus at the start; ``avg_hr`` time-weighted, in bpm.
    """

    index: int
    distance_m: float
    elapsed_s: float
    moving_s: float
    avg_speed_mps: float | None
    pace_s_per_unit: float | None
    elevation_diff_m: float | None
    avg_hr: float | None


@dataclass
class _Track:
    times: list[float]
    distances: list[float]
    moving: list[float]
    altitudes: list[float] | None
    heartrates: list[float | None] | None


def splits(
    streams: Streams,
    unit_m: float,
    sport_type: str | None = None,
    pauses: Pauses = (),
) -> list[Split]:
    """Splits every ``unit_m`` metres (1000 for km, 1609.344 for miles).

    Moving time in each split follows the rule of :mod:`.moving`, with the
    device's timer ``pauses`` when it recorded any.

    Returns an empty list when the streams have no distance, or implausibly much.
    """
    track = _track(streams, sport_type, pauses)
    if track is None or unit_m <= 0:
        return []
    total = track.distances[-1]
    if total > MAX_SPLITS * unit_m:
        logger.warning("No splits: %.0f km is longer than any recording", total / 1000)
        return []
    bounds = [unit_m * step for step in range(1, int(total // unit_m) + 1)]
    if total - (bounds[-1] if bounds else 0.0) > _MIN_PARTIAL_M:
        bounds.append(total)
    points = _boundary_points(track, bounds)
    return [
        _split(track, index + 1, points[index], points[index + 1], unit_m)
        for index in range(len(bounds))
    ]


def _track(streams: Streams, sport_type: str | None, pauses: Pauses) -> _Track | None:
    distances = distance_series(streams, sport_type)
    if distances is None:
        return None
    times = times_of(streams)
    moving = cumulative_moving(moving_seconds(streams, sport_type, pauses))
    altitudes = fill_gaps(times, streams.get("altitude", []))
    return _Track(times, distances, moving, altitudes, streams.get("heartrate"))


def _boundary_points(track: _Track, bounds: list[float]) -> list[tuple[int, float]]:
    """(sample index, fraction of the interval before it) for 0 and each bound."""
    points = [(0, 1.0)]
    index = 1
    for bound in bounds:
        while index < len(track.distances) - 1 and track.distances[index] < bound:
            index += 1
        before, after = track.distances[index - 1], track.distances[index]
        share = (bound - before) / (after - before) if after > before else 1.0
        points.append((index, min(1.0, max(0.0, share))))
    return points


def _at(values: list[float], point: tuple[int, float]) -> float:
    index, share = point
    if index == 0:
        return values[0]
    return values[index - 1] + (values[index] - values[index - 1]) * share


def _split(
    track: _Track,
    number: int,
    start: tuple[int, float],
    end: tuple[int, float],
    unit_m: float,
) -> Split:
    distance = _at(track.distances, end) - _at(track.distances, start)
    moving = _at(track.moving, end) - _at(track.moving, start)
    speed = distance / moving if moving > 0 else None
    return Split(
        index=number,
        distance_m=distance,
        elapsed_s=_at(track.times, end) - _at(track.times, start),
        moving_s=moving,
        avg_speed_mps=speed,
        pace_s_per_unit=unit_m / speed if speed else None,
        elevation_diff_m=_elevation_diff(track, start, end),
        avg_hr=_average_hr(track, start[0], end[0]),
    )


def _elevation_diff(
    track: _Track, start: tuple[int, float], end: tuple[int, float]
) -> float | None:
    if track.altitudes is None:
        return None
    return _at(track.altitudes, end) - _at(track.altitudes, start)


def _average_hr(track: _Track, first: int, last: int) -> float | None:
    """Heart rate over the intervals closed by samples ``first+1`` to ``last``."""
    if track.heartrates is None:
        return None
    total = weight = 0.0
    for index in range(max(first, 0) + 1, last + 1):
        value = track.heartrates[index]
        dt = track.times[index] - track.times[index - 1]
        if value is not None and dt > 0:
            total += value * dt
            weight += dt
    return total / weight if weight > 0 else None
