"""Year against year: cumulative distance on one calendar axis, leap years aligned."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.year_vs_year import year_vs_year
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, make_athlete

TODAY = dt.date(2025, 3, 1)


@pytest.fixture
def leap_history(db):
    athlete = make_athlete()
    add_activity(athlete, "2023-02-28T08:00:00", km=5)
    add_activity(athlete, "2023-03-01T08:00:00", km=7)
    add_activity(athlete, "2023-12-31T08:00:00", km=3)
    add_activity(athlete, "2024-02-29T08:00:00", km=10)
    add_activity(athlete, "2024-03-02T08:00:00", km=4)
    add_activity(athlete, "2025-01-01T00:30:00", offset_hours=9, km=6)
    add_activity(athlete, "2025-03-02T08:00:00", km=50)  # after today
    add_activity(athlete, "2025-02-01T08:00:00", km=70, deleted=True)
    return athlete


def test_every_year_lines_up_by_calendar_date(leap_history):
    view = year_vs_year(Filters(leap_history.id), UnitSystem.METRIC, TODAY)

    lines = {line.year: line for line in view.years}
    assert list(lines) == [2023, 2024, 2025]
    # Slot 59 is 29 February; in 2023 it repeats 28 February's total.
    assert lines[2023].cumulative_m[58:61] == [5000, 5000, 12000]
    assert lines[2024].cumulative_m[58:61] == [0, 10000, 10000]
    assert lines[2023].total_m == 15000
    assert lines[2024].total_m == 14000


def test_years_compare_to_todays_calendar_date(leap_history):
    view = year_vs_year(Filters(leap_history.id), UnitSystem.METRIC, TODAY)

    lines = {line.year: line for line in view.years}
    assert view.today_slot == 60
    assert [lines[y].to_date_m for y in (2023, 2024, 2025)] == [12000, 10000, 6000]
    assert lines[2025].cumulative_m[60] == 6000
    assert lines[2025].cumulative_m[61:] == [None] * 305
    assert lines[2025].total_text == "6.0 km"


def test_on_29_february_common_years_show_their_28_february_total(leap_history):
    view = year_vs_year(
        Filters(leap_history.id), UnitSystem.METRIC, dt.date(2024, 2, 29)
    )

    lines = {line.year: line for line in view.years}
    assert list(lines) == [2023, 2024]
    assert lines[2023].to_date_m == 5000
    assert lines[2024].to_date_m == 10000
