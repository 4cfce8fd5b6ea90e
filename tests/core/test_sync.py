"""Incremental and full sync against the fake Strava over real HTTP."""

from __future__ import annotations

import copy
import datetime as dt
import threading

import pytest

from athletiq_core.db.models import Activity, Athlete, SyncRun
from athletiq_core.strava import errors
from athletiq_core.sync import SyncCancelled, sync_athlete
from tests.core.sync_fixtures import connected_session, demo_gear, demo_history


def _list_requests(fake):
    return fake.api_requests("/athlete/activities")


def _iso(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def history(fake_strava):
    athlete, activities = demo_history(1000)
    fake_strava.add_athlete(athlete, activities, demo_gear())
    return athlete, activities


def test_first_sync_of_1000_costs_five_pages_and_one_empty_page(
    db, fake_strava, history
):
    session = connected_session(fake_strava, history[0])

    result = sync_athlete(session)

    assert len(_list_requests(fake_strava)) == 6
    assert all(r.query["per_page"] == "200" for r in _list_requests(fake_strava))
    assert result.inserted == 1000
    assert Activity.select().count() == 1000
    assert Athlete.get().history_complete


def test_resync_with_nothing_new_costs_at_most_two_requests(db, fake_strava, history):
    session = connected_session(fake_strava, history[0])
    sync_athlete(session)
    fake_strava.requests.clear()

    result = sync_athlete(session)

    assert len(fake_strava.api_requests()) <= 2
    assert result.inserted == 0
    assert result.updated == 0


def test_late_upload_inside_the_margin_arrives_with_an_incremental_sync(
    db, fake_strava, history
):
    athlete, activities = history
    session = connected_session(fake_strava, athlete)
    sync_athlete(session)
    newest = max(activities, key=lambda a: a["start_date"])
    late = copy.deepcopy(newest)
    late["id"] = newest["id"] + 10_000
    start = dt.datetime.fromisoformat(newest["start_date"].replace("Z", ""))
    late["start_date"] = _iso(start - dt.timedelta(days=1))
    late["start_date_local"] = _iso(
        start - dt.timedelta(days=1) + dt.timedelta(seconds=late["utc_offset"])
    )
    late["name"] = "Uploaded a day late"
    fake_strava.activities[athlete["id"]][late["id"]] = late

    result = sync_athlete(session)

    assert result.inserted == 1
    assert Activity.get(Activity.strava_id == late["id"]).name == "Uploaded a day late"


def test_full_sync_reflects_renamed_and_deleted_activities(db, fake_strava, history):
    athlete, activities = history
    session = connected_session(fake_strava, athlete)
    sync_athlete(session)
    renamed, removed = activities[10]["id"], activities[20]["id"]
    fake_strava.activities[athlete["id"]][renamed]["name"] = "Renamed on Strava"
    fake_strava.activities[athlete["id"]][renamed]["sport_type"] = "TrailRun"
    del fake_strava.activities[athlete["id"]][removed]

    result = sync_athlete(session, full=True)

    changed = Activity.get(Activity.strava_id == renamed)
    assert (changed.name, changed.sport_type) == ("Renamed on Strava", "TrailRun")
    gone = Activity.get(Activity.strava_id == removed)
    assert gone.deleted and gone.deleted_at is not None
    assert result.deleted == 1
    assert result.updated >= 1
    assert Activity.select().where(Activity.deleted == False).count() == 999  # noqa: E712


def test_an_activity_restored_on_strava_is_undeleted_by_the_next_full_sync(
    db, fake_strava, history
):
    athlete, activities = history
    session = connected_session(fake_strava, athlete)
    sync_athlete(session)
    removed = activities[5]
    del fake_strava.activities[athlete["id"]][removed["id"]]
    sync_athlete(session, full=True)
    fake_strava.activities[athlete["id"]][removed["id"]] = removed

    sync_athlete(session, full=True)

    assert not Activity.get(Activity.strava_id == removed["id"]).deleted


def test_an_interrupted_first_sync_carries_on_into_the_past(db, fake_strava, history):
    session = connected_session(fake_strava, history[0])
    cancel = threading.Event()

    def stop_after_first_page(progress):
        cancel.set()

    with pytest.raises(SyncCancelled):
        sync_athlete(session, on_progress=stop_after_first_page, cancel=cancel)
    assert Activity.select().count() == 200
    assert SyncRun.select().order_by(SyncRun.id.desc()).get().status == "interrupted"

    sync_athlete(session)

    assert Activity.select().count() == 1000
    assert len({a.strava_id for a in Activity.select()}) == 1000
    assert Athlete.get().history_complete


def test_a_malformed_activity_is_skipped_with_a_warning_and_the_rest_arrives(
    db, fake_strava, log_records
):
    athlete, activities = demo_history(50)
    broken = copy.deepcopy(activities[3])
    broken["start_date"] = "yesterday-ish"
    activities[3] = broken
    fake_strava.add_athlete(athlete, activities, demo_gear())
    session = connected_session(fake_strava, athlete)

    result = sync_athlete(session)

    assert result.skipped == 1
    assert Activity.select().count() == 49
    warnings = [r.getMessage() for r in log_records if r.levelname == "WARNING"]
    assert any(str(broken["id"]) in message for message in warnings)


@pytest.mark.parametrize("fault", [500, 503, "timeout", "malformed"])
def test_transient_faults_are_retried_and_the_sync_completes(
    db, fake_strava, history, fault
):
    session = connected_session(fake_strava, history[0])
    fake_strava.inject("/athlete/activities", fault, times=2, delay=2.5)

    result = sync_athlete(session)

    assert result.inserted == 1000
    assert len(_list_requests(fake_strava)) == 8


def test_persistent_server_errors_stop_the_sync_and_keep_what_was_stored(
    db, fake_strava, history
):
    session = connected_session(fake_strava, history[0])
    sync_athlete(session)
    fake_strava.inject("/athlete/activities", 500, times=10)

    with pytest.raises(errors.ServerError):
        sync_athlete(session, full=True)

    assert Activity.select().where(Activity.deleted == False).count() == 1000  # noqa: E712
    assert SyncRun.select().order_by(SyncRun.id.desc()).get().status == "failed"


def test_revoked_access_stops_with_a_reconnect_message(db, fake_strava, history):
    session = connected_session(fake_strava, history[0])
    fake_strava.revoke(history[0]["id"])

    with pytest.raises(errors.Unauthorized, match="athletiq connect"):
        sync_athlete(session)


def test_a_rejected_access_token_is_refreshed_once_and_the_sync_goes_on(
    db, fake_strava, history
):
    session = connected_session(fake_strava, history[0])
    fake_strava.inject("/athlete/activities", 401)

    result = sync_athlete(session)

    assert result.inserted == 1000
    assert len([r for r in fake_strava.requests if r.path == "/oauth/token"]) == 1


def test_inactive_app_explains_the_subscription_rule(db, fake_strava, history):
    session = connected_session(fake_strava, history[0])
    fake_strava.inject("/athlete/activities", "inactive")

    with pytest.raises(errors.AppInactive, match="subscription"):
        sync_athlete(session)


def test_athlete_cap_is_explained(db, fake_strava, history):
    session = connected_session(fake_strava, history[0])
    fake_strava.inject("/athlete", "athlete_limit")

    with pytest.raises(errors.AthleteLimitReached, match="athletes"):
        sync_athlete(session)


def test_local_dates_come_from_the_local_start_time(db, fake_strava):
    athlete, activities = demo_history(3)
    tokyo = copy.deepcopy(activities[0])
    tokyo.update(
        id=tokyo["id"] + 1,
        start_date="2026-03-01T15:30:00Z",
        start_date_local="2026-03-02T00:30:00Z",
        timezone="(GMT+09:00) Asia/Tokyo",
        utc_offset=32400.0,
    )
    fake_strava.add_athlete(athlete, [tokyo])
    session = connected_session(fake_strava, athlete)

    sync_athlete(session)

    stored = Activity.get(Activity.strava_id == tokyo["id"])
    assert stored.local_date == dt.date(2026, 3, 2)
    assert stored.timezone == "Asia/Tokyo"
    assert stored.start_date == dt.datetime(2026, 3, 1, 15, 30)
