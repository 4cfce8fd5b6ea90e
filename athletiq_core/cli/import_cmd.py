"""``athletiq import``: Strava archives, FIT/GPX/TCX files and folders."""

from __future__ import annotations

import argparse
import sys

from athletiq_core.cli.common import Progress, open_db, select_athletes
from athletiq_core.db.models import Athlete
from athletiq_core.errors import AthletiqError
from athletiq_core.importing.pipeline import import_paths
from athletiq_core.importing.store import ImportSummary


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import", help="import a Strava archive, activity files or folders"
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument("--athlete", type=int, metavar="ID")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    athlete = _athlete(args.athlete)
    progress = Progress("Importing")
    try:
        summary = import_paths(
            args.paths,
            athlete,
            on_progress=lambda done, total, _label: progress.update(done, total),
        )
    finally:
        progress.close()
    _report(summary)
    return 0 if summary.total or not summary.skipped else 1


def _athlete(athlete_id: int | None) -> Athlete:
    if athlete_id is not None:
        return select_athletes(athlete_id)[0]
    athletes = list(Athlete.select())
    if len(athletes) > 1:
        raise AthletiqError(
            "This database holds several athletes; say whose files these are with "
            "--athlete ID (see 'athletiq status')."
        )
    if athletes:
        return athletes[0]
    athlete = Athlete.create(firstname="Me")
    print("Created a local athlete for these activities.", file=sys.stderr)
    return athlete


def _report(summary: ImportSummary) -> None:
    for warning in summary.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    for label, reason in summary.skipped:
        print(f"Skipped {_skip_line(label, reason)}", file=sys.stderr)
    routes = f"{summary.routes} routes, " if summary.routes else ""
    print(
        f"{summary.imported} imported, {summary.recovered} recovered, "
        f"{summary.merged} merged, {summary.unchanged} already there, "
        f"{routes}{len(summary.skipped)} skipped."
    )


def _skip_line(label: str, reason: str) -> str:
    """``label: reason``, without the file name twice when the reason names it."""
    member = label.rsplit(":", 1)[-1]
    for name in (member, member.replace("\\", "/").rsplit("/", 1)[-1]):
        reason = reason.removeprefix(f"{name}: ")
    return f"{label}: {reason}"
