"""Pure date arithmetic on *local* dates: ISO weeks, streaks, year-vs-year series.

Every date here is the athlete's local calendar date of an activity (from
``start_date_local``), never a UTC date: a run at 00:30 on New Year's Day in
Auckland belongs to the new year.

Year-over-year comparison aligns by calendar date on a 366-slot axis
(:func:`calendar_slot`): 1 March is slot 60 in every year, and slot 59 (29
February) exists in every year too; in common years it simply repeats the total
of 28 February. So "how far had I run by 1 March" lines up across years, and the
lines never drift apart by a day after February.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from athletiq_core.analytics.errors import AnalyticsError

SLOTS_PER_YEAR = 366
_LEAP_REFERENCE_YEAR = 2000
_ONE_DAY = dt.timedelta(days=1)


class IsoWeek(NamedTuple):
    """An ISO 8601 week: ``year`` is the ISO week-numbering year."""

    year: int
    week: int

    @property
    def monday(self) -> dt.date:
        """The local date of the week's Monday."""
        return week_monday(self.year, self.week)


def iso_week(day: dt.date) -> IsoWeek:
    """The ISO week holding ``day`` (2021-01-03 is in 2020-W53)."""
    year, week, _ = day.isocalendar()
    return IsoWeek(year, week)


def week_monday(iso_year: int, week: int) -> dt.date:
    """The Monday of ISO week ``week`` of ``iso_year``."""
    try:
        return dt.date.fromisocalendar(iso_year, week, 1)
    except ValueError as error:
        raise AnalyticsError(f"{iso_year}-W{week:02d} is not an ISO week.") from error


def last_iso_weeks(end: dt.date, count: int) -> list[IsoWeek]:
    """The ``count`` ISO weeks ending with the week of ``end``, oldest first."""
    if count < 1:
        raise AnalyticsError(f"Ask for at least one week, not {count}.")
    end_monday = end - dt.timedelta(days=end.weekday())
    mondays = (end_monday - dt.timedelta(weeks=n) for n in range(count - 1, -1, -1))
    return [iso_week(monday) for monday in mondays]


@dataclass(frozen=True)
class Streaks:
    """Runs of consecutive active days: ``current`` and ``longest``, in days.

    ``longest_end`` is the last day of the longest streak (the latest one on ties).
    """

    current: int
    longest: int
    longest_end: dt.date | None


def streaks(active_days: Iterable[dt.date], today: dt.date) -> Streaks:
    """Current and longest streaks of consecutive local dates with activity.

    The current streak is still alive when its last active day is ``today`` or
    yesterday: a streak is not broken until a whole day passes without activity.
    """
    days = sorted(set(active_days))
    longest, longest_end, run = 0, None, 0
    for index, day in enumerate(days):
        consecutive = index > 0 and day - days[index - 1] == _ONE_DAY
        run = run + 1 if consecutive else 1
        if run >= longest:
            longest, longest_end = run, day
    alive = bool(days) and today - days[-1] <= _ONE_DAY
    return Streaks(run if alive else 0, longest, longest_end)


def calendar_slot(day: dt.date) -> int:
    """``day``'s index (0–365) on the 366-day calendar axis; 1 March is 60."""
    same_day_leap = dt.date(_LEAP_REFERENCE_YEAR, day.month, day.day)
    return same_day_leap.timetuple().tm_yday - 1


def slot_date(slot: int, year: int) -> dt.date | None:
    """The date of ``slot`` in ``year``; None for 29 February in a common year."""
    reference = dt.date(_LEAP_REFERENCE_YEAR, 1, 1) + dt.timedelta(days=slot)
    try:
        return dt.date(year, reference.month, reference.day)
    except ValueError:
        return None


def cumulative_year(
    daily: Mapping[dt.date, float], year: int, through: dt.date | None = None
) -> list[float | None]:
    """Running totals for ``year`` on the 366-slot axis (units as in ``daily``).

    ``daily`` maps local dates to that day's amount (metres, seconds…). Slots
    after ``through`` (for the year in progress) are None.
    """
    totals: list[float | None] = []
    running = 0.0
    for slot in range(SLOTS_PER_YEAR):
        day = slot_date(slot, year)
        if through is not None and day is not None and day > through:
            totals.extend([None] * (SLOTS_PER_YEAR - slot))
            break
        running += daily.get(day, 0.0) if day else 0.0
        totals.append(running)
    return totals
