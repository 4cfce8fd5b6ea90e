"""The segment catalogue and where each segment lies on the demo routes.

A segment runs between two consecutive nodes of a route; every route with the
same two nodes in the same order passes it. Its own geometry (distance, grades,
end points) is taken from the first route in the catalogue that passes it.
"""

from __future__ import annotations

from functools import cache

import polyline

from athletiq_core.demo.catalogue import ROUTES, SEGMENTS, SegmentDef
from athletiq_core.demo.places import REGIONS
from athletiq_core.demo.routes import Route, find_route, route

# Strava's climb score thresholds (metres × percent grade) for categories 1-5.
_CLIMB_SCORES = (8000, 16000, 32000, 64000, 80000)
_GRADE_WINDOW_M = 100.0
Placement = tuple[SegmentDef, int, int]


def placements(route_key: str, activity_type: str) -> list[Placement]:
    """Segments of ``activity_type`` (Run or Ride) on a route, with the indices
    of their start and end among the route's dense points, in route order."""
    return list(_placements(route_key, activity_type))


@cache
def _placements(route_key: str, activity_type: str) -> tuple[Placement, ...]:
    nodes = _nodes(route_key)
    built = route(route_key)
    found = []
    for segment in SEGMENTS:
        if segment.activity_type != activity_type:
            continue
        for k in range(len(nodes) - 1):
            if (nodes[k], nodes[k + 1]) == (segment.start, segment.end):
                found.append((segment, built.node_index[k], built.node_index[k + 1]))
    return tuple(sorted(found, key=lambda item: item[1]))


def _nodes(route_key: str) -> tuple[str, ...]:
    return next(spec.nodes for spec in ROUTES if spec.key == route_key)


def segments_on(encoded: str, activity_type: str) -> list[Placement]:
    """Segments on the route whose summary polyline is ``encoded`` (or none)."""
    found = find_route(encoded) if encoded else None
    if not found or activity_type not in ("Run", "Ride"):
        return []
    return placements(found[0].key, activity_type)


@cache
def _home(segment_id: int) -> tuple[Route, int, int]:
    for spec in ROUTES:
        if spec.use == "race":
            continue
        for segment, start, end in _placements(spec.key, _type_of(segment_id)):
            if segment.id == segment_id:
                return route(spec.key), start, end
    raise LookupError(f"segment {segment_id} lies on no route; check its nodes")


def _type_of(segment_id: int) -> str:
    return next(s.activity_type for s in SEGMENTS if s.id == segment_id)


def summary_segment(segment: SegmentDef) -> dict:
    """SummarySegment JSON for ``segment`` (distances m, grades %, altitudes m)."""
    built, start, end = _home(segment.id)
    alts = built.alts[start : end + 1]
    distance = built.cum[end] - built.cum[start]
    grade = (alts[-1] - alts[0]) / distance * 100
    region = REGIONS[built.spec.region]
    return {
        "id": segment.id,
        "resource_state": 2,
        "name": segment.name,
        "activity_type": segment.activity_type,
        "distance": round(distance, 1),
        "average_grade": round(grade, 1),
        "maximum_grade": round(_max_grade(built, start, end), 1),
        "elevation_high": round(max(alts), 1),
        "elevation_low": round(min(alts), 1),
        "start_latlng": [round(built.lats[start], 6), round(built.lngs[start], 6)],
        "end_latlng": [round(built.lats[end], 6), round(built.lngs[end], 6)],
        "climb_category": _climb_category(distance, grade),
        "city": region.city,
        "state": region.state,
        "country": region.country,
        "private": False,
        "hazardous": False,
        "starred": segment.starred,
    }


def _max_grade(built: Route, start: int, end: int) -> float:
    steepest, j = 0.0, start
    for i in range(start, end + 1):
        while j < end and built.cum[j] - built.cum[i] < _GRADE_WINDOW_M:
            j += 1
        run = built.cum[j] - built.cum[i]
        if run >= _GRADE_WINDOW_M / 2:
            steepest = max(steepest, (built.alts[j] - built.alts[i]) / run * 100)
    return steepest


def _climb_category(distance: float, grade: float) -> int:
    if grade < 2.0:
        return 0
    score = distance * grade
    return sum(1 for threshold in _CLIMB_SCORES if score >= threshold)


def detailed_segment(segment: SegmentDef) -> dict:
    """DetailedSegment JSON (``GET /segments/{id}``) for ``segment``."""
    built, start, end = _home(segment.id)
    points = list(
        zip(built.lats[start : end + 1], built.lngs[start : end + 1], strict=True)
    )
    alts = built.alts[start : end + 1]
    climbed = sum(max(0.0, b - a) for a, b in zip(alts, alts[1:], strict=False))
    return summary_segment(segment) | {
        "resource_state": 3,
        "created_at": "2014-05-02T18:21:09Z",
        "updated_at": "2025-03-14T07:45:31Z",
        "total_elevation_gain": round(climbed, 1),
        "map": {
            "id": f"s{segment.id}",
            "polyline": polyline.encode(points, 5),
            "resource_state": 3,
        },
        "effort_count": 1200 + segment.id % 40000,
        "athlete_count": 300 + segment.id % 9000,
        "star_count": 5 + segment.id % 300,
    }


def segment_catalogue() -> list[dict]:
    """DetailedSegment JSON of every segment in the demo catalogue."""
    return [detailed_segment(segment) for segment in SEGMENTS]
