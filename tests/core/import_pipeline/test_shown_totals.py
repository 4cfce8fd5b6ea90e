"""What an imported activity shows against what its device summed up.

Every real file with a device session summary is imported into a real database;
each stored activity's distance must be within 1 % of the device's total, its
moving time within 2 % of the device's moving figure, and its elevation gain
within 10 % of the device's, with no exceptions. Which device figure is a moving
time is decided by :func:`tests.device_figures.device_time`; a device
that never stopped its timer wrote an elapsed time, which the stored elapsed
time must match instead.
"""

from __future__ import annotations

import datetime as dt

from athletiq_core.db.models import Activity, Athlete
from athletiq_core.importing.parsed import ParsedActivity
from athletiq_core.importing.parsers import parse_file
from athletiq_core.importing.pipeline import import_paths
from tests.core.importing.realdata import EXPORT_DIR, REAL_DIR, relative_files
from tests.core.importing.test_device_totals import (
    ASCENT_BOUND,
    DISTANCE_BOUND,
    MOVING_BOUND,
)
from tests.device_figures import device_time

FOLDERS = ("fit", "tcx", "quirks")
EXPORT_FIT = EXPORT_DIR / "activities" / "12866632127.fit.gz"


def _summarised_files() -> list[tuple[str, list[ParsedActivity]]]:
    files = [REAL_DIR / name for name in relative_files(*FOLDERS)] + [EXPORT_FIT]
    parsed = []
    for path in files:
        try:
            activities = parse_file(path)
        except Exception:  # routes and refused files show no totals
            continue
        kept = [activity for activity in activities if activity.totals]
        if kept:
            parsed.append((path.name, kept))
    return parsed


def _stored(activity: ParsedActivity) -> Activity:
    start = activity.start_utc.replace(tzinfo=None)
    window = dt.timedelta(seconds=60)
    return Activity.get(
        Activity.start_date.between(start - window, start + window),
        Activity.deleted == False,  # noqa: E712
    )


def _failures(name: str, parsed: ParsedActivity, stored: Activity) -> list[str]:
    totals, found = parsed.totals, []
    if totals.distance_m and not _near(
        stored.distance, totals.distance_m, DISTANCE_BOUND
    ):
        found.append(f"distance {stored.distance:.1f} vs {totals.distance_m:.1f}")
    if totals.ascent_m and not _near(
        stored.total_elevation_gain, totals.ascent_m, ASCENT_BOUND
    ):
        found.append(f"ascent {stored.total_elevation_gain} vs {totals.ascent_m}")
    figure = device_time(parsed)
    if figure is not None:
        kind, seconds = figure
        shown = stored.moving_time if kind == "moving" else stored.elapsed_time
        if not _near(shown, seconds, MOVING_BOUND):
            found.append(f"{kind} time {shown} vs {seconds:.1f}")
        if stored.moving_time > seconds * (1 + MOVING_BOUND):
            found.append(f"moving time {stored.moving_time} above {seconds:.1f}")
    return [f"{name} {parsed.sport_type}: {failure}" for failure in found]


def _near(ours: float, device: float, bound: float) -> bool:
    return abs(ours - device) <= bound * device


def test_every_imported_activity_shows_its_devices_totals(db, tmp_path):
    athlete = Athlete.create(firstname="Ada")
    files = _summarised_files()
    import_paths([REAL_DIR / folder for folder in FOLDERS] + [EXPORT_FIT], athlete)

    failures = [
        failure
        for name, activities in files
        for parsed in activities
        for failure in _failures(name, parsed, _stored(parsed))
    ]

    assert sum(len(activities) for _, activities in files) >= 30
    assert not failures, "\n".join(failures)


def test_a_damaged_file_shows_what_was_recovered_not_the_devices_totals(db, tmp_path):
    athlete = Athlete.create(firstname="Ada")
    source = (REAL_DIR / "fit" / "tormoder-fit__garmin.fit").read_bytes()
    cut = tmp_path / "ride-cut-short.fit"
    cut.write_bytes(source[: len(source) // 2])

    summary = import_paths([cut], athlete)

    ride = Activity.get()
    assert summary.recovered == 1
    assert ride.distance < 0.8 * 66802.3  # the session's total for the whole ride
    assert ride.moving_time < 0.8 * 8789
