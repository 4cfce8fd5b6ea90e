"""The Strava export sample: our figures from its FIT against Strava's CSV row."""

from __future__ import annotations

import csv

import pytest

from athletiq_core.importing.parsers import parse_file
from athletiq_core.metrics import derive
from tests.core.importing.realdata import EXPORT_DIR

# activities.csv repeats column names; these are 0-based positions (SOURCES.md).
ELAPSED, FILENAME, MOVING, DISTANCE_M, MAX_SPEED = 15, 12, 16, 17, 18


@pytest.fixture(scope="module")
def export(real_data_dir):
    with (EXPORT_DIR / "activities.csv").open(newline="", encoding="utf-8") as handle:
        row = list(csv.reader(handle))[1]
    (activity,) = parse_file(EXPORT_DIR / row[FILENAME])
    return row, activity, derive(activity)


def test_distance_and_times_match_strava(export):
    row, activity, derived = export

    assert activity.sport_type == "Run"
    assert derived.distance_m == pytest.approx(float(row[DISTANCE_M]), rel=0.01)
    assert derived.moving_time_s == pytest.approx(float(row[MOVING]), rel=0.02)
    assert derived.elapsed_time_s == pytest.approx(float(row[ELAPSED]), abs=1.0)


def test_best_efforts_cover_the_distances_of_a_3_3_km_run(export):
    _, _, derived = export

    keys = [effort.key for effort in derived.best_efforts]

    assert keys == ["400m", "half_mile", "1k", "1_mile", "2_mile"]


def test_no_best_effort_is_faster_than_strava_max_speed(export):
    row, _, derived = export
    max_speed = float(row[MAX_SPEED])

    for effort in derived.best_efforts:
        assert effort.distance_m / effort.elapsed_s <= max_speed


def test_longer_best_efforts_take_longer_and_are_not_faster(export):
    _, _, derived = export
    efforts = derived.best_efforts

    for shorter, longer in zip(efforts, efforts[1:], strict=False):
        assert longer.elapsed_s > shorter.elapsed_s
        assert (
            longer.distance_m / longer.elapsed_s
            <= shorter.distance_m / shorter.elapsed_s * 1.05
        )
        assert (
            longer.end_index - longer.start_index
            >= shorter.end_index - shorter.start_index - 2
        )
