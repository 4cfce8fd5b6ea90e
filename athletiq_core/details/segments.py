"""Segments from local data: effort history, Δ vs PR, and finding previous efforts.

Finding previous efforts fetches the details of un-fetched activities that could
contain the segment — those whose stored polyline passes within
:data:`CANDIDATE_RADIUS_M` of the segment's start and then its end — instead of
scanning every activity. It shares the app's rate-limit governor with the backfill.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from athletiq_core.db.models import (
    DETAIL_MISSING,
    Activity,
    Segment,
    SegmentEffort,
)
from athletiq_core.details.backfill import Backfill, BackfillStatus
from athletiq_core.errors import AthletiqError
from athletiq_core.segments_math import (
    DeltaResult,
    RankedEffort,
    SegmentEffortRow,
    decode_polyline,
    delta_vs_pr,
    passes_near,
    segment_history,
)
from athletiq_core.sports import SPORT_GROUPS
from athletiq_core.strava.session import AthleteSession

logger = logging.getLogger(__name__)

# Summary polylines are simplified to tens of metres, so a route that does cover
# the segment can sit this far from its end points.
CANDIDATE_RADIUS_M = 60.0


class UnknownSegmentError(AthletiqError):
    """No stored effort mentions this segment."""


@dataclass
class SegmentHistoryEntry:
    """One stored effort, ranked (1 = fastest), with its activity's name."""

    ranked: RankedEffort
    activity_name: str


@dataclass
class ScanProgress:
    """Progress of a previous-efforts scan."""

    checked: int
    total: int
    found: int
    status: BackfillStatus | None = None


def _rows(segment_id: int, athlete_id: int) -> list[tuple[SegmentEffortRow, str]]:
    query = (
        SegmentEffort.select(
            SegmentEffort.id,
            SegmentEffort.activity,
            SegmentEffort.elapsed_time,
            SegmentEffort.start_date_local,
            Activity.start_date_local.alias("activity_start"),
            Activity.name,
        )
        .join(Activity)
        .where(
            SegmentEffort.segment == segment_id,
            Activity.athlete == athlete_id,
            Activity.deleted == False,  # noqa: E712
        )
        .tuples()
    )
    return [
        (SegmentEffortRow(eid, aid, elapsed, start or activity_start), name)
        for eid, aid, elapsed, start, activity_start, name in query
    ]


def history(segment_id: int, athlete_id: int) -> list[SegmentHistoryEntry]:
    """Every stored effort of the athlete on the segment, fastest first."""
    rows = _rows(segment_id, athlete_id)
    names = {row.effort_id: name for row, name in rows}
    return [
        SegmentHistoryEntry(ranked, names[ranked.effort.effort_id])
        for ranked in segment_history(row for row, _ in rows)
    ]


def effort_delta(effort_id: int) -> DeltaResult:
    """How an effort compares with the athlete's best before it (seconds)."""
    effort = SegmentEffort.get_or_none(SegmentEffort.id == effort_id)
    if effort is None:
        raise UnknownSegmentError(f"No stored segment effort with id {effort_id}.")
    rows = [row for row, _ in _rows(effort.segment_id, effort.activity.athlete_id)]
    return delta_vs_pr(rows, effort_id)


def candidate_activities(segment: Segment, athlete_id: int) -> list[Activity]:
    """Un-fetched activities whose route passes the segment's start, then its end."""
    if segment.start_lat is None or segment.end_lat is None:
        return []
    start = (segment.start_lat, segment.start_lng)
    end = (segment.end_lat, segment.end_lng)
    query = Activity.select(
        Activity.id,
        Activity.strava_id,
        Activity.summary_polyline,
        Activity.detail_attempts,
    ).where(
        Activity.athlete == athlete_id,
        Activity.detail_state == DETAIL_MISSING,
        Activity.strava_id.is_null(False),
        Activity.deleted == False,  # noqa: E712
        Activity.summary_polyline.is_null(False),
        Activity.sport_type.in_(list(_sports_for(segment))),
    )
    return [
        a
        for a in query.order_by(Activity.start_date.desc())
        if passes_near(
            decode_polyline(a.summary_polyline), start, end, CANDIDATE_RADIUS_M
        )
    ]


def _sports_for(segment: Segment) -> frozenset[str]:
    if segment.activity_type == "Ride":
        return SPORT_GROUPS["ride"]
    return SPORT_GROUPS["run"] | SPORT_GROUPS["walk"]


def find_previous_efforts(
    session: AthleteSession,
    segment_id: int,
    *,
    on_progress: Callable[[ScanProgress], None] | None = None,
    stop: threading.Event | None = None,
    no_wait: bool = False,
    wait=None,
) -> ScanProgress:
    """Fetch candidate activities' details; returns the final progress.

    ``found`` counts new efforts on the segment. Stops early on ``stop``, on a
    spent budget with ``no_wait``, or when Strava needs a reconnect.
    """
    segment = Segment.get_or_none(Segment.id == segment_id)
    if segment is None:
        raise UnknownSegmentError(
            f"Segment {segment_id} is not in the database yet: open an activity "
            "that has it, or let the backfill run."
        )
    candidates = candidate_activities(segment, session.athlete.id)
    before = _effort_count(segment_id, session.athlete.id)
    report = on_progress or (lambda _p: None)
    pending = list(candidates)

    def progress(status: BackfillStatus | None = None) -> ScanProgress:
        found = _effort_count(segment_id, session.athlete.id) - before
        done = len(candidates) - len(pending)
        return ScanProgress(done, len(candidates), found, status)

    def queue() -> Activity | None:
        while pending and _settled(pending[0]):
            pending.pop(0)
        if not pending:
            return None
        report(progress())
        return Activity.get_by_id(pending[0].id)

    options = {"wait": wait} if wait else {}
    final = Backfill(
        session,
        stop=stop,
        no_wait=no_wait,
        queue=queue,
        job="segment-scan",
        fetch_streams_too=False,
        **options,
    ).run()
    result = progress(final)
    report(result)
    logger.info(
        "Segment scan: %d checked, %d new efforts", result.checked, result.found
    )
    return result


def _settled(candidate: Activity) -> bool:
    """Fetched, gone, failed, or tried once more during this scan."""
    current = Activity.get_by_id(candidate.id)
    return (
        current.detail_state != DETAIL_MISSING
        or current.detail_attempts > candidate.detail_attempts
    )


def _effort_count(segment_id: int, athlete_id: int) -> int:
    return (
        SegmentEffort.select()
        .join(Activity)
        .where(SegmentEffort.segment == segment_id, Activity.athlete == athlete_id)
        .count()
    )
