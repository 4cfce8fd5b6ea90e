"""Sync 10,000 activities from the fake Strava, then re-sync; print the cost.

Usage: python benchmarks/sync.py [--activities N]
"""

from __future__ import annotations

import argparse
import time

from _harness import fake_strava_env

from athletiq_core.connect import store_connection
from athletiq_core.demo import (
    DemoConfig,
    generate_activities,
    generate_athlete,
    generate_gear,
)
from athletiq_core.strava.client import StravaClient
from athletiq_core.strava.config import load_app
from athletiq_core.strava.session import AthleteSession
from athletiq_core.sync import sync_athlete


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=10_000)
    args = parser.parse_args()
    config = DemoConfig(activities=args.activities)
    athlete, activities = generate_athlete(config), generate_activities(config)
    with fake_strava_env() as fake:
        fake.read_limits = fake.overall_limits = (10**9, 10**9)
        fake.add_athlete(athlete, activities, generate_gear(config))
        grant = fake.issue_tokens(athlete["id"])
        stored = store_connection(fake.client_id, grant, athlete, ["activity:read_all"])
        session = AthleteSession(StravaClient(load_app()), stored)
        print(f"{'run':<12}{'requests':>10}{'seconds':>10}{'rows/s':>12}{'new':>8}")
        for label in ("first sync", "re-sync"):
            started = time.perf_counter()
            result = sync_athlete(session)
            seconds = time.perf_counter() - started
            rows = result.listed / seconds if seconds else 0.0
            print(
                f"{label:<12}{result.requests:>10}{seconds:>10.2f}{rows:>12,.0f}"
                f"{result.inserted:>8}"
            )


if __name__ == "__main__":
    main()
