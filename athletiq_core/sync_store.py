"""Bulk writes of listed activities: one statement per page, no query per row.

Rows are upserted on the Strava id. Columns that only the detail, a file or the
user provide (description, streams state, race override, sources…) survive an
update. A stored detail is queued again when the activity's distance or time
changed on Strava (for example after a crop).
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from athletiq_core.db.models import Activity, database, utcnow
from athletiq_core.twins import TWIN_WINDOW, closest_twin

logger = logging.getLogger(__name__)

_SUMMARY_COLUMNS = (
    "athlete_id",
    "strava_id",
    "external_id",
    "upload_id",
    "name",
    "sport_type",
    "type",
    "start_date",
    "start_date_local",
    "timezone",
    "utc_offset",
    "local_date",
    "local_year",
    "local_month",
    "iso_year",
    "iso_week",
    "distance",
    "moving_time",
    "elapsed_time",
    "total_elevation_gain",
    "elev_high",
    "elev_low",
    "average_speed",
    "max_speed",
    "has_heartrate",
    "average_heartrate",
    "max_heartrate",
    "average_cadence",
    "average_watts",
    "weighted_average_watts",
    "max_watts",
    "device_watts",
    "kilojoules",
    "suffer_score",
    "workout_type",
    "gear_id",
    "trainer",
    "commute",
    "manual",
    "private",
    "visibility",
    "flagged",
    "kudos_count",
    "achievement_count",
    "pr_count",
    "start_lat",
    "start_lng",
    "end_lat",
    "end_lng",
    "summary_polyline",
    "device_name",
    "raw_json",
)
_INSERT_ONLY = {
    "created_at": None,
    "detail_state": "missing",
    "detail_attempts": 0,
    "detail_priority": 0,
    "sources": "api",
    "deleted": False,
}


def _upsert_sql() -> str:
    columns = (*_SUMMARY_COLUMNS, "updated_at", *_INSERT_ONLY)
    placeholders = ", ".join("?" for _ in columns)
    updates = ", ".join(
        f'"{c}" = excluded."{c}"'
        for c in (*_SUMMARY_COLUMNS, "updated_at")
        if c not in ("athlete_id", "device_name")
    )
    names = ", ".join(f'"{c}"' for c in columns)
    return (
        f"INSERT INTO activity ({names}) "
        f"VALUES ({placeholders}) ON CONFLICT (strava_id) DO UPDATE SET {updates}, "
        "device_name = COALESCE(activity.device_name, excluded.device_name), "
        "deleted = 0, deleted_at = NULL, "
        "sources = CASE WHEN instr(activity.sources, 'api') THEN activity.sources "
        "ELSE activity.sources || ',api' END, "
        "detail_state = CASE WHEN activity.detail_state = 'fetched' AND "
        "(abs(activity.distance - excluded.distance) > 1 OR "
        "activity.elapsed_time != excluded.elapsed_time) "
        "THEN 'missing' ELSE activity.detail_state END"
    )


UPSERT_SQL = _upsert_sql()


def upsert_activities(athlete_id: int, rows: list[dict[str, Any]]) -> tuple[int, int]:
    """Insert or update ``rows`` (from ``activity_row``); returns (inserted, updated).

    Must run inside a transaction. Costs two queries and one batched statement
    whatever the page size, plus an update per file-imported twin adopted.
    """
    if not rows:
        return 0, 0
    existing = _existing_raw([row["strava_id"] for row in rows])
    new_rows = [r for r in rows if r["strava_id"] not in existing]
    existing.update(dict.fromkeys(_adopt_file_only_twins(athlete_id, new_rows)))
    now = utcnow()
    params = [_params(row, now) for row in rows]
    database.cursor().executemany(UPSERT_SQL, params)
    inserted = sum(1 for row in rows if row["strava_id"] not in existing)
    updated = sum(
        1
        for row in rows
        if row["strava_id"] in existing
        and existing[row["strava_id"]] != row["raw_json"]
    )
    return inserted, updated


def mark_missing_deleted(athlete_id: int, seen_ids: set[int]) -> int:
    """Mark the athlete's API activities not in ``seen_ids`` deleted; returns count."""
    with database.atomic():
        database.execute_sql("CREATE TEMP TABLE IF NOT EXISTS seen_ids (id INTEGER)")
        database.execute_sql("DELETE FROM seen_ids")
        database.cursor().executemany(
            "INSERT INTO seen_ids (id) VALUES (?)", [(i,) for i in seen_ids]
        )
        cursor = database.execute_sql(
            "UPDATE activity SET deleted = 1, deleted_at = ? "
            "WHERE athlete_id = ? AND strava_id IS NOT NULL AND deleted = 0 "
            "AND instr(sources, 'api') AND strava_id NOT IN (SELECT id FROM seen_ids)",
            (str(utcnow()), athlete_id),
        )
        count = cursor.rowcount
    if count:
        logger.info("%d activities are gone from Strava; marked deleted", count)
    return count


def _existing_raw(strava_ids: list[int]) -> dict[int, str | None]:
    if not strava_ids:
        return {}
    query = Activity.select(Activity.strava_id, Activity.raw_json).where(
        Activity.strava_id.in_(strava_ids)
    )
    return {row.strava_id: row.raw_json for row in query}


def _adopt_file_only_twins(
    athlete_id: int, new_rows: list[dict[str, Any]]
) -> list[int]:
    """Give file-imported activities without a Strava id the id of their API twin;
    returns the Strava ids so adopted."""
    if not new_rows:
        return []
    starts = [row["start_date"] for row in new_rows]
    candidates = list(
        Activity.select(Activity.id, Activity.start_date, Activity.sport_type).where(
            Activity.athlete == athlete_id,
            Activity.strava_id.is_null(),
            Activity.start_date.between(
                min(starts) - TWIN_WINDOW, max(starts) + TWIN_WINDOW
            ),
        )
    )
    adopted = []
    for row in new_rows:
        twin = closest_twin(candidates, row["start_date"], row["sport_type"])
        if twin is not None:
            candidates.remove(twin)
            Activity.update(strava_id=row["strava_id"]).where(
                Activity.id == twin.id
            ).execute()
            adopted.append(row["strava_id"])
    return adopted


def _params(row: dict[str, Any], now: dt.datetime) -> tuple[Any, ...]:
    values = [_sql_value(row[c]) for c in _SUMMARY_COLUMNS]
    values.append(str(now))
    inserts = {**_INSERT_ONLY, "created_at": str(now)}
    values.extend(_sql_value(v) for v in inserts.values())
    return tuple(values)


def _sql_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return str(value)
    return value
