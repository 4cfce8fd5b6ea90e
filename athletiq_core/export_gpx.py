"""GPX 1.1 export of one activity's track, with heart rate, cadence and power.

Heart rate, cadence and temperature go into Garmin's TrackPointExtension v1
(``gpxtpx:hr``, ``gpxtpx:cad``, ``gpxtpx:atemp``). GPX has no standard power field;
power goes into a bare ``<power>`` element (watts) inside ``<extensions>``, the
convention of Strava's own GPX exports, which Strava, Garmin Connect and Golden
Cheetah read back.
"""

from __future__ import annotations

import logging
import math
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import gpxpy.gpx

from athletiq_core.errors import AthletiqError
from athletiq_core.streams import Streams, length

logger = logging.getLogger(__name__)

TPX_NAMESPACE = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
MAX_FILENAME_CHARS = 100
# ext4 and most Linux filesystems cap a name at 255 bytes; 100 Japanese characters
# would be 300 bytes in UTF-8, so the byte length is capped as well.
MAX_FILENAME_BYTES = 200
_FORBIDDEN = frozenset('/\\:*?"<>|')
# Controls, format characters (zero-width joiners), surrogates, private use,
# unassigned code points, and symbols (emoji, skin-tone modifiers): emoji are
# dropped so the name survives zip tools, FAT drives and HTTP headers alike.
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk"})
_EMOJI_MARKS = frozenset({0x20E3}) | frozenset(range(0xFE00, 0xFE10))
_TPX_FIELDS = (("temp", "atemp"), ("heartrate", "hr"), ("cadence", "cad"))


class GpxExportError(AthletiqError):
    """The activity cannot be written as GPX."""


@dataclass(frozen=True)
class GpxActivity:
    """What the GPX header needs: ``start_utc`` is the aware start instant."""

    activity_id: int
    name: str
    sport_type: str
    start_utc: datetime
    description: str | None = None


def activity_gpx(meta: GpxActivity, streams: Streams) -> str:
    """The activity as a GPX 1.1 document (UTF-8 text).

    Samples without a position are skipped. Raises :class:`GpxExportError` when no
    sample has one (indoor and manual activities).
    """
    if meta.start_utc.tzinfo is None:
        raise GpxExportError(
            f"Activity {meta.activity_id} has a start time without a time zone; "
            "GPX needs the UTC start."
        )
    candidates = (_point(meta, streams, i) for i in range(length(streams)))
    points = [point for point in candidates if point is not None]
    if not points:
        raise GpxExportError(
            f"Activity {meta.activity_id} has no GPS track (indoor or manual "
            "activity), so there is nothing to export as GPX."
        )
    gpx = _document(meta)
    gpx.tracks[0].segments[0].points.extend(points)
    logger.debug("GPX for activity %s: %d points", meta.activity_id, len(points))
    return gpx.to_xml(version="1.1")


def gpx_filename(activity_id: int, name: str, start_local_date: date) -> str:
    """A file name safe on Windows, macOS and Linux, e.g.
    ``2026-05-01_Morning_Run_12345.gpx``.

    Letters of any script are kept (NFC), ``& ' ( )`` and other harmless punctuation
    too; path and shell-reserved characters become ``_``; emoji and control
    characters are dropped. The whole name stays within 100 characters and 200
    UTF-8 bytes. It always starts with the date and ends with the id, so it is never
    empty and never a reserved Windows name such as ``CON``.
    """
    prefix, suffix = f"{start_local_date.isoformat()}_", f"_{activity_id}.gpx"
    room_chars = MAX_FILENAME_CHARS - len(prefix) - len(suffix)
    room_bytes = MAX_FILENAME_BYTES - len((prefix + suffix).encode())
    stem = _truncate(_clean(name), room_chars, room_bytes) or "activity"
    return f"{prefix}{stem}{suffix}"


def _document(meta: GpxActivity) -> gpxpy.gpx.GPX:
    gpx = gpxpy.gpx.GPX()
    gpx.creator = "Athletiq"
    gpx.nsmap["gpxtpx"] = TPX_NAMESPACE
    gpx.name = meta.name
    gpx.description = meta.description
    gpx.time = meta.start_utc.astimezone(UTC)
    track = gpxpy.gpx.GPXTrack(name=meta.name)
    track.type = meta.sport_type
    track.segments.append(gpxpy.gpx.GPXTrackSegment())
    gpx.tracks.append(track)
    return gpx


def _point(
    meta: GpxActivity, streams: Streams, i: int
) -> gpxpy.gpx.GPXTrackPoint | None:
    lat, lng = _value(streams, "lat", i), _value(streams, "lng", i)
    if lat is None or lng is None or abs(lat) > 90 or abs(lng) > 180:
        return None
    altitude, offset = _value(streams, "altitude", i), _value(streams, "time", i)
    point = gpxpy.gpx.GPXTrackPoint(
        latitude=lat,
        longitude=lng,
        elevation=round(altitude, 1) if altitude is not None else None,
        time=_point_time(meta.start_utc, offset),
    )
    point.extensions.extend(_extensions(streams, i))
    return point


def _point_time(start_utc: datetime, offset_s: float | None) -> datetime | None:
    if offset_s is None:
        return None
    return start_utc.astimezone(UTC) + timedelta(seconds=offset_s)


def _extensions(streams: Streams, i: int) -> list[ET.Element]:
    elements = []
    watts = _value(streams, "watts", i)
    if watts is not None:
        elements.append(_element("power", watts))
    tpx = ET.Element(f"{{{TPX_NAMESPACE}}}TrackPointExtension")
    for key, tag in _TPX_FIELDS:
        value = _value(streams, key, i)
        if value is not None:
            tpx.append(_element(f"{{{TPX_NAMESPACE}}}{tag}", value))
    if len(tpx):
        elements.append(tpx)
    return elements


def _element(tag: str, value: float) -> ET.Element:
    element = ET.Element(tag)
    element.text = str(round(value))
    return element


def _value(streams: Streams, key: str, i: int) -> float | None:
    values = streams.get(key)
    if values is None or i >= len(values):
        return None
    value = values[i]
    if value is None or not math.isfinite(value):
        return None
    return float(value)


def _clean(name: str) -> str:
    text = unicodedata.normalize("NFC", name or "")
    kept = "".join(_clean_char(char) for char in text)
    while "__" in kept:
        kept = kept.replace("__", "_")
    return kept.strip("_.- ")


def _clean_char(char: str) -> str:
    if char.isspace() or char in _FORBIDDEN:
        return "_"
    if unicodedata.category(char) in _DROPPED_CATEGORIES or ord(char) in _EMOJI_MARKS:
        return ""
    return char


def _truncate(text: str, max_chars: int, max_bytes: int) -> str:
    cut = min(len(text), max_chars)
    while cut > 0 and len(text[:cut].encode()) > max_bytes:
        cut -= 1
    # Never end between a letter and its combining accent.
    while 0 < cut < len(text) and unicodedata.category(text[cut]).startswith("M"):
        cut -= 1
    return text[:cut].strip("_.- ")
