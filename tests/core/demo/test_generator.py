"""The demo history is realistic, consistent and repeatable Strava summary JSON."""

from __future__ import annotations

import collections
import hashlib
import json
import math
import os
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import polyline
import pytest

from athletiq_core.demo import (
    DemoConfig,
    generate_activities,
    generate_gear,
)
from athletiq_core.demo.geo import haversine_m
from athletiq_core.demo.routes import find_route
from tests.core.demo.conftest import RACE_METRES, race_distance

ISO = "%Y-%m-%dT%H:%M:%SZ"
TOWNS = {"arnhem": (51.99, 5.90), "new_york": (40.76, -73.98), "tokyo": (35.68, 139.76)}


def _digest(cfg: DemoConfig) -> str:
    text = json.dumps(generate_activities(cfg), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def test_the_same_config_gives_identical_json_even_in_another_process():
    cfg = DemoConfig(activities=200)
    code = (
        "from tests.core.demo.test_generator import _digest; "
        "from athletiq_core.demo import DemoConfig; "
        "print(_digest(DemoConfig(activities=200)))"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    other = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env
    )

    assert _digest(cfg) == _digest(cfg) == other.stdout.strip()


def test_another_seed_gives_another_history(activities):
    other = generate_activities(DemoConfig(seed=43))

    assert json.dumps(other) != json.dumps(activities)


@pytest.mark.parametrize("count", [1, 7, 60, 333])
def test_the_requested_number_of_activities_comes_out_exactly(count):
    assert len(generate_activities(DemoConfig(activities=count))) == count


def test_activities_are_ordered_with_growing_64_bit_ids(cfg, activities):
    starts = [a["start_date"] for a in activities]
    ids = [a["id"] for a in activities]

    assert len(activities) == cfg.activities
    assert starts == sorted(starts)
    assert all(a < b for a, b in zip(ids, ids[1:], strict=False))
    assert ids[0] >= 1.7e10
    assert starts[-1] < cfg.end_utc.strftime(ISO)


def test_every_sport_is_present_with_its_features(by_kind):
    assert {"easy", "long", "workout", "race", "trail", "treadmill"} <= set(by_kind)
    assert {"ride", "commute", "virtual", "swim", "walk", "hike"} <= set(by_kind)
    assert "strength" in by_kind and "manual_run" in by_kind
    assert all(a["workout_type"] == 3 for a in by_kind["workout"])
    assert all(
        a["device_watts"] and a["weighted_average_watts"] for a in by_kind["ride"]
    )
    assert all(a["kilojoules"] > 0 for a in by_kind["ride"] + by_kind["virtual"])
    assert all(a["trainer"] and not a["start_latlng"] for a in by_kind["virtual"])
    for swim in by_kind["swim"]:
        assert swim["sport_type"] == "Swim" and swim["map"]["summary_polyline"] == ""
    for gym in by_kind["strength"]:
        assert gym["distance"] == 0 and gym["start_latlng"] == []
    assert all(a["commute"] for a in by_kind["commute"])


def test_a_few_activities_are_private_manual_or_abroad(activities):
    private = [a for a in activities if a["private"]]
    manual = [a for a in activities if a["manual"]]
    zones = {a["timezone"].split(" ", 1)[1] for a in activities}

    assert 3 <= len(private) <= 60 and all(
        a["visibility"] == "only_me" for a in private
    )
    assert 3 <= len(manual) <= 40 and all(
        not a["map"]["summary_polyline"] for a in manual
    )
    assert {"Europe/Amsterdam", "America/New_York", "Asia/Tokyo"} <= zones


def test_races_cover_each_distance_and_get_faster(races):
    assert set(RACE_METRES) <= set(races)
    tens = races["10K"]
    assert tens[-1]["moving_time"] < tens[0]["moving_time"] * 0.95
    assert 2.5 * 3600 < races["marathon"][-1]["moving_time"] < 4.5 * 3600


def test_gear_matches_the_activities_that_use_it(cfg, activities, by_kind):
    gear = {g["id"]: g for g in generate_gear(cfg)}
    totals = collections.Counter()
    for activity in activities:
        if activity["gear_id"]:
            totals[activity["gear_id"]] += activity["distance"]
    shoes = [g for g in gear if g.startswith("g")]
    bikes = [g for g in gear if g.startswith("b")]

    assert len(shoes) == 3 and len(bikes) == 2
    assert sum(gear[g]["retired"] for g in shoes) == 1
    assert all(math.isclose(gear[g]["distance"], totals[g], abs_tol=1) for g in gear)
    assert all(a["gear_id"].startswith("g") for a in by_kind["easy"])
    assert all(a["gear_id"].startswith("b") for a in by_kind["ride"])
    assert all(a["gear_id"] is None for a in by_kind["swim"])


def test_the_retired_shoes_are_not_used_at_the_end(cfg, activities):
    retired = next(g["id"] for g in generate_gear(cfg) if g["retired"])

    last_uses = [a for a in activities[-400:] if a["gear_id"] == retired]

    assert last_uses == []


def test_local_start_is_utc_start_plus_the_zone_offset(activities):
    crossings = 0
    for activity in activities:
        start = datetime.strptime(activity["start_date"], ISO)
        local = datetime.strptime(activity["start_date_local"], ISO)
        zone = ZoneInfo(activity["timezone"].split(" ", 1)[1])
        offset = start.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).utcoffset()

        assert local - start == timedelta(seconds=activity["utc_offset"]) == offset
        crossings += local.date() != start.date()

    assert crossings >= 10


def test_summary_polylines_decode_near_their_town(activities):
    for activity in activities:
        encoded = activity["map"]["summary_polyline"]
        if not encoded:
            continue
        points = polyline.decode(encoded, 5)
        nearest = min(haversine_m(points[0], town) for town in TOWNS.values())

        assert len(points) <= 150
        assert haversine_m(points[0], activity["start_latlng"]) < 5
        assert nearest < 80_000 or race_distance(activity)


def test_routes_repeat(by_kind):
    def used(kinds):
        routes = collections.Counter()
        for kind in kinds:
            for a in by_kind[kind]:
                routes[find_route(a["map"]["summary_polyline"])[0].key] += 1
        return [key for key, count in routes.items() if count >= 5]

    assert len(used(["easy", "long", "workout"])) >= 6
    assert len(used(["ride"])) >= 4


@pytest.mark.parametrize("count", [0, 50_001])
def test_sizes_outside_the_range_are_refused(count):
    with pytest.raises(ValueError):
        DemoConfig(activities=count)
