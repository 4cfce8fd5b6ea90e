"""Series helpers the metrics share: times, cumulative distance and sport limits.

Distance comes from the recorded ``distance`` stream when there is one: gaps are
filled by interpolating in time, the series never decreases, and a step faster
than the sport's top plausible speed is cut to that speed, so one bad sample
cannot add a kilometre; a step that catches up after the distance stood still
(a GPS dropout) is spread over the stall instead. A recorded stream that often
runs backwards holds two interleaved sources and is not used. Next comes the
``velocity`` stream integrated over time (an indoor ride with a speed sensor),
and last the haversine sum of the GPS track, skipping positions that could only
be reached at an implausible speed. GPS noise while standing still is not
filtered out, so GPS distances of long stops read slightly long.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, TypeVar

from athletiq_core.streams import Streams, length

logger = logging.getLogger(__name__)

T = TypeVar("T")

# Series already computed in the current :func:`memoised` block, by key.
_memo: ContextVar[dict[tuple[Any, ...], tuple[Any, Any]] | None] = ContextVar(
    "series_memo", default=None
)

EARTH_RADIUS_M = 6_371_008.8
# A sample interval longer than this (seconds) is a pause or a recording gap.
MAX_GAP_S = 60.0
# After this many positions in a row are rejected as spikes, the GPS is trusted
# again from the current one (the first fix, not the new one, was wrong).
_SPIKE_RESYNC = 5
# Share of steps in which a recorded distance may fall by over a metre before the
# stream is taken for interleaved sources rather than one odometer.
_MAX_BACKWARD_SHARE = 0.01


@dataclass(frozen=True)
class SportProfile:
    """Speed limits of a family of sports, in metres per second.

    ``moving_speed_mps``: slower than this over a sample interval counts as
    stopped. ``max_speed_mps``: faster than this between samples is a glitch.
    """

    moving_speed_mps: float
    max_speed_mps: float


FOOT = SportProfile(moving_speed_mps=0.5, max_speed_mps=12.0)
CYCLING = SportProfile(moving_speed_mps=1.0, max_speed_mps=35.0)
SWIMMING = SportProfile(moving_speed_mps=0.1, max_speed_mps=3.0)
OTHER = SportProfile(moving_speed_mps=0.5, max_speed_mps=60.0)

_FOOT_SPORTS = frozenset({"Run", "TrailRun", "VirtualRun", "Walk", "Hike", "Snowshoe"})
_SWIM_SPORTS = frozenset({"Swim"})


def profile_for(sport_type: str | None) -> SportProfile:
    """The speed limits for a Strava sport_type (generic ones when unknown)."""
    if sport_type in _FOOT_SPORTS:
        return FOOT
    if sport_type in _SWIM_SPORTS:
        return SWIMMING
    if sport_type and (
        "Ride" in sport_type or sport_type in ("Velomobile", "Handcycle")
    ):
        return CYCLING
    return OTHER


@contextmanager
def memoised() -> Iterator[None]:
    """Within the block, a series asked for twice from the same streams is computed
    once. :func:`~athletiq_core.metrics.derive.derive` asks for the distance and
    moving series a dozen times per activity; the streams must not change inside.
    """
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(owner: Any, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or its earlier result for ``owner`` and ``key`` inside a
    memoised block. The block keeps ``owner`` alive, so its id is not reused.
    """
    memo = _memo.get()
    if memo is None:
        return compute()
    full_key = (id(owner), *key)
    if full_key not in memo:
        memo[full_key] = (owner, compute())
    return memo[full_key][1]


def times_of(streams: Streams) -> list[float]:
    """The time stream in seconds with missing samples carried forward.

    Without a time stream, samples are taken as one second apart.
    """
    return remembered(streams, ("times",), lambda: _times_of(streams))


def _times_of(streams: Streams) -> list[float]:
    if "time" not in streams:
        return [float(index) for index in range(length(streams))]
    times: list[float] = []
    last = 0.0
    for value in streams["time"]:
        last = value if value is not None else last
        times.append(last)
    return times


def fill_gaps(times: list[float], values: list[float | None]) -> list[float] | None:
    """``values`` with None interpolated linearly in time; the ends are held.

    Returns None when no value is present at all.
    """
    known = [index for index, value in enumerate(values) if value is not None]
    if not known:
        return None
    filled = [float(values[known[0]])] * len(values)  # type: ignore[arg-type]
    for left, right in zip(known, known[1:], strict=False):
        _interpolate(times, values, filled, left, right)
    for index in range(known[-1], len(values)):
        filled[index] = float(values[known[-1]])  # type: ignore[arg-type]
    return filled


def _interpolate(
    times: list[float],
    values: list[float | None],
    filled: list[float],
    left: int,
    right: int,
) -> None:
    start, end = float(values[left]), float(values[right])  # type: ignore[arg-type]
    span = times[right] - times[left]
    for index in range(left, right):
        share = (times[index] - times[left]) / span if span > 0 else 0.0
        filled[index] = start + (end - start) * share


def haversine_m(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Great-circle distance in metres between two positions in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lng2 - lng1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def gps_distance(
    streams: Streams, max_speed_mps: float = OTHER.max_speed_mps
) -> list[float] | None:
    """Cumulative haversine distance in metres for every sample, from lat/lng.

    A position reached faster than ``max_speed_mps`` from the last accepted one is
    a GPS spike and adds nothing. Samples without a position add nothing. Returns
    None when the streams have no positions.
    """
    lats, lngs = streams.get("lat"), streams.get("lng")
    if not lats or not lngs or all(lat is None for lat in lats):
        return None
    times = times_of(streams)
    cumulative, total = [], 0.0
    anchor: int | None = None
    rejected = 0
    for index, (lat, lng) in enumerate(zip(lats, lngs, strict=False)):
        if lat is not None and lng is not None:
            step = 0.0 if anchor is None else _step(streams, times, anchor, index)
            if anchor is None or step <= max_speed_mps * max(
                times[index] - times[anchor], 1.0
            ):
                total, anchor, rejected = total + step, index, 0
            else:
                rejected += 1
                anchor = index if rejected >= _SPIKE_RESYNC else anchor
        cumulative.append(total)
    return cumulative


def _step(streams: Streams, times: list[float], a: int, b: int) -> float:
    lats, lngs = streams["lat"], streams["lng"]
    return haversine_m(lats[a], lngs[a], lats[b], lngs[b])  # type: ignore[arg-type]


def distance_series(
    streams: Streams, sport_type: str | None = None
) -> list[float] | None:
    """Cumulative distance in metres from the start, for every sample.

    Sources in order: the recorded ``distance`` stream when it is a single
    odometer, the ``velocity`` stream integrated over time, the GPS track (see
    the module docstring). Steps faster than the sport's top plausible speed are
    cut to that speed. Returns None when no source shows any distance.
    """
    return remembered(
        streams, ("distance", sport_type), lambda: _distance_series(streams, sport_type)
    )


def _distance_series(streams: Streams, sport_type: str | None) -> list[float] | None:
    profile = profile_for(sport_type)
    times = times_of(streams)
    for source in (_recorded_distance, _velocity_distance, _gps_source):
        series = source(streams, times, profile.max_speed_mps)
        if series is not None and series[-1] - series[0] > 0:
            return _capped(times, series, profile.max_speed_mps)
    return None


def _recorded_distance(
    streams: Streams, times: list[float], max_speed: float
) -> list[float] | None:
    filled = fill_gaps(times, streams.get("distance", []))
    if filled is None:
        return None
    backwards = sum(
        1 for index in range(1, len(filled)) if filled[index] < filled[index - 1] - 1.0
    )
    # One odometer never runs backwards; many backward steps mean two sources
    # were interleaved (a head unit and a trainer app writing alternate records).
    return None if backwards > _MAX_BACKWARD_SHARE * len(filled) else filled


def _gps_source(
    streams: Streams, times: list[float], max_speed: float
) -> list[float] | None:
    return gps_distance(streams, max_speed)


def _velocity_distance(
    streams: Streams, times: list[float], max_speed: float
) -> list[float] | None:
    """Distance integrated from speed; pauses longer than MAX_GAP_S add nothing."""
    velocity = streams.get("velocity")
    if not velocity:
        return None
    total, series = 0.0, [0.0]
    for index in range(1, min(len(times), len(velocity))):
        dt = times[index] - times[index - 1]
        speed = velocity[index] or 0.0
        if 0 < dt <= MAX_GAP_S and 0 < speed <= max_speed:
            total += speed * dt
        series.append(total)
    return series


def _capped(
    times: list[float], distances: list[float], max_speed: float
) -> list[float]:
    """Distance from the start, never falling, with implausible steps handled.

    A step too fast for one interval that follows a stretch where the distance
    stood still is a catch-up (the device regained its signal and added what it
    missed): it is spread evenly over that stretch. Whatever is still faster than
    ``max_speed`` is a glitch and is cut to that speed.
    """
    cleaned = [0.0] * len(distances)
    highest = distances[0]
    moved_at = 0
    for index in range(1, len(distances)):
        step = max(0.0, distances[index] - highest)
        highest = max(highest, distances[index])
        cleaned[index] = cleaned[index - 1]
        if step <= 0:
            continue
        if step > max_speed * max(times[index] - times[index - 1], 1.0):
            span = max(times[index] - times[moved_at], 1.0)
            _spread(times, cleaned, moved_at, index, min(step, max_speed * span))
        else:
            cleaned[index] += step
        moved_at = index
    return cleaned


def _spread(
    times: list[float], cleaned: list[float], first: int, last: int, step: float
) -> None:
    """Add ``step`` metres linearly in time over samples ``first+1`` to ``last``."""
    span = times[last] - times[first]
    for index in range(first + 1, last + 1):
        share = (times[index] - times[first]) / span if span > 0 else 1.0
        cleaned[index] = cleaned[first] + step * share


def interval_speeds(times: list[float], distances: list[float]) -> list[float]:
    """Speed in m/s over each interval ending at a sample (0.0 for the first)."""
    speeds = [0.0]
    for index in range(1, len(times)):
        dt = times[index] - times[index - 1]
        speeds.append((distances[index] - distances[index - 1]) / dt if dt > 0 else 0.0)
    return speeds


def time_weighted_mean(times: list[float], values: list[float | None]) -> float | None:
    """Mean of ``values`` weighted by the interval each sample closes.

    Intervals longer than :data:`MAX_GAP_S` (pauses) and missing values count for
    nothing. Returns None when nothing is left.
    """
    total = weight = 0.0
    for index in range(1, min(len(times), len(values))):
        dt = times[index] - times[index - 1]
        value = values[index]
        if value is not None and 0 < dt <= MAX_GAP_S:
            total += value * dt
            weight += dt
    return total / weight if weight > 0 else None
