"""Heart rate a strap stored apart from the records: FIT ``hr`` messages.

A chest strap made for swimming cannot transmit under water, so it stores the
beats itself and the watch writes them afterwards as ``hr`` messages instead of
filling the records' heart rate. Each message holds up to eight filtered
readings; their times are 12-bit counters in 1/1024 s that roll over every four
seconds, so each one continues from the one before. A message with a full
``event_timestamp`` and a ``timestamp`` anchors those counters to the clock.

:func:`fill_heart_rate` gives a record without heart rate the reading taken at
most :data:`MAX_READING_AGE_S` before it. Records that have their own heart rate
keep it.
"""

from __future__ import annotations

import bisect
import logging
from datetime import datetime, timedelta
from typing import Any

from athletiq_core.importing.common import Sample, as_utc, to_float

logger = logging.getLogger(__name__)

MAX_READING_AGE_S = 5.0
_TICKS_PER_S = 1024
_COUNTER = 0x1000  # 12-bit counter: 4 seconds of 1/1024 s ticks


def hr_readings(messages: list[dict[str, Any]]) -> list[tuple[datetime, float]]:
    """(time, bpm) of every reading in ``messages``, in time order.

    Readings before the first anchor cannot be placed in time and are dropped.
    """
    readings: list[tuple[datetime, float]] = []
    anchor: tuple[datetime, int] | None = None
    last = 0
    for message in messages:
        bpms = _as_tuple(message.get("filtered_bpm"))
        new_anchor = _anchor(message)
        if new_anchor is not None:
            anchor, last = new_anchor, new_anchor[1]
            readings.extend((anchor[0], bpm) for bpm in bpms[:1] if bpm)
            continue
        if anchor is None:
            continue
        for counter, bpm in zip(_counters(message), bpms, strict=False):
            last = _continue(last, counter)
            moment = anchor[0] + timedelta(seconds=(last - anchor[1]) / _TICKS_PER_S)
            if bpm:
                readings.append((moment, float(bpm)))
    readings.sort(key=lambda reading: reading[0])
    return readings


def fill_heart_rate(records: list[Sample], readings: list[tuple[datetime, float]]):
    """Set the heart rate of records without one from ``readings`` (see module)."""
    if not readings:
        return
    times = [moment for moment, _ in readings]
    limit = timedelta(seconds=MAX_READING_AGE_S)
    filled = 0
    for record in records:
        if record.get("heartrate") is not None:
            continue
        index = bisect.bisect_right(times, record["time"]) - 1
        if index >= 0 and record["time"] - times[index] <= limit:
            record["heartrate"] = readings[index][1]
            filled += 1
    logger.debug("Heart rate from hr messages filled %d records", filled)


def _anchor(message: dict[str, Any]) -> tuple[datetime, int] | None:
    """(clock time, ticks) of a message that ties the counters to the clock."""
    moment = as_utc(message.get("timestamp"))
    ticks = to_float(message.get("event_timestamp"))
    if moment is None or ticks is None:
        return None
    fraction = to_float(message.get("fractional_timestamp")) or 0.0
    return moment + timedelta(seconds=fraction), round(ticks * _TICKS_PER_S)


def _counters(message: dict[str, Any]) -> list[int]:
    """The 12-bit counters packed little-endian into ``event_timestamp_12``."""
    packed = _as_tuple(message.get("event_timestamp_12"))
    if not packed or not all(isinstance(byte, int) for byte in packed):
        return []
    value = int.from_bytes(bytes(b & 0xFF for b in packed), "little")
    return [(value >> (12 * i)) & 0xFFF for i in range(len(packed) * 8 // 12)]


def _continue(last: int, counter: int) -> int:
    """The full tick count after ``last`` whose low 12 bits are ``counter``."""
    ticks = (last & ~(_COUNTER - 1)) | counter
    return ticks + _COUNTER if ticks < last else ticks


def _as_tuple(value: Any) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, (tuple, list)) else (value,)
