"""Backfill 10,000 activity details on a simulated clock; print how the budget went.

Read limits are Strava's defaults (100 per 15 minutes, 1,000 per day). The clock
moves 2 s per request and jumps when the backfill waits for a window.

Usage: python benchmarks/backfill.py [--activities N]
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import threading
import time

from _harness import fake_strava_env

from athletiq_core.connect import store_connection
from athletiq_core.demo import (
    DemoConfig,
    generate_activities,
    generate_athlete,
    generate_gear,
)
from athletiq_core.details.backfill import Backfill
from athletiq_core.strava.client import StravaClient
from athletiq_core.strava.config import load_app
from athletiq_core.strava.session import AthleteSession
from athletiq_core.sync import sync_athlete


class SimClock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 1, 0, 3, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)

    def wait_until(self, until: dt.datetime, _stop: threading.Event) -> None:
        self.now = max(self.now, until)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=10_000)
    args = parser.parse_args()
    config = DemoConfig(activities=args.activities)
    athlete, activities = generate_athlete(config), generate_activities(config)
    clock = SimClock()
    with fake_strava_env() as fake:
        fake.clock = clock
        fake.request_hook = lambda: clock.advance(2)
        fake.add_athlete(athlete, activities, generate_gear(config))
        grant = fake.issue_tokens(athlete["id"])
        stored = store_connection(fake.client_id, grant, athlete, ["activity:read_all"])
        client = StravaClient(load_app(), clock=clock, sleep=clock.advance)
        session = AthleteSession(client, stored)
        sync_athlete(session)
        started, first = time.perf_counter(), clock()
        status = Backfill(session, wait=clock.wait_until).run()
        wall = time.perf_counter() - started
        _report(fake, status, clock() - first, wall)


def _report(fake, status, simulated: dt.timedelta, wall: float) -> None:
    details = [r for r in fake.api_requests("/activities/") if r.status == 200]
    per_day = collections.Counter(r.at.date() for r in fake.api_requests())
    print(f"final state:        {status.state.value}")
    print(
        f"detail requests:    {len(details)} ({len({r.path for r in details})} unique)"
    )
    print(f"429 responses:      {fake.rate_limited_responses}")
    print(f"simulated days:     {simulated.total_seconds() / 86400:.2f}")
    for day, count in sorted(per_day.items()):
        print(f"  {day}: {count} reads, {count / fake.read_limits[1]:.1%} of the day")
    print(f"wall seconds:       {wall:.1f}")


if __name__ == "__main__":
    main()
