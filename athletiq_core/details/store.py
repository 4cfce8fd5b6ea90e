"""Storing a DetailedActivity in real tables, in one transaction.

Splits, laps, best efforts and segment efforts each get rows; nothing is kept as
JSON that every query would have to parse. Best efforts are matched to the
standard distance table by distance, because Strava's names vary ("5K"/"5k",
"2 mile"/"2 miles"). The activity is marked fetched in the same transaction, so
it is never marked fetched unless its data was stored.
"""

from __future__ import annotations

import logging
from typing import Any

from athletiq_core.db.bulk import sql_value as _sql_value
from athletiq_core.db.models import (
    DETAIL_FETCHED,
    Activity,
    BestEffort,
    Lap,
    Segment,
    SegmentEffort,
    Split,
    database,
    utcnow,
)
from athletiq_core.distances import match_distance
from athletiq_core.strava.mapping import (
    MalformedActivity,
    activity_row,
    parse_utc,
    parse_wall_clock,
)
from athletiq_core.strava.mapping import optional_float as _float
from athletiq_core.strava.mapping import optional_int as _int

logger = logging.getLogger(__name__)


def store_detail(activity: Activity, detail: Any) -> None:
    """Store ``detail`` (DetailedActivity JSON) for ``activity`` and mark it fetched.

    Raises :class:`MalformedActivity` when the detail cannot be understood; then
    nothing is written.
    """
    if not isinstance(detail, dict) or detail.get("id") != activity.strava_id:
        raise MalformedActivity(
            f"detail of activity {activity.strava_id} is not the expected object"
        )
    summary = activity_row(detail, activity.athlete_id)
    try:
        with database.atomic():
            _update_activity(activity, detail, summary)
            _replace_children(activity, detail)
    except (KeyError, TypeError, ValueError) as exc:
        raise MalformedActivity(
            f"detail of activity {activity.strava_id} could not be read "
            f"({type(exc).__name__}: {exc})"
        ) from None


def _update_activity(activity: Activity, detail: dict, summary: dict) -> None:
    mapping = detail.get("map") if isinstance(detail.get("map"), dict) else {}
    skip = ("athlete_id", "strava_id", "raw_json")
    columns = {k: v for k, v in summary.items() if k not in skip}
    now = utcnow()
    columns.update(
        description=detail.get("description") or None,
        calories=_float(detail.get("calories")),
        polyline=mapping.get("polyline") or None,
        detail_state=DETAIL_FETCHED,
        detail_error=None,
        detail_priority=0,
        detail_fetched_at=now,
        updated_at=now,
    )
    # One prepared statement: building this 60-column UPDATE through the query
    # builder costs more than the request that fetched the detail.
    assignments = ", ".join(f'"{name}" = ?' for name in columns)
    values = [_sql_value(v) for v in columns.values()]
    database.execute_sql(
        f"UPDATE activity SET {assignments} WHERE id = ?", (*values, activity.id)
    )


def _replace_children(activity: Activity, detail: dict) -> None:
    for model in (Split, Lap, BestEffort, SegmentEffort):
        model.delete().where(model.activity == activity.id).execute()
    _insert_splits(activity, detail)
    _insert_laps(activity, detail)
    _insert_best_efforts(activity, detail.get("best_efforts") or [])
    _insert_segment_efforts(activity, detail.get("segment_efforts") or [])


def _insert_splits(activity: Activity, detail: dict) -> None:
    rows = []
    for kind, key in (("metric", "splits_metric"), ("standard", "splits_standard")):
        for index, split in enumerate(detail.get(key) or [], start=1):
            rows.append(
                {
                    "activity": activity.id,
                    "kind": kind,
                    "split": int(split.get("split") or index),
                    "distance": float(split["distance"]),
                    "elapsed_time": int(split["elapsed_time"]),
                    "moving_time": int(
                        split.get("moving_time") or split["elapsed_time"]
                    ),
                    "elevation_difference": _float(split.get("elevation_difference")),
                    "average_speed": _float(split.get("average_speed")),
                    "average_heartrate": _float(split.get("average_heartrate")),
                    "pace_zone": split.get("pace_zone"),
                }
            )
    if rows:
        Split.insert_many(rows).execute()


def _insert_laps(activity: Activity, detail: dict) -> None:
    rows = [
        {
            "activity": activity.id,
            "lap_index": index,
            "strava_id": lap.get("id"),
            "name": lap.get("name"),
            "elapsed_time": int(lap["elapsed_time"]),
            "moving_time": _int(lap.get("moving_time")),
            "distance": float(lap.get("distance") or 0.0),
            "start_index": _int(lap.get("start_index")),
            "end_index": _int(lap.get("end_index")),
            "total_elevation_gain": _float(lap.get("total_elevation_gain")),
            "average_speed": _float(lap.get("average_speed")),
            "max_speed": _float(lap.get("max_speed")),
            "average_cadence": _float(lap.get("average_cadence")),
            "average_watts": _float(lap.get("average_watts")),
            "average_heartrate": _float(lap.get("average_heartrate")),
            "max_heartrate": _float(lap.get("max_heartrate")),
        }
        for index, lap in enumerate(detail.get("laps") or [], start=1)
    ]
    if rows:
        Lap.insert_many(rows).execute()


def _insert_best_efforts(activity: Activity, efforts: list[dict]) -> None:
    best: dict[str, dict] = {}
    for effort in efforts:
        standard = match_distance(_float(effort.get("distance")))
        if standard is None:
            logger.debug(
                "Best effort %r matches no standard distance", effort.get("name")
            )
            continue
        row = {
            "activity": activity.id,
            "distance_key": standard.key,
            "distance": standard.metres,
            "elapsed_time": int(effort["elapsed_time"]),
            "moving_time": _int(effort.get("moving_time")),
            "start_index": _int(effort.get("start_index")),
            "end_index": _int(effort.get("end_index")),
            "pr_rank": _int(effort.get("pr_rank")),
            "source": "strava",
        }
        current = best.get(standard.key)
        if current is None or row["elapsed_time"] < current["elapsed_time"]:
            best[standard.key] = row
    if best:
        BestEffort.insert_many(list(best.values())).execute()


def _insert_segment_efforts(activity: Activity, efforts: list[dict]) -> None:
    segments: dict[int, dict] = {}
    rows: dict[int, dict] = {}
    for effort in efforts:
        segment = effort.get("segment")
        if not isinstance(segment, dict) or "id" not in segment:
            continue
        segments[int(segment["id"])] = _segment_row(segment)
        rows[int(effort["id"])] = _effort_row(activity, effort, int(segment["id"]))
    if not rows:
        return
    # An upsert, not INSERT OR REPLACE: replacing a segment row would delete it
    # first and cascade to every other activity's efforts on it.
    columns = [f for f in Segment._meta.sorted_fields if f.name != "id"]
    Segment.insert_many(list(segments.values())).on_conflict(
        conflict_target=[Segment.id], preserve=columns
    ).execute()
    SegmentEffort.insert_many(list(rows.values())).on_conflict_replace().execute()


def _segment_row(segment: dict) -> dict:
    start = segment.get("start_latlng") or [None, None]
    end = segment.get("end_latlng") or [None, None]
    return {
        "id": int(segment["id"]),
        "name": str(segment.get("name") or ""),
        "activity_type": segment.get("activity_type"),
        "distance": float(segment.get("distance") or 0.0),
        "average_grade": _float(segment.get("average_grade")),
        "maximum_grade": _float(segment.get("maximum_grade")),
        "elevation_high": _float(segment.get("elevation_high")),
        "elevation_low": _float(segment.get("elevation_low")),
        "start_lat": _float(start[0]) if len(start) == 2 else None,
        "start_lng": _float(start[1]) if len(start) == 2 else None,
        "end_lat": _float(end[0]) if len(end) == 2 else None,
        "end_lng": _float(end[1]) if len(end) == 2 else None,
        "climb_category": _int(segment.get("climb_category")),
        "city": segment.get("city"),
        "state": segment.get("state"),
        "country": segment.get("country"),
        "private": bool(segment.get("private")),
        "hazardous": bool(segment.get("hazardous")),
    }


def _effort_row(activity: Activity, effort: dict, segment_id: int) -> dict:
    start = effort.get("start_date")
    start_local = effort.get("start_date_local")
    return {
        "id": int(effort["id"]),
        "activity": activity.id,
        "segment": segment_id,
        "elapsed_time": int(effort["elapsed_time"]),
        "moving_time": _int(effort.get("moving_time")),
        "start_index": _int(effort.get("start_index")),
        "end_index": _int(effort.get("end_index")),
        "start_date": parse_utc(start) if start else None,
        "start_date_local": parse_wall_clock(start_local) if start_local else None,
        "pr_rank": _int(effort.get("pr_rank")),
        "kom_rank": _int(effort.get("kom_rank")),
        "hidden": bool(effort.get("hidden")),
        "average_heartrate": _float(effort.get("average_heartrate")),
        "average_watts": _float(effort.get("average_watts")),
    }
