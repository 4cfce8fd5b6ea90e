"""fit-tool messages describing a generated activity (everything but records).

Times passed to fit-tool are Unix milliseconds; durations are seconds,
distances metres and speeds m/s, as fit-tool's properties expect.
"""

from __future__ import annotations

from athletiq_core.demo.detail import calories
from athletiq_core.demo.fitcodec import FIT_EPOCH_S
from athletiq_core.demo.summary import kind_of
from athletiq_core.streams import Streams

# kind -> (FIT sport, FIT sub-sport) names in fit-tool's profile
_SPORTS = {
    "easy": ("RUNNING", "GENERIC"),
    "long": ("RUNNING", "GENERIC"),
    "workout": ("RUNNING", "GENERIC"),
    "race": ("RUNNING", "STREET"),
    "trail": ("RUNNING", "TRAIL"),
    "treadmill": ("RUNNING", "TREADMILL"),
    "ride": ("CYCLING", "ROAD"),
    "commute": ("CYCLING", "COMMUTING"),
    "virtual": ("CYCLING", "VIRTUAL_ACTIVITY"),
    "swim": ("SWIMMING", "LAP_SWIMMING"),
    "walk": ("WALKING", "GENERIC"),
    "hike": ("HIKING", "GENERIC"),
    "strength": ("TRAINING", "STRENGTH_TRAINING"),
}
_PRODUCTS = {
    "Garmin Forerunner 245": "FR245",
    "Garmin Forerunner 965": "FR965",
    "Garmin Edge 530": "EDGE_530",
    "Garmin Edge 840": "EDGE_840",
}


def sport_of(summary: dict) -> tuple[int, int]:
    """FIT sport and sub-sport numbers for a summary."""
    from fit_tool.profile.profile_type import Sport, SubSport

    sport, sub = _SPORTS[kind_of(summary)]
    return getattr(Sport, sport).value, getattr(SubSport, sub).value


def device_messages(summary: dict, start_ms: int) -> list[tuple[str, dict]]:
    """file_id and device_info of the recording device."""
    from fit_tool.profile.profile_type import FileType, GarminProduct, Manufacturer

    product = _PRODUCTS.get(summary.get("device_name", ""))
    maker = Manufacturer.GARMIN if product else Manufacturer.TRAINER_ROAD
    number = getattr(GarminProduct, product).value if product else 1
    serial = 3_900_000_000 + summary["athlete"]["id"] % 1000 + number % 97
    device = {
        "manufacturer": maker.value,
        "product": number,
        "serial_number": serial,
    }
    file_id = {"type": FileType.ACTIVITY.value, **device, "time_created": start_ms}
    info = {"timestamp": start_ms, "device_index": 0, **device}
    return [("file_id", file_id), ("device_info", info | {"software_version": 21.19})]


def timer_event(moment_ms: int, stop: bool) -> dict:
    """The timer start (or stop-all) event at ``moment_ms``."""
    from fit_tool.profile.profile_type import Event, EventType

    kind = EventType.STOP_ALL if stop else EventType.START
    return {
        "timestamp": moment_ms,
        "event": Event.TIMER.value,
        "event_type": kind.value,
        "event_group": 0,
    }


def lap_columns(summary: dict, streams: Streams, laps: list[dict], start_ms: int):
    """Lap messages (as columns keyed by field) for the detail ``laps``."""
    sport = sport_of(summary)
    rows = [
        _lap_row(streams, lap, index, start_ms, sport) for index, lap in enumerate(laps)
    ]
    return {name: [row[name] for row in rows] for name in rows[0]} if rows else {}


def _lap_row(streams: Streams, lap: dict, index: int, start_ms: int, sport) -> dict:
    from fit_tool.profile.profile_type import Event, EventType, LapTrigger

    first, last = lap["start_index"], lap["end_index"]
    # Auto-laps are called "Lap n"; workout steps end with a button press.
    auto = lap["name"].startswith("Lap")
    trigger = LapTrigger.DISTANCE if auto else LapTrigger.MANUAL
    return {
        "message_index": index,
        "timestamp": start_ms + int(streams["time"][last]) * 1000,
        "start_time": start_ms + int(streams["time"][first]) * 1000,
        "event": Event.LAP.value,
        "event_type": EventType.STOP.value,
        "lap_trigger": trigger.value,
        "sport": sport[0],
        "sub_sport": sport[1],
        **_totals(lap, lap["elapsed_time"], lap["total_elevation_gain"]),
        **_positions(streams, first, last),
        **_sensors(lap),
    }


def _totals(figures: dict, elapsed: float, ascent: float) -> dict:
    return {
        "total_elapsed_time": elapsed,
        "total_timer_time": elapsed,
        "total_moving_time": figures["moving_time"],
        "total_distance": figures["distance"],
        "avg_speed": figures["average_speed"],
        "max_speed": figures["max_speed"],
        "total_ascent": round(ascent),
    }


def _positions(streams: Streams, first: int, last: int) -> dict:
    if "lat" not in streams:
        return {}
    return {
        "start_position_lat": streams["lat"][first],
        "start_position_long": streams["lng"][first],
        "end_position_lat": streams["lat"][last],
        "end_position_long": streams["lng"][last],
    }


def _sensors(figures: dict) -> dict:
    out: dict = {}
    if "average_heartrate" in figures:
        out["avg_heart_rate"] = round(figures["average_heartrate"])
        out["max_heart_rate"] = round(figures["max_heartrate"])
    if figures.get("average_cadence"):
        out["avg_cadence"] = round(figures["average_cadence"])
    if figures.get("average_watts") and figures.get("device_watts"):
        out["avg_power"] = round(figures["average_watts"])
    return out


def session_message(
    summary: dict, streams: Streams, start_ms: int, end_ms: int, lap_count: int
) -> dict:
    """The session with the activity's totals (from the summary)."""
    from fit_tool.profile.profile_type import Event, EventType, SessionTrigger

    sport, sub = sport_of(summary)
    out = {
        "message_index": 0,
        "timestamp": end_ms,
        "start_time": start_ms,
        "event": Event.SESSION.value,
        "event_type": EventType.STOP.value,
        "trigger": SessionTrigger.ACTIVITY_END.value,
        "sport": sport,
        "sub_sport": sub,
        **_totals(summary, summary["elapsed_time"], summary["total_elevation_gain"]),
        "total_calories": round(calories(summary)),
        "first_lap_index": 0,
        "num_laps": lap_count,
        **_positions(streams, 0, len(streams["time"]) - 1),
        **_sensors(summary),
    }
    if summary.get("weighted_average_watts"):
        out["normalized_power"] = summary["weighted_average_watts"]
        out["max_power"] = summary["max_watts"]
    return out


def activity_message(summary: dict, end_ms: int) -> dict:
    """The activity message; its local timestamp is the end in wall-clock time."""
    from fit_tool.profile.profile_type import Activity, Event, EventType

    return {
        "timestamp": end_ms,
        "total_timer_time": summary["elapsed_time"],
        "num_sessions": 1,
        "type": Activity.MANUAL.value,
        "event": Event.ACTIVITY.value,
        "event_type": EventType.STOP.value,
        "local_timestamp": end_ms // 1000 - FIT_EPOCH_S + int(summary["utc_offset"]),
    }
