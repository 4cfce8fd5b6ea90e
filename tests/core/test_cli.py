"""The athletiq command: subcommands, output, exit codes."""

from __future__ import annotations

import csv
import json

import pytest

from athletiq_core.cli import faces_cmd, main
from athletiq_core.db import close_database
from athletiq_core.db.models import Activity, SyncRun
from athletiq_core.demo import DemoConfig, generate_streams
from athletiq_core.streams import to_strava
from tests.core.processes import kill_when_hung
from tests.core.sync_fixtures import connected_session, demo_gear, demo_history


@pytest.fixture
def synced(db, fake_strava):
    athlete, activities = demo_history(120)
    fake_strava.add_athlete(athlete, activities, demo_gear())
    connected_session(fake_strava, athlete)
    close_database()
    return athlete, activities


def test_sync_then_status_json_lists_the_athlete(synced, capsys):
    assert main(["sync"]) == 0
    capsys.readouterr()

    assert main(["status", "--json"]) == 0

    report = json.loads(capsys.readouterr().out)
    athlete = report["athletes"][0]
    assert athlete["activities"] == 120
    assert athlete["name"] == f"{synced[0]['firstname']} {synced[0]['lastname']}"
    assert athlete["last_sync"].endswith("Z")
    assert report["rate_limits"][0]["read_daily"][1] == 1000


def test_export_csv_writes_every_activity_newest_first(synced, tmp_path, capsys):
    main(["sync"])
    target = tmp_path / "out.csv"

    assert main(["export", "csv", "-o", str(target), "--units", "imperial"]) == 0

    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert len(rows) == 120
    assert "distance_mi" in rows[0]
    dates = [row["start_utc"] for row in rows]
    assert dates == sorted(dates, reverse=True)


def test_sync_without_a_connection_fails_with_one_line(db, capsys):
    close_database()

    code = main(["sync"])

    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert len(err) == 1 and "athletiq connect" in err[0]


def test_sync_without_an_api_app_explains_how_to_register_one(
    synced, monkeypatch, capsys
):
    monkeypatch.delenv("STRAVA_CLIENT_ID")

    assert main(["sync"]) == 1
    assert "strava.com/settings/api" in capsys.readouterr().err


def test_no_subcommand_names_the_desktop_extra_when_qt_is_missing(
    db, monkeypatch, capsys
):
    real = faces_cmd.importlib.util.find_spec
    monkeypatch.setattr(
        faces_cmd.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "PySide6" else real(name, *a),
    )

    assert main([]) == 1
    assert "athletiq[desktop]" in capsys.readouterr().err


def test_serve_names_the_server_extra_when_flask_is_missing(db, monkeypatch, capsys):
    monkeypatch.setattr(faces_cmd.importlib.util, "find_spec", lambda name, *a: None)

    assert main(["serve"]) == 1
    assert "athletiq[server]" in capsys.readouterr().err


def test_demo_builds_a_separate_database(athletiq_home, capsys):
    assert main(["demo", "--activities", "200"]) == 0
    capsys.readouterr()

    main(["--demo", "status", "--json"])

    report = json.loads(capsys.readouterr().out)
    assert report["athletes"][0]["activities"] == 200
    assert not (athletiq_home / "athletiq.sqlite").exists()


def test_demo_refuses_an_impossible_size(athletiq_home, capsys):
    assert main(["demo", "--activities", "60000"]) == 1
    assert "50,000" in capsys.readouterr().err


def test_a_sync_killed_after_its_first_page_resumes_without_duplicates(
    db, fake_strava, athletiq_home
):
    athlete, activities = demo_history(1000)
    fake_strava.add_athlete(athlete, activities, demo_gear())
    connected_session(fake_strava, athlete)
    close_database()
    hang = fake_strava.inject("/athlete/activities", "hang", query={"page": "2"})
    kill_when_hung(fake_strava, athletiq_home, hang, "sync")

    assert main(["sync"]) == 0

    ids = [a.strava_id for a in Activity.select(Activity.strava_id)]
    assert len(ids) == len(set(ids)) == 1000
    assert SyncRun.select().where(SyncRun.status == "interrupted").count() == 1


def test_export_gpx_writes_a_safely_named_file_from_fetched_streams(
    synced, fake_strava, tmp_path, capsys
):
    main(["sync"])
    _athlete, activities = synced
    run = next(a for a in activities if a["map"]["summary_polyline"])
    streams = generate_streams(DemoConfig(seed=7, activities=120), run)
    fake_strava.streams[run["id"]] = to_strava(streams)

    assert main(["export", "gpx", str(run["id"]), "-o", str(tmp_path)]) == 0

    written = list(tmp_path.glob("*.gpx"))
    assert len(written) == 1 and written[0].name.endswith(f"_{run['id']}.gpx")
    assert "<trkpt" in written[0].read_text(encoding="utf-8")


def test_export_gpx_of_an_indoor_activity_explains_why_not(synced, fake_strava, capsys):
    main(["sync"])
    _athlete, activities = synced
    indoor = next(a for a in activities if not a["map"]["summary_polyline"])
    fake_strava.streams[indoor["id"]] = {"time": {"data": [0, 1, 2]}}
    capsys.readouterr()

    assert main(["export", "gpx", str(indoor["id"])]) == 1
    assert "no GPS" in capsys.readouterr().err


def test_config_lists_changes_and_validates_settings(db, capsys):
    close_database()

    assert main(["config", "units", "imperial"]) == 0
    assert main(["config", "strava.client_secret", "s3cret-value"]) == 0
    assert main(["config"]) == 0
    listing = capsys.readouterr().out
    assert 'units = "imperial"' in listing
    assert "strava.client_secret = (set)" in listing
    assert "s3cret-value" not in listing
    assert main(["config", "units", "furlongs"]) == 1
    assert "metric, imperial" in capsys.readouterr().err


def test_config_accepts_only_known_time_zones_for_imports(db, capsys):
    close_database()

    assert main(["config", "import.timezone", "Europe/Lisbon"]) == 0
    assert main(["config", "import.timezone", "Europe/Atlantis"]) == 1
    assert "IANA time zone" in capsys.readouterr().err
    assert main(["config", "import.timezone"]) == 0
    assert '"Europe/Lisbon"' in capsys.readouterr().out
