"""Race predictions from recent best efforts: Riegel and Daniels' VDOT.

The efforts are the fastest per standard distance over the last
:data:`LOOKBACK_DAYS` days before ``today`` (within the filters): an old personal
best says little about today's form.

- Riegel scales the effort nearest the target distance (by distance ratio) with
  the athlete's own exponent, fitted to those efforts, or 1.06 when they cannot
  support a fit (:data:`~athletiq_core.analytics.riegel.FIT_REQUIREMENT`).
- VDOT comes from the effort of 1500 m or more that scores highest; its
  equivalent performances and training paces follow from Daniels' equations.
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from dataclasses import dataclass

from peewee import fn

from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.riegel import (
    DEFAULT_EXPONENT,
    FIT_REQUIREMENT,
    ExponentFit,
    fit_exponent,
    predict,
)
from athletiq_core.analytics.thresholds import MIN_PACE_EFFORT_M
from athletiq_core.analytics.vdot import equivalent_performances, training_paces, vdot
from athletiq_core.analytics.views.common import as_date
from athletiq_core.db.models import Activity, BestEffort
from athletiq_core.distances import BY_KEY, StandardDistance
from athletiq_core.units import UnitSystem, format_duration, format_pace

logger = logging.getLogger(__name__)

LOOKBACK_DAYS = 365
TARGET_KEYS = ("5k", "10k", "half_marathon", "marathon")


@dataclass(frozen=True)
class Effort:
    """A best effort used as evidence: ``time_s`` seconds over ``distance``."""

    distance: StandardDistance
    time_s: float
    activity_id: int
    local_date: dt.date


@dataclass(frozen=True)
class Prediction:
    """A predicted race time (s) over ``distance``, and the effort it came from."""

    distance: StandardDistance
    time_s: float
    speed_mps: float
    source: Effort | None
    time_text: str
    pace_text: str


@dataclass(frozen=True)
class TrainingPaceRow:
    """A Daniels training pace as a speed range (m/s) and formatted paces."""

    name: str
    slow_mps: float
    fast_mps: float
    method: str
    text: str


@dataclass(frozen=True)
class VdotSummary:
    """VDOT (ml/kg/min), the effort that set it and what it predicts."""

    value: float
    source: Effort
    equivalents: list[Prediction]
    paces: list[TrainingPaceRow]


@dataclass(frozen=True)
class Predictions:
    """Riegel and VDOT predictions from the efforts of ``start``…``end``.

    ``exponent`` is the one used; ``fit`` is None when the efforts do not allow
    a personal fit, and ``exponent_note`` says why or how it was fitted.
    """

    start: dt.date
    end: dt.date
    efforts: list[Effort]
    exponent: float
    fit: ExponentFit | None
    exponent_note: str
    riegel: list[Prediction]
    vdot: VdotSummary | None


def predictions(
    filters: Filters,
    units: UnitSystem,
    today: dt.date,
    lookback_days: int = LOOKBACK_DAYS,
) -> Predictions:
    """Predictions from run best efforts of the ``lookback_days`` up to ``today``."""
    scoped = filters.within(today - dt.timedelta(days=lookback_days - 1), today)
    if scoped.sport is None:
        scoped = scoped.with_sport("run")
    efforts = _best_efforts(scoped)
    fit = fit_exponent((e.distance.metres, e.time_s) for e in efforts)
    exponent = fit.exponent if fit else DEFAULT_EXPONENT
    riegel = [_riegel(efforts, BY_KEY[key], exponent, units) for key in TARGET_KEYS]
    return Predictions(
        start=scoped.start,
        end=scoped.end,
        efforts=efforts,
        exponent=exponent,
        fit=fit,
        exponent_note=_exponent_note(fit),
        riegel=[item for item in riegel if item is not None],
        vdot=_vdot_summary(efforts, units),
    )


def _best_efforts(filters: Filters) -> list[Effort]:
    # With a single MIN() aggregate SQLite takes the other bare columns from the
    # row holding the minimum, so each row names the activity of the best time.
    query = BestEffort.select(
        BestEffort.distance_key,
        fn.MIN(BestEffort.elapsed_time),
        Activity.id,
        Activity.local_date,
    ).join(Activity)
    query = apply_filters(query, filters).where(BestEffort.elapsed_time > 0)
    rows = query.group_by(BestEffort.distance_key).tuples()
    efforts = [
        Effort(BY_KEY[key], float(seconds), activity_id, as_date(day))
        for key, seconds, activity_id, day in rows
        if key in BY_KEY
    ]
    return sorted(efforts, key=lambda effort: effort.distance.metres)


def _exponent_note(fit: ExponentFit | None) -> str:
    if fit is None:
        return f"Riegel's usual {DEFAULT_EXPONENT}: {FIT_REQUIREMENT}"
    note = f"Fitted to your best efforts at {fit.distances} distances"
    if fit.clamped:
        note += f" ({fit.raw:.3f}, held to the plausible range)"
    return note + "."


def _riegel(
    efforts: list[Effort],
    target: StandardDistance,
    exponent: float,
    units: UnitSystem,
) -> Prediction | None:
    if not efforts:
        return None
    nearest = min(
        efforts, key=lambda e: abs(math.log(e.distance.metres / target.metres))
    )
    seconds = predict(nearest.distance.metres, nearest.time_s, target.metres, exponent)
    return _prediction(target, seconds, nearest, units)


def _prediction(
    distance: StandardDistance,
    seconds: float,
    source: Effort | None,
    units: UnitSystem,
) -> Prediction:
    speed = distance.metres / seconds
    return Prediction(
        distance,
        seconds,
        speed,
        source,
        format_duration(seconds),
        format_pace(speed, units),
    )


def _vdot_summary(efforts: list[Effort], units: UnitSystem) -> VdotSummary | None:
    usable = [e for e in efforts if e.distance.metres >= MIN_PACE_EFFORT_M]
    if not usable:
        return None
    scored = [(vdot(e.distance.metres, e.time_s), e) for e in usable]
    value, source = max(scored, key=lambda pair: pair[0])
    equivalents = [
        _prediction(item.distance, item.time_s, None, units)
        for item in equivalent_performances(value)
    ]
    paces = [_pace_row(pace, units) for pace in training_paces(value).values()]
    return VdotSummary(value, source, equivalents, paces)


def _pace_row(pace, units: UnitSystem) -> TrainingPaceRow:
    slow, fast = format_pace(pace.slow_mps, units), format_pace(pace.fast_mps, units)
    text = slow if slow == fast else f"{slow} – {fast}"
    return TrainingPaceRow(pace.name, pace.slow_mps, pace.fast_mps, pace.method, text)
