"""GPX export: a document other tools read back, and file names safe everywhere."""

import unicodedata
from datetime import UTC, date, datetime, timedelta

import gpxpy
import pytest

from athletiq_core.export_gpx import (
    TPX_NAMESPACE,
    GpxActivity,
    GpxExportError,
    activity_gpx,
    gpx_filename,
)

START = datetime(2026, 5, 1, 6, 30, tzinfo=UTC)
META = GpxActivity(12345, "Morning Run & <hills>", "TrailRun", START, "Legs ok")
RESERVED_WINDOWS = {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1"}


def run_streams():
    return {
        "time": [0.0, 1.0, 2.0, 3.0, 5.0],
        "lat": [51.5, 51.50001, None, 51.50003, 51.50004],
        "lng": [-0.1, -0.10001, None, -0.10003, -0.10004],
        "altitude": [12.34, 12.4, 12.5, None, 12.9],
        "heartrate": [120.0, 121.0, 122.0, 123.0, None],
        "cadence": [80.0, 81.0, 82.0, 83.0, 84.0],
        "watts": [250.0, 251.0, 252.0, None, 254.4],
    }


def parsed_points(streams=None):
    gpx = gpxpy.parse(activity_gpx(META, streams or run_streams()))
    return gpx, gpx.tracks[0].segments[0].points


def extension_value(point, local_name):
    for element in point.extensions:
        for candidate in [element, *element]:
            if candidate.tag.rsplit("}", 1)[-1] == local_name:
                return int(candidate.text)
    return None


def test_gpx_round_trips_with_points_and_times():
    gpx, points = parsed_points()

    assert gpx.creator == "Athletiq"
    assert gpx.name == "Morning Run & <hills>"
    assert gpx.time == START
    assert gpx.description == "Legs ok"
    assert len(points) == 4  # the sample without a position is skipped
    assert [p.time for p in points] == [
        START + timedelta(seconds=s) for s in (0, 1, 3, 5)
    ]
    assert [p.elevation for p in points] == [12.3, 12.4, None, 12.9]
    assert points[1].latitude == pytest.approx(51.50001)


def test_times_are_written_in_utc_with_z():
    text = activity_gpx(META, run_streams())

    assert "<time>2026-05-01T06:30:03Z</time>" in text


def test_sport_type_and_garmin_namespace_are_present():
    gpx, _ = parsed_points()
    text = activity_gpx(META, run_streams())

    assert gpx.tracks[0].type == "TrailRun"
    assert f'xmlns:gpxtpx="{TPX_NAMESPACE}"' in text


def test_heart_rate_cadence_and_power_are_readable_from_extensions():
    _, points = parsed_points()

    assert [extension_value(p, "hr") for p in points] == [120, 121, 123, None]
    assert [extension_value(p, "cad") for p in points] == [80, 81, 83, 84]
    assert [extension_value(p, "power") for p in points] == [250, 251, None, 254]


def test_a_point_without_sensors_has_no_extensions():
    streams = {"time": [0.0], "lat": [51.5], "lng": [-0.1]}

    _, points = parsed_points(streams)

    assert points[0].extensions == []


@pytest.mark.parametrize(
    "streams",
    [
        {"time": [0.0, 1.0], "heartrate": [120.0, 121.0]},
        {"time": [0.0], "lat": [None], "lng": [None]},
        {},
    ],
)
def test_an_activity_without_gps_raises_a_clear_error(streams):
    with pytest.raises(GpxExportError) as caught:
        activity_gpx(META, streams)

    assert str(caught.value) == (
        "Activity 12345 has no GPS track (indoor or manual activity), so there is "
        "nothing to export as GPX."
    )


def assert_safe(filename):
    stem = filename.removesuffix(".gpx")
    assert filename.endswith(".gpx")
    assert not set('/\\:*?"<>|') & set(filename)
    assert all(unicodedata.category(ch) not in {"Cc", "Cf", "So"} for ch in filename)
    assert len(filename) <= 100
    assert len(filename.encode()) <= 200
    assert filename == unicodedata.normalize("NFC", filename)
    assert stem.split(".")[0].upper() not in RESERVED_WINDOWS
    assert stem.strip(" .") == stem


def test_a_plain_name_gives_the_expected_filename():
    assert gpx_filename(12345, "Morning Run", date(2026, 5, 1)) == (
        "2026-05-01_Morning_Run_12345.gpx"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Run 🏃‍♀️ with 👍🏽 friends", "2026-05-01_Run_with_friends_7.gpx"),
        ("Up/down: 10:00 \\ tempo?", "2026-05-01_Up_down_10_00_tempo_7.gpx"),
        ("Fish & Chips", "2026-05-01_Fish_&_Chips_7.gpx"),
        ("Утренний забег", "2026-05-01_Утренний_забег_7.gpx"),
        ("朝のランニング", "2026-05-01_朝のランニング_7.gpx"),
        ("?!*<>|", "2026-05-01_!_7.gpx"),
        ('"/:*?<>|\\', "2026-05-01_activity_7.gpx"),
        ("", "2026-05-01_activity_7.gpx"),
        ("CON", "2026-05-01_CON_7.gpx"),
        ("tab\there\x00null", "2026-05-01_tab_herenull_7.gpx"),
        ("Cafe\u0301 run", "2026-05-01_Café_run_7.gpx"),
    ],
)
def test_awkward_names_give_safe_filenames(name, expected):
    filename = gpx_filename(7, name, date(2026, 5, 1))

    assert filename == expected
    assert_safe(filename)


@pytest.mark.parametrize("letter", ["a", "ж", "日", "é", "𝔸"])
def test_very_long_names_are_capped_without_splitting_characters(letter):
    filename = gpx_filename(12345, letter * 300, date(2026, 5, 1))

    assert_safe(filename)
    stem = filename.removeprefix("2026-05-01_").removesuffix("_12345.gpx")
    assert set(stem) == {letter}
    assert len(stem) > 20


def test_a_cut_never_separates_a_letter_from_its_accent():
    name = "q\u0334" * 300  # q with a tilde overlay has no precomposed form

    filename = gpx_filename(1, name, date(2026, 5, 1))

    stem = filename.removeprefix("2026-05-01_").removesuffix("_1.gpx")
    assert_safe(filename)
    assert stem.count("q") == stem.count("\u0334") > 20
    assert stem.endswith("\u0334")
