"""Connecting an athlete's Strava account.

Three ways: the system browser with a one-shot listener on
``http://127.0.0.1:<free port>/callback``; a pasted redirect URL (headless
machines with a browser elsewhere); or a refresh token the user already has.
The ``state`` parameter is random and checked, and so are the granted scopes.
"""

from __future__ import annotations

import json
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from athletiq_core.db.models import Athlete, StravaCredential, database, utcnow
from athletiq_core.errors import AthletiqError
from athletiq_core.strava.client import StravaClient

logger = logging.getLogger(__name__)

REQUIRED_SCOPES = ("activity:read_all",)
READ_ALL_WARNING = (
    "You did not allow 'View data about your private activities' "
    "(activity:read_all): activities visible only to you will be missing. "
    "Run 'athletiq connect' again and keep that box ticked to include them."
)


class ConnectError(AthletiqError):
    """Connecting failed: refused, wrong state, or a bad redirect URL."""


@dataclass
class ConnectResult:
    """The connected athlete and anything the user should know."""

    athlete: Athlete
    scopes: list[str]
    warnings: list[str] = field(default_factory=list)


def new_state() -> str:
    """A random, unguessable value for the OAuth ``state`` parameter."""
    return secrets.token_urlsafe(24)


def parse_callback(query: dict[str, str], expected_state: str) -> tuple[str, list[str]]:
    """Check a callback's query; returns (code, granted scopes)."""
    if query.get("error"):
        raise ConnectError(
            "Strava access was not granted (the authorisation was cancelled or "
            "refused). Run 'athletiq connect' again and choose Authorize."
        )
    if not secrets.compare_digest(query.get("state", ""), expected_state):
        raise ConnectError(
            "The answer from Strava does not belong to this connection attempt "
            "(state mismatch). Start again with 'athletiq connect'."
        )
    code = query.get("code", "")
    if not code:
        raise ConnectError("Strava's answer carries no authorisation code.")
    return code, _split_scopes(query.get("scope", ""))


def parse_redirect_url(url: str, expected_state: str) -> tuple[str, list[str]]:
    """Like :func:`parse_callback`, for a redirect URL pasted by the user."""
    parsed = urlparse(url.strip())
    if not parsed.query:
        raise ConnectError(
            "That is not the address Strava redirected to: it should contain "
            "'?state=…&code=…'. Copy the whole address from the browser's bar."
        )
    query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
    return parse_callback(query, expected_state)


def complete_connection(
    client: StravaClient, code: str, scopes: list[str]
) -> ConnectResult:
    """Exchange ``code``, store athlete and tokens, and check the scopes."""
    grant = client.exchange_code(code)
    athlete_json = grant.get("athlete")
    if not isinstance(athlete_json, dict) or "id" not in athlete_json:
        athlete_json = client.get("/athlete", grant["access_token"])
    athlete = store_connection(client.app.client_id, grant, athlete_json, scopes)
    return ConnectResult(athlete, scopes, _scope_warnings(scopes))


def connect_with_refresh_token(client: StravaClient, token: str) -> ConnectResult:
    """Connect without a browser, from a refresh token the user already has.

    Strava does not say which scopes a refresh token carries, so they are not
    checked here; a missing ``activity:read_all`` shows as missing private
    activities.
    """
    grant = client.refresh(token.strip())
    athlete_json = client.get("/athlete", grant["access_token"])
    if not isinstance(athlete_json, dict) or "id" not in athlete_json:
        raise ConnectError("Strava did not say which athlete this token belongs to.")
    athlete = store_connection(client.app.client_id, grant, athlete_json, [])
    warning = "Scopes could not be checked for a refresh token."
    return ConnectResult(athlete, [], [warning])


def connect_in_browser(
    client: StravaClient,
    open_url: Callable[[str], Any],
    timeout: float = 300.0,
) -> ConnectResult:
    """Open Strava's authorize page and wait for its redirect to a local listener."""
    state = new_state()
    with CallbackListener() as listener:
        url = client.authorize_url(listener.redirect_uri, state)
        open_url(url)
        query = listener.wait(timeout)
    code, scopes = parse_callback(query, state)
    return complete_connection(client, code, scopes)


def store_connection(
    client_id: str, grant: dict[str, Any], athlete_json: dict[str, Any], scopes
) -> Athlete:
    """Create or update the athlete and their credential in one transaction."""
    with database.atomic():
        athlete = _upsert_athlete(athlete_json)
        StravaCredential.insert(
            athlete=athlete,
            client_id=str(client_id),
            access_token=grant["access_token"],
            refresh_token=grant["refresh_token"],
            expires_at=int(grant["expires_at"]),
            scopes=",".join(scopes),
            updated_at=utcnow(),
        ).on_conflict(
            conflict_target=[StravaCredential.athlete],
            preserve=[
                StravaCredential.client_id,
                StravaCredential.access_token,
                StravaCredential.refresh_token,
                StravaCredential.expires_at,
                StravaCredential.scopes,
                StravaCredential.updated_at,
            ],
        ).execute()
    logger.info("Connected Strava athlete %s", athlete.name)
    return athlete


def _upsert_athlete(data: dict[str, Any]) -> Athlete:
    athlete = Athlete.get_or_none(Athlete.strava_id == data["id"])
    if athlete is None:
        athlete = Athlete(strava_id=data["id"])
    athlete.firstname = str(data.get("firstname") or "")
    athlete.lastname = str(data.get("lastname") or "")
    athlete.city = data.get("city")
    athlete.country = data.get("country")
    athlete.sex = data.get("sex") or athlete.sex
    athlete.measurement_preference = data.get("measurement_preference")
    athlete.ftp = data.get("ftp") or athlete.ftp
    athlete.weight = data.get("weight") or athlete.weight
    athlete.raw_json = json.dumps(data)
    athlete.save()
    return athlete


def _split_scopes(value: str) -> list[str]:
    return [part for part in value.replace(" ", ",").split(",") if part]


def _scope_warnings(scopes: list[str]) -> list[str]:
    if all(required in scopes for required in REQUIRED_SCOPES):
        return []
    logger.warning("Connected without activity:read_all")
    return [READ_ALL_WARNING]


class CallbackListener:
    """A one-shot HTTP listener on 127.0.0.1 that catches Strava's redirect."""

    def __init__(self) -> None:
        self._query: dict[str, str] | None = None
        self._arrived = threading.Event()
        handler = type("CallbackHandler", (_CallbackHandler,), {"listener": self})
        self._server = HTTPServer(("127.0.0.1", 0), handler)

    @property
    def redirect_uri(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/callback"

    def __enter__(self) -> CallbackListener:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def wait(self, timeout: float) -> dict[str, str]:
        """The callback's query parameters; :class:`ConnectError` on timeout."""
        if not self._arrived.wait(timeout):
            raise ConnectError(
                f"No answer from Strava within {timeout:.0f} s. Run 'athletiq connect' "
                "again, or use --no-browser to paste the redirect address."
            )
        return self._query or {}

    def _deliver(self, query: dict[str, str]) -> None:
        if not self._arrived.is_set():
            self._query = query
            self._arrived.set()


class _CallbackHandler(BaseHTTPRequestHandler):
    listener: CallbackListener

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Silenced: the request line carries the authorisation code."""

    def do_GET(self) -> None:  # noqa: N802
        parsed = urlparse(self.path)
        if parsed.path != "/callback":
            self.send_error(404)
            return
        self.listener._deliver({k: v[-1] for k, v in parse_qs(parsed.query).items()})
        body = (
            b"<!doctype html><title>Athletiq</title><p>Athletiq received Strava's "
            b"answer. You can close this window and return to Athletiq.</p>"
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
