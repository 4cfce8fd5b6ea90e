"""Formatting of distances, paces, speeds, heights, durations and temperatures."""

import pytest

from athletiq_core.units import (
    MISSING,
    UnitsError,
    UnitSystem,
    distance_value,
    format_distance,
    format_duration,
    format_elevation,
    format_pace,
    format_pace_seconds,
    format_speed,
    format_temperature,
    pace_value,
    speed_value,
)

METRIC = UnitSystem.METRIC
IMPERIAL = UnitSystem.IMPERIAL


def test_unit_system_parses_names_in_any_case():
    assert UnitSystem.parse("metric") is METRIC
    assert UnitSystem.parse(" Imperial ") is IMPERIAL
    assert UnitSystem.parse(IMPERIAL) is IMPERIAL


def test_unknown_unit_system_names_the_bad_value():
    with pytest.raises(UnitsError, match="'furlongs'") as caught:
        UnitSystem.parse("furlongs")

    assert isinstance(caught.value, ValueError)


def test_distance_in_kilometres_and_miles():
    # 12 300 m / 1609.344 m per mile = 7.6429 mi
    assert format_distance(12300, METRIC) == "12.3 km"
    assert format_distance(12300, IMPERIAL) == "7.6 mi"
    assert format_distance(12300, METRIC, decimals=2) == "12.30 km"
    assert distance_value(1609.344, IMPERIAL) == pytest.approx(1.0)


def test_swim_distance_in_metres_and_yards():
    # 1500 m / 0.9144 m per yard = 1640.4 yd
    assert format_distance(1500, METRIC, swim=True) == "1500 m"
    assert format_distance(1500, IMPERIAL, swim=True) == "1640 yd"


def test_pace_per_kilometre_and_per_mile():
    # 1000 m in 275 s is 4:35 /km; 1609.344 m in 442 s is 7:22 /mi.
    assert format_pace(1000 / 275, METRIC) == "4:35 /km"
    assert format_pace(1609.344 / 442, IMPERIAL) == "7:22 /mi"


def test_pace_just_under_a_minute_boundary_rounds_up_to_the_next_minute():
    assert format_pace(1000 / 299.6, METRIC) == "5:00 /km"
    assert format_pace(1000 / 299.4, METRIC) == "4:59 /km"
    assert format_pace_seconds(59.6, METRIC) == "1:00 /km"


def test_pace_rounds_half_seconds_up_not_to_even():
    assert format_pace_seconds(298.5, METRIC) == "4:59 /km"


def test_pace_of_no_movement_is_missing():
    assert pace_value(0, METRIC) is None
    assert format_pace(0, METRIC) == MISSING
    assert format_pace(None, IMPERIAL) == MISSING


def test_speed_in_kmh_and_mph():
    # 10 m/s = 36 km/h = 36 000 / 1609.344 = 22.37 mph
    assert format_speed(10, METRIC) == "36.0 km/h"
    assert format_speed(10, IMPERIAL) == "22.4 mph"
    assert speed_value(10, IMPERIAL) == pytest.approx(22.3694, abs=1e-4)


def test_elevation_in_metres_and_feet():
    # 1000 m / 0.3048 m per foot = 3280.8 ft
    assert format_elevation(1000, METRIC) == "1000 m"
    assert format_elevation(1000, IMPERIAL) == "3281 ft"


def test_short_durations_read_minutes_and_seconds():
    assert format_duration(45) == "0:45"
    assert format_duration(245) == "4:05"
    assert format_duration(59.6) == "1:00"


def test_durations_of_an_hour_or_more_read_hours():
    assert format_duration(3723) == "1:02:03"


def test_totals_above_a_day_keep_counting_hours_or_read_days():
    # 27 h 4 min 5 s = 97 445 s
    assert format_duration(97445) == "27:04:05"
    assert format_duration(97445, days=True) == "1d 3h"
    assert format_duration(3723, days=True) == "1:02:03"


def test_negative_durations_carry_a_sign():
    assert format_duration(-65) == "-1:05"
    assert format_duration(-0.2) == "0:00"


def test_temperature_in_celsius_and_fahrenheit():
    # 12 °C × 9/5 + 32 = 53.6 °F
    assert format_temperature(12, METRIC) == "12 °C"
    assert format_temperature(12, IMPERIAL) == "54 °F"
    assert format_temperature(-40, IMPERIAL) == "-40 °F"


@pytest.mark.parametrize(
    "formatter",
    [format_distance, format_pace, format_speed, format_elevation, format_temperature],
)
def test_missing_values_format_as_a_dash(formatter):
    assert formatter(None, METRIC) == MISSING


def test_missing_duration_formats_as_a_dash():
    assert format_duration(None) == MISSING
