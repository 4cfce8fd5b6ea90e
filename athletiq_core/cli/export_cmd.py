"""``athletiq export``: activities as CSV (and single activities as GPX)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from athletiq_core import settings
from athletiq_core.cli.common import open_db, select_athletes
from athletiq_core.export_csv import write_activities_csv
from athletiq_core.units import UnitSystem


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("export", help="export activities")
    kinds = parser.add_subparsers(dest="kind", metavar="FORMAT", required=True)
    csv_parser = kinds.add_parser("csv", help="all activities as CSV")
    csv_parser.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    csv_parser.add_argument("--units", choices=("metric", "imperial"))
    csv_parser.add_argument("--athlete", type=int, metavar="ID")
    csv_parser.set_defaults(func=run_csv)


def run_csv(args: argparse.Namespace) -> int:
    open_db(args)
    system = UnitSystem.parse(args.units or settings.get("units"))
    athlete = select_athletes(args.athlete)[0] if args.athlete else None
    if not args.output:
        write_activities_csv(sys.stdout, system, athlete)
        return 0
    with Path(args.output).open("w", encoding="utf-8", newline="") as out:
        count = write_activities_csv(out, system, athlete)
    print(f"Wrote {count} activities to {args.output}", file=sys.stderr)
    return 0
