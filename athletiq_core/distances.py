"""The one table of standard distances used for best efforts, personal bests and races.

Strava names its best efforts inconsistently ("5K"/"5k", "2 mile"/"2 miles") and
rounds their distances (805 m for half a mile), so efforts are matched to this table
by distance with a small tolerance, never by name.
"""

from __future__ import annotations

from dataclasses import dataclass

METRES_PER_MILE = 1609.344


@dataclass(frozen=True)
class StandardDistance:
    """A standard effort distance: ``key`` is stable, ``metres`` exact."""

    key: str
    label: str
    metres: float


STANDARD_DISTANCES: tuple[StandardDistance, ...] = (
    StandardDistance("400m", "400 m", 400.0),
    StandardDistance("half_mile", "1/2 mile", METRES_PER_MILE / 2),
    StandardDistance("1k", "1K", 1000.0),
    StandardDistance("1_mile", "1 mile", METRES_PER_MILE),
    StandardDistance("2_mile", "2 mile", 2 * METRES_PER_MILE),
    StandardDistance("5k", "5K", 5000.0),
    StandardDistance("10k", "10K", 10000.0),
    StandardDistance("15k", "15K", 15000.0),
    StandardDistance("10_mile", "10 mile", 10 * METRES_PER_MILE),
    StandardDistance("20k", "20K", 20000.0),
    StandardDistance("half_marathon", "Half marathon", 21097.5),
    StandardDistance("30k", "30K", 30000.0),
    StandardDistance("marathon", "Marathon", 42195.0),
    StandardDistance("50k", "50K", 50000.0),
)

BY_KEY = {d.key: d for d in STANDARD_DISTANCES}

# Strava reports 805 for half a mile and 16090 for ten miles: 0.5 % covers rounding
# without letting 1 mile (1609 m) and 1/2 mile (805 m) or 20K and the half meet.
MATCH_TOLERANCE = 0.005


def match_distance(metres: float | None) -> StandardDistance | None:
    """The standard distance within 0.5 % of ``metres`` (metres), or None."""
    if not metres or metres <= 0:
        return None
    for standard in STANDARD_DISTANCES:
        if abs(metres - standard.metres) <= standard.metres * MATCH_TOLERANCE:
            return standard
    return None
