"""How each threshold behind the loads was obtained: set by the athlete or estimated.

A view shows "FTP 251 W (estimated: 95 % of your best 20-minute power…)", so the
athlete can see which numbers are guesses and replace them.
"""

from __future__ import annotations

from dataclasses import dataclass

from athletiq_core.analytics.thresholds import (
    THRESHOLD_HR_SHARE,
    AthleteThresholds,
    EstimatedThresholds,
    ThresholdEstimate,
)
from athletiq_core.units import MISSING, UnitSystem, format_pace

SET_BY_ATHLETE = "Set in your profile."
NOT_ENOUGH_DATA = "Not enough data to estimate it."

# (field, title, unit): the unit of ``ThresholdUsed.value``.
THRESHOLD_FIELDS = (
    ("ftp", "FTP", "W"),
    ("max_hr", "Maximum heart rate", "bpm"),
    ("rest_hr", "Resting heart rate", "bpm"),
    ("threshold_hr", "Threshold heart rate", "bpm"),
    ("threshold_pace", "Threshold pace", "m/s"),
)


@dataclass(frozen=True)
class ThresholdUsed:
    """One threshold: ``value`` in ``unit`` (W, bpm or m/s) or None.

    ``estimated`` is True when the value was not set by the athlete; ``how``
    says where it came from.
    """

    key: str
    title: str
    value: float | None
    unit: str
    estimated: bool
    how: str
    text: str


def explain(
    known: AthleteThresholds,
    filled: AthleteThresholds,
    estimates: EstimatedThresholds,
    units: UnitSystem,
) -> list[ThresholdUsed]:
    """One :class:`ThresholdUsed` per threshold, in :data:`THRESHOLD_FIELDS` order."""
    return [
        _explain_one(key, title, unit, known, filled, estimates, units)
        for key, title, unit in THRESHOLD_FIELDS
    ]


def _explain_one(key, title, unit, known, filled, estimates, units) -> ThresholdUsed:
    set_value, value = getattr(known, key), getattr(filled, key)
    text = _text(value, unit, units)
    if set_value:
        return ThresholdUsed(
            key, title, float(set_value), unit, False, SET_BY_ATHLETE, text
        )
    if value is None:
        return ThresholdUsed(key, title, None, unit, False, NOT_ENOUGH_DATA, text)
    how = _how(key, value, known, getattr(estimates, key))
    return ThresholdUsed(key, title, float(value), unit, True, how, text)


def _how(
    key: str,
    value: float,
    known: AthleteThresholds,
    estimate: ThresholdEstimate | None,
) -> str:
    # A threshold heart rate comes from the athlete's own maximum when only that
    # is set, not from the estimated maximum.
    if key == "threshold_hr" and known.max_hr:
        share = THRESHOLD_HR_SHARE * 100
        return f"{share:.0f} % of the maximum heart rate you set ({known.max_hr} bpm)."
    return estimate.how if estimate else NOT_ENOUGH_DATA


def _text(value: float | None, unit: str, units: UnitSystem) -> str:
    if value is None:
        return MISSING
    if unit == "m/s":
        return format_pace(value, units)
    return f"{value:.0f} {unit}"
