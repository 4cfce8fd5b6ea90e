"""ISO weeks, streaks and year-vs-year alignment on local dates."""

import datetime as dt

import pytest

from athletiq_core.analytics.calendar_math import (
    IsoWeek,
    calendar_slot,
    cumulative_year,
    iso_week,
    last_iso_weeks,
    slot_date,
    streaks,
    week_monday,
)
from athletiq_core.analytics.errors import AnalyticsError

D = dt.date


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2020, 12, 31), (2020, 53)),
        (D(2021, 1, 3), (2020, 53)),
        (D(2021, 1, 4), (2021, 1)),
        (D(2024, 12, 29), (2024, 52)),
        (D(2024, 12, 30), (2025, 1)),
    ],
)
def test_iso_weeks_around_new_year(day, expected):
    assert iso_week(day) == expected


def test_monday_of_an_iso_week():
    assert week_monday(2020, 53) == D(2020, 12, 28)
    assert week_monday(2025, 1) == D(2024, 12, 30)
    assert IsoWeek(2021, 1).monday == D(2021, 1, 4)


def test_a_week_53_in_a_52_week_year_is_refused():
    with pytest.raises(AnalyticsError, match="2021-W53"):
        week_monday(2021, 53)


def test_last_weeks_cross_new_year_oldest_first():
    weeks = last_iso_weeks(D(2021, 1, 5), 3)

    assert weeks == [(2020, 52), (2020, 53), (2021, 1)]


def test_at_least_one_week_must_be_asked_for():
    with pytest.raises(AnalyticsError):
        last_iso_weeks(D(2021, 1, 5), 0)


def test_streak_across_a_leap_day():
    active = [D(2024, 2, 28), D(2024, 2, 29), D(2024, 3, 1)]

    result = streaks(active, today=D(2024, 3, 1))

    assert (result.current, result.longest) == (3, 3)
    assert result.longest_end == D(2024, 3, 1)


def test_a_missed_leap_day_breaks_the_streak():
    result = streaks([D(2024, 2, 28), D(2024, 3, 1)], today=D(2024, 3, 1))

    assert (result.current, result.longest) == (1, 1)


def test_february_28_to_march_1_is_consecutive_in_a_common_year():
    result = streaks([D(2023, 2, 28), D(2023, 3, 1)], today=D(2023, 3, 1))

    assert result.current == 2


def test_current_streak_survives_until_a_whole_day_passes():
    active = [D(2024, 5, 1), D(2024, 5, 2), D(2024, 5, 3)]

    assert streaks(active, today=D(2024, 5, 4)).current == 3
    assert streaks(active, today=D(2024, 5, 5)).current == 0
    assert streaks(active, today=D(2024, 5, 5)).longest == 3


def test_longest_and_current_streaks_differ():
    active = [D(2024, 1, d) for d in (1, 2, 3, 4, 10, 11)]
    active.append(D(2024, 1, 2))  # a second activity the same day counts once

    result = streaks(active, today=D(2024, 1, 11))

    assert (result.current, result.longest) == (2, 4)
    assert result.longest_end == D(2024, 1, 4)


def test_no_activity_means_no_streak():
    result = streaks([], today=D(2024, 1, 1))

    assert (result.current, result.longest, result.longest_end) == (0, 0, None)


def test_calendar_slots_align_march_1_in_every_year():
    assert calendar_slot(D(2023, 1, 1)) == 0
    assert calendar_slot(D(2023, 2, 28)) == 58
    assert calendar_slot(D(2024, 2, 29)) == 59
    assert calendar_slot(D(2023, 3, 1)) == 60
    assert calendar_slot(D(2024, 3, 1)) == 60
    assert calendar_slot(D(2023, 12, 31)) == 365
    assert calendar_slot(D(2024, 12, 31)) == 365


def test_leap_day_slot_has_no_date_in_a_common_year():
    assert slot_date(59, 2024) == D(2024, 2, 29)
    assert slot_date(59, 2023) is None
    assert slot_date(60, 2023) == D(2023, 3, 1)


def test_year_vs_year_cumulative_series_in_common_and_leap_years():
    daily = {
        D(2023, 2, 28): 5.0,
        D(2023, 3, 1): 3.0,
        D(2024, 2, 29): 4.0,
        D(2024, 3, 1): 2.0,
    }

    common = cumulative_year(daily, 2023)
    leap = cumulative_year(daily, 2024)

    assert len(common) == len(leap) == 366
    assert common[57:61] == [0.0, 5.0, 5.0, 8.0]
    assert leap[57:61] == [0.0, 0.0, 4.0, 6.0]
    assert common[-1] == 8.0 and leap[-1] == 6.0


def test_year_in_progress_stops_after_the_last_day():
    daily = {D(2024, 1, 1): 10.0, D(2024, 1, 3): 5.0}

    series = cumulative_year(daily, 2024, through=D(2024, 1, 3))

    assert series[:3] == [10.0, 10.0, 15.0]
    assert series[3] is None and series[-1] is None
    assert len(series) == 366
