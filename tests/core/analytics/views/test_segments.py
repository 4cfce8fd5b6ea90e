"""Segment summaries: attempts, the best attempt and the trend in seconds per year."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.segments import segments
from athletiq_core.db.models import Segment, SegmentEffort
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, make_athlete

_effort_ids = itertools.count(2**60)


def _effort(activity, segment, seconds, hidden=False):
    SegmentEffort.create(
        id=next(_effort_ids),
        activity=activity,
        segment=segment,
        elapsed_time=seconds,
        hidden=hidden,
    )


def test_attempts_best_latest_and_trend_per_segment(db):
    athlete = make_athlete()
    hill = Segment.create(id=11, name="Hill", distance=800.0, activity_type="Run")
    flat = Segment.create(id=12, name="Flat", distance=1500.0, activity_type="Run")
    days = ["2022-05-01", "2023-05-01", "2024-04-30"]  # 365 days apart
    runs = [add_activity(athlete, f"{day}T08:00:00") for day in days]
    for run, seconds in zip(runs, [300, 290, 280], strict=True):
        _effort(run, hill, seconds)
    last = add_activity(athlete, "2024-06-01T08:00:00")
    _effort(last, hill, 250, hidden=True)
    _effort(last, flat, 400)
    ghost = add_activity(athlete, "2024-06-02T08:00:00", deleted=True)
    _effort(ghost, hill, 100)

    view = segments(Filters(athlete.id), UnitSystem.METRIC)

    assert [s.name for s in view.segments] == ["Hill", "Flat"]
    summary = view.segments[0]
    assert summary.attempts == 3
    assert (summary.best.time_s, summary.best.local_date) == (280, dt.date(2024, 4, 30))
    assert summary.best.activity_id == runs[2].id
    # 10 s faster every 365 days, given per year of 365.25 days.
    assert summary.trend_s_per_year == pytest.approx(-10 * 365.25 / 365)
    assert summary.best_text == "4:40"
    assert view.segments[1].trend_s_per_year is None


def test_a_period_filter_narrows_the_attempts(db):
    athlete = make_athlete()
    hill = Segment.create(id=21, name="Hill", distance=800.0)
    for day, seconds in [("2023-05-01", 300), ("2024-05-01", 320)]:
        _effort(add_activity(athlete, f"{day}T08:00:00"), hill, seconds)

    view = segments(Filters(athlete.id).for_year(2024), UnitSystem.METRIC)

    assert view.segments[0].attempts == 1
    assert view.segments[0].best.time_s == 320
