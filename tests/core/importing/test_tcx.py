"""TCX reading: laps and totals, power, several activities, repaired files."""

from __future__ import annotations

import pytest

from athletiq_core.importing.errors import RouteFileError, UnsupportedFileError
from athletiq_core.importing.tcx import parse_tcx

FR15 = "tcx/GoldenCheetah__10kUNLP2014-Garmin15.tcx"
EDGE_705 = "tcx/GoldenCheetah__2009_09_19_09_22_42.tcx"
FR305_MULTI = "tcx/GoldenCheetah__activity_165850259_multi-session.tcx"
LEADING_SPACES = "quirks/sports-lib__6281425038.tcx"
SKI = "tcx/tcxreader__cross-country-skiing_activity_1.tcx"

TCX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
    'TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/'
    'ActivityExtension/v2">'
)


def _activity(sport: str, start: str, seconds: int, watts: int = 200) -> str:
    points = "".join(
        f"<Trackpoint><Time>{start}:{second:02d}Z</Time>"
        f"<DistanceMeters>{second * 5}</DistanceMeters>"
        f"<Extensions><ns3:TPX><ns3:Watts>{watts}</ns3:Watts></ns3:TPX></Extensions>"
        "</Trackpoint>"
        for second in range(seconds)
    )
    return (
        f'<Activity Sport="{sport}"><Id>{start}:00Z</Id>'
        f'<Lap StartTime="{start}:00Z"><TotalTimeSeconds>{seconds}</TotalTimeSeconds>'
        f"<DistanceMeters>{(seconds - 1) * 5}</DistanceMeters><Calories>10</Calories>"
        f"<Track>{points}</Track></Lap></Activity>"
    )


def test_laps_and_their_totals_are_read(parse_real):
    (run,) = parse_real(FR15)

    assert run.sport_type == "Run"
    assert len(run.laps) == 11
    assert run.laps[0].distance_m == 1000.0
    assert run.laps[0].timer_s == 212.152
    assert run.totals.distance_m == pytest.approx(10010.82, abs=0.01)
    assert run.device == "Forerunner 15"


def test_power_from_the_activity_extension_is_read(parse_real):
    (ride,) = parse_real(EDGE_705)

    assert ride.sport_type == "Ride"
    assert sum(1 for w in ride.streams["watts"] if w is not None) == 1838
    assert ride.laps[0].avg_watts is not None
    assert ride.totals.max_hr == 204


def test_activities_days_apart_in_one_file_stay_separate(parse_real):
    activities = parse_real(FR305_MULTI)

    assert [a.sport_type for a in activities] == ["Run", "Ride", "Run", "Ride"]
    assert [a.start_utc.day for a in activities] == [29, 1, 4, 7]
    assert all(a.multisport_group is None for a in activities)


def test_whitespace_before_the_xml_declaration_is_tolerated(parse_real):
    (run,) = parse_real(LEADING_SPACES)

    assert run.sport_type == "Run"
    assert run.sample_count == 1545


def test_other_sport_becomes_workout(parse_real):
    (ski,) = parse_real(SKI)

    assert ski.sport_type == "Workout"


def test_contiguous_legs_of_a_multisport_session_are_grouped():
    legs = _activity("Biking", "2024-05-01T10:00", 30) + _activity(
        "Running", "2024-05-01T10:01", 30
    )
    data = (
        f"{TCX_HEAD}<Activities><MultiSportSession><Id>2024-05-01T10:00:00Z</Id>"
        f"<FirstSport>{legs}</FirstSport></MultiSportSession></Activities>"
        "</TrainingCenterDatabase>"
    ).encode()

    ride, run = parse_tcx(data, "brick.tcx")

    assert ride.multisport_group == run.multisport_group is not None
    assert (ride.multisport_index, run.multisport_index) == (0, 1)
    assert ride.streams["watts"][0] == 200.0
    assert ride.totals.timer_s == 30
    assert ride.totals.calories_kcal == 10


def test_a_course_without_positions_is_refused_as_not_an_activity():
    data = f"{TCX_HEAD}<Courses><Course><Name>x</Name></Course></Courses>"
    data += "</TrainingCenterDatabase>"

    with pytest.raises(UnsupportedFileError, match="course without positions"):
        parse_tcx(data.encode(), "course.tcx")


def test_a_course_with_a_track_is_read_as_a_route():
    points = "".join(
        f"<Trackpoint><Time>2024-01-01T00:00:{i:02d}Z</Time><Position>"
        f"<LatitudeDegrees>{46 + i / 1000}</LatitudeDegrees>"
        f"<LongitudeDegrees>14.5</LongitudeDegrees></Position>"
        f"<AltitudeMeters>{300 + i}</AltitudeMeters></Trackpoint>"
        for i in range(5)
    )
    data = (
        f"{TCX_HEAD}<Courses><Course><Name>Loop</Name><Track>{points}</Track>"
        "</Course></Courses></TrainingCenterDatabase>"
    )

    with pytest.raises(RouteFileError, match="TCX course .a planned route. of 5") as e:
        parse_tcx(data.encode(), "course.tcx")

    assert e.value.route.name == "Loop"
    assert e.value.route.points[-1] == (46.004, 14.5, 304.0)


def test_a_workout_is_refused_as_not_an_activity():
    data = f"{TCX_HEAD}<Workouts><Workout><Name>x</Name></Workout></Workouts>"
    data += "</TrainingCenterDatabase>"

    with pytest.raises(UnsupportedFileError, match="TCX workout"):
        parse_tcx(data.encode(), "workout.tcx")
