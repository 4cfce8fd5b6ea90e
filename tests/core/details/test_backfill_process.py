"""The backfill as a separate process: killed with SIGKILL, then resumed."""

from __future__ import annotations

from athletiq_core.db import close_database, open_database
from athletiq_core.db.models import Activity
from athletiq_core.details.backfill import Backfill, BackfillState
from athletiq_core.strava.client import StravaClient
from athletiq_core.strava.config import load_app
from athletiq_core.strava.session import AthleteSession
from athletiq_core.sync import sync_athlete
from tests.core.processes import kill_when_hung
from tests.core.sync_fixtures import connected_session, demo_gear, demo_history


def _detail_paths(fake):
    return [
        r.path
        for r in fake.api_requests("/activities/")
        if r.status == 200 and "/athlete/" not in r.path
    ]


def test_a_backfill_killed_mid_run_resumes_without_fetching_anything_twice(
    db, fake_strava, athletiq_home
):
    athlete, activities = demo_history(60)
    fake_strava.add_athlete(athlete, activities, demo_gear())
    fake_strava.read_limits = (10_000, 100_000)
    sync_athlete(connected_session(fake_strava, athlete))
    close_database()
    newest_first = sorted(activities, key=lambda a: a["start_date"], reverse=True)
    hung_id = newest_first[24]["id"]
    hang = fake_strava.inject(f"/activities/{hung_id}", "hang")
    kill_when_hung(fake_strava, athletiq_home, hang, "backfill")
    before = set(_detail_paths(fake_strava))
    fake_strava.requests.clear()

    open_database(athletiq_home / "athletiq.sqlite")
    session = AthleteSession(StravaClient(load_app()), Activity.get().athlete)
    status = Backfill(session).run()

    after = _detail_paths(fake_strava)
    assert len(before) == 24
    assert status.state is BackfillState.DONE and status.done == 60
    assert not before & set(after)
    assert f"/api/v3/activities/{hung_id}" in after
    assert len(after) == len(set(after)) == 36
