"""Race history: the athlete's races, by distance preset, with age grades.

A race is a run that Strava marks with the race workout type (1 for runs), unless
the athlete said otherwise: ``Activity.race_override`` True makes any run a race
and False takes the race mark away.

:data:`RACE_PRESETS` is the one table of race distances. The dashboard's half
marathon and marathon counts, the count per preset and the preset filter all use
it. A preset holds distances of at least ``min_m`` and below ``max_m`` (metres),
so no distance falls in two presets. The windows allow for GPS, which usually
measures a road race long (weaving, corners) and occasionally short:

====================  ==================  =====================
preset                window (km)         around the official
====================  ==================  =====================
5K                    4.9 – 5.3           −2 % … +6 %
10K                   9.8 – 10.5          −2 % … +5 %
Half marathon         20.7 – 22.0         −1.9 % … +4.3 %
Marathon              41.5 – 43.5         −1.6 % … +3.1 %
Ultra                 43.5 and longer     beyond the marathon
====================  ==================  =====================

The race time is the elapsed time (the clock does not stop at a drinks table),
and so is the race pace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from peewee import Expression, fn

from athletiq_core.analytics.agegrade import (
    AgeGrade,
    age_grade,
    age_grade_for_distance,
)
from athletiq_core.analytics.filters import FilterError, Filters, apply_filters
from athletiq_core.analytics.views.common import (
    ACTIVITY_REF_COLUMNS,
    ActivityRef,
    activity_ref,
)
from athletiq_core.db.models import Activity, Athlete
from athletiq_core.sports import SPORT_GROUPS
from athletiq_core.units import UnitSystem, format_duration, format_pace

logger = logging.getLogger(__name__)

STRAVA_RUN_RACE = 1
RUN_TYPES = tuple(sorted(SPORT_GROUPS["run"]))


@dataclass(frozen=True)
class RacePreset:
    """A race distance window: at least ``min_m``, below ``max_m`` metres.

    ``distance_key`` names the standard distance the race is graded over.
    """

    key: str
    label: str
    min_m: float
    max_m: float | None
    distance_key: str | None

    def contains(self, metres: float) -> bool:
        """True when ``metres`` falls inside this window."""
        return metres >= self.min_m and (self.max_m is None or metres < self.max_m)


RACE_PRESETS: tuple[RacePreset, ...] = (
    RacePreset("5k", "5K", 4_900.0, 5_300.0, "5k"),
    RacePreset("10k", "10K", 9_800.0, 10_500.0, "10k"),
    RacePreset("half", "Half marathon", 20_700.0, 22_000.0, "half_marathon"),
    RacePreset("marathon", "Marathon", 41_500.0, 43_500.0, "marathon"),
    RacePreset("ultra", "Ultra", 43_500.0, None, None),
)
PRESETS_BY_KEY = {preset.key: preset for preset in RACE_PRESETS}


def preset_of(metres: float) -> RacePreset | None:
    """The preset whose window holds ``metres`` (metres), or None."""
    return next((p for p in RACE_PRESETS if p.contains(metres)), None)


def preset_named(key: str) -> RacePreset:
    """The preset with ``key`` ("5k", "10k", "half", "marathon", "ultra")."""
    if key not in PRESETS_BY_KEY:
        known = ", ".join(PRESETS_BY_KEY)
        raise FilterError(f"Unknown race distance {key!r}: use one of {known}.")
    return PRESETS_BY_KEY[key]


def race_condition() -> Expression:
    """SQL: the activity is a run and a race (the user's override wins)."""
    flagged = fn.COALESCE(
        Activity.race_override, Activity.workout_type == STRAVA_RUN_RACE, False
    )
    return Activity.sport_type.in_(RUN_TYPES) & flagged


def preset_condition(preset: RacePreset) -> Expression:
    """SQL: the activity's distance falls inside ``preset``'s window."""
    condition = Activity.distance >= preset.min_m
    if preset.max_m is not None:
        condition &= Activity.distance < preset.max_m
    return condition


@dataclass(frozen=True)
class RaceRow:
    """One race: elapsed ``race_time_s`` (s), ``race_speed_mps`` (m/s), age grade.

    ``age_grade`` is a fraction (0.73 = 73 %) or None with ``age_grade_note``
    saying why; ``marked_by`` is "strava" or "athlete".
    """

    activity: ActivityRef
    race_time_s: float
    race_speed_mps: float | None
    race_time_text: str
    race_pace_text: str
    average_heartrate: float | None
    preset_key: str | None
    marked_by: str
    is_best: bool
    age_grade: float | None
    age_grade_note: str | None


@dataclass(frozen=True)
class RaceHistory:
    """Races newest first, the count per preset and the best race pace.

    ``counts`` (per preset key) cover every race in the filters, whatever
    ``selection`` narrows ``races`` to.
    """

    races: list[RaceRow]
    counts: dict[str, int]
    selection: str
    best_activity_id: int | None
    best_pace_text: str
    presets: tuple[RacePreset, ...] = RACE_PRESETS


def race_history(
    filters: Filters,
    units: UnitSystem,
    preset: str | None = None,
    min_m: float | None = None,
    max_m: float | None = None,
) -> RaceHistory:
    """The athlete's races (runs only) in ``filters``.

    ``preset`` picks one row of :data:`RACE_PRESETS`; ``min_m``/``max_m``
    (metres, both included) pick a custom range instead.
    """
    window, selection = _selection(preset, min_m, max_m)
    rows = _race_rows(filters)
    athlete = Athlete.get_by_id(filters.athlete_id)
    chosen = [row for row in rows if window(row[5] or 0.0)]
    races = _race_list(chosen, athlete, units)
    best = next((race for race in races if race.is_best), None)
    return RaceHistory(
        races=races,
        counts=_count_per_preset(rows),
        selection=selection,
        best_activity_id=best.activity.activity_id if best else None,
        best_pace_text=best.race_pace_text if best else format_pace(None, units),
    )


def _count_per_preset(rows: list[tuple]) -> dict[str, int]:
    counts = {preset.key: 0 for preset in RACE_PRESETS}
    for row in rows:
        found = preset_of(row[5] or 0.0)
        if found:
            counts[found.key] += 1
    return counts


def _selection(
    preset: str | None, min_m: float | None, max_m: float | None
) -> tuple[Callable[[float], bool], str]:
    if preset is not None and (min_m is not None or max_m is not None):
        raise FilterError("Choose a race preset or a custom range, not both.")
    if preset is not None:
        chosen = preset_named(preset)
        return chosen.contains, chosen.label
    low = 0.0 if min_m is None else min_m
    high = float("inf") if max_m is None else max_m
    if high < low:
        raise FilterError(f"The range ends ({high} m) below its start ({low} m).")
    label = "All races" if min_m is None and max_m is None else "Custom range"
    return (lambda metres: low <= metres <= high), label


def _race_rows(filters: Filters) -> list[tuple]:
    # Finding the races needs only indexed columns; the full rows are read for
    # the races alone.
    races = apply_filters(Activity.select(Activity.id).where(race_condition()), filters)
    query = Activity.select(
        *ACTIVITY_REF_COLUMNS,
        Activity.elapsed_time,
        Activity.average_heartrate,
        Activity.race_override,
        Activity.start_date,
    ).where(Activity.id.in_(races))
    rows = list(query.tuples())
    return sorted(rows, key=lambda row: (row[10], row[0]), reverse=True)


def _race_list(rows: list[tuple], athlete: Athlete, units: UnitSystem) -> list[RaceRow]:
    speeds = [_race_speed(row) for row in rows]
    known = [index for index, speed in enumerate(speeds) if speed]
    best_index = max(known, key=lambda index: speeds[index], default=None)
    return [
        _race_row(row, speed, index == best_index, athlete, units)
        for index, (row, speed) in enumerate(zip(rows, speeds, strict=True))
    ]


def _race_speed(row: tuple) -> float | None:
    distance, elapsed = row[5], row[7] or row[6]
    return distance / elapsed if distance and elapsed else None


def _race_row(row, speed, is_best, athlete: Athlete, units: UnitSystem) -> RaceRow:
    ref = activity_ref(row, units)
    race_time = row[7] or row[6] or 0
    preset = preset_of(ref.distance_m)
    grade = _grade(preset, ref, race_time, athlete)
    return RaceRow(
        ref,
        race_time,
        speed,
        format_duration(race_time),
        format_pace(speed, units),
        row[8],
        preset.key if preset else None,
        "athlete" if row[9] else "strava",
        is_best,
        grade.value,
        grade.reason,
    )


def _grade(
    preset: RacePreset | None, ref: ActivityRef, race_time: float, athlete: Athlete
) -> AgeGrade:
    birth, sex, day = athlete.birth_date, athlete.sex, ref.local_date
    if race_time <= 0:
        return AgeGrade(None, "The race has no recorded time.")
    if preset and preset.distance_key:
        return age_grade(preset.distance_key, race_time, sex, birth, day)
    return age_grade_for_distance(ref.distance_m, race_time, sex, birth, day)
