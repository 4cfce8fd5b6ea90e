"""Wall-clock start times for the sessions of one day.

Each kind of session has habitual windows (easy runs before work or after it,
long runs on a weekend morning). A day's starts are then pushed apart by the
rough length of the session before, and squeezed evenly over the waking day when
a very dense configuration puts more sessions on a day than fit.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

# (from hour, from minute, to hour, to minute) windows, local time.
_WINDOWS: dict[str, tuple[tuple[int, int, int, int], ...]] = {
    "easy": ((6, 15, 7, 30), (17, 45, 19, 30)),
    "long": ((8, 0, 9, 45),),
    "workout": ((18, 30, 19, 30), (6, 30, 7, 0)),
    "trail": ((9, 0, 10, 30),),
    "treadmill": ((19, 0, 20, 30),),
    "ride": ((9, 0, 10, 0), (18, 0, 18, 45)),
    "virtual": ((6, 0, 6, 30), (19, 30, 20, 30)),
    "swim": ((7, 0, 7, 30), (12, 10, 12, 30)),
    "walk": ((12, 30, 13, 0), (20, 0, 22, 30)),
    "hike": ((10, 0, 11, 0),),
    "strength": ((12, 15, 12, 30), (20, 0, 21, 0)),
    "padel": ((20, 0, 20, 30),),
    "manual_run": ((18, 0, 19, 0),),
}
_COMMUTE = ((7, 40, 8, 20), (17, 0, 18, 0))
# Rough durations (minutes), only to keep one day's sessions from overlapping.
_MINUTES = {
    "easy": 60,
    "long": 150,
    "workout": 80,
    "trail": 110,
    "treadmill": 55,
    "ride": 170,
    "commute": 25,
    "virtual": 75,
    "swim": 60,
    "walk": 60,
    "hike": 240,
    "strength": 50,
    "padel": 90,
    "manual_run": 60,
    "race": 240,
}
_DAY_START = time(5, 0)
_DAY_END = time(23, 45)


def start_times(day: date, kinds: list[str], rng: random.Random) -> list[datetime]:
    """A local start for each of ``kinds`` on ``day``, in the same order."""
    wished = _wished(day, kinds, rng)
    order = sorted(range(len(kinds)), key=lambda k: wished[k])
    placed = _push_apart([wished[k] for k in order], [kinds[k] for k in order])
    if placed[-1].time() > _DAY_END or placed[-1].date() != day:
        placed = _squeeze(day, len(kinds), rng)
    starts: list[datetime] = [placed[0]] * len(kinds)
    for slot, k in enumerate(order):
        starts[k] = placed[slot]
    return starts


def _wished(day: date, kinds: list[str], rng: random.Random) -> list[datetime]:
    out, commutes = [], 0
    for kind in kinds:
        if kind == "commute":
            window = _COMMUTE[commutes % 2]
            commutes += 1
        else:
            window = rng.choice(_WINDOWS[kind])
        out.append(_in_window(day, window, rng))
    return out


def _in_window(day: date, window: tuple[int, int, int, int], rng) -> datetime:
    h0, m0, h1, m1 = window
    span = max(1, (h1 * 60 + m1) - (h0 * 60 + m0))
    minute = h0 * 60 + m0 + rng.randrange(span)
    return datetime.combine(day, time(minute // 60, minute % 60, rng.randrange(60)))


def _push_apart(starts: list[datetime], kinds: list[str]) -> list[datetime]:
    out = [starts[0]]
    for start, previous in zip(starts[1:], kinds, strict=False):
        earliest = out[-1] + timedelta(minutes=_MINUTES[previous] + 10)
        out.append(max(start, earliest))
    return out


def _squeeze(day: date, count: int, rng: random.Random) -> list[datetime]:
    first = datetime.combine(day, _DAY_START)
    span = (datetime.combine(day, _DAY_END) - first).total_seconds()
    gap = span / count
    return [
        first + timedelta(seconds=int(k * gap + rng.random() * gap * 0.5))
        for k in range(count)
    ]
