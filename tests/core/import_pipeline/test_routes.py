"""Route files (points without times) are kept as routes, never as activities."""

from __future__ import annotations

import zipfile

import gpxpy
import polyline
import pytest

from athletiq_core.cli import main
from athletiq_core.db.models import Activity, Athlete, Route
from athletiq_core.importing.pipeline import import_paths
from tests.conftest import SHARED_DATA
from tests.core.importing.realdata import ROUTE_FILES

REAL = SHARED_DATA / "real-activities"
ARCHIVE = SHARED_DATA / "strava-export" / "geo-activity-playground"
STRAVA_ROUTE = REAL / "gpx" / "georust-gpx__strava_route_example.gpx"
DRAWN_TRACKS = REAL / "gpx" / "gpxpy__cerknicko-without-times.gpx"
RTE_ONLY = REAL / "gpx" / "gpxpy__route.gpx"


@pytest.fixture
def athlete(db):
    return Athlete.create(firstname="Ada")


def _gpxpy_length(path) -> float:
    """The file's length by gpxpy's own 2D measure, an independent reference."""
    gpx = gpxpy.parse(path.read_text())
    return sum(track.length_2d() for track in gpx.tracks) + sum(
        route.length() for route in gpx.routes
    )


def test_route_files_become_routes_and_no_activity(athlete):
    summary = import_paths([REAL / name for name in sorted(ROUTE_FILES)], athlete)

    assert summary.routes == 4
    assert summary.skipped == [] and summary.total == 0
    assert Activity.select().count() == 0
    assert Route.select().where(Route.athlete == athlete).count() == 4


@pytest.mark.parametrize("path", [STRAVA_ROUTE, DRAWN_TRACKS, RTE_ONLY])
def test_a_routes_length_follows_its_lines(athlete, path):
    import_paths([path], athlete)

    route = Route.get()
    assert route.distance == pytest.approx(_gpxpy_length(path), rel=0.005)
    line = polyline.decode(route.polyline, 5)
    assert len(line) == route.point_count
    assert line[0] == pytest.approx((route.start_lat, route.start_lng), abs=1e-5)


def test_separate_tracks_are_not_joined_by_a_straight_line(athlete, tmp_path):
    # Two tracks 50 km apart: the route is only as long as the two tracks.
    gpx = gpxpy.gpx.GPX()
    for lat in (46.0, 46.45):
        track = gpxpy.gpx.GPXTrack()
        segment = gpxpy.gpx.GPXTrackSegment(
            [gpxpy.gpx.GPXTrackPoint(lat + i * 0.001, 14.0) for i in range(11)]
        )
        track.segments.append(segment)
        gpx.tracks.append(track)
    path = tmp_path / "two-tracks.gpx"
    path.write_text(gpx.to_xml())

    import_paths([path], athlete)

    assert Route.get().distance == pytest.approx(2 * 10 * 111.2, rel=0.01)


def test_a_strava_route_keeps_its_name_sport_and_climb(athlete):
    import_paths([STRAVA_ROUTE], athlete)

    route = Route.get()
    assert route.name == "Afternoon Run"
    assert route.sport_type == "Run"
    # It descends from 25 m to about 9 m and stays flat within 2 m: no climb.
    assert route.elevation_gain == 0.0


def test_a_drawn_route_with_hills_counts_its_climbing(athlete):
    import_paths([DRAWN_TRACKS], athlete)

    route = Route.get()
    assert route.name == "ACTIVE LOG"
    assert 150 < route.elevation_gain < 300
    assert route.sport_type is None


def test_a_route_without_elevation_has_no_climb_and_takes_the_file_name(athlete):
    import_paths([RTE_ONLY], athlete)

    route = Route.get()
    assert route.elevation_gain is None
    assert route.name == "gpxpy__route"


def test_importing_routes_again_adds_nothing(athlete):
    first = import_paths([REAL / "gpx"], athlete)
    again = import_paths([REAL / "gpx"], athlete)

    assert first.routes == 4
    assert again.routes == 0 and again.unchanged == first.total + first.routes
    assert Route.select().count() == 4


def test_an_archives_routes_folder_is_kept_as_routes(athlete, tmp_path):
    target = tmp_path / "export_123.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(ARCHIVE / "activities.csv", "activities.csv")
        name = "activities/12866632127.fit.gz"
        archive.write(ARCHIVE / name, name)
        archive.write(STRAVA_ROUTE, "routes/3344556677.gpx")

    summary = import_paths([target], athlete)

    assert summary.routes == 1 and summary.imported == 1
    assert Route.get().reference == "export_123.zip:routes/3344556677.gpx"
    assert Activity.select().count() == 1


def _unpacked_archive(tmp_path, filename: str, extra: str, source):
    """An archive folder of one activities.csv row naming ``filename``, plus the
    file ``extra`` (a path inside the folder) copied from ``source``."""
    folder = tmp_path / "export"
    (folder / extra).parent.mkdir(parents=True)
    header, row = (ARCHIVE / "activities.csv").read_text().splitlines()[:2]
    listed = row.replace("activities/12866632127.fit.gz", filename)
    (folder / "activities.csv").write_text(f"{header}\n{listed}\n")
    (folder / extra).write_bytes(source.read_bytes())
    return folder


def test_an_unpacked_archives_routes_folder_is_kept_too(athlete, tmp_path):
    folder = _unpacked_archive(tmp_path, "", "routes/1.gpx", RTE_ONLY)

    summary = import_paths([folder], athlete)

    assert (summary.imported, summary.routes) == (1, 1)


def test_an_archive_row_whose_file_has_no_times_imports_from_the_csv(athlete, tmp_path):
    folder = _unpacked_archive(
        tmp_path, "activities/1.gpx", "activities/1.gpx", STRAVA_ROUTE
    )

    summary = import_paths([folder], athlete)

    assert summary.imported == 1 and summary.routes == 0
    assert Activity.get().strava_id == 12070555079
    assert Route.select().count() == 0
    assert any("no timestamps" in warning for warning in summary.warnings)


def test_the_command_line_lists_routes_in_the_chosen_units(athlete, capsys):
    main(["import", str(DRAWN_TRACKS)])
    capsys.readouterr()

    main(["routes", "--units", "imperial"])

    out = capsys.readouterr().out
    route = Route.get()
    miles = route.distance / 1609.344
    assert f"ACTIVE LOG: {miles:.1f} mi" in out
    assert f"climb {route.elevation_gain / 0.3048:.0f} ft" in out


def test_the_import_summary_counts_routes(athlete, capsys):
    main(["import", str(RTE_ONLY), str(STRAVA_ROUTE)])

    assert "2 routes" in capsys.readouterr().out


def test_status_counts_routes_apart_from_activities(athlete, capsys):
    main(["import", str(RTE_ONLY), str(REAL / "tcx" / "python-tcxparser__test.tcx")])
    capsys.readouterr()

    main(["status"])

    assert "Ada (id 1, files only): 1 activity, 1 route" in capsys.readouterr().out
