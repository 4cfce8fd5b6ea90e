"""Moving and elapsed time from streams.

The stop rule, applied to each interval between two consecutive samples:

1. When the activity has a distance (recorded, from GPS or from a speed sensor;
   see :func:`~athletiq_core.metrics.series.distance_series`), the interval is
   moving when the speed over it reaches the sport's moving speed: 0.5 m/s on
   foot, 1.0 m/s on a bike, 0.1 m/s swimming, 0.5 m/s otherwise (see
   :class:`~athletiq_core.metrics.series.SportProfile`). Standing at a crossing
   stops the clock, as it does on Strava and on devices with auto-pause. A long
   gap between samples counts when the distance grew at moving speed across it
   (smart recording on a straight road, a GPS dropout) and not when it did not
   (the device was paused and stopped adding distance).
2. Without any distance (an indoor trainer without a speed sensor, a rowing
   machine that records none) every interval up to
   :data:`NO_SPEED_MAX_GAP_S` (5 min) counts: such devices cannot auto-pause and
   record only while their timer runs, though "smart" recording may leave minutes
   between samples. A longer gap is taken as the timer being stopped.

Devices whose timer keeps running while standing still (auto-pause off) report
a timer time longer than this moving time; that is a difference of definition,
not an error.
"""

from __future__ import annotations

import logging

from athletiq_core.metrics.series import (
    distance_series,
    interval_speeds,
    profile_for,
    times_of,
)
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

NO_SPEED_MAX_GAP_S = 300.0


def moving_flags(streams: Streams, sport_type: str | None = None) -> list[bool]:
    """For each sample, whether the interval ending at it was moving (see module).

    The first sample closes no interval and is always False.
    """
    times = times_of(streams)
    if not times:
        return []
    distances = distance_series(streams, sport_type)
    if distances is None:
        return [False] + [
            0 < times[index] - times[index - 1] <= NO_SPEED_MAX_GAP_S
            for index in range(1, len(times))
        ]
    speeds = interval_speeds(times, distances)
    threshold = profile_for(sport_type).moving_speed_mps
    return [False] + [speed >= threshold for speed in speeds[1:]]


def moving_time(streams: Streams, sport_type: str | None = None) -> float:
    """Seconds spent moving, by the stop rule in the module docstring."""
    times = times_of(streams)
    flags = moving_flags(streams, sport_type)
    return cumulative_moving(times, flags)[-1] if times else 0.0


def cumulative_moving(times: list[float], flags: list[bool]) -> list[float]:
    """Moving seconds from the start up to each sample."""
    totals = [0.0] * len(times)
    for index in range(1, len(times)):
        step = times[index] - times[index - 1] if flags[index] else 0.0
        totals[index] = totals[index - 1] + step
    return totals


def elapsed_time(streams: Streams) -> float:
    """Seconds from the first to the last sample, pauses included."""
    times = times_of(streams)
    return times[-1] - times[0] if times else 0.0
