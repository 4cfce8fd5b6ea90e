"""Launching the desktop app (no subcommand) and the headless server (serve)."""

from __future__ import annotations

import argparse
import importlib
import importlib.util

from athletiq_core.errors import AthletiqError

DESKTOP_HINT = (
    "The desktop app needs PySide6. Install the desktop extra: "
    "pip install 'athletiq[desktop]'. Other commands: athletiq --help."
)
SERVER_HINT = (
    "The server needs Flask and waitress. Install the server extra: "
    "pip install 'athletiq[server]'."
)


def register(commands: argparse._SubParsersAction) -> None:
    serve = commands.add_parser("serve", help="run the headless LAN server")
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--port", type=int, default=8080)
    serve.set_defaults(func=run_server)


def run_desktop(args: argparse.Namespace) -> int:
    _require("PySide6", DESKTOP_HINT)
    return _launch("athletiq_desktop.app", args)


def run_server(args: argparse.Namespace) -> int:
    _require("flask", SERVER_HINT)
    _require("waitress", SERVER_HINT)
    return _launch("lan_server.serve", args)


def _require(module: str, hint: str) -> None:
    if importlib.util.find_spec(module) is None:
        raise AthletiqError(hint)


def _launch(module_name: str, args: argparse.Namespace) -> int:
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        raise AthletiqError(
            f"This installation of Athletiq does not include {module_name}; "
            "use the command-line subcommands (athletiq --help)."
        ) from None
    return int(module.main(args) or 0)
