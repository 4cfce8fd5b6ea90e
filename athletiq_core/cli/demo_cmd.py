"""``athletiq demo``: create or refresh the demo database."""

from __future__ import annotations

import argparse

from athletiq_core import paths
from athletiq_core.cli.common import Progress
from athletiq_core.errors import ConfigurationError

MAX_ACTIVITIES = 50_000


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("demo", help="create or refresh the demo database")
    parser.add_argument(
        "--activities", type=int, default=1500, help="how many (1 to 50,000)"
    )
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("-o", "--output", metavar="FILE", help="database file")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not 1 <= args.activities <= MAX_ACTIVITIES:
        raise ConfigurationError(
            f"--activities must be between 1 and {MAX_ACTIVITIES:,}; "
            f"got {args.activities}."
        )
    # The generator is only needed here; other subcommands start without it.
    from athletiq_core.demo import DemoConfig
    from athletiq_core.demo_db import create_demo_database

    path = args.output or args.database or paths.demo_database_path()
    progress = Progress("Building demo details", args.activities)
    try:
        count = create_demo_database(
            path,
            DemoConfig(seed=args.seed, activities=args.activities),
            on_progress=lambda done, total: progress.update(done, total),
        )
    finally:
        progress.close()
    print(f"Demo database with {count} activities: {path}")
    print("Open it with: athletiq --demo status")
    return 0
