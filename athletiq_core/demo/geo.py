"""Small geometry helpers for the demo routes: distances, curves and terrain.

Routes span at most a few tens of kilometres, so a local flat projection around a
reference point (metres east and north) is accurate to well under a metre per
kilometre, which is plenty for synthetic tracks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180.0

Point = tuple[float, float]


def haversine_m(a: Point, b: Point) -> float:
    """Great-circle distance in metres between two (lat, lng) points in degrees."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


@dataclass(frozen=True)
class LocalFrame:
    """A flat projection (metres east, metres north) around ``origin``."""

    origin: Point

    @property
    def lng_scale(self) -> float:
        return METRES_PER_DEGREE * math.cos(math.radians(self.origin[0]))

    def to_xy(self, point: Point) -> tuple[float, float]:
        return (
            (point[1] - self.origin[1]) * self.lng_scale,
            (point[0] - self.origin[0]) * METRES_PER_DEGREE,
        )

    def to_latlng(self, x: float, y: float) -> Point:
        return (
            self.origin[0] + y / METRES_PER_DEGREE,
            self.origin[1] + x / self.lng_scale,
        )


def _knot(t: float, a: tuple[float, float], b: tuple[float, float]) -> float:
    # Centripetal parametrisation: no cusps or loops between unevenly spaced nodes.
    return t + max(math.dist(a, b), 1e-6) ** 0.5


def _spline_span(p0, p1, p2, p3, steps: int) -> list[tuple[float, float]]:
    t0 = 0.0
    t1 = _knot(t0, p0, p1)
    t2 = _knot(t1, p1, p2)
    t3 = _knot(t2, p2, p3)
    out = []
    for k in range(steps):
        t = t1 + (t2 - t1) * k / steps
        out.append(_barry_goldman(p0, p1, p2, p3, (t0, t1, t2, t3), t))
    return out


def _lerp(a, b, ta: float, tb: float, t: float) -> tuple[float, float]:
    wa, wb = (tb - t) / (tb - ta), (t - ta) / (tb - ta)
    return (wa * a[0] + wb * b[0], wa * a[1] + wb * b[1])


def _barry_goldman(p0, p1, p2, p3, knots, t: float) -> tuple[float, float]:
    t0, t1, t2, t3 = knots
    a1 = _lerp(p0, p1, t0, t1, t)
    a2 = _lerp(p1, p2, t1, t2, t)
    a3 = _lerp(p2, p3, t2, t3, t)
    b1 = _lerp(a1, a2, t0, t2, t)
    b2 = _lerp(a2, a3, t1, t3, t)
    return _lerp(b1, b2, t1, t2, t)


def smooth_path(nodes: Sequence[Point], step_m: float) -> tuple[list[Point], list[int]]:
    """Densify ``nodes`` into a smooth curve with points about ``step_m`` apart.

    Returns the points and, for each node, the index of its point on the curve.
    A path whose first and last nodes coincide is treated as a closed loop.
    """
    frame = LocalFrame(nodes[0])
    xy = [frame.to_xy(node) for node in nodes]
    closed = len(xy) > 2 and math.dist(xy[0], xy[-1]) < 1.0
    padded = _pad_ends(xy, closed)
    points: list[Point] = []
    node_index: list[int] = []
    for i in range(len(xy) - 1):
        node_index.append(len(points))
        steps = max(1, math.ceil(math.dist(xy[i], xy[i + 1]) / step_m))
        span = _spline_span(*padded[i : i + 4], steps)
        points.extend(frame.to_latlng(x, y) for x, y in span)
    node_index.append(len(points))
    points.append(nodes[-1])
    return points, node_index


def _pad_ends(xy: list, closed: bool) -> list:
    if closed:
        return [xy[-2], *xy, xy[1]]
    first = (2 * xy[0][0] - xy[1][0], 2 * xy[0][1] - xy[1][1])
    last = (2 * xy[-1][0] - xy[-2][0], 2 * xy[-1][1] - xy[-2][1])
    return [first, *xy, last]


def cumulative_m(points: Sequence[Point]) -> list[float]:
    """Distance in metres from the first point to each point along the path."""
    frame = LocalFrame(points[0])
    total, out = 0.0, [0.0]
    prev = frame.to_xy(points[0])
    for point in points[1:]:
        here = frame.to_xy(point)
        total += math.dist(prev, here)
        out.append(total)
        prev = here
    return out


def decimate(count: int, limit: int) -> list[int]:
    """At most ``limit`` evenly spread indices into ``count`` items, ends kept."""
    if count <= limit:
        return list(range(count))
    step = (count - 1) / (limit - 1)
    return [round(k * step) for k in range(limit)]


@dataclass(frozen=True)
class Hill:
    """A smooth bump in the terrain: ``height`` metres, ``radius`` metres wide."""

    lat: float
    lng: float
    height: float
    radius: float


@dataclass(frozen=True)
class Terrain:
    """Altitude model of a region: a base level plus Gaussian hills (metres)."""

    base: float
    hills: tuple[Hill, ...]
    valley_lat: float | None = None

    def altitude(self, point: Point) -> float:
        """Altitude in metres above sea level at ``point``."""
        lat, lng = point
        lng_scale = METRES_PER_DEGREE * math.cos(math.radians(lat))
        height = 0.0
        for hill in self.hills:
            dy = (lat - hill.lat) * METRES_PER_DEGREE
            dx = (lng - hill.lng) * lng_scale
            height += hill.height * math.exp(-(dx * dx + dy * dy) / hill.radius**2)
        if self.valley_lat is not None:
            # North of the river the moraine rises; south of it the floodplain is flat.
            height *= 1.0 / (1.0 + math.exp(-(lat - self.valley_lat) / 0.0025))
        ripple = 0.3 * math.sin(lat * 1100.0) * math.cos(lng * 900.0)
        return self.base + height + ripple
