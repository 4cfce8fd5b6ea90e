"""The calendar: local-day cells, month totals, streaks over leap days."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.calendar import calendar
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, make_athlete

METRIC = UnitSystem.METRIC


def _cell(year_view, day: str):
    return next(c for c in year_view.days if c.date == dt.date.fromisoformat(day))


def test_cells_use_the_local_day_in_any_zone(db):
    athlete = make_athlete()
    add_activity(athlete, "2025-01-01T00:30:00", offset_hours=9, km=6)
    add_activity(athlete, "2024-12-31T23:30:00", offset_hours=-7, km=8)

    year_2025 = calendar(Filters(athlete.id), METRIC, 2025, dt.date(2025, 1, 2))
    year_2024 = calendar(Filters(athlete.id), METRIC, 2024, dt.date(2025, 1, 2))

    assert _cell(year_2025, "2025-01-01").totals.distance_m == 6000
    assert year_2025.totals.count == 1
    assert _cell(year_2024, "2024-12-31").totals.distance_m == 8000
    assert year_2024.totals.count == 1
    assert len(year_2025.days) == 365
    assert len(year_2024.days) == 366


def test_streaks_run_through_29_february_in_a_leap_year(db):
    athlete = make_athlete()
    for day in ("2024-02-26", "2024-02-28", "2024-02-29", "2024-03-01"):
        add_activity(athlete, f"{day}T07:00:00")

    view = calendar(Filters(athlete.id), METRIC, 2024, dt.date(2024, 3, 2))

    assert view.longest_streak == 3
    assert view.longest_streak_end == dt.date(2024, 3, 1)
    assert view.current_streak == 3
    assert view.active_days == 4


def test_streaks_pass_from_28_february_to_1_march_in_a_common_year(db):
    athlete = make_athlete()
    for day in ("2023-02-27", "2023-02-28", "2023-03-01"):
        add_activity(athlete, f"{day}T07:00:00")

    view = calendar(Filters(athlete.id), METRIC, 2023, dt.date(2023, 3, 3))

    assert view.longest_streak == 3
    assert view.current_streak == 0  # 2 March had no activity


def test_the_current_streak_carries_over_new_year(db):
    athlete = make_athlete()
    for day in ("2024-12-30", "2024-12-31", "2025-01-01"):
        add_activity(athlete, f"{day}T07:00:00")

    view = calendar(Filters(athlete.id), METRIC, 2025, dt.date(2025, 1, 1))

    assert view.current_streak == 3
    assert view.longest_streak == 1


def test_dominant_sport_month_totals_and_daily_load(db):
    athlete = make_athlete()
    add_activity(athlete, "2025-03-03T07:00:00", km=10, minutes=50)
    add_activity(athlete, "2025-03-03T17:00:00", sport="Ride", km=40, minutes=90)
    add_activity(athlete, "2025-04-01T07:00:00", sport="Walk", km=5, minutes=60)
    add_activity(athlete, "2025-04-02T07:00:00", km=99, deleted=True)

    view = calendar(Filters(athlete.id), METRIC, 2025, dt.date(2025, 12, 31))

    day = _cell(view, "2025-03-03")
    assert (day.dominant_sport, day.dominant_group) == ("Ride", "ride")
    assert day.totals.count == 2
    # No thresholds or heart rate: duration defaults, 60/h for the run (50 min)
    # and 50/h for the ride (90 min).
    assert day.load == pytest.approx(50 + 75)
    assert [m.totals.distance_m for m in view.months[2:4]] == [50000, 5000]
    assert view.months[0].totals.count == 0
    assert view.max_day_distance_m == 50000
    assert _cell(view, "2025-04-02").totals.count == 0
