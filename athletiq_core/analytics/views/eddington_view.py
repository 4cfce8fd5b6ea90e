"""Eddington numbers: overall and per sport group, in kilometres and in miles.

Days are local days and a day's distance is the sum of its activities (two 30 km
rides make one 60 km day). "Overall" adds every sport the filters select on the
same day; each sport group counts only its own distance.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from athletiq_core.analytics.eddington import Eddington, eddington
from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.views.common import total_of
from athletiq_core.db.models import Activity
from athletiq_core.sports import GROUP_LABELS, SPORT_GROUPS, group_of
from athletiq_core.units import UnitSystem

logger = logging.getLogger(__name__)

OVERALL = "all"


@dataclass(frozen=True)
class EddingtonRow:
    """The Eddington number of one scope ("all" or a sport group) in both units.

    ``primary`` is the one in the unit system the view was asked for.
    """

    scope: str
    label: str
    km: Eddington
    miles: Eddington
    primary: Eddington
    days: int


@dataclass(frozen=True)
class EddingtonView:
    """Overall first, then each sport group with activity, in table order."""

    rows: list[EddingtonRow]

    def row(self, scope: str) -> EddingtonRow | None:
        """The row for ``scope`` ("all", "run", "ride"…), or None."""
        return next((row for row in self.rows if row.scope == scope), None)


def eddington_view(filters: Filters, units: UnitSystem) -> EddingtonView:
    """Eddington numbers for ``filters``, overall and per sport group."""
    per_scope = _daily_metres_per_scope(filters)
    order = [OVERALL, *SPORT_GROUPS, "other"]
    return EddingtonView(
        [_row(scope, per_scope[scope], units) for scope in order if scope in per_scope]
    )


def _daily_metres_per_scope(filters: Filters) -> dict[str, dict[dt.date, float]]:
    query = Activity.select(
        Activity.local_date, Activity.sport_type, total_of(Activity.distance)
    ).where(Activity.distance > 0)
    query = apply_filters(query, filters).group_by(
        Activity.local_date, Activity.sport_type
    )
    per_scope: dict[str, dict] = defaultdict(lambda: defaultdict(float))
    for day, sport_type, metres in query.tuples():
        per_scope[OVERALL][day] += metres
        per_scope[group_of(sport_type)][day] += metres
    return per_scope


def _row(scope: str, daily: dict[dt.date, float], units: UnitSystem) -> EddingtonRow:
    metres = list(daily.values())
    km = eddington(metres, UnitSystem.METRIC)
    miles = eddington(metres, UnitSystem.IMPERIAL)
    label = "All sports" if scope == OVERALL else GROUP_LABELS[scope]
    primary = km if units is UnitSystem.METRIC else miles
    return EddingtonRow(scope, label, km, miles, primary, len(metres))
