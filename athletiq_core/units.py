"""The one place where numbers become text for people: distances, paces, durations.

Every face (desktop, LAN pages, command line, exports) formats through here, so a
pace reads the same everywhere. Inputs are always SI: metres, seconds, metres per
second, degrees Celsius. A missing value (None) formats as an en dash.

Rounding happens once, on the displayed quantity: a pace of 4:59.6 per km shows as
"5:00 /km", never "4:60 /km".
"""

from __future__ import annotations

import enum
import math

from athletiq_core.distances import METRES_PER_MILE
from athletiq_core.errors import AthletiqError

MISSING = "–"
METRES_PER_KM = 1000.0
METRES_PER_FOOT = 0.3048
METRES_PER_YARD = 0.9144
SECONDS_PER_HOUR = 3600


class UnitsError(AthletiqError, ValueError):
    """A unit system or formatting option that Athletiq does not know."""


class UnitSystem(enum.Enum):
    """Metric (km, m, km/h, °C) or imperial (mi, ft, mph, °F)."""

    METRIC = "metric"
    IMPERIAL = "imperial"

    @classmethod
    def parse(cls, value: UnitSystem | str) -> UnitSystem:
        """The unit system named by ``value`` ("metric" or "imperial", any case)."""
        if isinstance(value, UnitSystem):
            return value
        text = str(value).strip().lower()
        for member in cls:
            if member.value == text:
                return member
        raise UnitsError(f"Unknown unit system {value!r}: use 'metric' or 'imperial'.")


def _round_half_up(value: float) -> int:
    # round() rounds halves to even (2.5 -> 2); a clock should read 2.5 s as 3 s.
    return math.floor(value + 0.5)


def _metres_per_unit(units: UnitSystem) -> float:
    return METRES_PER_KM if units is UnitSystem.METRIC else METRES_PER_MILE


def distance_unit(units: UnitSystem) -> str:
    """The label of the long-distance unit: "km" or "mi"."""
    return "km" if units is UnitSystem.METRIC else "mi"


def distance_value(metres: float | None, units: UnitSystem) -> float | None:
    """``metres`` in kilometres (metric) or miles (imperial); None stays None."""
    if metres is None:
        return None
    return metres / _metres_per_unit(units)


def format_distance(
    metres: float | None, units: UnitSystem, decimals: int = 1, swim: bool = False
) -> str:
    """A distance as "12.3 km" / "7.6 mi", or for swims "1500 m" / "1640 yd"."""
    if metres is None:
        return MISSING
    if swim:
        return _format_swim_distance(metres, units)
    value = distance_value(metres, units)
    return f"{value:.{decimals}f} {distance_unit(units)}"


def _format_swim_distance(metres: float, units: UnitSystem) -> str:
    if units is UnitSystem.METRIC:
        return f"{metres:.0f} m"
    return f"{metres / METRES_PER_YARD:.0f} yd"


def pace_value(speed_mps: float | None, units: UnitSystem) -> float | None:
    """Seconds per km (metric) or per mile (imperial) at ``speed_mps`` (m/s).

    None when the speed is missing or not positive: standing still has no pace.
    """
    if speed_mps is None or speed_mps <= 0:
        return None
    return _metres_per_unit(units) / speed_mps


def format_pace_seconds(seconds: float | None, units: UnitSystem) -> str:
    """A pace already in seconds per km or mile as "4:35 /km" or "7:22 /mi"."""
    if seconds is None:
        return MISSING
    whole = _round_half_up(seconds)
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d} /{distance_unit(units)}"


def format_pace(speed_mps: float | None, units: UnitSystem) -> str:
    """The pace at ``speed_mps`` (m/s) as "4:35 /km" or "7:22 /mi"."""
    return format_pace_seconds(pace_value(speed_mps, units), units)


def speed_value(speed_mps: float | None, units: UnitSystem) -> float | None:
    """``speed_mps`` (m/s) in km/h (metric) or mph (imperial)."""
    if speed_mps is None:
        return None
    return speed_mps * SECONDS_PER_HOUR / _metres_per_unit(units)


def format_speed(speed_mps: float | None, units: UnitSystem, decimals: int = 1) -> str:
    """A speed as "28.4 km/h" or "17.6 mph"."""
    value = speed_value(speed_mps, units)
    if value is None:
        return MISSING
    label = "km/h" if units is UnitSystem.METRIC else "mph"
    return f"{value:.{decimals}f} {label}"


def elevation_value(metres: float | None, units: UnitSystem) -> float | None:
    """``metres`` of height in metres (metric) or feet (imperial)."""
    if metres is None:
        return None
    return metres if units is UnitSystem.METRIC else metres / METRES_PER_FOOT


def format_elevation(metres: float | None, units: UnitSystem) -> str:
    """A height or climb as "412 m" or "1352 ft" (whole units)."""
    value = elevation_value(metres, units)
    if value is None:
        return MISSING
    label = "m" if units is UnitSystem.METRIC else "ft"
    return f"{value:.0f} {label}"


def format_duration(seconds: float | None, days: bool = False) -> str:
    """A duration in seconds as "0:45", "4:05" (m:ss) or "1:02:03" (h:mm:ss).

    Totals of a day or more keep counting hours ("27:04:05"), or, with
    ``days=True``, read "1d 3h" (rounded to the nearest hour). Negative
    durations (differences) carry a leading minus sign.
    """
    if seconds is None:
        return MISSING
    whole = _round_half_up(abs(seconds))
    sign = "-" if seconds < 0 and whole else ""
    if days and whole >= 24 * SECONDS_PER_HOUR:
        return sign + _format_days(whole)
    return sign + _format_clock(whole)


def _format_clock(whole: int) -> str:
    hours, rest = divmod(whole, SECONDS_PER_HOUR)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def _format_days(whole: int) -> str:
    total_hours = _round_half_up(whole / SECONDS_PER_HOUR)
    day_count, hours = divmod(total_hours, 24)
    return f"{day_count}d {hours}h"


def temperature_value(celsius: float | None, units: UnitSystem) -> float | None:
    """``celsius`` in °C (metric) or °F (imperial)."""
    if celsius is None:
        return None
    return celsius if units is UnitSystem.METRIC else celsius * 9 / 5 + 32


def format_temperature(celsius: float | None, units: UnitSystem) -> str:
    """A temperature as "12 °C" or "54 °F" (whole degrees)."""
    value = temperature_value(celsius, units)
    if value is None:
        return MISSING
    label = "°C" if units is UnitSystem.METRIC else "°F"
    return f"{value:.0f} {label}"
