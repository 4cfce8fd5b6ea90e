"""How fast is each analytics view on big histories, and how fast was the original?

Builds demo databases of 10,000 and 50,000 activities (details stored for runs,
so personal bests, predictions and segments have data), then times each view
function: the median of several calls, in milliseconds, with the number of SQL
statements each call runs. Targets: 50 ms per view at 10,000 activities, 200 ms
at 50,000.

It also times the dashboard computed the way the original did it: every activity
loaded as a full model object (raw JSON included) and aggregated in Python.

    python benchmarks/analytics.py                 # 10k and 50k in a temp dir
    python benchmarks/analytics.py --sizes 10000 --keep /tmp/bench
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from peewee import fn

from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.calendar import calendar
from athletiq_core.analytics.views.dashboard import dashboard
from athletiq_core.analytics.views.eddington_view import eddington_view
from athletiq_core.analytics.views.fitness import fitness
from athletiq_core.analytics.views.gear import gear
from athletiq_core.analytics.views.goals import goals
from athletiq_core.analytics.views.personal_bests import personal_bests
from athletiq_core.analytics.views.predictions import predictions
from athletiq_core.analytics.views.progression import progression
from athletiq_core.analytics.views.races import race_history
from athletiq_core.analytics.views.segments import segments
from athletiq_core.analytics.views.year_vs_year import year_vs_year
from athletiq_core.cli.stats_cmd import stats_report
from athletiq_core.db import close_database, open_database
from athletiq_core.db.models import Activity, Athlete, Goal, database
from athletiq_core.sports import SPORT_GROUPS, group_of
from athletiq_core.units import UnitSystem

TARGET_MS = {10_000: 50.0, 50_000: 200.0}
DETAIL_BATCH = 500
METRIC = UnitSystem.METRIC


def main() -> int:
    args = _parse()
    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    results = {
        size: measure(folder / f"analytics-{size}.sqlite", size, args.runs)
        for size in args.sizes
    }
    print(format_table(results, args.sizes))
    return 0


def _parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--runs", type=int, default=5, help="calls per view")
    parser.add_argument("--keep", metavar="DIR", help="build (or reuse) databases here")
    return parser.parse_args()


def measure(path: Path, size: int, runs: int) -> dict[str, tuple[float, int]]:
    """(median ms, statements per call) per view on a database of ``size``."""
    if not path.exists():
        build(path, size)
    db = open_database(path)
    athlete_id = Athlete.select(Athlete.id).scalar()
    today = Activity.select(fn.MAX(Activity.local_date)).scalar()
    today = dt.date.fromisoformat(str(today))
    calls = view_calls(Filters(athlete_id), today)
    calls["original dashboard"] = lambda: original_dashboard(athlete_id, today)
    results = {name: _time(db, call, runs) for name, call in calls.items()}
    close_database()
    return results


def view_calls(filters: Filters, today: dt.date) -> dict:
    """One zero-argument call per view, as the faces would make them."""
    athlete = Athlete.get_by_id(filters.athlete_id)
    return {
        "dashboard": lambda: dashboard(filters, METRIC, today),
        "personal_bests": lambda: personal_bests(filters, METRIC),
        "race_history": lambda: race_history(filters, METRIC),
        "progression": lambda: progression(filters, METRIC, today),
        "calendar": lambda: calendar(filters, METRIC, today.year, today),
        "fitness": lambda: fitness(filters, METRIC, today),
        "year_vs_year": lambda: year_vs_year(filters, METRIC, today),
        "goals": lambda: goals(filters, METRIC, today.year, today),
        "gear": lambda: gear(filters, METRIC),
        "predictions": lambda: predictions(filters, METRIC, today),
        "eddington": lambda: eddington_view(filters, METRIC),
        "segments": lambda: segments(filters, METRIC),
        "stats (CLI)": lambda: stats_report(athlete, METRIC, today),
    }


def _time(db, call, runs: int) -> tuple[float, int]:
    statements = _count_statements(db, call)
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), statements


def _count_statements(db, call) -> int:
    count = 0
    original = db.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        nonlocal count
        count += 1
        return original(sql, params, *args, **kwargs)

    db.execute_sql = counting
    try:
        call()
    finally:
        del db.execute_sql
    return count


def original_dashboard(athlete_id: int, today: dt.date) -> dict:
    """The dashboard as the original computed it: full rows, Python loops.

    Every activity is loaded as a model object (raw JSON and all); totals per
    sport, run totals, half and marathon counts, weekly volume and the newest
    activities are then computed in Python. Its numbers are not used; only its
    time is.
    """
    rows = list(Activity.select().where(Activity.athlete == athlete_id))
    live = [row for row in rows if not row.deleted]
    per_sport: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0.0])
    weeks: dict[tuple, float] = defaultdict(float)
    first_week = today - dt.timedelta(weeks=52)
    for row in live:
        totals = per_sport[row.sport_type]
        totals[0] += 1
        totals[1] += row.distance
        totals[2] += row.moving_time
        totals[3] += row.total_elevation_gain
        if row.local_date >= first_week:
            weeks[row.local_date.isocalendar()[:2]] += row.distance
    runs = [row for row in live if group_of(row.sport_type) == "run"]
    halves = sum(1 for row in runs if 20_700 <= row.distance < 22_000)
    marathons = sum(1 for row in runs if 41_500 <= row.distance < 43_500)
    recent = sorted(live, key=lambda row: row.start_date, reverse=True)[:10]
    return {
        "sports": per_sport,
        "weeks": weeks,
        "recent": recent,
        "halves": halves,
        "marathons": marathons,
    }


def build(path: Path, size: int) -> None:
    """A demo database of ``size`` activities, with details stored for runs.

    Generating a detail takes the demo generator about 20 ms, so the details
    are generated in worker processes and stored in large transactions.
    """
    from athletiq_core.demo import DemoConfig
    from athletiq_core.demo_db import create_demo_database
    from athletiq_core.details.store import store_detail

    config = DemoConfig(seed=42, activities=size)
    started = time.perf_counter()
    create_demo_database(path, config)
    _add_goals(config.end_utc.year)
    runs = list(
        Activity.select()
        .where(Activity.sport_type.in_(sorted(SPORT_GROUPS["run"])))
        .order_by(Activity.id)
    )
    jobs = [(config, activity.raw_json) for activity in runs]
    with multiprocessing.Pool() as pool:
        details = pool.imap(_detail, jobs, chunksize=64)
        for start in range(0, len(runs), DETAIL_BATCH):
            with database.atomic():
                for activity in runs[start : start + DETAIL_BATCH]:
                    store_detail(activity, next(details))
    close_database()
    took = time.perf_counter() - started
    print(
        f"built {path.name}: {size} activities, {len(runs)} run details "
        f"in {took:.0f} s",
        file=sys.stderr,
    )


def _add_goals(year: int) -> None:
    athlete = Athlete.select().get()
    for group, kilometres in (("run", 2_000), ("ride", 6_000), ("all", 10_000)):
        Goal.create(
            athlete=athlete,
            year=year,
            sport_group=group,
            target_distance=kilometres * 1000.0,
        )


def _detail(job: tuple) -> dict:
    from athletiq_core.demo import generate_detail

    config, raw_json = job
    return generate_detail(config, json.loads(raw_json))


def format_table(results: dict, sizes: list[int]) -> str:
    """The timings as a text table, one row per view, one column per size."""
    header = ["view"] + [f"{size:,} ms (queries)" for size in sizes]
    rows = [header]
    for name in results[sizes[0]]:
        rows.append([name] + [_cell(results[size][name], size) for size in sizes])
    rows.append(["original / ours (dashboard)"] + [_ratio(results[s]) for s in sizes])
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows
    ]
    targets = ", ".join(f"≤ {TARGET_MS.get(s, '–')} ms at {s:,}" for s in sizes)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return "\n".join(
        [
            *lines,
            f"targets: {targets}; * = over target",
            f"wall-clock medians; {os.cpu_count()} CPUs, load average {load}",
        ]
    )


def _cell(result: tuple[float, int], size: int) -> str:
    ms, statements = result
    over = "*" if ms > TARGET_MS.get(size, float("inf")) else ""
    return f"{ms:8.1f}{over} ({statements})"


def _ratio(result: dict) -> str:
    ours = result["dashboard"][0]
    return f"{result['original dashboard'][0] / ours:8.1f}×"


if __name__ == "__main__":
    sys.exit(main())
