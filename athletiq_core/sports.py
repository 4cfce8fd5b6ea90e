"""Sport types and the groups the views filter by ("all runs", "all rides"…).

Strava's ``sport_type`` keeps growing (six values were added in May 2026), so an
unknown value is kept as it is and falls in the "other" group.
"""

from __future__ import annotations

from athletiq_core.errors import AthletiqError

SPORT_GROUPS: dict[str, frozenset[str]] = {
    "run": frozenset({"Run", "TrailRun", "VirtualRun"}),
    "ride": frozenset(
        {
            "Ride",
            "VirtualRide",
            "GravelRide",
            "MountainBikeRide",
            "EBikeRide",
            "EMountainBikeRide",
            "Velomobile",
            "Handcycle",
        }
    ),
    "swim": frozenset({"Swim"}),
    "walk": frozenset({"Walk", "Hike"}),
    "ski": frozenset(
        {"NordicSki", "AlpineSki", "BackcountrySki", "RollerSki", "Snowshoe"}
    ),
    "strength": frozenset(
        {"WeightTraining", "Crossfit", "Workout", "HighIntensityIntervalTraining"}
    ),
}
GROUP_LABELS = {
    "run": "Runs",
    "ride": "Rides",
    "swim": "Swims",
    "walk": "Walks and hikes",
    "ski": "Skiing",
    "strength": "Strength",
    "other": "Other",
}
# Sports shown with a pace (time per km or mile) rather than a speed.
PACE_GROUPS = frozenset({"run", "walk"})


class UnknownSportError(AthletiqError):
    """A sport filter names neither a sport group nor a sport type."""


def group_of(sport_type: str) -> str:
    """The group key of ``sport_type`` ("run", "ride"…, or "other")."""
    for group, members in SPORT_GROUPS.items():
        if sport_type in members:
            return group
    return "other"


def sport_types_for(selector: str | None) -> frozenset[str] | None:
    """Sport types matching a filter: a group key, a sport type, or None for all.

    A group name such as "run" or "runs" selects the whole group; anything that
    looks like a sport type ("Run", "Kayaking") selects just that type.
    """
    if selector is None or selector.strip().lower() in ("", "all"):
        return None
    key = selector.strip().lower().rstrip("s") if selector.islower() else None
    if key in SPORT_GROUPS:
        return SPORT_GROUPS[key]
    if selector[:1].isupper():
        return frozenset({selector})
    groups = ", ".join(sorted(SPORT_GROUPS))
    raise UnknownSportError(
        f"Unknown sport {selector!r}: use a group ({groups}) or a Strava sport "
        "type such as Run or Ride."
    )
