"""The demo athlete's shoes and bikes, and which activity uses which.

Road shoes rotate: the first pair is retired part-way through the history after a
few weeks of overlap with its successor. Trail runs and hikes use the trail
shoes; rides use the road bike (with a power meter) and commutes the city bike.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from athletiq_core.demo.config import DemoConfig

# Fraction of the history at which the first road shoes are retired, and from
# which their successors are worn alongside them.
RETIRE_AT = 0.46
OVERLAP_FROM = 0.40


@dataclass(frozen=True)
class GearDef:
    """A pair of shoes (``role`` starting with ``shoe``) or a bike."""

    role: str
    number: int
    brand: str
    model: str
    nickname: str
    description: str
    primary: bool = False
    retired: bool = False
    frame_type: int | None = None
    weight: float | None = None


GEAR: tuple[GearDef, ...] = (
    GearDef(
        "shoe_road_old",
        1,
        "Brooks",
        "Ghost 14",
        "Ghosts",
        "First marathon pair",
        retired=True,
    ),
    GearDef(
        "shoe_road",
        2,
        "ASICS",
        "Novablast 4",
        "Novas",
        "Daily trainer & race day",
        primary=True,
    ),
    GearDef("shoe_trail", 3, "Hoka", "Speedgoat 5", "Goats", "Veluwe trails / hikes"),
    GearDef(
        "bike_road",
        1,
        "Canyon",
        "Ultimate CF SL 8",
        "Canyon",
        "Power meter: 4iiii left crank",
        primary=True,
        frame_type=3,
        weight=7.9,
    ),
    GearDef(
        "bike_city",
        2,
        "Gazelle",
        "Ultimate C8",
        "Stadsfiets",
        "Commuter with panniers",
        frame_type=5,
        weight=17.5,
    ),
)
_ROLES = {gear.role: gear for gear in GEAR}


def gear_id(cfg: DemoConfig, role: str) -> str:
    """Strava gear id of ``role``: ``g…`` for shoes, ``b…`` for bikes."""
    gear = _ROLES[role]
    prefix = "g" if role.startswith("shoe") else "b"
    return f"{prefix}{cfg.athlete_id * 1000 + gear.number}"


def gear_for(
    cfg: DemoConfig, sport: str, commute: bool, progress: float, rng: random.Random
) -> str | None:
    """Gear id for an activity of ``sport`` at ``progress`` (0..1) of the history."""
    if sport in ("TrailRun", "Hike"):
        return gear_id(cfg, "shoe_trail")
    if sport == "Run":
        return gear_id(cfg, _road_shoe(progress, rng))
    if sport == "Ride":
        return gear_id(cfg, "bike_city" if commute else "bike_road")
    if sport == "VirtualRide":
        return gear_id(cfg, "bike_road")
    return None


def _road_shoe(progress: float, rng: random.Random) -> str:
    if progress < OVERLAP_FROM:
        return "shoe_road_old"
    if progress < RETIRE_AT and rng.random() < 0.5:
        return "shoe_road_old"
    return "shoe_road"


def detailed_gear(cfg: DemoConfig, gear: GearDef, metres: float) -> dict:
    """DetailedGear JSON for ``gear`` with ``metres`` ridden or run on it."""
    out = summary_gear(cfg, gear, metres)
    out |= {
        "resource_state": 3,
        "brand_name": gear.brand,
        "model_name": gear.model,
        "description": gear.description,
    }
    if gear.frame_type is not None:
        out |= {"frame_type": gear.frame_type, "weight": gear.weight}
    return out


def summary_gear(cfg: DemoConfig, gear: GearDef, metres: float) -> dict:
    """SummaryGear JSON (as in the athlete's ``bikes`` and ``shoes`` lists)."""
    return {
        "id": gear_id(cfg, gear.role),
        "primary": gear.primary,
        "name": f"{gear.brand} {gear.model}",
        "nickname": gear.nickname,
        "resource_state": 2,
        "retired": gear.retired,
        "distance": round(metres, 1),
        "converted_distance": round(metres / 1000, 1),
    }
