"""FIT profile names turned into Athletiq's: sport types and device names.

FIT says ``cycling``/``virtual_activity`` where Strava says ``VirtualRide``, and
``garmin``/``fr920xt`` where a person says "Garmin Forerunner 920XT".
"""

from __future__ import annotations

import logging
import re
from typing import Any

logger = logging.getLogger(__name__)

INDOOR_SUB_SPORTS = frozenset(
    {
        "treadmill",
        "indoor_cycling",
        "virtual_activity",
        "indoor_running",
        "indoor_rowing",
        "indoor_walking",
        "indoor_skiing",
        "spin",
        "indoor_climbing",
    }
)

_SPORT_TYPES = {
    "running": "Run",
    "cycling": "Ride",
    "swimming": "Swim",
    "walking": "Walk",
    "hiking": "Hike",
    "cross_country_skiing": "NordicSki",
    "alpine_skiing": "AlpineSki",
    "snowboarding": "Snowboard",
    "snowshoeing": "Snowshoe",
    "rowing": "Rowing",
    "paddling": "StandUpPaddling",
    "stand_up_paddleboarding": "StandUpPaddling",
    "kayaking": "Kayaking",
    "inline_skating": "InlineSkate",
    "ice_skating": "IceSkate",
    "rock_climbing": "RockClimbing",
    "e_biking": "EBikeRide",
    "golf": "Golf",
    "surfing": "Surfing",
    "kitesurfing": "Kitesurf",
    "windsurfing": "Windsurf",
    "sailing": "Sail",
    "soccer": "Soccer",
    "tennis": "Tennis",
    "training": "Workout",
    "fitness_equipment": "Workout",
    "hiit": "HighIntensityIntervalTraining",
    # A triathlon's changeover leg has no Strava sport; it is kept as its own
    # type (in the "other" group), not taken for a strength workout.
    "transition": "Transition",
}

# (sport, sub_sport) pairs that name a more specific Strava sport_type.
_SUB_SPORT_TYPES = {
    ("running", "trail"): "TrailRun",
    ("running", "virtual_activity"): "VirtualRun",
    ("cycling", "virtual_activity"): "VirtualRide",
    ("cycling", "mountain"): "MountainBikeRide",
    ("cycling", "downhill"): "MountainBikeRide",
    ("cycling", "gravel_cycling"): "GravelRide",
    ("cycling", "e_bike_mountain"): "EMountainBikeRide",
    ("cycling", "e_bike_fitness"): "EBikeRide",
    ("cross_country_skiing", "backcountry"): "BackcountrySki",
    ("alpine_skiing", "backcountry"): "BackcountrySki",
    ("fitness_equipment", "indoor_rowing"): "Rowing",
    ("fitness_equipment", "elliptical"): "Elliptical",
    ("fitness_equipment", "stair_climbing"): "StairStepper",
    ("fitness_equipment", "strength_training"): "WeightTraining",
    ("training", "strength_training"): "WeightTraining",
    ("training", "yoga"): "Yoga",
    ("training", "pilates"): "Pilates",
}

_MANUFACTURERS = {
    "garmin": "Garmin",
    "wahoo_fitness": "Wahoo",
    "hammerhead": "Hammerhead",
    "coros": "COROS",
    "sigmasport": "Sigma Sport",
    "stages_cycling": "Stages",
    "development": None,
}
_PRODUCT_WORDS = {"fr": "Forerunner"}


def sport_type(sport: str, sub_sport: str) -> str:
    """The Strava sport_type for a FIT sport and sub_sport ("Workout" if unknown)."""
    specific = _SUB_SPORT_TYPES.get((sport, sub_sport))
    return specific or _SPORT_TYPES.get(sport, "Workout")


def device_name(file_id: dict[str, Any], creator: dict[str, Any]) -> str | None:
    """Maker and model, e.g. "Garmin Forerunner 920XT", or None when unknown.

    ``file_id`` and ``creator`` are the field values of the file_id message and of
    the device_info message of the recording device.
    """
    maker = _maker_label(file_id.get("manufacturer") or creator.get("manufacturer"))
    product = _product_label(file_id, creator)
    if maker and product and product.lower().startswith(maker.lower()):
        return product
    return " ".join(part for part in (maker, product) if part) or None


def _maker_label(manufacturer: Any) -> str | None:
    if not isinstance(manufacturer, str):
        return None
    if manufacturer in _MANUFACTURERS:
        return _MANUFACTURERS[manufacturer]
    return manufacturer.replace("_", " ").title()


def _product_label(*sources: dict[str, Any]) -> str | None:
    for source in sources:
        name = source.get("product_name")
        if isinstance(name, str) and name.strip():
            return name.strip()
    for source in sources:
        code = source.get("garmin_product")
        if isinstance(code, str):
            return _pretty_product(code)
    return None


def _pretty_product(code: str) -> str:
    """A readable model from a profile name: "fr920xt" -> "Forerunner 920XT"."""
    words = []
    for token in code.lower().split("_"):
        for part in re.findall(r"[a-z]+|\d+[a-z]*", token):
            if part[0].isdigit():
                words.append(part.upper())
            elif part in _PRODUCT_WORDS:
                words.append(_PRODUCT_WORDS[part])
            else:
                words.append(part.upper() if len(part) <= 2 else part.capitalize())
    return " ".join(words)
