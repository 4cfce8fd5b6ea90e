"""Our figures from the streams agree with what each device summed up itself.

Bounds: distance within 1 %, moving time within 2 %, elevation gain within 10 %.
These check the figures derived from the streams, which are all a GPX file or a
Strava stream download has; what an imported activity shows for a file with
device totals is checked in ``tests/core/import_pipeline/test_shown_totals.py``.

The moving time is compared with the device's moving figure, as
:func:`tests.device_figures.device_time` picks it (``total_moving_time``, a pool
timer minus its rests, or the timer of a device that paused). A device whose
timer never stopped wrote an elapsed time, whatever it calls it (Suunto writes it
as ``total_moving_time`` too): our elapsed time must match it within 2 %, and our
moving time must too unless the athlete stood still for a while (STOOD_STILL).

Files whose device totals contradict their own records, or whose climbs are
below what the method resolves, are listed in EXCEPTIONS with the numbers. Each
exception states what must hold instead, and that is asserted; no bound is
loosened for the other files. Files in bad/ are not compared: part of their data
is lost by definition.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from athletiq_core.importing.parsed import ParsedActivity
from athletiq_core.importing.parsers import parse_file
from athletiq_core.metrics import DerivedMetrics, derive
from tests.core.importing.realdata import EXPORT_DIR, relative_files
from tests.device_figures import device_time

DISTANCE_BOUND = 0.01
MOVING_BOUND = 0.02
ASCENT_BOUND = 0.10

EDGE_1030 = "fit/GoldenCheetah__14582164182.fit.gz"
TRIATHLON = "fit/python-fitparse__sample_mulitple_header.fit"
ROAM = "quirks/tormoder-fit__unterminated-strings.fit"
KAROO = "fit/GoldenCheetah__Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit"
BOLT = (
    "quirks/python-fitparse__elemnt-bolt-no-application-id-inside-developer-data-id.fit"
)
FR305_MULTI = "tcx/GoldenCheetah__activity_165850259_multi-session.tcx"
SUUNTO = "fit/GoldenCheetah__Move_2020_01_15_19_27_16_Running.fit"
EDGE_705 = "tcx/GoldenCheetah__2009_09_19_09_22_42.tcx"
SKI = "tcx/tcxreader__cross-country-skiing_activity_1.tcx"
STRAVA_EXPORT = "strava-export"


def _below(ours: float, device: float, activity: ParsedActivity) -> bool:
    return ours < device


def _within_metres(limit: float) -> Callable[[float, float, ParsedActivity], bool]:
    return lambda ours, device, activity: abs(ours - device) <= limit


def _equals_last_record(ours: float, device: float, a: ParsedActivity) -> bool:
    recorded = [d for d in a.streams["distance"] if d is not None]
    return abs(ours - (recorded[-1] - recorded[0])) <= 0.5


def _between_strava_and_device(ours: float, device: float, a: ParsedActivity) -> bool:
    strava_gain = 61.878849029541016  # activities.csv, Elevation Gain, same activity
    return strava_gain <= ours <= device


@dataclass(frozen=True)
class Excused:
    reason: str
    holds: Callable[[float, float, ParsedActivity], bool]


# (file, activity index, metric) -> why the bound cannot hold, and what holds.
EXCEPTIONS: dict[tuple[str, int, str], Excused] = {
    # A virtual ride whose 2760 one-second records interleave two sources: the
    # altitude zigzags between them; the device counts 42 m, we 36 m.
    (EDGE_1030, 0, "ascent"): Excused("interleaved altitude sources", _below),
    # Triathlon transitions: the session boundary falls between records: T1's
    # first and last records give 143.95 m for the device's 141.7 m, T2's 34.0 m
    # for 31.93 m. A couple of metres is 1.6 % and 7.7 % of such short legs.
    (TRIATHLON, 1, "distance"): Excused("leg boundary", _within_metres(3.0)),
    (TRIATHLON, 3, "distance"): Excused("leg boundary", _within_metres(3.0)),
    # The run leg climbs 2 m by the device: one 0.2 m altitude step is already
    # 10 %, and 2 m is below the 3 m hysteresis. We count 0 m.
    (TRIATHLON, 4, "ascent"): Excused("below resolution", _within_metres(3.0)),
    # The Edge 530 counts 268 m; its altitude climbs 276 m with a 1 m
    # hysteresis on the raw records and 228 m with our 10 s / 3 m filter: it
    # counts the ripples of rolling terrain that the filter is there to ignore.
    ("fit/tormoder-fit__garmin.fit", 0, "ascent"): Excused(
        "device counts sub-3 m ripples", _below
    ),
    # Hammerhead Karoo 2: 351 m; raw altitude with a 1 m hysteresis gives
    # 368 m, our filter 295 m, for the same reason as the Edge 530.
    (KAROO, 0, "ascent"): Excused("device counts sub-3 m ripples", _below),
    # Wahoo BOLT, 2 minute ride: the device climbs 4 m; its altitude field is
    # missing from 76 of 132 records and we count 3.1 m, 0.9 m short.
    (BOLT, 0, "ascent"): Excused("below resolution", _within_metres(3.0)),
    # Wahoo ROAM, 32 s indoor test: the session says 69.0 m but its own last
    # record says 64.74 m.
    (ROAM, 0, "distance"): Excused(
        "session disagrees with records", _equals_last_record
    ),
    # Garmin Venu Sq run from the Strava export: the watch says 109 m, Strava
    # says 61.9 m for the same file (activities.csv); we say 96 m.
    (STRAVA_EXPORT, 0, "ascent"): Excused(
        "device and Strava disagree by 43 %", _between_strava_and_device
    ),
}

# Activities whose device never stopped its timer although the athlete stood
# still for a while: our moving time is shorter than the device's elapsed figure
# by those stops. Every other activity of a device that never paused must have a
# moving time within 2 % of that figure, so a stop rule that cuts real motion
# fails here.
STOOD_STILL = {
    # 1110 s at the start of the virtual ride have speed 0; we count 1636 s.
    (EDGE_1030, 0),
    # The runner covered 11 m in 52 s (596-648 s) and slowed below 0.5 m/s
    # elsewhere: we count 1377 s of 1480 s.
    (SUUNTO, 0),
    # The 32 s indoor test starts with 10 s at 0 m.
    (ROAM, 0),
    # A cafe stop from 5301 s to 6134 s covers 20 m: 7474 s of 8687 s.
    (EDGE_705, 0),
    # No GPS fix for the first 810 s (distance 0 while the heart rate is
    # 150-170); the third run has 268 s with the distance growing < 0.5 m/s.
    (FR305_MULTI, 0),
    (FR305_MULTI, 2),
    # 78 s with the distance growing slower than 0.5 m/s: 2351 s of 2401 s.
    (SKI, 0),
}

COMPARED_FILES = relative_files("fit", "tcx", "quirks") + [STRAVA_EXPORT]


@pytest.fixture(scope="module")
def summarised(parse_real, derive_real, real_data_dir):
    """(activity, derived metrics) pairs of a compared file."""
    export = parse_file(EXPORT_DIR / "activities" / "12866632127.fit.gz")
    export_derived = [derive(activity) for activity in export]

    def pairs(name: str) -> list[tuple[ParsedActivity, DerivedMetrics]]:
        if name == STRAVA_EXPORT:
            return list(zip(export, export_derived, strict=True))
        return list(zip(parse_real(name), derive_real(name), strict=True))

    return pairs


def _check(
    name: str,
    metric: str,
    cases: list[tuple[int, float, float, ParsedActivity]],
    bound: float,
) -> None:
    failures = []
    for index, ours, device, activity in cases:
        exception = EXCEPTIONS.get((name, index, metric))
        if exception is not None:
            if not exception.holds(ours, device, activity):
                failures.append(
                    f"#{index}: {ours:.1f} vs {device:.1f} ({exception.reason})"
                )
            continue
        off = abs(ours - device) / device if device else abs(ours)
        if off > bound:
            failures.append(
                f"#{index}: ours {ours:.1f}, device {device:.1f} ({off:.1%})"
            )
    assert not failures, f"{name} {metric}: " + "; ".join(failures)


@pytest.mark.parametrize("name", COMPARED_FILES)
def test_distance_is_within_one_percent_of_the_device(summarised, name):
    cases = [
        (index, derived.distance_m, activity.totals.distance_m, activity)
        for index, (activity, derived) in enumerate(summarised(name))
        if activity.totals and activity.totals.distance_m is not None
    ]

    _check(name, "distance", cases, DISTANCE_BOUND)


@pytest.mark.parametrize("name", COMPARED_FILES)
def test_moving_time_is_within_two_percent_of_the_device(summarised, name):
    cases = [
        (index, derived.moving_time_s, figure[1], activity)
        for index, (activity, derived) in enumerate(summarised(name))
        if (figure := device_time(activity)) and figure[0] == "moving"
    ]

    _check(name, "moving", cases, MOVING_BOUND)


@pytest.mark.parametrize("name", COMPARED_FILES)
def test_a_device_that_never_paused_matches_our_elapsed_time(summarised, name):
    cases = [
        (index, derived, figure[1], activity)
        for index, (activity, derived) in enumerate(summarised(name))
        if (figure := device_time(activity)) and figure[0] == "elapsed"
    ]

    _check(
        name,
        "elapsed",
        [(i, d.elapsed_time_s, s, a) for i, d, s, a in cases],
        MOVING_BOUND,
    )
    for index, derived, seconds, _activity in cases:
        moving = derived.moving_time_s
        if (name, index) in STOOD_STILL:
            assert moving < seconds * (1 - MOVING_BOUND), (name, index, moving)
        else:
            assert moving == pytest.approx(seconds, rel=MOVING_BOUND), (name, index)


@pytest.mark.parametrize("name", COMPARED_FILES)
def test_elevation_gain_is_within_ten_percent_of_the_device(summarised, name):
    cases = [
        (index, derived.elevation_gain_m or 0.0, activity.totals.ascent_m, activity)
        for index, (activity, derived) in enumerate(summarised(name))
        if activity.totals and activity.totals.ascent_m is not None
    ]

    _check(name, "ascent", cases, ASCENT_BOUND)


def test_every_exception_names_a_compared_activity(summarised):
    for name, index, _metric in EXCEPTIONS:
        assert index < len(summarised(name)), (name, index)
    for name, index in STOOD_STILL:
        assert index < len(summarised(name)), (name, index)
