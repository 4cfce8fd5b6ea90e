"""Every real file either imports or is refused with a clear, typed error."""

from __future__ import annotations

from datetime import UTC

import gpxpy
import pytest

from athletiq_core.importing.errors import (
    EmptyFileError,
    ImportFileError,
    RouteFileError,
)
from athletiq_core.streams import validate
from tests.core.importing.realdata import ROUTE_FILES, relative_files

GOOD_FILES = [
    name
    for name in relative_files("fit", "gpx", "tcx", "quirks")
    if name not in ROUTE_FILES
]

# bad/ files that SOURCES.md says hold a readable part: what the warning must say.
RECOVERABLE = {
    # Ends without its CRC: every record is readable, nothing after them is known.
    "bad/python-fitparse__nick.fit": ("ends early", "recovered 4 h 39 min"),
    # Breaks at byte 7471 (undefined local message 11) after 5 of its 59 minutes.
    "bad/python-fitparse__strava-android-app-201.10-b1218918.fit": (
        "recovered 5 min of 59 min",
        "the rest was lost",
    ),
}
REJECTED = {"bad/GoldenCheetah__MetadataOnly.gpx": (EmptyFileError, "no track")}


def _format_of(name: str) -> str:
    return name.lower().removesuffix(".gz").rsplit(".", 1)[1]


@pytest.mark.parametrize("name", GOOD_FILES)
def test_good_and_quirky_files_import_at_least_one_activity(parse_real, name):
    activities = parse_real(name)

    assert len(activities) >= 1
    for activity in activities:
        assert activity.source_format == name.split(".")[-1].lower().replace(
            "gz", "fit"
        )
        assert activity.start_utc.tzinfo is not None
        assert activity.start_utc.utcoffset() == UTC.utcoffset(None)
        assert activity.sport_type
        validate(activity.streams)
        times = activity.streams["time"]
        assert times and times[0] >= 0
        assert all(b >= a for a, b in zip(times, times[1:], strict=False))


@pytest.mark.parametrize("name", sorted(ROUTE_FILES & set(relative_files("gpx"))))
def test_gpx_routes_without_timestamps_are_read_as_routes(
    parse_real, real_data_dir, name
):
    with pytest.raises(RouteFileError) as raised:
        parse_real(name)

    message = str(raised.value)
    assert name.split("/")[1] in message
    assert "route" in message and "timestamps" in message
    reference = gpxpy.parse((real_data_dir / "real-activities" / name).read_text())
    expected = sum(
        len(segment.points) for track in reference.tracks for segment in track.segments
    ) + sum(len(route.points) for route in reference.routes)
    assert len(raised.value.route.points) == expected


@pytest.mark.parametrize("name", relative_files("bad"))
def test_bad_files_are_refused_clearly_or_recovered_with_a_warning(parse_real, name):
    if name in RECOVERABLE:
        activities = parse_real(name)
        warnings = " ".join(w for a in activities for w in a.warnings)
        assert activities and all(a.sample_count > 0 for a in activities)
        for phrase in RECOVERABLE[name]:
            assert phrase in warnings
        return
    error_type, phrase = REJECTED.get(name, (ImportFileError, ""))
    with pytest.raises(error_type) as raised:
        parse_real(name)
    assert name.split("/")[1] in str(raised.value)
    assert phrase in raised.value.reason


def test_every_bad_file_is_classified_here(real_data_dir):
    assert set(relative_files("bad")) == set(RECOVERABLE) | set(REJECTED)
