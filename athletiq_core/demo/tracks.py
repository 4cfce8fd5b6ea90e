"""Activity streams (1 Hz) that agree with a generated summary.

The streams follow the activity's route variant, recovered from its summary
polyline, with a little GPS noise; their distance adds up to the summary's
distance and their moving samples to its moving time. Manual activities have no
file and therefore no streams.
"""

from __future__ import annotations

import logging
import random
from functools import lru_cache

from athletiq_core.demo.clock import parse_z
from athletiq_core.demo.config import DemoConfig, rng_for
from athletiq_core.demo.geo import METRES_PER_DEGREE
from athletiq_core.demo.motion import BIKE_KINDS, Motion, build_motion, resample
from athletiq_core.demo.physiology import (
    cadence,
    heart_rate,
    power,
    smooth,
    temperature,
)
from athletiq_core.demo.routes import Route, find_route, offset_m, route
from athletiq_core.demo.summary import MANUAL_KINDS, kind_of
from athletiq_core.demo.workouts import Workout, ride_workout, run_workout
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)


def generate_streams(cfg: DemoConfig, summary: dict) -> Streams:
    """Canonical :data:`~athletiq_core.streams.Streams` for a generated summary.

    One sample per second: time (s), distance (m), lat/lng (degrees) and
    altitude (m) on GPS activities, heart rate (bpm), cadence, watts, velocity
    (m/s), temperature (°C) and moving. Empty for manual activities.
    """
    kind = kind_of(summary)
    if kind in MANUAL_KINDS:
        return {}
    rng = rng_for(cfg, summary["id"], "streams")
    track, variant = activity_route(summary)
    motion = build_motion(summary, kind, rng, activity_workout(cfg, summary), track)
    streams: Streams = {"time": list(map(float, range(len(motion.moving))))}
    if kind != "strength":
        streams["distance"] = [int(d * 10 + 0.5) / 10 for d in motion.distance]
    if track is not None:
        streams |= _positions(track, variant, motion, summary["distance"], rng)
    streams |= _body(summary, kind, motion, rng)
    if kind != "strength":
        streams["velocity"] = smooth(motion.speed)
    if track is not None:
        local = parse_z(summary["start_date_local"])
        streams["temp"] = temperature(local.month, local.hour, len(motion.moving), rng)
    streams["moving"] = list(map(float, motion.moving))
    return streams


def activity_route(summary: dict) -> tuple[Route | None, int]:
    """The route and variant a summary was generated on, or ``(None, 0)``."""
    encoded = summary.get("map", {}).get("summary_polyline") or ""
    found = find_route(encoded) if encoded else None
    if encoded and found is None:
        logger.debug("Activity %s is not on a demo route", summary.get("id"))
    return found or (None, 0)


def activity_workout(cfg: DemoConfig, summary: dict) -> Workout | None:
    """The structured workout behind a summary, for interval runs and indoor
    rides; None for every other activity."""
    kind = kind_of(summary)
    if kind == "workout":
        return run_workout(cfg, summary["id"], summary["distance"])
    if kind == "virtual":
        return ride_workout(cfg, summary["id"])
    return None


@lru_cache(maxsize=64)
def _shifted(key: str, variant: int) -> tuple[list[float], list[float]]:
    built = route(key)
    lats, lngs = [], []
    for lat, lng, s in zip(built.lats, built.lngs, built.cum, strict=True):
        north, east = offset_m(key, variant, s)
        lats.append(lat + north / METRES_PER_DEGREE)
        lngs.append(lng + east / built.lng_scale)
    return lats, lngs


def _positions(
    track: Route, variant: int, motion: Motion, total: float, rng: random.Random
) -> Streams:
    lats, lngs = _shifted(track.key, variant)
    scale = track.length / total if total else 0.0
    along = [d * scale for d in motion.distance]
    lat, lng, alt = resample(track.cum, [lats, lngs, track.alts], along)
    north, east, baro = _wander(len(along), rng)
    to_lat, to_lng = 1 / METRES_PER_DEGREE, 1 / track.lng_scale
    return {
        "lat": [a + n * to_lat for a, n in zip(lat, north, strict=True)],
        "lng": [a + e * to_lng for a, e in zip(lng, east, strict=True)],
        "altitude": [
            int((a + b) * 10 + 0.5) / 10 for a, b in zip(alt, baro, strict=True)
        ],
    }


def _wander(count: int, rng: random.Random) -> tuple[list[float], ...]:
    # GPS wanders by about a metre and the barometer drifts by a few; both
    # change slowly, so a value every five seconds, held, is plenty.
    north = east = baro = 0.0
    draw = rng.random
    series: tuple[list[float], ...] = ([], [], [])
    for _ in range(0, count, 5):
        north = 0.6 * north + 1.6 * (draw() - 0.5)
        east = 0.6 * east + 1.6 * (draw() - 0.5)
        baro = 0.995 * baro + 0.4 * (draw() - 0.5)
        for values, value in zip(series, (north, east, baro), strict=True):
            values.extend([value] * 5)
    return tuple(values[:count] for values in series)


def _body(summary: dict, kind: str, motion: Motion, rng: random.Random) -> Streams:
    out: Streams = {}
    effort, moving = motion.effort, motion.moving
    if summary.get("has_heartrate"):
        top = summary["max_heartrate"]
        out["heartrate"] = heart_rate(effort, moving, summary["average_heartrate"], top)
    if summary.get("average_cadence"):
        bike = kind in BIKE_KINDS
        out["cadence"] = cadence(effort, moving, summary["average_cadence"], bike, rng)
    if summary.get("device_watts"):
        watts, top = summary["average_watts"], summary.get("max_watts", 2000)
        out["watts"] = power(effort, out.get("cadence"), watts, top, rng)
    return out
