"""Annual distance goals per sport group: done, on pace, and needed per week.

The on-pace line is the target spread evenly over the days of the year: on
``today`` (counted as done) it stands at ``target × days so far / days in the
year``. What is needed per week spreads the remainder over the days left after
today. A goal for the sport group "all" counts every sport.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.views.common import total_of
from athletiq_core.db.models import Activity, Goal
from athletiq_core.sports import GROUP_LABELS, group_of
from athletiq_core.units import UnitSystem, format_distance

logger = logging.getLogger(__name__)

ALL_SPORTS = "all"


@dataclass(frozen=True)
class GoalProgress:
    """One goal, in metres: the target, done so far, the on-pace mark and more.

    ``ahead_m`` is done minus on pace (negative when behind);
    ``needed_per_week_m`` is None once the year is over.
    """

    sport_group: str
    label: str
    target_m: float
    done_m: float
    on_pace_m: float
    ahead_m: float
    remaining_m: float
    needed_per_week_m: float | None
    fraction_done: float
    target_text: str
    done_text: str
    on_pace_text: str
    needed_per_week_text: str


@dataclass(frozen=True)
class Goals:
    """The goals of ``year`` with their progress on ``today``."""

    year: int
    today: dt.date
    year_fraction: float
    goals: list[GoalProgress]


def goals(filters: Filters, units: UnitSystem, year: int, today: dt.date) -> Goals:
    """Progress on the athlete's goals for ``year`` as of ``today`` (local date).

    The sport filter does not apply: each goal names its own sport group.
    """
    rows = list(
        Goal.select(Goal.sport_group, Goal.target_distance)
        .where(Goal.athlete == filters.athlete_id, Goal.year == year)
        .order_by(Goal.sport_group)
        .tuples()
    )
    done = _distance_per_group(filters, year, today)
    elapsed, days_left, length = _year_progress(year, today)
    fraction = elapsed / length
    progress = [
        _progress(group, target, done, fraction, days_left, units)
        for group, target in rows
    ]
    return Goals(year, today, fraction, progress)


def _distance_per_group(filters: Filters, year: int, today: dt.date) -> dict:
    query = Activity.select(Activity.sport_type, total_of(Activity.distance))
    scoped = filters.with_sport(None).for_year(year).within(None, today)
    query = apply_filters(query, scoped).group_by(Activity.sport_type)
    done: dict[str, float] = defaultdict(float)
    for sport_type, metres in query.tuples():
        done[group_of(sport_type)] += metres
        done[ALL_SPORTS] += metres
    return done


def _year_progress(year: int, today: dt.date) -> tuple[int, int, int]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    length = (last - first).days + 1
    if today < first:
        return 0, length, length
    elapsed = min((today - first).days + 1, length)
    return elapsed, length - elapsed, length


def _label(group: str) -> str:
    return "All sports" if group == ALL_SPORTS else GROUP_LABELS.get(group, group)


def _progress(
    group: str,
    target: float,
    done: dict[str, float],
    fraction: float,
    days_left: int,
    units: UnitSystem,
) -> GoalProgress:
    done_m = done.get(group, 0.0)
    on_pace = target * fraction
    remaining = max(target - done_m, 0.0)
    per_week = remaining / days_left * 7 if days_left else None
    return GoalProgress(
        sport_group=group,
        label=_label(group),
        target_m=target,
        done_m=done_m,
        on_pace_m=on_pace,
        ahead_m=done_m - on_pace,
        remaining_m=remaining,
        needed_per_week_m=per_week,
        fraction_done=done_m / target if target else 0.0,
        target_text=format_distance(target, units, 0),
        done_text=format_distance(done_m, units),
        on_pace_text=format_distance(on_pace, units),
        needed_per_week_text=format_distance(per_week, units),
    )
