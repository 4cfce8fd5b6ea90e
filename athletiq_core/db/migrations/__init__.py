"""Versioned schema upgrades.

Version 1 is the first released schema, frozen as SQL in ``v0001_initial.sql``.
Every later version is a function below. A new database runs them all in order,
so new and upgraded databases end up with the same schema by construction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib import resources

from peewee import (
    BooleanField,
    CharField,
    Database,
    DateTimeField,
    FloatField,
    IntegerField,
    TextField,
)
from playhouse.migrate import SqliteMigrator, migrate

from athletiq_core.db import models
from athletiq_core.errors import AthletiqError

logger = logging.getLogger(__name__)


class SchemaTooNewError(AthletiqError):
    """The database was written by a newer Athletiq than this one."""


def _v1_initial(db: Database) -> None:
    sql = resources.files(__package__).joinpath("v0001_initial.sql").read_text()
    for statement in filter(None, (part.strip() for part in sql.split(";"))):
        db.execute_sql(statement)


def _v2_details(db: Database) -> None:
    migrator = SqliteMigrator(db)
    activity_columns = {
        "description": TextField(null=True),
        "polyline": TextField(null=True),
        "detail_state": CharField(default=models.DETAIL_MISSING),
        "detail_attempts": IntegerField(default=0),
        "detail_error": TextField(null=True),
        "detail_priority": IntegerField(default=0),
        "detail_fetched_at": DateTimeField(null=True),
        "race_override": BooleanField(null=True),
        "multisport_group": CharField(null=True),
        "sources": CharField(default="api"),
    }
    athlete_columns = {
        "max_hr": IntegerField(null=True),
        "rest_hr": IntegerField(null=True),
        "threshold_hr": IntegerField(null=True),
        "threshold_pace": FloatField(null=True),
    }
    operations = [
        migrator.add_column("activity", name, field)
        for name, field in activity_columns.items()
    ]
    operations += [
        migrator.add_column("athlete", name, field)
        for name, field in athlete_columns.items()
    ]
    migrate(*operations)
    # Analytics read these columns for every activity in a period; a covering
    # index keeps those scans off the wide rows (raw JSON, polylines). It replaces
    # the narrower per-date indexes of version 1.
    db.execute_sql('DROP INDEX IF EXISTS "activity_athlete_id_local_date"')
    db.execute_sql('DROP INDEX IF EXISTS "activity_athlete_id_sport_type_local_date"')
    db.execute_sql(
        'CREATE INDEX "activity_analytics" ON "activity" ("athlete_id", '
        '"local_date", "deleted", "sport_type", "distance", "moving_time", '
        '"total_elevation_gain", "iso_year", "iso_week", "start_date", '
        '"workout_type", "race_override", "pr_count", "gear_id", '
        '"average_heartrate", "max_heartrate", "average_watts", '
        '"weighted_average_watts", "device_watts", "suffer_score")'
    )
    # The backfill queue's order, so taking the next item reads one index entry.
    db.execute_sql(
        'CREATE INDEX "activity_detail_queue" ON "activity" ("athlete_id", '
        '"detail_state", "detail_priority" DESC, "detail_attempts", '
        '"start_date" DESC)'
    )
    db.create_tables(models.V2_MODELS)


def _v3_routes(db: Database) -> None:
    db.create_tables(models.V3_MODELS)


STEPS: list[tuple[int, Callable[[Database], None]]] = [
    (1, _v1_initial),
    (2, _v2_details),
    (3, _v3_routes),
]
LATEST = STEPS[-1][0]


def current_version(db: Database) -> int:
    """The schema version stored in ``db`` (0 for an empty database)."""
    if "schema_version" not in db.get_tables():
        return 0
    row = db.execute_sql("SELECT MAX(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def upgrade(db: Database, target: int = LATEST) -> int:
    """Bring ``db`` to schema ``target``, one transaction per step; returns it."""
    version = current = current_version(db)
    if version > LATEST:
        raise SchemaTooNewError(
            f"This database has schema version {version}, but this Athletiq only "
            f"knows up to {LATEST}. Update Athletiq to open it."
        )
    created = version == 0
    for step, apply in STEPS:
        if version < step <= target:
            _apply(db, step, apply)
            version = step
    if created:
        logger.info("New database created (schema version %d)", version)
    elif version > current:
        logger.info("Database schema upgraded from version %d to %d", current, version)
    return version


def _apply(db: Database, step: int, apply: Callable[[Database], None]) -> None:
    with db.atomic():
        apply(db)
        db.execute_sql(
            "INSERT INTO schema_version (version, upgraded_at) VALUES (?, ?)",
            (step, models.utcnow()),
        )
    logger.debug("Database schema step %d applied", step)
