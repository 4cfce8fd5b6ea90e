"""Which records of a FIT file belong to which session (sport leg).

A record belongs to the session whose time window holds it: from the session's
start to its start plus its elapsed or timer time (or its own timestamp, if
later), widened by a minute for the last record a device writes a moment after
the nominal end, but never into the next leg. Records outside every window, such
as those of a clock that jumped two years, belong to no leg. A file without
sessions gives one leg: the longest run of records without a jump in time of
more than a day. Laps, lengths and timer events belong to the leg they start in.
"""

from __future__ import annotations

import bisect
import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from athletiq_core.importing.common import Sample, as_utc, to_float

logger = logging.getLogger(__name__)

# Devices write the last record a moment after the session's nominal end.
_WINDOW_SLACK = timedelta(seconds=60)
_MAX_RECORD_JUMP_S = 86_400.0
# No single recording lasts a week; a longer session duration is a damaged value.
_MAX_SESSION_S = 7 * 86_400.0


@dataclass
class Leg:
    """One session's time window and the records in it."""

    session: dict[str, Any]
    start: datetime
    end: datetime
    records: list[Sample] = field(default_factory=list)
    # The next leg's start: laps and lengths from then on belong to that leg.
    until: datetime | None = None


def record_legs(
    records: list[Sample], sessions: list[dict[str, Any]]
) -> tuple[list[Leg], int]:
    """Records split by session; the int is how many records no leg took."""
    records = sorted(records, key=lambda sample: sample["time"])
    times = [sample["time"] for sample in records]
    legs = session_legs(sessions)
    for leg in legs:
        low = bisect.bisect_left(times, leg.start)
        leg.records = records[low : bisect.bisect_right(times, leg.end)]
    legs = [leg for leg in legs if leg.records]
    if not legs:
        legs = [_sessionless_leg(records)]
    taken = {id(sample) for leg in legs for sample in leg.records}
    return legs, len(records) - len(taken)


def session_legs(sessions: list[dict[str, Any]]) -> list[Leg]:
    """The time window of every session with a start, in time order."""
    legs = [leg for leg in map(_session_leg, sessions) if leg is not None]
    legs.sort(key=lambda leg: leg.start)
    for leg, following in zip(legs, legs[1:], strict=False):
        leg.until = following.start
    for index, leg in enumerate(legs):
        widened = leg.end + _WINDOW_SLACK
        if index + 1 < len(legs):
            widened = min(widened, max(leg.end, legs[index + 1].start))
        leg.end = widened
    if legs:
        legs[0].start -= _WINDOW_SLACK
    return legs


def session_duration(session: dict[str, Any]) -> float:
    """The longer of a session's elapsed and timer time, in seconds."""
    return max(
        to_float(session.get(key)) or 0.0
        for key in ("total_elapsed_time", "total_timer_time")
    )


def within(messages: list[dict[str, Any]], leg: Leg) -> list[dict[str, Any]]:
    """Messages that start in the leg: from its start until the next leg starts."""
    chosen = []
    for message in messages:
        start = as_utc(message.get("start_time"))
        if start is None or start < leg.start:
            continue
        if (start < leg.until) if leg.until else (start <= leg.end):
            chosen.append(message)
    return chosen


def _session_leg(session: dict[str, Any]) -> Leg | None:
    start = as_utc(session.get("start_time"))
    if start is None:
        return None
    duration = min(session_duration(session), _MAX_SESSION_S)
    ends = [start + timedelta(seconds=duration)]
    stamp = as_utc(session.get("timestamp"))
    if stamp is not None and 0 <= (stamp - start).total_seconds() <= _MAX_SESSION_S:
        ends.append(stamp)
    return Leg(session=session, start=start, end=max(ends))


def _sessionless_leg(records: list[Sample]) -> Leg:
    """The longest run of records without a jump of more than a day."""
    runs: list[list[Sample]] = [[records[0]]]
    for previous, sample in zip(records, records[1:], strict=False):
        gap = (sample["time"] - previous["time"]).total_seconds()
        if 0.0 <= gap <= _MAX_RECORD_JUMP_S:
            runs[-1].append(sample)
        else:
            runs.append([sample])
    longest = max(runs, key=len)
    return Leg(
        session={}, start=longest[0]["time"], end=longest[-1]["time"], records=longest
    )
