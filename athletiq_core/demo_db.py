"""Filling a database with the deterministic demo athlete.

The demo database is a separate file (``athletiq-demo.sqlite``) so demo data never
mixes with an athlete's own. Refreshing it rebuilds it from scratch.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from athletiq_core.db import close_database, open_database
from athletiq_core.db.models import Activity, Athlete, Gear, database
from athletiq_core.demo import (
    DemoConfig,
    generate_activities,
    generate_athlete,
    generate_detail,
    generate_gear,
)
from athletiq_core.details.store import store_detail
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
    _store_details(config, activities, on_progress)
    _finish(athlete)
    logger.info("Demo database ready: %d activities in %s", len(activities), path)
    return len(activities)


def _store_details(config: DemoConfig, activities: list[dict], on_progress) -> None:
    """Details (splits, best efforts, laps, segments) for every activity with a
    device recording, generated in worker processes and stored here."""
    wanted = [a for a in activities if not a.get("manual")]
    stored = {
        a.strava_id: a
        for a in Activity.select(Activity.id, Activity.strava_id, Activity.athlete)
    }
    jobs = [(config, a) for a in wanted]
    with _pool(len(jobs)) as pool:
        details = pool.map(_detail, jobs, chunksize=16)
        with database.atomic():
            for done, detail in enumerate(details, start=1):
                store_detail(stored[detail["id"]], detail)
                if on_progress and (done % 100 == 0 or done == len(jobs)):
                    on_progress(done, len(jobs))


def _detail(job: tuple[DemoConfig, dict]) -> dict:
    config, summary = job
    return generate_detail(config, summary)


def _pool(jobs: int):
    if jobs < 50:
        return _InlinePool()
    return ProcessPoolExecutor(os.cpu_count() or 2, mp_context=get_context("spawn"))


class _InlinePool:
    """A stand-in for a process pool when there is too little work to share."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def map(self, function, items, chunksize=1):
        return map(function, items)


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
