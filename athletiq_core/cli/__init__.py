"""The ``athletiq`` command.

Without a subcommand it opens the desktop app; ``athletiq serve`` starts the
headless server. Every other subcommand works in an install without PySide6 or
Flask.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from athletiq_core import __version__
from athletiq_core.cli import (
    backfill_cmd,
    config_cmd,
    connect_cmd,
    demo_cmd,
    export_cmd,
    faces_cmd,
    import_cmd,
    routes_cmd,
    stats_cmd,
    status_cmd,
    sync_cmd,
)
from athletiq_core.errors import AthletiqError

logger = logging.getLogger(__name__)

COMMAND_MODULES = (
    connect_cmd,
    sync_cmd,
    backfill_cmd,
    import_cmd,
    routes_cmd,
    status_cmd,
    stats_cmd,
    export_cmd,
    demo_cmd,
    config_cmd,
    faces_cmd,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="athletiq",
        description="Private, local-first training analytics.",
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument(
        "--database", metavar="FILE", help="use this database file instead"
    )
    parser.add_argument(
        "--demo", action="store_true", help="use the demo database (athletiq demo)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="debug output")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(commands)
    parser.set_defaults(func=faces_cmd.run_desktop)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    _configure_logging(args.verbose)
    try:
        return int(args.func(args) or 0)
    except AthletiqError as exc:
        print(f"athletiq: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("athletiq: interrupted; what was stored so far is kept.", file=sys.stderr)
        return 130


def _configure_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(levelname)s %(name)s: %(message)s" if verbose else "%(message)s",
        stream=sys.stderr,
    )
    # httpx logs every request line at INFO; URLs stay out of ordinary output.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
