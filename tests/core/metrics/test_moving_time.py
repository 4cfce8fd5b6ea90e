"""Moving time: stops, pauses, sparse recording, sport thresholds."""

from __future__ import annotations

import pytest

from athletiq_core.metrics import elapsed_time, moving_time
from tests.core.metrics.synthetic import steady


def test_a_stop_is_not_moving_time():
    streams = steady((600, 4.0), (120, 0.0), (600, 4.0))

    assert moving_time(streams, "Run") == pytest.approx(1200.0)
    assert elapsed_time(streams) == pytest.approx(1320.0)


def test_an_auto_pause_gap_without_distance_is_not_moving():
    streams = steady((600, 4.0))
    streams["time"] += [streams["time"][-1] + 300.0]
    streams["distance"] += [streams["distance"][-1]]

    assert moving_time(streams, "Run") == pytest.approx(600.0)
    assert elapsed_time(streams) == pytest.approx(900.0)


def test_a_long_gap_covered_at_speed_is_moving():
    # Smart recording on a straight road: one sample after 120 s, 600 m on.
    streams = steady((60, 5.0))
    streams["time"] += [streams["time"][-1] + 120.0]
    streams["distance"] += [streams["distance"][-1] + 600.0]

    assert moving_time(streams, "Ride") == pytest.approx(180.0)


def test_the_threshold_depends_on_the_sport():
    streams = steady((300, 0.7))  # a slow shuffle: moving on foot, not on a bike

    assert moving_time(streams, "Walk") == pytest.approx(300.0)
    assert moving_time(streams, "Ride") == 0.0


def test_without_any_speed_every_recorded_interval_counts_up_to_five_minutes():
    times = [float(t) for t in range(601)] + [1200.0, 1201.0]
    streams = {"time": times, "watts": [200.0] * len(times)}

    # 600 s, then a 599 s gap (timer stopped), then one more second.
    assert moving_time(streams, "Ride") == pytest.approx(601.0)


def test_a_speed_sensor_alone_gives_moving_time():
    times = [float(t) for t in range(301)]
    velocity = [0.0] * 101 + [8.0] * 200  # each value closes an interval

    assert moving_time({"time": times, "velocity": velocity}, "Ride") == pytest.approx(
        200.0
    )


def test_empty_streams_have_no_time():
    assert moving_time({}) == 0.0
    assert elapsed_time({}) == 0.0


def test_a_stop_shorter_than_fifteen_seconds_is_still_moving():
    streams = steady((600, 4.0), (12, 0.0), (600, 4.0), (20, 0.0), (600, 4.0))

    # The 12 s wait at a crossing counts; the 20 s stop does not.
    assert moving_time(streams, "Run") == pytest.approx(1812.0)


def test_standing_still_before_the_start_and_after_the_finish_is_not_moving():
    streams = steady((10, 0.0), (600, 4.0), (10, 0.0))

    assert moving_time(streams, "Run") == pytest.approx(600.0)


def test_the_device_timer_decides_when_it_paused():
    # Auto-pause stopped the timer from 600 s to 720 s; the slow minute after it
    # (pushing the bike up a steep ramp) ran on the timer and counts.
    streams = steady((600, 6.0), (120, 0.0), (60, 0.5), (600, 6.0))

    assert moving_time(streams, "Ride") == pytest.approx(1200.0)
    assert moving_time(streams, "Ride", pauses=[(600.0, 720.0)]) == pytest.approx(
        1260.0
    )


def test_an_interval_across_a_pause_counts_only_its_running_part():
    streams = {"time": [0.0, 10.0, 100.0, 110.0], "distance": [0, 60, 70, 130]}

    assert moving_time(streams, "Ride", pauses=[(20.0, 95.0)]) == pytest.approx(35.0)


def test_a_triathlon_transition_is_timed_in_full():
    # Running into the changeover area, then 90 s changing shoes.
    streams = steady((30, 3.0), (90, 0.0), (30, 3.0))

    assert moving_time(streams, "Transition") == pytest.approx(150.0)
    assert moving_time(streams, "Run") == pytest.approx(60.0)
