"""The dashboard groups by local date and ISO week, runs first, races by preset."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core.analytics.calendar_math import IsoWeek
from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.dashboard import dashboard
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, make_athlete

METRIC = UnitSystem.METRIC


@pytest.fixture
def new_year(db):
    """Four runs around New Year 2025 in three zones, plus a deleted one."""
    athlete = make_athlete()
    add_activity(athlete, "2024-12-29T09:00:00", km=5)  # Sunday of 2024-W52
    # 23:30 on 31 December in UTC-7 is already 1 January in UTC.
    add_activity(athlete, "2024-12-31T23:30:00", offset_hours=-7, km=8)
    # 00:30 on 1 January in UTC+9 is still 31 December in UTC.
    add_activity(athlete, "2025-01-01T00:30:00", offset_hours=9, km=6)
    add_activity(athlete, "2025-01-06T07:00:00", km=10, total_elevation_gain=120)
    add_activity(athlete, "2025-01-07T07:00:00", km=50, deleted=True)
    return athlete


def test_weekly_volume_follows_iso_weeks_of_the_local_date(new_year):
    board = dashboard(Filters(new_year.id), METRIC, dt.date(2025, 1, 8))

    last_three = board.weeks[-3:]
    assert [w.week for w in last_three] == [
        IsoWeek(2024, 52),
        IsoWeek(2025, 1),
        IsoWeek(2025, 2),
    ]
    assert [w.totals.distance_m for w in last_three] == [5000, 14000, 10000]
    assert [w.totals.count for w in last_three] == [1, 2, 1]
    assert last_three[1].monday == dt.date(2024, 12, 30)
    assert len(board.weeks) == 52
    assert board.peak_week_m == 14000
    assert board.weeks[0].week == IsoWeek(2024, 3)


def test_year_totals_count_each_run_in_its_local_year(new_year):
    filters = Filters(new_year.id)

    in_2024 = dashboard(filters.for_year(2024), METRIC, dt.date(2025, 1, 8))
    in_2025 = dashboard(filters.for_year(2025), METRIC, dt.date(2025, 1, 8))

    # Grouped by UTC date the totals would be 11 km and 18 km.
    assert (in_2024.overall.count, in_2024.overall.distance_m) == (2, 13000)
    assert (in_2025.overall.count, in_2025.overall.distance_m) == (2, 16000)
    assert in_2025.runs.totals.elevation_m == 120
    assert in_2025.overall.distance_text == "16.0 km"


def test_deleted_activities_count_nowhere_on_the_dashboard(new_year):
    board = dashboard(Filters(new_year.id), METRIC, dt.date(2025, 1, 8))

    assert board.overall.count == 4
    assert board.overall.distance_m == 29000
    assert board.weeks[-1].totals.distance_m == 10000
    assert all(ref.distance_m != 50000 for ref in board.recent)


def test_run_totals_ignore_the_sport_filter_but_honour_the_period(db):
    athlete = make_athlete()
    add_activity(athlete, "2025-03-01T08:00:00", km=21.2, minutes=95, workout_type=1)
    add_activity(athlete, "2025-04-01T08:00:00", km=42.4, minutes=200, workout_type=1)
    add_activity(athlete, "2024-04-01T08:00:00", km=42.3, minutes=210, workout_type=1)
    add_activity(athlete, "2025-04-02T08:00:00", sport="Ride", km=60, minutes=120)
    filters = Filters(athlete.id, sport="ride").for_year(2025)

    board = dashboard(filters, METRIC, dt.date(2025, 6, 1))

    assert board.runs.totals.count == 2
    assert board.runs.totals.distance_m == pytest.approx(63600)
    assert (board.runs.half_marathons, board.runs.marathons) == (1, 1)
    assert (board.overall.count, board.overall.distance_m) == (1, 60000)
    assert [g.group for g in board.groups] == ["ride"]


def test_groups_sports_and_shares_add_up(db):
    athlete = make_athlete()
    add_activity(athlete, "2025-02-01T08:00:00", km=10, minutes=60)
    add_activity(athlete, "2025-02-02T08:00:00", sport="TrailRun", km=12, minutes=90)
    add_activity(athlete, "2025-02-03T08:00:00", sport="Ride", km=40, minutes=90)
    add_activity(athlete, "2025-02-04T08:00:00", sport="Kayaking", km=5, minutes=60)

    board = dashboard(Filters(athlete.id), METRIC, dt.date(2025, 2, 5))

    groups = {g.group: g.totals for g in board.groups}
    assert list(groups) == ["run", "ride", "other"]
    assert (groups["run"].count, groups["run"].distance_m) == (2, 22000)
    assert groups["run"].moving_time_text == "2:30:00"
    shares = {s.sport_type: s for s in board.sports}
    assert shares["Run"].count_share == 0.25
    assert shares["TrailRun"].time_share == 90 / 300
    assert board.overall.moving_time_s == 300 * 60


def test_recent_activities_are_newest_first_and_prs_are_stravas_count(db):
    athlete = make_athlete()
    add_activity(athlete, "2024-05-01T08:00:00", pr_count=5)
    second = add_activity(athlete, "2025-05-01T08:00:00", pr_count=2)
    third = add_activity(athlete, "2025-05-02T08:00:00", sport="Ride", pr_count=1)
    add_activity(athlete, "2025-05-03T08:00:00", pr_count=4, deleted=True)

    board = dashboard(Filters(athlete.id).for_year(2025), METRIC, dt.date(2025, 6, 1))

    assert [ref.activity_id for ref in board.recent] == [third.id, second.id]
    assert board.pr_count == 3
    assert board.recent[1].speed_text == "5:00 /km"
    assert board.recent[0].speed_text == "12.0 km/h"


def test_imperial_units_format_the_same_numbers(new_year):
    board = dashboard(Filters(new_year.id), UnitSystem.IMPERIAL, dt.date(2025, 1, 8))

    assert board.overall.distance_m == 29000
    assert board.overall.distance_text == "18.0 mi"
    assert board.runs.totals.elevation_text == "394 ft"
