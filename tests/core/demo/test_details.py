"""Details, streams and files of demo activities agree with their summaries."""

from __future__ import annotations

import collections
import json
import math

import fitdecode
import gpxpy
import polyline
import pytest

from athletiq_core.demo import (
    generate_athlete,
    generate_detail,
    generate_streams,
    segment_catalogue,
    write_fit,
    write_gpx,
)
from athletiq_core.demo.fitcodec import crc16
from athletiq_core.demo.geo import haversine_m
from athletiq_core.streams import validate

ISO = "%Y-%m-%dT%H:%M:%SZ"


def test_details_agree_with_their_summary(cfg, sample):
    catalogue = {s["id"] for s in segment_catalogue()}
    for summary in sample:
        detail = generate_detail(cfg, summary)
        split_sum = sum(s["distance"] for s in detail["splits_metric"])
        lap_sum = sum(lap["distance"] for lap in detail["laps"])

        assert detail["resource_state"] == 3 and detail["id"] == summary["id"]
        if detail["splits_metric"]:
            assert math.isclose(split_sum, summary["distance"], rel_tol=0.01)
            assert math.isclose(lap_sum, summary["distance"], rel_tol=0.01)
        for effort in detail.get("best_efforts", []):
            assert effort["distance"] <= summary["distance"] * 1.001
            assert (
                effort["elapsed_time"] * 0.95
                < effort["end_index"] - effort["start_index"] + 1
            )
        assert {e["segment"]["id"] for e in detail["segment_efforts"]} <= catalogue
        efforts = detail.get("best_efforts", []) + detail["segment_efforts"]
        awarded = sum(len(e["achievements"]) for e in efforts)
        assert awarded <= summary["achievement_count"]


def test_a_detail_depends_only_on_its_summary(cfg, races):
    summary = json.loads(json.dumps(races["10K"][-1]))

    first = generate_detail(cfg, summary)
    again = generate_detail(cfg, json.loads(json.dumps(summary)))

    assert json.dumps(first) == json.dumps(again)
    assert first["best_efforts"] and first["pr_count"] == summary["pr_count"]


def test_best_efforts_use_strava_names_and_only_covered_distances(cfg, by_kind, races):
    marathon = races["marathon"][-1]
    names = collections.Counter()
    for run in by_kind["easy"][:30] + [marathon]:
        detail = generate_detail(cfg, run)
        distances = [e["distance"] for e in detail["best_efforts"]]
        names.update(e["name"] for e in detail["best_efforts"])

        assert distances == sorted(distances) and max(distances) <= run["distance"]
    times = {
        e["distance"]: e["elapsed_time"]
        for e in generate_detail(cfg, marathon)["best_efforts"]
    }

    assert 42195 in times and times[42195] <= marathon["elapsed_time"]
    assert times[5000] * 8 < times[42195]
    assert names["5K"] and names["5k"] and names["2 mile"] and names["2 miles"]


def test_segment_efforts_and_laps_carry_64_bit_ids(cfg, by_kind):
    ids = []
    for ride in by_kind["ride"][-8:]:
        detail = generate_detail(cfg, ride)
        ids += [e["id"] for e in detail["segment_efforts"]]
        ids += [lap["id"] for lap in detail["laps"]]

    assert ids and any(i > 2**53 for i in ids) and max(ids) < 2**63


def _off_route(point, route) -> float:
    """Metres from ``point`` to the nearest piece of the ``route`` polyline."""
    scale = math.cos(math.radians(point[0]))
    xy = [
        ((lng - point[1]) * scale * 111_195, (lat - point[0]) * 111_195)
        for lat, lng in route
    ]
    best = math.inf
    for (x0, y0), (x1, y1) in zip(xy, xy[1:], strict=False):
        dx, dy = x1 - x0, y1 - y0
        along = -(x0 * dx + y0 * dy) / (dx * dx + dy * dy or 1.0)
        t = max(0.0, min(1.0, along))
        best = min(best, math.hypot(x0 + t * dx, y0 + t * dy))
    return best


def test_streams_follow_the_summary(cfg, sample):
    for summary in sample:
        streams = generate_streams(cfg, summary)
        if summary["manual"]:
            assert streams == {}
            continue
        validate(streams)
        assert math.isclose(
            sum(streams["moving"]), summary["moving_time"], rel_tol=0.01
        )
        if summary["distance"]:
            assert math.isclose(
                streams["distance"][-1], summary["distance"], rel_tol=0.01
            )
        if summary["start_latlng"]:
            track = list(zip(streams["lat"], streams["lng"], strict=True))
            route = polyline.decode(summary["map"]["summary_polyline"], 5)
            assert haversine_m(track[0], summary["start_latlng"]) < 25
            assert max(_off_route(p, route) for p in track[::97]) < 40
        assert ("watts" in streams) == bool(summary.get("device_watts"))


def _shortest(activities: list[dict]) -> dict:
    return min(activities, key=lambda a: a["elapsed_time"])


def test_fit_files_are_read_back_by_fitdecode(cfg, by_kind, tmp_path):
    for summary in [_shortest(by_kind[kind]) for kind in ("ride", "easy", "swim")]:
        path = write_fit(cfg, summary, tmp_path / f"{summary['id']}.fit")
        names = collections.Counter()
        with fitdecode.FitReader(path, check_crc=fitdecode.CrcCheck.RAISE) as reader:
            frames = [f for f in reader if isinstance(f, fitdecode.FitDataMessage)]
        names.update(frame.name for frame in frames)
        session = next(f for f in frames if f.name == "session")

        assert names["record"] == summary["elapsed_time"] + 1
        assert names["file_id"] == names["activity"] == 1 and names["lap"] >= 1
        assert math.isclose(
            session.get_value("total_distance"), summary["distance"], abs_tol=0.1
        )


def test_gpx_files_are_read_back_by_gpxpy(cfg, by_kind, tmp_path):
    summary = _shortest(by_kind["walk"])
    path = write_gpx(cfg, summary, tmp_path / "trail.gpx")

    gpx = gpxpy.parse(path.read_text(encoding="utf-8"))
    points = gpx.tracks[0].segments[0].points

    assert len(points) == summary["elapsed_time"] + 1
    assert gpx.tracks[0].name == summary["name"]
    assert points[0].time.strftime(ISO) == summary["start_date"]
    assert "hr" in points[10].extensions[0][0].tag
    with pytest.raises(ValueError):
        write_gpx(cfg, by_kind["virtual"][0], tmp_path / "indoor.gpx")


def test_the_fast_fit_crc_matches_fit_tools():
    from fit_tool.utils.crc import crc16 as reference

    data = bytes(range(256)) * 7 + b"odd"

    assert all(
        crc16(data[:n]) == reference(data[:n]) for n in (0, 1, 9, 333, len(data))
    )


def test_the_athlete_has_gear_a_birth_date_and_an_ftp(cfg):
    athlete = generate_athlete(cfg)

    assert athlete["athletiq_birthdate"] == "1978-04-12"
    assert len(athlete["shoes"]) == 3 and len(athlete["bikes"]) == 2
    assert athlete["sex"] in ("M", "F") and 150 < athlete["ftp"] < 350


def test_segments_have_strava_fields():
    catalogue = segment_catalogue()

    assert len(catalogue) >= 15
    assert {s["activity_type"] for s in catalogue} == {"Run", "Ride"}
    assert all(s["distance"] > 100 and len(s["start_latlng"]) == 2 for s in catalogue)
