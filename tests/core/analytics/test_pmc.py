"""Fitness, fatigue and form from daily loads."""

import datetime as dt

import pytest

from athletiq_core.analytics.errors import AnalyticsError
from athletiq_core.analytics.pmc import daily_loads, fitness_series

DAY1 = dt.date(2024, 1, 1)
DAY3 = dt.date(2024, 1, 3)


def test_hand_computed_three_days():
    # Weights, by series: e^(-1/42) = 1 - x + x²/2 - x³/6 + x⁴/24 with x = 1/42
    #   = 0.9764717, so k42 = 0.0235283; e^(-1/7) = 0.8668779, so k7 = 0.1331221.
    # Day 1, load 100: CTL = 100 × 0.0235283 = 2.35283; ATL = 13.31221; TSB = 0.
    # Day 2, load 0:   CTL = 2.35283 × 0.9764717 = 2.29747;
    #                  ATL = 13.31221 × 0.8668779 = 11.54006;
    #                  TSB = 2.35283 - 13.31221 = -10.95938 (yesterday's values).
    # Day 3, load 50:  CTL = 2.29747 + 47.70253 × 0.0235283 = 3.41983;
    #                  ATL = 11.54006 + 38.45994 × 0.1331221 = 16.65993;
    #                  TSB = 2.29747 - 11.54006 = -9.24259.
    series = fitness_series({DAY1: 100.0, DAY3: 50.0}, DAY1, DAY3)

    assert [day.load for day in series] == [100.0, 0.0, 50.0]
    assert [day.ctl for day in series] == pytest.approx(
        [2.35283, 2.29747, 3.41983], abs=1e-5
    )
    assert [day.atl for day in series] == pytest.approx(
        [13.31221, 11.54006, 16.65993], abs=1e-5
    )
    assert [day.tsb for day in series] == pytest.approx(
        [0.0, -10.95938, -9.24259], abs=1e-5
    )


def test_every_day_in_the_range_appears_once():
    series = fitness_series({}, DAY1, dt.date(2024, 3, 1))

    assert len(series) == 61
    assert series[0].date == DAY1 and series[-1].date == dt.date(2024, 3, 1)
    assert all(day.ctl == 0 for day in series)


def test_constant_load_converges_to_that_load():
    # After n days CTL = 80 (1 - e^(-n/42)); n = 400 gives 80 × (1 - 7.3e-5).
    start = dt.date(2023, 1, 1)
    loads = {start + dt.timedelta(days=n): 80.0 for n in range(400)}

    last = fitness_series(loads, start, start + dt.timedelta(days=399))[-1]

    assert last.ctl == pytest.approx(80, abs=0.01)
    assert last.atl == pytest.approx(80, abs=1e-6)
    assert last.tsb == pytest.approx(0, abs=0.01)


def test_seed_values_carry_on_from_an_earlier_series():
    # With no load: CTL = 50 × 0.9764717 = 48.8236; TSB = 50 - 60 = -10.
    day = fitness_series({}, DAY1, DAY1, initial_ctl=50, initial_atl=60)[0]

    assert day.ctl == pytest.approx(48.8236, abs=1e-4)
    assert day.tsb == pytest.approx(-10)


def test_loads_outside_the_range_are_ignored():
    series = fitness_series({dt.date(2023, 12, 31): 500.0}, DAY1, DAY3)

    assert all(day.load == 0 and day.ctl == 0 for day in series)


def test_range_must_not_end_before_it_starts():
    with pytest.raises(AnalyticsError, match="before it starts"):
        fitness_series({}, DAY3, DAY1)


def test_daily_loads_sum_activities_of_the_same_day():
    totals = daily_loads([(DAY1, 40.0), (DAY1, 25.0), (DAY3, 10.0)])

    assert totals == {DAY1: 65.0, DAY3: 10.0}
