"""``athletiq status``: what is stored, when it last synced, rate-limit usage."""

from __future__ import annotations

import argparse
import json

from athletiq_core.cli.common import database_file, open_db
from athletiq_core.status import status_report


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("status", help="show athletes, sync and limits")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    report = {"database": str(database_file(args)), **status_report()}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(format_report(report))
    return 0


def format_report(report: dict) -> str:
    lines = [f"Database: {report['database']}"]
    if not report["athletes"]:
        lines.append("No athletes yet. Run 'athletiq connect' or 'athletiq demo'.")
    for athlete in report["athletes"]:
        lines.extend(_athlete_lines(athlete))
    for usage in report["rate_limits"]:
        lines.append(_usage_line(usage))
    return "\n".join(lines)


def _athlete_lines(athlete: dict) -> list[str]:
    connected = "connected to Strava" if athlete["connected"] else "files only"
    count = _counted(athlete["activities"], "activity", "activities")
    if athlete["routes"]:
        count += ", " + _counted(athlete["routes"], "route", "routes")
    lines = [
        f"{athlete['name']} (id {athlete['id']}, {connected}): {count}",
        f"  last sync: {athlete['last_sync'] or 'never'}",
    ]
    run = athlete["last_sync_run"]
    if run and run["status"] != "ok":
        lines.append(f"  last sync run {run['status']}: {run['error'] or ''}".rstrip())
    backfill = athlete["backfill"]
    if athlete["connected"]:
        lines.append(
            f"  details: {backfill['state']}, {backfill['fetched']} fetched, "
            f"{backfill['remaining']} to go, {backfill['failed']} failed"
        )
    if athlete["connected"] and not athlete["history_complete"]:
        lines.append("  history not complete yet: the next sync carries on")
    return lines


def _counted(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def _usage_line(usage: dict) -> str:
    short_used, short_limit = usage["read_15min"]
    daily_used, daily_limit = usage["read_daily"]
    return (
        f"Strava app {usage['client_id']}: read {short_used}/{short_limit} this "
        f"15 minutes, {daily_used}/{daily_limit} today (as of {usage['observed_at']})"
    )
