"""Generate the demo athlete's activity list as Strava SummaryActivity JSON.

The plan (:mod:`plan`) says what happens when. Each session's numbers
(:mod:`metrics`) and JSON (:mod:`summary`) draw from a generator seeded by the
configuration seed and the activity id, and an activity's detail and streams
need nothing but its summary, so they can be rebuilt for one activity alone.
One pass over the finished list then adds what depends on history: personal
records, kudos, and the distance on each piece of gear.
"""

from __future__ import annotations

import logging
import random
import time
from datetime import UTC, date, datetime

from athletiq_core.demo.clock import to_utc
from athletiq_core.demo.config import DemoConfig, rng_for
from athletiq_core.demo.form import Form, form_on
from athletiq_core.demo.metrics_other import session_metrics
from athletiq_core.demo.plan import history_days, plan_sessions
from athletiq_core.demo.schedule import Session
from athletiq_core.demo.segments import segments_on
from athletiq_core.demo.summary import build_summary

logger = logging.getLogger(__name__)

_IDS_PER_SECOND = 60
_GEAR_TOTALS: dict[DemoConfig, dict[str, float]] = {}
_REMEMBERED = 8
_KUDOS = {"race": (20, 45), "long": (8, 20), "ride": (6, 18), "workout": (5, 15)}


def generate_activities(cfg: DemoConfig | None = None) -> list[dict]:
    """SummaryActivity JSON dicts (resource_state 2), oldest first.

    Exactly ``cfg.activities`` activities over ``cfg.years`` years up to
    ``cfg.end``; the same configuration always gives identical output. Ids grow
    with the start time from ``cfg.first_activity_id``.
    """
    cfg = cfg or DemoConfig()
    started = time.perf_counter()
    timed = _timed_sessions(plan_sessions(cfg))
    summaries, kinds, draws = _build(cfg, timed)
    _add_history(summaries, kinds, draws)
    _remember_gear(cfg, summaries)
    elapsed = time.perf_counter() - started
    logger.debug("Generated %d demo activities in %.2f s", len(summaries), elapsed)
    return summaries


def _build(cfg: DemoConfig, timed: list[tuple[datetime, Session]]) -> tuple:
    first, last = history_days(cfg)
    ids = _activity_ids(cfg, [start for start, _ in timed], first)
    forms: dict[date, Form] = {}
    summaries, kinds, draws = [], [], []
    for ident, (start, session) in zip(ids, timed, strict=True):
        day = session.local.date()
        form = forms.get(day) or forms.setdefault(day, form_on(day, first, last))
        rng = rng_for(cfg, ident)
        metrics = session_metrics(cfg, session, ident, form, rng)
        summaries.append(build_summary(cfg, session, ident, start, metrics, form, rng))
        kinds.append(metrics.kind)
        draws.append(random.Random(rng.getrandbits(64)))
    return summaries, kinds, draws


def _remember_gear(cfg: DemoConfig, summaries: list[dict]) -> None:
    # A handful of configurations per process at most; keep the newest few.
    if len(_GEAR_TOTALS) >= _REMEMBERED and cfg not in _GEAR_TOTALS:
        _GEAR_TOTALS.pop(next(iter(_GEAR_TOTALS)))
    _GEAR_TOTALS[cfg] = _gear_totals(summaries)


def gear_totals(cfg: DemoConfig) -> dict[str, float]:
    """Metres recorded on each gear id over the whole demo history."""
    if cfg not in _GEAR_TOTALS:
        generate_activities(cfg)
    return dict(_GEAR_TOTALS[cfg])


def _timed_sessions(sessions: list[Session]) -> list[tuple[datetime, Session]]:
    timed = [(to_utc(s.local, s.zone), k, s) for k, s in enumerate(sessions)]
    timed.sort(key=lambda item: (item[0], item[1]))
    return [(start, session) for start, _, session in timed]


def _activity_ids(cfg: DemoConfig, starts: list[datetime], first: date) -> list[int]:
    # Strava ids grow with upload time; spacing them by start time keeps them
    # increasing and leaves gaps, as other athletes' uploads do.
    origin = datetime(first.year, first.month, first.day, tzinfo=UTC)
    rng = rng_for(cfg, "ids")
    ids, previous = [], cfg.first_activity_id - 1
    for start in starts:
        seconds = int((start - origin).total_seconds())
        ident = cfg.first_activity_id + seconds * _IDS_PER_SECOND
        ident = max(previous + 1, ident + rng.randrange(_IDS_PER_SECOND))
        ids.append(ident)
        previous = ident
    return ids


def _add_history(
    summaries: list[dict], kinds: list[str], draws: list[random.Random]
) -> None:
    best: dict[float, int] = {}
    for summary, kind, rng in zip(summaries, kinds, draws, strict=True):
        prs = _pr_count(summary, kind, best, rng)
        summary["pr_count"] = prs
        summary["achievement_count"] = prs + _segment_achievements(summary, rng)
        _add_social(summary, kind, rng)


def _pr_count(summary: dict, kind: str, best: dict, rng: random.Random) -> int:
    if kind == "race":
        official = _official_distance(summary)
        fastest = best.get(official)
        if fastest is None or summary["moving_time"] < fastest:
            best[official] = summary["moving_time"]
            return rng.randint(1, 4)
        return rng.randint(0, 1)
    if summary["sport_type"] in ("Run", "TrailRun") and not summary["manual"]:
        return 1 if rng.random() < 0.04 else 0
    return 0


def _official_distance(summary: dict) -> float:
    for metres in (5000.0, 10000.0, 15000.0, 21097.5, 42195.0):
        if abs(summary["distance"] - metres) < metres * 0.02:
            return metres
    return round(summary["distance"], -3)


def _segment_achievements(summary: dict, rng: random.Random) -> int:
    encoded = summary["map"]["summary_polyline"]
    if not encoded or rng.random() > 0.3:
        return 0
    return min(2, len(segments_on(encoded, summary["type"])))


def _add_social(summary: dict, kind: str, rng: random.Random) -> None:
    if summary["visibility"] == "only_me":
        return
    low, high = _KUDOS.get(kind, (2, 12))
    kudos = rng.randint(low, high)
    if summary["visibility"] == "followers_only":
        kudos = kudos * 2 // 3
    summary["kudos_count"] = kudos
    summary["comment_count"] = rng.choice((0, 0, 0, 1, 2)) + (kind == "race") * 3
    if " w/ " in summary["name"] or " with " in summary["name"]:
        summary["athlete_count"] = rng.randint(2, 4)


def _gear_totals(summaries: list[dict]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for summary in summaries:
        gear = summary["gear_id"]
        if gear:
            totals[gear] = totals.get(gear, 0.0) + summary["distance"]
    return totals
