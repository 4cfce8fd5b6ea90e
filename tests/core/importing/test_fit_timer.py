"""Timer pauses read from FIT timer events, and what they do to moving time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from athletiq_core.importing.fit_timer import timer_pauses

START = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)


def _at(seconds: float) -> datetime:
    return START + timedelta(seconds=seconds)


def test_auto_pauses_of_an_edge_530_add_up_to_elapsed_minus_timer(parse_real):
    (ride,) = parse_real("fit/tormoder-fit__garmin.fit")
    paused = sum(end - start for start, end in ride.pauses)

    assert len(ride.pauses) == 34
    assert paused == pytest.approx(ride.totals.elapsed_s - ride.totals.timer_s, abs=2.0)


def test_a_recording_without_pauses_has_none(parse_real):
    (run,) = parse_real("fit/GoldenCheetah__10kUNLP2014-Garmin15.fit")

    assert run.pauses == []


def test_every_leg_of_a_multisport_file_gets_only_its_own_pauses(parse_real):
    legs = parse_real("fit/python-fitparse__sample_mulitple_header.fit")

    assert [leg.pauses for leg in legs] == [[]] * 5


def test_the_final_stop_is_no_pause_and_a_repeated_stop_keeps_the_first():
    events = [
        (_at(0), True),
        (_at(100), False),
        (_at(105), False),
        (_at(160), True),
        (_at(900), False),
    ]

    assert timer_pauses(events, START, None) == [(100.0, 160.0)]


def test_events_outside_the_leg_are_ignored():
    events = [(_at(50), False), (_at(70), True), (_at(400), False), (_at(500), True)]

    assert timer_pauses(events, _at(60), _at(300)) == []
