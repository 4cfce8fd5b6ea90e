"""The database file, its schema upgrades and the settings registry."""

from __future__ import annotations

import datetime as dt
import stat

import pytest
from peewee import SqliteDatabase

from athletiq_core import paths, settings
from athletiq_core.db import migrations, open_database
from athletiq_core.db.models import ALL_MODELS, Activity, Athlete, database
from athletiq_core.errors import ConfigurationError


def test_database_is_owner_only_and_in_wal_mode(db, athletiq_home):
    path = athletiq_home / "athletiq.sqlite"

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_data_folder_follows_athletiq_home(athletiq_home):
    assert paths.database_path() == athletiq_home / "athletiq.sqlite"


def _v1_database(path):
    raw = SqliteDatabase(str(path))
    migrations.upgrade(raw, target=1)
    raw.execute_sql(
        "INSERT INTO athlete (id, strava_id, firstname, lastname, history_complete, "
        "created_at) VALUES (1, 99, 'Ada', 'Runner', 1, '2024-01-01 00:00:00')"
    )
    raw.execute_sql(
        "INSERT INTO activity (id, athlete_id, strava_id, name, sport_type, "
        "start_date, start_date_local, utc_offset, local_date, local_year, "
        "local_month, iso_year, iso_week, distance, moving_time, elapsed_time, "
        "total_elevation_gain, has_heartrate, device_watts, trainer, commute, "
        "manual, private, flagged, kudos_count, achievement_count, pr_count, "
        "deleted, created_at, updated_at) VALUES (1, 1, 17000000001, 'Old run', "
        "'Run', '2024-01-01 06:00:00', '2024-01-01 07:00:00', 3600, '2024-01-01', "
        "2024, 1, 2024, 1, 10000.0, 3000, 3100, 50.0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "
        "0, 0, '2024-01-01 00:00:00', '2024-01-01 00:00:00')"
    )
    raw.close()


def test_upgrading_a_first_release_database_keeps_every_row(tmp_path):
    path = tmp_path / "v1.sqlite"
    _v1_database(path)

    db = open_database(path)

    assert migrations.current_version(db) == migrations.LATEST
    activity = Activity.get()
    assert (activity.name, activity.distance, activity.strava_id) == (
        "Old run",
        10000.0,
        17000000001,
    )
    assert activity.local_date == dt.date(2024, 1, 1)
    assert activity.detail_state == "missing"
    assert Athlete.get().name == "Ada Runner"


def test_upgraded_and_new_databases_have_the_same_columns(tmp_path):
    _v1_database(tmp_path / "old.sqlite")
    upgraded = open_database(tmp_path / "old.sqlite")
    old_columns = _columns(upgraded)
    fresh = open_database(tmp_path / "new.sqlite")

    assert old_columns == _columns(fresh)
    for model in ALL_MODELS:
        declared = {f.column_name for f in model._meta.sorted_fields}
        assert declared == old_columns[model._meta.table_name]


def _columns(db):
    return {table: {c.name for c in db.get_columns(table)} for table in db.get_tables()}


def test_a_database_from_a_newer_release_is_refused(tmp_path):
    open_database(tmp_path / "new.sqlite")
    database.execute_sql(
        "INSERT INTO schema_version (version, upgraded_at) VALUES (99, '2030-01-01')"
    )

    with pytest.raises(migrations.SchemaTooNewError, match="Update Athletiq"):
        open_database(tmp_path / "new.sqlite")


def test_settings_have_declared_defaults_and_validate_values(db):
    assert settings.get("units") == "metric"

    settings.set_value("units", "imperial")
    assert settings.get("units") == "imperial"
    with pytest.raises(ConfigurationError, match="metric, imperial"):
        settings.set_value("units", "furlongs")
    with pytest.raises(ConfigurationError, match="Unknown setting"):
        settings.get("colour")


def test_environment_overrides_the_stored_client_id(db, monkeypatch):
    settings.set_value("strava.client_id", "111")
    monkeypatch.setenv("STRAVA_CLIENT_ID", "222")

    assert settings.get("strava.client_id") == "222"


def test_a_bad_secret_value_is_not_echoed(db):
    with pytest.raises(ConfigurationError) as caught:
        settings.coerce(settings.spec("strava.client_secret"), object())
    assert "hidden" in str(caught.value)
