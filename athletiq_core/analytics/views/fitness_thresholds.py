"""The thresholds behind the loads, and how each was obtained.

The athlete's own values win; the rest are estimated from the last
:data:`HISTORY_DAYS` days before ``today`` with
:func:`~athletiq_core.analytics.thresholds.estimate_thresholds`. A view shows
"FTP 251 W (estimated: 95 % of your best 20-minute power…)", so the athlete
can see which numbers are guesses and replace them.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from peewee import fn

from athletiq_core.analytics.agegrade import normalise_sex
from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.thresholds import (
    CYCLING_SPORTS,
    RUNNING_SPORTS,
    THRESHOLD_HR_SHARE,
    AthleteThresholds,
    EstimatedThresholds,
    HistoryActivity,
    ThresholdEstimate,
    estimate_thresholds,
)
from athletiq_core.db.models import Activity, Athlete, BestEffort, PeakPower
from athletiq_core.units import MISSING, UnitSystem, format_pace

logger = logging.getLogger(__name__)

HISTORY_DAYS = 365
PEAK_DURATION_S = 1200

SET_BY_ATHLETE = "Set in your profile."
NOT_ENOUGH_DATA = "Not enough data to estimate it."

# (field, title, unit): the unit of ``ThresholdUsed.value``.
THRESHOLD_FIELDS = (
    ("ftp", "FTP", "W"),
    ("max_hr", "Maximum heart rate", "bpm"),
    ("rest_hr", "Resting heart rate", "bpm"),
    ("threshold_hr", "Threshold heart rate", "bpm"),
    ("threshold_pace", "Threshold pace", "m/s"),
)


@dataclass(frozen=True)
class ThresholdUsed:
    """One threshold: ``value`` in ``unit`` (W, bpm or m/s) or None.

    ``estimated`` is True when the value was not set by the athlete; ``how``
    says where it came from.
    """

    key: str
    title: str
    value: float | None
    unit: str
    estimated: bool
    how: str
    text: str


@dataclass(frozen=True)
class LoadContext:
    """The thresholds loads are computed with, and how each was obtained."""

    thresholds: AthleteThresholds
    explained: list[ThresholdUsed]


def load_context(
    athlete_id: int, rows: list, today: dt.date, units: UnitSystem
) -> LoadContext:
    """The athlete's thresholds, estimated where unset from the last year of rows."""
    athlete = Athlete.get_by_id(athlete_id)
    known = AthleteThresholds(
        ftp=athlete.ftp,
        max_hr=athlete.max_hr,
        rest_hr=athlete.rest_hr,
        threshold_hr=athlete.threshold_hr,
        threshold_pace=athlete.threshold_pace,
        sex=normalise_sex(athlete.sex),
    )
    since = today - dt.timedelta(days=HISTORY_DAYS)
    estimates = estimate_thresholds(_history(athlete_id, rows, since, today))
    filled = estimates.fill(known)
    return LoadContext(filled, explain(known, filled, estimates, units))


def _history(athlete_id: int, rows: list, since: dt.date, today: dt.date) -> list:
    # Only heart rate and measured power tell the estimators anything, so the
    # other activities of the year are left out. Strava estimates the power of
    # rides without a power meter; such power is no basis for an FTP.
    history = [
        HistoryActivity(
            row.sport_type,
            row.moving_time,
            max_heartrate=row.max_heartrate,
            weighted_power=row.weighted_average_watts if row.device_watts else None,
        )
        for row in rows
        if since <= row.local_date <= today
        and (row.max_heartrate or (row.device_watts and row.weighted_average_watts))
    ]
    # The estimators only look at the best effort per distance and the best
    # 20-minute power, so those arrive summarised, one entry each.
    efforts = _best_efforts(athlete_id, since, today)
    peak = _best_peak_power(athlete_id, since, today)
    history.append(HistoryActivity("Run", 0.0, best_efforts=efforts))
    history.append(HistoryActivity("Ride", 0.0, best_20min_power=peak))
    return history


def _best_efforts(athlete_id: int, since: dt.date, today: dt.date) -> list:
    query = (
        BestEffort.select(BestEffort.distance, fn.MIN(BestEffort.elapsed_time))
        .join(Activity)
        .where(Activity.sport_type.in_(sorted(RUNNING_SPORTS)))
    )
    query = _in_window(query, athlete_id, since, today)
    return list(query.group_by(BestEffort.distance_key).tuples())


def _best_peak_power(athlete_id: int, since: dt.date, today: dt.date):
    query = (
        PeakPower.select(fn.MAX(PeakPower.watts))
        .join(Activity)
        .where(
            PeakPower.duration == PEAK_DURATION_S,
            Activity.sport_type.in_(sorted(CYCLING_SPORTS)),
        )
    )
    return _in_window(query, athlete_id, since, today).scalar()


def _in_window(query, athlete_id: int, since: dt.date, today: dt.date):
    return apply_filters(query, Filters(athlete_id, start=since, end=today))


def explain(
    known: AthleteThresholds,
    filled: AthleteThresholds,
    estimates: EstimatedThresholds,
    units: UnitSystem,
) -> list[ThresholdUsed]:
    """One :class:`ThresholdUsed` per threshold, in :data:`THRESHOLD_FIELDS` order."""
    return [
        _explain_one(key, title, unit, known, filled, estimates, units)
        for key, title, unit in THRESHOLD_FIELDS
    ]


def _explain_one(key, title, unit, known, filled, estimates, units) -> ThresholdUsed:
    set_value, value = getattr(known, key), getattr(filled, key)
    text = _text(value, unit, units)
    if set_value:
        return ThresholdUsed(
            key, title, float(set_value), unit, False, SET_BY_ATHLETE, text
        )
    if value is None:
        return ThresholdUsed(key, title, None, unit, False, NOT_ENOUGH_DATA, text)
    how = _how(key, value, known, getattr(estimates, key))
    return ThresholdUsed(key, title, float(value), unit, True, how, text)


def _how(
    key: str,
    value: float,
    known: AthleteThresholds,
    estimate: ThresholdEstimate | None,
) -> str:
    # A threshold heart rate comes from the athlete's own maximum when only that
    # is set, not from the estimated maximum.
    if key == "threshold_hr" and known.max_hr:
        share = THRESHOLD_HR_SHARE * 100
        return f"{share:.0f} % of the maximum heart rate you set ({known.max_hr} bpm)."
    return estimate.how if estimate else NOT_ENOUGH_DATA


def _text(value: float | None, unit: str, units: UnitSystem) -> str:
    if value is None:
        return MISSING
    if unit == "m/s":
        return format_pace(value, units)
    return f"{value:.0f} {unit}"
