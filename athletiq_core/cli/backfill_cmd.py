"""``athletiq backfill``: fetch activity details within Strava's rate limits."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import threading

from athletiq_core.cli.common import open_db, select_athletes, strava_client
from athletiq_core.db.models import StravaCredential
from athletiq_core.details.backfill import (
    Backfill,
    BackfillState,
    BackfillStatus,
    retry_failed,
)
from athletiq_core.errors import NotConnectedError
from athletiq_core.strava.session import AthleteSession

STOPPING_STATES = (BackfillState.NEEDS_RECONNECT, BackfillState.APP_INACTIVE)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "backfill", help="fetch activity details (splits, efforts, segments)"
    )
    parser.add_argument(
        "--no-wait",
        action="store_true",
        help="stop when the rate-limit budget is spent instead of waiting",
    )
    parser.add_argument(
        "--retry-failed", action="store_true", help="queue failed items again"
    )
    parser.add_argument(
        "--streams", action="store_true", help="also fetch streams (GPS, HR, power)"
    )
    parser.add_argument("--athlete", type=int, metavar="ID")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    athletes = [
        a
        for a in select_athletes(args.athlete)
        if StravaCredential.select().where(StravaCredential.athlete == a).exists()
    ]
    if not athletes:
        raise NotConnectedError(
            "No Strava account is connected. Run 'athletiq connect'."
        )
    client = strava_client()
    try:
        return max(_run_one(client, athlete, args) for athlete in athletes)
    finally:
        client.close()


def _run_one(client, athlete, args) -> int:
    if args.retry_failed:
        print(f"{retry_failed(athlete.id)} failed items queued again.")
    status = Backfill(
        AthleteSession(client, athlete),
        no_wait=args.no_wait,
        wait=_countdown_wait,
        on_status=_show,
        fetch_streams_too=args.streams or None,
    ).run()
    print(f"\n{athlete.name}: backfill {status.describe()}")
    if status.last_error and status.state in STOPPING_STATES:
        print(f"athletiq: {status.last_error}", file=sys.stderr)
        return 1
    return 0


def _show(status: BackfillStatus) -> None:
    line = f"\rBackfill: {status.done} fetched, {status.remaining} to go"
    if status.failed:
        line += f", {status.failed} failed"
    if sys.stdout.isatty():
        print(line, end="", flush=True)


def _countdown_wait(until: dt.datetime, stop: threading.Event) -> None:
    """Wait until ``until`` (UTC), showing the time left once a second on a tty."""
    while not stop.is_set():
        left = (until - dt.datetime.now(dt.UTC)).total_seconds() + 1
        if left <= 0:
            return
        if sys.stdout.isatty():
            minutes, seconds = divmod(int(left), 60)
            hours, minutes = divmod(minutes, 60)
            print(
                f"\rWaiting for Strava's rate limit: {hours}:{minutes:02d}:"
                f"{seconds:02d} left (Ctrl+C stops; progress is kept)   ",
                end="",
                flush=True,
            )
            stop.wait(min(left, 1.0))
        else:
            print(f"Waiting until {until:%H:%M} UTC for Strava's rate limit.")
            stop.wait(left)
