"""Opening the SQLite database: owner-only file, WAL mode, schema upgraded on open."""

from __future__ import annotations

import logging
import os
from contextlib import contextmanager
from pathlib import Path

from peewee import SqliteDatabase

from athletiq_core.db import migrations
from athletiq_core.db.models import database

logger = logging.getLogger(__name__)

# peewee logs every statement with its parameters at DEBUG, and some parameters
# are Strava tokens: its debug output must never reach a log.
logging.getLogger("peewee").setLevel(logging.INFO)

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "normal",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -64000,
}


def open_database(path: Path, *, upgrade: bool = True) -> SqliteDatabase:
    """Open (creating if needed) the database at ``path`` and bind the models to it.

    The file and its WAL companions are created readable by the owner only, because
    the database holds Strava tokens. With ``upgrade`` the schema is brought to the
    current version.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _owner_only_files():
        db = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
        database.initialize(db)
        db.connect(reuse_if_open=True)
    _restrict(path)
    if upgrade:
        migrations.upgrade(db)
    logger.debug("Opened database %s", path)
    return db


def close_database() -> None:
    """Close the bound database's connection in this thread, if any."""
    if database.obj is not None and not database.is_closed():
        database.close()


@contextmanager
def _owner_only_files():
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def _restrict(path: Path) -> None:
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if candidate.exists():
            candidate.chmod(0o600)
