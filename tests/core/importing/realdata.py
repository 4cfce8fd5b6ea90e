"""Where the real activity files live, and which of them are which.

The files live in ``tests/data``; ``real-activities/SOURCES.md`` there says what
each file is, where it comes from and why it is kept.
"""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
REAL_DIR = DATA_DIR / "real-activities"
EXPORT_DIR = DATA_DIR / "strava-export" / "geo-activity-playground"

# Track files whose points carry no timestamps: planned or drawn routes. A route has
# no date, duration or pace, so it is not an activity: the parser raises
# RouteFileError carrying the route, and an import keeps it as a route.
ROUTE_FILES = frozenset(
    {
        "gpx/georust-gpx__strava_route_example.gpx",
        "gpx/gpxpy__cerknicko-without-times.gpx",
        "gpx/gpxpy__route.gpx",
        "gpx/GoldenCheetah__A_ride_mapped_on_11_22_2011.gpx",
    }
)


def relative_files(*folders: str) -> list[str]:
    """Files in the given folders of the real-activities set, as "folder/name"."""
    return sorted(
        f"{folder}/{path.name}"
        for folder in folders
        for path in (REAL_DIR / folder).iterdir()
        if path.is_file()
    )
