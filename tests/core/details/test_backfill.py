"""The detail backfill against the fake Strava on a simulated clock."""

from __future__ import annotations

import collections

import pytest

from athletiq_core.connect import store_connection
from athletiq_core.db.models import Activity, ActivityStreams, JobState
from athletiq_core.demo import DemoConfig, generate_streams
from athletiq_core.details.backfill import (
    Backfill,
    BackfillState,
    load_status,
    request_detail,
)
from athletiq_core.strava.ratelimit import next_quarter_hour
from athletiq_core.streams import to_strava
from athletiq_core.sync import sync_athlete
from tests.core.details.conftest import synced_history


def _detail_requests(fake):
    return [
        r
        for r in fake.api_requests("/activities/")
        if not r.path.endswith("/streams") and r.status == 200
    ]


@pytest.mark.slow
def test_three_thousand_details_use_the_budget_to_the_last_request(
    db, fake_strava, sim_clock
):
    session, _athlete, activities = synced_history(fake_strava, sim_clock, 3000)

    status = Backfill(session, wait=sim_clock.wait_until).run()

    requests = _detail_requests(fake_strava)
    ids = [r.path for r in requests]
    assert status.state is BackfillState.DONE
    assert len(ids) == len(set(ids)) == 3000
    assert fake_strava.rate_limited_responses == 0
    per_day = collections.Counter(r.at.date() for r in fake_strava.api_requests())
    full_days = sorted(per_day)[:-1]
    assert len(full_days) >= 2
    assert all(per_day[day] >= 970 for day in full_days), per_day


def test_a_429_caused_by_another_client_is_respected(db, fake_strava, sim_clock):
    session, *_ = synced_history(fake_strava, sim_clock, 150)
    fake_strava.add_external_usage(100)

    status = Backfill(session, wait=sim_clock.wait_until).run()

    assert status.state is BackfillState.DONE
    assert fake_strava.rate_limited_responses == 1
    assert len({r.path for r in _detail_requests(fake_strava)}) == 150
    first_ok = _detail_requests(fake_strava)[0]
    assert first_ok.at.minute % 15 == 0 and first_ok.at.minute != 3


def test_no_wait_stops_as_soon_as_the_window_is_spent(db, fake_strava, sim_clock):
    session, *_ = synced_history(fake_strava, sim_clock, 150)
    window_end = next_quarter_hour(sim_clock())

    status = Backfill(session, wait=sim_clock.wait_until, no_wait=True).run()

    assert status.state is BackfillState.WAITING_15_MINUTE
    assert status.done == 90
    assert status.remaining == 60
    assert status.wait_until == window_end
    assert fake_strava.rate_limited_responses == 0


def test_401_pauses_the_job_and_a_reconnect_resumes_it(db, fake_strava, sim_clock):
    session, athlete, _ = synced_history(fake_strava, sim_clock, 40)
    fake_strava.inject("/activities/", 401, times=1)
    fake_strava.revoke(athlete["id"])

    paused = Backfill(session, wait=sim_clock.wait_until).run()

    assert paused.state is BackfillState.NEEDS_RECONNECT
    assert paused.remaining == 40 and paused.failed == 0
    assert "athletiq connect" in paused.last_error
    assert load_status(session.athlete.id).state is BackfillState.NEEDS_RECONNECT
    store_connection(
        fake_strava.client_id, fake_strava.issue_tokens(athlete["id"]), athlete, []
    )

    resumed = Backfill(session, wait=sim_clock.wait_until).run()

    assert resumed.state is BackfillState.DONE
    assert resumed.done == 40


def test_inactive_app_is_reported_as_such(db, fake_strava, sim_clock):
    session, *_ = synced_history(fake_strava, sim_clock, 5)
    fake_strava.inject("/activities/", "inactive")

    status = Backfill(session, wait=sim_clock.wait_until).run()

    assert status.state is BackfillState.APP_INACTIVE
    assert "subscription" in status.last_error
    assert status.remaining == 5


def test_a_burst_of_server_errors_loses_no_item(db, fake_strava, sim_clock):
    session, *_ = synced_history(fake_strava, sim_clock, 30)
    fake_strava.inject("/activities/", 500, times=20)

    status = Backfill(session, wait=sim_clock.wait_until).run()

    assert status.state is BackfillState.DONE
    assert (status.done, status.failed, status.remaining) == (30, 0, 0)
    assert Activity.select().where(Activity.detail_attempts > 0).count() == 5


def test_not_found_marks_the_activity_gone(db, fake_strava, sim_clock):
    session, athlete, activities = synced_history(fake_strava, sim_clock, 10)
    newest = max(activities, key=lambda a: a["start_date"])
    del fake_strava.activities[athlete["id"]][newest["id"]]

    status = Backfill(session, wait=sim_clock.wait_until).run()

    assert status.gone == 1 and status.done == 9
    assert Activity.get(Activity.strava_id == newest["id"]).detail_state == "gone"


def test_a_malformed_detail_is_never_marked_fetched(db, fake_strava, sim_clock):
    session, athlete, activities = synced_history(fake_strava, sim_clock, 3)
    target = activities[0]
    fake_strava.details[target["id"]] = {"id": target["id"], "start_date": "never"}

    status = Backfill(session, wait=sim_clock.wait_until).run()

    broken = Activity.get(Activity.strava_id == target["id"])
    assert broken.detail_state == "failed"
    assert str(target["id"]) in broken.detail_error
    assert status.done == 2 and status.failed == 1


def test_restart_after_an_interruption_refetches_nothing(db, fake_strava, sim_clock):
    session, *_ = synced_history(fake_strava, sim_clock, 60)
    stopper = Backfill(session, wait=sim_clock.wait_until)
    stop_after = 25

    def stop_when_enough(status):
        if status.done >= stop_after:
            stopper.stop.set()

    stopper.on_status = stop_when_enough
    first = stopper.run()
    assert first.state is BackfillState.PAUSED and first.done == stop_after
    before = {r.path for r in _detail_requests(fake_strava)}
    fake_strava.requests.clear()

    Backfill(session, wait=sim_clock.wait_until).run()

    again = {r.path for r in _detail_requests(fake_strava)}
    assert not before & again
    assert len(before | again) == 60


def test_the_queue_runs_newest_first_and_requested_items_jump_it(
    db, fake_strava, sim_clock
):
    session, _athlete, activities = synced_history(fake_strava, sim_clock, 20)
    oldest = min(activities, key=lambda a: a["start_date"])
    request_detail(Activity.get(Activity.strava_id == oldest["id"]).id)

    Backfill(session, wait=sim_clock.wait_until).run()

    order = [int(r.path.rsplit("/", 1)[1]) for r in _detail_requests(fake_strava)]
    assert order[0] == oldest["id"]
    rest = sorted(
        (a for a in activities if a["id"] != oldest["id"]),
        key=lambda a: a["start_date"],
        reverse=True,
    )
    assert order[1:] == [a["id"] for a in rest]


def test_activities_synced_after_a_finished_backfill_join_the_queue(
    db, fake_strava, sim_clock
):
    session, athlete, activities = synced_history(fake_strava, sim_clock, 10)
    assert (
        Backfill(session, wait=sim_clock.wait_until).run().state is BackfillState.DONE
    )
    late = dict(
        max(activities, key=lambda a: a["start_date"]), id=activities[-1]["id"] + 7
    )
    fake_strava.activities[athlete["id"]][late["id"]] = late
    sync_athlete(session)

    status = Backfill(session, wait=sim_clock.wait_until).run()

    assert status.done == 11
    assert JobState.get().state == "done"


def test_streams_can_be_fetched_during_the_backfill(db, fake_strava, sim_clock):
    session, _athlete, activities = synced_history(fake_strava, sim_clock, 6)
    with_gps = [a for a in activities if a["map"]["summary_polyline"]]
    config = DemoConfig(seed=7, activities=6)
    fake_strava.streams_factory = lambda s: to_strava(generate_streams(config, s))

    Backfill(session, wait=sim_clock.wait_until, fetch_streams_too=True).run()

    stored = {row.activity.strava_id for row in ActivityStreams.select()}
    assert stored == {a["id"] for a in with_gps}
    assert len(fake_strava.api_requests("/streams")) == 6
