"""Routes: planned or drawn lines kept by an import, newest first.

Routes are not activities and appear in no total; this view only lists them,
with their length and climbing in the athlete's units.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from athletiq_core.db.models import Route
from athletiq_core.units import UnitSystem, format_distance, format_elevation

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class RouteRow:
    """One route: figures in metres, texts in the chosen units."""

    route_id: int
    name: str
    sport_type: str | None
    distance_m: float
    elevation_gain_m: float | None
    point_count: int
    reference: str
    distance_text: str
    elevation_text: str


def routes(athlete_id: int, units: UnitSystem) -> list[RouteRow]:
    """The athlete's routes, the most recently imported first."""
    query = (
        Route.select()
        .where(Route.athlete == athlete_id)
        .order_by(Route.imported_at.desc(), Route.id.desc())
    )
    return [
        RouteRow(
            route_id=route.id,
            name=route.name,
            sport_type=route.sport_type,
            distance_m=route.distance,
            elevation_gain_m=route.elevation_gain,
            point_count=route.point_count,
            reference=route.reference,
            distance_text=format_distance(route.distance, units),
            elevation_text=format_elevation(route.elevation_gain, units),
        )
        for route in query
    ]
