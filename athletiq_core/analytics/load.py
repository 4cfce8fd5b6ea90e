"""Training load per activity, on one scale (TSS-like points), with its reasons.

One hour at threshold is worth 100 points whichever way it is measured. The first
source that has the data it needs wins:

1. ``power_tss`` (cycling with power and an FTP): Coggan's TSS,
   ``s × NP × IF / (FTP × 3600) × 100`` with ``IF = NP / FTP``; Strava's weighted
   average power stands in for NP (average power when that is missing). Running
   power is not on the cycling FTP scale, so runs never use it.
2. ``running_tss`` (Run and VirtualRun with a distance and a threshold pace):
   ``hours × IF² × 100`` with ``IF = average speed / threshold speed``. Average
   speed ignores hills, so trail runs go on to heart rate.
3. ``hr_tss`` (average heart rate, maximum heart rate): Banister's TRIMP,
   ``minutes × x × a·e^(b·x)`` with ``x`` the heart-rate reserve fraction and
   ``a, b`` = 0.64, 1.92 for men and 0.86, 1.67 for women (Morton, Fitz-Clarke &
   Banister 1990), divided by the TRIMP of one hour at threshold heart rate. Men's
   factors are used when the sex is unknown. Threshold HR defaults to 90 % of max.
4. ``relative_effort``: Strava's Relative Effort (``suffer_score``) times
   :data:`RELATIVE_EFFORT_FACTOR`. Strava publishes no conversion; Relative Effort
   is itself a heart-rate-zone score whose hard hour lands near 100, so it is used
   as it is (factor 1.0) and labelled as Relative Effort, not TSS.
5. ``duration_default``: moving hours × a points-per-hour figure for the sport
   (:data:`POINTS_PER_HOUR`), i.e. ``IF² × 100`` for a typical steady session:
   IF ≈ 0.77 for a run (60), 0.71 for a ride (50), 0.5 for a walk (25).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from athletiq_core.analytics.thresholds import (
    CYCLING_SPORTS,
    THRESHOLD_HR_SHARE,
    AthleteThresholds,
    estimate_thresholds,
)
from athletiq_core.units import UnitSystem, format_duration, format_pace

__all__ = [
    "ActivityLoadInput",
    "AthleteThresholds",
    "LoadResult",
    "activity_load",
    "estimate_thresholds",
]

PACE_SPORTS = frozenset({"Run", "VirtualRun"})
RELATIVE_EFFORT_FACTOR = 1.0
TRIMP_FACTORS = {"m": (0.64, 1.92), "f": (0.86, 1.67)}
POINTS_PER_HOUR = {
    "Run": 60.0,
    "TrailRun": 65.0,
    "VirtualRun": 60.0,
    "Ride": 50.0,
    "VirtualRide": 55.0,
    "GravelRide": 50.0,
    "MountainBikeRide": 55.0,
    "EBikeRide": 25.0,
    "Swim": 55.0,
    "Walk": 25.0,
    "Hike": 35.0,
    "NordicSki": 60.0,
    "AlpineSki": 35.0,
    "Rowing": 55.0,
    "WeightTraining": 35.0,
    "Yoga": 15.0,
}
DEFAULT_POINTS_PER_HOUR = 40.0


@dataclass(slots=True)
class ActivityLoadInput:
    """The facts of one activity: seconds, watts, bpm and metres."""

    sport_type: str
    moving_time: float
    avg_power: float | None = None
    weighted_power: float | None = None
    avg_heartrate: float | None = None
    distance: float | None = None
    suffer_score: float | None = None
    has_power: bool = False


@dataclass(slots=True)
class LoadResult:
    """A load in TSS-like points, the ``source`` used and the inputs (``params``)."""

    value: float
    source: str
    params: dict[str, Any] = field(default_factory=dict)

    def describe(self, units: UnitSystem = UnitSystem.METRIC) -> str:
        """One sentence for the user, e.g. "TSS 87 from power: NP 240 W, …"."""
        return _DESCRIBERS[self.source](self, units)


def activity_load(
    activity: ActivityLoadInput, thresholds: AthleteThresholds
) -> LoadResult:
    """The load of ``activity`` from the best source its data and thresholds allow."""
    for method in (_power_tss, _running_tss, _hr_tss, _relative_effort):
        result = method(activity, thresholds)
        if result is not None:
            return result
    return _duration_default(activity)


def _hours(activity: ActivityLoadInput) -> float:
    return max(activity.moving_time, 0.0) / 3600


def _power_tss(
    activity: ActivityLoadInput, thresholds: AthleteThresholds
) -> LoadResult | None:
    np_watts = activity.weighted_power or activity.avg_power
    usable = activity.has_power and activity.sport_type in CYCLING_SPORTS
    if not (usable and np_watts and thresholds.ftp):
        return None
    intensity = np_watts / thresholds.ftp
    value = _hours(activity) * intensity * intensity * 100
    return LoadResult(
        value,
        "power_tss",
        {
            "np_w": np_watts,
            "np_from": "weighted" if activity.weighted_power else "average",
            "ftp_w": thresholds.ftp,
            "intensity_factor": intensity,
            "moving_time_s": activity.moving_time,
        },
    )


def _running_tss(
    activity: ActivityLoadInput, thresholds: AthleteThresholds
) -> LoadResult | None:
    usable = activity.sport_type in PACE_SPORTS and activity.moving_time > 0
    if not (usable and activity.distance and thresholds.threshold_pace):
        return None
    speed = activity.distance / activity.moving_time
    intensity = speed / thresholds.threshold_pace
    return LoadResult(
        _hours(activity) * intensity * intensity * 100,
        "running_tss",
        {
            "speed_mps": speed,
            "threshold_speed_mps": thresholds.threshold_pace,
            "intensity_factor": intensity,
            "moving_time_s": activity.moving_time,
        },
    )


def _hr_tss(
    activity: ActivityLoadInput, thresholds: AthleteThresholds
) -> LoadResult | None:
    max_hr, rest_hr = thresholds.max_hr, thresholds.rest_hr
    avg_hr = activity.avg_heartrate
    if not (avg_hr and max_hr and rest_hr is not None):
        return None
    threshold_hr = thresholds.threshold_hr or THRESHOLD_HR_SHARE * max_hr
    # At or below resting heart rate the reserve fraction is zero or negative:
    # the reading says nothing about effort, so a later source is used.
    if min(avg_hr, threshold_hr, max_hr) <= rest_hr:
        return None
    a, b = TRIMP_FACTORS.get(thresholds.sex or "m", TRIMP_FACTORS["m"])
    trimp = banister_trimp(activity.moving_time / 60, avg_hr, rest_hr, max_hr, a, b)
    hour_at_threshold = banister_trimp(60, threshold_hr, rest_hr, max_hr, a, b)
    return LoadResult(
        100 * trimp / hour_at_threshold,
        "hr_tss",
        {
            "avg_hr": avg_hr,
            "rest_hr": rest_hr,
            "max_hr": max_hr,
            "threshold_hr": threshold_hr,
            "trimp": trimp,
            "trimp_factors": (a, b),
            "moving_time_s": activity.moving_time,
        },
    )


def banister_trimp(
    minutes: float, heart_rate: float, rest_hr: float, max_hr: float, a: float, b: float
) -> float:
    """Banister's TRIMP for ``minutes`` at ``heart_rate`` bpm (reserve capped at 1)."""
    reserve = min((heart_rate - rest_hr) / (max_hr - rest_hr), 1.0)
    return minutes * reserve * a * math.exp(b * reserve)


def _relative_effort(
    activity: ActivityLoadInput, thresholds: AthleteThresholds
) -> LoadResult | None:
    if not activity.suffer_score:
        return None
    return LoadResult(
        activity.suffer_score * RELATIVE_EFFORT_FACTOR,
        "relative_effort",
        {"suffer_score": activity.suffer_score, "factor": RELATIVE_EFFORT_FACTOR},
    )


def _duration_default(activity: ActivityLoadInput) -> LoadResult:
    per_hour = POINTS_PER_HOUR.get(activity.sport_type, DEFAULT_POINTS_PER_HOUR)
    return LoadResult(
        _hours(activity) * per_hour,
        "duration_default",
        {
            "sport_type": activity.sport_type,
            "points_per_hour": per_hour,
            "moving_time_s": activity.moving_time,
        },
    )


def _describe_power(result: LoadResult, units: UnitSystem) -> str:
    p = result.params
    return (
        f"TSS {result.value:.0f} from power: NP {p['np_w']:.0f} W, "
        f"FTP {p['ftp_w']:.0f} W, {format_duration(p['moving_time_s'])}"
    )


def _describe_running(result: LoadResult, units: UnitSystem) -> str:
    p = result.params
    return (
        f"rTSS {result.value:.0f} from pace: {format_pace(p['speed_mps'], units)} "
        f"against threshold {format_pace(p['threshold_speed_mps'], units)}, "
        f"{format_duration(p['moving_time_s'])}"
    )


def _describe_hr(result: LoadResult, units: UnitSystem) -> str:
    p = result.params
    return (
        f"hrTSS {result.value:.0f} from heart rate: average {p['avg_hr']:.0f} bpm, "
        f"threshold {p['threshold_hr']:.0f} bpm, {format_duration(p['moving_time_s'])}"
    )


def _describe_relative_effort(result: LoadResult, units: UnitSystem) -> str:
    return f"Load {result.value:.0f} from Strava Relative Effort"


def _describe_duration(result: LoadResult, units: UnitSystem) -> str:
    p = result.params
    return (
        f"Load {result.value:.0f} estimated from "
        f"{format_duration(p['moving_time_s'])} of {p['sport_type']} "
        f"at {p['points_per_hour']:.0f} points per hour"
    )


_DESCRIBERS = {
    "power_tss": _describe_power,
    "running_tss": _describe_running,
    "hr_tss": _describe_hr,
    "relative_effort": _describe_relative_effort,
    "duration_default": _describe_duration,
}
