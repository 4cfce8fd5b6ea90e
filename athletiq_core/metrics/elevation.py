"""Elevation gain from the altitude stream, with hysteresis against noise.

Method: a climb is counted only once the altitude has risen at least
:data:`GAIN_THRESHOLD_M` above the lowest point since the last counted climb, and
it ends when the altitude has fallen the same amount below its highest point.
Each counted climb adds its full height (highest minus lowest point), so a clean
climb of 100 m counts 100 m, while barometric jitter and GPS wobble of a metre or
two, which would add hundreds of metres if every uptick were summed, count
nothing. Missing altitude samples are skipped.
"""

from __future__ import annotations

import logging

from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

GAIN_THRESHOLD_M = 3.0


def elevation_gain(
    streams: Streams, threshold_m: float = GAIN_THRESHOLD_M
) -> float | None:
    """Total climbing in metres, or None when there is no altitude stream."""
    altitudes = [value for value in streams.get("altitude", []) if value is not None]
    if not altitudes:
        return None
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
