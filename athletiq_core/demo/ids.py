"""Ids of laps and efforts, 64-bit like Strava's.

Strava's lap and effort ids passed 2^53 (the largest integer a JavaScript number
holds exactly) in 2025, so ids of objects from 2025 on are made that large too,
to catch code that would round them.
"""

from __future__ import annotations

BIG_FROM = "2025-01-01"
_BIG_BASE = 3_443_577_559_040_000_000
_SMALL_BASE = 2_100_000_000_000
_KINDS = {"lap": 1, "best": 2, "segment": 3}


def object_id(summary: dict, kind: str, index: int) -> int:
    """A unique id for the ``index``-th ``kind`` (lap, best or segment) object of
    an activity: above 2^53 for activities started in 2025 or later."""
    local = (summary["id"] * 4 + _KINDS[kind]) * 256 + index
    if summary["start_date"] >= BIG_FROM:
        return _BIG_BASE + local
    return _SMALL_BASE + local
