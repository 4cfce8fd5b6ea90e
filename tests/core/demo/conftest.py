"""Shared demo history for the generator tests: generated once per session."""

from __future__ import annotations

import collections

import pytest

from athletiq_core.demo import DemoConfig, generate_activities
from athletiq_core.demo.summary import kind_of

RACE_METRES = {"5K": 5000, "10K": 10000, "half": 21097.5, "marathon": 42195}


def race_distance(activity: dict) -> str | None:
    """Which standard race a GPS-measured race distance belongs to, if any."""
    for key, metres in RACE_METRES.items():
        if metres <= activity["distance"] <= metres * 1.012:
            return key
    return None


@pytest.fixture(scope="session")
def cfg() -> DemoConfig:
    return DemoConfig()


@pytest.fixture(scope="session")
def activities(cfg) -> list[dict]:
    return generate_activities(cfg)


@pytest.fixture(scope="session")
def by_kind(activities) -> dict[str, list[dict]]:
    kinds = collections.defaultdict(list)
    for activity in activities:
        kinds[kind_of(activity)].append(activity)
    return kinds


@pytest.fixture(scope="session")
def races(by_kind) -> dict[str | None, list[dict]]:
    found = collections.defaultdict(list)
    for race in by_kind["race"]:
        found[race_distance(race)].append(race)
    return found


@pytest.fixture(scope="session")
def sample(by_kind) -> list[dict]:
    """One activity of each kind, from the middle of the history."""
    kinds = ["race", "workout", "long", "ride", "virtual", "swim", "strength"]
    kinds += ["treadmill", "trail", "commute", "walk", "hike", "manual_run"]
    return [by_kind[kind][len(by_kind[kind]) // 2] for kind in kinds]
