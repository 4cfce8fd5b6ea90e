"""Age grades against the published 2020 road age-grading tables.

Factors and open standards from Alan Jones' 2020 road tables (MaleRoadStd2020.csv
and FemaleRoadStd2020.csv at github.com/AlanLyttonJones/Age-Grade-Tables, approved
by USATF MLDR 2020-05-20). Age grade = open standard / age factor / time:

- men 5 km: standard 12:51 (771 s); factor 0.8796 at 50, 0.8866 at 49;
- men marathon: standard 2:01:39 (7299 s); factor 0.8144 at 60;
- women 10 km: standard 29:43 (1783 s); factor 0.9623 at 40;
- women 5 km: standard 14:44 (884 s); factor 0.9225 at 47.
"""

import datetime as dt

import pytest

from athletiq_core.analytics.agegrade import (
    WMA_EDITION,
    age_grade,
    age_grade_for_distance,
    age_on,
)
from athletiq_core.analytics.errors import AnalyticsError

RACE_DAY = dt.date(2020, 6, 1)


def test_man_of_50_running_20_minutes_for_5k():
    # 771 / 0.8796 / 1200 = 0.730446
    grade = age_grade("5k", 1200, "M", dt.date(1970, 1, 15), RACE_DAY)

    assert grade.value == pytest.approx(0.730446, abs=1e-5)
    assert grade.age == 50
    assert grade.event_code == "5K"
    assert grade.reason is None


def test_woman_of_40_running_45_minutes_for_10k():
    # 1783 / 0.9623 / 2700 = 0.686242
    grade = age_grade("10k", 2700, "female", dt.date(1980, 3, 1), RACE_DAY)

    assert grade.value == pytest.approx(0.686242, abs=1e-5)


def test_man_of_60_running_a_3_30_marathon():
    # 7299 / 0.8144 / 12600 = 0.711304
    grade = age_grade("marathon", 12600, "m", dt.date(1960, 1, 1), RACE_DAY)

    assert grade.value == pytest.approx(0.711304, abs=1e-5)


def test_woman_of_47_running_25_minutes_for_5k():
    # 884 / 0.9225 / 1500 = 0.638844
    grade = age_grade("5k", 1500, "f", dt.date(1973, 1, 1), RACE_DAY)

    assert grade.value == pytest.approx(0.638844, abs=1e-5)


def test_age_is_taken_on_race_day():
    # The day before his 50th birthday he is 49: 771 / 0.8866 / 1200 = 0.724679
    grade = age_grade("5k", 1200, "m", dt.date(1970, 6, 2), RACE_DAY)

    assert grade.age == 49
    assert grade.value == pytest.approx(0.724679, abs=1e-5)


def test_open_age_world_standard_grades_100_percent():
    grade = age_grade("5k", 771, "m", dt.date(1995, 1, 1), RACE_DAY)

    assert grade.value == pytest.approx(1.0)


def test_leap_day_birthday_counts_from_the_first_of_march():
    born = dt.date(2000, 2, 29)

    assert age_on(born, dt.date(2021, 2, 28)) == 20
    assert age_on(born, dt.date(2021, 3, 1)) == 21
    assert age_on(born, dt.date(2024, 2, 29)) == 24


def test_unknown_sex_gives_no_grade_and_says_why():
    grade = age_grade("5k", 1200, None, dt.date(1970, 1, 1), RACE_DAY)

    assert grade.value is None
    assert "sex" in grade.reason


def test_unknown_birth_date_gives_no_grade_and_says_why():
    grade = age_grade("5k", 1200, "m", None, RACE_DAY)

    assert grade.value is None
    assert "birth date" in grade.reason


@pytest.mark.parametrize("key", ["400m", "1_mile", "2_mile"])
def test_distances_without_a_road_factor_give_no_grade(key):
    grade = age_grade(key, 300, "m", dt.date(1970, 1, 1), RACE_DAY)

    assert grade.value is None
    assert "no WMA road age factor" in grade.reason


def test_ages_outside_the_tables_give_no_grade():
    grade = age_grade("5k", 1800, "f", dt.date(2017, 1, 1), RACE_DAY)

    assert grade.value is None
    assert grade.age == 3


def test_race_distance_is_matched_to_the_standard_table():
    grade = age_grade_for_distance(5003, 1200, "m", dt.date(1970, 1, 15), RACE_DAY)

    assert grade.value == pytest.approx(0.730446, abs=1e-5)
    assert age_grade_for_distance(7300, 1800, "m", dt.date(1970, 1, 1), RACE_DAY).reason


def test_a_non_positive_time_is_refused():
    with pytest.raises(AnalyticsError):
        age_grade("5k", 0, "m", dt.date(1970, 1, 1), RACE_DAY)


def test_edition_names_its_source():
    assert "2020" in WMA_EDITION and "athlib" in WMA_EDITION
