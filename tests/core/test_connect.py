"""Connecting a Strava account: browser flow, pasted redirect, refresh token."""

from __future__ import annotations

import httpx
import pytest

from athletiq_core import connect
from athletiq_core.db.models import Athlete, StravaCredential
from athletiq_core.strava import errors
from athletiq_core.strava.client import StravaClient
from athletiq_core.strava.config import load_app
from tests.core.sync_fixtures import demo_history


@pytest.fixture
def client(db, fake_strava):
    athlete, _ = demo_history(1)
    fake_strava.add_athlete(athlete)
    client = StravaClient(load_app(), backoff=0.01)
    yield client
    client.close()


def _browser(url: str) -> None:
    """A browser that follows Strava's redirect to the local listener."""
    httpx.get(url, follow_redirects=True, timeout=5)


def test_browser_flow_stores_the_athlete_and_tokens(client, fake_strava):
    result = connect.connect_in_browser(client, _browser, timeout=10)

    credential = StravaCredential.get()
    assert result.warnings == []
    assert Athlete.get().strava_id == fake_strava.authorizing_athlete
    assert credential.refresh_token in fake_strava.refresh_tokens
    assert "activity:read_all" in credential.scopes


def test_authorize_url_carries_a_random_state_and_local_redirect(client, fake_strava):
    seen = []
    connect.connect_in_browser(client, lambda url: (seen.append(url), _browser(url)))

    query = httpx.URL(seen[0]).params
    assert query["redirect_uri"].startswith("http://127.0.0.1:")
    assert query["redirect_uri"].endswith("/callback")
    assert len(query["state"]) >= 24
    assert "activity:read_all" in query["scope"]


def test_unticked_private_activities_scope_gives_a_clear_warning(client, fake_strava):
    fake_strava.granted_scope = "read,activity:read"

    result = connect.connect_in_browser(client, _browser, timeout=10)

    assert any("private activities" in w for w in result.warnings)


def test_a_redirect_with_the_wrong_state_is_refused(client):
    with pytest.raises(connect.ConnectError, match="state"):
        connect.parse_redirect_url(
            "http://localhost/exchange_token?state=forged&code=abc&scope=read",
            "expected-state",
        )


def test_refused_authorisation_is_explained(client):
    with pytest.raises(connect.ConnectError, match="not granted"):
        connect.parse_redirect_url(
            "http://localhost/exchange_token?state=s&error=access_denied", "s"
        )


def test_pasted_redirect_url_connects(client, fake_strava):
    state = connect.new_state()
    url = client.authorize_url("http://localhost/exchange_token", state)
    redirect = httpx.get(url, follow_redirects=False).headers["location"]

    code, scopes = connect.parse_redirect_url(redirect, state)
    connect.complete_connection(client, code, scopes)

    assert StravaCredential.select().count() == 1


def test_refresh_token_connects_without_a_browser(client, fake_strava):
    grant = fake_strava.issue_tokens(fake_strava.authorizing_athlete)

    result = connect.connect_with_refresh_token(client, grant["refresh_token"] + "\n")

    assert result.athlete.strava_id == fake_strava.authorizing_athlete
    assert StravaCredential.get().refresh_token != grant["refresh_token"]


def test_a_dead_refresh_token_asks_to_reconnect(client):
    with pytest.raises(errors.Unauthorized, match="Reconnect"):
        connect.connect_with_refresh_token(client, "not-a-token")


def test_a_reused_code_is_refused_clearly(client, fake_strava):
    state = connect.new_state()
    url = client.authorize_url("http://localhost/exchange_token", state)
    redirect = httpx.get(url).headers["location"]
    code, scopes = connect.parse_redirect_url(redirect, state)
    connect.complete_connection(client, code, scopes)

    with pytest.raises(errors.Unauthorized, match="authorisation code"):
        connect.complete_connection(client, code, scopes)
