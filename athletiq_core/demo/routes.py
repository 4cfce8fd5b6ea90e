"""Route geometry: dense tracks, elevation profiles and summary polylines.

Each route is built once per process, on first use, as points about 20 m apart
with an altitude per point. Activities on a route take one of a few *variants*:
the route shifted by a smooth offset of a few metres, as GPS tracks of the same
route differ. The summary polyline of each variant is encoded once and kept in a
registry, so an activity's route can be recovered from its summary polyline.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from functools import cache, cached_property

import polyline

from athletiq_core.demo.catalogue import ROUTES, RouteDef
from athletiq_core.demo.config import fixed_rng
from athletiq_core.demo.geo import (
    METRES_PER_DEGREE,
    LocalFrame,
    cumulative_m,
    simplify,
    smooth_path,
)
from athletiq_core.demo.places import NODES, REGIONS, Region

logger = logging.getLogger(__name__)

STEP_M = 20.0
VARIANTS = 8
SUMMARY_POINTS = 150
# A race measured by GPS comes out a little long: runners cut no corners exactly.
RACE_GPS_FACTOR = 1.006
_GAIN_HYSTERESIS_M = 0.8
_ROUTE_DEFS = {route.key: route for route in ROUTES}
_REGISTRY: dict[str, tuple[str, int]] = {}


@dataclass(frozen=True)
class Route:
    """A built route: dense points (degrees), altitudes (m), distances (m)."""

    spec: RouteDef
    lats: list[float]
    lngs: list[float]
    alts: list[float]
    cum: list[float]
    node_index: tuple[int, ...]
    gain: float

    @property
    def key(self) -> str:
        """The route's catalogue key."""
        return self.spec.key

    @property
    def region(self) -> Region:
        """The region (zone, address, terrain) the route lies in."""
        return REGIONS[self.spec.region]

    @property
    def length(self) -> float:
        """Length of the route in metres."""
        return self.cum[-1]

    @cached_property
    def high(self) -> float:
        """Highest altitude on the route in metres."""
        return max(self.alts)

    @cached_property
    def low(self) -> float:
        """Lowest altitude on the route in metres."""
        return min(self.alts)

    @cached_property
    def lng_scale(self) -> float:
        """Metres per degree of longitude at the route's start."""
        return METRES_PER_DEGREE * math.cos(math.radians(self.lats[0]))


@cache
def route_defs(use: str, region: str) -> tuple[RouteDef, ...]:
    """The routes of ``use`` in ``region``, in catalogue order."""
    return tuple(r for r in ROUTES if r.use == use and r.region == region)


def route_def(key: str) -> RouteDef:
    """The definition of route ``key`` (KeyError when unknown)."""
    return _ROUTE_DEFS[key]


@cache
def route(key: str) -> Route:
    """The built route ``key``; built once per process."""
    spec = _ROUTE_DEFS[key]
    if spec.use == "race":
        points, node_index = _race_loop(spec)
    else:
        nodes = [NODES[n] for n in spec.nodes]
        points, node_index = smooth_path(nodes, STEP_M, wiggle_m=9.0)
    alts = [REGIONS[spec.region].terrain.altitude(p) for p in points]
    built = Route(
        spec,
        [p[0] for p in points],
        [p[1] for p in points],
        alts,
        cumulative_m(points),
        tuple(node_index),
        _gain(alts),
    )
    logger.debug("Built route %s: %.0f m, %d points", key, built.length, len(points))
    return built


def _race_loop(spec: RouteDef) -> tuple[list, list[int]]:
    rng = fixed_rng("race", spec.key)
    shape = [rng.uniform(0.08, 0.2), rng.uniform(0.04, 0.12), rng.uniform(0, 6.28)]
    target = spec.metres * RACE_GPS_FACTOR
    radius = target / (2 * math.pi)
    for _ in range(3):
        points, node_index = smooth_path(
            _loop_nodes(spec.centre, radius, shape), STEP_M
        )
        radius *= target / cumulative_m(points)[-1]
    return points, node_index


def _loop_nodes(centre, radius: float, shape: list[float]) -> list:
    frame = LocalFrame(centre)
    a, b, phase = shape
    nodes = []
    for k in range(29):
        theta = 2 * math.pi * (k % 28) / 28
        r = radius * (1 + a * math.sin(2 * theta + phase) + b * math.sin(3 * theta))
        nodes.append(frame.to_latlng(1.3 * r * math.cos(theta), r * math.sin(theta)))
    return nodes


def _gain(alts: list[float]) -> float:
    gain, base = 0.0, alts[0]
    for alt in alts:
        if alt > base + _GAIN_HYSTERESIS_M:
            gain += alt - base
            base = alt
        elif alt < base:
            base = alt
    return gain


def offset_m(key: str, variant: int, s: float) -> tuple[float, float]:
    """Smooth sideways offset (metres north, metres east) of a variant at ``s`` m."""
    a1, l1, p1, a2, l2, p2 = _variant_shape(key, variant)
    return (
        a1 * math.sin(2 * math.pi * s / l1 + p1),
        a2 * math.sin(2 * math.pi * s / l2 + p2),
    )


@cache
def _variant_shape(key: str, variant: int) -> tuple[float, ...]:
    rng = fixed_rng("variant", key, variant)
    return (
        rng.uniform(1.0, 4.0),
        rng.uniform(300.0, 900.0),
        rng.uniform(0.0, 2 * math.pi),
        rng.uniform(1.0, 4.0),
        rng.uniform(300.0, 900.0),
        rng.uniform(0.0, 2 * math.pi),
    )


@cache
def _outline(key: str) -> list[int]:
    built = route(key)
    return simplify(list(zip(built.lats, built.lngs, strict=True)), SUMMARY_POINTS)


@cache
def summary_polyline(key: str, variant: int) -> str:
    """Encoded (precision 5) simplified polyline of a route variant."""
    built = route(key)
    points = []
    for i in _outline(key):
        north, east = offset_m(key, variant, built.cum[i])
        points.append(
            (
                built.lats[i] + north / METRES_PER_DEGREE,
                built.lngs[i] + east / built.lng_scale,
            )
        )
    encoded = polyline.encode(points, 5)
    _REGISTRY[encoded] = (key, variant)
    return encoded


def find_route(encoded: str) -> tuple[Route, int] | None:
    """The route and variant whose summary polyline is ``encoded``, or None.

    The first unknown polyline builds every route and variant (about a second),
    so that summaries from another process are recognised too.
    """
    if encoded not in _REGISTRY:
        for spec in ROUTES:
            for variant in range(VARIANTS):
                summary_polyline(spec.key, variant)
    found = _REGISTRY.get(encoded)
    return (route(found[0]), found[1]) if found else None
