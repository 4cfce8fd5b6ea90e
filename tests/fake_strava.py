"""A fake Strava over real HTTP on 127.0.0.1, for tests and benchmarks.

It serves OAuth (authorize redirect, code exchange, refresh with rotation), the
athlete, the activity list with before/after/page/per_page, activity details,
streams and gear, with rate-limit headers and 429s counted the way Strava counts
them (15-minute windows at :00/:15/:30/:45, daily at midnight UTC, rejected
requests counting too). Faults can be injected per path. The clock is injectable
so a test can run simulated days.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

SIX_HOURS = 6 * 3600


@dataclass
class Fault:
    """Answer requests whose path contains ``path`` with ``kind``, ``times`` times.

    Kinds: an HTTP status (401, 404, 500, 503…), "inactive" (403 Inactive),
    "athlete_limit" (403), "timeout" (stall ``delay`` s), "malformed" (200 with
    broken JSON), "hang" (block until ``release`` is set).
    """

    path: str
    kind: int | str
    times: int = 1
    delay: float = 2.0
    release: threading.Event = field(default_factory=threading.Event)
    query: dict[str, str] = field(default_factory=dict)
    hits: int = 0


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    authorization: str | None
    status: int = 0
    at: dt.datetime | None = None


class FakeStrava:
    def __init__(
        self,
        client_id: str = "4242",
        client_secret: str = "fake-client-secret",
        clock: Callable[[], dt.datetime] | None = None,
    ):
        self.client_id = client_id
        self.client_secret = client_secret
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.athletes: dict[int, dict[str, Any]] = {}
        self.activities: dict[int, dict[int, dict[str, Any]]] = {}
        self.details: dict[int, dict[str, Any]] = {}
        self.streams: dict[int, dict[str, Any]] = {}
        self.detail_factory: Callable[[dict[str, Any]], dict[str, Any]] | None = None
        self.streams_factory: Callable[[dict[str, Any]], dict[str, Any]] | None = None
        self.gear: dict[str, dict[str, Any]] = {}
        self.codes: dict[str, tuple[int, str]] = {}
        self.access_tokens: dict[str, tuple[int, int]] = {}
        self.refresh_tokens: dict[str, int] = {}
        self.retired_refresh_tokens: set[str] = set()
        self.refresh_reuse: list[str] = []
        self.authorizing_athlete: int | None = None
        self.granted_scope: str | None = None
        self.read_limits = (100, 1000)
        self.overall_limits = (200, 2000)
        self.usage: dict[str, int] = {}
        self.faults: list[Fault] = []
        self.requests: list[Recorded] = []
        self.rate_limited_responses = 0
        # Called before each API request is answered; a simulated clock can tick.
        self.request_hook: Callable[[], None] | None = None
        self._lock = threading.RLock()
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle -----------------------------------------------------------
    def start(self) -> FakeStrava:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        for fault in self.faults:
            fault.release.set()
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def api_url(self) -> str:
        return f"{self.base_url}/api/v3"

    @property
    def oauth_url(self) -> str:
        return f"{self.base_url}/oauth"

    def env(self) -> dict[str, str]:
        """Environment variables pointing Athletiq at this server."""
        return {
            "ATHLETIQ_STRAVA_API_URL": self.api_url,
            "ATHLETIQ_STRAVA_OAUTH_URL": self.oauth_url,
            "STRAVA_CLIENT_ID": self.client_id,
            "STRAVA_CLIENT_SECRET": self.client_secret,
        }

    # -- data ----------------------------------------------------------------
    def add_athlete(self, athlete: dict[str, Any], activities=(), gear=()) -> None:
        with self._lock:
            self.athletes[athlete["id"]] = athlete
            self.activities[athlete["id"]] = {a["id"]: a for a in activities}
            for item in gear:
                self.gear[item["id"]] = item
            if self.authorizing_athlete is None:
                self.authorizing_athlete = athlete["id"]

    def issue_tokens(self, athlete_id: int, expires_in: int = SIX_HOURS) -> dict:
        """Tokens as a code exchange would give them (for tests that skip OAuth)."""
        with self._lock:
            return self._new_grant(athlete_id, expires_in)

    def expire_access_tokens(self) -> None:
        with self._lock:
            for token, (athlete_id, _expiry) in list(self.access_tokens.items()):
                self.access_tokens[token] = (athlete_id, 0)

    def revoke(self, athlete_id: int) -> None:
        with self._lock:
            for table in (self.access_tokens, self.refresh_tokens):
                for token, value in list(table.items()):
                    owner = value[0] if isinstance(value, tuple) else value
                    if owner == athlete_id:
                        del table[token]

    def inject(self, path: str, kind: int | str, times: int = 1, **kw) -> Fault:
        fault = Fault(path, kind, times, **kw)
        with self._lock:
            self.faults.append(fault)
        return fault

    def add_external_usage(self, read: int) -> None:
        """Requests another tool made with the same app, counted in our windows."""
        with self._lock:
            for key in self._window_keys(self.clock(), read=True):
                self.usage[key] = self.usage.get(key, 0) + read
            for key in self._window_keys(self.clock(), read=False):
                self.usage[key] = self.usage.get(key, 0) + read

    def api_requests(self, path_part: str = "") -> list[Recorded]:
        return [
            r
            for r in self.requests
            if r.path.startswith("/api/v3") and path_part in r.path
        ]

    # -- rate limits -----------------------------------------------------------
    def _window_keys(self, now: dt.datetime, read: bool) -> tuple[str, str]:
        bucket = "read" if read else "all"
        quarter = now.replace(
            minute=now.minute - now.minute % 15, second=0, microsecond=0
        )
        return f"{bucket}:15:{quarter.isoformat()}", f"{bucket}:day:{now.date()}"

    def _count(self, read: bool) -> tuple[bool, dict[str, str]]:
        now = self.clock()
        with self._lock:
            over = False
            for is_read, limits in (
                (True, self.read_limits),
                (False, self.overall_limits),
            ):
                if is_read and not read:
                    continue
                short_key, day_key = self._window_keys(now, is_read)
                if (
                    self.usage.get(short_key, 0) >= limits[0]
                    or self.usage.get(day_key, 0) >= limits[1]
                ):
                    over = True
            for is_read in (True, False) if read else (False,):
                for key in self._window_keys(now, is_read):
                    self.usage[key] = self.usage.get(key, 0) + 1
            return over, self._headers(now)

    def _headers(self, now: dt.datetime) -> dict[str, str]:
        out = {}
        for name, is_read, limits in (
            ("X-RateLimit", False, self.overall_limits),
            ("X-ReadRateLimit", True, self.read_limits),
        ):
            short_key, day_key = self._window_keys(now, is_read)
            out[f"{name}-Limit"] = f"{limits[0]},{limits[1]}"
            out[f"{name}-Usage"] = (
                f"{self.usage.get(short_key, 0)},{self.usage.get(day_key, 0)}"
            )
        return out

    # -- tokens ----------------------------------------------------------------
    def _new_grant(
        self, athlete_id: int, expires_in: int = SIX_HOURS
    ) -> dict[str, Any]:
        access, refresh = secrets.token_hex(20), secrets.token_hex(20)
        expires_at = int(self.clock().timestamp()) + expires_in
        self.access_tokens[access] = (athlete_id, expires_at)
        self.refresh_tokens[refresh] = athlete_id
        return {
            "token_type": "Bearer",
            "access_token": access,
            "refresh_token": refresh,
            "expires_at": expires_at,
            "expires_in": expires_in,
        }

    def _athlete_for(self, authorization: str | None) -> int | None:
        if not authorization or not authorization.startswith("Bearer "):
            return None
        entry = self.access_tokens.get(authorization[7:])
        if entry is None or entry[1] <= int(self.clock().timestamp()):
            return None
        return entry[0]

    def _fault_for(self, path: str, query: dict[str, str]) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                wanted = all(query.get(k) == v for k, v in fault.query.items())
                if fault.times > 0 and fault.path in path and wanted:
                    fault.times -= 1
                    fault.hits += 1
                    return fault
        return None


def _fault_body(resource: str, field_: str, code: str, message: str) -> dict:
    return {
        "message": message,
        "errors": [{"resource": resource, "field": field_, "code": code}],
    }


class _Handler(BaseHTTPRequestHandler):
    fake: FakeStrava
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle's algorithm
    # and delayed ACKs add 40 ms to every keep-alive request.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    # -- plumbing ----------------------------------------------------------------
    def _send(
        self,
        status: int,
        body: Any,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ):
        payload = raw if raw is not None else json.dumps(body).encode()
        # Recorded before the answer leaves, so a test that has its response can
        # rely on the record.
        if self._record:
            self._record.status = status
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:  # noqa: N802
        self._dispatch("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        parsed = urlparse(self.path)
        query = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        self._record = Recorded(
            method, parsed.path, query, self.headers.get("Authorization")
        )
        with self.fake._lock:
            self.fake.requests.append(self._record)
        if parsed.path == "/oauth/authorize":
            return self._authorize(query)
        if parsed.path == "/oauth/token" and method == "POST":
            return self._token()
        if parsed.path.startswith("/api/v3/") and method == "GET":
            return self._api(parsed.path[len("/api/v3") :], query)
        self._send(404, _fault_body("Path", "", "not found", "Resource Not Found"))

    # -- OAuth --------------------------------------------------------------------
    def _authorize(self, query: dict[str, str]) -> None:
        fake = self.fake
        if query.get("client_id") != fake.client_id:
            return self._send(
                400, _fault_body("Application", "client_id", "invalid", "Bad Request")
            )
        code = secrets.token_hex(8)
        scope = (
            fake.granted_scope
            if fake.granted_scope is not None
            else query.get("scope", "read")
        )
        with fake._lock:
            fake.codes[code] = (fake.authorizing_athlete, scope)
        target = (
            query["redirect_uri"]
            + "?"
            + urlencode({"state": query.get("state", ""), "code": code, "scope": scope})
        )
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _token(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = {k: v[-1] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        fake = self.fake
        if (
            form.get("client_id") != fake.client_id
            or form.get("client_secret") != fake.client_secret
        ):
            return self._send(
                401,
                _fault_body("Application", "client_secret", "invalid", "Bad Request"),
            )
        fault = fake._fault_for("/oauth/token", {})
        if fault is not None and isinstance(fault.kind, int):
            return self._send(fault.kind, _fault_body("Server", "", "error", "Error"))
        with fake._lock:
            if form.get("grant_type") == "authorization_code":
                return self._exchange(form.get("code", ""))
            if form.get("grant_type") == "refresh_token":
                return self._refresh(form.get("refresh_token", ""))
        self._send(400, _fault_body("Request", "grant_type", "invalid", "Bad Request"))

    def _exchange(self, code: str) -> None:
        fake = self.fake
        entry = fake.codes.pop(code, None)
        if entry is None:
            return self._send(
                400, _fault_body("AuthorizationCode", "code", "invalid", "Bad Request")
            )
        athlete_id, _scope = entry
        grant = fake._new_grant(athlete_id)
        grant["athlete"] = fake.athletes[athlete_id]
        self._send(200, grant)

    def _refresh(self, token: str) -> None:
        fake = self.fake
        athlete_id = fake.refresh_tokens.pop(token, None)
        if athlete_id is None:
            if token in fake.retired_refresh_tokens:
                fake.refresh_reuse.append(token)
            return self._send(
                400,
                _fault_body("RefreshToken", "refresh_token", "invalid", "Bad Request"),
            )
        fake.retired_refresh_tokens.add(token)
        self._send(200, fake._new_grant(athlete_id))

    # -- API -------------------------------------------------------------------------
    def _api(self, path: str, query: dict[str, str]) -> None:
        fake = self.fake
        if fake.request_hook is not None:
            fake.request_hook()
        self._record.at = fake.clock()
        over, headers = fake._count(read=True)
        if over:
            with fake._lock:
                fake.rate_limited_responses += 1
            body = _fault_body(
                "Application", "read rate limit", "exceeded", "Rate Limit Exceeded"
            )
            return self._send(429, body, headers)
        fault = fake._fault_for(path, query)
        if fault is not None:
            return self._apply_fault(fault, headers)
        athlete_id = fake._athlete_for(self.headers.get("Authorization"))
        if athlete_id is None:
            body = _fault_body(
                "Athlete", "access_token", "invalid", "Authorization Error"
            )
            return self._send(401, body, headers)
        status, body = self._route(path, query, athlete_id)
        self._send(status, body, headers)

    def _apply_fault(self, fault: Fault, headers: dict[str, str]) -> None:
        kind = fault.kind
        if kind == "hang":
            fault.release.wait(60)
            kind = 500
        if kind == "timeout":
            time.sleep(fault.delay)
            kind = 500
        if kind == "malformed":
            return self._send(200, None, headers, raw=b'[{"id": 1, "name": "tru')
        if kind == "inactive":
            return self._send(
                403,
                _fault_body("Application", "Status", "Inactive", "Forbidden"),
                headers,
            )
        if kind == "athlete_limit":
            return self._send(
                403,
                {"message": "Limit of connected athletes exceeded", "errors": []},
                headers,
            )
        body = (
            _fault_body("Server", "", "error", "Error")
            if kind >= 500
            else _fault_body(
                "Athlete", "access_token", "invalid", "Authorization Error"
            )
        )
        self._send(int(kind), body, headers)

    def _route(
        self, path: str, query: dict[str, str], athlete_id: int
    ) -> tuple[int, Any]:
        fake = self.fake
        parts = path.strip("/").split("/")
        if parts == ["athlete"]:
            return 200, fake.athletes[athlete_id]
        if parts == ["athlete", "activities"]:
            return 200, self._list(athlete_id, query)
        if len(parts) == 2 and parts[0] == "gear":
            gear = fake.gear.get(parts[1])
            return (200, gear) if gear else (404, _not_found("Gear"))
        if len(parts) >= 2 and parts[0] == "activities":
            return self._activity(athlete_id, parts)
        return 404, _not_found("Path")

    def _list(self, athlete_id: int, query: dict[str, str]) -> list[dict[str, Any]]:
        before = int(query["before"]) if "before" in query else None
        after = int(query["after"]) if "after" in query else None
        page = int(query.get("page", 1))
        per_page = min(int(query.get("per_page", 30)), 200)
        with self.fake._lock:
            items = list(self.fake.activities.get(athlete_id, {}).values())
        selected = [a for a in items if _in_range(a, before, after)]
        # Strava lists newest first, except with only ``after``, where it lists
        # oldest first.
        ascending = after is not None and before is None
        selected.sort(key=_start_epoch, reverse=not ascending)
        return selected[(page - 1) * per_page : page * per_page]

    def _activity(self, athlete_id: int, parts: list[str]) -> tuple[int, Any]:
        fake = self.fake
        try:
            activity_id = int(parts[1])
        except ValueError:
            return 404, _not_found("Activity")
        summary = fake.activities.get(athlete_id, {}).get(activity_id)
        if summary is None:
            return 404, _not_found("Activity")
        if len(parts) == 2:
            detail = fake.details.get(activity_id)
            if detail is None and fake.detail_factory is not None:
                detail = fake.detail_factory(summary)
            return 200, detail or {**summary, "resource_state": 3}
        if parts[2] == "streams":
            streams = fake.streams.get(activity_id)
            if streams is None and fake.streams_factory is not None:
                streams = fake.streams_factory(summary)
            return (200, streams) if streams else (404, _not_found("Activity"))
        return 404, _not_found("Path")


def _not_found(resource: str) -> dict:
    return _fault_body(resource, "", "not found", "Resource Not Found")


def _start_epoch(activity: dict[str, Any]) -> float:
    try:
        return dt.datetime.fromisoformat(
            str(activity["start_date"]).replace("Z", "+00:00")
        ).timestamp()
    except (KeyError, ValueError):
        return 0.0


def _in_range(activity: dict[str, Any], before: int | None, after: int | None) -> bool:
    start = _start_epoch(activity)
    if before is not None and not start < before:
        return False
    return not (after is not None and not start > after)
