"""GPX reading: extensions, several segments, GPX 1.0, repaired files, routes."""

from __future__ import annotations

import pytest

from athletiq_core.importing.errors import CorruptFileError, EmptyFileError
from athletiq_core.importing.gpx import parse_gpx

URBAN_BIKER = "gpx/GoldenCheetah__UrbanBiker2019-04-18_16-12.gpx"
GARMIN_CONNECT = "gpx/sports-lib__2067489619.gpx"
STRAVA = "gpx/sports-lib__1681613317.gpx"
MOVESCOUNT = "gpx/GoldenCheetah__Move_2014_01_17_09_33_11.gpx"
GPX_10_MIXED = "gpx/gpxpy__korita-zbevnica.gpx"
UNDECLARED = "quirks/sports-lib__6048438275.gpx"

GPX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1" '
    'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">'
)


def _gpx(points: str, track_type: str = "ride") -> bytes:
    return (
        f"{GPX_HEAD}<trk><type>{track_type}</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


def test_several_segments_are_joined_in_time_order(parse_real):
    (ride,) = parse_real(URBAN_BIKER)

    assert ride.sample_count == 2870  # 884 + 1986 points; the first segment is empty
    times = ride.streams["time"]
    assert all(b >= a for a, b in zip(times, times[1:], strict=False))


def test_trackpoint_and_power_extensions_become_streams(parse_real):
    (ride,) = parse_real(URBAN_BIKER)

    assert ride.streams["heartrate"][0] == 125
    assert ride.streams["cadence"][0] == 7
    assert ride.streams["temp"][0] == 26.9
    assert sum(1 for w in ride.streams["watts"] if w is not None) == 2847


def test_an_ns3_prefix_is_read_like_gpxtpx(parse_real):
    (run,) = parse_real(GARMIN_CONNECT)

    assert run.sport_type == "Run"  # <type>running</type>
    assert run.streams["heartrate"][0] == 127


def test_strava_numeric_type_nine_is_a_run(parse_real):
    (run,) = parse_real(STRAVA)

    assert run.sport_type == "Run"
    assert run.name == "Run avec Nico & Mag"
    assert run.device == "StravaGPX Android"


def test_gpxdata_extensions_are_read(parse_real):
    (activity,) = parse_real(MOVESCOUNT)

    assert activity.streams["heartrate"][0] == 92
    assert activity.streams["temp"][0] == pytest.approx(20.7)


def test_an_unnamed_sport_is_guessed_from_speed_with_a_warning(parse_real):
    (ride,) = parse_real(URBAN_BIKER)

    assert ride.sport_type == "Ride"
    assert any("Ride was assumed" in warning for warning in ride.warnings)


def test_gpx_10_untimed_segments_are_skipped_and_timed_ones_kept(parse_real):
    (walk,) = parse_real(GPX_10_MIXED)

    assert walk.sample_count == 513  # 176 + 337 timed points of 871
    assert any("without timestamps" in warning for warning in walk.warnings)


def test_undeclared_namespace_prefixes_are_repaired_with_a_warning(parse_real):
    (run,) = parse_real(UNDECLARED)

    assert run.sample_count > 4000
    assert run.streams["cadence"][0] == 76
    assert any("gpxdata" in warning for warning in run.warnings)


def test_a_bare_power_element_and_gpxtpx_power_are_read():
    points = (
        '<trkpt lat="45.0" lon="5.0"><time>2024-05-01T10:00:00Z</time>'
        "<extensions><power>250</power></extensions></trkpt>"
        '<trkpt lat="45.0001" lon="5.0"><time>2024-05-01T10:00:01Z</time>'
        "<extensions><gpxtpx:TrackPointExtension><gpxtpx:power>260</gpxtpx:power>"
        "<gpxtpx:hr>140</gpxtpx:hr></gpxtpx:TrackPointExtension></extensions></trkpt>"
    )

    (ride,) = parse_gpx(_gpx(points), "power.gpx")

    assert ride.streams["watts"] == [250.0, 260.0]
    assert ride.streams["heartrate"] == [None, 140.0]
    assert ride.streams["time"] == [0.0, 1.0]


def test_tracks_in_several_files_sections_are_sorted_by_time():
    later = '<trkpt lat="45.001" lon="5.0"><time>2024-05-01T10:00:10Z</time></trkpt>'
    earlier = '<trkpt lat="45.0" lon="5.0"><time>2024-05-01T10:00:00Z</time></trkpt>'

    (ride,) = parse_gpx(_gpx(later + earlier), "order.gpx")

    assert ride.streams["time"] == [0.0, 10.0]
    assert ride.streams["lat"] == [45.0, 45.001]


def test_a_file_without_any_track_is_empty():
    with pytest.raises(EmptyFileError, match="no track"):
        parse_gpx(f"{GPX_HEAD}</gpx>".encode(), "empty.gpx")


def test_broken_xml_is_corrupt_and_names_the_file():
    with pytest.raises(CorruptFileError, match="broken.gpx"):
        parse_gpx(GPX_HEAD.encode() + b"<trk><trkseg><trkpt", "broken.gpx")
