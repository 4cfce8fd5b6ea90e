"""The neutral result of reading one activity from a file, whatever its format.

A :class:`ParsedActivity` holds what the file itself says: the sport, when it
started, the per-sample :data:`~athletiq_core.streams.Streams`, the laps and pool
lengths the device marked, and the totals the device computed
(:class:`DeviceTotals`). Figures that Athletiq derives from the streams (moving
time, splits, best efforts) come later from :mod:`athletiq_core.metrics`, so a
file import and a Strava stream download go through the same code.

All durations are seconds, distances metres, speeds metres per second, heart rate
beats per minute, power watts and energy kilocalories.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

SOURCE_FORMATS = ("fit", "gpx", "tcx")


@dataclass
class ParsedLap:
    """One lap as the device marked it.

    ``start_offset_s`` is seconds from the activity start; ``elapsed_s`` is wall
    time, ``timer_s`` the time the device's timer ran (its "moving" time for the
    lap).
    """

    start_offset_s: float
    elapsed_s: float | None = None
    timer_s: float | None = None
    distance_m: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_watts: float | None = None


@dataclass
class SwimLength:
    """One pool length: ``active`` is False for a rest "length" between sets."""

    start_offset_s: float
    elapsed_s: float
    active: bool = True
    strokes: int | None = None
    stroke: str | None = None


@dataclass
class DeviceTotals:
    """What the device itself summed up for the activity (FIT session, TCX laps).

    Any figure the file does not give is None. ``timer_s`` is the time the
    device's timer ran (excluding manual and auto pauses); ``moving_s`` is only set
    when the device writes a separate moving time.
    """

    distance_m: float | None = None
    timer_s: float | None = None
    elapsed_s: float | None = None
    moving_s: float | None = None
    ascent_m: float | None = None
    calories_kcal: float | None = None
    avg_hr: float | None = None
    max_hr: float | None = None
    avg_watts: float | None = None
    max_watts: float | None = None
    avg_cadence: float | None = None


@dataclass
class ParsedActivity:
    """One activity read from a file.

    ``start_utc`` is an aware UTC datetime; ``start_local`` is the naive local
    wall-clock start when the file records it (FIT does, GPX and TCX do not) and
    ``utc_offset_s`` the matching offset in seconds. ``streams`` time is seconds
    since ``start_utc``. A multisport file gives one activity per sport leg; legs
    share ``multisport_group`` and are numbered by ``multisport_index`` (from 0) of
    ``multisport_count``. ``warnings`` are sentences for the user about what was
    repaired, skipped or lost.
    """

    source_format: str
    sport_type: str
    start_utc: datetime
    streams: Streams
    start_local: datetime | None = None
    utc_offset_s: int | None = None
    name: str | None = None
    device: str | None = None
    laps: list[ParsedLap] = field(default_factory=list)
    lengths: list[SwimLength] = field(default_factory=list)
    # Spans (seconds after start_utc) during which the device's timer was stopped.
    pauses: list[tuple[float, float]] = field(default_factory=list)
    pool_length_m: float | None = None
    indoor: bool = False
    totals: DeviceTotals | None = None
    multisport_group: str | None = None
    multisport_index: int | None = None
    multisport_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    # True when part of the recording was lost (a damaged or cut-short file) and
    # only the readable part was kept; ``warnings`` says what was lost.
    damaged: bool = False

    @property
    def active_length_count(self) -> int:
        """Number of pool lengths actually swum (rest lengths excluded)."""
        return sum(1 for length in self.lengths if length.active)

    @property
    def sample_count(self) -> int:
        """Number of samples in ``streams``."""
        return len(self.streams.get("time", []))


@dataclass
class ParsedRoute:
    """A planned or drawn route: points in order, without timestamps.

    ``points`` are (latitude, longitude, elevation or None). Segments and tracks
    are kept as separate lines in ``lines`` so distance never jumps between them.
    ``sport_type`` is None when the file does not name one.
    """

    source_format: str
    lines: list[list[tuple[float, float, float | None]]]
    name: str | None = None
    sport_type: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def points(self) -> list[tuple[float, float, float | None]]:
        """All points of every line, in file order."""
        return [point for line in self.lines for point in line]
