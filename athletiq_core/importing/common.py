"""Helpers shared by the FIT, GPX and TCX readers.

A reader collects *samples*: dicts with an aware UTC ``time`` and any of the
canonical stream keys (``lat``, ``lng``, ``altitude``, ``heartrate``, ``cadence``,
``watts``, ``velocity``, ``temp``, ``distance``) in the units of
:mod:`athletiq_core.streams`. :func:`build_streams` turns them into
:data:`~athletiq_core.streams.Streams`, dropping values no sensor can produce
(a heart rate of 255, a position of 0°, 0°) so a damaged file cannot put nonsense
into the database.
"""

from __future__ import annotations

import logging
import math
import re
from datetime import UTC, datetime
from typing import Any

from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

Sample = dict[str, Any]

SAMPLE_KEYS = (
    "distance",
    "lat",
    "lng",
    "altitude",
    "heartrate",
    "cadence",
    "watts",
    "velocity",
    "temp",
)

# Outside these bounds a value is a sensor error or a damaged byte, not a reading.
_LIMITS = {
    "distance": (0.0, 2_000_000.0),
    "lat": (-90.0, 90.0),
    "lng": (-180.0, 180.0),
    "altitude": (-500.0, 9_000.0),
    "heartrate": (20.0, 250.0),
    "cadence": (0.0, 300.0),
    "watts": (0.0, 3_000.0),
    "velocity": (0.0, 100.0),
    "temp": (-60.0, 70.0),
}

# Strava's GPX exports put a number in <type>; only these codes are certain.
_STRAVA_TYPE_CODES = {"1": "Ride", "4": "Hike", "9": "Run", "10": "Walk", "16": "Swim"}

_SPORT_LABELS = {
    "Run": ("run", "running", "roadrunning", "treadmill", "treadmillrunning"),
    "TrailRun": ("trailrun", "trailrunning"),
    "Ride": ("ride", "biking", "cycling", "roadbiking", "bike", "roadcycling"),
    "MountainBikeRide": ("mountainbikeride", "mountainbiking", "mtb", "mountain"),
    "GravelRide": ("gravelride", "gravelcycling", "gravel"),
    "EBikeRide": ("ebikeride", "ebiking", "ebike"),
    "VirtualRide": ("virtualride", "virtualcycling"),
    "VirtualRun": ("virtualrun",),
    "Swim": ("swim", "swimming", "lapswimming", "openwater", "openwaterswimming"),
    "Walk": ("walk", "walking"),
    "Hike": ("hike", "hiking"),
    "NordicSki": ("nordicski", "crosscountryskiing", "crosscountryski", "xcski"),
    "AlpineSki": ("alpineski", "alpineskiing", "downhillskiing", "resortskiing"),
    "BackcountrySki": ("backcountryski", "backcountryskiing"),
    "Snowboard": ("snowboard", "snowboarding"),
    "Snowshoe": ("snowshoe", "snowshoeing"),
    "Rowing": ("rowing", "row", "indoorrowing"),
    "Kayaking": ("kayaking", "kayak"),
    "Canoeing": ("canoeing", "canoe"),
    "StandUpPaddling": ("standuppaddling", "sup", "standuppaddleboarding"),
    "WeightTraining": ("weighttraining", "strengthtraining", "strength"),
    "Yoga": ("yoga",),
    "InlineSkate": ("inlineskate", "inlineskating"),
    "IceSkate": ("iceskate", "iceskating"),
    "Elliptical": ("elliptical",),
    "StairStepper": ("stairstepper", "stairclimbing"),
    "RockClimbing": ("rockclimbing", "climbing"),
    "Golf": ("golf",),
    "Surfing": ("surfing", "surf"),
    "Workout": ("workout", "other", "generic", "training", "cardio"),
}
_SPORT_BY_LABEL = {
    label: sport for sport, labels in _SPORT_LABELS.items() for label in labels
}

_PREFIX_USE = re.compile(
    r"</?([A-Za-z_][\w.-]*):[A-Za-z_]|\s([A-Za-z_][\w.-]*):[\w.-]+="
)
_PREFIX_DECLARATION = re.compile(r"xmlns:([A-Za-z_][\w.-]*)\s*=")
_DECLARED_ENCODING = re.compile(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")


def build_streams(samples: list[Sample], start: datetime) -> Streams:
    """Streams from ``samples`` in time order; ``time`` is seconds after ``start``.

    Keys with no value at all are left out. A position is kept only when both
    latitude and longitude are valid and not exactly 0°, 0° (a device without a
    fix writes that).
    """
    ordered = sorted(samples, key=lambda sample: sample["time"])
    streams: Streams = {
        "time": [(sample["time"] - start).total_seconds() for sample in ordered]
    }
    for key in SAMPLE_KEYS:
        values = [clean_value(key, sample.get(key)) for sample in ordered]
        if any(value is not None for value in values):
            streams[key] = values
    _pair_positions(streams)
    return streams


def clean_value(key: str, value: Any) -> float | None:
    """``value`` as a float when it is a plausible reading for ``key``, else None."""
    number = to_float(value)
    if number is None:
        return None
    low, high = _LIMITS[key]
    return number if low <= number <= high else None


def to_float(value: Any) -> float | None:
    """A finite float from a number or numeric text, else None."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = float(value.strip() if isinstance(value, str) else value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _pair_positions(streams: Streams) -> None:
    lats, lngs = streams.get("lat"), streams.get("lng")
    if lats is None or lngs is None:
        streams.pop("lat", None)
        streams.pop("lng", None)
        return
    for index, (lat, lng) in enumerate(zip(lats, lngs, strict=True)):
        if lat is None or lng is None or (lat == 0.0 and lng == 0.0):
            lats[index] = lngs[index] = None
    if all(lat is None for lat in lats):
        del streams["lat"], streams["lng"]


def first_position(streams: Streams) -> tuple[float, float] | None:
    """The first (latitude, longitude) of the streams, or None without any."""
    for lat, lng in zip(streams.get("lat", []), streams.get("lng", []), strict=False):
        if lat is not None and lng is not None:
            return lat, lng
    return None


def has_positions(streams: Streams) -> bool:
    """True when at least one sample has a GPS position."""
    return any(lat is not None for lat in streams.get("lat", []))


def sport_from_label(label: str | None) -> str | None:
    """The Strava sport_type for a free-text sport label or Strava GPX code.

    Returns None for a label Athletiq does not recognise.
    """
    if not label:
        return None
    text = label.strip()
    if text in _STRAVA_TYPE_CODES:
        return _STRAVA_TYPE_CODES[text]
    key = re.sub(r"[^a-z]", "", text.lower())
    return _SPORT_BY_LABEL.get(key)


def as_utc(moment: Any) -> datetime | None:
    """An aware UTC datetime from ``moment``; naive datetimes are taken as UTC."""
    if not isinstance(moment, datetime):
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


# No satellite-timed recording predates 1990 (the FIT epoch is 1989-12-31); an
# earlier time is a placeholder such as 1901-12-13, the most negative 32-bit Unix
# time. A clock set in the future is kept: it may be a real recording.
EARLIEST_RECORDING = datetime(1990, 1, 1, tzinfo=UTC)


def recorded_time(moment: datetime | None) -> datetime | None:
    """``moment`` if it can be the time of a recorded point, else None."""
    if moment is None or moment < EARLIEST_RECORDING:
        return None
    return moment


def parse_time(text: str | None) -> datetime | None:
    """An aware UTC datetime from ISO 8601 text such as ``2014-10-11T18:08:45Z``."""
    if not text:
        return None
    try:
        return as_utc(datetime.fromisoformat(text.strip()))
    except ValueError:
        return None


def describe_duration(seconds: float) -> str:
    """Seconds as a short phrase for messages: "38 s", "41 min", "2 h 5 min"."""
    seconds = max(0.0, seconds)
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h" if minutes == 0 else f"{hours} h {minutes} min"


def xml_bytes(data: bytes) -> bytes:
    """``data`` with a byte-order mark and whitespace before the first tag removed.

    Some exporters write spaces or blank lines before the XML declaration, which
    strict parsers reject ("XML declaration not at start of entity").
    """
    stripped = data.lstrip()
    if stripped.startswith(b"\xef\xbb\xbf"):
        stripped = stripped[3:].lstrip()
    return stripped


def xml_text(data: bytes) -> str:
    """XML ``data`` as text, decoded with the encoding its declaration names.

    Undecodable bytes become U+FFFD rather than failing the whole file.
    """
    cleaned = xml_bytes(data)
    declared = _DECLARED_ENCODING.match(cleaned[:200])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    try:
        return cleaned.decode(encoding, errors="replace")
    except LookupError:
        return cleaned.decode("utf-8", errors="replace")


def declare_missing_prefixes(text: str, root_tag: str) -> tuple[str, list[str]]:
    """Declare namespace prefixes that ``text`` uses but never declares.

    Some converters write ``<gpxdata:cadence>`` without ``xmlns:gpxdata``, which
    no namespace-aware parser accepts. Each missing prefix gets a placeholder
    namespace on the ``root_tag`` element. Returns the text and the prefixes added.
    """
    used = {prefix for match in _PREFIX_USE.findall(text) for prefix in match}
    declared = set(_PREFIX_DECLARATION.findall(text))
    missing = sorted(used - declared - {"", "xml", "xmlns"})
    root = re.search(rf"<{root_tag}\b", text)
    if not missing or root is None:
        return text, []
    declarations = "".join(
        f' xmlns:{prefix}="urn:athletiq:undeclared:{prefix}"' for prefix in missing
    )
    return text[: root.end()] + declarations + text[root.end() :], missing


TOTALS_ONLY_NOTE = (
    "the file has no recorded samples, only the device's totals: it was imported "
    "from those, without a map, splits or best efforts"
)


def undeclared_prefixes_note(added: list[str]) -> str:
    """The warning for prefixes :func:`declare_missing_prefixes` declared."""
    return (
        "the file uses XML namespace prefixes it never declares "
        f"({', '.join(added)}); they were declared so the file could be read"
    )


def local_name(tag: Any) -> str:
    """An XML tag without its ``{namespace}`` or ``prefix:`` part."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


_XML_TOKEN = re.compile(
    r"<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<!.*?>"
    r"|<(?P<closing>/?)(?P<name>[A-Za-z_][\w:.-]*)(?:\s[^>]*?)?(?P<empty>/?)>",
    re.S,
)


def close_cut_short_xml(text: str, point_tag: str) -> str | None:
    """``text`` cut after its last complete ``point_tag`` element and closed.

    A device or app that dies mid-recording leaves an XML file that simply stops.
    The part up to the last complete point is intact: this returns it with every
    element still open at that point closed, in order. Returns None when the file
    is not merely cut short (no complete point, a closing tag that does not match
    what is open, or a root element that is closed after all): that is damage of
    another kind.
    """
    ends = list(re.finditer(rf"</(?:[\w.-]+:)?{point_tag}\s*>", text))
    if not ends:
        return None
    prefix = text[: ends[-1].end()]
    open_elements: list[str] = []
    for token in _XML_TOKEN.finditer(prefix):
        name = token.group("name")
        if name is None or token.group("empty"):
            continue
        if not token.group("closing"):
            open_elements.append(name)
        elif open_elements and open_elements[-1] == name:
            open_elements.pop()
        else:
            return None
    rest = text[len(prefix) :]
    if not open_elements or re.search(rf"</{open_elements[0]}\s*>", rest):
        return None
    return prefix + "".join(f"</{name}>" for name in reversed(open_elements))


def cut_short_note(recovered_s: float) -> str:
    """The warning for an XML file recovered by :func:`close_cut_short_xml`."""
    return (
        "the file ends early, cut off in the middle of the recording: recovered "
        f"{describe_duration(recovered_s)} up to its last complete point; anything "
        "recorded after that was lost"
    )
