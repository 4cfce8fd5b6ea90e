"""The Strava HTTP client: one reused httpx client per API app.

Access tokens travel only in the ``Authorization`` header, never in a URL. Every
response's rate-limit headers feed the app's governor, which every athlete and job
of the same client id shares. Transient faults are retried with capped backoff.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import httpx

from athletiq_core.strava import errors
from athletiq_core.strava.config import SCOPES, StravaApp
from athletiq_core.strava.ratelimit import Priority, get_governor
from athletiq_core.strava.usage_store import restore_usage, save_usage

logger = logging.getLogger(__name__)

INACTIVE_APP_MESSAGE = (
    "Strava refused the request: this API app is inactive. Since 2026-06-30 a "
    "Strava API app only works while its owner has a paid Strava subscription. "
    "Renew the subscription of the account that owns the app, or import your "
    "Strava archive instead (athletiq import export.zip)."
)
ATHLETE_LIMIT_MESSAGE = (
    "Strava refused the connection: this API app already has as many connected "
    "athletes as Strava allows (1 at first, up to 10 after raising the capacity in "
    "the app's settings). Raise the capacity at https://www.strava.com/settings/api "
    "or register a separate API app for this athlete."
)


class StravaClient:
    """Calls Strava for one API app. ``clock`` returns aware UTC; ``sleep`` waits."""

    def __init__(
        self,
        app: StravaApp,
        *,
        http: httpx.Client | None = None,
        clock: Callable[[], dt.datetime] | None = None,
        sleep: Callable[[float], None] = time.sleep,
        max_attempts: int = 4,
        backoff: float = 1.0,
        timeout: float = 30.0,
    ):
        self.app = app
        self.http = http or httpx.Client(timeout=timeout, follow_redirects=False)
        self.clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self.sleep = sleep
        self.max_attempts = max_attempts
        self.backoff = backoff
        self.governor = get_governor(app.client_id)
        restore_usage(app.client_id, self.governor)
        self.requests_made = 0

    def close(self) -> None:
        self.http.close()

    def authorize_url(self, redirect_uri: str, state: str, scope: str = SCOPES) -> str:
        """The page where the athlete grants access; ``state`` must be random."""
        query = {
            "client_id": self.app.client_id,
            "redirect_uri": redirect_uri,
            "response_type": "code",
            "approval_prompt": "auto",
            "scope": scope,
            "state": state,
        }
        return f"{self.app.oauth_url}/authorize?{urlencode(query)}"

    def exchange_code(self, code: str) -> dict[str, Any]:
        """Trade an authorisation code for tokens (and the athlete)."""
        return self._token_request({"grant_type": "authorization_code", "code": code})

    def refresh(self, refresh_token: str) -> dict[str, Any]:
        """Trade the newest refresh token for a fresh access token (may rotate)."""
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        return self._token_request(form)

    def get(
        self,
        path: str,
        access_token: str,
        params: dict[str, Any] | None = None,
        priority: Priority = Priority.FOREGROUND,
    ) -> Any:
        """GET ``path`` under the API URL and return the decoded JSON.

        Raises a :class:`~athletiq_core.strava.errors.StravaError` subclass.
        """
        url = f"{self.app.api_url}{path}"
        headers = {"Authorization": f"Bearer {access_token}"}
        for attempt in range(1, self.max_attempts + 1):
            self._acquire(priority)
            try:
                return self._get_once(url, path, headers, params)
            except errors.TransientError as exc:
                self._after_transient(exc, path, attempt)
        raise AssertionError("unreachable")

    def _get_once(self, url: str, path: str, headers: dict, params: dict | None):
        logger.debug("GET %s %s", path, params or "")
        try:
            response = self._send("GET", url, headers=headers, params=params)
        except errors.StravaTimeout:
            self.governor.observe({}, self.clock())
            raise
        self.governor.observe(response.headers, self.clock())
        save_usage(self.app.client_id, self.governor.snapshot())
        if response.status_code == 429:
            raise self._rate_limited(response)
        _raise_for_status(response)
        return _json(response)

    def _after_transient(self, exc: errors.TransientError, path: str, attempt: int):
        if attempt >= self.max_attempts:
            raise exc
        delay = min(self.backoff * 2 ** (attempt - 1), 30.0)
        logger.warning("%s (GET %s); retrying in %.0f s", exc, path, delay)
        self.sleep(delay)

    def _acquire(self, priority: Priority) -> None:
        decision = self.governor.try_acquire(self.clock(), priority)
        if not decision.allowed:
            raise errors.RateLimited(
                _limit_message(decision.window, decision.wait_until),
                decision.window or "15-minute",
                decision.wait_until,
            )

    def _token_request(self, form: dict[str, str]) -> dict[str, Any]:
        form = {
            "client_id": self.app.client_id,
            "client_secret": self.app.client_secret,
            **form,
        }
        logger.debug("POST /oauth/token (%s)", form["grant_type"])
        response = self._send("POST", f"{self.app.oauth_url}/token", data=form)
        if response.status_code in (400, 401):
            raise errors.Unauthorized(_token_refusal(response))
        _raise_for_status(response)
        payload = _json(response)
        _require_token_fields(payload)
        return payload

    def _send(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        self.requests_made += 1
        try:
            return self.http.request(method, url, **kwargs)
        except httpx.TimeoutException:
            raise errors.StravaTimeout("Strava did not answer in time.") from None
        except httpx.TransportError as exc:
            raise errors.StravaTimeout(
                f"Could not reach Strava ({type(exc).__name__}). Check the network."
            ) from None

    def _rate_limited(self, response: httpx.Response) -> errors.RateLimited:
        decision = self.governor.note_rate_limited(
            self.clock(), _fault_fields(response)
        )
        window = decision.window or "15-minute"
        return errors.RateLimited(
            _limit_message(window, decision.wait_until), window, decision.wait_until
        )


def _raise_for_status(response: httpx.Response) -> None:
    status = response.status_code
    if status < 400:
        return
    if status == 401:
        raise errors.Unauthorized(
            "Strava no longer accepts this athlete's authorisation "
            f"({_fault_summary(response)}). Reconnect with 'athletiq connect'."
        )
    if status == 403:
        raise _forbidden(response)
    if status == 404:
        raise errors.NotFound(
            f"Strava has no such object ({_fault_summary(response)})."
        )
    if status >= 500:
        raise errors.ServerError(f"Strava had a server error (HTTP {status}).")
    raise errors.StravaError(
        f"Strava refused the request (HTTP {status}: {_fault_summary(response)})."
    )


def _forbidden(response: httpx.Response) -> errors.Forbidden:
    text = _fault_text(response).lower()
    if "inactive" in text:
        return errors.AppInactive(INACTIVE_APP_MESSAGE)
    if "limit of connected athletes" in text:
        return errors.AthleteLimitReached(ATHLETE_LIMIT_MESSAGE)
    return errors.Forbidden(
        f"Strava refused access ({_fault_summary(response)}). The athlete may have "
        "withdrawn a permission; reconnect with 'athletiq connect'."
    )


def _token_refusal(response: httpx.Response) -> str:
    text = _fault_text(response).lower()
    if "refreshtoken" in text or "refresh_token" in text:
        return (
            "Strava rejected the stored refresh token (revoked, or superseded by a "
            "newer one). Reconnect with 'athletiq connect'."
        )
    if "client_id" in text or "client_secret" in text or "application" in text:
        return (
            "Strava rejected the API app's client ID or secret. Check them at "
            "https://www.strava.com/settings/api."
        )
    return (
        "Strava rejected the authorisation code (expired or already used). "
        "Run 'athletiq connect' again."
    )


def _json(response: httpx.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise errors.MalformedResponse(
            f"Strava sent a response that is not valid JSON (HTTP "
            f"{response.status_code}, {len(response.content)} bytes)."
        ) from None


def _require_token_fields(payload: Any) -> None:
    required = ("access_token", "refresh_token", "expires_at")
    if not isinstance(payload, dict) or any(k not in payload for k in required):
        raise errors.MalformedResponse(
            "Strava's token response lacks access_token, refresh_token or expires_at."
        )


def _fault_fields(response: httpx.Response) -> str:
    try:
        body = response.json()
        return " ".join(str(e.get("field", "")) for e in body.get("errors") or [])
    except (ValueError, AttributeError, TypeError):
        return ""


def _fault_text(response: httpx.Response) -> str:
    try:
        body = response.json()
    except ValueError:
        return response.text[:200]
    return str(body)[:500] if isinstance(body, dict | list) else ""


def _fault_summary(response: httpx.Response) -> str:
    try:
        body = response.json()
        parts = [str(body.get("message", ""))]
        for e in body.get("errors") or []:
            parts.append(f"{e.get('resource')}/{e.get('field')}: {e.get('code')}")
        return "; ".join(p for p in parts if p) or f"HTTP {response.status_code}"
    except (ValueError, AttributeError, TypeError):
        return f"HTTP {response.status_code}"


def _limit_message(window: str | None, reset_at: dt.datetime | None) -> str:
    when = reset_at.strftime("%H:%M UTC") if reset_at else "the next window"
    return (
        f"Strava's {window or '15-minute'} request limit for this API app is used "
        f"up; it resets at {when}."
    )
