"""Reading GPX tracks (GPX 1.0 and 1.1) with gpxpy.

Decisions:

* A GPX file is an activity only when its track points carry timestamps. A file
  whose points have no times (a planned route, an ``<rte>``, a track drawn on a
  map) is a route: it has no date, duration or pace to put in a training log.
  :func:`parse_gpx` raises :class:`RouteFileError` carrying the
  :class:`ParsedRoute`, which an import keeps as a route.
* All tracks and segments are joined in time order into one activity, unless
  the clock jumps more than six hours between two points: a file holding several
  days of a trip gives one activity per recording, with a warning. A segment
  counts as recorded when at least half of its points have times; its few untimed
  points are skipped, and segments mostly without times are skipped, with a
  warning either way.
* Heart rate, cadence, power, temperature and speed come from the point
  extensions by element name in any namespace: Garmin TrackPointExtension (``hr``,
  ``cad``, ``atemp``, ``speed``), PowerExtension (``PowerInWatts``), a bare
  ``<power>``, and cluetrust GPXDATA (``hr``, ``cadence``, ``temp``).
* Namespace prefixes a converter used without declaring them are declared before
  parsing, with a warning, instead of rejecting the file.
* A file that stops mid-recording (the app or device died) is read up to its last
  complete track point and imported as recovered, with a warning saying so.
* The sport comes from the first ``<type>`` that names one (Strava's numeric codes
  included). When no track names a sport it is guessed from the moving speed,
  and a warning says so.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import gpxpy
import gpxpy.gpx

from athletiq_core.importing.common import (
    Sample,
    as_utc,
    build_streams,
    close_cut_short_xml,
    cut_short_note,
    declare_missing_prefixes,
    local_name,
    recorded_time,
    sport_from_label,
    to_float,
    undeclared_prefixes_note,
    xml_text,
)
from athletiq_core.importing.errors import (
    CorruptFileError,
    EmptyFileError,
    RouteFileError,
)
from athletiq_core.importing.parsed import ParsedActivity, ParsedRoute
from athletiq_core.metrics import gps_distance, moving_time
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

_EXTENSION_KEYS = {
    "hr": "heartrate",
    "heartrate": "heartrate",
    "cad": "cadence",
    "cadence": "cadence",
    "runcadence": "cadence",
    "power": "watts",
    "powerinwatts": "watts",
    "watts": "watts",
    "atemp": "temp",
    "temp": "temp",
    "wtemp": "temp",
    "temperature": "temp",
    "speed": "velocity",
}
# Points further apart than this are separate recordings (a multi-day trip saved
# as one file): no pause within one activity lasts this long.
_SPLIT_GAP_H = 6
# Below this share of timed points a segment is a drawn line, not a recording.
_MIN_TIMED_SHARE = 0.5
# Average moving speeds (m/s) above which an unnamed activity is taken as a ride
# (15 km/h) or a run (6.8 km/h, a 8:50 /km pace).
_RIDE_SPEED = 4.2
_RUN_SPEED = 1.9


def parse_gpx(data: bytes, filename: str) -> list[ParsedActivity]:
    """The activity recorded in the GPX file ``data`` (one per recording, in order).

    Raises :class:`RouteFileError` for routes (no timestamps),
    :class:`EmptyFileError` when there is no track at all and
    :class:`CorruptFileError` when the XML cannot be read.
    """
    gpx, notes, cut_short = _load(data, filename)
    samples, skipped = _timed_samples(gpx)
    if not samples:
        _reject_untimed(gpx, filename)
    if len(samples) < 2:
        raise EmptyFileError(
            filename, "its track has a single timed point, so nothing was recorded"
        )
    notes.extend(skipped)
    if cut_short:
        elapsed = (samples[-1]["time"] - samples[0]["time"]).total_seconds()
        notes.append(cut_short_note(elapsed))
    recordings = _recordings(samples)
    isolated = sum(1 for chunk in recordings if len(chunk) < 2)
    recordings = [chunk for chunk in recordings if len(chunk) >= 2]
    if not recordings:
        raise EmptyFileError(
            filename, "its timed points are hours apart, so nothing was recorded"
        )
    if isolated:
        notes.append(
            f"{isolated} isolated point{'s' if isolated > 1 else ''} more than "
            f"{_SPLIT_GAP_H} hours from any other skipped"
        )
    if len(recordings) > 1:
        notes.append(
            f"the file holds {len(recordings)} recordings more than "
            f"{_SPLIT_GAP_H} hours apart; each was imported as its own activity"
        )
    activities = [
        _activity(gpx, chunk, list(notes), cut_short and chunk is recordings[-1])
        for chunk in recordings
    ]
    logger.debug("Read GPX file %s: %d points", filename, len(samples))
    return activities


def _recordings(samples: list[Sample]) -> list[list[Sample]]:
    """Time-ordered samples split wherever the clock jumps more than the gap."""
    chunks = [[samples[0]]]
    for before, sample in zip(samples, samples[1:], strict=False):
        if sample["time"] - before["time"] > timedelta(hours=_SPLIT_GAP_H):
            chunks.append([])
        chunks[-1].append(sample)
    return chunks


def _activity(
    gpx: gpxpy.gpx.GPX, samples: list[Sample], notes: list[str], cut_short: bool
) -> ParsedActivity:
    start = samples[0]["time"]
    streams = build_streams(samples, start)
    return ParsedActivity(
        source_format="gpx",
        sport_type=_sport(gpx, streams, notes),
        start_utc=start,
        streams=streams,
        name=_name(gpx),
        device=(gpx.creator or "").strip() or None,
        indoor=False,
        warnings=notes,
        damaged=cut_short,
    )


def _load(data: bytes, filename: str) -> tuple[gpxpy.gpx.GPX, list[str], bool]:
    """The parsed file, notes for the user, and whether it was cut short."""
    text = xml_text(data)
    text, added = declare_missing_prefixes(text, "gpx")
    notes = [undeclared_prefixes_note(added)] if added else []
    try:
        return gpxpy.parse(text), notes, False
    except Exception as exc:  # gpxpy raises many kinds of error
        error = exc
    closed = close_cut_short_xml(text, "trkpt")
    if closed is not None:
        try:
            return gpxpy.parse(closed), notes, True
        except Exception:  # the cut-off part was not the only damage
            logger.debug("Closing %s did not make it readable", filename)
    raise CorruptFileError(filename, f"it is not readable GPX ({error})") from error


def _timed_samples(gpx: gpxpy.gpx.GPX) -> tuple[list[Sample], list[str]]:
    samples: list[Sample] = []
    untimed_points = untimed_segments = 0
    for track in gpx.tracks:
        for segment in track.segments:
            timed = [_sample(point) for point in segment.points]
            timed = [sample for sample in timed if sample is not None]
            if len(timed) < _MIN_TIMED_SHARE * len(segment.points):
                untimed_segments += 1 if segment.points else 0
                continue
            untimed_points += len(segment.points) - len(timed)
            samples.extend(timed)
    samples.sort(key=lambda sample: sample["time"])
    return samples, _skip_notes(untimed_points, untimed_segments)


def _skip_notes(untimed_points: int, untimed_segments: int) -> list[str]:
    notes = []
    if untimed_points:
        notes.append(
            f"{untimed_points} track points without a usable timestamp were skipped"
        )
    if untimed_segments:
        notes.append(
            f"{untimed_segments} track segments without timestamps (drawn or "
            "planned, not recorded) were skipped"
        )
    return notes


def _sample(point: gpxpy.gpx.GPXTrackPoint) -> Sample | None:
    time = recorded_time(as_utc(point.time))
    if time is None:
        return None
    sample: Sample = {
        "time": time,
        "lat": point.latitude,
        "lng": point.longitude,
        "altitude": point.elevation,
        "velocity": point.speed,
    }
    for key, value in _extension_values(point.extensions).items():
        if sample.get(key) is None:
            sample[key] = value
    return sample


def _extension_values(extensions: list[Any]) -> dict[str, float | None]:
    values: dict[str, float | None] = {}
    for root in extensions:
        for element in root.iter():
            key = _EXTENSION_KEYS.get(local_name(element.tag).lower())
            if key and values.get(key) is None:
                values[key] = to_float(element.text)
    return values


def _reject_untimed(gpx: gpxpy.gpx.GPX, filename: str) -> None:
    route = _route(gpx)
    count = len(route.points)
    if count:
        raise RouteFileError(
            filename,
            f"it is a route, not a recorded activity: its {count} points have no "
            "timestamps",
            route,
        )
    if gpx.waypoints:
        count = len(gpx.waypoints)
        raise EmptyFileError(
            filename,
            f"it holds only {count} waypoint{'s' if count > 1 else ''} (marked "
            "places), no track or route",
        )
    raise EmptyFileError(filename, "the GPX file has no track or route points")


def _route(gpx: gpxpy.gpx.GPX) -> ParsedRoute:
    """Every track segment and ``<rte>`` of an untimed file, as lines of points."""
    lines = [
        [(p.latitude, p.longitude, p.elevation) for p in segment.points]
        for track in gpx.tracks
        for segment in track.segments
    ]
    lines += [
        [(p.latitude, p.longitude, p.elevation) for p in r.points] for r in gpx.routes
    ]
    labels = [track.type for track in gpx.tracks] + [r.type for r in gpx.routes]
    sport = next(filter(None, map(sport_from_label, labels)), None)
    names = [gpx.name] + [r.name for r in gpx.routes]
    name = next((n.strip() for n in names if n and n.strip()), None)
    return ParsedRoute(
        "gpx",
        [line for line in lines if line],
        name=name or _name(gpx),
        sport_type=sport,
    )


def _name(gpx: gpxpy.gpx.GPX) -> str | None:
    names = [track.name for track in gpx.tracks] + [gpx.name]
    return next((name.strip() for name in names if name and name.strip()), None)


def _sport(gpx: gpxpy.gpx.GPX, streams: Streams, notes: list[str]) -> str:
    for track in gpx.tracks:
        sport = sport_from_label(track.type)
        if sport:
            return sport
    sport, speed = _guess_sport(streams)
    notes.append(
        f"the file does not name its sport; {sport} was assumed from the average "
        f"moving speed of {speed * 3.6:.1f} km/h"
    )
    return sport


def _guess_sport(streams: Streams) -> tuple[str, float]:
    """A sport_type guessed from the average moving speed, and that speed (m/s)."""
    distances = gps_distance(streams) or [0.0]
    seconds = moving_time(streams)
    speed = distances[-1] / seconds if seconds > 0 else 0.0
    if speed >= _RIDE_SPEED:
        return "Ride", speed
    return ("Run" if speed >= _RUN_SPEED else "Walk"), speed
