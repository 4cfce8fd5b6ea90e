"""Race history: Strava's race flag, the athlete's override, presets, age grades."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core.analytics.agegrade import age_grade
from athletiq_core.analytics.filters import FilterError, Filters
from athletiq_core.analytics.views.dashboard import dashboard
from athletiq_core.analytics.views.races import RACE_PRESETS, preset_of, race_history
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, make_athlete

METRIC = UnitSystem.METRIC


def test_presets_cover_distinct_windows_with_documented_edges():
    assert [p.key for p in RACE_PRESETS] == ["5k", "10k", "half", "marathon", "ultra"]
    assert preset_of(4_899) is None
    assert preset_of(4_900).key == "5k"
    assert preset_of(5_300) is None
    assert preset_of(21_999).key == "half"
    assert preset_of(22_000) is None
    assert preset_of(43_499).key == "marathon"
    assert preset_of(43_500).key == "ultra"


def test_the_override_makes_and_unmakes_races_both_ways(db):
    athlete = make_athlete()
    strava_race = add_activity(athlete, "2025-03-01T09:00:00", km=5.0, workout_type=1)
    add_activity(
        athlete, "2025-03-08T09:00:00", km=5.0, workout_type=1, race_override=False
    )
    user_race = add_activity(
        athlete, "2025-03-15T09:00:00", km=10.0, workout_type=0, race_override=True
    )
    add_activity(athlete, "2025-03-22T09:00:00", km=5.0)  # a training run
    add_activity(athlete, "2025-03-29T09:00:00", sport="Ride", km=40, workout_type=1)
    add_activity(athlete, "2025-04-05T09:00:00", km=5.0, workout_type=1, deleted=True)

    history = race_history(Filters(athlete.id), METRIC)

    assert [r.activity.activity_id for r in history.races] == [
        user_race.id,
        strava_race.id,
    ]
    assert [r.marked_by for r in history.races] == ["athlete", "strava"]
    assert history.counts == {"5k": 1, "10k": 1, "half": 0, "marathon": 0, "ultra": 0}


@pytest.fixture
def racer(db):
    """Races at the edges of the presets, in 2024 and 2025."""
    athlete = make_athlete()
    for day, km, minutes in [
        ("2025-01-05", 5.05, 20.0),
        ("2025-02-05", 5.25, 22.0),
        ("2025-03-05", 10.4, 45.0),
        ("2025-04-05", 21.1, 95.0),
        ("2025-05-05", 21.95, 99.0),
        ("2025-06-05", 22.0, 100.0),  # just outside the half window
        ("2025-07-05", 42.4, 200.0),
        ("2025-08-05", 43.6, 230.0),
        ("2024-04-05", 21.2, 96.0),
    ]:
        add_activity(athlete, f"{day}T09:00:00", km=km, minutes=minutes, workout_type=1)
    return athlete


def test_dashboard_counts_and_race_history_use_the_same_presets(racer):
    filters = Filters(racer.id).for_year(2025)

    board = dashboard(filters, METRIC, dt.date(2025, 12, 31))
    history = race_history(filters, METRIC)
    halves = race_history(filters, METRIC, preset="half")

    assert history.counts == {"5k": 2, "10k": 1, "half": 2, "marathon": 1, "ultra": 1}
    assert board.runs.half_marathons == history.counts["half"] == len(halves.races)
    assert board.runs.marathons == history.counts["marathon"] == 1
    assert len(history.races) == 8
    assert halves.selection == "Half marathon"


def test_a_custom_range_selects_by_distance_and_marks_the_best_pace(racer):
    history = race_history(Filters(racer.id), METRIC, min_m=20_000, max_m=23_000)

    assert [r.activity.distance_m for r in history.races] == [
        22000,
        21950,
        21100,
        21200,
    ]
    best = [r for r in history.races if r.is_best]
    # 21.1 km in 95:00 is the fastest pace (4:30.2 /km).
    assert [r.activity.distance_m for r in best] == [21100]
    assert history.best_activity_id == best[0].activity.activity_id
    assert history.best_pace_text == "4:30 /km"
    assert history.counts["half"] == 3


def test_a_preset_and_a_custom_range_together_are_refused(racer):
    with pytest.raises(FilterError, match="not both"):
        race_history(Filters(racer.id), METRIC, preset="5k", min_m=1000)
    with pytest.raises(FilterError, match="Unknown race distance"):
        race_history(Filters(racer.id), METRIC, preset="mile")


def test_age_grade_appears_only_with_birth_date_and_sex(db):
    unknown = make_athlete(sex="F")
    known = make_athlete(sex="F", birth_date=dt.date(1980, 6, 15))
    for athlete in (unknown, known):
        add_activity(
            athlete, "2025-04-05T09:00:00", km=10.1, minutes=44, workout_type=1
        )

    without = race_history(Filters(unknown.id), METRIC).races[0]
    graded = race_history(Filters(known.id), METRIC).races[0]

    assert without.age_grade is None
    assert "birth date" in without.age_grade_note
    expected = age_grade("10k", 44 * 60, "F", dt.date(1980, 6, 15), dt.date(2025, 4, 5))
    assert graded.age_grade == pytest.approx(expected.value)
    assert 0.5 < graded.age_grade < 0.9
    assert graded.age_grade_note is None


def test_race_time_is_the_elapsed_time(db):
    athlete = make_athlete()
    add_activity(
        athlete,
        "2025-04-05T09:00:00",
        km=5.0,
        minutes=20,
        elapsed_time=21 * 60,
        workout_type=1,
    )

    race = race_history(Filters(athlete.id), METRIC).races[0]

    assert race.race_time_s == 1260
    assert race.race_time_text == "21:00"
    assert race.race_pace_text == "4:12 /km"
