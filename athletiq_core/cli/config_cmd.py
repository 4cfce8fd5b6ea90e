"""``athletiq config``: show and change settings."""

from __future__ import annotations

import argparse
import getpass
import json

from athletiq_core import settings
from athletiq_core.cli.common import open_db


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("config", help="show or change settings")
    parser.add_argument("key", nargs="?", help="a setting (all are listed without)")
    parser.add_argument(
        "value",
        nargs="?",
        help="the new value; for a secret, '-' asks for it without echoing",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    if args.key is None:
        for spec in settings.REGISTRY.values():
            print(f"{spec.key} = {_shown(spec)}    # {spec.title}")
        return 0
    spec = settings.spec(args.key)
    if args.value is None:
        print(_shown(spec))
        return 0
    value = args.value
    if spec.secret and value == "-":
        value = getpass.getpass(f"{spec.title}: ")
    settings.set_value(spec.key, value)
    print(f"{spec.key} = {_shown(spec)}")
    return 0


def _shown(spec: settings.SettingSpec) -> str:
    value = settings.get(spec.key)
    if spec.secret:
        return "(set)" if value else "(not set)"
    return json.dumps(value)
