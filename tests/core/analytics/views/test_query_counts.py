"""Each view reads the database with a fixed, small number of statements.

Counts are pinned on a demo history with details stored for its runs, so a
query per activity (N+1) would show up as hundreds of statements.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
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
from athletiq_core.db import open_database
from athletiq_core.db.models import Activity, Athlete, Goal, database
from athletiq_core.sports import SPORT_GROUPS
from athletiq_core.units import UnitSystem

METRIC = UnitSystem.METRIC
DEMO_ACTIVITIES = 400


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    """A demo database built once for the module, details stored for runs."""
    from athletiq_core.demo import DemoConfig, generate_detail
    from athletiq_core.demo_db import create_demo_database
    from athletiq_core.details.store import store_detail

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    config = DemoConfig(seed=3, activities=DEMO_ACTIVITIES)
    create_demo_database(path, config)
    runs = Activity.select().where(Activity.sport_type.in_(sorted(SPORT_GROUPS["run"])))
    with database.atomic():
        for activity in runs:
            detail = generate_detail(config, json.loads(activity.raw_json))
            store_detail(activity, detail)
    athlete = Athlete.select().get()
    year = Activity.select(fn.MAX(Activity.local_year)).scalar()
    Goal.create(athlete=athlete, year=year, sport_group="run", target_distance=2e6)
    return path


@pytest.fixture
def demo(demo_file):
    """The demo database, its athlete's filters and its last local date."""
    db = open_database(demo_file)
    athlete_id = Athlete.select(Athlete.id).scalar()
    last = Activity.select(fn.MAX(Activity.local_date)).scalar()
    return db, Filters(athlete_id), dt.date.fromisoformat(str(last))


@contextmanager
def counted_statements(db) -> Iterator[list[str]]:
    """Collect every SQL statement ``db`` executes inside the block."""
    executed: list[str] = []
    original = db.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        executed.append(sql)
        return original(sql, params, *args, **kwargs)

    db.execute_sql = counting
    try:
        yield executed
    finally:
        del db.execute_sql


CALLS = {
    "dashboard": (3, lambda f, today: dashboard(f, METRIC, today)),
    "personal_bests": (2, lambda f, today: personal_bests(f, METRIC)),
    "race_history": (2, lambda f, today: race_history(f, METRIC)),
    "progression": (1, lambda f, today: progression(f, METRIC, today)),
    "calendar": (6, lambda f, today: calendar(f, METRIC, today.year, today)),
    "fitness": (4, lambda f, today: fitness(f, METRIC, today)),
    "year_vs_year": (1, lambda f, today: year_vs_year(f, METRIC, today)),
    "goals": (2, lambda f, today: goals(f, METRIC, today.year, today)),
    "gear": (3, lambda f, today: gear(f, METRIC)),
    "predictions": (1, lambda f, today: predictions(f, METRIC, today)),
    "eddington": (1, lambda f, today: eddington_view(f, METRIC)),
    "segments": (1, lambda f, today: segments(f, METRIC)),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_each_view_costs_a_fixed_number_of_statements(demo, name):
    db, filters, today = demo
    expected, call = CALLS[name]

    with counted_statements(db) as executed:
        call(filters, today)

    assert len(executed) == expected, executed


def test_the_stats_command_costs_the_sum_of_its_views(demo):
    db, filters, today = demo
    athlete = Athlete.get_by_id(filters.athlete_id)

    with counted_statements(db) as executed:
        stats_report(athlete, METRIC, today)

    assert len(executed) == 3 + 2 + 4


def test_the_demo_history_fills_every_view(demo):
    _, filters, today = demo

    assert personal_bests(filters, METRIC).best_of("5k") is not None
    assert race_history(filters, METRIC).races
    assert segments(filters, METRIC).segments
    assert gear(filters, METRIC).gear
    assert goals(filters, METRIC, today.year, today).goals[0].done_m > 0
    assert predictions(filters, METRIC, today).riegel
    assert dashboard(filters, METRIC, today).overall.count > 0
