"""Keeping routes (lines without times) that an import finds, apart from activities.

A route's distance is the sum of its lines, never a jump from one line's end to
the next line's start. Its elevation gain uses the hysteresis of
:mod:`athletiq_core.metrics.elevation` on the raw point elevations: a planned
route's elevations come from a terrain model and carry no sensor wobble, and
without times there is no stop to leave out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import polyline

from athletiq_core.db.models import Route
from athletiq_core.importing.parsed import ParsedRoute
from athletiq_core.metrics import GAIN_THRESHOLD_M, haversine_m
from athletiq_core.metrics.elevation import hysteresis_gain

logger = logging.getLogger(__name__)

# Summary polylines are simplified to about this many points, like an activity's.
SUMMARY_POINTS = 150


@dataclass(frozen=True)
class RouteFigures:
    """A route's length in metres and its climbing (None without elevations)."""

    distance_m: float
    elevation_gain_m: float | None


def route_figures(route: ParsedRoute) -> RouteFigures:
    """Distance along each line, and climbing, of ``route``."""
    distance = sum(
        haversine_m(a[0], a[1], b[0], b[1])
        for line in route.lines
        for a, b in zip(line, line[1:], strict=False)
    )
    gains = [
        hysteresis_gain([p[2] for p in line if p[2] is not None], GAIN_THRESHOLD_M)
        for line in route.lines
        if any(p[2] is not None for p in line)
    ]
    return RouteFigures(distance, sum(gains) if gains else None)


def store_route(
    athlete_id: int, route: ParsedRoute, reference: str, content_hash: str
) -> str:
    """Keep ``route`` for the athlete; returns "routes", or "unchanged" if known."""
    if Route.get_or_none(athlete=athlete_id, content_hash=content_hash):
        return "unchanged"
    figures = route_figures(route)
    points = [(lat, lng) for lat, lng, _ in route.points]
    step = max(1, len(points) // SUMMARY_POINTS)
    Route.create(
        athlete=athlete_id,
        name=route.name or _name_from(reference),
        sport_type=route.sport_type,
        distance=figures.distance_m,
        elevation_gain=figures.elevation_gain_m,
        point_count=len(points),
        start_lat=points[0][0],
        start_lng=points[0][1],
        summary_polyline=polyline.encode(points[::step] + points[-1:], 5),
        polyline=polyline.encode(points, 5),
        reference=reference,
        content_hash=content_hash,
    )
    logger.debug("Kept route %s: %d points", reference, len(points))
    return "routes"


def _name_from(reference: str) -> str:
    """A route name from its file name: "alps.gpx.gz" becomes "alps"."""
    stem = reference.replace("\\", "/").rsplit("/", 1)[-1].rsplit(":", 1)[-1]
    lowered = stem.lower().removesuffix(".gz")
    for suffix in (".gpx", ".fit", ".tcx"):
        if lowered.endswith(suffix):
            return stem[: len(lowered) - len(suffix)] or "Route"
    return stem or "Route"


def route_hashes() -> frozenset[str]:
    """Content hashes of every route file kept so far."""
    return frozenset(row.content_hash for row in Route.select(Route.content_hash))
