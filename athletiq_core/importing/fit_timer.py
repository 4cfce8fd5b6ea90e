"""When a FIT device's timer was stopped: auto-pause and the pause button.

Devices write an ``event`` message with ``event = timer`` each time the timer
starts or stops. A stop (``stop``, ``stop_all`` or one of the ``stop_disable``
kinds) followed by a start is a pause. The final stop, after which the timer never
starts again, ends the recording and is no pause. Moving time respects these
pauses (see :mod:`athletiq_core.metrics.moving`).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from athletiq_core.importing.common import as_utc

logger = logging.getLogger(__name__)

_STOPS = frozenset({"stop", "stop_all", "stop_disable", "stop_disable_all"})


def timer_event(values: dict[str, Any]) -> tuple[datetime, bool] | None:
    """(time, whether the timer runs from then on) of a timer event, else None."""
    if values.get("event") != "timer":
        return None
    time = as_utc(values.get("timestamp"))
    kind = values.get("event_type")
    if time is None or not isinstance(kind, str):
        return None
    if kind != "start" and kind not in _STOPS:
        return None
    return time, kind == "start"


def timer_pauses(
    events: list[tuple[datetime, bool]],
    start: datetime,
    until: datetime | None,
) -> list[tuple[float, float]]:
    """Pauses from ``start`` to ``until`` as seconds after ``start``, in order."""
    pauses: list[tuple[float, float]] = []
    stopped_at: datetime | None = None
    for time, runs in sorted(events, key=lambda event: event[0]):
        if time < start or (until is not None and time > until):
            continue
        if not runs and stopped_at is None:
            stopped_at = time
        elif runs and stopped_at is not None:
            if time > stopped_at:
                pauses.append(
                    (
                        (stopped_at - start).total_seconds(),
                        (time - start).total_seconds(),
                    )
                )
            stopped_at = None
    return pauses
