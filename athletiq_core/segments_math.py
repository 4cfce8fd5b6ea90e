"""Segment maths: comparing efforts, and whether a track passes a segment.

Pure functions over plain values; the database layer feeds them rows and decoded
polylines. Positions are ``(lat, lng)`` tuples in degrees; distances are metres and
times seconds.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import polyline

from athletiq_core.errors import AthletiqError

logger = logging.getLogger(__name__)

LatLng = tuple[float, float]
BoundingBox = tuple[float, float, float, float]  # min lat, min lng, max lat, max lng
EARTH_RADIUS_M = 6_371_008.8  # mean radius
_METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180


class UnknownEffortError(AthletiqError, LookupError):
    """The effort asked about is not among the efforts given."""


@dataclass(frozen=True)
class SegmentEffortRow:
    """One effort on a segment: ``elapsed_time`` in seconds, ``start_date_local`` the
    athlete's wall-clock start (naive local time, as Strava's ``start_date_local``)."""

    effort_id: int
    activity_id: int
    elapsed_time: int
    start_date_local: datetime


@dataclass(frozen=True)
class RankedEffort:
    """An effort's place in the athlete's history: ``rank`` 1 is the fastest and
    ``behind_best_s`` its gap to that fastest effort in seconds."""

    rank: int
    effort: SegmentEffortRow
    behind_best_s: int

    @property
    def date(self) -> date:
        """The local day the effort started."""
        return self.effort.start_date_local.date()


@dataclass(frozen=True)
class DeltaResult:
    """How one effort compares with the athlete's other efforts, in seconds.

    ``delta_vs_previous_best_s`` is this effort minus the fastest effort that
    started before it (negative is faster), None on a first attempt. ``is_new_pr``
    holds only when it beat every earlier effort outright; a tie is a delta of 0
    and not a PR, and a first attempt is not called a PR either. The all-time
    figures count every effort, later ones included, so an effort that was a PR
    on the day shows ``all_time_rank`` 2 once a faster one follows.
    """

    elapsed_time_s: int
    earlier_attempts: int
    previous_best_s: int | None
    delta_vs_previous_best_s: int | None
    is_first_attempt: bool
    is_new_pr: bool
    all_time_best_s: int
    delta_vs_all_time_best_s: int
    all_time_rank: int
    total_attempts: int


def segment_history(efforts: Iterable[SegmentEffortRow]) -> list[RankedEffort]:
    """Efforts fastest first, each once (by effort id), ranked 1, 2, 3…; equal times
    rank the earlier effort first."""
    ordered = sorted(
        _unique(efforts),
        key=lambda e: (e.elapsed_time, e.start_date_local, e.effort_id),
    )
    best = ordered[0].elapsed_time if ordered else 0
    return [
        RankedEffort(rank, effort, effort.elapsed_time - best)
        for rank, effort in enumerate(ordered, start=1)
    ]


def delta_vs_pr(
    efforts: Iterable[SegmentEffortRow], current_effort_id: int
) -> DeltaResult:
    """Compare one effort with the best before it and with the best of all.

    Raises :class:`UnknownEffortError` when ``current_effort_id`` is not among
    ``efforts``. Duplicated rows count once.
    """
    history = segment_history(efforts)
    current = _find(history, current_effort_id)
    start = current.effort.start_date_local
    earlier = [
        r.effort.elapsed_time for r in history if r.effort.start_date_local < start
    ]
    previous_best = min(earlier, default=None)
    elapsed = current.effort.elapsed_time
    delta = None if previous_best is None else elapsed - previous_best
    return DeltaResult(
        elapsed_time_s=elapsed,
        earlier_attempts=len(earlier),
        previous_best_s=previous_best,
        delta_vs_previous_best_s=delta,
        is_first_attempt=delta is None,
        is_new_pr=delta is not None and delta < 0,
        all_time_best_s=history[0].effort.elapsed_time,
        delta_vs_all_time_best_s=current.behind_best_s,
        all_time_rank=current.rank,
        total_attempts=len(history),
    )


def haversine_m(a: LatLng, b: LatLng) -> float:
    """Great-circle distance between two positions, in metres."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def min_distance_to_polyline_m(
    point: LatLng, polyline_points: Sequence[LatLng]
) -> float:
    """Shortest distance in metres from ``point`` to the line through the points
    (``math.inf`` for an empty line).

    Uses a flat projection centred on ``point``, good to well under a metre at the
    tens of metres that matter here.
    """
    if not polyline_points:
        return math.inf
    scale = _lng_scale(point[0])
    return min(_closest(point, a, b, scale)[0] for a, b in _legs(polyline_points))


def bounding_box(points: Sequence[LatLng]) -> BoundingBox:
    """(min lat, min lng, max lat, max lng) of a non-empty track, in degrees."""
    lats = [p[0] for p in points]
    lngs = [p[1] for p in points]
    return min(lats), min(lngs), max(lats), max(lngs)


def passes_near(
    polyline_points: Sequence[LatLng],
    segment_start: LatLng,
    segment_end: LatLng,
    radius_m: float = 50.0,
    box: BoundingBox | None = None,
) -> bool:
    """Whether the track rides the segment: it comes within ``radius_m`` metres of
    the segment's start and, at that moment or later, of its end.

    A loop that passes the end first still counts when some pass of the start is
    followed by a pass of the end; a track that only passes the end before the
    start (the segment ridden backwards) does not. ``box`` is the track's
    :func:`bounding_box`, when the caller has it cached. The quick box test assumes
    the track does not cross the ±180° meridian.
    """
    if not polyline_points:
        return False
    box = box or bounding_box(polyline_points)
    if not all(_near_box(box, p, radius_m) for p in (segment_start, segment_end)):
        return False
    legs = max(len(polyline_points) - 1, 1)
    first_start = next(
        _passes(polyline_points, segment_start, radius_m, range(legs)), None
    )
    if first_start is None:
        return False
    backwards = range(legs - 1, first_start[0] - 1, -1)
    last_end = next(_passes(polyline_points, segment_end, radius_m, backwards), None)
    return last_end is not None and first_start <= last_end


def decode_polyline(encoded: str | None) -> list[LatLng]:
    """(lat, lng) degrees from a Google encoded polyline at precision 5 (Strava's
    ``summary_polyline``); [] for None, "" or a garbled string.

    A line whose backslashes are still JSON-escaped (each doubled) is repaired when
    only the repaired text decodes. When the doubling happens to leave an even
    number of extra values, the two readings cannot be told apart, and the text is
    decoded as given.
    """
    if not isinstance(encoded, str) or not encoded:
        return []
    points = _try_decode(encoded)
    if points is None and "\\\\" in encoded:
        points = _try_decode(encoded.replace("\\\\", "\\"))
    if points is None:
        logger.debug("Ignoring an undecodable polyline of %d characters", len(encoded))
        return []
    return points


def _unique(efforts: Iterable[SegmentEffortRow]) -> list[SegmentEffortRow]:
    seen: dict[int, SegmentEffortRow] = {}
    for effort in efforts:
        seen.setdefault(effort.effort_id, effort)
    return list(seen.values())


def _find(history: list[RankedEffort], effort_id: int) -> RankedEffort:
    for ranked in history:
        if ranked.effort.effort_id == effort_id:
            return ranked
    raise UnknownEffortError(f"Effort {effort_id} is not among this segment's efforts.")


def _try_decode(text: str) -> list[LatLng] | None:
    if min(text) < "?" or max(text) > "~":
        return None
    try:
        points = polyline.decode(text, 5)
    except (IndexError, ValueError):
        return None
    if points and not _plausible(points):
        return None
    return points


def _plausible(points: list[LatLng]) -> bool:
    min_lat, min_lng, max_lat, max_lng = bounding_box(points)
    return -90 <= min_lat <= max_lat <= 90 and -180 <= min_lng <= max_lng <= 180


def _lng_scale(lat: float) -> float:
    return max(math.cos(math.radians(lat)), 1e-9)


def _legs(points: Sequence[LatLng]) -> Iterator[tuple[LatLng, LatLng]]:
    if len(points) == 1:
        yield points[0], points[0]
    yield from zip(points, points[1:], strict=False)


def _closest(p: LatLng, a: LatLng, b: LatLng, scale: float) -> tuple[float, float]:
    """(distance in metres, fraction along a→b) of the point of a→b nearest ``p``."""
    ax, ay = _project(p, a, scale)
    bx, by = _project(p, b, scale)
    dx, dy = bx - ax, by - ay
    length_sq = dx * dx + dy * dy
    t = 0.0 if length_sq == 0 else min(1.0, max(0.0, -(ax * dx + ay * dy) / length_sq))
    return math.hypot(ax + t * dx, ay + t * dy), t


def _project(origin: LatLng, q: LatLng, scale: float) -> tuple[float, float]:
    dlng = (q[1] - origin[1] + 180.0) % 360.0 - 180.0
    return dlng * scale * _METRES_PER_DEGREE, (q[0] - origin[0]) * _METRES_PER_DEGREE


def _near_box(box: BoundingBox, target: LatLng, radius_m: float) -> bool:
    dlat = radius_m / _METRES_PER_DEGREE
    dlng = dlat / _lng_scale(target[0])
    min_lat, min_lng, max_lat, max_lng = box
    return (
        min_lat - dlat <= target[0] <= max_lat + dlat
        and min_lng - dlng <= target[1] <= max_lng + dlng
    )


def _passes(
    points: Sequence[LatLng], target: LatLng, radius_m: float, legs: Iterable[int]
) -> Iterator[tuple[int, float]]:
    """(leg index, fraction along it) of each leg passing within ``radius_m``."""
    scale = _lng_scale(target[0])
    dlat = radius_m / _METRES_PER_DEGREE
    lo_lat, hi_lat = target[0] - dlat, target[0] + dlat
    lo_lng, hi_lng = target[1] - dlat / scale, target[1] + dlat / scale
    last = len(points) - 1
    for i in legs:
        a, b = points[i], points[min(i + 1, last)]
        (alat, alng), (blat, blng) = a, b
        # Cheap rejection of legs lying wholly on one side of the target's box.
        if (alat > hi_lat and blat > hi_lat) or (alat < lo_lat and blat < lo_lat):
            continue
        if (alng > hi_lng and blng > hi_lng) or (alng < lo_lng and blng < lo_lng):
            continue
        distance, t = _closest(target, a, b, scale)
        if distance <= radius_m:
            yield i, t
