"""``athletiq routes``: the planned routes kept by imports."""

from __future__ import annotations

import argparse
import dataclasses
import json

from athletiq_core import settings
from athletiq_core.analytics.views.routes import RouteRow, routes
from athletiq_core.cli.common import add_athlete_and_units, open_db, select_athletes
from athletiq_core.units import UnitSystem


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("routes", help="list routes kept by imports")
    parser.add_argument("--json", action="store_true", help="print JSON")
    add_athlete_and_units(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    units = UnitSystem.parse(args.units or settings.get("units"))
    rows = [
        row
        for athlete in select_athletes(args.athlete)
        for row in routes(athlete.id, units)
    ]
    if args.json:
        print(json.dumps([dataclasses.asdict(row) for row in rows], indent=2))
    elif not rows:
        print(
            "No routes yet. 'athletiq import' keeps GPX routes (files without times)."
        )
    else:
        print("\n".join(_line(row) for row in rows))
    return 0


def _line(row: RouteRow) -> str:
    sport = f" ({row.sport_type})" if row.sport_type else ""
    return (
        f"{row.route_id:>5}  {row.name}{sport}: {row.distance_text}, "
        f"climb {row.elevation_text}, {row.point_count} points"
    )
