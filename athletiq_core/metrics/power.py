"""Peak power: the highest average power over fixed durations (a power curve).

Power is treated as a step function of time: each sample's watts hold over the
interval since the sample before it, which suits both 1 s recording and "smart"
recording at irregular intervals. An interval longer than
:data:`~athletiq_core.metrics.series.MAX_GAP_S` is a pause and counts as 0 W, as
do missing samples. The average over a window is the energy in it divided by its
length, so irregular sampling is weighted correctly. The best window of a step
function starts or ends on a sample, so each duration needs two O(n) passes.
"""

from __future__ import annotations

import logging

from athletiq_core.metrics.series import MAX_GAP_S, times_of
from athletiq_core.streams import Streams

logger = logging.getLogger(__name__)

PEAK_POWER_DURATIONS_S = (5, 10, 30, 60, 300, 600, 1200, 1800, 3600)


def peak_power(streams: Streams) -> dict[int, float]:
    """Highest average watts for each duration in :data:`PEAK_POWER_DURATIONS_S`.

    Keys are durations in seconds; durations longer than the activity are left
    out. Empty when there is no ``watts`` stream.
    """
    raw = streams.get("watts")
    if not raw or all(value is None for value in raw):
        return {}
    times = times_of(streams)
    watts = _held_watts(times, raw)
    energy = _cumulative_energy(times, watts)
    peaks = {}
    for duration in PEAK_POWER_DURATIONS_S:
        if times[-1] - times[0] < duration:
            break
        peaks[duration] = _best_window(times, energy, watts, duration) / duration
    return peaks


def _held_watts(times: list[float], raw: list[float | None]) -> list[float]:
    """Watts holding over the interval that ends at each sample (0 for pauses)."""
    held = [0.0]
    for index in range(1, len(times)):
        dt = times[index] - times[index - 1]
        value = raw[index] if 0 < dt <= MAX_GAP_S else None
        held.append(max(0.0, value or 0.0))
    return held


def _cumulative_energy(times: list[float], watts: list[float]) -> list[float]:
    energy = [0.0]
    for index in range(1, len(times)):
        dt = max(0.0, times[index] - times[index - 1])
        energy.append(energy[-1] + watts[index] * dt)
    return energy


def _best_window(
    times: list[float], energy: list[float], watts: list[float], duration: float
) -> float:
    """Most joules in any ``duration`` seconds window inside the activity."""
    return max(
        _best_from_starts(times, energy, watts, duration),
        _best_to_ends(times, energy, watts, duration),
    )


def _best_from_starts(
    times: list[float], energy: list[float], watts: list[float], duration: float
) -> float:
    """Windows starting on a sample; ``k`` tracks the sample before their end."""
    best, k, last = 0.0, 0, len(times) - 1
    for index, start in enumerate(times):
        end = start + duration
        if end > times[last]:
            break
        while k < last and times[k + 1] < end:
            k += 1
        joules = energy[k] + watts[k + 1] * (end - times[k]) - energy[index]
        if joules > best:
            best = joules
    return best


def _best_to_ends(
    times: list[float], energy: list[float], watts: list[float], duration: float
) -> float:
    """Windows ending on a sample; ``k`` tracks the sample before their start."""
    best, k, last = 0.0, 0, len(times) - 1
    for index, end in enumerate(times):
        start = end - duration
        if start < times[0]:
            continue
        while k < last and times[k + 1] < start:
            k += 1
        joules = energy[index] - energy[k] - watts[k + 1] * (start - times[k])
        if joules > best:
            best = joules
    return best
