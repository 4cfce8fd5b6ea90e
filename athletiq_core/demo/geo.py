"""Small geometry helpers for the demo routes: distances, curves and terrain.

Routes span at most a few tens of kilometres, so a local flat projection around a
reference point (metres east and north) is accurate to well under a metre per
kilometre, which is plenty for synthetic tracks.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

EARTH_RADIUS_M = 6_371_008.8
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180.0
_WIGGLE_WAVELENGTH_M = 420.0

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

    @cached_property
    def lng_scale(self) -> float:
        """Metres per degree of longitude at the origin."""
        return METRES_PER_DEGREE * math.cos(math.radians(self.origin[0]))

    def to_xy(self, point: Point) -> tuple[float, float]:
        """(east, north) in metres of a (lat, lng) point in degrees."""
        return (
            (point[1] - self.origin[1]) * self.lng_scale,
            (point[0] - self.origin[0]) * METRES_PER_DEGREE,
        )

    def to_latlng(self, x: float, y: float) -> Point:
        """(lat, lng) in degrees of a point ``x`` m east and ``y`` m north."""
        return (
            self.origin[0] + y / METRES_PER_DEGREE,
            self.origin[1] + x / self.lng_scale,
        )


def _tangents(p0, p1, p2, p3) -> tuple[tuple[float, float], tuple[float, float]]:
    # Centripetal Catmull-Rom (knot spacing = square root of the chord length)
    # written as a cubic Hermite curve: no cusps or loops between uneven nodes.
    d01 = max(math.dist(p0, p1), 1e-6) ** 0.5
    d12 = max(math.dist(p1, p2), 1e-6) ** 0.5
    d23 = max(math.dist(p2, p3), 1e-6) ** 0.5
    tangents = []
    for a, b, c, da, db in ((p0, p1, p2, d01, d12), (p1, p2, p3, d12, d23)):
        tangents.append(
            tuple(
                ((b[i] - a[i]) / da - (c[i] - a[i]) / (da + db) + (c[i] - b[i]) / db)
                * d12
                for i in (0, 1)
            )
        )
    return tangents[0], tangents[1]


def _spline_span(p0, p1, p2, p3, steps: int) -> list[tuple[float, float]]:
    """Points from ``p1`` to ``p2`` (both included) in ``steps`` equal steps."""
    (ax, ay), (bx, by) = _tangents(p0, p1, p2, p3)
    (x1, y1), (x2, y2) = p1, p2
    out = []
    for k in range(steps + 1):
        u = k / steps
        uu, uuu = u * u, u * u * u
        h00, h10 = 2 * uuu - 3 * uu + 1, uuu - 2 * uu + u
        h01, h11 = 3 * uu - 2 * uuu, uuu - uu
        out.append(
            (
                h00 * x1 + h10 * ax + h01 * x2 + h11 * bx,
                h00 * y1 + h10 * ay + h01 * y2 + h11 * by,
            )
        )
    return out


def _wiggle(span: list[tuple[float, float]], step_m: float, metres: float) -> list:
    # Roads bend between landmarks: a sideways wave, tapered to zero at both
    # nodes so that nodes (and segments between them) stay exactly in place.
    count = len(span) - 1
    out = [span[0]]
    for k in range(1, count):
        (x0, y0), (x, y), (x1, y1) = span[k - 1], span[k], span[k + 1]
        norm = math.hypot(x1 - x0, y1 - y0) or 1.0
        shift = metres * math.sin(math.pi * k / count)
        shift *= math.sin(2 * math.pi * k * step_m / _WIGGLE_WAVELENGTH_M)
        out.append((x - shift * (y1 - y0) / norm, y + shift * (x1 - x0) / norm))
    return out


def smooth_path(
    nodes: Sequence[Point], step_m: float, wiggle_m: float = 0.0
) -> tuple[list[Point], list[int]]:
    """Densify ``nodes`` into a smooth curve with points about ``step_m`` apart,
    bending up to ``wiggle_m`` metres sideways between nodes.

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
        span = _wiggle(span, step_m, wiggle_m) if wiggle_m else span[:-1]
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


def simplify(points: Sequence[Point], limit: int) -> list[int]:
    """Indices of at most ``limit`` points that keep the shape of the path.

    Douglas-Peucker, refined greedily: the piece whose farthest point deviates
    most is split first, so the result is the best ``limit``-point outline.
    """
    if len(points) <= limit:
        return list(range(len(points)))
    frame = LocalFrame(points[0])
    xy = [frame.to_xy(point) for point in points]
    keep = {0, len(xy) - 1}
    heap = [_farthest(xy, 0, len(xy) - 1)]
    while heap and len(keep) < limit:
        deviation, start, index, end = heapq.heappop(heap)
        if -deviation < 0.5:
            break
        keep.add(index)
        for a, b in ((start, index), (index, end)):
            if b - a > 1:
                heapq.heappush(heap, _farthest(xy, a, b))
    return sorted(keep)


def _farthest(xy: list, start: int, end: int) -> tuple[float, int, int, int]:
    (x0, y0), (x1, y1) = xy[start], xy[end]
    dx, dy = x1 - x0, y1 - y0
    norm = math.hypot(dx, dy)
    inner = xy[start + 1 : end]
    if norm > 0:
        offsets = [abs(dy * (x - x0) - dx * (y - y0)) / norm for x, y in inner]
    else:
        offsets = [math.hypot(x - x0, y - y0) for x, y in inner]
    best = max(offsets)
    return (-best, start, start + 1 + offsets.index(best), end)


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
