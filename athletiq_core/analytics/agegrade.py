"""Age grading of road races with the WMA / USATF road factors shipped by athlib.

An age grade is the age-group standard divided by the athlete's time: 0.73 means
the time is 73 % of the way to the best performance expected at that age and sex.
The age is the athlete's age on race day (whole years completed).

Source: athlib 0.9.8 computes grades from its ``wma-data-2023.json`` table. For
road events that table carries the 2020 road age-grading factors and open
standards compiled by Alan Jones (github.com/AlanLyttonJones/Age-Grade-Tables,
dated 2020-06-20), approved by USATF Masters Long Distance Running on 2020-05-20
and used by WMA for road running; track events use the WMA 2023 factors. The
factors cover ages 5 to 100.

Only distances that have a road column in those tables are graded. Our 400 m,
1/2 mile, 1K and 2 mile are not road events, and athlib keeps no road-mile
column (its "MILE" is the track mile), so those get no grade and say so.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import warnings
from dataclasses import dataclass

from athletiq_core.analytics.errors import AnalyticsError
from athletiq_core.distances import BY_KEY, match_distance

with warnings.catch_warnings():
    # athlib 0.9.8 imports jsonschema's deprecated RefResolver at import time; the
    # warning is about athlib's internals, which age grading does not touch.
    warnings.simplefilter("ignore", DeprecationWarning)
    from athlib import wma_age_grade

logger = logging.getLogger(__name__)

WMA_EDITION = (
    "WMA road age-grading factors 2020 (Alan Jones / USATF MLDR), "
    "as packaged in athlib 0.9.8"
)
MIN_AGE = 5
MAX_AGE = 100

# Our distance key -> athlib's road event code.
ROAD_EVENT_CODES = {
    "5k": "5K",
    "10k": "10K",
    "15k": "15K",
    "10_mile": "10M",
    "20k": "20K",
    "half_marathon": "HM",
    "30k": "30K",
    "marathon": "MAR",
    "50k": "50K",
}

# athlib's grader keeps its table position in instance attributes between calls,
# so two threads grading at once could read each other's row.
_ATHLIB_LOCK = threading.Lock()


@dataclass(frozen=True)
class AgeGrade:
    """An age grade as a fraction (``value``), or None with the ``reason`` why."""

    value: float | None
    reason: str | None = None
    age: int | None = None
    event_code: str | None = None


def age_on(birth_date: dt.date, on_date: dt.date) -> int:
    """Whole years completed on ``on_date`` by someone born on ``birth_date``.

    A 29 February birthday counts as passed on 1 March in common years.
    """
    before_birthday = (on_date.month, on_date.day) < (birth_date.month, birth_date.day)
    return on_date.year - birth_date.year - int(before_birthday)


def normalise_sex(sex: str | None) -> str | None:
    """ "m" or "f" from "M", "male", "F", "female"…; None when unknown."""
    text = (sex or "").strip().lower()
    if text in ("m", "male", "man"):
        return "m"
    if text in ("f", "female", "woman"):
        return "f"
    return None


def age_grade(
    distance_key: str,
    time_s: float,
    sex: str | None,
    birth_date: dt.date | None,
    race_date: dt.date,
) -> AgeGrade:
    """The age grade of ``time_s`` seconds over the standard distance ``distance_key``.

    ``race_date`` is the local date of the race. Returns an :class:`AgeGrade`
    whose ``value`` is None, with a reason, when sex or birth date is unknown,
    the age is outside the tables, or the distance has no road factor.
    """
    if time_s <= 0:
        raise AnalyticsError(f"An age grade needs a positive time, got {time_s} s.")
    event_code = ROAD_EVENT_CODES.get(distance_key)
    gender = normalise_sex(sex)
    problem = _missing_input(distance_key, event_code, gender, birth_date)
    if problem:
        logger.debug("No age grade for %s: %s", distance_key, problem)
        return AgeGrade(None, problem)
    age = age_on(birth_date, race_date)
    if not MIN_AGE <= age <= MAX_AGE:
        return AgeGrade(None, f"The road factors cover ages {MIN_AGE}–{MAX_AGE}.", age)
    with _ATHLIB_LOCK:
        value = wma_age_grade(gender, age, event_code, time_s)
    return AgeGrade(value, None, age, event_code)


def _missing_input(
    distance_key: str,
    event_code: str | None,
    gender: str | None,
    birth_date: dt.date | None,
) -> str | None:
    if event_code is None:
        label = BY_KEY[distance_key].label if distance_key in BY_KEY else distance_key
        return f"There is no WMA road age factor for {label}."
    if gender is None:
        return "Age grading needs the athlete's sex (set it in your profile)."
    if birth_date is None:
        return "Age grading needs the athlete's birth date (set it in your profile)."
    return None


def age_grade_for_distance(
    distance_m: float,
    time_s: float,
    sex: str | None,
    birth_date: dt.date | None,
    race_date: dt.date,
) -> AgeGrade:
    """Like :func:`age_grade`, for a race of ``distance_m`` metres.

    The distance is matched to the standard table within its tolerance; a race
    of a non-standard distance gets no grade.
    """
    standard = match_distance(distance_m)
    if standard is None:
        return AgeGrade(None, f"{distance_m:.0f} m is not a standard race distance.")
    return age_grade(standard.key, time_s, sex, birth_date, race_date)
