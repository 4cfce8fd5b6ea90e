"""Everything Athletiq derives from one activity's streams, in one call.

:func:`derive` accepts a parsed file (a
:class:`~athletiq_core.importing.parsed.ParsedActivity`) or bare
:data:`~athletiq_core.streams.Streams` from the Strava API, so both paths give the
same figures. A pool swim with recorded lengths takes its distance (lengths times
pool length) and moving time (the active lengths) from the lengths, because its
streams hold one sample per length at best. A parsed activity without any sample
(a file holding only the device's totals) takes its figures from those totals.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from athletiq_core.distances import METRES_PER_MILE
from athletiq_core.metrics.efforts import BestEffort, best_efforts
from athletiq_core.metrics.elevation import elevation_gain
from athletiq_core.metrics.moving import Pauses, elapsed_time, moving_time
from athletiq_core.metrics.power import peak_power
from athletiq_core.metrics.series import (
    distance_series,
    memoised,
    profile_for,
    time_weighted_mean,
    times_of,
)
from athletiq_core.metrics.splits import METRES_PER_KM, Split, splits
from athletiq_core.streams import Streams

if TYPE_CHECKING:
    from athletiq_core.importing.parsed import ParsedActivity

logger = logging.getLogger(__name__)

# Speeds are taken over at least this many seconds, so one noisy GPS step does
# not become the maximum speed.
_MAX_SPEED_WINDOW_S = 5.0


@dataclass
class DerivedMetrics:
    """Figures derived from streams: metres, seconds, m/s, bpm and watts.

    ``peak_power`` maps a duration in seconds to the best average watts over it.
    """

    distance_m: float
    moving_time_s: float
    elapsed_time_s: float
    elevation_gain_m: float | None
    avg_speed_mps: float | None
    max_speed_mps: float | None
    avg_hr: float | None
    max_hr: float | None
    avg_watts: float | None
    splits_metric: list[Split] = field(default_factory=list)
    splits_standard: list[Split] = field(default_factory=list)
    best_efforts: list[BestEffort] = field(default_factory=list)
    peak_power: dict[int, float] = field(default_factory=dict)


def derive(
    source: ParsedActivity | Streams,
    sport_type: str | None = None,
    indoor: bool | None = None,
) -> DerivedMetrics:
    """All derived metrics for a parsed activity or bare streams.

    ``sport_type`` and ``indoor`` default to the parsed activity's own; for bare
    streams they default to unknown sport and outdoors.
    """
    with memoised():
        return _derive(source, sport_type, indoor)


def _derive(
    source: ParsedActivity | Streams, sport_type: str | None, indoor: bool | None
) -> DerivedMetrics:
    streams: Streams = source.streams if hasattr(source, "streams") else source
    totals = getattr(source, "totals", None)
    if not times_of(streams) and totals is not None:
        return _from_totals(totals)
    sport_type = sport_type or getattr(source, "sport_type", None)
    indoor = bool(getattr(source, "indoor", False) if indoor is None else indoor)
    pauses = getattr(source, "pauses", ())
    distance, moving = _distance_and_moving(source, streams, sport_type, pauses)
    heartrates = [value for value in streams.get("heartrate", []) if value is not None]
    times = times_of(streams)
    return DerivedMetrics(
        distance_m=distance,
        moving_time_s=moving,
        elapsed_time_s=elapsed_time(streams),
        elevation_gain_m=elevation_gain(streams, sport_type),
        avg_speed_mps=distance / moving if moving > 0 and distance > 0 else None,
        max_speed_mps=_max_speed(streams, sport_type),
        avg_hr=time_weighted_mean(times, streams.get("heartrate", [])),
        max_hr=max(heartrates, default=None),
        avg_watts=time_weighted_mean(times, streams.get("watts", [])),
        splits_metric=splits(streams, METRES_PER_KM, sport_type, pauses),
        splits_standard=splits(streams, METRES_PER_MILE, sport_type, pauses),
        best_efforts=best_efforts(streams, sport_type, indoor),
        peak_power=peak_power(streams),
    )


def _from_totals(totals: Any) -> DerivedMetrics:
    """Figures of an activity that has only its device's totals."""
    distance = totals.distance_m or 0.0
    moving = totals.moving_s or totals.timer_s or totals.elapsed_s or 0.0
    return DerivedMetrics(
        distance_m=distance,
        moving_time_s=moving,
        elapsed_time_s=totals.elapsed_s or totals.timer_s or 0.0,
        elevation_gain_m=totals.ascent_m,
        avg_speed_mps=distance / moving if moving > 0 and distance > 0 else None,
        max_speed_mps=None,
        avg_hr=totals.avg_hr,
        max_hr=totals.max_hr,
        avg_watts=totals.avg_watts,
    )


def _distance_and_moving(
    source: Any, streams: Streams, sport_type: str | None, pauses: Pauses
) -> tuple[float, float]:
    lengths = [length for length in getattr(source, "lengths", []) if length.active]
    pool = getattr(source, "pool_length_m", None)
    if lengths and pool:
        return len(lengths) * pool, sum(length.elapsed_s for length in lengths)
    distances = distance_series(streams, sport_type)
    distance = distances[-1] if distances else 0.0
    return distance, moving_time(streams, sport_type, pauses)


def _max_speed(streams: Streams, sport_type: str | None) -> float | None:
    """Highest speed in m/s: the device's own speed when recorded, else distance.

    Device speed is already smoothed; a speed from distance is taken over at
    least five seconds so one noisy GPS step does not become the maximum. Values
    above the sport's plausible top speed are ignored.
    """
    limit = profile_for(sport_type).max_speed_mps
    recorded = [v for v in streams.get("velocity", []) if v is not None and v <= limit]
    if any(recorded):
        return max(recorded)
    distances = distance_series(streams, sport_type)
    if distances is None:
        return None
    return _windowed_max_speed(times_of(streams), distances, limit) or None


def _windowed_max_speed(
    times: list[float], distances: list[float], limit: float
) -> float:
    best, start = 0.0, 0
    for end in range(1, len(times)):
        while start + 1 < end and times[end] - times[start + 1] >= _MAX_SPEED_WINDOW_S:
            start += 1
        span = times[end] - times[start]
        if span >= _MAX_SPEED_WINDOW_S:
            speed = (distances[end] - distances[start]) / span
            best = max(best, speed if speed <= limit else 0.0)
    return best
