"""Scenario helpers for sync tests: a demo athlete on the fake Strava, connected."""

from __future__ import annotations

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


def demo_history(count: int, seed: int = 7, years: int = 6) -> tuple[dict, list[dict]]:
    config = DemoConfig(seed=seed, activities=count, years=years)
    return generate_athlete(config), generate_activities(config)


def demo_gear(seed: int = 7) -> list[dict]:
    return generate_gear(DemoConfig(seed=seed))


def connected_session(fake, athlete_json: dict, **client_options) -> AthleteSession:
    """Store a connection made with tokens the fake issued; return a session."""
    grant = fake.issue_tokens(athlete_json["id"])
    client = StravaClient(load_app(), backoff=0.01, timeout=2.0, **client_options)
    athlete = store_connection(
        fake.client_id, grant, athlete_json, ["read", "activity:read_all"]
    )
    return AthleteSession(client, athlete)
