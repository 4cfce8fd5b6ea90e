"""Which totals an imported activity shows: the device's own, or ours.

A device sums up its recording from its own sensors at their full rate (a
barometer sampled every second, a wheel sensor), so where a file carries the
device's totals the activity shows them, as the device's own app does:

* **distance** and **elevation gain**: the device's totals;
* **moving time**: the device's moving time when it writes one that is shorter
  than the elapsed time (and within :data:`MAX_DISAGREEMENT` of the recording's);
  otherwise the time derived from the streams, which
  already follows the device's timer pauses when it recorded any (see
  :mod:`athletiq_core.metrics.moving`). A timer that never stopped is an elapsed
  time, not a moving time, so it is never shown as one.

Figures derived from the streams fill in whatever the device did not sum up, and
replace all of its totals when they cannot describe the samples kept: when the
file was damaged and only part of it was recovered, or when the device's distance
and the samples' distance differ by more than :data:`MAX_DISAGREEMENT` (a file
cropped or joined by a tool that kept the old session totals). Strava's own
figures from an archive row take precedence over both (see
:mod:`.summary_row`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from athletiq_core.importing.parsed import DeviceTotals, ParsedActivity
from athletiq_core.metrics import DerivedMetrics

logger = logging.getLogger(__name__)

# Device and samples further apart than this share describe different recordings.
MAX_DISAGREEMENT = 0.25


@dataclass(frozen=True)
class ShownTotals:
    """Distance (m), moving time (s), elevation gain (m) and average speed (m/s)."""

    distance_m: float
    moving_time_s: float
    elevation_gain_m: float | None
    avg_speed_mps: float | None


def shown_totals(parsed: ParsedActivity, metrics: DerivedMetrics) -> ShownTotals:
    """The totals an imported activity shows (see the module docstring)."""
    totals = parsed.totals if _usable(parsed, metrics) else None
    distance = metrics.distance_m
    moving = metrics.moving_time_s
    gain = metrics.elevation_gain_m
    if totals is not None:
        distance = _positive(totals.distance_m) or distance
        moving = _device_moving(totals, moving) or moving
        gain = totals.ascent_m if totals.ascent_m is not None else gain
    return ShownTotals(
        distance_m=distance,
        moving_time_s=moving,
        elevation_gain_m=gain,
        avg_speed_mps=distance / moving if moving > 0 and distance > 0 else None,
    )


def _usable(parsed: ParsedActivity, metrics: DerivedMetrics) -> bool:
    """Whether the device's totals describe the samples this activity kept."""
    totals = parsed.totals
    if totals is None or parsed.damaged:
        return False
    device, ours = totals.distance_m or 0.0, metrics.distance_m
    if _disagree(device, ours):
        logger.info(
            "Device totals of a %s activity ignored: %.0f m against %.0f m recorded",
            parsed.sport_type,
            device,
            ours,
        )
        return False
    return True


def _device_moving(totals: DeviceTotals, ours: float) -> float | None:
    """The device's moving time, when it is one: shorter than the elapsed time,
    and not so far from the recording's that it must be a damaged value.
    """
    moving, elapsed = _positive(totals.moving_s), _positive(totals.elapsed_s)
    if moving is None or elapsed is None or moving >= elapsed - 1.0:
        return None
    return None if _disagree(moving, ours) else moving


def _disagree(device: float, ours: float) -> bool:
    """Whether two positive figures are too far apart to describe one recording."""
    return device > 0 and ours > 0 and abs(device - ours) > MAX_DISAGREEMENT * ours


def _positive(value: float | None) -> float | None:
    return value if value is not None and value > 0 else None
