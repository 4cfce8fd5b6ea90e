"""Riegel predictions and the athlete's own fatigue exponent."""

import pytest

from athletiq_core.analytics.riegel import (
    DEFAULT_EXPONENT,
    MAX_EXPONENT,
    fit_exponent,
    predict,
    predict_from_efforts,
)


def test_ten_k_in_forty_minutes_predicts_a_3_04_marathon():
    # 2400 s × (42195 / 10000)^1.06:
    # ln 4.2195 = 1.439717; × 1.06 = 1.526100; e^1.526100 = 4.600203
    # 2400 × 4.600203 = 11 040.5 s = 3:04:00
    assert predict(10000, 2400, 42195) == pytest.approx(11040.5, abs=0.2)


def test_five_k_in_twenty_minutes_predicts_the_half_with_the_same_ratio():
    # 21097.5 / 5000 = 4.2195 again: 1200 × 4.600203 = 5520.2 s = 1:32:00
    assert predict(5000, 1200, 21097.5) == pytest.approx(5520.2, abs=0.2)


def test_a_custom_exponent_scales_the_prediction():
    # 1200 × 2^1.0 = 2400
    assert predict(5000, 1200, 10000, exponent=1.0) == pytest.approx(2400)


def test_fit_recovers_the_exponent_of_consistent_efforts():
    # Made with k = 1.08: 1200 × 2^1.08 = 2536.84; 1200 × 4.2195^1.08 = 5681.50
    efforts = [(5000, 1200), (10000, 2536.84), (21097.5, 5681.50)]

    fit = fit_exponent(efforts)

    assert fit.exponent == pytest.approx(1.08, abs=1e-4)
    assert not fit.clamped
    assert fit.distances == 3


def test_fit_keeps_only_the_best_effort_per_distance():
    # Best 5K 1200 s, 10K 2500 s: k = ln(2500/1200) / ln 2 = 1.05889
    efforts = [(5000, 1500), (5000, 1200), (10000, 2500)]

    assert fit_exponent(efforts).exponent == pytest.approx(1.05889, abs=1e-4)


def test_implausible_fit_is_clamped_and_says_so():
    # 5K 20:00 and 10K 50:00: k = ln 2.5 / ln 2 = 1.3219
    fit = fit_exponent([(5000, 1200), (10000, 3000)])

    assert fit.exponent == MAX_EXPONENT
    assert fit.raw == pytest.approx(1.3219, abs=1e-4)
    assert fit.clamped


def test_fit_needs_two_distances_at_least_twice_apart():
    assert fit_exponent([(5000, 1200)]) is None
    assert fit_exponent([(5000, 1200), (5000, 1250)]) is None
    assert fit_exponent([(5000, 1200), (8000, 2000)]) is None
    assert fit_exponent([]) is None


def test_prediction_from_efforts_scales_the_nearest_best_with_the_fitted_exponent():
    # Nearest to the marathon is the half: 5681.50 × 2^1.08 = 12 010.9 s
    efforts = [(5000, 1200), (10000, 2536.84), (21097.5, 5681.50)]

    assert predict_from_efforts(efforts, 42195) == pytest.approx(12010.9, abs=0.5)


def test_prediction_from_one_effort_uses_the_default_exponent():
    predicted = predict_from_efforts([(10000, 2400)], 42195)

    assert DEFAULT_EXPONENT == 1.06
    assert predicted == pytest.approx(11040.5, abs=0.2)


def test_prediction_without_efforts_is_none():
    assert predict_from_efforts([], 42195) is None
