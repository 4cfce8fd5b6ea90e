"""derive(): one bundle of metrics from streams or from a parsed activity."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from athletiq_core.importing.parsed import ParsedActivity, SwimLength
from athletiq_core.metrics import (
    best_efforts,
    derive,
    elevation_gain,
    moving_time,
    splits,
)
from tests.core.metrics.synthetic import steady, with_values


def test_bare_streams_give_every_metric():
    streams = steady((1375, 4.0))
    streams = with_values(streams, "heartrate", [150.0] * len(streams["time"]))

    metrics = derive(streams, "Run")

    assert metrics.distance_m == pytest.approx(5500.0)
    assert metrics.moving_time_s == pytest.approx(1375.0)
    assert metrics.elapsed_time_s == pytest.approx(1375.0)
    assert metrics.avg_speed_mps == pytest.approx(4.0)
    assert metrics.max_speed_mps == pytest.approx(4.0)
    assert metrics.avg_hr == pytest.approx(150.0)
    assert len(metrics.splits_metric) == 6
    assert len(metrics.splits_standard) == 4
    assert [e.key for e in metrics.best_efforts][-1] == "5k"
    assert metrics.peak_power == {}
    assert metrics.elevation_gain_m is None


def test_a_pool_swim_takes_distance_and_moving_time_from_its_lengths():
    lengths = [SwimLength(start_offset_s=30.0 * i, elapsed_s=25.0) for i in range(8)]
    lengths.append(SwimLength(start_offset_s=240.0, elapsed_s=60.0, active=False))
    swim = ParsedActivity(
        source_format="fit",
        sport_type="Swim",
        start_utc=datetime(2024, 1, 1, tzinfo=UTC),
        streams={"time": [0.0, 300.0]},
        lengths=lengths,
        pool_length_m=25.0,
        indoor=True,
    )

    metrics = derive(swim)

    assert metrics.distance_m == 200.0
    assert metrics.moving_time_s == 200.0
    assert metrics.best_efforts == []


def test_the_parsed_sport_and_indoor_flag_can_be_overridden():
    run = ParsedActivity(
        source_format="gpx",
        sport_type="Run",
        start_utc=datetime(2024, 1, 1, tzinfo=UTC),
        streams=steady((300, 4.0)),
    )

    assert derive(run).best_efforts
    assert derive(run, indoor=True).best_efforts == []
    assert derive(run, sport_type="Ride").best_efforts == []


def test_derive_gives_what_each_metric_gives_on_its_own():
    streams = with_values(
        steady((600, 3.5), (40, 0.0), (1200, 3.0)),
        "altitude",
        [100.0 + (t % 300) / 10 for t in range(1841)],
    )

    metrics = derive(streams, "Run")

    assert metrics.moving_time_s == moving_time(streams, "Run")
    assert metrics.elevation_gain_m == elevation_gain(streams, "Run")
    assert metrics.splits_metric == splits(streams, 1000.0, "Run")
    assert metrics.best_efforts == best_efforts(streams, "Run", indoor=False)
    assert metrics.best_efforts
