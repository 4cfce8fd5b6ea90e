"""The detail backfill: fetch every activity's detail at the speed Strava allows.

The queue is the ``detail_state`` column: new activities from any sync join it as
``missing``. Order: activities the user asked for first (``detail_priority``),
then fewest failed attempts, then newest first. The job spends the background
share of the app's read budget and, when a window is spent, waits (interruptibly)
for the next quarter hour or midnight UTC. Its state is explicit and stored, and
it resumes by itself after a restart; what was stored is never fetched again.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from peewee import fn

from athletiq_core import settings
from athletiq_core.db.models import (
    DETAIL_FAILED,
    DETAIL_FETCHED,
    DETAIL_GONE,
    DETAIL_MISSING,
    Activity,
    JobState,
    utcnow,
)
from athletiq_core.details.store import store_detail
from athletiq_core.details.streams_store import fetch_streams
from athletiq_core.strava import errors
from athletiq_core.strava.mapping import MalformedActivity
from athletiq_core.strava.ratelimit import Priority
from athletiq_core.strava.session import AthleteSession

logger = logging.getLogger(__name__)

JOB = "backfill"
# After this many failed attempts an item stops being retried automatically;
# ``retry_failed`` puts it back in the queue.
MAX_ATTEMPTS = 5


class BackfillState(enum.StrEnum):
    RUNNING = "running"
    WAITING_15_MINUTE = "waiting for the 15-minute window"
    WAITING_DAILY = "waiting for the daily limit"
    NEEDS_RECONNECT = "needs reconnect"
    APP_INACTIVE = "app inactive"
    PAUSED = "paused"
    DONE = "done"


@dataclass
class BackfillStatus:
    """What the backfill is doing. ``wait_until`` is aware UTC when waiting."""

    state: BackfillState
    done: int
    remaining: int
    failed: int
    gone: int
    wait_until: dt.datetime | None = None
    last_error: str | None = None

    def describe(self) -> str:
        counts = f"{self.done} fetched, {self.remaining} to go, {self.failed} failed"
        until = (
            f" until {self.wait_until:%Y-%m-%d %H:%M} UTC" if self.wait_until else ""
        )
        return f"{self.state.value}{until} ({counts})"


def queue_counts(athlete_id: int) -> dict[str, int]:
    """Activities per detail state for ``athlete_id`` (Strava activities only)."""
    query = (
        Activity.select(Activity.detail_state, fn.COUNT(Activity.id).alias("n"))
        .where(
            Activity.athlete == athlete_id,
            Activity.strava_id.is_null(False),
            Activity.deleted == False,  # noqa: E712
        )
        .group_by(Activity.detail_state)
    )
    counts = dict.fromkeys(
        (DETAIL_MISSING, DETAIL_FETCHED, DETAIL_FAILED, DETAIL_GONE), 0
    )
    counts.update({row.detail_state: row.n for row in query})
    return counts


def load_status(athlete_id: int) -> BackfillStatus:
    """The stored state of the athlete's backfill with fresh counts."""
    row = JobState.get_or_none(JobState.athlete == athlete_id, JobState.job == JOB)
    detail = json.loads(row.detail) if row and row.detail else {}
    counts = queue_counts(athlete_id)
    state = BackfillState(row.state) if row else BackfillState.PAUSED
    if counts[DETAIL_MISSING] == 0 and state is not BackfillState.NEEDS_RECONNECT:
        state = BackfillState.DONE
    wait_until = detail.get("wait_until")
    return BackfillStatus(
        state=state,
        done=counts[DETAIL_FETCHED],
        remaining=counts[DETAIL_MISSING],
        failed=counts[DETAIL_FAILED],
        gone=counts[DETAIL_GONE],
        wait_until=dt.datetime.fromisoformat(wait_until) if wait_until else None,
        last_error=detail.get("last_error"),
    )


def request_detail(activity_id: int) -> None:
    """Move an activity to the front of the queue (the user opened or asked for it)."""
    stamp = int(utcnow().timestamp())
    Activity.update(detail_priority=stamp, detail_state=DETAIL_MISSING).where(
        (Activity.id == activity_id) & (Activity.detail_state != DETAIL_FETCHED)
    ).execute()


def retry_failed(athlete_id: int) -> int:
    """Put the athlete's failed items back in the queue; returns how many."""
    return (
        Activity.update(detail_state=DETAIL_MISSING, detail_attempts=0)
        .where(Activity.athlete == athlete_id, Activity.detail_state == DETAIL_FAILED)
        .execute()
    )


def next_item(athlete_id: int) -> Activity | None:
    """The next activity to fetch, or None when the queue is empty."""
    return (
        Activity.select(
            Activity.id, Activity.athlete, Activity.strava_id, Activity.detail_attempts
        )
        .where(
            Activity.athlete == athlete_id,
            Activity.detail_state == DETAIL_MISSING,
            Activity.strava_id.is_null(False),
            Activity.deleted == False,  # noqa: E712
        )
        .order_by(
            Activity.detail_priority.desc(),
            Activity.detail_attempts,
            Activity.start_date.desc(),
        )
        .first()
    )


Waiter = Callable[[dt.datetime, threading.Event], None]


def _real_wait(until: dt.datetime, stop: threading.Event) -> None:
    seconds = (until - dt.datetime.now(dt.UTC)).total_seconds()
    stop.wait(max(seconds, 0.0) + 1.0)


class Backfill:
    """Runs the backfill for one athlete. ``wait`` blocks until a time or a stop.

    ``no_wait`` ends the run (state waiting) as soon as the budget is spent instead
    of waiting for the window. ``on_status`` hears every state change and item.
    """

    def __init__(
        self,
        session: AthleteSession,
        *,
        stop: threading.Event | None = None,
        wait: Waiter = _real_wait,
        no_wait: bool = False,
        on_status: Callable[[BackfillStatus], None] | None = None,
        fetch_streams_too: bool | None = None,
        queue: Callable[[], Activity | None] | None = None,
        job: str = JOB,
    ):
        self.session = session
        self.queue = queue or (lambda: next_item(self.athlete_id))
        self.job = job
        self.athlete_id = session.athlete.id
        self.stop = stop or threading.Event()
        self.wait = wait
        self.no_wait = no_wait
        self.on_status = on_status or (lambda _s: None)
        self.streams = (
            settings.get("backfill.fetch_streams")
            if fetch_streams_too is None
            else fetch_streams_too
        )
        self.last_error: str | None = None
        self._counts = dict.fromkeys(
            (DETAIL_MISSING, DETAIL_FETCHED, DETAIL_FAILED, DETAIL_GONE), 0
        )

    def run(self) -> BackfillStatus:
        """Work until the queue is empty, the job is stopped or must pause."""
        self._counts = queue_counts(self.athlete_id)
        self._set_state(BackfillState.RUNNING)
        while not self.stop.is_set():
            item = self.queue()
            if item is None:
                self._counts = queue_counts(self.athlete_id)
                return self._set_state(BackfillState.DONE)
            outcome = self._fetch(item)
            if outcome is not None:
                return outcome
        return self._set_state(BackfillState.PAUSED)

    def _fetch(self, item: Activity) -> BackfillStatus | None:
        try:
            detail = self.session.get(
                f"/activities/{item.strava_id}",
                {"include_all_efforts": "true"},
                priority=Priority.BACKGROUND,
            )
            store_detail(item, detail)
        except errors.RateLimited as exc:
            return self._wait_for_window(exc)
        except errors.StravaError as exc:
            return self._handle_error(item, exc)
        except MalformedActivity as exc:
            self._record_failure(item, str(exc), final=True)
            return None
        self._move(DETAIL_FETCHED)
        self._after_stored(item)
        return None

    def _after_stored(self, item: Activity) -> None:
        if self.streams:
            try:
                fetch_streams(self.session, item, priority=Priority.BACKGROUND)
            except errors.RateLimited:
                logger.debug("No budget left for streams of %s now", item.strava_id)
            except errors.StravaError as exc:
                logger.warning("Streams of activity %s: %s", item.strava_id, exc)
        self.on_status(self.status(BackfillState.RUNNING))

    def _handle_error(self, item: Activity, exc: errors.StravaError):
        if isinstance(exc, errors.NotFound):
            _set_item(item, DETAIL_GONE, str(exc))
            self._move(DETAIL_GONE)
            return None
        if isinstance(exc, errors.Unauthorized):
            self.last_error = str(exc)
            return self._set_state(BackfillState.NEEDS_RECONNECT)
        if isinstance(exc, errors.AppInactive):
            self.last_error = str(exc)
            return self._set_state(BackfillState.APP_INACTIVE)
        final = not isinstance(exc, errors.TransientError)
        self._record_failure(item, str(exc), final=final)
        return None

    def _record_failure(self, item: Activity, message: str, *, final: bool) -> None:
        attempts = item.detail_attempts + 1
        state = DETAIL_FAILED if final or attempts >= MAX_ATTEMPTS else DETAIL_MISSING
        if state == DETAIL_FAILED:
            self._move(DETAIL_FAILED)
        Activity.update(
            detail_state=state, detail_attempts=attempts, detail_error=message
        ).where(Activity.id == item.id).execute()
        self.last_error = f"activity {item.strava_id}: {message}"
        logger.warning("Detail of activity %s failed: %s", item.strava_id, message)

    def _wait_for_window(self, exc: errors.RateLimited) -> BackfillStatus | None:
        state = (
            BackfillState.WAITING_DAILY
            if exc.window == "daily"
            else BackfillState.WAITING_15_MINUTE
        )
        status = self._set_state(state, exc.reset_at)
        if self.no_wait or exc.reset_at is None:
            return status
        self.wait(exc.reset_at, self.stop)
        self._set_state(BackfillState.RUNNING)
        return None

    def _move(self, state: str) -> None:
        """One queue item left 'missing' for ``state`` (counted without a query)."""
        self._counts[DETAIL_MISSING] = max(0, self._counts[DETAIL_MISSING] - 1)
        self._counts[state] += 1

    def status(self, state: BackfillState, wait_until=None) -> BackfillStatus:
        counts = self._counts
        return BackfillStatus(
            state=state,
            done=counts[DETAIL_FETCHED],
            remaining=counts[DETAIL_MISSING],
            failed=counts[DETAIL_FAILED],
            gone=counts[DETAIL_GONE],
            wait_until=wait_until,
            last_error=self.last_error,
        )

    def _set_state(self, state: BackfillState, wait_until=None) -> BackfillStatus:
        status = self.status(state, wait_until)
        _save_state(self.athlete_id, self.job, status)
        self.on_status(status)
        if state is not BackfillState.RUNNING:
            logger.info("Backfill %s", status.describe())
        return status


def _set_item(item: Activity, state: str, message: str) -> None:
    Activity.update(detail_state=state, detail_error=message).where(
        Activity.id == item.id
    ).execute()


def _save_state(athlete_id: int, job: str, status: BackfillStatus) -> None:
    detail = {
        "wait_until": status.wait_until.isoformat() if status.wait_until else None,
        "last_error": status.last_error,
    }
    JobState.insert(
        athlete=athlete_id,
        job=job,
        state=status.state.value,
        detail=json.dumps(detail),
        updated_at=utcnow(),
    ).on_conflict(
        conflict_target=[JobState.athlete, JobState.job],
        preserve=[JobState.state, JobState.detail, JobState.updated_at],
    ).execute()
