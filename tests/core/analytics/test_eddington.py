"""Eddington numbers from per-day distances."""

import datetime as dt

from athletiq_core.analytics.eddington import daily_totals, eddington
from athletiq_core.units import UnitSystem


def test_small_example_in_kilometres():
    # Days of 5, 3, 2.5, 1 and 0.8 km: two days of at least 2 km, not three of 3.
    # Reaching 3 needs one more day of 3 km or more (two exist).
    result = eddington([5000, 3000, 2500, 1000, 800])

    assert result.number == 2
    assert result.days_for_next == 1


def test_same_days_in_miles_give_a_smaller_number():
    # 12 days of 16 km: E = 12 in km (13 needs one more day, all 12 reach 13 km).
    # 16 km = 9.94 mi: E = 9 in miles, and none reaches 10 mi, so 10 more days.
    days = [16000] * 12

    in_km = eddington(days, UnitSystem.METRIC)
    in_miles = eddington(days, UnitSystem.IMPERIAL)

    assert (in_km.number, in_km.days_for_next) == (12, 1)
    assert (in_miles.number, in_miles.days_for_next) == (9, 10)


def test_a_day_exactly_at_the_threshold_counts():
    assert eddington([3000, 3000, 3000]).number == 3


def test_no_days_give_zero():
    result = eddington([])

    assert result.number == 0
    assert result.days_for_next == 1


def test_activities_of_one_day_are_summed_first():
    day = dt.date(2024, 5, 1)
    totals = daily_totals([(day, 30000), (day, 30000), (dt.date(2024, 5, 2), 5000)])

    assert totals == {day: 60000, dt.date(2024, 5, 2): 5000}
    assert eddington(totals.values()).number == 2
