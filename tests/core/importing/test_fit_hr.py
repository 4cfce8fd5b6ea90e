"""Heart rate stored in FIT ``hr`` messages reaches the records that lack it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from athletiq_core.importing.fit_hr import fill_heart_rate, hr_readings

TRIATHLON = "fit/python-fitparse__sample_mulitple_header.fit"
START = datetime(2024, 5, 1, 7, 0, tzinfo=UTC)


def _pack(counters: list[int]) -> tuple[int, ...]:
    value = sum(counter << (12 * i) for i, counter in enumerate(counters))
    return tuple(value.to_bytes(len(counters) * 12 // 8, "little"))


def test_the_swim_leg_of_a_triathlon_gets_the_straps_heart_rate(parse_real):
    swim = parse_real(TRIATHLON)[0]

    heart = swim.streams["heartrate"]
    assert swim.sport_type == "Swim"
    assert all(value is not None for value in heart)
    # The watch's own average for the swim, from the same strap, is 165 bpm.
    assert sum(heart) / len(heart) == pytest.approx(swim.totals.avg_hr, abs=1.0)
    assert max(heart) <= swim.totals.max_hr


def test_records_with_their_own_heart_rate_keep_it(parse_real):
    ride = parse_real(TRIATHLON)[2]

    heart = ride.streams["heartrate"]
    assert sum(heart) / len(heart) == pytest.approx(171.69, abs=0.01)


def test_counters_continue_across_their_four_second_rollover():
    anchor = {
        "timestamp": START,
        "fractional_timestamp": 0.5,
        "event_timestamp": 1000.5,
        "filtered_bpm": 120,
    }
    # 1000.5 s is tick 1024512 (0xFA200); readings every 1.5 s from 1002 s on.
    ticks = [round((1002 + 1.5 * i) * 1024) for i in range(8)]
    batch = {
        "event_timestamp_12": _pack([t & 0xFFF for t in ticks]),
        "filtered_bpm": tuple(range(121, 129)),
    }

    readings = hr_readings([anchor, batch])

    expected = [START + timedelta(seconds=0.5)] + [
        START + timedelta(seconds=0.5 + 1.5 + 1.5 * i) for i in range(8)
    ]
    assert [moment for moment, _ in readings] == expected
    assert [bpm for _, bpm in readings] == list(range(120, 129))


def test_readings_before_any_anchor_are_dropped():
    batch = {"event_timestamp_12": _pack([1, 2]), "filtered_bpm": (100, 101)}

    assert hr_readings([batch]) == []


def test_a_record_far_from_any_reading_gets_none():
    readings = [(START, 140.0)]
    records = [
        {"time": START + timedelta(seconds=3), "heartrate": None},
        {"time": START + timedelta(seconds=30), "heartrate": None},
        {"time": START + timedelta(seconds=4), "heartrate": 150},
    ]

    fill_heart_rate(records, readings)

    assert [r["heartrate"] for r in records] == [140.0, None, 150]
