"""Shared pieces of the subcommands: opening the database, progress output."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from peewee import SqliteDatabase

from athletiq_core import paths
from athletiq_core.db import open_database
from athletiq_core.db.models import Athlete
from athletiq_core.errors import AthletiqError
from athletiq_core.strava.client import StravaClient
from athletiq_core.strava.config import load_app


def database_file(args: argparse.Namespace) -> Path:
    if getattr(args, "database", None):
        return Path(args.database)
    if getattr(args, "demo", False):
        return paths.demo_database_path()
    return paths.database_path()


def open_db(args: argparse.Namespace) -> SqliteDatabase:
    return open_database(database_file(args))


def strava_client() -> StravaClient:
    return StravaClient(load_app())


def add_athlete_and_units(parser: argparse.ArgumentParser) -> None:
    """The ``--athlete ID`` and ``--units`` options of the reporting commands."""
    parser.add_argument(
        "--athlete", type=int, metavar="ID", help="local or Strava athlete id"
    )
    parser.add_argument(
        "--units", choices=("metric", "imperial"), help="default: the setting"
    )


def select_athletes(athlete_id: int | None) -> list[Athlete]:
    """The athlete asked for (local or Strava id), else every connected one."""
    if athlete_id is None:
        return list(Athlete.select().order_by(Athlete.id))
    athlete = Athlete.get_or_none(
        (Athlete.id == athlete_id) | (Athlete.strava_id == athlete_id)
    )
    if athlete is None:
        raise AthletiqError(f"No athlete with id {athlete_id} in this database.")
    return [athlete]


class Progress:
    """A progress bar on a terminal; otherwise a plain line every few seconds.

    Off a terminal (a log file, a pipe) the first and last updates are always
    printed and the ones between at most every :attr:`PLAIN_INTERVAL_S` seconds,
    so a long import writes a few lines rather than one per file.
    """

    PLAIN_INTERVAL_S = 5.0

    def __init__(self, description: str, total: int | None = None):
        self.description = description
        self._bar = None
        if sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=description, unit=" act", leave=False)
        self._last = 0
        self._printed_at: float | None = None

    def update(self, done: int, total: int | None = None, note: str = "") -> None:
        if self._bar is not None:
            if total is not None:
                self._bar.total = total
            self._bar.update(done - self._last)
            self._bar.set_postfix_str(note)
        elif self._due(done, total):
            shown = f"{done}/{total}" if total else str(done)
            print(f"{self.description}: {shown} {note}".rstrip(), file=sys.stderr)
            self._printed_at = time.monotonic()
        self._last = done

    def _due(self, done: int, total: int | None) -> bool:
        if self._printed_at is None or (total is not None and done >= total):
            return True
        return time.monotonic() - self._printed_at >= self.PLAIN_INTERVAL_S

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
