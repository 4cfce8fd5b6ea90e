"""Local start times of imported files: where the activity happened decides."""

from __future__ import annotations

import datetime as dt

import pytest

from athletiq_core.cli import main
from athletiq_core.db.models import Activity, Athlete
from athletiq_core.importing.pipeline import import_paths
from tests.core.importing.realdata import REAL_DIR


@pytest.fixture
def athlete(db, monkeypatch):
    monkeypatch.setenv("ATHLETIQ_IMPORT_TIMEZONE", "America/New_York")
    return Athlete.create(firstname="Ada")


def _offset(activity: Activity) -> dt.timedelta:
    return activity.start_date_local - activity.start_date


def test_a_gpx_ride_is_placed_in_the_zone_where_it_started(athlete):
    import_paths(
        [REAL_DIR / "gpx" / "GoldenCheetah__UrbanBiker2019-04-18_16-12.gpx"], athlete
    )

    ride = Activity.get()
    assert ride.timezone == "Europe/Berlin"
    assert ride.utc_offset == 7200  # summer time in April
    assert _offset(ride) == dt.timedelta(hours=2)


def test_a_watch_whose_clock_says_utc_is_placed_by_its_position(athlete):
    # The COROS writes its local time as UTC; the ride starts in Colombia.
    name = "quirks/python-fitparse__coros-pace-2-cycling-misaligned-fields.fit"
    import_paths([REAL_DIR / name], athlete)

    ride = Activity.get()
    assert ride.timezone == "America/Bogota"
    assert _offset(ride) == dt.timedelta(hours=-5)
    assert (
        ride.start_date_local.date() == (ride.start_date - dt.timedelta(hours=5)).date()
    )


def test_without_a_position_a_tcx_uses_the_import_timezone_setting(athlete):
    import_paths(
        [REAL_DIR / "tcx" / "GoldenCheetah__activity_165850259_multi-session.tcx"],
        athlete,
    )

    zones = {a.sport_type: a.timezone for a in Activity.select()}
    assert zones == {"Run": "Europe/London", "Ride": "America/New_York"}


def test_a_virtual_ride_is_not_placed_on_its_virtual_map(athlete):
    # Zwift's London route carries London coordinates; the rider was elsewhere.
    import_paths(
        [REAL_DIR / "fit" / "python-fitparse__null_compressed_speed_dist.fit"], athlete
    )

    ride = Activity.get()
    assert ride.sport_type == "VirtualRide"
    assert ride.timezone == "America/New_York"


def test_a_pool_swim_keeps_the_watchs_own_local_time(athlete):
    name = "fit/GoldenCheetah__2024-10-20-104352-Pool Swim-BingiWatch.fit"
    import_paths([REAL_DIR / name], athlete)

    swim = Activity.get()
    assert swim.utc_offset == 7200
    assert _offset(swim) == dt.timedelta(hours=2)


def test_an_unknown_import_timezone_is_named_and_nothing_stored_changes(
    athlete, monkeypatch, capsys
):
    import_paths([REAL_DIR / "gpx" / "gpxpy__korita-zbevnica.gpx"], athlete)
    before = [(a.id, a.start_date_local) for a in Activity.select()]
    monkeypatch.setenv("ATHLETIQ_IMPORT_TIMEZONE", "Mars/Olympus_Mons")
    indoor = REAL_DIR / "fit" / "python-fitparse__sample-activity-indoor-trainer.fit"

    status = main(["import", str(indoor)])

    err = capsys.readouterr().err
    assert status != 0
    assert "Mars/Olympus_Mons" in err and "import.timezone" in err
    assert [(a.id, a.start_date_local) for a in Activity.select()] == before
