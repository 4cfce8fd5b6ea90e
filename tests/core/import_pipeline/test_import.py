"""Importing the real archive sample and device files into a real database."""

from __future__ import annotations

import shutil
import zipfile

import pytest

from athletiq_core.cli import main
from athletiq_core.cli.common import Progress
from athletiq_core.db.models import (
    Activity,
    ActivitySource,
    ActivityStreams,
    Athlete,
    BestEffort,
    Lap,
    Split,
)
from athletiq_core.details.streams_store import stored_streams
from athletiq_core.export_gpx import GpxActivity, activity_gpx
from athletiq_core.importing.parsers import parse_file
from athletiq_core.importing.pipeline import import_paths
from athletiq_core.strava.mapping import activity_row
from athletiq_core.sync_store import upsert_activities
from tests.conftest import SHARED_DATA

REAL = SHARED_DATA / "real-activities"
ARCHIVE = SHARED_DATA / "strava-export" / "geo-activity-playground"
ARCHIVE_ID = 12070555079


@pytest.fixture
def athlete(db):
    return Athlete.create(firstname="Ada")


@pytest.fixture
def archive_zip(tmp_path):
    target = tmp_path / "export_123.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.write(ARCHIVE / "activities.csv", "activities.csv")
        name = "activities/12866632127.fit.gz"
        archive.write(ARCHIVE / name, name)
    return target


def test_the_archive_keeps_stravas_id_name_and_the_files_streams(athlete, archive_zip):
    summary = import_paths([archive_zip], athlete)

    activity = Activity.get()
    assert summary.imported == 1 and summary.skipped == []
    assert activity.strava_id == ARCHIVE_ID
    assert activity.name == "Laufen Landal Park"
    assert activity.sport_type == "Run"
    assert activity.distance == pytest.approx(3322.95, abs=0.01)
    assert activity.moving_time == 1411
    assert stored_streams(activity)["lat"]
    assert Split.select().where(Split.kind == "metric").count() == 4
    assert {e.distance_key for e in BestEffort.select()} >= {"400m", "1k", "1_mile"}


def test_importing_the_same_archive_twice_adds_nothing(athlete, archive_zip, tmp_path):
    import_paths([archive_zip], athlete)
    unpacked = tmp_path / "unpacked"
    shutil.copytree(ARCHIVE, unpacked)

    again = import_paths([archive_zip, unpacked], athlete)

    assert Activity.select().count() == 1
    assert again.imported == again.merged == 0
    assert again.unchanged == 2


def test_an_api_activity_and_its_archive_copy_are_one_activity(athlete, archive_zip):
    summary_json = {
        "id": ARCHIVE_ID,
        "name": "Laufen Landal Park (Strava)",
        "sport_type": "Run",
        "start_date": "2022-05-29T15:53:35Z",
        "start_date_local": "2022-05-29T17:53:35Z",
        "timezone": "(GMT+01:00) Europe/Berlin",
        "utc_offset": 7200,
        "distance": 3322.9,
        "moving_time": 1411,
        "elapsed_time": 1428,
    }
    upsert_activities(athlete.id, [activity_row(summary_json, athlete.id)])

    summary = import_paths([archive_zip], athlete)

    activity = Activity.get()
    assert summary.merged == 1
    assert Activity.select().count() == 1
    assert activity.name == "Laufen Landal Park (Strava)"
    assert set(activity.sources.split(",")) == {"api", "archive"}
    assert ActivityStreams.select().count() == 1


def test_the_same_run_as_tcx_and_fit_is_stored_once_with_both_sources(athlete):
    import_paths([REAL / "tcx" / "GoldenCheetah__10kUNLP2014-Garmin15.tcx"], athlete)

    summary = import_paths(
        [REAL / "fit" / "GoldenCheetah__10kUNLP2014-Garmin15.fit"], athlete
    )

    activity = Activity.get()
    assert summary.merged == 1
    assert Activity.select().count() == 1
    assert set(activity.sources.split(",")) == {"fit", "tcx"}


def test_bad_files_get_a_reason_and_never_stop_the_batch(athlete):
    summary = import_paths([REAL / "bad", REAL / "quirks"], athlete)

    reasons = dict(summary.skipped)
    bad_gpx = str(REAL / "bad" / "GoldenCheetah__MetadataOnly.gpx")
    assert "no track" in reasons[bad_gpx]
    assert summary.recovered == 2
    assert any("nick.fit" in w and "lost" in w for w in summary.warnings)
    quirk_files = {p.name for p in (REAL / "quirks").iterdir()}
    imported = {s.reference.rsplit("/", 1)[-1] for s in ActivitySource.select()}
    assert quirk_files <= imported


def test_a_failed_import_changes_nothing_already_stored(athlete, tmp_path):
    import_paths([REAL / "tcx" / "python-tcxparser__test.tcx"], athlete)
    before = [(a.id, a.name, a.distance, a.updated_at) for a in Activity.select()]
    broken = tmp_path / "broken.fit"
    broken.write_bytes(b"\x0e\x10" + b"\x00" * 40)

    summary = import_paths([broken], athlete)

    assert len(summary.skipped) == 1
    assert [
        (a.id, a.name, a.distance, a.updated_at) for a in Activity.select()
    ] == before


def test_archive_rows_without_a_file_import_from_the_csv_alone(athlete, tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    text = (ARCHIVE / "activities.csv").read_text()
    header, row = text.splitlines()[:2]
    manual = row.replace("12070555079", "12070555080").replace(
        "activities/12866632127.fit.gz", ""
    )
    (folder / "activities.csv").write_text("\n".join([header, manual]) + "\n")

    summary = import_paths([folder], athlete)

    activity = Activity.get()
    assert summary.imported == 1
    assert activity.strava_id == 12070555080
    assert activity.distance == pytest.approx(3322.95, abs=0.01)
    assert ActivityStreams.select().count() == 0


def test_the_command_line_imports_and_summarises(athlete, capsys):
    code = main(["import", str(REAL / "tcx")])

    out = capsys.readouterr().out
    assert code == 0
    assert "imported" in out and "skipped" in out
    assert Activity.select().count() >= 6


def test_a_non_english_archive_header_is_read_by_position(athlete, tmp_path):
    folder = tmp_path / "export"
    (folder / "activities").mkdir(parents=True)
    text = (ARCHIVE / "activities.csv").read_text()
    header, row = text.splitlines()[:2]
    french = header.replace("Activity ID", "ID de l'activité").replace(
        "Activity Date", "Date de l'activité"
    )
    row = row.replace('"May 29, 2022, 3:53:35 PM"', '"29 mai 2022, 15:53:35"')
    (folder / "activities.csv").write_text(f"{french}\n{row}\n")
    shutil.copy(
        ARCHIVE / "activities" / "12866632127.fit.gz",
        folder / "activities" / "12866632127.fit.gz",
    )

    summary = import_paths([folder], athlete)

    activity = Activity.get()
    assert summary.imported == 1
    assert (activity.strava_id, activity.name) == (ARCHIVE_ID, "Laufen Landal Park")
    assert activity.distance == pytest.approx(3322.95, abs=0.01)


def test_a_later_api_sync_adopts_a_file_imported_twin(athlete):
    import_paths([REAL / "fit" / "GoldenCheetah__10kUNLP2014-Garmin15.fit"], athlete)
    stored = Activity.get()
    summary_json = {
        "id": 4242424242,
        "name": "10K UNLP",
        "sport_type": "Run",
        "start_date": (stored.start_date.replace(microsecond=0)).strftime(
            "%Y-%m-%dT%H:%M:%SZ"
        ),
        "start_date_local": stored.start_date_local.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "distance": stored.distance,
        "moving_time": stored.moving_time,
        "elapsed_time": stored.elapsed_time,
    }

    upsert_activities(athlete.id, [activity_row(summary_json, athlete.id)])

    merged = Activity.get()
    assert Activity.select().count() == 1
    assert merged.strava_id == 4242424242 and merged.name == "10K UNLP"
    assert set(merged.sources.split(",")) == {"api", "fit"}
    assert ActivityStreams.select().where(ActivityStreams.activity == merged).exists()


def test_a_skipped_file_is_named_once_with_its_reason(athlete, capsys):
    bad = REAL / "bad" / "GoldenCheetah__MetadataOnly.gpx"

    main(["import", str(bad)])

    err = capsys.readouterr().err
    line = next(line for line in err.splitlines() if line.startswith("Skipped"))
    assert line.count("MetadataOnly.gpx") == 1
    assert "no track or route points" in line


def test_progress_off_a_terminal_prints_a_few_lines_not_one_per_file(capsys):
    progress = Progress("Importing")

    for done in range(1, 1001):
        progress.update(done, 1000)

    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == "Importing: 1/1000"
    assert lines[-1] == "Importing: 1000/1000"
    assert len(lines) < 10


def test_a_gpx_cut_off_mid_ride_is_counted_as_recovered(athlete, tmp_path):
    data = (REAL / "gpx" / "sports-lib__2067489619.gpx").read_bytes()
    cut = tmp_path / "died.gpx"
    cut.write_bytes(data[: len(data) // 2])

    summary = import_paths([cut], athlete)

    assert (summary.recovered, summary.imported, summary.skipped) == (1, 0, [])
    assert any("died.gpx: the file ends early" in w for w in summary.warnings)
    assert Activity.get().moving_time > 0


KAROO = (
    REAL / "fit" / "GoldenCheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit"
)


def _karoo_as_gpx(tmp_path):
    (ride,) = parse_file(KAROO)
    meta = GpxActivity(1, "Botley loop", "Ride", ride.start_utc)
    path = tmp_path / "botley-loop.gpx"
    path.write_text(activity_gpx(meta, ride.streams), encoding="utf-8")
    return path


def test_the_rides_fit_file_replaces_what_its_gpx_export_gave(athlete, tmp_path):
    import_paths([_karoo_as_gpx(tmp_path)], athlete)
    from_gpx = Activity.get()

    summary = import_paths([KAROO], athlete)

    ride = Activity.get()
    stored = ActivityStreams.get()
    assert summary.merged == 1 and Activity.select().count() == 1
    assert from_gpx.total_elevation_gain < 320  # computed from the GPX points
    assert ride.total_elevation_gain == pytest.approx(351.0)  # the Karoo's own
    assert ride.device_name == "Hammerhead Karoo 2"
    assert stored.source == "fit" and "velocity" in stored.keys.split(",")
    assert Lap.select().where(Lap.activity == ride).count() >= 1
    # 35 km and 22 mile splits, each once: the GPX's were replaced, not kept.
    assert Split.select().where(Split.activity == ride).count() == 57


def test_a_poorer_file_adds_nothing_to_what_a_fit_file_gave(athlete, tmp_path):
    import_paths([KAROO], athlete)
    before = Activity.get()

    import_paths([_karoo_as_gpx(tmp_path)], athlete)

    after = Activity.get()
    assert ActivityStreams.get().source == "fit"
    assert after.total_elevation_gain == before.total_elevation_gain
    assert set(after.sources.split(",")) == {"fit", "gpx"}
