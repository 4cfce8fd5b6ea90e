"""Personal bests come from best efforts; the progression records only improvements."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core.analytics.filters import FilterError, Filters
from athletiq_core.analytics.views.personal_bests import personal_bests
from athletiq_core.distances import STANDARD_DISTANCES
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, add_effort, make_athlete

METRIC = UnitSystem.METRIC


@pytest.fixture
def five_k_history(db):
    """Twelve 5K efforts a month apart in 2024, then one in 2025."""
    athlete = make_athlete()
    times = [1500, 1520, 1490, 1490, 1510, 1480, 1530, 1540, 1485, 1550, 1560, 1470]
    for month, seconds in enumerate(times, start=1):
        run = add_activity(athlete, f"2024-{month:02d}-10T08:00:00", km=8)
        add_effort(run, "5k", seconds)
    later = add_activity(athlete, "2025-02-10T08:00:00", km=8)
    add_effort(later, "5k", 1495)
    return athlete


def test_progression_lists_each_effort_that_beat_every_earlier_one(five_k_history):
    bests = personal_bests(Filters(five_k_history.id), METRIC)

    assert bests.progression_distance.key == "5k"
    # 1490 in April only equals March's record, so it is not a new one.
    assert [e.time_s for e in bests.progression] == [1500, 1490, 1480, 1470]
    assert [e.local_date.month for e in bests.progression] == [1, 3, 6, 12]
    assert bests.progression[-1].pace_text == "4:54 /km"


def test_progression_of_another_distance_and_an_unknown_one(five_k_history):
    run = add_activity(five_k_history, "2024-12-20T08:00:00")
    add_effort(run, "10k", 3100)

    bests = personal_bests(Filters(five_k_history.id), METRIC, "10k")

    assert [e.time_s for e in bests.progression] == [3100]
    with pytest.raises(FilterError, match="Unknown distance"):
        personal_bests(Filters(five_k_history.id), METRIC, "11k")


def test_top_ten_are_the_fastest_in_order_and_the_best_is_first(five_k_history):
    bests = personal_bests(Filters(five_k_history.id), METRIC)

    five_k = next(d for d in bests.distances if d.distance.key == "5k")
    assert [e.time_s for e in five_k.top] == [
        1470,
        1480,
        1485,
        1490,
        1490,
        1495,
        1500,
        1510,
        1520,
        1530,
    ]
    assert [e.rank for e in five_k.top] == list(range(1, 11))
    # Of the two 1490s, March's ranks before April's.
    assert [e.local_date.month for e in five_k.top[3:5]] == [3, 4]
    assert five_k.best.time_s == 1470
    assert five_k.best.time_text == "24:30"
    assert five_k.best.pace_text == "4:54 /km"
    assert five_k.best.speed_mps == pytest.approx(5000 / 1470)


def test_every_standard_distance_has_a_row_even_without_efforts(five_k_history):
    bests = personal_bests(Filters(five_k_history.id), METRIC)

    assert [d.distance for d in bests.distances] == list(STANDARD_DISTANCES)
    ten_k = next(d for d in bests.distances if d.distance.key == "10k")
    assert (ten_k.best, ten_k.top) == (None, [])
    assert bests.best_of("5k").time_s == 1470


def test_a_period_has_its_own_bests_and_progression(five_k_history):
    filters = Filters(five_k_history.id).for_year(2025)

    bests = personal_bests(filters, METRIC)

    assert bests.best_of("5k").time_s == 1495
    assert bests.best_of("5k").local_date == dt.date(2025, 2, 10)
    assert [e.time_s for e in bests.progression] == [1495]


def test_deleted_activities_and_other_athletes_never_give_bests(five_k_history):
    ghost = add_activity(five_k_history, "2024-12-20T08:00:00", deleted=True)
    add_effort(ghost, "5k", 1200)
    stranger = add_activity(make_athlete(), "2024-12-20T08:00:00")
    add_effort(stranger, "5k", 1100)

    bests = personal_bests(Filters(five_k_history.id), METRIC)

    assert bests.best_of("5k").time_s == 1470
