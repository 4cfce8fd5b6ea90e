"""Write a generated activity as a FIT activity file, as a watch would.

The file holds file_id, device_info, a timer start event, one record per second,
a timer stop event, the laps, one session with the totals and the activity
message (whose local timestamp carries the UTC offset). Everything comes from
the activity's generated streams and detail laps.
"""

from __future__ import annotations

import logging
from datetime import UTC
from pathlib import Path

from athletiq_core.demo.clock import parse_z
from athletiq_core.demo.config import DemoConfig
from athletiq_core.demo.fitcodec import FitWriter
from athletiq_core.demo.fitmessages import (
    activity_message,
    device_messages,
    lap_columns,
    session_message,
    timer_event,
)
from athletiq_core.demo.laps import laps
from athletiq_core.demo.summary import kind_of
from athletiq_core.demo.tracks import activity_workout, generate_streams
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

# canonical stream key -> fit-tool RecordMessage field
_RECORD_FIELDS = (
    ("lat", "position_lat"),
    ("lng", "position_long"),
    ("distance", "distance"),
    ("altitude", "altitude"),
    ("heartrate", "heart_rate"),
    ("cadence", "cadence"),
    ("watts", "power"),
    ("velocity", "speed"),
    ("temp", "temperature"),
)


def write_fit(
    cfg: DemoConfig, summary: dict, path: str | Path, streams: Streams | None = None
) -> Path:
    """Write ``summary``'s activity to ``path`` as a FIT file; returns the path.

    ``streams`` may be passed when already generated for this summary (to write
    both a FIT and a GPX file, say). Raises ValueError for manual activities,
    which have no recording.
    """
    streams = streams if streams is not None else generate_streams(cfg, summary)
    if not streams:
        raise ValueError(f"activity {summary['id']} is manual and has no FIT file")
    start_ms = _unix_ms(summary["start_date"])
    end_ms = start_ms + int(streams["time"][-1]) * 1000
    found = laps(summary, kind_of(summary), streams, activity_workout(cfg, summary))
    writer = FitWriter()
    for message, values in device_messages(summary, start_ms):
        writer.add(message, values)
    writer.add("event", timer_event(start_ms, stop=False))
    writer.add_columns("record", _record_columns(streams, start_ms))
    writer.add("event", timer_event(end_ms, stop=True))
    writer.add_columns("lap", lap_columns(summary, streams, found, start_ms))
    writer.add(
        "session", session_message(summary, streams, start_ms, end_ms, len(found))
    )
    writer.add("activity", activity_message(summary, end_ms))
    target = Path(path)
    target.write_bytes(writer.file_bytes())
    logger.debug("Wrote FIT file %s (%d records)", target, len(streams["time"]))
    return target


def _unix_ms(text: str) -> int:
    return int(parse_z(text).replace(tzinfo=UTC).timestamp()) * 1000


def _record_columns(streams: Streams, start_ms: int) -> dict[str, list]:
    columns: dict[str, list] = {
        "timestamp": [start_ms + t * 1000 for t in streams["time"]]
    }
    for key, name in _RECORD_FIELDS:
        if key in streams:
            columns[name] = streams[key]
    return columns
