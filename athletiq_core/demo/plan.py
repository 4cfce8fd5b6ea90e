"""The training plan: which kind of session happens on which day, and when.

The fixed sessions (races, trips, midnight runs) come first. The remaining
activities are spread over the days by systematic sampling of day weights, which
gives exactly the requested number: a day's weight reflects the weekday, the
season, holidays, an injury and race tapers. Each slot then gets a kind of
session from weekday habits, and a wall-clock start that keeps a day's sessions
apart.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

from athletiq_core.demo.clock import zone
from athletiq_core.demo.config import HOME_ZONE, DemoConfig, rng_for
from athletiq_core.demo.daytimes import start_times
from athletiq_core.demo.schedule import (
    Session,
    fixed_sessions,
    injury_window,
    trip_days,
)

RUN_KINDS = frozenset({"easy", "long", "workout", "trail", "treadmill", "manual_run"})
PADEL_SINCE = date(2026, 5, 30)
_WEEKDAY_WEIGHT = (0.6, 1.0, 0.9, 1.0, 0.6, 1.2, 1.2)
_MAIN = (
    {"strength": 3.5, "swim": 3, "easy": 2, "walk": 1.5, "virtual": 1, "padel": 0.6},
    {"workout": 3.5, "easy": 2.5, "commute": 0.6, "virtual": 1, "manual_run": 0.12},
    {"easy": 5, "commute": 0.8, "swim": 1, "trail": 0.6, "treadmill": 0.2},
    {"workout": 1.5, "easy": 2, "virtual": 2, "commute": 0.6, "treadmill": 0.2},
    {"easy": 3, "swim": 2, "strength": 1.5, "walk": 1.5, "manual_run": 0.12},
    {"ride": 5, "easy": 2, "trail": 1.5, "hike": 1, "padel": 0.6},
    {"long": 5, "ride": 2, "trail": 1, "hike": 0.8, "walk": 1},
)
_SECOND = {
    "commute": 1.5,
    "walk": 3,
    "strength": 2,
    "swim": 1,
    "easy": 1,
    "virtual": 1,
    "padel": 0.3,
}


def history_days(cfg: DemoConfig) -> tuple[date, date]:
    """First and last day (home-local dates) of the history: the last is the
    day before ``cfg.end``'s local date, so every activity starts before it."""
    last = cfg.end_utc.astimezone(zone(HOME_ZONE)).date() - timedelta(days=1)
    return last - timedelta(days=round(365.25 * cfg.years) - 1), last


def plan_sessions(cfg: DemoConfig) -> list[Session]:
    """Exactly ``cfg.activities`` sessions, in no particular order."""
    first, last = history_days(cfg)
    fixed = fixed_sessions(first, last)
    if len(fixed) >= cfg.activities:
        return _spread_pick(fixed, cfg.activities)
    rng = rng_for(cfg, "plan")
    days = [first + timedelta(days=k) for k in range(1 + (last - first).days)]
    weights = _day_weights(days, fixed, last)
    counts = _sample_counts(weights, cfg.activities - len(fixed), rng)
    habits = _Habits(first, fixed)
    sessions = list(fixed)
    for day, count in zip(days, counts, strict=True):
        if count:
            sessions.extend(_day_sessions(day, count, habits, rng))
    return sessions


def _spread_pick(items: list[Session], count: int) -> list[Session]:
    ordered = sorted(items, key=lambda s: s.local)
    return [ordered[int((k + 0.5) * len(ordered) / count)] for k in range(count)]


def _sample_counts(weights: list[float], wanted: int, rng: random.Random) -> list[int]:
    step = sum(weights) / wanted
    position, cursor, counts = rng.random() * step, 0.0, []
    for weight in weights:
        cursor += weight
        count = 0
        while position < cursor and wanted:
            count += 1
            wanted -= 1
            position += step
        counts.append(count)
    counts[-1] += wanted
    return counts


def _day_weights(days: list[date], fixed: list[Session], last: date) -> list[float]:
    busy = trip_days(last) | {s.local.date() for s in fixed if s.kind == "race"}
    tapers = {
        s.local.date() - timedelta(days=k)
        for s in fixed
        if s.route in _LONG_RACES
        for k in range(1, 7)
    }
    total = len(days)
    return [
        0.0 if day in busy else _weight(day, k / total, day in tapers)
        for k, day in enumerate(days)
    ]


_MARATHONS = frozenset({"race_rotterdam", "race_amsterdam", "race_nyc"})
_LONG_RACES = _MARATHONS | {"race_veluwezoom_half", "race_egmond_half"}


def _weight(day: date, progress: float, taper: bool) -> float:
    season = 1 + 0.12 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 190) / 365)
    weight = _WEEKDAY_WEIGHT[day.weekday()] * (0.75 + 0.35 * progress) * season
    if (day.month == 12 and day.day >= 22) or (day.month == 8 and day.day <= 14):
        weight *= 0.6
    return weight * (0.7 if taper else 1.0)


class _Habits:
    """Weekday habits adjusted for the season, an injury and marathon blocks."""

    def __init__(self, first: date, fixed: list[Session]) -> None:
        self.injury = injury_window(first)
        self.marathons = sorted(s.local.date() for s in fixed if s.route in _MARATHONS)

    def weights(self, day: date, main: bool) -> dict[str, float]:
        """Relative odds of each kind of session for a day's first (``main``)
        or later slot."""
        base = _MAIN[day.weekday()] if main else _SECOND
        factors = self._factors(day)
        out = {kind: w * factors.get(kind, 1.0) for kind, w in base.items()}
        if self.injury[0] <= day <= self.injury[1]:
            out = {k: (0.0 if k in RUN_KINDS else w * 2) for k, w in out.items()}
        return out if sum(out.values()) > 0 else {"walk": 1.0}

    def _factors(self, day: date) -> dict[str, float]:
        factors = {"padel": 1.0 if day >= PADEL_SINCE else 0.0}
        if day.month in (11, 12, 1, 2):
            factors |= {"ride": 0.3, "virtual": 2.5, "hike": 0.5, "treadmill": 3.0}
        elif day.month in (6, 7, 8):
            factors |= {"ride": 1.5, "swim": 1.2, "virtual": 0.3, "treadmill": 0.2}
        if day.weekday() >= 5:
            factors["commute"] = 0.0
        if any(0 < (race - day).days <= 84 for race in self.marathons):
            factors |= {"long": 1.6, "workout": 1.3}
        return factors


def _day_sessions(
    day: date, count: int, habits: _Habits, rng: random.Random
) -> list[Session]:
    kinds = [_pick(habits.weights(day, main=k == 0), rng) for k in range(count)]
    starts = start_times(day, kinds, rng)
    return [
        Session(start, HOME_ZONE, kind, route)
        for start, kind, route in zip(
            starts, kinds, _commute_routes(kinds), strict=True
        )
    ]


def _pick(weights: dict[str, float], rng: random.Random) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _commute_routes(kinds: list[str]) -> list[str | None]:
    routes, seen = [], 0
    for kind in kinds:
        if kind == "commute":
            routes.append("commute_out" if seen % 2 == 0 else "commute_home")
            seen += 1
        else:
            routes.append(None)
    return routes
