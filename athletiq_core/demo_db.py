"""Filling a database with the deterministic demo athlete.

The demo database is a separate file (``athletiq-demo.sqlite``) so demo data never
mixes with an athlete's own. Refreshing it rebuilds it from scratch.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from pathlib import Path

from athletiq_core.db import close_database, open_database
from athletiq_core.db.models import Athlete, Gear, database
from athletiq_core.demo import (
    DemoConfig,
    generate_activities,
    generate_athlete,
    generate_gear,
)
from athletiq_core.strava.mapping import activity_row
from athletiq_core.sync_store import upsert_activities

logger = logging.getLogger(__name__)

BATCH = 500


def create_demo_database(
    path: Path,
    config: DemoConfig | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> int:
    """(Re)create the demo database at ``path``; returns the activity count."""
    config = config or DemoConfig()
    _remove(Path(path))
    open_database(Path(path))
    athlete = _store_athlete(config)
    _store_gear(athlete, generate_gear(config))
    activities = generate_activities(config)
    for start in range(0, len(activities), BATCH):
        rows = [activity_row(a, athlete.id) for a in activities[start : start + BATCH]]
        with database.atomic():
            upsert_activities(athlete.id, rows)
        if on_progress:
            on_progress(min(start + BATCH, len(activities)), len(activities))
    _finish(athlete)
    logger.info("Demo database ready: %d activities in %s", len(activities), path)
    return len(activities)


def _remove(path: Path) -> None:
    close_database()
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        candidate.unlink(missing_ok=True)


def _store_athlete(config: DemoConfig) -> Athlete:
    data = generate_athlete(config)
    birth = data.get("athletiq_birthdate")
    return Athlete.create(
        strava_id=data["id"],
        firstname=data.get("firstname", ""),
        lastname=data.get("lastname", ""),
        city=data.get("city"),
        country=data.get("country"),
        sex=data.get("sex"),
        birth_date=dt.date.fromisoformat(birth) if birth else None,
        measurement_preference=data.get("measurement_preference"),
        ftp=data.get("ftp"),
        weight=data.get("weight"),
        raw_json=json.dumps(data),
    )


def _store_gear(athlete: Athlete, gear: list[dict]) -> None:
    for item in gear:
        Gear.create(
            id=item["id"],
            athlete=athlete,
            name=item.get("name") or item["id"],
            kind="bike" if item["id"].startswith("b") else "shoe",
            brand_name=item.get("brand_name"),
            model_name=item.get("model_name"),
            distance=float(item.get("distance") or 0.0),
            primary=bool(item.get("primary")),
            retired=bool(item.get("retired")),
            raw_json=json.dumps(item),
        )


def _finish(athlete: Athlete) -> None:
    Athlete.update(history_complete=True).where(Athlete.id == athlete.id).execute()
