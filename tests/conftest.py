"""Fixtures shared by every test: a private data folder and a fake Strava."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from athletiq_core.db import close_database, open_database
from athletiq_core.strava.ratelimit import reset_registry
from tests.fake_strava import FakeStrava

REPO_ROOT = Path(__file__).resolve().parents[1]
# Real activity files from many devices (see tests/data/*/SOURCES.md for origins).
SHARED_DATA = REPO_ROOT / "tests" / "data"


@pytest.fixture(autouse=True)
def athletiq_home(tmp_path, monkeypatch):
    """Every test gets its own data folder and no Strava settings from outside."""
    home = tmp_path / "athletiq-home"
    monkeypatch.setenv("ATHLETIQ_HOME", str(home))
    for name in (
        "STRAVA_CLIENT_ID",
        "STRAVA_CLIENT_SECRET",
        "ATHLETIQ_STRAVA_API_URL",
        "ATHLETIQ_STRAVA_OAUTH_URL",
    ):
        monkeypatch.delenv(name, raising=False)
    reset_registry()
    yield home
    close_database()
    reset_registry()


@pytest.fixture
def db(athletiq_home):
    database = open_database(athletiq_home / "athletiq.sqlite")
    yield database
    close_database()


@pytest.fixture
def fake_strava(monkeypatch):
    fake = FakeStrava().start()
    for key, value in fake.env().items():
        monkeypatch.setenv(key, value)
    yield fake
    fake.stop()


@pytest.fixture
def log_records():
    """Every log record emitted during the test, at DEBUG and above."""
    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(record)

    handler = Collect(level=logging.DEBUG)
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield records
    root.removeHandler(handler)
    root.setLevel(previous)
