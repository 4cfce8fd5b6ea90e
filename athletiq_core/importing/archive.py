"""Reading ``activities.csv`` from Strava's "download your data" archive.

Five column names appear twice (``Elapsed Time``, ``Distance``, ``Max Heart
Rate``, ``Relative Effort``, ``Commute``): the first copy is formatted for display
in the account's units, the second is raw (metres, seconds). Only raw copies are
used. Headers and dates follow the account's language; column order does not, so
a header that is not English is read by position. ``Activity Date`` is UTC.
``Filename`` is the path inside the archive and does not always match the id.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
from dataclasses import dataclass, field

logger = logging.getLogger(__name__)


@dataclass
class ArchiveRow:
    """One archive activity. Distances in metres, times in seconds, speeds m/s."""

    strava_id: int
    start_utc: dt.datetime | None  # naive UTC
    name: str
    activity_type: str
    description: str | None = None
    gear_name: str | None = None
    filename: str | None = None
    commute: bool = False
    flagged: bool = False
    values: dict[str, float | None] = field(default_factory=dict)


# field -> (English header, occurrence, position in the 2020+ layout)
_COLUMNS: dict[str, tuple[str, int, int]] = {
    "id": ("Activity ID", 0, 0),
    "date": ("Activity Date", 0, 1),
    "name": ("Activity Name", 0, 2),
    "type": ("Activity Type", 0, 3),
    "description": ("Activity Description", 0, 4),
    "gear": ("Activity Gear", 0, 11),
    "filename": ("Filename", 0, 12),
    "elapsed_time": ("Elapsed Time", 1, 15),
    "moving_time": ("Moving Time", 0, 16),
    "distance": ("Distance", 1, 17),
    "max_speed": ("Max Speed", 0, 18),
    "average_speed": ("Average Speed", 0, 19),
    "total_elevation_gain": ("Elevation Gain", 0, 20),
    "elev_low": ("Elevation Low", 0, 22),
    "elev_high": ("Elevation High", 0, 23),
    "average_cadence": ("Average Cadence", 0, 29),
    "max_heartrate": ("Max Heart Rate", 1, 30),
    "average_heartrate": ("Average Heart Rate", 0, 31),
    "max_watts": ("Max Watts", 0, 32),
    "average_watts": ("Average Watts", 0, 33),
    "calories": ("Calories", 0, 34),
    "suffer_score": ("Relative Effort", 1, 37),
    "weighted_average_watts": ("Weighted Average Power", 0, 46),
    "commute": ("Commute", 1, 50),
    "flagged": ("Flagged", 0, 79),
}
_NUMERIC = (
    "elapsed_time",
    "moving_time",
    "distance",
    "max_speed",
    "average_speed",
    "total_elevation_gain",
    "elev_low",
    "elev_high",
    "average_cadence",
    "max_heartrate",
    "average_heartrate",
    "max_watts",
    "average_watts",
    "calories",
    "suffer_score",
    "weighted_average_watts",
)
_MONTHS = {
    # English, French, German, Spanish, Italian, Dutch, Portuguese abbreviations.
    **dict.fromkeys(("jan", "janv", "jän", "ene", "gen"), 1),
    **dict.fromkeys(("feb", "févr", "fév", "fev", "fevr"), 2),
    **dict.fromkeys(("mar", "mars", "mär", "mrt"), 3),
    **dict.fromkeys(("apr", "avr", "abr"), 4),
    **dict.fromkeys(("may", "mai", "mei", "mag", "mayo"), 5),
    **dict.fromkeys(("jun", "juin", "giu"), 6),
    **dict.fromkeys(("jul", "juil", "lug"), 7),
    **dict.fromkeys(("aug", "août", "aout", "ago"), 8),
    **dict.fromkeys(("sep", "sept", "set"), 9),
    **dict.fromkeys(("oct", "okt", "ott", "out"), 10),
    **dict.fromkeys(("nov",), 11),
    **dict.fromkeys(("dec", "déc", "dez", "dic"), 12),
}
_DATE_RE = re.compile(
    r"^\s*(?:(?P<mon1>[^\d\s,.]+)\.?\s+(?P<day1>\d{1,2})|(?P<day2>\d{1,2})\.?\s+"
    r"(?P<mon2>[^\d\s,.]+)\.?)\s*,?\s+(?P<year>\d{4}),?\s+(?P<h>\d{1,2}):(?P<m>\d{2})"
    r":(?P<s>\d{2})\s*(?P<ampm>[AaPp]\.?\s?[Mm]\.?)?\s*$"
)


class ArchiveFormatError(ValueError):
    """``activities.csv`` is not the file Strava's archive contains."""


def read_activities_csv(text: str) -> tuple[list[ArchiveRow], list[str]]:
    """Rows of an ``activities.csv`` and a warning per row that was skipped."""
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not table or len(table[0]) < 18:
        raise ArchiveFormatError(
            "activities.csv has no header with the columns Strava's archive uses; "
            "is this the file from the archive's top folder?"
        )
    positions = _positions(table[0])
    rows, warnings = [], []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue
        try:
            rows.append(_row(cells, positions))
        except (ValueError, IndexError) as exc:
            warnings.append(f"activities.csv line {number} skipped: {exc}")
    return rows, warnings


def parse_archive_date(text: str) -> dt.datetime | None:
    """``"May 29, 2022, 3:53:35 PM"`` (or ``"27 juil. 2026, 14:03:11"``) → naive UTC."""
    match = _DATE_RE.match(text.replace("\u202f", " ").replace("\xa0", " "))
    if not match:
        return None
    month_name = (match["mon1"] or match["mon2"]).lower().rstrip(".")
    month = _MONTHS.get(month_name) or _MONTHS.get(month_name[:3])
    if month is None:
        return None
    hour = int(match["h"]) % 12 if match["ampm"] else int(match["h"])
    if match["ampm"] and match["ampm"][0] in "Pp":
        hour += 12
    day = int(match["day1"] or match["day2"])
    return dt.datetime(
        int(match["year"]), month, day, hour, int(match["m"]), int(match["s"])
    )


def _positions(header: list[str]) -> dict[str, int]:
    if header[0].strip() != "Activity ID":
        logger.info("activities.csv header is not English; reading columns by position")
        return {key: position for key, (_n, _o, position) in _COLUMNS.items()}
    seen: dict[str, list[int]] = {}
    for index, name in enumerate(header):
        seen.setdefault(name.strip(), []).append(index)
    positions = {}
    for key, (name, occurrence, position) in _COLUMNS.items():
        found = seen.get(name, [])
        positions[key] = found[min(occurrence, len(found) - 1)] if found else position
    return positions


def _cell(cells: list[str], positions: dict[str, int], key: str) -> str:
    index = positions[key]
    return cells[index].strip() if index < len(cells) else ""


def _row(cells: list[str], positions: dict[str, int]) -> ArchiveRow:
    raw_id = _cell(cells, positions, "id")
    if not raw_id.isdigit():
        raise ValueError(f"'{raw_id}' is not an activity id")
    filename = _cell(cells, positions, "filename")
    return ArchiveRow(
        strava_id=int(raw_id),
        start_utc=parse_archive_date(_cell(cells, positions, "date")),
        name=_cell(cells, positions, "name"),
        activity_type=_cell(cells, positions, "type"),
        description=_cell(cells, positions, "description") or None,
        gear_name=_cell(cells, positions, "gear") or None,
        filename=filename if filename and filename != "#error#" else None,
        commute=_flag(_cell(cells, positions, "commute")),
        flagged=_flag(_cell(cells, positions, "flagged")),
        values={key: _number(_cell(cells, positions, key)) for key in _NUMERIC},
    )


def _number(text: str) -> float | None:
    if not text:
        return None
    try:
        return float(text.replace(",", "")) if text.count(",") else float(text)
    except ValueError:
        return None


def _flag(text: str) -> bool:
    return text.lower() in ("true", "1", "1.0", "yes")


def normalise_activity_type(value: str) -> str:
    """The archive's legacy type name ("Pool Swim", "Virtual Ride") as a sport type."""
    known = {
        "poolswim": "Swim",
        "openwaterswim": "Swim",
        "weighttraining": "WeightTraining",
        "virtualride": "VirtualRide",
        "virtualrun": "VirtualRun",
        "ebikeride": "EBikeRide",
        "trailrun": "TrailRun",
        "nordicski": "NordicSki",
        "alpineski": "AlpineSki",
    }
    squashed = re.sub(r"[^a-z]", "", value.lower())
    if squashed in known:
        return known[squashed]
    return "".join(part.capitalize() for part in value.split()) or "Workout"
