"""Write a generated activity as a GPX 1.1 track with Garmin's extensions.

Heart rate and cadence go into ``gpxtpx:TrackPointExtension`` (version 2), the
way Garmin Connect and Strava export them; power, which GPX has no standard
place for, is left out. The XML is written directly: the tree API of gpxpy is
far too slow for files with tens of thousands of points.
"""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from athletiq_core.demo.clock import iso_z, parse_z
from athletiq_core.demo.config import DemoConfig
from athletiq_core.demo.summary import kind_of
from athletiq_core.demo.tracks import generate_streams
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gpx version="1.1" creator="Athletiq demo ({device})" '
    'xmlns="http://www.topografix.com/GPX/1/1" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2" '
    'xsi:schemaLocation="http://www.topografix.com/GPX/1/1 '
    'http://www.topografix.com/GPX/1/1/gpx.xsd">\n'
    " <metadata><time>{start}</time></metadata>\n"
    " <trk>\n  <name>{name}</name>\n  <type>{kind}</type>\n  <trkseg>\n"
)
_TAIL = "  </trkseg>\n </trk>\n</gpx>\n"


def write_gpx(
    cfg: DemoConfig, summary: dict, path: str | Path, streams: Streams | None = None
) -> Path:
    """Write ``summary``'s GPS track to ``path`` as GPX 1.1; returns the path.

    ``streams`` may be passed when already generated for this summary. Raises
    ValueError for activities without a GPS track (indoor, pool, gym or manual
    activities).
    """
    streams = streams if streams is not None else generate_streams(cfg, summary)
    if "lat" not in streams:
        raise ValueError(f"activity {summary['id']} has no GPS track to write")
    start = parse_z(summary["start_date"]).replace(tzinfo=UTC)
    head = _HEAD.format(
        device=escape(summary.get("device_name", ""), {'"': "&quot;"}),
        start=iso_z(start),
        name=escape(summary["name"]),
        kind=kind_of(summary),
    )
    points = _points(streams, start)
    target = Path(path)
    target.write_text(head + "".join(points) + _TAIL, encoding="utf-8")
    logger.debug("Wrote GPX file %s (%d points)", target, len(points))
    return target


def _points(streams, start: datetime) -> list[str]:
    count = len(streams["time"])
    times = _times(start, count)
    extensions = _extensions(streams.get("heartrate"), streams.get("cadence"), count)
    return [
        f'   <trkpt lat="{lat:.7f}" lon="{lng:.7f}"><ele>{ele:.1f}</ele>'
        f"<time>{when}</time>{extension}</trkpt>\n"
        for lat, lng, ele, when, extension in zip(
            streams["lat"],
            streams["lng"],
            streams["altitude"],
            times,
            extensions,
            strict=True,
        )
    ]


def _times(start: datetime, count: int) -> list[str]:
    # Samples are a second apart: only the seconds change within a minute, so
    # the date and time up to the minute are formatted once per minute.
    first = int(start.timestamp())
    out, minute, prefix = [], None, ""
    for moment in range(first, first + count):
        if moment // 60 != minute:
            minute = moment // 60
            prefix = time.strftime("%Y-%m-%dT%H:%M:", time.gmtime(minute * 60))
        out.append(f"{prefix}{moment % 60:02d}Z")
    return out


def _extensions(hr: list | None, cad: list | None, count: int) -> list[str]:
    if not hr and not cad:
        return [""] * count
    beats = [f"<gpxtpx:hr>{int(v)}</gpxtpx:hr>" for v in hr] if hr else [""] * count
    steps = [f"<gpxtpx:cad>{int(v)}</gpxtpx:cad>" for v in cad] if cad else [""] * count
    return [
        f"<extensions><gpxtpx:TrackPointExtension>{b}{c}"
        "</gpxtpx:TrackPointExtension></extensions>"
        for b, c in zip(beats, steps, strict=True)
    ]
