"""What a view looks at: one athlete, a sport or sport group, a range of local dates.

Every view takes a :class:`Filters` and narrows its queries with
:func:`apply_filters`, which also leaves out deleted activities, so no view can
forget them. Date ranges are on the activity's *local* date and include both
ends.

Periods ("this year", "last 3 months"…) are resolved against a ``today`` the
caller passes (the athlete's local date), so the arithmetic never reads a clock
and reads the same in a test as on the first of January.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta
from peewee import ModelSelect

from athletiq_core.analytics.errors import AnalyticsError
from athletiq_core.db.models import Activity
from athletiq_core.sports import sport_types_for

logger = logging.getLogger(__name__)


class FilterError(AnalyticsError):
    """A filter or period that cannot select anything sensible."""


class PeriodPreset(enum.Enum):
    """The period choices every view offers."""

    ALL_TIME = "all"
    THIS_YEAR = "this_year"
    LAST_YEAR = "last_year"
    LAST_6_MONTHS = "last_6_months"
    LAST_3_MONTHS = "last_3_months"
    LAST_MONTH = "last_month"
    CUSTOM = "custom"


_MONTHS_BACK = {
    PeriodPreset.LAST_6_MONTHS: 6,
    PeriodPreset.LAST_3_MONTHS: 3,
    PeriodPreset.LAST_MONTH: 1,
}


@dataclass(frozen=True)
class Period:
    """A period preset; ``start``/``end`` (local dates) only for ``CUSTOM``.

    "Last N months" runs from the same day N calendar months ago (the last day
    of a shorter month when that day does not exist) through ``today``. "This
    year" runs from 1 January through ``today``; "last year" is the whole of the
    previous calendar year.
    """

    preset: PeriodPreset = PeriodPreset.ALL_TIME
    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        custom = self.preset is PeriodPreset.CUSTOM
        if not custom and (self.start or self.end):
            raise FilterError(
                f"Only a custom period takes dates; {self.preset.value!r} does not."
            )
        _check_order(self.start, self.end)

    @classmethod
    def parse(cls, name: str) -> Period:
        """The preset named ``name`` (e.g. "this_year"); dates need :meth:`custom`."""
        named = {p.value: p for p in PeriodPreset if p is not PeriodPreset.CUSTOM}
        preset = named.get(name.strip().lower())
        if preset is None:
            choices = ", ".join(named)
            raise FilterError(f"Unknown period {name!r}: use one of {choices}.")
        return cls(preset)

    @classmethod
    def custom(cls, start: dt.date | None, end: dt.date | None) -> Period:
        """A custom range of local dates, both ends included (None: open)."""
        return cls(PeriodPreset.CUSTOM, start, end)

    def resolve(self, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
        """The first and last local dates of the period (None: unbounded)."""
        preset = self.preset
        if preset is PeriodPreset.ALL_TIME:
            return None, None
        if preset is PeriodPreset.CUSTOM:
            return self.start, self.end
        if preset is PeriodPreset.THIS_YEAR:
            return dt.date(today.year, 1, 1), today
        if preset is PeriodPreset.LAST_YEAR:
            return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
        return today - relativedelta(months=_MONTHS_BACK[preset]), today


@dataclass(frozen=True)
class Filters:
    """One athlete's activities, optionally of one sport and between local dates.

    ``sport`` is a group key ("run", "runs", "ride"…), a Strava sport type
    ("TrailRun") or None for every sport. ``start`` and ``end`` are local dates,
    both included; None leaves that side open.
    """

    athlete_id: int
    sport: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def __post_init__(self) -> None:
        sport_types_for(self.sport)

    @property
    def sport_types(self) -> frozenset[str] | None:
        """The Strava sport types selected, or None for all."""
        return sport_types_for(self.sport)

    def for_year(self, year: int) -> Filters:
        """These filters narrowed to the local calendar year ``year``."""
        return self.within(dt.date(year, 1, 1), dt.date(year, 12, 31))

    def for_period(self, period: Period, today: dt.date) -> Filters:
        """These filters narrowed to ``period`` as it stands on ``today``."""
        return self.within(*period.resolve(today))

    def within(self, start: dt.date | None, end: dt.date | None) -> Filters:
        """These filters narrowed to ``start``…``end`` (the overlap of both ranges).

        Ranges that do not overlap give filters whose end is before their start,
        which select nothing.
        """
        starts = [day for day in (self.start, start) if day is not None]
        ends = [day for day in (self.end, end) if day is not None]
        return replace(
            self,
            start=max(starts) if starts else None,
            end=min(ends) if ends else None,
        )

    def with_sport(self, sport: str | None) -> Filters:
        """These filters with another sport selector."""
        return replace(self, sport=sport)

    @property
    def is_empty(self) -> bool:
        """True when the date range is empty (ends before it starts)."""
        return bool(self.start and self.end and self.end < self.start)


def _check_order(start: dt.date | None, end: dt.date | None) -> None:
    if start and end and end < start:
        raise FilterError(f"The date range ends ({end}) before it starts ({start}).")


def apply_filters(
    query: ModelSelect,
    filters: Filters,
    *,
    sport: bool = True,
    dates: bool = True,
) -> ModelSelect:
    """``query`` over :class:`Activity` narrowed by ``filters``; never deleted rows.

    ``sport=False`` or ``dates=False`` leave that part of the filters out, for
    views that split by sport themselves or need history before the range.
    """
    query = query.where(Activity.athlete == filters.athlete_id, ~Activity.deleted)
    types = filters.sport_types
    if sport and types is not None:
        query = query.where(Activity.sport_type.in_(sorted(types)))
    if dates and filters.start is not None:
        query = query.where(Activity.local_date >= filters.start)
    if dates and filters.end is not None:
        query = query.where(Activity.local_date <= filters.end)
    return query
