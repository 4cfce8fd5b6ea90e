"""Pure rate-limit budget math for Strava: usage, window boundaries, decisions.

Strava counts requests per API app (client id) in two buckets, *overall* (every
request, default 200 per 15 minutes and 2,000 per day) and *read* (every GET,
default 100 and 1,000). The 15-minute windows reset at :00, :15, :30 and :45 UTC,
the daily window at midnight UTC, and a rejected (429) request still counts.

Every function takes ``now`` (an aware datetime) and reads no clock; the stateful,
thread-safe side lives in :mod:`athletiq_core.strava.ratelimit`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

Window = Literal["15-minute", "daily"]
QUARTER_HOUR = timedelta(minutes=15)
# Ten requests cover a sync with a few new activities plus opening one or two of
# them, so the user never waits behind the backfill. Background work gets the same
# margin less of the daily budget (990 of 1,000 reads, 99 %): the daily limit is
# what bounds a backfill, so a bigger daily reserve would only slow it down.
DEFAULT_FOREGROUND_RESERVE = 10


class Priority(enum.Enum):
    """Who asks: FOREGROUND is a sync or an activity the user opened; BACKGROUND is
    detail backfill and segment scans, which leave a reserve for FOREGROUND."""

    FOREGROUND = "foreground"
    BACKGROUND = "background"


@dataclass(frozen=True)
class Usage:
    """Requests used and allowed in one bucket: 15-minute window, then the day."""

    short_used: int
    short_limit: int
    daily_used: int
    daily_limit: int


# The limits of a new app, assumed until the first response tells the real ones.
DEFAULT_OVERALL = Usage(0, 200, 0, 2000)
DEFAULT_READ = Usage(0, 100, 0, 1000)


@dataclass(frozen=True)
class RateLimitSnapshot:
    """Usage per bucket (None when not reported) as of ``observed_at`` (UTC)."""

    overall: Usage | None
    read: Usage | None
    observed_at: datetime


@dataclass(frozen=True)
class BudgetState:
    """What the governor knows: the last usage seen, and when each request that has
    not been answered yet was sent (Strava may not have counted those yet)."""

    snapshot: RateLimitSnapshot | None = None
    in_flight: tuple[datetime, ...] = ()


@dataclass(frozen=True)
class Decision:
    """Whether a request may go now; if not, ``wait_until`` (UTC) and which window."""

    allowed: bool
    wait_until: datetime | None = None
    window: Window | None = None
    reason: str = ""


def next_quarter_hour(now: datetime) -> datetime:
    """The first :00/:15/:30/:45 boundary strictly after ``now``, in UTC."""
    now = utc(now)
    floor = now.replace(minute=now.minute - now.minute % 15, second=0, microsecond=0)
    return floor + QUARTER_HOUR


def next_utc_midnight(now: datetime) -> datetime:
    """The first midnight UTC strictly after ``now``."""
    midnight = utc(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight + timedelta(days=1)


def rolled(usage: Usage, observed_at: datetime, now: datetime) -> Usage:
    """``usage`` as it stands at ``now``: a window that reset since ``observed_at``
    counts zero."""
    short = usage.short_used if now < next_quarter_hour(observed_at) else 0
    daily = usage.daily_used if now < next_utc_midnight(observed_at) else 0
    return replace(usage, short_used=short, daily_used=daily)


def merge_snapshots(
    old: RateLimitSnapshot | None, new: RateLimitSnapshot | None, now: datetime
) -> RateLimitSnapshot | None:
    """Combine two observations as they stand at ``now`` (newest limits win).

    Usage only grows within a window, so the larger count wins: a response that
    arrives after a later one cannot lower the count.
    """
    now = utc(now)
    known = [snap for snap in (old, new) if snap is not None]
    if not known:
        return None
    overall = read = None
    for snap in known:
        overall = _larger(overall, _rolled_or_none(snap.overall, snap, now))
        read = _larger(read, _rolled_or_none(snap.read, snap, now))
    return RateLimitSnapshot(overall, read, now)


def effective_usage(state: BudgetState, now: datetime) -> tuple[Usage, Usage]:
    """(overall, read) usage believed at ``now``: the last snapshot, rolled over
    window boundaries, plus the requests in flight sent in the current windows."""
    now = utc(now)
    snap = merge_snapshots(state.snapshot, None, now)
    quarter_start = next_quarter_hour(now) - QUARTER_HOUR
    day_start = next_utc_midnight(now) - timedelta(days=1)
    short_extra = sum(1 for sent in state.in_flight if sent >= quarter_start)
    daily_extra = sum(1 for sent in state.in_flight if sent >= day_start)
    overall = (snap.overall if snap else None) or DEFAULT_OVERALL
    read = (snap.read if snap else None) or DEFAULT_READ
    return _plus(overall, short_extra, daily_extra), _plus(
        read, short_extra, daily_extra
    )


def decide(
    state: BudgetState,
    now: datetime,
    priority: Priority,
    foreground_reserve: int = DEFAULT_FOREGROUND_RESERVE,
) -> Decision:
    """May one more GET go at ``now``? Both buckets are checked, the day first.

    Background requests stop ``foreground_reserve`` short of each limit (never more
    than half of it); foreground requests may use everything.
    """
    now = utc(now)
    buckets = dict(zip(("overall", "read"), effective_usage(state, now), strict=True))
    for window in ("daily", "15-minute"):
        for name, usage in buckets.items():
            used, limit = _figures(usage, window)
            cap = _cap(limit, priority, foreground_reserve)
            if used >= cap:
                return _exhausted(now, window, f"{name} {window}", used, cap, priority)
    return Decision(True, reason=f"{priority.value} request within budget")


def mark_spent(
    snapshot: RateLimitSnapshot | None, now: datetime, field_hint: str | None
) -> RateLimitSnapshot:
    """Record a 429: the hinted bucket's 15-minute window is used up at ``now``.

    ``field_hint`` is the 429 body's ``errors[].field``: "read rate limit" or
    "overall rate limit" name a bucket; "rate limit" or nothing marks both. A bucket
    whose daily count already reached its limit keeps pointing at the day.
    """
    current = merge_snapshots(snapshot, None, now)
    buckets = {
        "overall": (current.overall if current else None) or DEFAULT_OVERALL,
        "read": (current.read if current else None) or DEFAULT_READ,
    }
    hint = (field_hint or "").lower()
    named = [name for name in buckets if name in hint] or list(buckets)
    for name in named:
        usage = buckets[name]
        buckets[name] = replace(
            usage, short_used=max(usage.short_used, usage.short_limit)
        )
    return RateLimitSnapshot(buckets["overall"], buckets["read"], utc(now))


def utc(now: datetime) -> datetime:
    """``now`` converted to UTC; raises ValueError for a naive datetime."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"rate-limit times must be timezone-aware, got {now!r}")
    return now.astimezone(UTC)


def _rolled_or_none(
    usage: Usage | None, snap: RateLimitSnapshot, now: datetime
) -> Usage | None:
    return rolled(usage, snap.observed_at, now) if usage is not None else None


def _larger(a: Usage | None, b: Usage | None) -> Usage | None:
    if a is None or b is None:
        return b or a
    return replace(
        b,
        short_used=max(a.short_used, b.short_used),
        daily_used=max(a.daily_used, b.daily_used),
    )


def _plus(usage: Usage, short_extra: int, daily_extra: int) -> Usage:
    return replace(
        usage,
        short_used=usage.short_used + short_extra,
        daily_used=usage.daily_used + daily_extra,
    )


def _figures(usage: Usage, window: str) -> tuple[int, int]:
    if window == "daily":
        return usage.daily_used, usage.daily_limit
    return usage.short_used, usage.short_limit


def _cap(limit: int, priority: Priority, reserve: int) -> int:
    if priority is Priority.FOREGROUND:
        return limit
    return limit - min(max(reserve, 0), limit // 2)


def _exhausted(
    now: datetime, window: Window, label: str, used: int, cap: int, priority: Priority
) -> Decision:
    until = next_utc_midnight(now) if window == "daily" else next_quarter_hour(now)
    reason = (
        f"{label} budget used ({used}/{cap} for {priority.value} requests); "
        f"waiting until {until:%H:%M} UTC"
    )
    return Decision(False, until, window, reason)
