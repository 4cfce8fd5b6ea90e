"""Shoes and bikes: distance, use and when to retire them.

A gear's distance is Strava's total when Strava gave one (it includes activities
from before the history Athletiq holds), otherwise the sum of its logged
activities. Shoes are due for retirement at their own threshold or, when none is
set, at the "gear.shoe_retire_km" setting; bikes only at their own threshold.
Gear is lifetime equipment, so the sport and date filters do not apply.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from peewee import fn

from athletiq_core import settings
from athletiq_core.analytics.filters import Filters, apply_filters
from athletiq_core.analytics.views.common import as_date, total_of
from athletiq_core.db.models import Activity, Gear
from athletiq_core.units import UnitSystem, format_distance

logger = logging.getLogger(__name__)

GEAR_COLUMNS = (
    Gear.id,
    Gear.name,
    Gear.kind,
    Gear.brand_name,
    Gear.model_name,
    Gear.distance,
    Gear.retired,
    Gear.retire_at_distance,
)


@dataclass(frozen=True)
class GearRow:
    """One shoe or bike; distances in metres, dates local.

    ``retire_at_m`` is None when no threshold applies; ``due`` is True once the
    distance reaches it (for gear not yet retired).
    """

    gear_id: str
    name: str
    kind: str
    brand: str | None
    model: str | None
    distance_m: float
    logged_distance_m: float
    activity_count: int
    first_used: dt.date | None
    last_used: dt.date | None
    retired: bool
    retire_at_m: float | None
    remaining_m: float | None
    due: bool
    distance_text: str
    remaining_text: str


@dataclass(frozen=True)
class GearList:
    """Gear in use first (most distance first), then retired gear."""

    gear: list[GearRow]
    shoe_retire_m: float


def gear(filters: Filters, units: UnitSystem) -> GearList:
    """The athlete's gear with distances and retirement thresholds."""
    shoe_retire_m = float(settings.get("gear.shoe_retire_km")) * 1000
    usage = _usage(filters)
    stored = Gear.select(*GEAR_COLUMNS).where(Gear.athlete == filters.athlete_id)
    rows = [
        _row(item, usage.pop(item[0], None), shoe_retire_m, units)
        for item in stored.tuples()
    ]
    rows.extend(
        _row(_unlisted(gear_id), use, shoe_retire_m, units)
        for gear_id, use in usage.items()
    )
    rows.sort(key=lambda row: (row.retired, -row.distance_m, row.name))
    return GearList(rows, shoe_retire_m)


def _usage(filters: Filters) -> dict[str, tuple]:
    query = Activity.select(
        Activity.gear_id,
        fn.COUNT(Activity.id),
        total_of(Activity.distance),
        fn.MIN(Activity.local_date),
        fn.MAX(Activity.local_date),
    ).where(Activity.gear_id.is_null(False))
    scoped = Filters(filters.athlete_id)
    query = apply_filters(query, scoped).group_by(Activity.gear_id)
    return {row[0]: row[1:] for row in query.tuples()}


def _row(item: tuple, use: tuple | None, shoe_retire_m: float, units) -> GearRow:
    gear_id, name, kind, brand, model, distance, retired, retire_at = item
    count, logged, first, last = use or (0, 0.0, None, None)
    total = distance or logged
    threshold = retire_at or (shoe_retire_m if kind == "shoe" else None)
    remaining = None if threshold is None else threshold - total
    return GearRow(
        gear_id=gear_id,
        name=name or gear_id,
        kind=kind,
        brand=brand,
        model=model,
        distance_m=total,
        logged_distance_m=logged,
        activity_count=count,
        first_used=as_date(first) if first else None,
        last_used=as_date(last) if last else None,
        retired=bool(retired),
        retire_at_m=threshold,
        remaining_m=remaining,
        due=not retired and remaining is not None and remaining <= 0,
        distance_text=format_distance(total, units, 0),
        remaining_text=format_distance(remaining, units, 0),
    )


def _unlisted(gear_id: str) -> tuple:
    # Activities can name gear Strava never listed (an archive import, gear
    # since deleted): it still has a distance. Strava's ids start with "b" for
    # bikes and "g" for shoes.
    kind = "bike" if gear_id.startswith("b") else "shoe"
    return (gear_id, gear_id, kind, None, None, 0.0, False, None)
