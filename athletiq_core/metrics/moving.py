"""Moving and elapsed time from streams.

The stop rule, applied to each interval between two consecutive samples:

1. An interval longer than :data:`~athletiq_core.metrics.series.MAX_GAP_S` (60 s)
   is a pause: the device stopped recording (auto-pause, timer stopped, lost
   signal), so none of it is moving time.
2. Otherwise, when the activity has a distance (recorded or from GPS), the
   interval is moving when the speed over it reaches the sport's moving speed:
   0.5 m/s on foot, 1.0 m/s on a bike, 0.1 m/s swimming (see
   :class:`~athletiq_core.metrics.series.SportProfile`). This is how devices
   with auto-pause behave: standing at a crossing stops the clock.
3. Without any distance, a ``velocity`` stream decides the same way.
4. With neither (an indoor trainer without a speed sensor, a rowing machine that
   records no distance) every recorded interval counts, because devices only
   record while their timer runs.
"""

from __future__ import annotations

import logging
import math

from athletiq_core.metrics.series import (
    MAX_GAP_S,
    distance_series,
    interval_speeds,
    profile_for,
    times_of,
)
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)


def moving_flags(streams: Streams, sport_type: str | None = None) -> list[bool]:
    """For each sample, whether the interval ending at it was moving (see module).

    The first sample closes no interval and is always False.
    """
    times = times_of(streams)
    if not times:
        return []
    distances = distance_series(streams, sport_type)
    if distances is not None:
        speeds, longest = interval_speeds(times, distances), math.inf
    else:
        speeds, longest = _velocity(streams), MAX_GAP_S
    threshold = profile_for(sport_type).moving_speed_mps
    flags = [False]
    for index in range(1, len(times)):
        dt = times[index] - times[index - 1]
        fast = speeds is None or speeds[index] >= threshold
        flags.append(0 < dt <= longest and fast)
    return flags


def _velocity(streams: Streams) -> list[float] | None:
    velocity = streams.get("velocity")
    if velocity and any(value for value in velocity):
        return [value or 0.0 for value in velocity]
    return None


def moving_time(streams: Streams, sport_type: str | None = None) -> float:
    """Seconds spent moving, by the stop rule in the module docstring."""
    times = times_of(streams)
    flags = moving_flags(streams, sport_type)
    return sum(
        times[index] - times[index - 1]
        for index in range(1, len(times))
        if flags[index]
    )


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
