"""Fitness: explained loads, thresholds set or estimated, TSB from the day before."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.fitness import fitness
from athletiq_core.db.models import PeakPower
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, add_effort, make_athlete

METRIC = UnitSystem.METRIC
CTL_WEIGHT = 1 - math.exp(-1 / 42)
ATL_WEIGHT = 1 - math.exp(-1 / 7)


def test_a_set_threshold_pace_gives_rtss_and_is_not_an_estimate(db):
    athlete = make_athlete(threshold_pace=4.0)
    # 10 km in 2500 s is 4.0 m/s: exactly threshold for 41:40, so
    # rTSS = 2500 / 3600 h × 1.0² × 100.
    add_activity(athlete, "2025-05-01T07:00:00", km=10, minutes=2500 / 60)

    result = fitness(Filters(athlete.id), METRIC, dt.date(2025, 5, 1), days=7)

    load = result.loads[0]
    assert load.load.source == "running_tss"
    assert load.load.value == pytest.approx(2500 / 36)
    assert load.describe(METRIC).startswith("rTSS 69 from pace: 4:10 /km")
    pace = next(t for t in result.thresholds if t.key == "threshold_pace")
    assert (pace.estimated, pace.how, pace.text) == (
        False,
        "Set in your profile.",
        "4:10 /km",
    )
    assert result.sources == {"running_tss": 1}


def test_ctl_and_atl_are_exponentially_weighted_and_tsb_uses_the_day_before(db):
    athlete = make_athlete()
    # No thresholds and no heart rate: a one-hour ride is 50 points by duration.
    add_activity(athlete, "2025-05-01T07:00:00", sport="Ride", km=30, minutes=60)

    result = fitness(Filters(athlete.id), METRIC, dt.date(2025, 5, 2), days=2)

    first, second = result.series
    assert first.load == pytest.approx(50)
    assert first.ctl == pytest.approx(50 * CTL_WEIGHT)
    assert first.atl == pytest.approx(50 * ATL_WEIGHT)
    assert first.tsb == 0
    assert second.tsb == pytest.approx(first.ctl - first.atl)
    assert result.latest is second
    assert result.loads[0].load.source == "duration_default"


def test_the_series_has_the_load_before_the_range_shown_behind_it(db):
    athlete = make_athlete()
    add_activity(athlete, "2025-01-01T07:00:00", sport="Ride", km=30, minutes=60)

    result = fitness(Filters(athlete.id), METRIC, dt.date(2025, 1, 11), days=1)

    (today,) = result.series
    assert today.date == dt.date(2025, 1, 11)
    assert today.ctl == pytest.approx(50 * CTL_WEIGHT * (1 - CTL_WEIGHT) ** 10)
    assert result.loads == []


def test_unset_thresholds_are_estimated_from_the_last_year_and_flagged(db):
    athlete = make_athlete(sex="M")
    for day in range(1, 11):
        add_activity(
            athlete,
            f"2025-04-{day:02d}T07:00:00",
            km=10,
            minutes=50,
            average_heartrate=150,
            max_heartrate=170 + day,
        )
    ride = add_activity(athlete, "2025-04-12T07:00:00", sport="Ride", km=40, minutes=80)
    PeakPower.create(activity=ride, duration=1200, watts=300)
    run = add_activity(athlete, "2025-04-13T07:00:00", km=6, minutes=30)
    add_effort(run, "5k", 1200)
    old = add_activity(athlete, "2023-04-13T07:00:00", km=6, max_heartrate=210)

    result = fitness(Filters(athlete.id), METRIC, dt.date(2025, 4, 14))

    used = {t.key: t for t in result.thresholds}
    assert all(t.estimated for t in used.values())
    assert used["max_hr"].value == 180  # 98th percentile of 171…180, not 210
    assert used["threshold_hr"].value == pytest.approx(162)
    assert used["ftp"].value == pytest.approx(285)
    assert "20-minute" in used["ftp"].how
    assert used["threshold_pace"].value > 0
    assert old.id not in [item.activity_id for item in result.loads]


def test_a_sport_filter_changes_the_loads_not_the_thresholds(db):
    athlete = make_athlete(max_hr=190)
    add_activity(athlete, "2025-04-01T07:00:00", km=10, average_heartrate=150)
    add_activity(athlete, "2025-04-02T07:00:00", sport="Ride", km=40, minutes=90)

    runs = fitness(Filters(athlete.id, sport="run"), METRIC, dt.date(2025, 4, 2), 7)
    everything = fitness(Filters(athlete.id), METRIC, dt.date(2025, 4, 2), 7)

    assert [item.sport_type for item in runs.loads] == ["Run"]
    assert len(everything.loads) == 2
    assert runs.thresholds == everything.thresholds
    threshold_hr = next(t for t in runs.thresholds if t.key == "threshold_hr")
    assert threshold_hr.estimated
    assert "you set (190 bpm)" in threshold_hr.how
