"""Distance: haversine, GPS spikes, odometer catch-ups and interleaved sources."""

from __future__ import annotations

import pytest

from athletiq_core.metrics import distance_series, gps_distance, haversine_m
from tests.core.metrics.synthetic import steady

METRE = 1 / 111_195.08  # degrees of latitude


def _track(count: int, step_m: float) -> dict:
    return {
        "time": [float(i) for i in range(count)],
        "lat": [45.0 + i * step_m * METRE for i in range(count)],
        "lng": [5.0] * count,
    }


def test_one_degree_of_latitude_is_111_km():
    assert haversine_m(0.0, 0.0, 1.0, 0.0) == pytest.approx(111_195.08, rel=1e-6)


def test_gps_distance_sums_the_track():
    assert gps_distance(_track(100, 10.0))[-1] == pytest.approx(990.0, abs=0.1)


def test_a_gps_spike_adds_nothing():
    track = _track(100, 10.0)
    track["lat"][50] += 1000.0 * METRE  # one fix a kilometre off, for one second

    assert gps_distance(track)[-1] == pytest.approx(990.0, abs=0.1)


def test_a_wrong_first_fix_does_not_freeze_the_distance():
    track = _track(200, 4.0)
    track["lat"][0] -= 5000.0 * METRE

    assert gps_distance(track, max_speed_mps=12.0)[-1] > 0.9 * 796.0


def test_no_positions_means_no_gps_distance():
    assert gps_distance({"time": [0.0, 1.0]}) is None


def test_an_odometer_catch_up_after_a_stall_is_kept_and_spread():
    streams = steady((60, 4.0))
    stalled = streams["distance"][30]
    # Signal lost for 30 s: the distance stands still, then jumps 120 m at once.
    streams["distance"][31:60] = [stalled] * 29

    cleaned = distance_series(streams, "Run")

    assert cleaned[-1] == pytest.approx(240.0)
    assert cleaned[45] == pytest.approx(180.0)


def test_an_interleaved_odometer_falls_back_to_the_speed_sensor():
    times = [float(t) for t in range(200)]
    ahead = [50.0 + 10.0 * t for t in times]
    behind = [10.0 * t for t in times]
    streams = {
        "time": times,
        "distance": [ahead[i] if i % 2 else behind[i] for i in range(200)],
        "velocity": [10.0] * 200,
    }

    assert distance_series(streams, "Ride")[-1] == pytest.approx(1990.0)
