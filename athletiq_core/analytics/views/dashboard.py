"""The dashboard: run totals first, then every sport, weekly volume and the latest.

Everything is grouped by the activity's local date. Three queries build it
whatever the size of the history: totals per sport type (which also give the
run totals, the totals per sport group, the sport breakdown and the PR count),
volume per ISO week and sport type, and the newest activities.

The PR count is the sum of the personal records Strava awarded each activity
(``Activity.pr_count``), as Strava's own "PRs earned" shows it; activities from
files have none. The record progression over best efforts is in the personal
bests view.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from peewee import Case, Expression, fn

from athletiq_core.analytics.calendar_math import IsoWeek, last_iso_weeks
from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.views.common import (
    ACTIVITY_REF_COLUMNS,
    ActivityRef,
    Totals,
    activity_ref,
    add_totals,
    make_totals,
    total_of,
)
from athletiq_core.analytics.views.races import (
    PRESETS_BY_KEY,
    preset_condition,
    race_condition,
)
from athletiq_core.db.models import Activity
from athletiq_core.sports import GROUP_LABELS, SPORT_GROUPS, group_of
from athletiq_core.units import UnitSystem, format_distance

logger = logging.getLogger(__name__)

WEEK_COUNT = 52
RECENT_COUNT = 10
RUN_TYPES = SPORT_GROUPS["run"]


@dataclass(frozen=True)
class RunTotals:
    """Run totals plus the races over the half and full marathon presets."""

    totals: Totals
    half_marathons: int
    marathons: int


@dataclass(frozen=True)
class GroupTotals:
    """Totals of one sport group ("run", "ride"…, "other")."""

    group: str
    label: str
    totals: Totals


@dataclass(frozen=True)
class SportShare:
    """One sport type's totals and its share (0–1) of the count and moving time."""

    sport_type: str
    group: str
    totals: Totals
    count_share: float
    time_share: float


@dataclass(frozen=True)
class WeekVolume:
    """One ISO week (Monday ``monday``): totals and metres per sport group."""

    week: IsoWeek
    monday: dt.date
    totals: Totals
    distance_by_group: dict[str, float]


@dataclass(frozen=True)
class Dashboard:
    """Everything the dashboard shows for ``filters``.

    ``runs`` honour the date range but not the sport filter (the dashboard is
    run-first); the other totals honour both. ``weeks`` are the 52 ISO weeks up
    to the end of the range (or today), oldest first.
    """

    filters: Filters
    units: UnitSystem
    runs: RunTotals
    overall: Totals
    groups: list[GroupTotals]
    sports: list[SportShare]
    pr_count: int
    weeks: list[WeekVolume]
    peak_week_m: float
    peak_week_text: str
    recent: list[ActivityRef]


def dashboard(filters: Filters, units: UnitSystem, today: dt.date) -> Dashboard:
    """The dashboard of ``filters``; ``today`` is the athlete's local date."""
    per_type = _totals_per_sport_type(filters)
    chosen = [row for row in per_type if _selected(filters, row[0])]
    sports = _sport_shares(chosen, units)
    weeks = _weekly_volume(filters, min(today, filters.end or today), units)
    peak = max((week.totals.distance_m for week in weeks), default=0.0)
    return Dashboard(
        filters=filters,
        units=units,
        runs=_run_totals(per_type, filters, units),
        overall=add_totals([share.totals for share in sports], units),
        groups=_group_totals(sports, units),
        sports=sports,
        pr_count=sum(row[7] for row in chosen),
        weeks=weeks,
        peak_week_m=peak,
        peak_week_text=format_distance(peak, units),
        recent=_recent(filters, units),
    )


def _totals_per_sport_type(filters: Filters) -> list[tuple]:
    half, marathon = PRESETS_BY_KEY["half"], PRESETS_BY_KEY["marathon"]
    query = Activity.select(
        Activity.sport_type,
        fn.COUNT(Activity.id),
        total_of(Activity.distance),
        total_of(Activity.moving_time),
        total_of(Activity.total_elevation_gain),
        _count_where(race_condition() & preset_condition(half)),
        _count_where(race_condition() & preset_condition(marathon)),
        total_of(Activity.pr_count),
    )
    query = apply_filters(query, filters, sport=False).group_by(Activity.sport_type)
    return list(query.tuples())


def _count_where(condition: Expression) -> Expression:
    return fn.COALESCE(fn.SUM(Case(None, [(condition, 1)], 0)), 0)


def _selected(filters: Filters, sport_type: str) -> bool:
    types = filters.sport_types
    return types is None or sport_type in types


def _run_totals(rows: list[tuple], filters: Filters, units: UnitSystem) -> RunTotals:
    # A run-specific filter ("TrailRun") narrows the run totals; any other sport
    # filter leaves them on all runs.
    chosen = RUN_TYPES & (filters.sport_types or RUN_TYPES) or RUN_TYPES
    runs = [row for row in rows if row[0] in chosen]
    totals = make_totals(*(sum(row[i] for row in runs) for i in range(1, 5)), units)
    return RunTotals(totals, sum(r[5] for r in runs), sum(r[6] for r in runs))


def _sport_shares(rows: list[tuple], units: UnitSystem) -> list[SportShare]:
    count = sum(row[1] for row in rows)
    seconds = sum(row[3] for row in rows)
    shares = [
        SportShare(
            row[0],
            group_of(row[0]),
            make_totals(*row[1:5], units),
            row[1] / count if count else 0.0,
            row[3] / seconds if seconds else 0.0,
        )
        for row in rows
    ]
    return sorted(shares, key=lambda s: (-s.totals.count, s.sport_type))


def _group_totals(sports: list[SportShare], units: UnitSystem) -> list[GroupTotals]:
    by_group: dict[str, list[Totals]] = defaultdict(list)
    for share in sports:
        by_group[share.group].append(share.totals)
    order = [*SPORT_GROUPS, "other"]
    return [
        GroupTotals(group, GROUP_LABELS[group], add_totals(by_group[group], units))
        for group in order
        if group in by_group
    ]


def _weekly_volume(
    filters: Filters, end: dt.date, units: UnitSystem
) -> list[WeekVolume]:
    weeks = last_iso_weeks(end, WEEK_COUNT)
    first, last = weeks[0].monday, weeks[-1].monday + dt.timedelta(days=6)
    query = Activity.select(
        Activity.iso_year,
        Activity.iso_week,
        Activity.sport_type,
        fn.COUNT(Activity.id),
        total_of(Activity.distance),
        total_of(Activity.moving_time),
        total_of(Activity.total_elevation_gain),
    ).where(Activity.local_date.between(first, last))
    query = apply_filters(query, filters, dates=False).group_by(
        Activity.iso_year, Activity.iso_week, Activity.sport_type
    )
    return _weeks_from_rows(weeks, list(query.tuples()), units)


def _weeks_from_rows(
    weeks: list[IsoWeek], rows: list[tuple], units: UnitSystem
) -> list[WeekVolume]:
    by_week: dict[IsoWeek, list[tuple]] = defaultdict(list)
    for row in rows:
        by_week[IsoWeek(row[0], row[1])].append(row)
    return [_week_volume(week, by_week[week], units) for week in weeks]


def _week_volume(week: IsoWeek, rows: list[tuple], units: UnitSystem) -> WeekVolume:
    by_group: dict[str, float] = defaultdict(float)
    for row in rows:
        by_group[group_of(row[2])] += row[4]
    totals = make_totals(*(sum(row[i] for row in rows) for i in range(3, 7)), units)
    return WeekVolume(week, week.monday, totals, dict(by_group))


def _recent(filters: Filters, units: UnitSystem) -> list[ActivityRef]:
    query = apply_filters(Activity.select(*ACTIVITY_REF_COLUMNS), filters)
    newest = query.order_by(Activity.start_date.desc()).limit(RECENT_COUNT)
    return [activity_ref(row, units) for row in newest.tuples()]
