"""A simulated clock shared by the fake Strava and the client, and a synced history."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from athletiq_core.connect import store_connection
from athletiq_core.strava.client import StravaClient
from athletiq_core.strava.config import load_app
from athletiq_core.strava.ratelimit import next_quarter_hour
from athletiq_core.strava.session import AthleteSession
from athletiq_core.sync import sync_athlete
from tests.core.sync_fixtures import demo_gear, demo_history


class SimClock:
    """Aware-UTC time that only moves when told to."""

    def __init__(self, start: dt.datetime):
        self.now = start
        self._lock = threading.Lock()

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += dt.timedelta(seconds=seconds)

    def wait_until(self, until: dt.datetime, stop: threading.Event) -> None:
        with self._lock:
            self.now = max(self.now, until)


@pytest.fixture
def sim_clock(fake_strava):
    clock = SimClock(dt.datetime(2026, 12, 1, 0, 3, tzinfo=dt.UTC))
    fake_strava.clock = clock
    fake_strava.request_hook = lambda: clock.advance(2)
    return clock


def build_session(fake, athlete_json, clock) -> AthleteSession:
    grant = fake.issue_tokens(athlete_json["id"])
    client = StravaClient(load_app(), clock=clock, sleep=clock.advance, backoff=1.0)
    athlete = store_connection(
        fake.client_id, grant, athlete_json, ["read", "activity:read_all"]
    )
    return AthleteSession(client, athlete)


def synced_history(fake, clock, count, seed=7, years=6):
    """A demo history on the fake, connected and synced (the sync is foreground)."""
    athlete, activities = demo_history(count, seed=seed, years=years)
    fake.add_athlete(athlete, activities, demo_gear(seed))
    fake.read_limits = (100_000, 1_000_000)
    session = build_session(fake, athlete, clock)
    sync_athlete(session)
    fake.read_limits = (100, 1000)
    # Start the backfill three minutes into a fresh 15-minute window.
    clock.wait_until(next_quarter_hour(clock()) + dt.timedelta(minutes=3), None)
    return session, athlete, activities
