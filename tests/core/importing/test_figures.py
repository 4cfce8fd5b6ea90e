"""Which totals an imported activity shows: the device's own, or ours."""

from __future__ import annotations

import copy

import pytest

from athletiq_core.importing.figures import shown_totals
from athletiq_core.metrics import derive

EDGE_530 = "fit/tormoder-fit__garmin.fit"


def test_the_devices_distance_and_climb_are_shown(parse_real, derive_real):
    (ride,) = parse_real(
        "fit/GoldenCheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit"
    )
    (derived,) = derive_real(
        "fit/GoldenCheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit"
    )

    shown = shown_totals(ride, derived)

    assert derived.elevation_gain_m < 300
    assert shown.elevation_gain_m == pytest.approx(351.0)
    assert shown.distance_m == pytest.approx(34133.2, abs=0.1)
    assert shown.avg_speed_mps == pytest.approx(34133.2 / shown.moving_time_s)


@pytest.mark.parametrize("share", [0.5, 2.0])
def test_totals_that_disagree_with_the_records_are_not_shown(parse_real, share):
    (ride,) = copy.deepcopy(parse_real(EDGE_530))
    ride.totals.distance_m *= share
    ride.totals.ascent_m *= share

    shown = shown_totals(ride, derive(ride))

    assert shown.distance_m == pytest.approx(66802.3, rel=0.001)
    assert shown.elevation_gain_m == pytest.approx(derive(ride).elevation_gain_m)


def test_a_damaged_recording_shows_what_was_recovered(parse_real):
    (ride,) = copy.deepcopy(parse_real(EDGE_530))
    ride.damaged = True

    shown = shown_totals(ride, derive(ride))

    assert shown.elevation_gain_m == pytest.approx(derive(ride).elevation_gain_m)


def test_a_moving_time_equal_to_the_elapsed_time_is_not_shown(parse_real, derive_real):
    name = "fit/GoldenCheetah__Move_2020_01_15_19_27_16_Running.fit"
    (run,), (derived,) = parse_real(name), derive_real(name)

    shown = shown_totals(run, derived)

    assert run.totals.moving_s == pytest.approx(run.totals.elapsed_s)
    assert shown.moving_time_s == pytest.approx(derived.moving_time_s)
    assert shown.moving_time_s < run.totals.moving_s - 60


def test_a_devices_own_moving_time_is_shown(parse_real, derive_real):
    name = "fit/GoldenCheetah__2024-10-20-104352-Pool Swim-BingiWatch.fit"
    (swim,), (derived,) = parse_real(name), derive_real(name)

    assert shown_totals(swim, derived).moving_time_s == pytest.approx(2704.644)


def test_a_devices_moving_time_far_from_the_recording_is_not_shown(parse_real):
    name = "fit/GoldenCheetah__2024-10-20-104352-Pool Swim-BingiWatch.fit"
    (swim,) = copy.deepcopy(parse_real(name))
    swim.totals.moving_s = 60.0  # a damaged value: one minute of a 3 km swim

    shown = shown_totals(swim, derive(swim))

    assert shown.moving_time_s == pytest.approx(derive(swim).moving_time_s)
    assert shown.moving_time_s > 2000
