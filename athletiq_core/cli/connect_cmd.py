"""``athletiq connect``: connect a Strava account."""

from __future__ import annotations

import argparse
import sys
import webbrowser

from athletiq_core import connect
from athletiq_core.cli.common import open_db, strava_client

PASTE_PROMPT = "Paste the address your browser was sent to (it starts with {}): "


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("connect", help="connect a Strava account")
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="print the address to open and paste the redirect back",
    )
    parser.add_argument(
        "--refresh-token",
        metavar="TOKEN",
        help="connect with a refresh token you already have ('-' reads it from "
        "standard input, which keeps it out of your shell history)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    open_db(args)
    client = strava_client()
    try:
        result = _connect(args, client)
    finally:
        client.close()
    for warning in result.warnings:
        print(f"Warning: {warning}", file=sys.stderr)
    print(f"Connected {result.athlete.name}. Run 'athletiq sync' to fetch activities.")
    return 0


def _connect(args, client) -> connect.ConnectResult:
    if args.refresh_token:
        token = (
            sys.stdin.readline() if args.refresh_token == "-" else args.refresh_token
        )
        return connect.connect_with_refresh_token(client, token)
    if args.no_browser:
        return _connect_by_paste(client)
    print("Opening Strava in your browser to authorise Athletiq…", file=sys.stderr)
    return connect.connect_in_browser(client, _open_browser)


def _connect_by_paste(client) -> connect.ConnectResult:
    state = connect.new_state()
    redirect_uri = "http://localhost/exchange_token"
    print("Open this address in a browser and authorise Athletiq:")
    print(client.authorize_url(redirect_uri, state))
    print(
        "The browser then shows an error page: that is expected. Copy its address.",
        file=sys.stderr,
    )
    url = input(PASTE_PROMPT.format(redirect_uri))
    code, scopes = connect.parse_redirect_url(url, state)
    return connect.complete_connection(client, code, scopes)


def _open_browser(url: str) -> None:
    if not webbrowser.open(url):
        print(f"Open this address in your browser:\n{url}", file=sys.stderr)
