"""Activity streams: per-sample series kept in memory as plain lists, stored compactly.

A :class:`Streams` maps a canonical key to a list with one value per sample; every
list has the same length and index *i* of each refers to the same sample. Missing
samples are ``None``. Keys and units:

========== =========================================
time       seconds since the activity start (float)
distance   metres from the start (float)
lat, lng   degrees (float)
altitude   metres (float)
heartrate  beats per minute
cadence    rpm (for runs, steps of one leg per minute, as Strava and FIT give it)
watts      watts
velocity   metres per second
temp       degrees Celsius
moving     1.0 when moving, 0.0 when stopped
========== =========================================

Storage packs each series as a little-endian float array (NaN for missing) and
compresses the whole set with zlib: a 10,000-point run with six series is about
100 kB instead of 60,000 table rows.
"""

from __future__ import annotations

import json
import math
import struct
import zlib
from typing import Any

STREAM_KEYS = (
    "time",
    "distance",
    "lat",
    "lng",
    "altitude",
    "heartrate",
    "cadence",
    "watts",
    "velocity",
    "temp",
    "moving",
)

# Strava stream type -> canonical key (``latlng`` is split into lat and lng).
_STRAVA_KEYS = {
    "time": "time",
    "distance": "distance",
    "altitude": "altitude",
    "heartrate": "heartrate",
    "cadence": "cadence",
    "watts": "watts",
    "velocity_smooth": "velocity",
    "temp": "temp",
    "moving": "moving",
}

# Positions need double precision (a float32 degree is only good to about a metre).
_DOUBLE_KEYS = frozenset({"lat", "lng", "time", "distance"})
_FORMAT_VERSION = 1

Streams = dict[str, list[float | None]]


class StreamFormatError(ValueError):
    """A stored or received stream set could not be understood."""


def length(streams: Streams) -> int:
    """Number of samples in ``streams`` (0 when empty)."""
    return max((len(values) for values in streams.values()), default=0)


def validate(streams: Streams) -> None:
    """Raise :class:`StreamFormatError` if keys are unknown or lengths differ."""
    unknown = set(streams) - set(STREAM_KEYS)
    if unknown:
        raise StreamFormatError(f"unknown stream keys: {sorted(unknown)}")
    lengths = {key: len(values) for key, values in streams.items()}
    if len(set(lengths.values())) > 1:
        raise StreamFormatError(f"streams have different lengths: {lengths}")


def from_strava(stream_set: Any) -> Streams:
    """Convert Strava's ``key_by_type=true`` StreamSet JSON into :class:`Streams`.

    Unknown stream types (``grade_smooth``) are dropped; a missing type is simply
    absent. Raises :class:`StreamFormatError` when the payload has the wrong shape.
    """
    if not isinstance(stream_set, dict):
        raise StreamFormatError("stream set is not a JSON object keyed by type")
    streams: Streams = {}
    for strava_key, stream in stream_set.items():
        data = stream.get("data") if isinstance(stream, dict) else None
        if not isinstance(data, list):
            continue
        if strava_key == "latlng":
            streams["lat"] = [_pair_part(point, 0) for point in data]
            streams["lng"] = [_pair_part(point, 1) for point in data]
        elif strava_key in _STRAVA_KEYS:
            streams[_STRAVA_KEYS[strava_key]] = [_number(value) for value in data]
    validate(streams)
    return streams


def to_strava(streams: Streams) -> dict[str, dict[str, Any]]:
    """Inverse of :func:`from_strava`, for the fake Strava server and exports."""
    reverse = {canonical: key for key, canonical in _STRAVA_KEYS.items()}
    out: dict[str, dict[str, Any]] = {}
    for key, values in streams.items():
        if key in reverse:
            out[reverse[key]] = _strava_stream(values)
    if "lat" in streams and "lng" in streams:
        pairs = [list(p) for p in zip(streams["lat"], streams["lng"], strict=True)]
        out["latlng"] = _strava_stream(pairs)
    return out


def encode(streams: Streams) -> bytes:
    """Pack ``streams`` into a compressed blob for the database."""
    validate(streams)
    keys = [key for key in STREAM_KEYS if key in streams]
    header = {"v": _FORMAT_VERSION, "n": length(streams), "keys": keys}
    parts = [json.dumps(header).encode()]
    for key in keys:
        code = "d" if key in _DOUBLE_KEYS else "f"
        values = [math.nan if v is None else float(v) for v in streams[key]]
        parts.append(struct.pack(f"<{len(values)}{code}", *values))
    head_len = struct.pack("<I", len(parts[0]))
    return zlib.compress(head_len + b"".join(parts), level=6)


def decode(blob: bytes) -> Streams:
    """Unpack a blob made by :func:`encode`; missing samples come back as None."""
    try:
        raw = zlib.decompress(blob)
        (head_len,) = struct.unpack_from("<I", raw)
        header = json.loads(raw[4 : 4 + head_len])
        count, offset = header["n"], 4 + head_len
        streams: Streams = {}
        for key in header["keys"]:
            code = "d" if key in _DOUBLE_KEYS else "f"
            values = struct.unpack_from(f"<{count}{code}", raw, offset)
            offset += struct.calcsize(f"<{count}{code}")
            streams[key] = [None if math.isnan(v) else v for v in values]
    except (zlib.error, struct.error, ValueError, KeyError, TypeError) as exc:
        raise StreamFormatError(f"stored streams are unreadable: {exc}") from exc
    return streams


def _strava_stream(values: list[Any]) -> dict[str, Any]:
    return {
        "data": values,
        "series_type": "distance",
        "original_size": len(values),
        "resolution": "high",
    }


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, int | float) and math.isfinite(value):
        return float(value)
    return None


def _pair_part(point: Any, index: int) -> float | None:
    if isinstance(point, list | tuple) and len(point) == 2:
        return _number(point[index])
    return None
