"""The dispatcher: formats by name or content, gzip, and only typed errors."""

from __future__ import annotations

import datetime as dt
import gzip

import gpxpy
import pytest

from athletiq_core.importing.errors import (
    CorruptFileError,
    EmptyFileError,
    ImportFileError,
    RouteFileError,
    UnreadableFileError,
    UnsupportedFileError,
)
from athletiq_core.importing.parsers import parse_bytes, parse_file

SMALL_FIT = (
    "quirks/python-fitparse__elemnt-bolt-no-application-id-inside-developer-data-id.fit"
)
SMALL_GPX = "gpx/sports-lib__2067489619.gpx"
SMALL_TCX = "tcx/python-tcxparser__test.tcx"
TRIP_GPX = "gpx/GoldenCheetah__UrbanBiker2019-04-18_16-12.gpx"


def _read(real_data_dir, relative: str) -> bytes:
    return (real_data_dir / "real-activities" / relative).read_bytes()


@pytest.mark.parametrize("relative", [SMALL_FIT, SMALL_GPX, SMALL_TCX])
def test_gzipped_files_read_like_the_plain_ones(real_data_dir, relative):
    data = _read(real_data_dir, relative)
    name = relative.split("/")[1]

    plain = parse_bytes(data, name)
    zipped = parse_bytes(gzip.compress(data), f"{name}.gz")

    assert [a.streams for a in zipped] == [a.streams for a in plain]
    assert [a.sport_type for a in zipped] == [a.sport_type for a in plain]


def test_upper_case_extensions_are_recognised(real_data_dir):
    data = _read(real_data_dir, SMALL_GPX)

    assert parse_bytes(data, "RUN.GPX")[0].source_format == "gpx"


@pytest.mark.parametrize(
    ("relative", "kind"), [(SMALL_FIT, "fit"), (SMALL_GPX, "gpx"), (SMALL_TCX, "tcx")]
)
def test_an_unknown_extension_is_recognised_by_content(real_data_dir, relative, kind):
    data = _read(real_data_dir, relative)

    assert parse_bytes(data, "download.bin")[0].source_format == kind


def test_an_unrecognised_file_is_unsupported():
    with pytest.raises(UnsupportedFileError, match=r"notes\.txt: the file type \.txt"):
        parse_bytes(b"just some text", "notes.txt")


def test_an_empty_file_is_empty():
    with pytest.raises(EmptyFileError, match="ride.fit: the file is empty"):
        parse_bytes(b"", "ride.fit")


def test_a_non_fit_file_named_fit_is_corrupt():
    with pytest.raises(CorruptFileError, match="not a FIT file"):
        parse_bytes(b"this is not a FIT file at all, just text", "ride.fit")


def test_a_cut_short_gzip_keeps_what_came_before_with_a_warning(real_data_dir):
    data = gzip.compress(_read(real_data_dir, SMALL_FIT))

    (ride,) = parse_bytes(data[: len(data) * 9 // 10], "ride.fit.gz")

    assert ride.sample_count > 0
    assert "gzip file is cut short" in ride.warnings[0]
    assert any("ends early" in warning for warning in ride.warnings)


def test_a_tcx_cut_before_its_first_point_is_corrupt_not_a_crash(real_data_dir):
    data = _read(real_data_dir, SMALL_TCX)
    first_point = data.index(b"</Trackpoint>")

    with pytest.raises(CorruptFileError, match="run.tcx: it is not readable TCX"):
        parse_bytes(data[: first_point - 5], "run.tcx")


def test_a_truncated_fit_keeps_the_records_before_the_cut(real_data_dir):
    data = _read(real_data_dir, SMALL_FIT)

    (ride,) = parse_bytes(data[: len(data) * 3 // 4], "ride.fit")

    assert 0 < ride.sample_count < 132
    assert any("ends early" in warning for warning in ride.warnings)


def test_a_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFileError, match="missing.fit: it cannot be read"):
        parse_file(tmp_path / "missing.fit")


def test_errors_carry_the_file_name_reason_and_advice():
    with pytest.raises(ImportFileError) as raised:
        parse_bytes(b"", "morning.gpx")

    assert raised.value.filename == "morning.gpx"
    assert raised.value.reason == "the file is empty"
    assert raised.value.advice in str(raised.value)


def _two_recordings(real_data_dir, gap: dt.timedelta) -> bytes:
    """A real GPX track, followed by the same track again ``gap`` later."""
    gpx = gpxpy.parse(_read(real_data_dir, TRIP_GPX).decode())
    again = gpxpy.parse(_read(real_data_dir, TRIP_GPX).decode()).tracks[0]
    start, end = gpx.get_time_bounds()
    again.adjust_time(end - start + gap)
    gpx.tracks.append(again)
    return gpx.to_xml().encode()


def test_a_gpx_holding_two_days_of_a_trip_gives_two_activities(real_data_dir):
    data = _two_recordings(real_data_dir, dt.timedelta(hours=14))

    first, second = parse_bytes(data, "trip.gpx")

    assert second.start_utc - first.start_utc > dt.timedelta(hours=14)
    assert first.sample_count == second.sample_count
    assert first.streams["time"] == second.streams["time"]
    assert any("2 recordings more than 6 hours apart" in w for w in second.warnings)


def test_a_long_stop_within_a_gpx_stays_one_activity(real_data_dir):
    data = _two_recordings(real_data_dir, dt.timedelta(hours=2))

    (trip,) = parse_bytes(data, "trip.gpx")

    assert not any("recordings" in warning for warning in trip.warnings)


def _gpx_track(times: list[dt.datetime | None]) -> bytes:
    gpx = gpxpy.gpx.GPX()
    segment = gpxpy.gpx.GPXTrackSegment(
        [
            gpxpy.gpx.GPXTrackPoint(46.0 + i * 0.0005, 14.0, elevation=300, time=t)
            for i, t in enumerate(times)
        ]
    )
    track = gpxpy.gpx.GPXTrack()
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml().encode()


def test_placeholder_times_from_1901_make_a_route_not_an_activity():
    placeholder = dt.datetime(1901, 12, 13, 20, 45, 52, tzinfo=dt.UTC)

    with pytest.raises(RouteFileError) as raised:
        parse_bytes(_gpx_track([placeholder] * 20), "hike.gpx")

    assert len(raised.value.route.points) == 20


def test_a_track_with_a_single_timed_point_is_refused_clearly():
    moment = dt.datetime(2024, 5, 1, 8, tzinfo=dt.UTC)

    with pytest.raises(EmptyFileError, match="single timed point"):
        parse_bytes(_gpx_track([moment]), "one.gpx")


def test_a_gpx_of_waypoints_only_says_so():
    gpx = gpxpy.gpx.GPX()
    gpx.waypoints.append(gpxpy.gpx.GPXWaypoint(46.0, 14.0, name="Hut"))

    with pytest.raises(EmptyFileError, match="only 1 waypoint .marked places."):
        parse_bytes(gpx.to_xml().encode(), "places.gpx")


def test_a_lone_point_hours_after_the_recording_is_skipped_not_an_activity():
    start = dt.datetime(2024, 5, 1, 8, tzinfo=dt.UTC)
    times = [start + dt.timedelta(seconds=10 * i) for i in range(30)]

    (walk,) = parse_bytes(_gpx_track([*times, start + dt.timedelta(hours=9)]), "a.gpx")

    assert walk.sample_count == 30
    assert any(
        "1 isolated point more than 6 hours" in warning for warning in walk.warnings
    )
