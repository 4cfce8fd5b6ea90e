"""Kilometre and mile splits."""

from __future__ import annotations

import pytest

from athletiq_core.distances import METRES_PER_MILE
from athletiq_core.metrics import splits
from tests.core.metrics.synthetic import steady, with_values


def test_a_5_5_km_run_has_five_full_km_splits_and_a_partial_one():
    result = splits(steady((1375, 4.0)), 1000.0, "Run")

    assert [s.index for s in result] == [1, 2, 3, 4, 5, 6]
    assert [s.distance_m for s in result] == pytest.approx([1000.0] * 5 + [500.0])
    assert [s.elapsed_s for s in result] == pytest.approx([250.0] * 5 + [125.0])
    assert all(s.pace_s_per_unit == pytest.approx(250.0) for s in result)
    assert all(s.avg_speed_mps == pytest.approx(4.0) for s in result)


def test_mile_splits_count_and_last_partial_mile():
    result = splits(steady((1375, 4.0)), METRES_PER_MILE, "Run")

    assert len(result) == 4
    assert result[-1].distance_m == pytest.approx(5500.0 - 3 * METRES_PER_MILE)
    assert result[0].elapsed_s == pytest.approx(METRES_PER_MILE / 4.0)


def test_a_stop_shows_in_elapsed_but_not_moving_time_of_its_split():
    result = splits(steady((125, 4.0), (60, 0.0), (250, 4.0)), 1000.0, "Run")

    assert result[0].elapsed_s == pytest.approx(310.0)
    assert result[0].moving_s == pytest.approx(250.0)
    assert result[0].pace_s_per_unit == pytest.approx(250.0)


def test_splits_carry_elevation_difference_and_heart_rate():
    streams = steady((500, 4.0))
    streams = with_values(streams, "altitude", [d * 0.01 for d in streams["distance"]])
    streams = with_values(
        streams, "heartrate", [120.0 if t <= 250 else 150.0 for t in streams["time"]]
    )

    first, second = splits(streams, 1000.0, "Run")

    assert first.elevation_diff_m == pytest.approx(10.0)
    assert second.elevation_diff_m == pytest.approx(10.0)
    assert first.avg_hr == pytest.approx(120.0)
    assert second.avg_hr == pytest.approx(150.0)


def test_no_distance_means_no_splits():
    assert splits({"time": [0.0, 1.0], "heartrate": [100.0, 101.0]}, 1000.0) == []


def test_implausibly_long_damaged_distances_get_no_splits():
    # 20,000 km between two samples a fortnight apart: damaged, not a recording.
    streams = {"time": [0.0, 1_209_600.0], "distance": [0.0, 2.0e7]}

    assert splits(streams, 1000.0) == []
