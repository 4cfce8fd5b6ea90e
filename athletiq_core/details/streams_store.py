"""Activity streams: fetched from Strava on demand, stored as one compressed blob."""

from __future__ import annotations

import logging

from athletiq_core import streams as streams_mod
from athletiq_core.db.models import Activity, ActivityStreams, utcnow
from athletiq_core.strava import errors
from athletiq_core.strava.ratelimit import Priority
from athletiq_core.strava.session import AthleteSession

logger = logging.getLogger(__name__)

STRAVA_STREAM_KEYS = (
    "time,distance,latlng,altitude,heartrate,cadence,watts,velocity_smooth,moving,temp"
)


def stored_streams(activity: Activity) -> streams_mod.Streams | None:
    """The activity's stored streams, or None when none are stored."""
    row = ActivityStreams.get_or_none(ActivityStreams.activity == activity.id)
    return None if row is None else streams_mod.decode(row.data)


def save_streams(activity: Activity, streams: streams_mod.Streams, source: str) -> None:
    """Store (or replace) ``streams`` for ``activity``."""
    ActivityStreams.replace(
        activity=activity.id,
        data=streams_mod.encode(streams),
        keys=",".join(streams),
        points=streams_mod.length(streams),
        source=source,
        stored_at=utcnow(),
    ).execute()


def fetch_streams(
    session: AthleteSession,
    activity: Activity,
    priority: Priority = Priority.FOREGROUND,
) -> streams_mod.Streams:
    """Fetch every stream of ``activity`` in one request and store it.

    Raises :class:`~athletiq_core.strava.errors.NotFound` for activities without
    streams (manual ones) and :class:`MalformedResponse` for an unreadable answer.
    """
    payload = session.get(
        f"/activities/{activity.strava_id}/streams",
        {"keys": STRAVA_STREAM_KEYS, "key_by_type": "true"},
        priority=priority,
    )
    try:
        streams = streams_mod.from_strava(payload)
    except streams_mod.StreamFormatError as exc:
        raise errors.MalformedResponse(
            f"Streams of activity {activity.strava_id} were unreadable: {exc}"
        ) from None
    save_streams(activity, streams, "strava")
    logger.debug("Stored %d stream points", streams_mod.length(streams))
    return streams


def streams_for(
    activity: Activity, session: AthleteSession | None
) -> streams_mod.Streams | None:
    """Stored streams, else fetched from Strava when a session is given."""
    stored = stored_streams(activity)
    if stored is not None or session is None or activity.strava_id is None:
        return stored
    return fetch_streams(session, activity)
