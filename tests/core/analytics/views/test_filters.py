"""Filters and periods: local dates, sport groups, never a deleted activity."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core.analytics.filters import (
    FilterError,
    Filters,
    Period,
    PeriodPreset,
    apply_filters,
)
from athletiq_core.db.models import Activity
from athletiq_core.sports import UnknownSportError
from tests.core.analytics.views.scenario import add_activity, make_athlete

TODAY = dt.date(2025, 5, 31)


@pytest.mark.parametrize(
    ("preset", "start", "end"),
    [
        (PeriodPreset.ALL_TIME, None, None),
        (PeriodPreset.THIS_YEAR, dt.date(2025, 1, 1), TODAY),
        (PeriodPreset.LAST_YEAR, dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
        (PeriodPreset.LAST_6_MONTHS, dt.date(2024, 11, 30), TODAY),
        # 31 February does not exist: the month ends on the 28th.
        (PeriodPreset.LAST_3_MONTHS, dt.date(2025, 2, 28), TODAY),
        (PeriodPreset.LAST_MONTH, dt.date(2025, 4, 30), TODAY),
    ],
)
def test_each_period_resolves_against_the_given_today(preset, start, end):
    assert Period(preset).resolve(TODAY) == (start, end)


def test_a_custom_period_keeps_its_dates_and_rejects_a_reversed_range():
    period = Period.custom(dt.date(2024, 3, 1), dt.date(2024, 3, 31))

    assert period.resolve(TODAY) == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    with pytest.raises(FilterError, match="ends"):
        Period.custom(dt.date(2024, 3, 31), dt.date(2024, 3, 1))


def test_period_names_parse_and_unknown_names_are_refused():
    assert Period.parse("last_3_months").preset is PeriodPreset.LAST_3_MONTHS
    with pytest.raises(FilterError, match="Unknown period"):
        Period.parse("fortnight")


def test_narrowing_keeps_the_overlap_of_both_ranges():
    filters = Filters(1, start=dt.date(2024, 6, 1))

    narrowed = filters.for_period(Period(PeriodPreset.LAST_YEAR), TODAY)

    assert (narrowed.start, narrowed.end) == (
        dt.date(2024, 6, 1),
        dt.date(2024, 12, 31),
    )
    assert filters.for_year(2023).is_empty


def test_an_unknown_sport_is_refused_when_the_filters_are_made():
    with pytest.raises(UnknownSportError):
        Filters(1, sport="quidditch")


def test_applied_filters_select_the_athlete_sport_group_and_local_dates(db):
    athlete, other = make_athlete(), make_athlete()
    trail = add_activity(
        athlete, "2025-01-01T00:30:00", offset_hours=9, sport="TrailRun"
    )
    add_activity(athlete, "2024-12-31T23:30:00", offset_hours=-7)
    add_activity(athlete, "2025-01-02T08:00:00", sport="Ride")
    add_activity(athlete, "2025-01-03T08:00:00", deleted=True)
    add_activity(other, "2025-01-02T08:00:00")
    filters = Filters(athlete.id, sport="runs", start=dt.date(2025, 1, 1))

    query = apply_filters(Activity.select(Activity.id), filters)

    assert [row.id for row in query] == [trail.id]
