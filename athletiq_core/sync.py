"""Listing an athlete's activities from Strava into the local database.

An incremental sync makes two passes:

* **forward**: activities that started after the newest stored one minus a margin
  (late uploads from a watch that synced a day late start *before* the newest
  stored activity);
* **backward**: while the history is not complete, carry on into the past from the
  oldest activity listed so far, so an interrupted first sync finishes later.

``full=True`` re-lists everything, updates what changed and marks activities that
are gone from Strava as deleted (kept, hidden). Pages are requested with
``per_page=200`` and a pass ends only on an empty page, because Strava can return
a short page before the end. Each page is upserted in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from athletiq_core import settings
from athletiq_core.db.models import Activity, Athlete, Gear, SyncRun, database, utcnow
from athletiq_core.errors import AthletiqError
from athletiq_core.strava import errors as strava_errors
from athletiq_core.strava.mapping import MalformedActivity, activity_row
from athletiq_core.strava.session import AthleteSession
from athletiq_core.sync_store import mark_missing_deleted, upsert_activities

logger = logging.getLogger(__name__)

PER_PAGE = 200


class SyncCancelled(AthletiqError):
    """The user stopped the sync; what was listed so far is kept."""


@dataclass
class SyncProgress:
    """A progress report: ``done`` activities listed, ``total`` when known."""

    stage: str
    done: int
    total: int | None = None
    message: str = ""


@dataclass
class SyncResult:
    """What a sync did. ``requests`` counts HTTP calls to Strava."""

    athlete_id: int
    full: bool
    listed: int = 0
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    skipped: int = 0
    requests: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


ProgressCallback = Callable[[SyncProgress], None]


def sync_athlete(
    session: AthleteSession,
    *,
    full: bool = False,
    on_progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> SyncResult:
    """Sync one athlete; returns a :class:`SyncResult`.

    Raises :class:`SyncCancelled` when ``cancel`` is set, and Strava errors
    (:mod:`athletiq_core.strava.errors`) that retrying cannot fix. Either way the
    pages already stored stay stored and the sync run is recorded.
    """
    run = _start_run(session.athlete, full)
    job = _SyncJob(session, full, on_progress or (lambda _p: None), cancel, run)
    try:
        job.execute()
    except BaseException as exc:
        _finish_run(run, job.result, _status_for(exc), _error_text(exc))
        raise
    _finish_run(run, job.result, "ok", None)
    return job.result


class _SyncJob:
    def __init__(self, session, full, report, cancel, run):
        self.session = session
        self.athlete: Athlete = session.athlete
        self.full = full
        self.report = report
        self.cancel = cancel
        self.run = run
        self.result = SyncResult(athlete_id=self.athlete.id, full=full)
        self._requests_before = session.client.requests_made
        self._started = time.monotonic()

    def execute(self) -> None:
        if self.full:
            self._full_pass()
        else:
            self._forward_pass()
            self._backward_pass()
        self._fetch_missing_gear()
        Athlete.update(last_sync_at=utcnow()).where(
            Athlete.id == self.athlete.id
        ).execute()
        self._tally()
        logger.info(
            "Sync finished for %s: %d new, %d updated, %d deleted in %.0f s",
            self.athlete.name,
            self.result.inserted,
            self.result.updated,
            self.result.deleted,
            self.result.seconds,
        )

    def _forward_pass(self) -> None:
        newest = (
            Activity.select(Activity.start_date)
            .where(Activity.athlete == self.athlete, Activity.strava_id.is_null(False))
            .order_by(Activity.start_date.desc())
            .first()
        )
        if newest is None:
            return
        margin = dt.timedelta(hours=settings.get("sync.margin_hours"))
        after = _epoch(newest.start_date - margin)
        self._list_pages("new activities", {"after": after}, walking_back=False)

    def _backward_pass(self) -> None:
        athlete = Athlete.get_by_id(self.athlete.id)
        if athlete.history_complete:
            return
        params = {}
        if athlete.history_before is not None:
            # ``before`` is exclusive; one second of overlap re-lists nothing new
            # but guards activities sharing the boundary second.
            params["before"] = athlete.history_before + 1
        self._list_pages("history", params, walking_back=True)

    def _full_pass(self) -> None:
        seen: set[int] = set()
        self._list_pages("all activities", {}, walking_back=True, seen=seen)
        self.result.deleted = mark_missing_deleted(self.athlete.id, seen)

    def _list_pages(self, stage, params, *, walking_back, seen=None) -> None:
        page = 1
        while True:
            self._check_cancel()
            items = self._get_page({**params, "page": page, "per_page": PER_PAGE})
            if not items:
                if walking_back:
                    _mark_history_complete(self.athlete.id)
                return
            self._store_page(items, walking_back, seen)
            self.report(SyncProgress(stage, self.result.listed, None, f"page {page}"))
            page += 1

    def _get_page(self, params: dict[str, Any]) -> list[Any]:
        items = self.session.get("/athlete/activities", params)
        if not isinstance(items, list):
            raise strava_errors.MalformedResponse(
                "Strava's activity list was not a list; the sync stopped and will "
                "resume from here next time."
            )
        return items

    def _store_page(self, items, walking_back, seen) -> None:
        rows = list(self._rows(items))
        with database.atomic():
            inserted, updated = upsert_activities(self.athlete.id, rows)
            if walking_back and rows:
                oldest = min(_epoch(row["start_date"]) for row in rows)
                _move_history_cursor(self.athlete.id, oldest)
        self.result.listed += len(items)
        self.result.inserted += inserted
        self.result.updated += updated
        if seen is not None:
            seen.update(row["strava_id"] for row in rows)

    def _rows(self, items: Iterable[Any]) -> Iterable[dict[str, Any]]:
        for item in items:
            try:
                yield activity_row(item, self.athlete.id)
            except MalformedActivity as exc:
                message = f"Skipped {exc}"
                logger.warning("%s", message)
                self.result.skipped += 1
                self.result.warnings.append(message)

    def _fetch_missing_gear(self) -> None:
        for gear_id in _unknown_gear_ids(self.athlete.id, refresh_all=self.full):
            self._check_cancel()
            try:
                gear = self.session.get(f"/gear/{gear_id}")
            except strava_errors.NotFound:
                # Retired or deleted gear: remember the id so it is not asked again.
                logger.warning("Gear %s is unknown to Strava", gear_id)
                gear = {"name": gear_id}
            _store_gear(self.athlete.id, gear_id, gear)

    def _check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            self._tally()
            raise SyncCancelled("Sync stopped; what was listed so far is kept.")

    def _tally(self) -> None:
        self.result.requests = self.session.client.requests_made - self._requests_before
        self.result.seconds = time.monotonic() - self._started


def _epoch(naive_utc: dt.datetime) -> int:
    return int(naive_utc.replace(tzinfo=dt.UTC).timestamp())


def _move_history_cursor(athlete_id: int, oldest_epoch: int) -> None:
    Athlete.update(history_before=oldest_epoch).where(
        (Athlete.id == athlete_id)
        & (Athlete.history_before.is_null() | (Athlete.history_before > oldest_epoch))
    ).execute()


def _mark_history_complete(athlete_id: int) -> None:
    Athlete.update(history_complete=True).where(Athlete.id == athlete_id).execute()


def _unknown_gear_ids(athlete_id: int, *, refresh_all: bool) -> list[str]:
    used = (
        Activity.select(Activity.gear_id)
        .where(Activity.athlete == athlete_id, Activity.gear_id.is_null(False))
        .distinct()
    )
    ids = {row.gear_id for row in used}
    if not refresh_all:
        ids -= {g.id for g in Gear.select(Gear.id).where(Gear.id.in_(list(ids)))}
    return sorted(ids)


def _store_gear(athlete_id: int, gear_id: str, gear: Any) -> None:
    if not isinstance(gear, dict):
        logger.warning("Gear %s came back in an unexpected shape; skipped", gear_id)
        return
    Gear.insert(
        id=gear_id,
        athlete=athlete_id,
        name=str(gear.get("name") or gear.get("nickname") or gear_id),
        kind="bike" if gear_id.startswith("b") else "shoe",
        brand_name=gear.get("brand_name"),
        model_name=gear.get("model_name"),
        distance=float(gear.get("distance") or 0.0),
        primary=bool(gear.get("primary")),
        retired=bool(gear.get("retired")),
        raw_json=json.dumps(gear),
    ).on_conflict(
        conflict_target=[Gear.id],
        preserve=[
            Gear.name,
            Gear.brand_name,
            Gear.model_name,
            Gear.distance,
            Gear.primary,
            Gear.retired,
            Gear.raw_json,
        ],
    ).execute()


def _start_run(athlete: Athlete, full: bool) -> SyncRun:
    SyncRun.update(status="interrupted", finished_at=utcnow()).where(
        (SyncRun.athlete == athlete) & (SyncRun.status == "running")
    ).execute()
    return SyncRun.create(athlete=athlete, kind="full" if full else "incremental")


def _finish_run(run: SyncRun, result: SyncResult, status: str, error: str | None):
    SyncRun.update(
        finished_at=utcnow(),
        status=status,
        requests=result.requests,
        listed=result.listed,
        inserted=result.inserted,
        updated=result.updated,
        deleted=result.deleted,
        skipped=result.skipped,
        error=error,
    ).where(SyncRun.id == run.id).execute()


def _status_for(exc: BaseException) -> str:
    if isinstance(exc, SyncCancelled | KeyboardInterrupt):
        return "interrupted"
    return "failed"


def _error_text(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
