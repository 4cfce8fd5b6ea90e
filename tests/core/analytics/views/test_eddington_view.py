"""Eddington numbers per local day, overall and per sport, in km and miles."""

from __future__ import annotations

from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.eddington_view import eddington_view
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, make_athlete


def test_days_add_up_their_activities_and_sports_count_on_their_own(db):
    athlete = make_athlete()
    add_activity(athlete, "2025-01-01T08:00:00", km=3)
    add_activity(athlete, "2025-01-01T17:00:00", sport="Ride", km=30)
    add_activity(athlete, "2025-01-02T08:00:00", km=2.5)
    add_activity(athlete, "2025-01-03T08:00:00", km=2.2)
    add_activity(athlete, "2025-01-04T08:00:00", km=1.0)
    add_activity(athlete, "2025-01-05T08:00:00", km=40, deleted=True)

    view = eddington_view(Filters(athlete.id), UnitSystem.IMPERIAL)

    overall, runs, rides = view.row("all"), view.row("run"), view.row("ride")
    # Overall days: 33, 2.5, 2.2 and 1.0 km. Three days reach 2 km but only one
    # reaches 3 km, so E = 2 and two more days of 3 km would make it 3.
    assert (overall.km.number, overall.km.days_for_next) == (2, 2)
    # Runs: 3, 2.5, 2.2, 1.0 km.
    assert (runs.km.number, runs.km.days_for_next) == (2, 2)
    # In miles the runs are 1.86, 1.55, 1.37 and 0.62: three days reach 1 mile
    # and none 2 miles, so E = 1 and two days of 2 miles would make it 2.
    assert (runs.miles.number, runs.miles.days_for_next) == (1, 2)
    assert runs.primary is runs.miles
    assert (rides.km.number, rides.days) == (1, 1)
    assert [row.scope for row in view.rows] == ["all", "run", "ride"]
