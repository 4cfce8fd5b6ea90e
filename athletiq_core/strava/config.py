"""Which Strava to talk to and as which API app."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from athletiq_core import settings
from athletiq_core.errors import ConfigurationError

API_URL_ENV = "ATHLETIQ_STRAVA_API_URL"
OAUTH_URL_ENV = "ATHLETIQ_STRAVA_OAUTH_URL"
DEFAULT_API_URL = "https://www.strava.com/api/v3"
DEFAULT_OAUTH_URL = "https://www.strava.com/oauth"
SCOPES = "read,activity:read_all,profile:read_all"

SETUP_HINT = (
    "Register your own API app at https://www.strava.com/settings/api "
    "(Authorization Callback Domain: localhost), then set STRAVA_CLIENT_ID and "
    "STRAVA_CLIENT_SECRET, or store them with 'athletiq config strava.client_id "
    "ID' and 'athletiq config strava.client_secret -'."
)


@dataclass(frozen=True)
class StravaApp:
    """A Strava API app's credentials and the endpoints to use."""

    client_id: str
    client_secret: str = field(repr=False)
    api_url: str = DEFAULT_API_URL
    oauth_url: str = DEFAULT_OAUTH_URL


def load_app() -> StravaApp:
    """The configured app, from settings or the environment.

    Raises :class:`ConfigurationError` when no client id or secret is set.
    """
    client_id = str(settings.get("strava.client_id")).strip()
    client_secret = str(settings.get("strava.client_secret")).strip()
    if not client_id or not client_secret:
        raise ConfigurationError(f"No Strava API app is configured. {SETUP_HINT}")
    if not client_id.isdigit():
        raise ConfigurationError(
            f"The Strava client ID must be a number (got {client_id!r}). "
            "Copy it from https://www.strava.com/settings/api."
        )
    return StravaApp(
        client_id=client_id,
        client_secret=client_secret,
        api_url=_url(API_URL_ENV, DEFAULT_API_URL),
        oauth_url=_url(OAUTH_URL_ENV, DEFAULT_OAUTH_URL),
    )


def _url(env: str, default: str) -> str:
    value = os.environ.get(env, default).rstrip("/")
    if not value.startswith(("http://", "https://")):
        raise ConfigurationError(f"{env} must be an http(s) URL; got {value!r}.")
    return value
