"""Race predictions: Riegel with a personal exponent, and VDOT."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.vdot import vdot
from athletiq_core.analytics.views.predictions import predictions
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, add_effort, make_athlete

TODAY = dt.date(2025, 6, 1)


@pytest.fixture
def runner(db):
    athlete = make_athlete()
    first = add_activity(athlete, "2025-03-01T08:00:00", km=6)
    add_effort(first, "5k", 1200)
    second = add_activity(athlete, "2025-04-01T08:00:00", km=12)
    add_effort(second, "5k", 1250)
    add_effort(second, "10k", 2500)
    old = add_activity(athlete, "2023-04-01T08:00:00", km=6)
    add_effort(old, "5k", 1000)  # too old to describe today's form
    return athlete


def test_the_exponent_is_fitted_to_recent_best_efforts(runner):
    result = predictions(Filters(runner.id), UnitSystem.METRIC, TODAY)

    # Two distances: the slope of ln T against ln D is ln(2500/1200) / ln 2.
    expected = math.log(2500 / 1200) / math.log(2)
    assert result.exponent == pytest.approx(expected)
    assert result.fit.distances == 2
    assert [e.time_s for e in result.efforts] == [1200, 2500]
    assert result.efforts[0].local_date == dt.date(2025, 3, 1)


def test_riegel_scales_the_nearest_effort(runner):
    result = predictions(Filters(runner.id), UnitSystem.METRIC, TODAY)

    by_key = {p.distance.key: p for p in result.riegel}
    exponent = math.log(2500 / 1200) / math.log(2)
    assert by_key["5k"].time_s == pytest.approx(1200)
    assert by_key["half_marathon"].source.distance.key == "10k"
    assert by_key["half_marathon"].time_s == pytest.approx(
        2500 * (21097.5 / 10000) ** exponent
    )
    assert by_key["marathon"].time_s == pytest.approx(
        2500 * (42195 / 10000) ** exponent
    )


def test_vdot_comes_from_the_best_scoring_effort(runner):
    result = predictions(Filters(runner.id), UnitSystem.METRIC, TODAY)

    expected = max(vdot(5000, 1200), vdot(10000, 2500))
    assert result.vdot.value == pytest.approx(expected)
    assert result.vdot.source.distance.key == "5k"
    five_k = next(e for e in result.vdot.equivalents if e.distance.key == "5k")
    assert five_k.time_s == pytest.approx(1200, abs=0.01)
    assert [p.name for p in result.vdot.paces] == [
        "easy",
        "marathon",
        "threshold",
        "interval",
        "repetition",
    ]


def test_without_a_fit_the_usual_exponent_is_used_and_said(db):
    athlete = make_athlete()
    run = add_activity(athlete, "2025-05-01T08:00:00", km=6)
    add_effort(run, "5k", 1300)

    result = predictions(Filters(athlete.id), UnitSystem.METRIC, TODAY)

    assert (result.exponent, result.fit) == (1.06, None)
    assert "1.06" in result.exponent_note
    ten_k = next(p for p in result.riegel if p.distance.key == "10k")
    assert ten_k.time_s == pytest.approx(1300 * 2**1.06)


def test_no_efforts_no_predictions(db):
    athlete = make_athlete()

    result = predictions(Filters(athlete.id), UnitSystem.METRIC, TODAY)

    assert (result.riegel, result.vdot, result.efforts) == ([], None, [])
