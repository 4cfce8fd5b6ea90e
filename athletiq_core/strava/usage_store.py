"""Remembering the last rate-limit usage Strava reported, per API app.

Stored so ``athletiq status`` can show it and a restarted process starts from
what Strava last said instead of assuming a fresh budget.
"""

from __future__ import annotations

import datetime as dt
import logging

from peewee import PeeweeException

from athletiq_core.db.models import RateLimitState, database
from athletiq_core.strava.ratelimit import Governor, RateLimitSnapshot, Usage

logger = logging.getLogger(__name__)

_BUCKETS = ("overall", "read")
_PARTS = ("short_used", "short_limit", "daily_used", "daily_limit")


def save_usage(client_id: str, snapshot: RateLimitSnapshot | None) -> None:
    """Store ``snapshot`` for ``client_id``; a database problem is only logged."""
    if snapshot is None or database.obj is None:
        return
    row = {"client_id": str(client_id), "observed_at": _naive(snapshot.observed_at)}
    for bucket in _BUCKETS:
        usage = getattr(snapshot, bucket)
        for part in _PARTS:
            row[f"{bucket}_{part}"] = getattr(usage, part) if usage else None
    try:
        RateLimitState.replace(**row).execute()
    except PeeweeException as exc:
        logger.debug("Could not store rate-limit usage: %s", exc)


def load_usage(client_id: str) -> RateLimitSnapshot | None:
    """The stored snapshot for ``client_id``, or None."""
    if database.obj is None:
        return None
    row = RateLimitState.get_or_none(RateLimitState.client_id == str(client_id))
    if row is None:
        return None
    buckets = {bucket: _usage(row, bucket) for bucket in _BUCKETS}
    observed = row.observed_at.replace(tzinfo=dt.UTC)
    return RateLimitSnapshot(buckets["overall"], buckets["read"], observed)


def restore_usage(client_id: str, governor: Governor) -> None:
    """Seed ``governor`` with the stored snapshot when it has seen nothing yet."""
    if governor.snapshot() is not None:
        return
    snapshot = load_usage(client_id)
    if snapshot is not None:
        governor.restore(snapshot)


def _usage(row: RateLimitState, bucket: str) -> Usage | None:
    values = [getattr(row, f"{bucket}_{part}") for part in _PARTS]
    return None if any(v is None for v in values) else Usage(*values)


def _naive(moment: dt.datetime) -> dt.datetime:
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment
