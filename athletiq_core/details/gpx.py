"""GPX export of one stored activity, using stored streams or fetching them."""

from __future__ import annotations

import datetime as dt

from athletiq_core.db.models import Activity
from athletiq_core.details.streams_store import streams_for
from athletiq_core.errors import AthletiqError
from athletiq_core.export_gpx import (
    GpxActivity,
    GpxExportError,
    activity_gpx,
    gpx_filename,
)
from athletiq_core.strava.session import AthleteSession


def find_activity(activity_id: int) -> Activity:
    """The activity with this Strava id (or, failing that, local id)."""
    activity = Activity.get_or_none(Activity.strava_id == activity_id)
    activity = activity or Activity.get_or_none(Activity.id == activity_id)
    if activity is None or activity.deleted:
        raise AthletiqError(f"No activity with id {activity_id} in this database.")
    return activity


def activity_gpx_export(
    activity: Activity, session: AthleteSession | None
) -> tuple[str, str]:
    """(GPX text, safe file name) for ``activity``.

    Streams come from the database, else from Strava when ``session`` is given.
    Raises :class:`GpxExportError` when there is no GPS track to export.
    """
    streams = streams_for(activity, session)
    if streams is None:
        raise GpxExportError(
            f"Activity {activity.strava_id or activity.id} has no stored streams and "
            "no Strava connection to fetch them; import its file or connect Strava."
        )
    meta = GpxActivity(
        activity_id=activity.strava_id or activity.id,
        name=activity.name,
        sport_type=activity.sport_type,
        start_utc=activity.start_date.replace(tzinfo=dt.UTC),
        description=activity.description,
    )
    name = gpx_filename(meta.activity_id, activity.name, activity.local_date)
    return activity_gpx(meta, streams), name
