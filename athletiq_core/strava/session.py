"""Authenticated Strava calls for one athlete, with token refresh and rotation.

Strava rotates refresh tokens: once a new one is issued the old one dies at once.
So refreshes are serialised per athlete, the stored credential is re-read inside the
lock (another thread may have refreshed already), and the new tokens are committed
to the database before the new access token is used.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from athletiq_core.db.models import Athlete, StravaCredential, database, utcnow
from athletiq_core.errors import NotConnectedError
from athletiq_core.strava.client import StravaClient
from athletiq_core.strava.errors import Unauthorized
from athletiq_core.strava.ratelimit import Priority

logger = logging.getLogger(__name__)

# Refresh a little before expiry so a long sync does not meet a dead token.
REFRESH_MARGIN_S = 300

_locks: dict[int, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock_for(athlete_id: int) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(athlete_id, threading.Lock())


class AthleteSession:
    """Makes API calls as ``athlete`` through ``client``."""

    def __init__(self, client: StravaClient, athlete: Athlete):
        self.client = client
        self.athlete = athlete
        self._cached: tuple[str, int] | None = None
        if (
            not StravaCredential.select()
            .where(StravaCredential.athlete == athlete)
            .exists()
        ):
            raise NotConnectedError(
                f"{athlete.name} is not connected to Strava. Run 'athletiq connect'."
            )

    def get(
        self,
        path: str,
        params: dict[str, Any] | None = None,
        priority: Priority = Priority.FOREGROUND,
    ) -> Any:
        """GET ``path`` as this athlete; see :meth:`StravaClient.get`."""
        token = self.access_token()
        try:
            return self.client.get(path, token, params, priority)
        except Unauthorized:
            # The token may have been replaced by another process, or revoked:
            # one retry with a stored or refreshed token tells which.
            token = self._token_after_rejection(token)
        return self.client.get(path, token, params, priority)

    def access_token(self) -> str:
        """A valid access token, refreshing (and storing the rotation) if needed."""
        now = int(self.client.clock().timestamp())
        cached = self._cached
        if cached is not None and cached[1] > now + REFRESH_MARGIN_S:
            return cached[0]
        with _lock_for(self.athlete.id):
            credential = StravaCredential.get(StravaCredential.athlete == self.athlete)
            if credential.expires_at > now + REFRESH_MARGIN_S:
                self._cached = (credential.access_token, credential.expires_at)
            else:
                self._cached = self._refresh(credential)
        return self._cached[0]

    def _token_after_rejection(self, rejected: str) -> str:
        self._cached = None
        with _lock_for(self.athlete.id):
            credential = StravaCredential.get(StravaCredential.athlete == self.athlete)
            now = int(self.client.clock().timestamp())
            fresh = credential.expires_at > now + REFRESH_MARGIN_S
            if credential.access_token != rejected and fresh:
                self._cached = (credential.access_token, credential.expires_at)
            else:
                self._cached = self._refresh(credential)
        return self._cached[0]

    def _refresh(self, credential: StravaCredential) -> tuple[str, int]:
        grant = self.client.refresh(credential.refresh_token)
        with database.atomic():
            StravaCredential.update(
                access_token=grant["access_token"],
                refresh_token=grant["refresh_token"],
                expires_at=int(grant["expires_at"]),
                updated_at=utcnow(),
            ).where(StravaCredential.id == credential.id).execute()
        logger.debug("Access token refreshed for athlete %s", self.athlete.id)
        return grant["access_token"], int(grant["expires_at"])
