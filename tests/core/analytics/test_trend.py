"""Least-squares trend lines."""

import pytest

from athletiq_core.analytics.trend import linear_trend


def test_points_on_a_line_fit_exactly():
    trend = linear_trend([(0, 1), (1, 3), (2, 5)])

    assert trend.slope == pytest.approx(2)
    assert trend.intercept == pytest.approx(1)
    assert trend.r_squared == pytest.approx(1)
    assert trend.at(10) == pytest.approx(21)


def test_scattered_points_fit_by_least_squares():
    # mean x = 2, mean y = 5/3; Sxx = 2, Sxy = 1 -> slope 0.5, intercept 2/3.
    # Residuals -1/6, 1/3, -1/6: SSres = 1/6; SStot = 2/3 -> r² = 0.75.
    trend = linear_trend([(1, 1), (2, 2), (3, 2)])

    assert trend.slope == pytest.approx(0.5)
    assert trend.intercept == pytest.approx(2 / 3)
    assert trend.r_squared == pytest.approx(0.75)
    assert trend.count == 3


def test_fewer_than_two_points_have_no_trend():
    assert linear_trend([]) is None
    assert linear_trend([(1, 5)]) is None


def test_points_at_one_x_have_no_trend():
    assert linear_trend([(3, 1), (3, 2)]) is None


def test_flat_points_fit_perfectly():
    trend = linear_trend([(0, 4), (1, 4), (5, 4)])

    assert trend.slope == 0
    assert trend.r_squared == 1.0
