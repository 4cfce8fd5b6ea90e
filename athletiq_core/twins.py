"""When two records are the same activity seen from two sources.

A device file, an archive row and an API listing of one activity share their start
time (to within a minute: devices and Strava round differently) and their sport,
though not always the same sport type (a watch's "Run" may be Strava's
"TrailRun"). Sync and import use this one rule.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TypeVar

from athletiq_core.sports import group_of

TWIN_WINDOW = dt.timedelta(seconds=60)

Candidate = TypeVar("Candidate")


def same_sport(a: str, b: str) -> bool:
    """Same sport type, or the same sport group other than "other"."""
    group = group_of(a)
    return a == b or (group != "other" and group == group_of(b))


def closest_twin(
    candidates: Iterable[Candidate], start_utc: dt.datetime, sport_type: str
) -> Candidate | None:
    """The candidate (with ``start_date`` and ``sport_type``) nearest in start time
    within :data:`TWIN_WINDOW` and of the same sport, or None."""
    matches = [
        c
        for c in candidates
        if same_sport(c.sport_type, sport_type)
        and abs(c.start_date - start_utc) <= TWIN_WINDOW
    ]
    return min(matches, key=lambda c: abs(c.start_date - start_utc), default=None)
