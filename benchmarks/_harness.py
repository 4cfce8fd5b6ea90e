"""Shared set-up for benchmarks: a temporary data folder and the fake Strava."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from athletiq_core.db import close_database, open_database  # noqa: E402
from tests.fake_strava import FakeStrava  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]


@contextlib.contextmanager
def fake_strava_env():
    """A running fake Strava and a fresh database; yields the fake."""
    fake = FakeStrava().start()
    previous = {k: os.environ.get(k) for k in fake.env()}
    os.environ.update(fake.env())
    with tempfile.TemporaryDirectory() as folder:
        open_database(Path(folder) / "bench.sqlite")
        try:
            yield fake
        finally:
            close_database()
            fake.stop()
            for key, value in previous.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
