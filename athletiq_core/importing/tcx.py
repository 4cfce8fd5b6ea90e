"""Reading TCX files (Garmin Training Center XML).

* Each ``<Activity>`` is one activity, and a file may hold several. Garmin
  Training Center and Communicator also put activities from different days into
  one ``<MultiSportSession>``: its activities are grouped as legs of one
  multisport activity only when each starts within 30 minutes of the end of the
  one before; otherwise they stay separate activities.
* An activity whose laps carry totals but no track points imports from the lap
  totals, with a warning; one without either is skipped.
* The laps are the device's own summary: :class:`DeviceTotals` sums their timer
  time (``TotalTimeSeconds``), distance and calories, takes the highest maximum
  heart rate and time-weights the averages.
* Power is read from ``<Watts>`` in the ActivityExtension (``TPX``), in any
  namespace or prefix; cadence from ``<Cadence>`` or ``<RunCadence>``; speed
  from ``<Speed>``.
* Whitespace before the XML declaration and undeclared namespace prefixes are
  repaired instead of rejecting the file.
* A file that stops mid-recording is read up to its last complete track point;
  the activity it stops in is marked recovered, with a warning.
* A course (a planned route) raises :class:`RouteFileError` carrying its track,
  which an import keeps as a route; a workout is refused.
* The ``Sport`` attribute only says Running, Biking or Other; "Other" becomes
  Workout, because the file does not say which sport it was.

TCX records no time zone, so ``start_local`` and ``utc_offset_s`` stay None.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from typing import Any

from athletiq_core.importing.common import (
    TOTALS_ONLY_NOTE,
    Sample,
    build_streams,
    close_cut_short_xml,
    cut_short_note,
    declare_missing_prefixes,
    has_positions,
    local_name,
    parse_time,
    recorded_time,
    sport_from_label,
    to_float,
    undeclared_prefixes_note,
    xml_bytes,
    xml_text,
)
from athletiq_core.importing.errors import (
    CorruptFileError,
    EmptyFileError,
    RouteFileError,
    UnsupportedFileError,
)
from athletiq_core.importing.parsed import (
    DeviceTotals,
    ParsedActivity,
    ParsedLap,
    ParsedRoute,
)

logger = logging.getLogger(__name__)

Element = ET.Element

_MULTISPORT_GAP = timedelta(minutes=30)
_EXTENSION_KEYS = {"Speed": "velocity", "Watts": "watts", "RunCadence": "cadence"}


def parse_tcx(data: bytes, filename: str) -> list[ParsedActivity]:
    """The activities in the TCX file ``data``, in file order.

    Raises :class:`CorruptFileError` for unreadable XML,
    :class:`UnsupportedFileError` for courses and workouts and
    :class:`EmptyFileError` when no activity has track points.
    """
    root, notes, cut_short = _load(data, filename)
    elements = _elements(root, "Activity")
    if not elements:
        _reject_without_activities(root, filename)

    parsed = {id(element): _activity(element, list(notes)) for element in elements}
    activities = [parsed[id(element)] for element in elements if parsed[id(element)]]
    if not activities:
        raise EmptyFileError(
            filename, "no activity in the TCX file has track points or lap totals"
        )
    _group_multisport(root, parsed)
    if cut_short:
        last = activities[-1]
        recorded = (last.streams.get("time") or [0.0])[-1]
        last.warnings = [*last.warnings, cut_short_note(recorded)]
        last.damaged = True

    logger.debug("Read %d activities from TCX file %s", len(activities), filename)
    return activities


def _load(data: bytes, filename: str) -> tuple[Element, list[str], bool]:
    """The root element, notes for the user, and whether the file was cut short."""
    cleaned = xml_bytes(data)
    try:
        return ET.fromstring(cleaned), [], False
    except ET.ParseError as exc:
        error = exc
    text, added = declare_missing_prefixes(xml_text(cleaned), "TrainingCenterDatabase")
    notes = [undeclared_prefixes_note(added)] if added else []
    if added:
        try:
            return ET.fromstring(text), notes, False
        except ET.ParseError as exc:
            error = exc
    closed = close_cut_short_xml(text, "Trackpoint")
    if closed is not None:
        try:
            return ET.fromstring(closed), notes, True
        except ET.ParseError:
            logger.debug("Closing %s did not make it readable", filename)
    raise CorruptFileError(filename, f"it is not readable TCX ({error})") from error


def _reject_without_activities(root: Element, filename: str) -> None:
    courses = _elements(root, "Course")
    if courses:
        _raise_course(courses[0], filename)
    if _elements(root, "Workout"):
        raise UnsupportedFileError(
            filename, "it is a TCX workout, not a recorded activity"
        )
    raise EmptyFileError(filename, "the TCX file contains no <Activity>")


def _raise_course(course: Element, filename: str) -> None:
    """Raise :class:`RouteFileError` with the course's track, if it has one."""
    line = [
        (lat, lng, _number(point, "AltitudeMeters"))
        for point in _elements(course, "Trackpoint")
        if (lat := _number(point, "Position", "LatitudeDegrees")) is not None
        and (lng := _number(point, "Position", "LongitudeDegrees")) is not None
    ]
    if not line:
        raise UnsupportedFileError(
            filename, "it is a TCX course without positions, not a recorded activity"
        )
    route = ParsedRoute("tcx", [line], name=_text(course, "Name"))
    raise RouteFileError(
        filename, f"it is a TCX course (a planned route) of {len(line)} points", route
    )


def _elements(root: Element, name: str) -> list[Element]:
    return [element for element in root.iter() if local_name(element.tag) == name]


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if local_name(child.tag) == name]


def _text(element: Element | None, *path: str) -> str | None:
    """Text of the element reached from ``element`` through child names ``path``."""
    for name in path:
        if element is None:
            return None
        element = next(iter(_children(element, name)), None)
    return element.text if element is not None else None


def _number(element: Element | None, *path: str) -> float | None:
    return to_float(_text(element, *path))


def _activity(element: Element, notes: list[str]) -> ParsedActivity | None:
    laps = _children(element, "Lap")
    lap_samples = [_lap_samples(lap) for lap in laps]
    samples = [sample for chunk in lap_samples for sample in chunk]
    totals = _totals(laps)
    if not samples and not (totals and totals.timer_s):
        return None
    if not samples:
        notes = [*notes, TOTALS_ONLY_NOTE]
    start = _start(element, laps, samples)
    if start is None:
        return None
    streams = build_streams(samples, start)
    if totals is not None and samples:
        # TCX has no elapsed total: it is the span from the start to the last point.
        totals.elapsed_s = streams["time"][-1]
    parsed_laps = [
        _parsed_lap(lap, chunk, start)
        for lap, chunk in zip(laps, lap_samples, strict=True)
    ]
    return ParsedActivity(
        source_format="tcx",
        sport_type=sport_from_label(element.get("Sport")) or "Workout",
        start_utc=start,
        streams=streams,
        device=_device(element),
        laps=parsed_laps,
        indoor=not has_positions(streams),
        totals=totals,
        warnings=notes,
    )


def _start(
    element: Element, laps: list[Element], samples: list[Sample]
) -> datetime | None:
    """The earlier of the stated start and the first sample, whichever exist."""
    stated = parse_time(laps[0].get("StartTime")) if laps else None
    stated = recorded_time(stated or parse_time(_text(element, "Id")))
    moments = [sample["time"] for sample in samples]
    if stated is not None:
        moments.append(stated)
    return min(moments, default=None)


def _device(element: Element) -> str | None:
    name = _text(element, "Creator", "Name")
    return name.strip() if name and name.strip() else None


def _lap_samples(lap: Element) -> list[Sample]:
    samples = []
    for track in _children(lap, "Track"):
        for point in _children(track, "Trackpoint"):
            sample = _trackpoint(point)
            if sample is not None:
                samples.append(sample)
    return samples


def _trackpoint(point: Element) -> Sample | None:
    time = recorded_time(parse_time(_text(point, "Time")))
    if time is None:
        return None
    sample: Sample = {
        "time": time,
        "lat": _number(point, "Position", "LatitudeDegrees"),
        "lng": _number(point, "Position", "LongitudeDegrees"),
        "altitude": _number(point, "AltitudeMeters"),
        "distance": _number(point, "DistanceMeters"),
        "heartrate": _number(point, "HeartRateBpm", "Value"),
        "cadence": _number(point, "Cadence"),
    }
    for extensions in _children(point, "Extensions"):
        for element in extensions.iter():
            key = _EXTENSION_KEYS.get(local_name(element.tag))
            if key and sample.get(key) is None:
                sample[key] = to_float(element.text)
    return sample


def _parsed_lap(lap: Element, samples: list[Sample], start: datetime) -> ParsedLap:
    lap_start = parse_time(lap.get("StartTime"))
    if lap_start is None:
        lap_start = samples[0]["time"] if samples else start
    elapsed = (samples[-1]["time"] - lap_start).total_seconds() if samples else None
    return ParsedLap(
        start_offset_s=(lap_start - start).total_seconds(),
        elapsed_s=elapsed,
        timer_s=_number(lap, "TotalTimeSeconds"),
        distance_m=_number(lap, "DistanceMeters"),
        avg_hr=_number(lap, "AverageHeartRateBpm", "Value"),
        max_hr=_number(lap, "MaximumHeartRateBpm", "Value"),
        avg_watts=_lap_extension(lap, "AvgWatts"),
    )


def _lap_extension(lap: Element, name: str) -> float | None:
    for extensions in _children(lap, "Extensions"):
        for element in extensions.iter():
            if local_name(element.tag) == name:
                return to_float(element.text)
    return None


def _totals(laps: list[Element]) -> DeviceTotals | None:
    if not laps:
        return None
    timers = [_number(lap, "TotalTimeSeconds") for lap in laps]
    return DeviceTotals(
        distance_m=_sum(_number(lap, "DistanceMeters") for lap in laps),
        timer_s=_sum(timers),
        calories_kcal=_sum(_number(lap, "Calories") for lap in laps),
        avg_hr=_weighted(
            laps, timers, lambda lap: _number(lap, "AverageHeartRateBpm", "Value")
        ),
        max_hr=_max(_number(lap, "MaximumHeartRateBpm", "Value") for lap in laps),
        avg_watts=_weighted(laps, timers, lambda lap: _lap_extension(lap, "AvgWatts")),
        max_watts=_max(_lap_extension(lap, "MaxWatts") for lap in laps),
        avg_cadence=_weighted(laps, timers, lambda lap: _number(lap, "Cadence")),
    )


def _sum(values: Any) -> float | None:
    present = [value for value in values if value is not None]
    return sum(present) if present else None


def _max(values: Any) -> float | None:
    present = [value for value in values if value is not None]
    return max(present) if present else None


def _weighted(
    laps: list[Element], weights: list[float | None], value_of: Any
) -> float | None:
    """The lap values averaged with each lap weighted by its timer time."""
    total = weight_sum = 0.0
    for lap, weight in zip(laps, weights, strict=True):
        value = value_of(lap)
        if value is not None and weight:
            total += value * weight
            weight_sum += weight
    return total / weight_sum if weight_sum else None


def _group_multisport(root: Element, parsed: dict[int, ParsedActivity | None]) -> None:
    """Mark contiguous activities of each MultiSportSession as legs of one group."""
    for session in _elements(root, "MultiSportSession"):
        found = [parsed.get(id(element)) for element in _elements(session, "Activity")]
        legs = [leg for leg in found if leg is not None]
        if len(legs) > 1 and _contiguous(legs):
            key = f"tcx-{legs[0].start_utc:%Y%m%dT%H%M%SZ}"
            for index, leg in enumerate(legs):
                leg.multisport_group = key
                leg.multisport_index, leg.multisport_count = index, len(legs)


def _contiguous(legs: list[ParsedActivity]) -> bool:
    for previous, leg in zip(legs, legs[1:], strict=False):
        times = previous.streams["time"]
        end = previous.start_utc + timedelta(seconds=times[-1] if times else 0.0)
        if leg.start_utc - end > _MULTISPORT_GAP:
            return False
    return True
