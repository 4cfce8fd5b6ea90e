"""Elevation gain: hysteresis, smoothing, and no climbing while standing still."""

from __future__ import annotations

import pytest

from athletiq_core.metrics import elevation_gain
from athletiq_core.metrics.elevation import hysteresis_gain
from tests.core.metrics.synthetic import steady, with_values


def _hike(altitudes: list[float]) -> dict:
    streams = steady((len(altitudes) - 1, 1.0))
    return with_values(streams, "altitude", altitudes)


def test_a_clean_climb_counts_its_full_height():
    altitudes = [float(t) * 0.1 for t in range(1001)] + [100.0] * 60

    assert elevation_gain(_hike(altitudes), "Hike") == pytest.approx(100.0, abs=0.01)


def test_noise_below_the_threshold_counts_nothing():
    altitudes = [50.0 + (1.0 if t % 2 else -1.0) for t in range(600)]

    assert elevation_gain(_hike(altitudes), "Hike") == 0.0


def test_climbs_between_descents_add_up():
    up = [float(t) for t in range(101)]
    top, bottom = [100.0] * 20, [0.0] * 20
    altitudes = up + top + up[::-1] + bottom + up[:51] + [50.0] * 30

    assert elevation_gain(_hike(altitudes), "Hike") == pytest.approx(150.0, abs=0.5)


def test_altitude_drift_while_standing_still_is_not_climbing():
    streams = steady((100, 3.0), (300, 0.0), (100, 3.0))
    drift = [100.0] * 101 + [100.0 + t / 30 for t in range(1, 301)] + [110.0] * 100
    streams = with_values(streams, "altitude", drift)

    assert elevation_gain(streams, "Run") == 0.0


def test_no_altitude_means_no_gain():
    assert elevation_gain(steady((10, 3.0))) is None


def test_hysteresis_ignores_swings_smaller_than_the_threshold():
    assert hysteresis_gain([0.0, 2.0, 0.0, 2.0, 0.0], 3.0) == 0.0
    assert hysteresis_gain([0.0, 2.0, 0.0, 4.0, 0.0], 3.0) == 4.0
    assert hysteresis_gain([0.0, 10.0, 5.0, 15.0], 3.0) == 20.0


def test_an_altitude_glitch_faster_than_10_mps_is_dropped():
    # A GPS altitude that starts 87 m too high for three seconds, then a 20 m hill.
    altitudes = [55.0, 142.4, 142.4, 142.4] + [55.0] * 30
    altitudes += [55.0 + t * 0.2 for t in range(1, 101)] + [75.0] * 30

    assert elevation_gain(_hike(altitudes), "Hike") == pytest.approx(20.0, abs=0.01)
