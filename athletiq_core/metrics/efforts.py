"""Best efforts: the fastest time over each standard distance within a run.

For each distance in :data:`~athletiq_core.distances.STANDARD_DISTANCES` the
activity covers, the fastest elapsed time over exactly that distance is found on
the cleaned distance series with linear interpolation between samples. Distance
against time is piecewise linear, so the fastest window starts or ends exactly on
a sample: one two-pointer pass tries every start sample with an interpolated end,
a second every end sample with an interpolated start, both O(n).

Guards against false records:

* Steps faster than 12 m/s (a faster pace than any human sprint) are cut to that
  speed when the distance series is cleaned, so a GPS jump cannot shorten an
  effort.
* An effort faster than 95 % of the world record for its distance means the data
  is wrong there, so that distance gets no effort from this activity.
* Only outdoor runs (Run, TrailRun) get best efforts: a treadmill or virtual run
  measures distance with a footpod or a game, not over the ground.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from athletiq_core.distances import STANDARD_DISTANCES, StandardDistance
from athletiq_core.metrics.series import distance_series, times_of
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

EFFORT_SPORTS = frozenset({"Run", "TrailRun"})

# Men's world bests in seconds, rounded down, as of 2025 (track up to 10K, road
# beyond). Used only as a plausibility floor.
_WORLD_BEST_S = {
    "400m": 43.0,
    "half_mile": 101.0,
    "1k": 131.0,
    "1_mile": 223.0,
    "2_mile": 478.0,
    "5k": 755.0,
    "10k": 1571.0,
    "15k": 2400.0,
    "10_mile": 2640.0,
    "20k": 3300.0,
    "half_marathon": 3400.0,
    "30k": 5200.0,
    "marathon": 7235.0,
    "50k": 9600.0,
}
_PLAUSIBLE_SHARE = 0.95


@dataclass(frozen=True)
class BestEffort:
    """The fastest ``distance_m`` metres: ``elapsed_s`` seconds.

    The effort lies between samples ``start_index`` and ``end_index`` (inclusive;
    its ends may fall between a sample and its neighbour, by interpolation).
    """

    key: str
    label: str
    distance_m: float
    elapsed_s: float
    start_index: int
    end_index: int


def best_efforts(
    streams: Streams, sport_type: str | None, indoor: bool
) -> list[BestEffort]:
    """Best efforts for each standard distance covered, shortest first.

    Empty for indoor activities and sports other than Run and TrailRun.
    """
    if indoor or sport_type not in EFFORT_SPORTS:
        return []
    distances = distance_series(streams, sport_type)
    if distances is None:
        return []
    times = times_of(streams)
    efforts = []
    for standard in STANDARD_DISTANCES:
        found = fastest_window(times, distances, standard.metres)
        if found is None:
            break
        if _plausible(standard, found[0]):
            efforts.append(
                BestEffort(standard.key, standard.label, standard.metres, *found)
            )
    return efforts


def _plausible(standard: StandardDistance, elapsed_s: float) -> bool:
    """False for an effort faster than 95 % of the world best: bad data."""
    if elapsed_s >= _WORLD_BEST_S[standard.key] * _PLAUSIBLE_SHARE:
        return True
    logger.debug(
        "Rejected a %s effort of %.1f s as implausible", standard.key, elapsed_s
    )
    return False


def fastest_window(
    times: list[float], distances: list[float], target_m: float
) -> tuple[float, int, int] | None:
    """Shortest seconds to cover ``target_m`` metres, with start and end sample.

    ``distances`` must never decrease. Returns None when the series is shorter
    than ``target_m``.
    """
    if target_m <= 0 or not distances or distances[-1] - distances[0] < target_m:
        return None
    forward = _fastest_from_starts(times, distances, target_m)
    backward = _fastest_to_ends(times, distances, target_m)
    candidates = [found for found in (forward, backward) if found is not None]
    return min(candidates, key=lambda found: found[0]) if candidates else None


def _fastest_from_starts(
    times: list[float], distances: list[float], target: float
) -> tuple[float, int, int] | None:
    best: tuple[float, int, int] | None = None
    end = 1
    for start in range(len(distances)):
        goal = distances[start] + target
        end = max(end, start + 1)
        while end < len(distances) and distances[end] < goal:
            end += 1
        if end == len(distances):
            break
        elapsed = _time_at(times, distances, end, goal) - times[start]
        if best is None or elapsed < best[0]:
            best = (elapsed, start, end)
    return best


def _fastest_to_ends(
    times: list[float], distances: list[float], target: float
) -> tuple[float, int, int] | None:
    best: tuple[float, int, int] | None = None
    start = 0
    for end in range(1, len(distances)):
        goal = distances[end] - target
        if goal < distances[0]:
            continue
        while start + 1 < end and distances[start + 1] <= goal:
            start += 1
        elapsed = times[end] - _time_at(times, distances, start + 1, goal)
        if best is None or elapsed < best[0]:
            best = (elapsed, start, end)
    return best


def _time_at(
    times: list[float], distances: list[float], index: int, goal: float
) -> float:
    """When the distance reaches ``goal``, between samples ``index - 1`` and ``index``.

    Returns seconds, interpolated linearly.
    """
    before, after = distances[index - 1], distances[index]
    if after <= before:
        return times[index]
    share = (goal - before) / (after - before)
    return times[index - 1] + (times[index] - times[index - 1]) * share
