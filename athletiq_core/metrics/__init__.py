"""Metrics derived from activity streams, for file imports and Strava streams alike.

Units throughout: metres, seconds, metres per second, beats per minute, watts.
Each submodule documents its method: :mod:`.moving` the stop rule,
:mod:`.elevation` the hysteresis, :mod:`.efforts` how best efforts are found and
guarded, :mod:`.power` how peak power treats irregular sampling, and
:mod:`.series` how the distance series is cleaned.
"""

from athletiq_core.metrics.derive import DerivedMetrics, derive
from athletiq_core.metrics.efforts import BestEffort, best_efforts, fastest_window
from athletiq_core.metrics.elevation import GAIN_THRESHOLD_M, elevation_gain
from athletiq_core.metrics.moving import elapsed_time, moving_flags, moving_time
from athletiq_core.metrics.power import PEAK_POWER_DURATIONS_S, peak_power
from athletiq_core.metrics.series import (
    MAX_GAP_S,
    SportProfile,
    distance_series,
    gps_distance,
    haversine_m,
    profile_for,
)
from athletiq_core.metrics.splits import Split, splits

__all__ = [
    "GAIN_THRESHOLD_M",
    "MAX_GAP_S",
    "PEAK_POWER_DURATIONS_S",
    "BestEffort",
    "DerivedMetrics",
    "Split",
    "SportProfile",
    "best_efforts",
    "derive",
    "distance_series",
    "elapsed_time",
    "elevation_gain",
    "fastest_window",
    "gps_distance",
    "haversine_m",
    "moving_flags",
    "moving_time",
    "peak_power",
    "profile_for",
    "splits",
]
