"""Reading FIT activity files (Garmin, Wahoo, Hammerhead, Suunto, COROS, Zwift...).

How a file becomes activities:

* Every message is read with fitdecode in lenient mode. What fitdecode had to
  tolerate (a field size that does not fit its type, a checksum that does not
  match) becomes a warning on the activity instead of a failure.
* A file that breaks off (truncated, or a message of a type never defined) keeps
  everything read before the break; the warning says how much of the session the
  device recorded was recovered.
* Chained FIT files (several FIT headers in one file, as multisport watches write)
  are read as one stream of messages.
* Each ``session`` message is one activity; with several sessions each is a leg of
  one multisport activity. Records go to the session whose time window holds
  them (see :mod:`.fit_legs`), so records with impossible timestamps, such as a
  clock that jumped two years, are dropped with a warning.
* A file without sessions becomes one activity from the longest run of records
  without a jump in time of more than a day.
* A file with sessions but no records (an activity entered on the watch, some
  strength sessions) imports from the session totals, with a warning.
* Timer pauses (auto-pause, the pause button) come from timer events (see
  :mod:`.fit_timer`).
* Developer fields are ignored, whatever their names.
* Heart rate that a chest strap stored in separate ``hr`` messages (HRM-Tri and
  HRM-Swim do, for swims) fills the records that have none (see :mod:`.fit_hr`).

A course file (a planned route) raises :class:`RouteFileError` carrying its line,
which an import keeps as a route. Workout, settings, monitoring and other files
that are not recorded activities are rejected.
"""

from __future__ import annotations

import io
import logging
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import fitdecode

from athletiq_core.importing.common import (
    TOTALS_ONLY_NOTE,
    Sample,
    as_utc,
    build_streams,
    describe_duration,
    has_positions,
    to_float,
)
from athletiq_core.importing.errors import (
    CorruptFileError,
    EmptyFileError,
    RouteFileError,
    UnsupportedFileError,
)
from athletiq_core.importing.fit_hr import fill_heart_rate, hr_readings
from athletiq_core.importing.fit_legs import (
    Leg,
    record_legs,
    session_duration,
    session_legs,
    within,
)
from athletiq_core.importing.fit_profile import (
    INDOOR_SUB_SPORTS,
    device_name,
    sport_type,
)
from athletiq_core.importing.fit_timer import timer_event, timer_pauses
from athletiq_core.importing.parsed import (
    DeviceTotals,
    ParsedActivity,
    ParsedLap,
    ParsedRoute,
    SwimLength,
)

logger = logging.getLogger(__name__)

_SEMICIRCLE_DEGREES = 180.0 / 2**31
_MAX_UTC_OFFSET_S = 14 * 3600

_SUMMARY_MESSAGES = {
    "session": "sessions",
    "lap": "laps",
    "length": "lengths",
    "sport": "sports",
    "file_id": "file_ids",
    "device_info": "devices",
    "activity": "activities",
    "course": "courses",
}


@dataclass
class _FitContent:
    records: list[Sample] = field(default_factory=list)
    sessions: list[dict[str, Any]] = field(default_factory=list)
    laps: list[dict[str, Any]] = field(default_factory=list)
    lengths: list[dict[str, Any]] = field(default_factory=list)
    sports: list[dict[str, Any]] = field(default_factory=list)
    file_ids: list[dict[str, Any]] = field(default_factory=list)
    devices: list[dict[str, Any]] = field(default_factory=list)
    activities: list[dict[str, Any]] = field(default_factory=list)
    courses: list[dict[str, Any]] = field(default_factory=list)
    hr_messages: list[dict[str, Any]] = field(default_factory=list)
    # (time, whether the timer runs from then on), from timer events.
    timer_events: list[tuple[datetime, bool]] = field(default_factory=list)
    damage: str | None = None
    tolerated: list[str] = field(default_factory=list)


def parse_fit(data: bytes, filename: str) -> list[ParsedActivity]:
    """Activities in the FIT file ``data`` (one per session, in time order).

    Raises :class:`CorruptFileError` when nothing usable can be read,
    :class:`UnsupportedFileError` for FIT files that are not activities and
    :class:`EmptyFileError` when the file has no records.
    """
    content = _read(data, filename)
    _check_file_type(content, filename)
    if content.records:
        fill_heart_rate(content.records, hr_readings(content.hr_messages))
        legs, dropped = record_legs(content.records, content.sessions)
        notes = _file_warnings(content, legs, dropped)
    else:
        legs, notes = _summary_legs(content, filename), [TOTALS_ONLY_NOTE]
    group = _multisport_group(content, legs)
    activities = [
        _activity(leg, content, index, len(legs), group)
        for index, leg in enumerate(legs)
    ]
    for activity in activities:
        activity.warnings.extend(notes)
        activity.damaged = bool(content.damage)

    logger.debug("Read %d activities from FIT file %s", len(activities), filename)
    return activities


def _summary_legs(content: _FitContent, filename: str) -> list[Leg]:
    """Legs of a file without records: its sessions that lasted, if any."""
    legs = [
        leg
        for leg in session_legs(content.sessions)
        if session_duration(leg.session) > 0
    ]
    if legs and not content.damage:
        return legs
    if content.damage:
        raise CorruptFileError(filename, f"no records could be read ({content.damage})")
    raise EmptyFileError(filename, "the FIT file holds no recorded samples")


def _read(data: bytes, filename: str) -> _FitContent:
    content = _FitContent()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            _read_messages(data, content)
        except fitdecode.FitHeaderError as exc:
            if not content.file_ids:
                raise CorruptFileError(
                    filename, f"it is not a FIT file ({exc})"
                ) from exc
            content.damage = str(exc)
        except Exception as exc:  # any failure ends a damaged file
            content.damage = f"{type(exc).__name__}: {exc}"
    # catch_warnings is process-wide, so keep only what fitdecode itself said.
    content.tolerated = [str(w.message) for w in caught if "fitdecode" in w.filename]
    return content


def _read_messages(data: bytes, content: _FitContent) -> None:
    reader = fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.WARN,
        error_handling=fitdecode.ErrorHandling.WARN,
    )
    with reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage):
                _collect(frame, content)


def _collect(message: fitdecode.FitDataMessage, content: _FitContent) -> None:
    if message.name == "record":
        sample = _record_sample(_values(message))
        if sample is not None:
            content.records.append(sample)
    elif message.name in _SUMMARY_MESSAGES:
        getattr(content, _SUMMARY_MESSAGES[message.name]).append(_values(message))
    elif message.name == "hr":
        content.hr_messages.append(_hr_values(message))
    elif message.name == "event":
        event = timer_event(_values(message))
        if event is not None:
            content.timer_events.append(event)


def _hr_values(message: fitdecode.FitDataMessage) -> dict[str, Any]:
    """An ``hr`` message's fields, with ``event_timestamp_12`` as its raw bytes.

    fitdecode expands the 12-bit counters into ``event_timestamp`` values of its
    own; those are left out, and :mod:`.fit_hr` decodes the counters itself.
    """
    packed = message.has_field("event_timestamp_12")
    values = {}
    for data in message.fields:
        if data.value is None or data.field_type == "devfield":
            continue
        if data.name == "event_timestamp_12":
            values[data.name] = data.raw_value
        elif not (packed and data.name == "event_timestamp"):
            values[data.name] = data.value
    return values


def _values(message: fitdecode.FitDataMessage) -> dict[str, Any]:
    """Field name -> value, without developer fields and invalid (None) values."""
    return {
        data.name: data.value
        for data in message.fields
        if data.value is not None and data.field_type != "devfield"
    }


def _record_sample(values: dict[str, Any]) -> Sample | None:
    time = as_utc(values.get("timestamp"))
    if time is None:
        return None
    return {
        "time": time,
        "lat": _degrees(values.get("position_lat")),
        "lng": _degrees(values.get("position_long")),
        "altitude": _first(values, "enhanced_altitude", "altitude"),
        "velocity": _first(values, "enhanced_speed", "speed"),
        "distance": values.get("distance"),
        "heartrate": values.get("heart_rate"),
        "cadence": values.get("cadence"),
        "watts": values.get("power"),
        "temp": values.get("temperature"),
    }


def _degrees(semicircles: Any) -> float | None:
    value = to_float(semicircles)
    return None if value is None else value * _SEMICIRCLE_DEGREES


def _first(values: dict[str, Any], *names: str) -> Any:
    return next((values[name] for name in names if name in values), None)


def _check_file_type(content: _FitContent, filename: str) -> None:
    """Keep courses as routes; refuse workouts, settings and the like.

    Unknown types pass.
    """
    kinds = {f.get("type") for f in content.file_ids} - {None}
    named = {kind for kind in kinds if isinstance(kind, str)}
    if "course" in named:
        _raise_course(content, filename)
    if named and "activity" not in named:
        raise UnsupportedFileError(
            filename,
            f"it is a FIT '{', '.join(sorted(named))}' file, not a recorded activity",
        )


def _raise_course(content: _FitContent, filename: str) -> None:
    """Raise :class:`RouteFileError` with the course's line, if it has one."""
    line = [
        (sample["lat"], sample["lng"], sample["altitude"])
        for sample in sorted(content.records, key=lambda sample: sample["time"])
        if sample["lat"] is not None and sample["lng"] is not None
    ]
    if not line:
        raise UnsupportedFileError(
            filename, "it is a FIT course without positions, not a recorded activity"
        )
    course = next(iter(content.courses), {})
    sport = _text(course.get("sport"))
    route = ParsedRoute(
        "fit",
        [line],
        name=_text(course.get("name")),
        sport_type=sport_type(sport, _text(course.get("sub_sport")) or "")
        if sport
        else None,
    )
    raise RouteFileError(
        filename, f"it is a FIT course (a planned route) of {len(line)} points", route
    )


def _activity(
    leg: Leg, content: _FitContent, index: int, count: int, group: str | None
) -> ParsedActivity:
    session = leg.session
    sport, sub_sport = _sport_of(session, content)
    stated = as_utc(session.get("start_time")) or leg.start
    start = min(stated, leg.records[0]["time"]) if leg.records else stated
    streams = build_streams(leg.records, start)
    offset = _utc_offset(content)
    return ParsedActivity(
        source_format="fit",
        sport_type=sport_type(sport, sub_sport),
        start_utc=start,
        streams=streams,
        start_local=None
        if offset is None
        else _naive(start + timedelta(seconds=offset)),
        utc_offset_s=offset,
        device=_device_name(content),
        laps=_laps(content.laps, leg, start),
        lengths=_lengths(content.lengths, leg, start),
        pauses=timer_pauses(content.timer_events, start, leg.until or leg.end),
        pool_length_m=to_float(session.get("pool_length")),
        indoor=sub_sport in INDOOR_SUB_SPORTS or not has_positions(streams),
        totals=_totals(session) if session else None,
        multisport_group=group,
        multisport_index=index if group else None,
        multisport_count=count if group else None,
    )


def _naive(moment: datetime) -> datetime:
    return moment.replace(tzinfo=None)


def _sport_of(session: dict[str, Any], content: _FitContent) -> tuple[str, str]:
    """FIT sport and sub_sport: the session's, else a sport or lap message's."""
    candidates = [session, *content.sports, *content.laps]
    source = next((c for c in candidates if "sport" in c), {})
    return str(source.get("sport", "generic")), str(source.get("sub_sport", "generic"))


def _utc_offset(content: _FitContent) -> int | None:
    """Local minus UTC time in seconds, from the activity message, to 15 minutes."""
    for activity in content.activities:
        local, utc = activity.get("local_timestamp"), activity.get("timestamp")
        if not (isinstance(local, datetime) and isinstance(utc, datetime)):
            continue
        offset = (_naive(local) - _naive(utc)).total_seconds()
        rounded = int(round(offset / 900.0) * 900)
        # Devices without a clock setting write 0 (1989-12-31) as local time.
        if abs(rounded) <= _MAX_UTC_OFFSET_S:
            return rounded
    return None


def _laps(laps: list[dict[str, Any]], leg: Leg, start: datetime) -> list[ParsedLap]:
    parsed = []
    for lap in within(laps, leg):
        parsed.append(
            ParsedLap(
                start_offset_s=(as_utc(lap["start_time"]) - start).total_seconds(),
                elapsed_s=to_float(lap.get("total_elapsed_time")),
                timer_s=to_float(lap.get("total_timer_time")),
                distance_m=to_float(lap.get("total_distance")),
                avg_hr=_positive(lap.get("avg_heart_rate")),
                max_hr=_positive(lap.get("max_heart_rate")),
                avg_watts=to_float(lap.get("avg_power")),
            )
        )
    return parsed


def _lengths(
    lengths: list[dict[str, Any]], leg: Leg, start: datetime
) -> list[SwimLength]:
    return [
        SwimLength(
            start_offset_s=(as_utc(length["start_time"]) - start).total_seconds(),
            elapsed_s=to_float(length.get("total_elapsed_time")) or 0.0,
            active=length.get("length_type") != "idle",
            strokes=_count(length.get("total_strokes")),
            stroke=_text(length.get("swim_stroke")),
        )
        for length in within(lengths, leg)
    ]


def _totals(session: dict[str, Any]) -> DeviceTotals:
    return DeviceTotals(
        distance_m=to_float(session.get("total_distance")),
        timer_s=to_float(session.get("total_timer_time")),
        elapsed_s=to_float(session.get("total_elapsed_time")),
        moving_s=to_float(session.get("total_moving_time")),
        ascent_m=to_float(session.get("total_ascent")),
        calories_kcal=to_float(session.get("total_calories")),
        # Zwift writes an average heart rate of 0 when no strap was paired.
        avg_hr=_positive(session.get("avg_heart_rate")),
        max_hr=_positive(session.get("max_heart_rate")),
        avg_watts=to_float(session.get("avg_power")),
        max_watts=to_float(session.get("max_power")),
        avg_cadence=to_float(session.get("avg_cadence")),
    )


def _positive(value: Any) -> float | None:
    number = to_float(value)
    return number if number is not None and number > 0 else None


def _count(value: Any) -> int | None:
    number = to_float(value)
    return None if number is None else int(number)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _device_name(content: _FitContent) -> str | None:
    file_id = next(iter(content.file_ids), {})
    creator = next(
        (d for d in content.devices if d.get("device_index") in ("creator", 0)), {}
    )
    return device_name(file_id, creator)


def _multisport_group(content: _FitContent, legs: list[Leg]) -> str | None:
    if len(legs) < 2:
        return None
    file_id = next(iter(content.file_ids), {})
    serial = file_id.get("serial_number", "unknown")
    first = legs[0].records[0]["time"] if legs[0].records else legs[0].start
    return f"fit-{serial}-{first:%Y%m%dT%H%M%SZ}"


def _file_warnings(content: _FitContent, legs: list[Leg], dropped: int) -> list[str]:
    notes = []
    if content.damage:
        notes.append(_damage_warning(content, legs))
    if dropped:
        notes.append(
            f"{dropped} records with timestamps outside the recorded session were "
            "skipped (the device clock jumped)"
        )
    if content.tolerated:
        notes.append(
            f"{len(content.tolerated)} malformed parts of the file were read "
            f"leniently, so some values may be missing (first: {content.tolerated[0]})"
        )
    return notes


def _damage_warning(content: _FitContent, legs: list[Leg]) -> str:
    first = min(leg.records[0]["time"] for leg in legs)
    last = max(leg.records[-1]["time"] for leg in legs)
    recovered = (last - first).total_seconds()
    expected = sum(session_duration(session) for session in content.sessions)
    detail = f"the file is damaged or ends early ({content.damage})"
    if expected > recovered + 60:
        return (
            f"{detail}: recovered {describe_duration(recovered)} of "
            f"{describe_duration(expected)}; the rest was lost"
        )
    return (
        f"{detail}: recovered {describe_duration(recovered)} of records; anything "
        "recorded after that was lost"
    )
