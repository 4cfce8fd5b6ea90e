"""FIT reading: legs, pools, indoor files, devices, local time and damaged files."""

from __future__ import annotations

from datetime import UTC, datetime

from athletiq_core.importing.fit_profile import sport_type

TRIATHLON = "fit/python-fitparse__sample_mulitple_header.fit"
POOL_920XT = "fit/GoldenCheetah__lap_swim_test_FR920xt.FIT"
POOL_WATCH = "fit/GoldenCheetah__2024-10-20-104352-Pool Swim-BingiWatch.fit"
TRAINER = "fit/python-fitparse__sample-activity-indoor-trainer.fit"
ROWING = "fit/python-fitparse__20170518-191602-1740899583.fit"
FENIX = "fit/python-fitparse__activity-small-fenix2-run.fit"
ZWIFT = "fit/python-fitparse__null_compressed_speed_dist.fit"
CLOCK_JUMP = "quirks/GoldenCheetah__2013-04-11-17-32-50.fit"
COROS = "quirks/python-fitparse__coros-pace-2-cycling-misaligned-fields.fit"


def test_a_chained_multisport_file_gives_one_activity_per_leg(parse_real):
    legs = parse_real(TRIATHLON)

    assert [leg.sport_type for leg in legs] == [
        "Swim",
        "Transition",
        "Ride",
        "Transition",
        "Run",
    ]
    assert {leg.multisport_group for leg in legs} == {legs[0].multisport_group}
    assert legs[0].multisport_group is not None
    assert [leg.multisport_index for leg in legs] == [0, 1, 2, 3, 4]
    assert {leg.multisport_count for leg in legs} == {5}
    assert [len(leg.laps) for leg in legs] == [1, 1, 1, 1, 1]


def test_multisport_legs_follow_each_other_in_time(parse_real):
    legs = parse_real(TRIATHLON)

    for previous, leg in zip(legs, legs[1:], strict=False):
        previous_end = previous.start_utc.timestamp() + previous.streams["time"][-1]
        assert leg.start_utc.timestamp() >= previous_end - 1


def test_a_pool_swim_keeps_its_lengths_and_pool_size(parse_real):
    (swim,) = parse_real(POOL_920XT)

    assert swim.sport_type == "Swim"
    assert swim.indoor
    assert swim.pool_length_m == 25.0
    assert len(swim.lengths) == 133
    assert swim.active_length_count == 97  # 97 x 25 m = the session's 2425 m
    assert swim.lengths[0].stroke == "freestyle"
    assert swim.lengths[0].strokes == 13


def test_a_pool_swim_from_a_third_party_watch_app_reads_its_moving_time(parse_real):
    (swim,) = parse_real(POOL_WATCH)

    assert swim.totals.moving_s == 2704.644
    assert swim.active_length_count * swim.pool_length_m == 3000.0
    assert swim.device == "Watch6,18"


def test_an_indoor_trainer_ride_has_no_positions_and_is_indoor(parse_real):
    (ride,) = parse_real(TRAINER)

    assert ride.sport_type == "Ride"
    assert ride.indoor
    assert "lat" not in ride.streams
    assert "watts" in ride.streams


def test_developer_fields_do_not_leak_into_the_streams(parse_real):
    (row,) = parse_real(ROWING)

    # The rowing file's developer fields are named "Power", "Speed", "Distance"
    # and "Heart Rate"; the standard record has no power field.
    assert row.sport_type == "Rowing"
    assert row.indoor
    assert "watts" not in row.streams
    assert "velocity" not in row.streams


def test_a_virtual_ride_is_a_virtual_ride_and_indoor(parse_real):
    (ride,) = parse_real(ZWIFT)

    assert ride.sport_type == "VirtualRide"
    assert ride.indoor
    assert ride.totals.avg_hr is None  # Zwift writes 0 without a strap


def test_the_device_name_joins_maker_and_model(parse_real):
    assert parse_real(TRIATHLON)[0].device == "Garmin Forerunner 920XT"
    assert parse_real(FENIX)[0].device == "Garmin Fenix 2"
    assert parse_real(COROS)[0].device == "COROS PACE 2"


def test_local_start_time_comes_from_the_activity_message(parse_real):
    (run,) = parse_real(FENIX)

    assert run.start_utc == datetime(2015, 8, 15, 14, 45, 8, tzinfo=UTC)
    assert run.utc_offset_s == 7200
    assert run.start_local == datetime(2015, 8, 15, 16, 45, 8)


def test_an_unset_device_clock_gives_no_local_time(parse_real):
    (ride,) = parse_real(ZWIFT)

    assert ride.utc_offset_s is None
    assert ride.start_local is None


def test_records_after_a_clock_jump_are_dropped_with_a_warning(parse_real):
    (ride,) = parse_real(CLOCK_JUMP)

    assert ride.streams["time"][-1] < 7060  # the session lasts 7057 s
    assert any("14 records" in warning for warning in ride.warnings)


def test_a_misaligned_field_definition_is_read_leniently_with_a_warning(parse_real):
    (ride,) = parse_real(COROS)

    assert ride.sample_count == 11272
    assert any("invalid field size" in warning for warning in ride.warnings)


def test_laps_carry_their_offsets_and_totals(parse_real):
    (run,) = parse_real(FENIX)

    assert len(run.laps) == 4
    assert run.laps[0].distance_m == 848.94
    assert all(
        b.start_offset_s > a.start_offset_s
        for a, b in zip(run.laps, run.laps[1:], strict=False)
    )


def test_fit_sports_map_to_strava_sport_types():
    assert sport_type("running", "trail") == "TrailRun"
    assert sport_type("running", "treadmill") == "Run"
    assert sport_type("cycling", "gravel_cycling") == "GravelRide"
    assert sport_type("cross_country_skiing", "generic") == "NordicSki"
    assert sport_type("training", "strength_training") == "WeightTraining"
    assert sport_type("no_such_sport", "generic") == "Workout"
