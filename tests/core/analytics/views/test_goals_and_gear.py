"""Annual goals against the on-pace line, and gear against its retirement mark."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core import settings
from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.gear import gear
from athletiq_core.analytics.views.goals import goals
from athletiq_core.db.models import Gear, Goal
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, make_athlete

METRIC = UnitSystem.METRIC


def test_goal_progress_on_pace_and_needed_per_week(db):
    athlete = make_athlete()
    Goal.create(athlete=athlete, year=2025, sport_group="run", target_distance=1e6)
    Goal.create(athlete=athlete, year=2025, sport_group="all", target_distance=2e6)
    add_activity(athlete, "2025-03-01T08:00:00", km=400)
    add_activity(athlete, "2025-03-02T08:00:00", sport="Ride", km=300)
    add_activity(athlete, "2024-12-31T08:00:00", km=50)
    add_activity(athlete, "2025-03-03T08:00:00", km=90, deleted=True)
    today = dt.date(2025, 7, 2)  # day 183 of 365

    view = goals(Filters(athlete.id), METRIC, 2025, today)

    by_group = {g.sport_group: g for g in view.goals}
    run = by_group["run"]
    assert run.done_m == 400_000
    assert run.on_pace_m == pytest.approx(1e6 * 183 / 365)
    assert run.ahead_m == pytest.approx(400_000 - 1e6 * 183 / 365)
    assert run.needed_per_week_m == pytest.approx(600_000 / 182 * 7)
    assert run.needed_per_week_text == "23.1 km"
    assert run.fraction_done == 0.4
    assert by_group["all"].done_m == 700_000
    assert by_group["all"].label == "All sports"


def test_a_finished_year_needs_nothing_more_per_week(db):
    athlete = make_athlete()
    Goal.create(athlete=athlete, year=2024, sport_group="ride", target_distance=1e5)

    view = goals(Filters(athlete.id), METRIC, 2024, dt.date(2025, 1, 10))

    assert view.year_fraction == 1.0
    assert view.goals[0].needed_per_week_m is None
    assert view.goals[0].on_pace_m == 1e5


def test_gear_distance_and_retirement_threshold(db):
    athlete = make_athlete()
    Gear.create(id="g1", athlete=athlete, name="Old shoe", kind="shoe")
    Gear.create(id="g2", athlete=athlete, name="Racer", kind="shoe", distance=450e3)
    Gear.create(
        id="g3", athlete=athlete, name="Trail", kind="shoe", retire_at_distance=1e6
    )
    Gear.create(id="b1", athlete=athlete, name="Bike", kind="bike", distance=5e6)
    add_activity(athlete, "2025-01-01T08:00:00", km=500, gear_id="g1")
    add_activity(athlete, "2025-02-01T08:00:00", km=350, gear_id="g1")
    add_activity(athlete, "2025-02-02T08:00:00", km=99, gear_id="g1", deleted=True)
    add_activity(athlete, "2025-03-01T08:00:00", km=900, gear_id="g3")
    add_activity(athlete, "2025-03-02T08:00:00", km=12, gear_id="g9")

    view = gear(Filters(athlete.id, sport="ride"), METRIC)

    rows = {row.gear_id: row for row in view.gear}
    old = rows["g1"]
    assert (old.distance_m, old.activity_count) == (850e3, 2)
    assert (old.retire_at_m, old.remaining_m, old.due) == (800e3, -50e3, True)
    assert old.first_used == dt.date(2025, 1, 1)
    assert rows["g2"].distance_m == 450e3  # Strava's total wins
    assert (rows["g3"].retire_at_m, rows["g3"].due) == (1e6, False)
    assert (rows["b1"].retire_at_m, rows["b1"].due) == (None, False)
    assert rows["g9"].name == "g9" and rows["g9"].distance_m == 12e3
    assert [row.gear_id for row in view.gear][:2] == ["b1", "g3"]


def test_the_shoe_setting_moves_the_retirement_mark(db):
    athlete = make_athlete()
    Gear.create(id="g1", athlete=athlete, name="Shoe", kind="shoe", distance=600e3)
    settings.set_value("gear.shoe_retire_km", 500)

    row = gear(Filters(athlete.id), METRIC).gear[0]

    assert (row.retire_at_m, row.due, row.remaining_text) == (500e3, True, "-100 km")
