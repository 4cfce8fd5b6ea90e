"""``athletiq stats`` prints the dashboard functions' numbers, as JSON or a table."""

from __future__ import annotations

import argparse
import datetime as dt
import json

import pytest

from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.dashboard import dashboard
from athletiq_core.analytics.views.fitness import fitness
from athletiq_core.analytics.views.personal_bests import personal_bests
from athletiq_core.cli import stats_cmd
from athletiq_core.units import UnitSystem
from tests.core.analytics.views.scenario import add_activity, add_effort, make_athlete


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="athletiq")
    stats_cmd.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["stats", *argv])
    return args.func(args)


@pytest.fixture
def athlete(db):
    athlete = make_athlete(strava_id=4242)
    today = dt.date.today()
    race = add_activity(
        athlete, "2025-04-06T09:00:00", km=21.2, minutes=95, workout_type=1
    )
    add_effort(race, "half_marathon", 95 * 60 - 30)
    add_effort(race, "10k", 2650)
    add_activity(athlete, "2025-04-08T18:00:00", sport="Ride", km=42, minutes=80)
    add_activity(athlete, "2024-12-31T23:30:00", offset_hours=-7, km=8)
    add_activity(athlete, f"{today - dt.timedelta(days=2)}T07:00:00", km=10)
    make_athlete()  # a second athlete, not asked about
    return athlete


def test_json_numbers_are_the_dashboard_functions_numbers(athlete, capsys):
    assert _run(["--json", "--year", "2025", "--athlete", "4242"]) == 0

    document = json.loads(capsys.readouterr().out)
    (report,) = document["athletes"]
    filters = Filters(athlete.id).for_year(2025)
    today = dt.date.today()
    board = dashboard(filters, UnitSystem.METRIC, today)
    assert report["overall"]["count"] == board.overall.count
    assert report["overall"]["distance_m"] == board.overall.distance_m
    assert report["overall"]["moving_time_s"] == board.overall.moving_time_s
    groups = {g["group"]: g for g in report["groups"]}
    assert groups["run"]["distance_m"] == board.groups[0].totals.distance_m
    assert groups["ride"]["distance"] == "42.0 km"
    assert report["runs"]["half_marathons"] == board.runs.half_marathons == 1
    best = personal_bests(filters, UnitSystem.METRIC).best_of("half_marathon")
    (half,) = [
        b for b in report["personal_bests"] if b["distance_key"] == "half_marathon"
    ]
    assert (half["time_s"], half["time"]) == (best.time_s, "1:34:30")
    form = fitness(Filters(athlete.id), UnitSystem.METRIC, today, days=1).latest
    assert report["fitness"]["fitness_ctl"] == round(form.ctl, 1)
    assert report["fitness"]["date"] == today.isoformat()


def test_the_year_follows_local_dates_and_imperial_units_format(athlete, capsys):
    assert _run(["--json", "--year", "2024", "--units", "imperial"]) == 0

    document = json.loads(capsys.readouterr().out)
    report = document["athletes"][0]
    assert document["units"] == "imperial"
    assert report["overall"]["count"] == 1
    assert report["overall"]["distance_m"] == 8000
    assert report["overall"]["distance"] == "5.0 mi"
    assert len(document["athletes"]) == 2


def test_the_table_lists_groups_overall_bests_and_fitness(athlete, capsys):
    assert _run(["--year", "2025", "--athlete", str(athlete.id)]) == 0

    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "Test Runner: 2025, all sports"
    assert any(line.startswith("Runs ") and "21.2 km" in line for line in lines)
    assert any(line.startswith("Overall") and "63.2 km" in line for line in lines)
    assert "Half marathons: 1   Marathons: 0" in out
    assert any("Half marathon" in line and "1:34:30" in line for line in lines)
    assert "fitness (CTL)" in out


def test_a_sport_filter_narrows_the_totals(athlete, capsys):
    assert _run(["--json", "--sport", "ride", "--athlete", "4242"]) == 0

    report = json.loads(capsys.readouterr().out)["athletes"][0]
    assert [g["group"] for g in report["groups"]] == ["ride"]
    assert report["overall"]["distance_m"] == 42000
    assert report["runs"]["count"] == 3
