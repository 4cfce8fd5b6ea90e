"""Best efforts: exact interpolation, spike and world-record guards, exclusions."""

from __future__ import annotations

import pytest

from athletiq_core.distances import METRES_PER_MILE
from athletiq_core.metrics import best_efforts, fastest_window
from tests.core.metrics.synthetic import steady

DEGREES_PER_METRE = 1 / 111_195.08  # of latitude, on the mean Earth radius


def _by_key(streams, sport="Run", indoor=False):
    return {e.key: e for e in best_efforts(streams, sport, indoor)}


def test_a_steady_4_mps_run_of_6_km_runs_5k_in_1250_s():
    efforts = _by_key(steady((1500, 4.0)))

    assert efforts["5k"].elapsed_s == pytest.approx(1250.0)
    assert efforts["1k"].elapsed_s == pytest.approx(250.0)
    assert efforts["400m"].elapsed_s == pytest.approx(100.0)
    assert efforts["1_mile"].elapsed_s == pytest.approx(METRES_PER_MILE / 4.0)
    assert "10k" not in efforts


def test_variable_pace_is_interpolated_exactly():
    # 200 m in the first 100 s, 1000 m in the next 100 s, 200 m in the last 100 s.
    times, distances = [0.0, 100.0, 200.0, 300.0], [0.0, 200.0, 1200.0, 1400.0]

    assert fastest_window(times, distances, 1000.0) == (100.0, 1, 2)


def test_the_fastest_window_may_start_between_samples():
    # 2 m/s, then 6 m/s, then 3 m/s. Ending at 300 s, the 1000 m start at 100 m,
    # which is reached at 50 s: 250 s. Starting at 0 s takes 266.7 s.
    times, distances = [0.0, 100.0, 200.0, 300.0], [0.0, 200.0, 800.0, 1100.0]

    elapsed, start, end = fastest_window(times, distances, 1000.0)

    assert elapsed == pytest.approx(250.0)
    assert (start, end) == (0, 3)


def test_the_effort_indices_bracket_the_fastest_stretch():
    # 4 m/s, then 5 m/s from 600 s: the fastest kilometre lies in the second half.
    efforts = _by_key(steady((600, 4.0), (600, 5.0)))

    one_k = efforts["1k"]
    assert one_k.elapsed_s == pytest.approx(200.0)
    assert one_k.start_index >= 600
    assert one_k.end_index - one_k.start_index == pytest.approx(200, abs=1)


def test_a_distance_spike_does_not_make_a_record():
    streams = steady((1000, 4.0))
    # The odometer jumps 300 m in one second at 500 s and keeps the offset.
    streams["distance"] = [
        d + (300.0 if i >= 500 else 0.0) for i, d in enumerate(streams["distance"])
    ]

    efforts = _by_key(streams)

    # Steps are cut to 12 m/s: at most 8 m are gained, 2 s off a 100 s 400 m.
    assert efforts["400m"].elapsed_s >= 98.0
    assert efforts["1k"].elapsed_s >= 248.0


def test_efforts_faster_than_the_world_record_are_rejected():
    # 11 m/s for a kilometre (a car, not a runner): below the 12 m/s step cap,
    # but 400 m in 36 s beats the 43 s world record.
    assert best_efforts(steady((200, 11.0)), "Run", False) == []


def test_indoor_and_non_running_activities_get_no_best_efforts():
    streams = steady((1500, 4.0))

    assert best_efforts(streams, "Run", indoor=True) == []
    assert best_efforts(streams, "Ride", indoor=False) == []
    assert best_efforts(streams, "VirtualRun", indoor=False) == []
    assert best_efforts(streams, "TrailRun", indoor=False)


def test_gps_only_runs_get_best_efforts_from_positions():
    count = 1501
    streams = {
        "time": [float(i) for i in range(count)],
        "lat": [45.0 + 4.0 * i * DEGREES_PER_METRE for i in range(count)],
        "lng": [5.0] * count,
    }

    efforts = _by_key(streams)

    assert efforts["1k"].elapsed_s == pytest.approx(250.0, rel=0.005)
    assert efforts["5k"].elapsed_s == pytest.approx(1250.0, rel=0.005)


def test_a_window_longer_than_the_activity_is_none():
    assert fastest_window([0.0, 10.0], [0.0, 40.0], 400.0) is None
