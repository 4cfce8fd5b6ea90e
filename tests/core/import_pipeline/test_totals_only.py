"""FIT and TCX files that are not full recordings: totals only, or courses."""

from __future__ import annotations

import datetime as dt

import pytest
from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.course_message import CourseMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import FileType, Manufacturer, Sport, SubSport

from athletiq_core.db.models import (
    Activity,
    ActivityStreams,
    Athlete,
    BestEffort,
    Lap,
    Route,
)
from athletiq_core.importing.errors import EmptyFileError, UnsupportedFileError
from athletiq_core.importing.parsers import parse_bytes
from athletiq_core.importing.pipeline import import_paths

START = dt.datetime(2024, 3, 5, 18, 0, tzinfo=dt.UTC)

LAPS_ONLY_TCX = """<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase
  xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
  <Activities>
    <Activity Sport="Running">
      <Id>2024-03-05T18:00:00Z</Id>
      <Lap StartTime="2024-03-05T18:00:00Z">
        <TotalTimeSeconds>1500</TotalTimeSeconds>
        <DistanceMeters>5000</DistanceMeters>
        <Calories>350</Calories>
        <AverageHeartRateBpm><Value>150</Value></AverageHeartRateBpm>
        <MaximumHeartRateBpm><Value>171</Value></MaximumHeartRateBpm>
        <Intensity>Active</Intensity>
        <TriggerMethod>Manual</TriggerMethod>
      </Lap>
      <Lap StartTime="2024-03-05T18:25:00Z">
        <TotalTimeSeconds>500</TotalTimeSeconds>
        <DistanceMeters>1500</DistanceMeters>
        <AverageHeartRateBpm><Value>130</Value></AverageHeartRateBpm>
        <Intensity>Active</Intensity>
        <TriggerMethod>Manual</TriggerMethod>
      </Lap>
    </Activity>
  </Activities>
</TrainingCenterDatabase>
"""


def _builder(file_type: FileType) -> FitFileBuilder:
    """A FIT file under construction, its file_id message already added."""
    builder = FitFileBuilder(auto_define=True)
    file_id = FileIdMessage()
    file_id.type = file_type
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 1
    file_id.time_created = int(START.timestamp() * 1000)
    file_id.serial_number = 1234
    builder.add(file_id)
    return builder


def _session_only_fit(elapsed_s: float = 2700.0) -> bytes:
    """A strength session as a watch writes it when it records no samples."""
    millis = int(START.timestamp() * 1000)
    builder = _builder(FileType.ACTIVITY)
    session = SessionMessage()
    session.start_time = millis
    session.timestamp = millis + int(elapsed_s * 1000)
    session.sport = Sport.TRAINING
    session.sub_sport = SubSport.STRENGTH_TRAINING
    session.total_elapsed_time = elapsed_s
    session.total_timer_time = max(0.0, elapsed_s - 120)
    session.avg_heart_rate = 112
    session.max_heart_rate = 151
    session.total_calories = 310
    builder.add(session)
    return builder.build().to_bytes()


@pytest.fixture
def athlete(db):
    return Athlete.create(firstname="Ada")


def test_a_fit_session_without_records_imports_from_its_totals(athlete, tmp_path):
    path = tmp_path / "gym.fit"
    path.write_bytes(_session_only_fit())

    summary = import_paths([path], athlete)

    activity = Activity.get()
    assert summary.imported == 1
    assert activity.sport_type == "WeightTraining"
    assert activity.start_date == START.replace(tzinfo=None)
    assert (activity.moving_time, activity.elapsed_time) == (2580, 2700)
    assert (activity.average_heartrate, activity.max_heartrate) == (112, 151)
    assert activity.calories == 310
    assert ActivityStreams.select().count() == 0
    assert any("only the device's totals" in w for w in summary.warnings)


def test_a_fit_session_of_no_length_is_still_refused():
    with pytest.raises(EmptyFileError, match="no recorded samples"):
        parse_bytes(_session_only_fit(elapsed_s=0.0), "empty.fit")


def test_a_tcx_of_laps_without_track_points_imports_from_the_laps(athlete, tmp_path):
    path = tmp_path / "treadmill.tcx"
    path.write_text(LAPS_ONLY_TCX)

    summary = import_paths([path], athlete)

    activity = Activity.get()
    assert summary.imported == 1
    assert activity.sport_type == "Run"
    assert activity.distance == 6500
    assert activity.moving_time == 2000
    # Time-weighted over the laps' timers: (150 * 1500 + 130 * 500) / 2000.
    assert activity.average_heartrate == pytest.approx(145.0)
    assert Lap.select().count() == 2
    assert BestEffort.select().count() == 0


def test_a_tcx_without_track_points_or_lap_totals_is_refused():
    text = LAPS_ONLY_TCX.replace("1500</TotalTimeSeconds>", "0</TotalTimeSeconds>")
    text = text.replace("500</TotalTimeSeconds>", "0</TotalTimeSeconds>")

    with pytest.raises(EmptyFileError, match="no activity .* track points or lap"):
        parse_bytes(text.encode(), "nothing.tcx")


def _course_fit() -> bytes:
    """A FIT course (planned route) of 30 points, as Garmin Connect exports one."""
    millis = int(START.timestamp() * 1000)
    builder = _builder(FileType.COURSE)
    course = CourseMessage()  # fit-tool writes no name field, only the sport
    course.sport = Sport.CYCLING
    builder.add(course)
    for index in range(30):
        record = RecordMessage()
        record.timestamp = millis + index * 10_000
        record.position_lat = 46.0 + index * 0.001
        record.position_long = 14.5
        record.altitude = 300.0 + index
        builder.add(record)
    return builder.build().to_bytes()


def test_a_fit_course_is_kept_as_a_route(athlete, tmp_path):
    path = tmp_path / "lakeside.fit"
    path.write_bytes(_course_fit())

    summary = import_paths([path], athlete)

    route = Route.get()
    assert (summary.routes, summary.total) == (1, 0)
    # Without a name in the course, the file's name is the route's.
    assert (route.name, route.sport_type, route.point_count) == ("lakeside", "Ride", 30)
    assert route.distance == pytest.approx(29 * 111.2, rel=0.01)
    assert route.elevation_gain == pytest.approx(29.0, abs=0.5)
    assert Activity.select().count() == 0


def test_a_fit_workout_is_refused_naming_its_type():
    data = _builder(FileType.WORKOUT).build().to_bytes()

    with pytest.raises(UnsupportedFileError, match="FIT 'workout' file, not a"):
        parse_bytes(data, "intervals.fit")
