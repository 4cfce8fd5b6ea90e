"""Fitness (CTL), fatigue (ATL) and form (TSB) from an explained load per activity.

Each activity's load comes from :func:`~athletiq_core.analytics.load.activity_load`
(power TSS, rTSS, hrTSS, Relative Effort or a duration default) and keeps the
source and parameters that produced it. Thresholds are the athlete's own values
where set; the rest are estimated from the last :data:`HISTORY_DAYS` days before
``today`` and flagged as estimates. They are estimated from every sport whatever
the sport filter, so a filter changes which loads count, never the thresholds.

The series starts :data:`LEAD_IN_DAYS` before the range shown, however short
that range, so CTL has its history behind it: a load a year old weighs
e^(−365/42) ≈ 0.02 % of its value in today's CTL, so older loads are left out.
Nothing is stored.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from dataclasses import dataclass

from peewee import fn

from athletiq_core.analytics.agegrade import normalise_sex
from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.load import ActivityLoadInput, LoadResult, activity_load
from athletiq_core.analytics.pmc import FitnessDay, daily_loads, fitness_series
from athletiq_core.analytics.thresholds import (
    CYCLING_SPORTS,
    RUNNING_SPORTS,
    AthleteThresholds,
    HistoryActivity,
    estimate_thresholds,
)
from athletiq_core.analytics.views.common import as_date
from athletiq_core.analytics.views.fitness_thresholds import ThresholdUsed, explain
from athletiq_core.db.models import Activity, Athlete, BestEffort, PeakPower
from athletiq_core.units import UnitSystem

logger = logging.getLogger(__name__)

HISTORY_DAYS = 365
SHOWN_DAYS = 365
LEAD_IN_DAYS = 365
PEAK_DURATION_S = 1200

LOAD_COLUMNS = (
    Activity.id,
    Activity.local_date,
    Activity.start_date,
    Activity.name,
    Activity.sport_type,
    Activity.moving_time,
    Activity.distance,
    Activity.average_watts,
    Activity.weighted_average_watts,
    Activity.device_watts,
    Activity.average_heartrate,
    Activity.max_heartrate,
    Activity.suffer_score,
)


@dataclass(frozen=True)
class ActivityLoad:
    """One activity's load in points, with the source and parameters behind it."""

    activity_id: int
    local_date: dt.date
    name: str
    sport_type: str
    load: LoadResult
    description: str


@dataclass(frozen=True)
class LoadContext:
    """The thresholds loads are computed with, and how each was obtained."""

    thresholds: AthleteThresholds
    explained: list[ThresholdUsed]


@dataclass(frozen=True)
class Fitness:
    """The daily series for the range shown (oldest first) and its last day.

    ``loads`` lists the activities of the range shown, newest first;
    ``sources`` counts them per load source ("hr_tss", …).
    """

    start: dt.date
    end: dt.date
    series: list[FitnessDay]
    latest: FitnessDay | None
    thresholds: list[ThresholdUsed]
    loads: list[ActivityLoad]
    sources: dict[str, int]


def fitness(
    filters: Filters, units: UnitSystem, today: dt.date, days: int = SHOWN_DAYS
) -> Fitness:
    """CTL/ATL/TSB for ``filters`` up to ``today`` (the athlete's local date).

    The range shown is the filters' date range, or the ``days`` days up to
    ``today`` when the filters have none; it never runs past ``today``.
    """
    end = min(today, filters.end or today)
    start = filters.start or end - dt.timedelta(days=days - 1)
    rows = load_rows(filters, start - dt.timedelta(days=LEAD_IN_DAYS), end, today)
    context = load_context(filters.athlete_id, rows, today, units)
    loads = activity_loads(rows, context.thresholds, filters)
    series = _series(loads, start, end)
    in_range = [pair for pair in loads if start <= as_date(pair[0].local_date) <= end]
    in_range.sort(key=lambda pair: (pair[0].start_date, pair[0].id), reverse=True)
    shown = [_explained(row, load, units) for row, load in in_range]
    return Fitness(
        start,
        end,
        series,
        series[-1] if series else None,
        context.explained,
        shown,
        dict(Counter(item.load.source for item in shown)),
    )


def _series(loads: list, start: dt.date, end: dt.date) -> list[FitnessDay]:
    if end < start:
        return []
    by_day = daily_loads((as_date(row.local_date), load.value) for row, load in loads)
    first = min([start, *by_day])
    return [day for day in fitness_series(by_day, first, end) if day.date >= start]


def load_rows(filters: Filters, start: dt.date, end: dt.date, today: dt.date) -> list:
    """Every sport's activities from ``start`` to ``end`` (local dates).

    The rows of the :data:`HISTORY_DAYS` up to ``today`` come too, because the
    threshold estimates need them. Named tuples, in no particular order.
    """
    history_start = today - dt.timedelta(days=HISTORY_DAYS)
    query = apply_filters(
        Activity.select(*LOAD_COLUMNS), filters, sport=False, dates=False
    )
    query = query.where(
        Activity.local_date.between(start, end)
        | Activity.local_date.between(history_start, today)
    )
    return list(query.namedtuples())


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
    recent = [row for row in rows if since <= row.local_date <= today]
    history = [
        HistoryActivity(
            row.sport_type,
            row.moving_time,
            max_heartrate=row.max_heartrate,
            weighted_power=row.weighted_average_watts if row.device_watts else None,
        )
        for row in recent
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


def activity_loads(
    rows: list, thresholds: AthleteThresholds, filters: Filters
) -> list[tuple[object, LoadResult]]:
    """(row, load) for each row whose sport the filters select."""
    types = filters.sport_types
    return [
        (row, _load_of(row, thresholds))
        for row in rows
        if types is None or row.sport_type in types
    ]


def _load_of(row, thresholds: AthleteThresholds) -> LoadResult:
    facts = ActivityLoadInput(
        sport_type=row.sport_type,
        moving_time=row.moving_time or 0,
        avg_power=row.average_watts,
        weighted_power=row.weighted_average_watts,
        avg_heartrate=row.average_heartrate,
        distance=row.distance,
        suffer_score=row.suffer_score,
        has_power=bool(row.device_watts),
    )
    return activity_load(facts, thresholds)


def _explained(row, load: LoadResult, units: UnitSystem) -> ActivityLoad:
    return ActivityLoad(
        row.id,
        as_date(row.local_date),
        row.name,
        row.sport_type,
        load,
        load.describe(units),
    )
