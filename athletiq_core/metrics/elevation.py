"""Elevation gain from the altitude stream: moving-only, smoothed, with hysteresis.

Method, in three steps:

1. Only altitude changes over moving intervals count (the stop rule of
   :mod:`~athletiq_core.metrics.moving`, by speed even where the device's timer
   ran): a barometer drifts while the athlete stands still, and the altitude
   jumps across a pause; neither is climbing.
   A change faster than :data:`MAX_VERTICAL_MPS` (10 m/s) is a glitch and is
   dropped too.
2. That profile is smoothed with a centred moving average over
   :data:`SMOOTHING_WINDOW_S` (10 s) of moving time, which removes the
   sample-to-sample wobble of wrist barometers and GPS altitude.
3. Hysteresis: a climb is counted only once the altitude has risen
   :data:`GAIN_THRESHOLD_M` (3 m) above the lowest point since the last counted
   climb, and it ends when the altitude falls 3 m below its highest point. Each
   counted climb adds its full height, so a clean 100 m climb counts 100 m while
   ripples smaller than 3 m count nothing.

On the real files in the test data this lands within 10 % of most devices' own
totals. Devices disagree among themselves: some count every metre of rolling
terrain, others filter harder (Strava reports 62 m for a run whose Garmin says
109 m), so no single method matches them all.
"""

from __future__ import annotations

import logging

from athletiq_core.metrics.moving import moving_flags
from athletiq_core.metrics.series import fill_gaps, times_of
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

GAIN_THRESHOLD_M = 3.0
SMOOTHING_WINDOW_S = 10.0
# Faster altitude changes (m/s) are sensor glitches, like a GPS altitude that
# starts 87 m too high for three seconds; not even a gondola climbs this fast.
MAX_VERTICAL_MPS = 10.0


def elevation_gain(
    streams: Streams,
    sport_type: str | None = None,
    threshold_m: float = GAIN_THRESHOLD_M,
) -> float | None:
    """Total climbing in metres, or None when there is no altitude stream."""
    profile = _moving_profile(streams, sport_type)
    if profile is None:
        return None
    clock, altitudes = profile
    return hysteresis_gain(smoothed(clock, altitudes, SMOOTHING_WINDOW_S), threshold_m)


def _moving_profile(
    streams: Streams, sport_type: str | None
) -> tuple[list[float], list[float]] | None:
    """Moving time and altitude built only from moving intervals (step 1)."""
    times = times_of(streams)
    altitudes = fill_gaps(times, streams.get("altitude", []))
    if altitudes is None:
        return None
    flags = moving_flags(streams, sport_type)
    clock, level = [times[0]], [altitudes[0]]
    for index in range(1, len(times)):
        if not flags[index]:
            continue
        dt = times[index] - times[index - 1]
        change = altitudes[index] - altitudes[index - 1]
        clock.append(clock[-1] + dt)
        level.append(
            level[-1] + (change if abs(change) <= MAX_VERTICAL_MPS * dt else 0)
        )
    return clock, level


def smoothed(times: list[float], values: list[float], window_s: float) -> list[float]:
    """Centred moving average of ``values`` over ``window_s`` seconds.

    Near either end the window shrinks to stay centred, so the first and last
    values are kept and a climb's start and end are not pulled inwards.
    """
    prefix = [0.0]
    for value in values:
        prefix.append(prefix[-1] + value)
    averages, low, high = [], 0, 0
    for moment in times:
        half = min(window_s / 2, moment - times[0], times[-1] - moment)
        while times[low] < moment - half:
            low += 1
        while high < len(times) and times[high] <= moment + half:
            high += 1
        averages.append((prefix[high] - prefix[low]) / (high - low))
    return averages


def hysteresis_gain(altitudes: list[float], threshold_m: float) -> float:
    """Metres climbed, counting only climbs taller than ``threshold_m`` (step 3)."""
    if not altitudes:
        return 0.0
    gain = 0.0
    low = high = altitudes[0]
    climbing = False
    for altitude in altitudes[1:]:
        if climbing and altitude > high:
            high = altitude
        elif climbing and altitude < high - threshold_m:
            gain += high - low
            low = high = altitude
            climbing = False
        elif not climbing and altitude < low:
            low = altitude
        elif not climbing and altitude > low + threshold_m:
            high, climbing = altitude, True
    return gain + (high - low if climbing else 0.0)
