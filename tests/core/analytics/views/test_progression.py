"""Progression: runs of a distance window over a period, trend and improvements."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core.analytics.filters import FilterError, Filters, Period, PeriodPreset
from athletiq_core.analytics.views.progression import DistanceWindow, progression
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, make_athlete

METRIC = UnitSystem.METRIC
TODAY = dt.date(2024, 10, 15)


@pytest.fixture
def halves(db):
    """Half-marathon runs 92 days apart getting faster, then a slower one."""
    athlete = make_athlete()
    for day, minutes in [
        ("2024-03-01", 110),
        ("2024-06-01", 105),
        ("2024-09-01", 100),
        ("2024-10-01", 102),
    ]:
        add_activity(athlete, f"{day}T08:00:00", km=21.1, minutes=minutes)
    add_activity(athlete, "2024-09-10T08:00:00", km=10.0, minutes=45)
    add_activity(athlete, "2024-09-11T08:00:00", sport="Ride", km=21.1, minutes=40)
    return athlete


def test_improvements_are_labelled_for_what_they_compare(halves):
    result = progression(Filters(halves.id), METRIC, TODAY)

    assert [p.activity.moving_time_s for p in result.points] == [
        6600,
        6300,
        6000,
        6120,
    ]
    improvements = {i.label: i.percent for i in result.improvements}
    assert improvements["first to latest"] == pytest.approx((110 - 102) / 110 * 100)
    assert improvements["first to best"] == pytest.approx((110 - 100) / 110 * 100)
    assert result.best.activity.local_date == dt.date(2024, 9, 1)
    assert result.first.pace_text == "5:13 /km"
    assert result.latest.activity.local_date == dt.date(2024, 10, 1)


def test_the_trend_is_pace_against_days_since_the_first_run(halves):
    window = Period.custom(None, dt.date(2024, 9, 30))

    result = progression(Filters(halves.id), METRIC, TODAY, period=window)

    # Three runs 92 days apart, each 300 s faster over 21.1 km: a straight line.
    assert [p.day for p in result.points] == [0, 92, 184]
    assert result.trend.slope == pytest.approx(-300 / 21.1 / 92)
    assert result.trend.at(0) == pytest.approx(6600 / 21.1)
    assert result.trend.r_squared == pytest.approx(1.0)
    assert result.origin == dt.date(2024, 3, 1)


def test_periods_resolve_against_today(halves):
    result = progression(
        Filters(halves.id), METRIC, TODAY, period=Period(PeriodPreset.LAST_3_MONTHS)
    )

    assert result.start == dt.date(2024, 7, 15)
    assert [p.activity.local_date.month for p in result.points] == [9, 10]


def test_custom_windows_and_imperial_paces(halves):
    window = DistanceWindow.custom(9_000, 11_000)

    result = progression(Filters(halves.id), UnitSystem.IMPERIAL, TODAY, window)

    assert len(result.points) == 1
    # 45:00 for 10 km is 7:14.5 per mile.
    assert result.points[0].pace_s == pytest.approx(2700 / (10_000 / 1609.344))
    assert result.points[0].pace_text == "7:15 /mi"
    assert result.trend is None
    with pytest.raises(FilterError):
        DistanceWindow.custom(11_000, 9_000)
