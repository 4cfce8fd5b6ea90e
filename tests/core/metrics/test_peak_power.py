"""Peak power over standard durations, time-weighted."""

from __future__ import annotations

import pytest

from athletiq_core.metrics import peak_power


def _ride(watts: list[float]) -> dict:
    return {"time": [float(t) for t in range(len(watts))], "watts": watts}


def test_a_known_series_gives_known_peaks():
    watts = [200.0] * 601
    watts[101:106] = [1000.0] * 5  # five seconds at 1000 W

    peaks = peak_power(_ride(watts))

    assert peaks[5] == pytest.approx(1000.0)
    assert peaks[10] == pytest.approx(600.0)
    assert peaks[30] == pytest.approx((5 * 1000 + 25 * 200) / 30)
    assert peaks[60] == pytest.approx((5 * 1000 + 55 * 200) / 60)
    assert peaks[600] == pytest.approx((5 * 1000 + 595 * 200) / 600)
    assert 1200 not in peaks


def test_irregular_sampling_is_weighted_by_time():
    # Each value holds over the interval before it: 1 s at 100 W, 2 s at 200 W,
    # 3 s at 300 W, 4 s at 400 W. The best 5 s: 1 s at 300 W and 4 s at 400 W.
    streams = {
        "time": [0.0, 1.0, 3.0, 6.0, 10.0],
        "watts": [0.0, 100.0, 200.0, 300.0, 400.0],
    }

    assert peak_power(streams)[5] == pytest.approx(380.0)


def test_a_pause_counts_as_zero_watts():
    times = (
        [float(t) for t in range(11)] + [110.0] + [float(t) for t in range(111, 121)]
    )
    streams = {"time": times, "watts": [300.0] * len(times)}

    # 30 s always spans the 100 s pause around at most 10 s of pedalling.
    assert peak_power(streams)[30] == pytest.approx(100.0)


def test_missing_samples_count_as_zero_and_no_watts_means_no_peaks():
    assert peak_power(_ride([300.0, None, None, 300.0, 300.0, 300.0]))[
        5
    ] == pytest.approx(180.0)
    assert peak_power({"time": [0.0, 1.0]}) == {}
