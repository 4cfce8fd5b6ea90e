"""Threshold estimates from history, each saying how it was made."""

import pytest

from athletiq_core.analytics.thresholds import (
    AthleteThresholds,
    HistoryActivity,
    estimate_ftp,
    estimate_max_hr,
    estimate_threshold_pace,
    estimate_thresholds,
)


def test_max_hr_is_the_98th_percentile_so_a_spike_is_ignored():
    # 60 readings (the 250 bpm one is implausible and dropped): nearest rank
    # ceil(0.98 × 60) = 59 -> the 59th smallest is 185, not the 215 spike.
    history = [HistoryActivity("Run", 3600, max_heartrate=170)] * 58
    history += [
        HistoryActivity("Run", 3600, max_heartrate=185),
        HistoryActivity("Run", 3600, max_heartrate=215),
        HistoryActivity("Run", 3600, max_heartrate=250),
    ]

    estimate = estimate_max_hr(history)

    assert estimate.value == 185
    assert estimate.estimated
    assert "98th percentile" in estimate.how


def test_threshold_hr_is_90_percent_of_max():
    estimates = estimate_thresholds([HistoryActivity("Run", 3600, max_heartrate=190)])

    assert estimates.threshold_hr.value == pytest.approx(171)
    assert estimates.rest_hr.value == 60


def test_ftp_is_95_percent_of_the_best_20_minute_power():
    rides = [
        HistoryActivity("Ride", 3600, best_20min_power=300),
        HistoryActivity("Ride", 3600, best_20min_power=280),
    ]

    estimate = estimate_ftp(rides)

    assert estimate.value == pytest.approx(285)
    assert "300 W" in estimate.how


def test_ftp_from_ride_averages_without_peaks():
    # 40 min at 260 W counts 0.95 × 260 = 247; 2 h at 240 W counts 240;
    # the 19-minute ride and the run are not used.
    history = [
        HistoryActivity("Ride", 40 * 60, weighted_power=260),
        HistoryActivity("Ride", 2 * 3600, weighted_power=240),
        HistoryActivity("Ride", 19 * 60, weighted_power=400),
        HistoryActivity("Run", 3600, weighted_power=350),
    ]

    assert estimate_ftp(history).value == pytest.approx(247)


def test_threshold_pace_is_the_one_hour_race_speed_of_the_best_effort():
    # 5K in 19:57 gives VDOT 49.95. Held for 60 min: F = 0.8 + 0.1894393 e^-0.76668
    # + 0.2989558 e^-11.5956 = 0.888008; VO2 = 49.952 × 0.888008 = 44.358.
    # 0.000104 v² + 0.182258 v - 48.958 = 0 -> v = 236.66 m/min = 3.9444 m/s.
    history = [
        HistoryActivity("Run", 1500, best_efforts=[(1000, 200), (5000, 1197)]),
        HistoryActivity("Run", 1800, best_efforts=[(5000, 1300)]),
    ]

    estimate = estimate_threshold_pace(history)

    assert estimate.value == pytest.approx(3.9444, abs=0.001)
    assert "19:57" in estimate.how


def test_nothing_to_estimate_from_gives_none():
    estimates = estimate_thresholds([HistoryActivity("Yoga", 3600)])

    assert estimates.max_hr is None
    assert estimates.threshold_hr is None
    assert estimates.ftp is None
    assert estimates.threshold_pace is None


def test_values_the_athlete_set_win_over_estimates():
    estimates = estimate_thresholds(
        [HistoryActivity("Ride", 3600, max_heartrate=195, best_20min_power=300)]
    )

    filled = estimates.fill(AthleteThresholds(ftp=270, max_hr=180, sex="f"))

    assert filled.ftp == 270
    assert filled.max_hr == 180
    assert filled.threshold_hr == pytest.approx(162)
    assert filled.rest_hr == 60
    assert filled.sex == "f"
