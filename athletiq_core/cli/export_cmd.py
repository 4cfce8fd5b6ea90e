"""``athletiq export``: all activities as CSV, one activity as GPX."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from athletiq_core import settings
from athletiq_core.cli.common import open_db, select_athletes, strava_client
from athletiq_core.db.models import StravaCredential
from athletiq_core.details.gpx import activity_gpx_export, find_activity
from athletiq_core.export_csv import write_activities_csv
from athletiq_core.strava.session import AthleteSession
from athletiq_core.units import UnitSystem


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("export", help="export activities")
    kinds = parser.add_subparsers(dest="kind", metavar="FORMAT", required=True)
    csv_parser = kinds.add_parser("csv", help="all activities as CSV")
    csv_parser.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    csv_parser.add_argument("--units", choices=("metric", "imperial"))
    csv_parser.add_argument("--athlete", type=int, metavar="ID")
    csv_parser.set_defaults(func=run_csv)
    gpx_parser = kinds.add_parser("gpx", help="one activity as GPX 1.1")
    gpx_parser.add_argument("activity_id", type=int, metavar="ACTIVITY_ID")
    gpx_parser.add_argument("-o", "--output", metavar="FILE", help="file or folder")
    gpx_parser.set_defaults(func=run_gpx)


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


def run_gpx(args: argparse.Namespace) -> int:
    open_db(args)
    activity = find_activity(args.activity_id)
    session = _session_if_connected(activity)
    try:
        text, filename = activity_gpx_export(activity, session)
    finally:
        if session is not None:
            session.client.close()
    target = Path(args.output) if args.output else Path(filename)
    if target.is_dir():
        target = target / filename
    target.write_text(text, encoding="utf-8")
    print(f"Wrote {target}", file=sys.stderr)
    return 0


def _session_if_connected(activity) -> AthleteSession | None:
    connected = StravaCredential.select().where(
        StravaCredential.athlete == activity.athlete_id
    )
    if activity.strava_id is None or not connected.exists():
        return None
    return AthleteSession(strava_client(), activity.athlete)
