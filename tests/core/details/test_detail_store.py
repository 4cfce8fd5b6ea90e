"""Details land in real tables; segments and GPX work from local data."""

from __future__ import annotations

import threading

import gpxpy
import pytest
from peewee import fn

from athletiq_core.db.models import (
    Activity,
    BestEffort,
    Lap,
    Segment,
    SegmentEffort,
    Split,
)
from athletiq_core.demo import DemoConfig, generate_detail, generate_streams
from athletiq_core.details import segments
from athletiq_core.details.backfill import Backfill
from athletiq_core.details.gpx import activity_gpx_export
from athletiq_core.details.store import store_detail
from athletiq_core.streams import to_strava
from tests.core.details.conftest import synced_history


def _longest_run(activities):
    runs = [
        a
        for a in activities
        if a["sport_type"] == "Run" and a["map"]["summary_polyline"]
    ]
    return max(runs, key=lambda a: a["distance"])


def _run_with_segments(activities):
    """A run whose demo detail has segment efforts (with its detail)."""
    config = DemoConfig(seed=7)
    for summary in sorted(activities, key=lambda a: a["start_date"], reverse=True):
        if summary["sport_type"] != "Run" or not summary["map"]["summary_polyline"]:
            continue
        detail = generate_detail(config, summary)
        if detail.get("segment_efforts"):
            return summary, detail
    raise AssertionError("the demo history has no run with segments")


def test_a_detail_is_stored_in_tables_with_best_efforts_matched_by_distance(
    db, fake_strava, sim_clock
):
    _session, _athlete, activities = synced_history(fake_strava, sim_clock, 60)
    summary = _longest_run(activities)
    detail = generate_detail(DemoConfig(seed=7, activities=60), summary)
    detail["best_efforts"][0]["name"] = "oddly named 400"
    activity = Activity.get(Activity.strava_id == summary["id"])

    store_detail(activity, detail)

    stored = Activity.get_by_id(activity.id)
    keys = {
        e.distance_key
        for e in BestEffort.select().where(BestEffort.activity == activity)
    }
    assert stored.detail_state == "fetched"
    assert stored.description == detail.get("description")
    assert "400m" in keys and "1k" in keys
    assert len(keys) == len({round(e["distance"]) for e in detail["best_efforts"]})
    assert Split.select().where(Split.kind == "metric").count() == len(
        detail["splits_metric"]
    )
    assert Lap.select().count() == len(detail["laps"])
    assert SegmentEffort.select().count() == len(detail["segment_efforts"])


def test_segment_history_lists_every_local_effort_fastest_first(
    db, fake_strava, sim_clock
):
    session, *_ = synced_history(fake_strava, sim_clock, 80, years=1)
    fake_strava.detail_factory = lambda s: generate_detail(DemoConfig(seed=7), s)
    Backfill(session, wait=sim_clock.wait_until).run()
    segment = (
        Segment.select()
        .join(SegmentEffort)
        .group_by(Segment.id)
        .order_by(fn.COUNT(SegmentEffort.id).desc())
        .first()
    )

    history = segments.history(segment.id, session.athlete.id)

    times = [entry.ranked.effort.elapsed_time for entry in history]
    assert len(history) >= 3
    assert times == sorted(times)
    assert [entry.ranked.rank for entry in history][:2] == [1, 2]
    latest = max(history, key=lambda e: e.ranked.effort.start_date_local)
    delta = segments.effort_delta(latest.ranked.effort.effort_id)
    earlier = [
        e.ranked.effort.elapsed_time
        for e in history
        if e.ranked.effort.start_date_local < latest.ranked.effort.start_date_local
    ]
    assert delta.delta_vs_previous_best_s == latest.ranked.effort.elapsed_time - min(
        earlier
    )


def test_finding_previous_efforts_fetches_only_candidate_activities(
    db, fake_strava, sim_clock
):
    session, _athlete, activities = synced_history(fake_strava, sim_clock, 300)
    fake_strava.read_limits = (10_000, 100_000)
    fake_strava.detail_factory = lambda s: generate_detail(DemoConfig(seed=7), s)
    summary, detail = _run_with_segments(activities)
    store_detail(Activity.get(Activity.strava_id == summary["id"]), detail)
    segment = Segment.select().first()
    candidates = segments.candidate_activities(segment, session.athlete.id)
    missing = Activity.select().where(Activity.detail_state == "missing").count()
    fake_strava.requests.clear()
    events = []

    result = segments.find_previous_efforts(
        session, segment.id, on_progress=events.append, wait=sim_clock.wait_until
    )

    assert 0 < len(candidates) < missing
    assert len(fake_strava.api_requests("/activities/")) == len(candidates)
    assert result.checked == result.total == len(candidates)
    assert result.found > 0
    assert events[-1].checked == len(candidates)


def test_a_segment_scan_can_be_cancelled(db, fake_strava, sim_clock):
    session, _athlete, activities = synced_history(fake_strava, sim_clock, 300)
    summary, detail = _run_with_segments(activities)
    store_detail(Activity.get(Activity.strava_id == summary["id"]), detail)
    stop = threading.Event()

    def cancel_after_two(progress):
        if progress.checked >= 2:
            stop.set()

    result = segments.find_previous_efforts(
        session,
        Segment.select().first().id,
        on_progress=cancel_after_two,
        stop=stop,
        wait=sim_clock.wait_until,
    )

    assert result.checked == 2 < result.total


def test_gpx_export_round_trips_with_the_same_points_and_times(
    db, fake_strava, sim_clock
):
    session, _athlete, activities = synced_history(fake_strava, sim_clock, 30)
    summary = _longest_run(activities)
    streams = generate_streams(DemoConfig(seed=7), summary)
    fake_strava.streams[summary["id"]] = to_strava(streams)
    activity = Activity.get(Activity.strava_id == summary["id"])

    text, filename = activity_gpx_export(activity, session)

    parsed = gpxpy.parse(text)
    points = [p for t in parsed.tracks for s in t.segments for p in s.points]
    assert len(points) == len(streams["time"])
    assert (points[-1].time - points[0].time).total_seconds() == pytest.approx(
        streams["time"][-1] - streams["time"][0]
    )
    assert filename.endswith(f"_{summary['id']}.gpx")
    fake_strava.requests.clear()
    activity_gpx_export(activity, session)
    assert fake_strava.api_requests() == []
