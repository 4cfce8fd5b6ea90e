"""Moving and elapsed time from streams.

Who decides what counts as moving, in order:

1. **The device, when it paused its timer.** A file that records timer pauses
   (auto-pause, or the athlete pressing pause; FIT timer events) says itself when
   the athlete was active: every second the timer ran is moving time, and no
   second of a pause is. So a ride recorded with auto-pause shows the device's
   own timer time, as Strava does when a device paused.
2. **The stop rule, otherwise**, on each interval between two consecutive
   samples. When the activity has a distance (recorded, from GPS or from a speed
   sensor; see :func:`~athletiq_core.metrics.series.distance_series`), the
   interval is moving when the speed over it reaches the sport's moving speed:
   0.5 m/s on foot, 1.0 m/s on a bike, 0.1 m/s swimming, 0.5 m/s otherwise (see
   :class:`~athletiq_core.metrics.series.SportProfile`). A stop counts only once
   it lasts :data:`MIN_STOP_S` (15 s), the threshold Strava uses: slowing for a
   corner or a few seconds at a crossing is part of moving. A long gap between
   samples counts when the distance grew at moving speed across it (smart
   recording on a straight road, a GPS dropout) and not when it did not.
3. **Without any distance** (an indoor trainer without a speed sensor, a rowing
   machine that records none) every interval up to :data:`NO_SPEED_MAX_GAP_S`
   (5 min) counts: such devices record only while their timer runs, though
   "smart" recording may leave minutes between samples. A longer gap is taken as
   the timer being stopped. A triathlon transition counts the same way, whatever
   its distance: changing kit is part of it, and race results time it in full.

A device whose timer never stopped (auto-pause off) reports a timer time equal
to its elapsed time; standing still during it is not moving time here, which is
a difference of definition, not an error.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from athletiq_core.metrics.series import (
    distance_series,
    interval_speeds,
    profile_for,
    remembered,
    times_of,
)
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

NO_SPEED_MAX_GAP_S = 300.0
MIN_STOP_S = 15.0
# Sports timed in full while the recording runs, standing still included.
CLOCK_SPORTS = frozenset({"Transition"})

# Spans of stream time (seconds from the start) during which the device's timer
# was stopped.
Pauses = Sequence[tuple[float, float]]


def moving_seconds(
    streams: Streams, sport_type: str | None = None, pauses: Pauses = ()
) -> list[float]:
    """For each sample, the moving seconds of the interval ending at it.

    The first sample closes no interval and has 0.0. See the module docstring for
    the rule.
    """
    return remembered(
        streams,
        ("moving", sport_type, tuple(pauses)),
        lambda: _moving_seconds(streams, sport_type, pauses),
    )


def _moving_seconds(
    streams: Streams, sport_type: str | None, pauses: Pauses
) -> list[float]:
    times = times_of(streams)
    if not times:
        return []
    if pauses:
        return _timer_seconds(times, pauses)
    flags = _stop_rule_flags(streams, times, sport_type)
    return [
        times[index] - times[index - 1] if index and flags[index] else 0.0
        for index in range(len(times))
    ]


def moving_flags(
    streams: Streams, sport_type: str | None = None, pauses: Pauses = ()
) -> list[bool]:
    """For each sample, whether the interval ending at it was moving.

    The first sample closes no interval and is always False.
    """
    return [seconds > 0 for seconds in moving_seconds(streams, sport_type, pauses)]


def moving_time(
    streams: Streams, sport_type: str | None = None, pauses: Pauses = ()
) -> float:
    """Seconds spent moving, by the rule in the module docstring."""
    return sum(moving_seconds(streams, sport_type, pauses))


def cumulative_moving(seconds: list[float]) -> list[float]:
    """Moving seconds from the start up to each sample."""
    totals, total = [], 0.0
    for step in seconds:
        total += step
        totals.append(total)
    return totals


def elapsed_time(streams: Streams) -> float:
    """Seconds from the first to the last sample, pauses included."""
    times = times_of(streams)
    return times[-1] - times[0] if times else 0.0


def _timer_seconds(times: list[float], pauses: Pauses) -> list[float]:
    """Seconds of each interval during which the timer ran (outside ``pauses``).

    One pass over the intervals and the pauses, both in time order, so a file
    with thousands of pauses costs no more than its samples.
    """
    ordered = sorted((start, end) for start, end in pauses if end > start)
    seconds, first = [0.0], 0
    for index in range(1, len(times)):
        start, end = times[index - 1], times[index]
        while first < len(ordered) and ordered[first][1] <= start:
            first += 1
        stopped, probe = 0.0, first
        while probe < len(ordered) and ordered[probe][0] < end:
            pause_start, pause_end = ordered[probe]
            stopped += max(0.0, min(end, pause_end) - max(start, pause_start))
            probe += 1
        seconds.append(max(0.0, end - start - stopped))
    return seconds


def _stop_rule_flags(
    streams: Streams, times: list[float], sport_type: str | None
) -> list[bool]:
    distances = distance_series(streams, sport_type)
    if distances is None or sport_type in CLOCK_SPORTS:
        return [False] + [
            0 < times[index] - times[index - 1] <= NO_SPEED_MAX_GAP_S
            for index in range(1, len(times))
        ]
    speeds = interval_speeds(times, distances)
    threshold = profile_for(sport_type).moving_speed_mps
    flags = [False] + [speed >= threshold for speed in speeds[1:]]
    _forgive_short_stops(times, flags)
    return flags


def _forgive_short_stops(times: list[float], flags: list[bool]) -> None:
    """Mark stops shorter than MIN_STOP_S between two moving intervals as moving."""
    index = 1
    while index < len(flags):
        if flags[index]:
            index += 1
            continue
        end = index
        while end < len(flags) and not flags[end]:
            end += 1
        # Runs are maximal, so a run starting after sample 1 follows a moving one.
        between_moves = index > 1 and end < len(flags)
        if between_moves and times[end - 1] - times[index - 1] < MIN_STOP_S:
            flags[index:end] = [True] * (end - index)
        index = end
