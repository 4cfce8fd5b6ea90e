"""Token refresh with rotation, and tokens kept out of URLs and logs."""

from __future__ import annotations

import threading

from athletiq_core.db.models import StravaCredential
from athletiq_core.sync import sync_athlete
from tests.core.sync_fixtures import connected_session, demo_history


def _setup(fake, count=30):
    athlete, activities = demo_history(count)
    fake.add_athlete(athlete, activities)
    return connected_session(fake, athlete)


def test_refresh_rotation_never_reuses_an_old_refresh_token(db, fake_strava):
    session = _setup(fake_strava)
    seen_refresh_tokens = []
    for _ in range(3):
        fake_strava.expire_access_tokens()
        StravaCredential.update(expires_at=0).execute()
        sync_athlete(session)
        seen_refresh_tokens.append(StravaCredential.get().refresh_token)

    assert fake_strava.refresh_reuse == []
    assert len(set(seen_refresh_tokens)) == 3
    assert seen_refresh_tokens[-1] in fake_strava.refresh_tokens


def test_concurrent_requests_refresh_once(db, fake_strava):
    session = _setup(fake_strava)
    StravaCredential.update(expires_at=0).execute()
    failures = []

    def call():
        try:
            session.get("/athlete")
        except Exception as exc:  # collected for the assertion below
            failures.append(exc)

    threads = [threading.Thread(target=call) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    refreshes = [r for r in fake_strava.requests if r.path == "/oauth/token"]
    assert failures == []
    assert len(refreshes) == 1
    assert fake_strava.refresh_reuse == []


def test_the_new_refresh_token_is_stored_before_the_access_token_is_used(
    db, fake_strava
):
    session = _setup(fake_strava)
    StravaCredential.update(expires_at=0).execute()
    old = StravaCredential.get().refresh_token

    token = session.access_token()

    stored = StravaCredential.get()
    assert stored.refresh_token != old
    assert stored.access_token == token
    assert stored.refresh_token in fake_strava.refresh_tokens


def test_tokens_travel_only_in_the_authorization_header(db, fake_strava):
    session = _setup(fake_strava)

    sync_athlete(session)

    for request in fake_strava.api_requests():
        assert request.authorization and request.authorization.startswith("Bearer ")
        assert not {"access_token", "refresh_token"} & set(request.query)


def test_no_token_or_secret_appears_in_any_log_record(db, fake_strava, log_records):
    session = _setup(fake_strava)
    StravaCredential.update(expires_at=0).execute()
    fake_strava.inject("/athlete/activities", 500)

    sync_athlete(session)

    secrets = set(fake_strava.access_tokens) | set(fake_strava.refresh_tokens)
    secrets |= fake_strava.retired_refresh_tokens | {fake_strava.client_secret}
    logged = "\n".join(
        f"{r.getMessage()} {r.args!r} {r.exc_text or ''}" for r in log_records
    )
    assert log_records, "the sync should have logged something"
    assert not [s for s in secrets if s in logged]
