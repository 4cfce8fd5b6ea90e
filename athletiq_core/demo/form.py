"""How fit the demo athlete is on a given day.

The athlete started running seriously at the beginning of the history and keeps
improving, quickly at first: the 10K time goes from about 54 to 45 minutes and
the FTP from 195 to 240 W. Winters are a little slower, and the calf strain of
the second year costs some form for a couple of months.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from athletiq_core.demo.schedule import injury_window

WEIGHT_KG = 61.0
RESTING_HR = 48.0


@dataclass(frozen=True)
class Form:
    """Fitness on one day: 10K time (s), FTP (W), max HR (bpm), swim pace."""

    ten_k_s: float
    ftp_w: float
    max_hr: float
    swim_s_per_100m: float
    progress: float

    @property
    def ten_k_speed(self) -> float:
        """Race speed over 10K in m/s."""
        return 10000.0 / self.ten_k_s

    def race_time(self, metres: float) -> float:
        """Predicted race time in seconds over ``metres`` (Riegel, exponent 1.07)."""
        return self.ten_k_s * (metres / 10000.0) ** 1.07


def form_on(day: date, first: date, last: date) -> Form:
    """The athlete's :class:`Form` on ``day`` of the history ``first``..``last``."""
    span = max(1, (last - first).days)
    progress = min(1.0, max(0.0, (day - first).days / span))
    slow = _seasonal(day) * _after_injury(day, first)
    return Form(
        ten_k_s=(2700.0 + 560.0 * math.exp(-2.8 * progress)) * slow,
        ftp_w=(195.0 + 45.0 * (1 - math.exp(-2.2 * progress))) / slow,
        max_hr=187.0 - 4.0 * progress,
        swim_s_per_100m=(123.0 + 14.0 * math.exp(-2.0 * progress)) * slow,
        progress=progress,
    )


def _seasonal(day: date) -> float:
    return 1.0 + 0.012 * math.cos(2 * math.pi * (day.timetuple().tm_yday - 30) / 365)


def _after_injury(day: date, first: date) -> float:
    _, healed = injury_window(first)
    weeks = (day - healed).days / 7
    if weeks < 0:
        return 1.0
    return 1.0 + 0.04 * math.exp(-weeks / 5)
