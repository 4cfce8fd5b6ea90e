"""The rate-limit governor: one thread-safe request budget per Strava API app.

Strava limits each API app (client id), not each athlete, so every athlete and job
of one app shares the governor that :func:`get_governor` returns. The budget math
is pure and lives in :mod:`athletiq_core.strava.budget`; its names are re-exported
here. Each response carries the usage as ``"15-minute,daily"`` header pairs:
``X-RateLimit-Limit: 200,2000``, ``X-RateLimit-Usage: 15,123``,
``X-ReadRateLimit-Limit: 100,1000`` and ``X-ReadRateLimit-Usage: 14,120``.

A caller follows three steps: ``try_acquire`` (or ``wait_and_acquire``) before
each request; ``observe(headers, now)`` once it finishes, with an empty mapping
when it failed without a response, so it stops counting as in flight; and, on a
429, ``note_rate_limited``. A request that is never observed keeps counting until
midnight UTC, which errs on the safe side.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime, timedelta

from athletiq_core.errors import AthletiqError
from athletiq_core.strava.budget import (
    DEFAULT_FOREGROUND_RESERVE,
    DEFAULT_OVERALL,
    DEFAULT_READ,
    BudgetState,
    Decision,
    Priority,
    RateLimitSnapshot,
    Usage,
    Window,
    decide,
    effective_usage,
    mark_spent,
    merge_snapshots,
    next_quarter_hour,
    next_utc_midnight,
    rolled,
    utc,
)

__all__ = [
    "DEFAULT_FOREGROUND_RESERVE",
    "DEFAULT_OVERALL",
    "DEFAULT_READ",
    "BudgetState",
    "Cancelled",
    "Decision",
    "Governor",
    "Priority",
    "RateLimitSnapshot",
    "Usage",
    "Window",
    "decide",
    "effective_usage",
    "get_governor",
    "mark_spent",
    "merge_snapshots",
    "next_quarter_hour",
    "next_utc_midnight",
    "parse_headers",
    "reset_registry",
    "rolled",
]

logger = logging.getLogger(__name__)

_HEADER_NAMES = {
    "overall": ("x-ratelimit-usage", "x-ratelimit-limit"),
    "read": ("x-readratelimit-usage", "x-readratelimit-limit"),
}


class Cancelled(AthletiqError):
    """Waiting for rate-limit budget was stopped (the job or the app is closing)."""


def parse_headers(
    headers: Mapping[str, str], now: datetime
) -> RateLimitSnapshot | None:
    """Read Strava's rate-limit headers (any case); None when neither bucket is
    readable. A bucket with a missing or garbled pair is left out (None)."""
    lowered = {str(name).lower(): value for name, value in headers.items()}
    buckets = {
        key: _parse_bucket(lowered, *names) for key, names in _HEADER_NAMES.items()
    }
    if buckets["overall"] is None and buckets["read"] is None:
        return None
    return RateLimitSnapshot(buckets["overall"], buckets["read"], utc(now))


class Governor:
    """The request budget of one Strava API app, shared by its athletes and jobs.

    Thread-safe. ``wake_margin_s`` is added to every wait so that a clock slightly
    ahead of Strava's does not wake before the window really resets; waits are cut
    into ``max_wait_chunk_s`` pieces so a laptop waking from sleep re-checks soon.
    """

    def __init__(
        self,
        foreground_reserve: int = DEFAULT_FOREGROUND_RESERVE,
        wake_margin_s: float = 1.0,
        max_wait_chunk_s: float = 60.0,
    ):
        self.foreground_reserve = foreground_reserve
        self.wake_margin_s = wake_margin_s
        self.max_wait_chunk_s = max_wait_chunk_s
        self._lock = threading.Lock()
        self._state = BudgetState()

    def observe(self, headers: Mapping[str, str], now: datetime) -> None:
        """Feed one finished request's response headers (429s included).

        The usage is dated when the oldest unanswered request was sent: Strava
        counted it after that, so a count from before a window boundary is never
        carried into the next window.
        """
        now = utc(now)
        with self._lock:
            in_flight = self._state.in_flight
            sent_at = in_flight[0] if in_flight else now
            seen = parse_headers(headers, min(sent_at, now))
            snapshot = merge_snapshots(self._state.snapshot, seen, now)
            self._state = BudgetState(snapshot, in_flight[1:])
        if seen is None and headers:
            logger.debug("Response carried no readable rate-limit headers")

    def restore(self, snapshot: RateLimitSnapshot) -> None:
        """Start from a stored snapshot (usage counted before a restart)."""
        with self._lock:
            known = self._state.snapshot
            latest = max(
                snapshot.observed_at,
                known.observed_at if known else snapshot.observed_at,
            )
            merged = merge_snapshots(known, snapshot, latest)
            self._state = replace(self._state, snapshot=merged)

    def note_rate_limited(
        self, now: datetime, body_field_hint: str | None = None
    ) -> Decision:
        """A 429 arrived: mark the hinted window spent; return when to try again."""
        with self._lock:
            snapshot = mark_spent(self._state.snapshot, now, body_field_hint)
            self._state = replace(self._state, snapshot=snapshot)
            decision = decide(self._state, now, Priority.FOREGROUND, 0)
        logger.debug(
            "Rate limited (%s): %s", body_field_hint or "rate limit", decision.reason
        )
        return decision

    def check(self, now: datetime, priority: Priority) -> Decision:
        """What ``try_acquire`` would answer, without counting a request."""
        with self._lock:
            return decide(self._state, now, priority, self.foreground_reserve)

    def try_acquire(self, now: datetime, priority: Priority) -> Decision:
        """Decide at ``now``; when allowed, count the request as sent."""
        now = utc(now)
        with self._lock:
            decision = decide(self._state, now, priority, self.foreground_reserve)
            if decision.allowed:
                day_start = next_utc_midnight(now) - timedelta(days=1)
                kept = tuple(
                    sent for sent in self._state.in_flight if sent >= day_start
                )
                self._state = replace(self._state, in_flight=(*kept, now))
        return decision

    def wait_and_acquire(
        self,
        priority: Priority,
        clock: Callable[[], datetime],
        *,
        stop: threading.Event | None = None,
        sleep: Callable[[float], None] | None = None,
        on_wait: Callable[[Decision], None] | None = None,
    ) -> Decision:
        """Block until a request may go, count it, and return the allowing decision.

        Waits with ``stop.wait`` (or ``sleep`` when given, for tests) and calls
        ``on_wait`` before each wait. Raises :class:`Cancelled` once ``stop`` is set.
        """
        stop = stop or threading.Event()
        while not stop.is_set():
            decision = self.try_acquire(clock(), priority)
            if decision.allowed:
                return decision
            if on_wait is not None:
                on_wait(decision)
            self._pause(decision, clock(), stop, sleep)
        raise Cancelled("Stopped while waiting for Strava's rate limit to reset.")

    def snapshot(self) -> RateLimitSnapshot | None:
        """The usage last seen per bucket and when (UTC), for status display."""
        with self._lock:
            return self._state.snapshot

    def _pause(
        self,
        decision: Decision,
        now: datetime,
        stop: threading.Event,
        sleep: Callable[[float], None] | None,
    ) -> None:
        until = decision.wait_until or now
        seconds = (until - utc(now)).total_seconds() + self.wake_margin_s
        seconds = min(max(seconds, 0.0), self.max_wait_chunk_s)
        if sleep is not None:
            sleep(seconds)
        else:
            stop.wait(seconds)


_registry: dict[str, Governor] = {}
_registry_lock = threading.Lock()


def get_governor(client_id: str | int) -> Governor:
    """The process-wide governor of one Strava API app (created on first use)."""
    key = str(client_id)
    with _registry_lock:
        if key not in _registry:
            _registry[key] = Governor()
        return _registry[key]


def reset_registry() -> None:
    """Forget every governor (tests)."""
    with _registry_lock:
        _registry.clear()


def _parse_bucket(
    headers: Mapping[str, str], usage_name: str, limit_name: str
) -> Usage | None:
    used, limit = (
        _parse_pair(headers.get(usage_name)),
        _parse_pair(headers.get(limit_name)),
    )
    if used is None or limit is None or min(limit) <= 0:
        if usage_name in headers or limit_name in headers:
            logger.debug(
                "Ignoring unreadable rate-limit headers %s=%r %s=%r",
                usage_name,
                headers.get(usage_name),
                limit_name,
                headers.get(limit_name),
            )
        return None
    return Usage(used[0], limit[0], used[1], limit[1])


def _parse_pair(value: object) -> tuple[int, int] | None:
    if not isinstance(value, str):
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    return int(parts[0]), int(parts[1])
