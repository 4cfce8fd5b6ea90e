"""Segment maths: effort deltas and ranks, distances, and passing a segment."""

import math
import time
from datetime import datetime, timedelta

import polyline
import pytest

from athletiq_core.segments_math import (
    SegmentEffortRow,
    UnknownEffortError,
    bounding_box,
    decode_polyline,
    delta_vs_pr,
    haversine_m,
    min_distance_to_polyline_m,
    passes_near,
    segment_history,
)

METRES_PER_DEGREE_LAT = 111_195.0
TOWN = (51.5, -0.1)


def effort(effort_id: int, seconds: int, day: int) -> SegmentEffortRow:
    return SegmentEffortRow(
        effort_id, effort_id * 10, seconds, datetime(2026, 1, day, 8)
    )


def offset(origin, north_m: float, east_m: float):
    lat = origin[0] + north_m / METRES_PER_DEGREE_LAT
    lng = origin[1] + east_m / (METRES_PER_DEGREE_LAT * math.cos(math.radians(lat)))
    return lat, lng


def line(start, end, steps: int):
    return [
        (
            start[0] + (end[0] - start[0]) * k / steps,
            start[1] + (end[1] - start[1]) * k / steps,
        )
        for k in range(steps + 1)
    ]


# Δ vs PR


def test_a_faster_effort_is_a_new_pr_with_a_negative_delta():
    efforts = [effort(1, 300, 1), effort(2, 290, 2), effort(3, 280, 3)]

    result = delta_vs_pr(efforts, 3)

    assert result.is_new_pr
    assert result.delta_vs_previous_best_s == -10
    assert result.previous_best_s == 290
    assert result.all_time_rank == 1


def test_a_tie_with_the_pr_is_zero_seconds_and_not_a_new_pr():
    efforts = [effort(1, 300, 1), effort(2, 300, 2)]

    result = delta_vs_pr(efforts, 2)

    assert result.delta_vs_previous_best_s == 0
    assert not result.is_new_pr
    assert result.all_time_rank == 2  # the earlier effort keeps the tie


def test_the_current_effort_is_not_counted_twice():
    current = effort(2, 280, 2)

    result = delta_vs_pr([effort(1, 300, 1), current, current], 2)

    assert result.is_new_pr
    assert result.delta_vs_previous_best_s == -20
    assert result.total_attempts == 2
    assert result.earlier_attempts == 1


def test_a_later_faster_effort_makes_an_old_pr_rank_second():
    efforts = [effort(1, 300, 1), effort(2, 280, 2), effort(3, 270, 3)]

    result = delta_vs_pr(efforts, 2)

    assert result.is_new_pr  # it was a PR on the day
    assert result.delta_vs_previous_best_s == -20
    assert result.all_time_rank == 2
    assert result.all_time_best_s == 270
    assert result.delta_vs_all_time_best_s == 10


def test_a_first_attempt_has_no_delta_and_is_not_called_a_pr():
    result = delta_vs_pr([effort(5, 400, 9), effort(6, 380, 10)], 5)

    assert result.is_first_attempt
    assert not result.is_new_pr
    assert result.delta_vs_previous_best_s is None
    assert result.previous_best_s is None
    assert result.all_time_rank == 2


def test_a_slower_effort_shows_how_far_off_the_pr_it_was():
    efforts = [effort(1, 300, 1), effort(2, 280, 2), effort(3, 295, 3)]

    result = delta_vs_pr(efforts, 3)

    assert not result.is_new_pr
    assert result.delta_vs_previous_best_s == 15
    assert result.all_time_rank == 2


def test_an_unknown_effort_raises():
    with pytest.raises(UnknownEffortError, match="99"):
        delta_vs_pr([effort(1, 300, 1)], 99)


def test_history_is_fastest_first_with_ties_to_the_earlier_date():
    efforts = [
        effort(1, 300, 5),
        effort(2, 280, 4),
        effort(3, 300, 2),
        effort(2, 280, 4),
    ]

    history = segment_history(efforts)

    assert [(r.rank, r.effort.effort_id) for r in history] == [(1, 2), (2, 3), (3, 1)]
    assert [r.behind_best_s for r in history] == [0, 20, 20]
    assert history[1].date.isoformat() == "2026-01-02"
    assert segment_history([]) == []


# Geometry


def test_haversine_matches_a_known_distance():
    london, paris = (51.5074, -0.1278), (48.8566, 2.3522)

    assert haversine_m(london, paris) == pytest.approx(343_550, rel=0.002)
    assert haversine_m(TOWN, TOWN) == 0


@pytest.mark.parametrize("north_m", [5.0, 30.0, 80.0])
def test_distance_to_a_polyline_is_within_a_metre_of_haversine(north_m):
    west, east = offset(TOWN, 0, -500), offset(TOWN, 0, 500)
    point = offset(TOWN, north_m, 0)

    distance = min_distance_to_polyline_m(point, [west, east])

    assert distance == pytest.approx(haversine_m(point, TOWN), abs=1.0)


def test_distance_beyond_the_end_of_a_polyline_is_to_its_last_point():
    track = [TOWN, offset(TOWN, 0, 100)]
    point = offset(TOWN, 0, 140)

    assert min_distance_to_polyline_m(point, track) == pytest.approx(40, abs=0.5)
    assert min_distance_to_polyline_m(point, [TOWN]) == pytest.approx(140, abs=0.5)
    assert min_distance_to_polyline_m(point, []) == math.inf


SEGMENT_START = offset(TOWN, 1000, 0)
SEGMENT_END = offset(TOWN, 1000, 600)


def town_loop(clockwise: bool):
    """A 2 km square round the town whose north side runs west to east through the
    segment when clockwise; sparse corners like a summary polyline."""
    corners = [
        offset(TOWN, -1000, -1000),
        offset(TOWN, 1000, -1000),
        offset(TOWN, 1000, 1000),
        offset(TOWN, -1000, 1000),
        offset(TOWN, -1000, -1000),
    ]
    return corners if clockwise else corners[::-1]


def test_a_loop_round_town_passes_the_segment_in_its_direction():
    assert passes_near(town_loop(clockwise=True), SEGMENT_START, SEGMENT_END)


def test_the_same_loop_ridden_the_other_way_does_not():
    assert not passes_near(town_loop(clockwise=False), SEGMENT_START, SEGMENT_END)


def test_a_loop_passing_the_end_first_counts_when_it_comes_round_again():
    reversed_once = town_loop(clockwise=False)
    then_clockwise = town_loop(clockwise=True)

    assert passes_near(reversed_once + then_clockwise, SEGMENT_START, SEGMENT_END)


def test_a_track_that_passes_the_start_but_not_the_end_does_not_count():
    north_from_town = line(TOWN, offset(TOWN, 1300, 0), 20)

    assert not passes_near(north_from_town, SEGMENT_START, SEGMENT_END)


def test_a_track_a_little_off_the_segment_counts_within_the_radius():
    parallel = line(offset(TOWN, 1040, -200), offset(TOWN, 1040, 900), 3)

    assert passes_near(parallel, SEGMENT_START, SEGMENT_END, radius_m=50)
    assert not passes_near(parallel, SEGMENT_START, SEGMENT_END, radius_m=30)


def test_a_track_elsewhere_is_rejected_and_an_empty_one_is_false():
    far_away = line((48.85, 2.35), (48.86, 2.36), 10)

    assert not passes_near(far_away, SEGMENT_START, SEGMENT_END)
    assert not passes_near([], SEGMENT_START, SEGMENT_END)


def test_a_cached_bounding_box_gives_the_same_answer():
    track = town_loop(clockwise=True)

    assert passes_near(track, SEGMENT_START, SEGMENT_END, box=bounding_box(track))


def test_a_summary_polyline_encoded_by_strava_is_decoded_and_matched():
    encoded = polyline.encode(town_loop(clockwise=True), 5)

    track = decode_polyline(encoded)

    assert len(track) == 5
    assert track[0] == pytest.approx(town_loop(clockwise=True)[0], abs=1e-5)
    assert passes_near(track, SEGMENT_START, SEGMENT_END)


@pytest.mark.parametrize("empty", ["", None, "not a polyline ~~~", "\x00", "_p~iF"])
def test_empty_or_garbled_polylines_decode_to_nothing(empty):
    assert decode_polyline(empty) == []


def test_json_escaped_backslashes_are_repaired():
    points = [(51.5, -0.1), (51.49985, -0.1)]  # a 15e-5 degree drop encodes as "\"
    encoded = polyline.encode(points, 5)
    assert encoded.count("\\") == 1

    repaired = decode_polyline(encoded.replace("\\", "\\\\"))

    assert [c for p in repaired for c in p] == pytest.approx(
        [51.5, -0.1, 51.49985, -0.1]
    )
    assert decode_polyline(encoded) == repaired


def test_thousands_of_polylines_are_checked_quickly():
    # Each box holds the segment, so every leg of every track has to be looked at.
    tracks = [
        line(offset(TOWN, -900, -900 + k % 50), offset(TOWN, 1100, 900), 499)
        for k in range(2000)
    ]
    assert all(min_distance_to_polyline_m(SEGMENT_END, t) > 50 for t in tracks[:50])

    started = time.perf_counter()
    hits = sum(passes_near(t, SEGMENT_START, SEGMENT_END) for t in tracks)
    elapsed = timedelta(seconds=time.perf_counter() - started)

    assert hits == 0
    assert elapsed < timedelta(seconds=3)
