"""A summary of what the database holds, for ``athletiq status`` and the server."""

from __future__ import annotations

import datetime as dt
from typing import Any

from peewee import fn

from athletiq_core.db.models import (
    Activity,
    Athlete,
    RateLimitState,
    Route,
    StravaCredential,
    SyncRun,
)
from athletiq_core.details.backfill import load_status


def status_report() -> dict[str, Any]:
    """Athletes (with counts and last sync) and the last rate-limit usage seen.

    Times are ISO 8601 UTC strings with a trailing ``Z``.
    """
    counts = _activity_counts()
    credentials = {c.athlete_id: c for c in StravaCredential.select()}
    return {
        "athletes": [
            _athlete_entry(a, counts, credentials.get(a.id))
            for a in Athlete.select().order_by(Athlete.id)
        ],
        "rate_limits": [_usage_entry(row) for row in RateLimitState.select()],
    }


def _activity_counts() -> dict[tuple[int, bool], int]:
    query = Activity.select(
        Activity.athlete, Activity.deleted, fn.COUNT(Activity.id).alias("n")
    ).group_by(Activity.athlete, Activity.deleted)
    return {(row.athlete_id, bool(row.deleted)): row.n for row in query}


def _athlete_entry(athlete: Athlete, counts, credential) -> dict[str, Any]:
    last_run = (
        SyncRun.select()
        .where(SyncRun.athlete == athlete)
        .order_by(SyncRun.id.desc())
        .first()
    )
    return {
        "id": athlete.id,
        "strava_id": athlete.strava_id,
        "name": athlete.name,
        "activities": counts.get((athlete.id, False), 0),
        "deleted_activities": counts.get((athlete.id, True), 0),
        "routes": Route.select().where(Route.athlete == athlete).count(),
        "connected": credential is not None,
        "scopes": credential.scopes.split(",")
        if credential and credential.scopes
        else [],
        "history_complete": athlete.history_complete,
        "last_sync": _iso(athlete.last_sync_at),
        "last_sync_run": _run_entry(last_run) if last_run else None,
        "backfill": _backfill_entry(athlete.id),
    }


def _backfill_entry(athlete_id: int) -> dict[str, Any]:
    status = load_status(athlete_id)
    return {
        "state": status.state.value,
        "fetched": status.done,
        "remaining": status.remaining,
        "failed": status.failed,
        "gone": status.gone,
        "wait_until": status.wait_until.isoformat() if status.wait_until else None,
        "last_error": status.last_error,
    }


def _run_entry(run: SyncRun) -> dict[str, Any]:
    return {
        "kind": run.kind,
        "status": run.status,
        "started": _iso(run.started_at),
        "finished": _iso(run.finished_at),
        "requests": run.requests,
        "inserted": run.inserted,
        "updated": run.updated,
        "deleted": run.deleted,
        "skipped": run.skipped,
        "error": run.error,
    }


def _usage_entry(row: RateLimitState) -> dict[str, Any]:
    return {
        "client_id": row.client_id,
        "observed_at": _iso(row.observed_at),
        "read_15min": [row.read_short_used, row.read_short_limit],
        "read_daily": [row.read_daily_used, row.read_daily_limit],
        "overall_15min": [row.overall_short_used, row.overall_short_limit],
        "overall_daily": [row.overall_daily_used, row.overall_daily_limit],
    }


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.replace(microsecond=0).isoformat() + "Z"
