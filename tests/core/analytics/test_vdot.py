"""VDOT against the tables in Daniels' Running Formula.

Published rows (Daniels' Running Formula, VDOT race-equivalence table; the same
rows appear in the 2nd and 3rd editions):

    VDOT  5K     10K    half      marathon
    40    24:08  50:03  1:50:59   3:49:45
    50    19:57  41:21  1:31:35   3:10:49
    60    17:03  35:22  1:18:09   2:43:25

The book's tables were computed from the Daniels–Gilbert equations and rounded; the
equations reproduce them within a few seconds (about 10 s at the marathon), so the
tolerance is the larger of 3 s and 0.1 % of the time.
"""

import pytest

from athletiq_core.analytics.errors import AnalyticsError
from athletiq_core.analytics.vdot import (
    equivalent_performances,
    equivalent_time,
    training_paces,
    vdot,
)

DANIELS_ROWS = {
    40: {5000: 24 * 60 + 8, 10000: 50 * 60 + 3, 21097.5: 6659, 42195: 13785},
    50: {5000: 19 * 60 + 57, 10000: 41 * 60 + 21, 21097.5: 5495, 42195: 11449},
    60: {5000: 17 * 60 + 3, 10000: 35 * 60 + 22, 21097.5: 4689, 42195: 9805},
}
ROW_CASES = [
    (score, metres, seconds)
    for score, row in DANIELS_ROWS.items()
    for metres, seconds in row.items()
]


def _tolerance(seconds):
    return max(3.0, 0.001 * seconds)


@pytest.mark.parametrize(("score", "metres", "seconds"), ROW_CASES)
def test_equivalent_time_matches_daniels_table(score, metres, seconds):
    assert equivalent_time(score, metres) == pytest.approx(
        seconds, abs=_tolerance(seconds)
    )


def test_a_table_5k_scores_its_row_vdot():
    assert vdot(5000, 19 * 60 + 57) == pytest.approx(50, abs=0.1)
    assert vdot(5000, 24 * 60 + 8) == pytest.approx(40, abs=0.1)
    assert vdot(42195, 2 * 3600 + 43 * 60 + 25) == pytest.approx(60, abs=0.1)


def test_equivalent_time_inverts_vdot():
    score = vdot(10000, 2500)

    assert equivalent_time(score, 10000) == pytest.approx(2500, abs=0.01)


def test_equivalent_performances_cover_the_standard_races_in_order():
    performances = equivalent_performances(50)

    keys = [p.distance.key for p in performances]
    assert keys[0] == "1_mile" and keys[-1] == "marathon"
    assert {"5k", "10k", "15k", "half_marathon"} <= set(keys)
    times = [p.time_s for p in performances]
    assert times == sorted(times)
    five_k = next(p for p in performances if p.distance.key == "5k")
    assert five_k.time_s == pytest.approx(1197, abs=3)
    assert five_k.speed_mps == pytest.approx(5000 / five_k.time_s)


def test_training_paces_match_daniels_vdot_50_paces():
    # Daniels' VDOT 50 paces: T 4:15 /km (6:51 /mi), I 3:55 /km,
    # M 7:17 /mi, E from 5:52 /km.
    paces = training_paces(50)

    assert 1000 / paces["threshold"].fast_mps == pytest.approx(255, abs=1)
    assert 1609.344 / paces["threshold"].fast_mps == pytest.approx(411, abs=1)
    assert 1000 / paces["interval"].fast_mps == pytest.approx(235, abs=1)
    assert 1609.344 / paces["marathon"].fast_mps == pytest.approx(437, abs=1.5)
    assert 1000 / paces["easy"].slow_mps == pytest.approx(352, abs=1.5)


def test_training_paces_get_faster_from_easy_to_repetition():
    paces = training_paces(45)

    order = ["easy", "marathon", "threshold", "interval", "repetition"]
    speeds = [paces[name].fast_mps for name in order]
    assert speeds == sorted(speeds)
    assert paces["easy"].slow_mps < paces["easy"].fast_mps


def test_vdot_refuses_a_race_without_distance_or_time():
    with pytest.raises(AnalyticsError):
        vdot(0, 1200)
    with pytest.raises(ValueError, match="positive"):
        vdot(5000, -1)


def test_equivalent_time_refuses_superhuman_vdot():
    with pytest.raises(AnalyticsError, match="beyond"):
        equivalent_time(500, 5000)
