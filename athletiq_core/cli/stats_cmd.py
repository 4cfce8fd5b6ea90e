"""``athletiq stats``: the dashboard's numbers on the command line.

Totals per sport group and overall, the run race counts, personal bests and
today's fitness, from the same view functions the desktop and the LAN server
use. ``--json`` prints SI numbers (metres, seconds, m/s) next to the formatted
text; otherwise a table is printed in the chosen units.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging

from athletiq_core import settings
from athletiq_core.analytics.filters import Filters
from athletiq_core.analytics.views.common import Totals
from athletiq_core.analytics.views.dashboard import dashboard
from athletiq_core.analytics.views.fitness import fitness
from athletiq_core.analytics.views.personal_bests import personal_bests
from athletiq_core.cli.common import add_athlete_and_units, open_db, select_athletes
from athletiq_core.db.models import Athlete
from athletiq_core.units import UnitSystem

logger = logging.getLogger(__name__)

COLUMNS = ("", "Count", "Distance", "Moving time", "Elevation")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "stats", help="show totals, personal bests and fitness"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--year", type=int, help="only this (local) calendar year")
    parser.add_argument(
        "--sport", help="a sport group (run, ride, swim…) or a type (TrailRun)"
    )
    add_athlete_and_units(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    units = UnitSystem.parse(args.units or settings.get("units"))
    today = dt.date.today()
    reports = [
        stats_report(athlete, units, today, args.year, args.sport)
        for athlete in select_athletes(args.athlete)
    ]
    if args.json:
        document = {"today": today.isoformat(), "units": units.value}
        print(json.dumps({**document, "athletes": reports}, indent=2))
    elif not reports:
        print("No athletes yet. Run 'athletiq connect' or 'athletiq demo'.")
    else:
        print("\n\n".join(format_report(report) for report in reports))
    return 0


def stats_report(
    athlete: Athlete,
    units: UnitSystem,
    today: dt.date,
    year: int | None = None,
    sport: str | None = None,
) -> dict:
    """The numbers ``athletiq stats`` shows for one athlete, as plain data."""
    filters = Filters(athlete.id, sport=sport)
    if year is not None:
        filters = filters.for_year(year)
    board = dashboard(filters, units, today)
    bests = personal_bests(filters, units)
    form = fitness(Filters(athlete.id), units, today, days=1).latest
    return {
        "athlete": {"id": athlete.id, "name": athlete.name},
        "period": {"year": year, "sport": sport},
        "groups": [
            {"group": g.group, "label": g.label, **_totals(g.totals)}
            for g in board.groups
        ],
        "overall": _totals(board.overall),
        "runs": {
            **_totals(board.runs.totals),
            "half_marathons": board.runs.half_marathons,
            "marathons": board.runs.marathons,
        },
        "pr_count": board.pr_count,
        "personal_bests": [_best(d) for d in bests.distances if d.best],
        "fitness": _fitness(form),
    }


def _totals(totals: Totals) -> dict:
    return {
        "count": totals.count,
        "distance_m": totals.distance_m,
        "moving_time_s": totals.moving_time_s,
        "elevation_m": totals.elevation_m,
        "distance": totals.distance_text,
        "moving_time": totals.moving_time_text,
        "elevation": totals.elevation_text,
    }


def _best(distance) -> dict:
    best = distance.best
    return {
        "distance_key": distance.distance.key,
        "label": distance.distance.label,
        "distance_m": distance.distance.metres,
        "time_s": best.time_s,
        "speed_mps": best.speed_mps,
        "date": best.local_date.isoformat(),
        "activity_id": best.activity_id,
        "activity_name": best.activity_name,
        "time": best.time_text,
        "pace": best.pace_text,
    }


def _fitness(day) -> dict | None:
    if day is None:
        return None
    return {
        "date": day.date.isoformat(),
        "fitness_ctl": round(day.ctl, 1),
        "fatigue_atl": round(day.atl, 1),
        "form_tsb": round(day.tsb, 1),
        "load": round(day.load, 1),
    }


def format_report(report: dict) -> str:
    """``report`` (from :func:`stats_report`) as a table for a terminal."""
    lines = [_heading(report), ""]
    lines += _table(report)
    runs = report["runs"]
    lines.append(
        f"Half marathons: {runs['half_marathons']}   Marathons: "
        f"{runs['marathons']}   Personal records: {report['pr_count']}"
    )
    lines += _bests_lines(report["personal_bests"])
    lines.append(_fitness_line(report["fitness"]))
    return "\n".join(lines)


def _heading(report: dict) -> str:
    period = report["period"]
    year = period["year"] or "all time"
    sport = period["sport"] or "all sports"
    return f"{report['athlete']['name']}: {year}, {sport}"


def _table(report: dict) -> list[str]:
    rows = [(g["label"], *_cells(g)) for g in report["groups"]]
    rows.append(("Overall", *_cells(report["overall"])))
    widths = [max(len(str(row[i])) for row in [COLUMNS, *rows]) for i in range(5)]
    return [_table_line(row, widths) for row in [COLUMNS, *rows]]


def _cells(totals: dict) -> tuple:
    return (
        totals["count"],
        totals["distance"],
        totals["moving_time"],
        totals["elevation"],
    )


def _table_line(row: tuple, widths: list[int]) -> str:
    first = str(row[0]).ljust(widths[0])
    rest = (
        str(cell).rjust(width) for cell, width in zip(row[1:], widths[1:], strict=True)
    )
    return "  ".join([first, *rest]).rstrip()


def _bests_lines(bests: list[dict]) -> list[str]:
    if not bests:
        return ["", "Personal bests: none yet (they come from runs' best efforts)."]
    width = max(len(best["label"]) for best in bests)
    lines = ["", "Personal bests"]
    for best in bests:
        lines.append(
            f"  {best['label'].ljust(width)}  {best['time']:>8}  {best['pace']:>10}"
            f"  {best['date']}  {best['activity_name']}"
        )
    return lines


def _fitness_line(form: dict | None) -> str:
    if form is None:
        return "\nFitness: no activities yet."
    return (
        f"\nFitness on {form['date']} (all sports): fitness (CTL) "
        f"{form['fitness_ctl']:.0f}, fatigue (ATL) {form['fatigue_atl']:.0f}, "
        f"form (TSB) {form['form_tsb']:.0f}"
    )
