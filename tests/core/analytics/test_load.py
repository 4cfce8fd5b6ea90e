"""Training load per activity and the explanation that comes with it."""

import pytest

from athletiq_core.analytics.load import (
    ActivityLoadInput,
    AthleteThresholds,
    activity_load,
)
from athletiq_core.units import UnitSystem

HR_ATHLETE = AthleteThresholds(max_hr=190, rest_hr=50, threshold_hr=170, sex="m")


def test_power_tss_of_a_ride():
    # IF = 240 / 260 = 0.923077; IF² = 0.852071; 4800 s = 1.33333 h
    # TSS = 1.33333 × 0.852071 × 100 = 113.61
    ride = ActivityLoadInput("Ride", 4800, weighted_power=240, has_power=True)

    result = activity_load(ride, AthleteThresholds(ftp=260))

    assert result.source == "power_tss"
    assert result.value == pytest.approx(113.61, abs=0.01)
    assert result.params["np_w"] == 240 and result.params["ftp_w"] == 260
    assert result.describe() == "TSS 114 from power: NP 240 W, FTP 260 W, 1:20:00"


def test_one_hour_at_ftp_is_100():
    ride = ActivityLoadInput("VirtualRide", 3600, weighted_power=250, has_power=True)

    assert activity_load(ride, AthleteThresholds(ftp=250)).value == pytest.approx(100)


def test_average_power_stands_in_when_weighted_power_is_missing():
    ride = ActivityLoadInput("Ride", 3600, avg_power=200, has_power=True)

    result = activity_load(ride, AthleteThresholds(ftp=250))

    # IF = 0.8 -> 64
    assert result.value == pytest.approx(64)
    assert result.params["np_from"] == "average"


def test_running_power_is_not_compared_with_cycling_ftp():
    run = ActivityLoadInput(
        "Run", 3600, weighted_power=300, has_power=True, avg_heartrate=150
    )

    result = activity_load(run, AthleteThresholds(ftp=250, max_hr=190, rest_hr=50))

    assert result.source == "hr_tss"


def test_hr_tss_of_a_man():
    # Reserve x = (150-50)/(190-50) = 0.714286; threshold x_t = 120/140 = 0.857143
    # e^(1.92 x) = 3.940977; e^(1.92 x_t) = 5.184712
    # hrTSS = 100 × (60 × 0.714286 × 3.940977) / (60 × 0.857143 × 5.184712) = 63.343
    run = ActivityLoadInput("TrailRun", 3600, avg_heartrate=150)

    result = activity_load(run, HR_ATHLETE)

    assert result.source == "hr_tss"
    assert result.value == pytest.approx(63.343, abs=0.001)
    # Banister TRIMP = 60 × 0.714286 × 0.64 × 3.940977 = 108.095
    assert result.params["trimp"] == pytest.approx(108.095, abs=0.001)


def test_hr_tss_of_a_woman_uses_her_factors():
    # e^(1.67 x) = 3.296486; e^(1.67 x_t) = 4.184673
    # hrTSS = 100 × (0.714286 × 3.296486) / (0.857143 × 4.184673) = 65.646
    thresholds = AthleteThresholds(max_hr=190, rest_hr=50, threshold_hr=170, sex="f")
    run = ActivityLoadInput("TrailRun", 3600, avg_heartrate=150)

    assert activity_load(run, thresholds).value == pytest.approx(65.646, abs=0.001)


def test_an_hour_at_threshold_heart_rate_is_100():
    swim = ActivityLoadInput("Swim", 3600, avg_heartrate=170)

    assert activity_load(swim, HR_ATHLETE).value == pytest.approx(100)


def test_heart_rate_at_rest_says_nothing_and_falls_through():
    walk = ActivityLoadInput("Walk", 3600, avg_heartrate=45, suffer_score=3)

    assert activity_load(walk, HR_ATHLETE).source == "relative_effort"


def test_running_tss_from_pace():
    # 10 km in 50 min = 3.33333 m/s; threshold 4.0 m/s: IF = 0.833333
    # rTSS = 0.833333 h × 0.694444 × 100 = 57.870
    run = ActivityLoadInput("Run", 3000, distance=10000, avg_heartrate=150)

    result = activity_load(run, AthleteThresholds(threshold_pace=4.0, max_hr=190))

    assert result.source == "running_tss"
    assert result.value == pytest.approx(57.870, abs=0.001)
    assert result.describe(UnitSystem.METRIC) == (
        "rTSS 58 from pace: 5:00 /km against threshold 4:10 /km, 50:00"
    )


def test_trail_runs_use_heart_rate_not_pace():
    run = ActivityLoadInput("TrailRun", 3600, distance=8000, avg_heartrate=150)
    thresholds = AthleteThresholds(
        threshold_pace=4.0, max_hr=190, rest_hr=50, threshold_hr=170
    )

    assert activity_load(run, thresholds).source == "hr_tss"


def test_relative_effort_when_nothing_better_is_known():
    run = ActivityLoadInput("Run", 3600, suffer_score=90)

    result = activity_load(run, AthleteThresholds())

    assert result.source == "relative_effort"
    assert result.value == pytest.approx(90)


def test_duration_default_per_sport():
    # 1.5 h of walking at 25 points per hour = 37.5
    walk = ActivityLoadInput("Walk", 5400)

    result = activity_load(walk, AthleteThresholds())

    assert result.source == "duration_default"
    assert result.value == pytest.approx(37.5)
    assert "1:30:00 of Walk" in result.describe()


def test_duration_default_for_an_unknown_sport():
    kite = ActivityLoadInput("Kitesurf", 3600)

    assert activity_load(kite, AthleteThresholds()).value == pytest.approx(40)
