"""Typed errors for everything that can go wrong talking to Strava.

Messages are written for the user and never contain tokens or secrets.
"""

from __future__ import annotations

import datetime as dt

from athletiq_core.errors import AthletiqError


class StravaError(AthletiqError):
    """A request to Strava failed."""


class Unauthorized(StravaError):
    """The athlete's authorisation is gone or was refused: reconnect is needed."""


class Forbidden(StravaError):
    """Strava refused the request (403)."""


class AppInactive(Forbidden):
    """The API app's owner has no Strava subscription (Strava's 2026 rule)."""


class AthleteLimitReached(Forbidden):
    """The API app already serves as many athletes as Strava allows it."""


class NotFound(StravaError):
    """The object does not exist or is not visible to this athlete (404)."""


class RateLimited(StravaError):
    """A rate-limit window is spent; ``reset_at`` (aware UTC) says when it opens."""

    def __init__(self, message: str, window: str, reset_at: dt.datetime | None):
        super().__init__(message)
        self.window = window
        self.reset_at = reset_at


class TransientError(StravaError):
    """A failure worth retrying: server error, timeout or garbled response."""


class ServerError(TransientError):
    """Strava answered with a 5xx status."""


class StravaTimeout(TransientError):
    """Strava did not answer in time, or the connection failed."""


class MalformedResponse(TransientError):
    """Strava's answer was not the JSON we expected."""
