"""Storing decoded imports: one activity, many sources.

An activity arriving by API, archive and file is stored once: matched by Strava id,
else by start time and sport (:mod:`athletiq_core.twins`). The
richest data is kept: the file's streams and stream-derived details, Strava's name,
description and gear. Each source is recorded. Every activity is written in its own
savepoint, so a failure changes nothing that was stored before.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from peewee import fn

from athletiq_core.db.bulk import bulk_insert
from athletiq_core.db.models import (
    DETAIL_FETCHED,
    Activity,
    ActivitySource,
    ActivityStreams,
    BestEffort,
    Gear,
    Lap,
    PeakPower,
    Split,
    database,
    utcnow,
)
from athletiq_core.details.streams_store import save_streams
from athletiq_core.importing.archive import ArchiveRow, normalise_activity_type
from athletiq_core.importing.common import first_position
from athletiq_core.importing.localtime import local_start
from athletiq_core.importing.parsed import ParsedActivity
from athletiq_core.importing.summary_row import activity_columns, file_figures
from athletiq_core.metrics import DerivedMetrics
from athletiq_core.sports import group_of
from athletiq_core.strava.mapping import local_date_columns
from athletiq_core.streams import length
from athletiq_core.twins import TWIN_WINDOW, closest_twin

logger = logging.getLogger(__name__)


@dataclass
class ImportSummary:
    """Counts of what an import did, and a reason for each file skipped.

    ``routes`` counts route files (lines without times) kept as routes; they are
    not activities and are not in :attr:`total`.
    """

    imported: int = 0
    recovered: int = 0
    merged: int = 0
    unchanged: int = 0
    routes: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.imported + self.recovered + self.merged + self.unchanged


def find_twin(
    athlete_id: int, strava_id: int | None, start_utc: dt.datetime, sport: str
) -> Activity | None:
    """The stored activity this one is another copy of, if any."""
    if strava_id is not None:
        twin = Activity.get_or_none(Activity.strava_id == strava_id)
        if twin is not None:
            return twin
    candidates = Activity.select().where(
        Activity.athlete == athlete_id,
        Activity.start_date.between(start_utc - TWIN_WINDOW, start_utc + TWIN_WINDOW),
    )
    return closest_twin(candidates, start_utc, sport)


def store_file_activity(
    athlete_id: int,
    parsed: ParsedActivity,
    metrics: DerivedMetrics,
    row: ArchiveRow | None,
    source: tuple[str, str, str | None],
) -> str:
    """Store one parsed activity; returns "imported", "recovered" or "merged"."""
    start = parsed.start_utc.astimezone(dt.UTC).replace(tzinfo=None)
    sport = normalise_activity_type(row.activity_type) if row else parsed.sport_type
    twin = find_twin(athlete_id, row.strava_id if row else None, start, sport)
    with database.atomic():
        if twin is None:
            columns = activity_columns(athlete_id, parsed, metrics, row)
            columns.update(_local_columns(parsed, start))
            twin = Activity.get_by_id(Activity.insert(**columns).execute())
            outcome = "recovered" if parsed.damaged else "imported"
        else:
            _merge_summary(twin, row)
            if _richer_than_stored(twin, parsed):
                _replace_file_data(twin, parsed, metrics)
            outcome = "merged"
        _add_details(twin, parsed, metrics)
        _record_source(twin, *source)
    return outcome


def store_row_only(athlete_id: int, row: ArchiveRow, reference: str) -> str:
    """Store an archive row without a file: "imported", "merged" or "unchanged"."""
    if row.start_utc is None:
        raise ValueError(f"activity {row.strava_id} has no readable date")
    sport = normalise_activity_type(row.activity_type)
    twin = find_twin(athlete_id, row.strava_id, row.start_utc, sport)
    with database.atomic():
        if twin is not None:
            if "archive" in twin.sources:
                return "unchanged"
            _merge_summary(twin, row)
            _record_source(twin, "archive", reference, None)
            return "merged"
        local, offset, zone = local_start(row.start_utc, None, None)
        columns = activity_columns(athlete_id, None, None, row)
        columns.update(_calendar(row.start_utc, local, offset, zone))
        activity = Activity.get_by_id(Activity.insert(**columns).execute())
        _record_source(activity, "archive", reference, None)
    return "imported"


def _local_columns(parsed: ParsedActivity, start: dt.datetime) -> dict[str, Any]:
    local, offset, zone = local_start(
        start, parsed.start_local, parsed.utc_offset_s, _where(parsed)
    )
    return _calendar(start, local, offset, zone)


def _where(parsed: ParsedActivity) -> tuple[float, float] | None:
    """Where the athlete started; a virtual ride's map is not where they were."""
    if parsed.sport_type.startswith("Virtual"):
        return None
    return first_position(parsed.streams)


def _calendar(start, local, offset, zone) -> dict[str, Any]:
    return {
        "start_date": start,
        "start_date_local": local,
        "utc_offset": offset,
        "timezone": zone,
        **local_date_columns(local),
    }


def _merge_summary(twin: Activity, row: ArchiveRow | None) -> None:
    """Strava's own fields (from the archive) win over a file's guesses."""
    if row is None or twin.strava_id not in (None, row.strava_id):
        return
    changes: dict[str, Any] = {"strava_id": row.strava_id, "updated_at": utcnow()}
    if "api" not in twin.sources:
        changes.update(name=row.name or twin.name, description=row.description)
        changes["sport_type"] = normalise_activity_type(row.activity_type)
        changes["gear_id"] = gear_for_name(
            twin.athlete_id, row.gear_name, twin.sport_type
        )
    Activity.update(**changes).where(Activity.id == twin.id).execute()


# Formats by how much a device file holds: FIT has the device's totals, laps,
# pauses and every sensor; TCX laps and a few sensors; GPX points only.
_FILE_RICHNESS = {"gpx": 1, "tcx": 2, "fit": 3}


def _richer_than_stored(twin: Activity, parsed: ParsedActivity) -> bool:
    """Whether ``parsed`` holds more than the file the twin's data came from.

    Only an activity known from files alone qualifies: Strava's own figures and
    details (from the API) are never replaced by a file's.
    """
    if "api" in _sources_of(twin):
        return False
    if twin.strava_id is not None and twin.detail_state == DETAIL_FETCHED:
        return False  # the backfill stored Strava's own details
    stored = ActivityStreams.get_or_none(ActivityStreams.activity == twin)
    if stored is None or not length(parsed.streams):
        return False
    had = _FILE_RICHNESS.get(stored.source, 99)
    return _FILE_RICHNESS.get(parsed.source_format, 0) > had


def _replace_file_data(
    twin: Activity, parsed: ParsedActivity, metrics: DerivedMetrics
) -> None:
    """Take the richer file's streams, details and (unless Strava's) totals."""
    for model in (BestEffort, Split, Lap, PeakPower):
        model.delete().where(model.activity == twin).execute()
    save_streams(twin, parsed.streams, parsed.source_format)
    if "archive" in _sources_of(twin):
        return
    changes = file_figures(parsed, metrics)
    Activity.update(**changes, updated_at=utcnow()).where(
        Activity.id == twin.id
    ).execute()
    logger.debug(
        "Activity %s takes the figures of a richer %s", twin.id, parsed.source_format
    )


def _add_details(activity: Activity, parsed: ParsedActivity, metrics: DerivedMetrics):
    """Streams and stream-derived details, where the activity has none yet."""
    if length(parsed.streams) and not _has_streams(activity):
        save_streams(activity, parsed.streams, parsed.source_format)
    if not BestEffort.select().where(BestEffort.activity == activity).exists():
        bulk_insert(BestEffort, _effort_rows(activity, metrics))
    if not Split.select().where(Split.activity == activity).exists():
        bulk_insert(Split, _split_rows(activity, metrics))
    if not Lap.select().where(Lap.activity == activity).exists():
        bulk_insert(Lap, _lap_rows(activity, parsed))
    if not PeakPower.select().where(PeakPower.activity == activity).exists():
        bulk_insert(PeakPower, _power_rows(activity, metrics))


def _has_streams(activity: Activity) -> bool:
    return ActivityStreams.select().where(ActivityStreams.activity == activity).exists()


def _effort_rows(activity: Activity, metrics: DerivedMetrics) -> list[dict]:
    return [
        {
            "activity_id": activity.id,
            "distance_key": e.key,
            "distance": e.distance_m,
            "elapsed_time": int(round(e.elapsed_s)),
            "moving_time": None,
            "start_index": e.start_index,
            "end_index": e.end_index,
            "pr_rank": None,
            "source": "streams",
        }
        for e in metrics.best_efforts
    ]


def _split_rows(activity: Activity, metrics: DerivedMetrics) -> list[dict]:
    rows = []
    for kind, splits in (
        ("metric", metrics.splits_metric),
        ("standard", metrics.splits_standard),
    ):
        rows.extend(
            {
                "activity_id": activity.id,
                "kind": kind,
                "split": s.index,
                "distance": s.distance_m,
                "elapsed_time": int(round(s.elapsed_s)),
                "moving_time": int(round(s.moving_s)),
                "elevation_difference": s.elevation_diff_m,
                "average_speed": s.avg_speed_mps,
                "average_heartrate": s.avg_hr,
                "pace_zone": None,
            }
            for s in splits
        )
    return rows


def _lap_rows(activity: Activity, parsed: ParsedActivity) -> list[dict]:
    return [
        {
            "activity_id": activity.id,
            "lap_index": index,
            "name": f"Lap {index}",
            "elapsed_time": int(round(lap.elapsed_s or lap.timer_s or 0)),
            "moving_time": int(round(lap.timer_s)) if lap.timer_s else None,
            "distance": lap.distance_m or 0.0,
            "average_heartrate": lap.avg_hr,
            "max_heartrate": lap.max_hr,
            "average_watts": lap.avg_watts,
        }
        for index, lap in enumerate(parsed.laps, start=1)
    ]


def _power_rows(activity: Activity, metrics: DerivedMetrics) -> list[dict]:
    return [
        {"activity_id": activity.id, "duration": duration, "watts": watts}
        for duration, watts in sorted(metrics.peak_power.items())
    ]


def _record_source(activity: Activity, kind: str, reference: str, digest: str | None):
    ActivitySource.create(
        activity=activity, kind=kind, reference=reference, content_hash=digest
    )
    kinds = _sources_of(activity)
    if kind not in kinds:
        joined = ",".join(sorted(kinds | {kind}))
        Activity.update(sources=joined).where(Activity.id == activity.id).execute()
        activity.sources = joined


def _sources_of(activity: Activity) -> set[str]:
    """The kinds of source ("api", "archive", "fit"…) an activity came from."""
    return set(filter(None, (activity.sources or "").split(",")))


def gear_for_name(athlete_id: int, name: str | None, sport_type: str) -> str | None:
    """The id of the athlete's gear called ``name``, created locally if new."""
    if not name:
        return None
    found = Gear.get_or_none(
        (Gear.athlete == athlete_id) & (fn.LOWER(Gear.name) == name.lower())
    )
    if found is not None:
        return found.id
    gear_id = f"local:{athlete_id}:{name.lower()}"
    kind = "bike" if group_of(sport_type) == "ride" else "shoe"
    Gear.insert(
        id=gear_id, athlete=athlete_id, name=name, kind=kind
    ).on_conflict_ignore().execute()
    return gear_id


def known_hashes() -> frozenset[str]:
    """Content hashes of every file imported so far."""
    query = ActivitySource.select(ActivitySource.content_hash).where(
        ActivitySource.content_hash.is_null(False)
    )
    return frozenset(row.content_hash for row in query)
