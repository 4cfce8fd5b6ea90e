"""An athlete's thresholds (FTP, heart rates, threshold pace) and how to guess them.

Loads need thresholds; most athletes never enter them. :func:`estimate_thresholds`
guesses each one from the activity history and says how, so a view can show
"FTP 251 W (estimated: 95 % of your best 20-minute power, 264 W)". Values the
athlete sets always win over estimates (:meth:`EstimatedThresholds.fill`).

The caller chooses the history window (for example the last 12 months), since
fitness changes and only recent efforts describe today's thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from athletiq_core.analytics.vdot import hour_race_speed, vdot
from athletiq_core.units import UnitSystem, format_duration, format_pace

CYCLING_SPORTS = frozenset(
    {"Ride", "VirtualRide", "GravelRide", "MountainBikeRide", "EBikeRide", "Handcycle"}
)
RUNNING_SPORTS = frozenset({"Run", "TrailRun", "VirtualRun"})

MAX_HR_PERCENTILE = 0.98
PLAUSIBLE_MAX_HR = 230.0
DEFAULT_REST_HR = 60.0
THRESHOLD_HR_SHARE = 0.9
FTP_SHARE_OF_20_MIN = 0.95
MIN_FTP_RIDE_S = 20 * 60
HOUR_S = 60 * 60
# VDOT is defined from 1500 m to the marathon; shorter bests are sprints.
MIN_PACE_EFFORT_M = 1500.0


@dataclass(frozen=True)
class AthleteThresholds:
    """Thresholds in watts (ftp), beats per minute (*_hr) and m/s (threshold_pace).

    ``threshold_pace`` is the speed the athlete could race for about an hour;
    ``sex`` is "m", "f" or None.
    """

    ftp: float | None = None
    max_hr: float | None = None
    rest_hr: float | None = None
    threshold_hr: float | None = None
    threshold_pace: float | None = None
    sex: str | None = None


@dataclass(frozen=True)
class ThresholdEstimate:
    """One estimated threshold: ``value`` in its unit, ``how`` for the user."""

    value: float
    how: str
    estimated: bool = True


@dataclass(frozen=True)
class HistoryActivity:
    """What one past activity tells about thresholds.

    ``moving_time`` in seconds, heart rate in bpm, power in watts, and
    ``best_efforts`` as (metres, seconds) pairs from runs.
    """

    sport_type: str
    moving_time: float
    max_heartrate: float | None = None
    weighted_power: float | None = None
    best_20min_power: float | None = None
    best_efforts: Sequence[tuple[float, float]] = ()


@dataclass(frozen=True)
class EstimatedThresholds:
    """Each threshold the history allows estimating, or None."""

    max_hr: ThresholdEstimate | None
    rest_hr: ThresholdEstimate
    threshold_hr: ThresholdEstimate | None
    ftp: ThresholdEstimate | None
    threshold_pace: ThresholdEstimate | None

    def fill(self, known: AthleteThresholds) -> AthleteThresholds:
        """``known`` with each missing value taken from the estimates."""
        max_hr = known.max_hr or _value(self.max_hr)
        threshold_hr = known.threshold_hr
        if threshold_hr is None and known.max_hr:
            threshold_hr = THRESHOLD_HR_SHARE * known.max_hr
        return replace(
            known,
            ftp=known.ftp or _value(self.ftp),
            max_hr=max_hr,
            rest_hr=known.rest_hr or self.rest_hr.value,
            threshold_hr=threshold_hr or _value(self.threshold_hr),
            threshold_pace=known.threshold_pace or _value(self.threshold_pace),
        )


def _value(estimate: ThresholdEstimate | None) -> float | None:
    return estimate.value if estimate else None


def estimate_thresholds(history: Iterable[HistoryActivity]) -> EstimatedThresholds:
    """Estimate max, resting and threshold HR, FTP and threshold pace from history."""
    activities = list(history)
    max_hr = estimate_max_hr(activities)
    return EstimatedThresholds(
        max_hr=max_hr,
        rest_hr=ThresholdEstimate(
            DEFAULT_REST_HR,
            "Activities do not record resting heart rate; 60 bpm is a typical adult "
            "value.",
        ),
        threshold_hr=_threshold_hr(max_hr),
        ftp=estimate_ftp(activities),
        threshold_pace=estimate_threshold_pace(activities),
    )


def estimate_max_hr(activities: Sequence[HistoryActivity]) -> ThresholdEstimate | None:
    """The 98th percentile (nearest rank) of activity maximum heart rates, in bpm.

    The top 2 % are left out as likely sensor spikes; readings above 230 bpm are
    ignored. None without heart-rate data.
    """
    readings = sorted(
        a.max_heartrate
        for a in activities
        if a.max_heartrate and 0 < a.max_heartrate <= PLAUSIBLE_MAX_HR
    )
    if not readings:
        return None
    rank = math.ceil(MAX_HR_PERCENTILE * len(readings))
    value = readings[rank - 1]
    return ThresholdEstimate(
        value,
        f"98th percentile of the maximum heart rate of {len(readings)} activities.",
    )


def _threshold_hr(max_hr: ThresholdEstimate | None) -> ThresholdEstimate | None:
    if max_hr is None:
        return None
    return ThresholdEstimate(
        THRESHOLD_HR_SHARE * max_hr.value,
        f"90 % of the estimated maximum heart rate ({max_hr.value:.0f} bpm).",
    )


def estimate_ftp(activities: Sequence[HistoryActivity]) -> ThresholdEstimate | None:
    """FTP in watts: 95 % of the best 20-minute power, else from ride averages.

    Without 20-minute peaks, a ride of 20–60 minutes counts at 95 % of its
    weighted average power and a ride of an hour or more at 100 % (FTP is at least
    what was held for an hour). None without power data from rides.
    """
    rides = [a for a in activities if a.sport_type in CYCLING_SPORTS]
    peaks = [a.best_20min_power for a in rides if a.best_20min_power]
    if peaks:
        best = max(peaks)
        return ThresholdEstimate(
            FTP_SHARE_OF_20_MIN * best,
            f"95 % of the best 20-minute power ({best:.0f} W).",
        )
    return _ftp_from_ride_averages(rides)


def _ftp_from_ride_averages(
    rides: Sequence[HistoryActivity],
) -> ThresholdEstimate | None:
    candidates = [
        (_ftp_from_ride(ride), ride)
        for ride in rides
        if ride.weighted_power and ride.moving_time >= MIN_FTP_RIDE_S
    ]
    if not candidates:
        return None
    value, ride = max(candidates, key=lambda pair: pair[0])
    return ThresholdEstimate(
        value,
        f"From the best weighted average power on a ride of 20 minutes or more "
        f"({ride.weighted_power:.0f} W for {format_duration(ride.moving_time)}).",
    )


def _ftp_from_ride(ride: HistoryActivity) -> float:
    share = 1.0 if ride.moving_time >= HOUR_S else FTP_SHARE_OF_20_MIN
    return share * ride.weighted_power


def estimate_threshold_pace(
    activities: Sequence[HistoryActivity],
) -> ThresholdEstimate | None:
    """Threshold pace as a speed (m/s): what the best run effort predicts for 1 h.

    The best effort of 1500 m or more (highest VDOT) sets the VDOT; the speed a
    runner of that VDOT could race for an hour is the threshold. None without
    run best efforts.
    """
    efforts = [
        (metres, seconds)
        for a in activities
        if a.sport_type in RUNNING_SPORTS
        for metres, seconds in a.best_efforts
        if metres >= MIN_PACE_EFFORT_M and seconds > 0
    ]
    if not efforts:
        return None
    score, (metres, seconds) = max((vdot(m, s), (m, s)) for m, s in efforts)
    speed = hour_race_speed(score)
    return ThresholdEstimate(
        speed,
        f"The pace you could race for an hour ({format_pace(speed, UnitSystem.METRIC)})"
        f", predicted with VDOT {score:.1f} from {metres / 1000:.2f} km in "
        f"{format_duration(seconds)}.",
    )
