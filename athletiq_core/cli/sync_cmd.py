"""``athletiq sync``: fetch new and changed activities from Strava."""

from __future__ import annotations

import argparse
import sys

from athletiq_core.cli.common import Progress, open_db, select_athletes, strava_client
from athletiq_core.db.models import Athlete, StravaCredential
from athletiq_core.errors import NotConnectedError
from athletiq_core.strava.session import AthleteSession
from athletiq_core.sync import SyncResult, sync_athlete


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("sync", help="fetch new activities from Strava")
    parser.add_argument(
        "--full",
        action="store_true",
        help="re-list every activity: pick up edits and deletions",
    )
    parser.add_argument("--athlete", type=int, metavar="ID", help="only this athlete")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    athletes = [a for a in select_athletes(args.athlete) if _connected(a)]
    if not athletes:
        raise NotConnectedError(
            "No Strava account is connected. Run 'athletiq connect'."
        )
    client = strava_client()
    try:
        for athlete in athletes:
            _report(_sync_one(client, athlete, args.full))
    finally:
        client.close()
    return 0


def _sync_one(client, athlete: Athlete, full: bool) -> SyncResult:
    progress = Progress(f"Syncing {athlete.name}")
    try:
        return sync_athlete(
            AthleteSession(client, athlete),
            full=full,
            on_progress=lambda p: progress.update(p.done, p.total, p.stage),
        )
    finally:
        progress.close()


def _report(result: SyncResult) -> None:
    for warning in result.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    print(
        f"{result.inserted} new, {result.updated} updated, {result.deleted} deleted, "
        f"{result.skipped} skipped; {result.requests} requests in "
        f"{result.seconds:.1f} s."
    )


def _connected(athlete: Athlete) -> bool:
    return StravaCredential.select().where(StravaCredential.athlete == athlete).exists()
