"""Heart rate, cadence, power and temperature series that follow the effort.

Each series is shaped by the per-second effort of :mod:`motion` and then pinned
to the summary's figures: heart rate to its average and maximum, cadence and
power to their averages, so streams and summary tell the same story.
"""

from __future__ import annotations

import math
import random
from itertools import accumulate

from athletiq_core.demo.form import RESTING_HR

_RISE_S = 25.0
_HR_STEP = 5
# Mean temperature (°C) by month at home; trips use their own month's value.
_MONTHLY_C = (3, 4, 7, 10, 14, 17, 19, 19, 15, 11, 7, 4)


def heart_rate(
    effort: list[float], moving: list[int], average: float, peak: float
) -> list[float]:
    """Heart rate (bpm) lagging the effort, with cardiac drift, whose mean is
    ``average`` and maximum ``peak``."""
    # The heart responds over tens of seconds, so the lag is computed every few
    # seconds and interpolated in between.
    count = len(effort)
    level, coarse = average - 30.0, []
    for k in range(0, count, _HR_STEP):
        if moving[k] or k == 0:
            target = average + 60.0 * (effort[k] - 1.0) + 6.0 * k / count
        else:
            target = average - 25.0
        level += (target - level) * _HR_STEP / _RISE_S
        coarse.append(level)
    fine = _interpolate(coarse, count, _HR_STEP)
    return [float(int(v + 0.5)) for v in _pin(fine, average, peak, RESTING_HR + 15)]


def _interpolate(coarse: list[float], count: int, step: int) -> list[float]:
    out: list[float] = []
    for a, b in zip(coarse, [*coarse[1:], coarse[-1]], strict=True):
        delta = (b - a) / step
        out.extend([a + delta * i for i in range(step)])
    return out[:count]


def _pin(values: list[float], mean: float, peak: float, floor: float) -> list[float]:
    # Stretch the swings so the top reaches ``peak`` (within reason), keep above
    # ``floor``, then shift back onto ``mean`` and cap at ``peak``.
    current = sum(values) / len(values)
    top = max(values)
    gain = min(3.0, (peak - mean) / (top - current)) if top > current else 1.0
    stretched = [mean + (v - current) * gain for v in values]
    stretched = [floor if v < floor else v for v in stretched]
    shift = mean - sum(stretched) / len(stretched)
    return [peak if v + shift > peak else v + shift for v in stretched]


def cadence(
    effort: list[float],
    moving: list[int],
    average: float,
    bike: bool,
    rng: random.Random,
) -> list[float]:
    """Cadence (rpm; one-leg steps per minute on foot), zero when stopped or
    coasting, averaging ``average`` over the non-zero samples."""
    draw = rng.random
    if bike:
        raw = [average + 4.0 * (e - 1.0) + 3.0 * (draw() - 0.5) for e in effort]
        raw = _coasting(raw, rng)
    else:
        raw = [average * e**0.15 + 3.0 * (draw() - 0.5) for e in effort]
    raw = [v if on else 0.0 for v, on in zip(raw, moving, strict=True)]
    active = [v for v in raw if v > 0]
    shift = average - sum(active) / len(active) if active else 0.0
    return [float(int(v + shift + 0.5)) if v > 0 else 0.0 for v in raw]


def _coasting(values: list[float], rng: random.Random) -> list[float]:
    # Riders stop pedalling for a few seconds about once every two minutes.
    out = list(values)
    position = rng.randrange(30, 150)
    while position < len(out):
        length = rng.randrange(3, 12)
        out[position : position + length] = [0.0] * len(
            out[position : position + length]
        )
        position += length + rng.randrange(30, 150)
    return out


def power(
    effort: list[float],
    cadence_rpm: list[float] | None,
    average: float,
    peak: float,
    rng: random.Random,
) -> list[float]:
    """Power (W): effort with noise, zero when not pedalling, scaled so that the
    mean over pedalling and coasting samples is ``average``, capped at ``peak``."""
    draw = rng.random
    raw = [e * (0.88 + 0.24 * draw()) for e in effort]
    if cadence_rpm is not None:
        raw = [v if c > 0 else 0.0 for v, c in zip(raw, cadence_rpm, strict=True)]
    counted = sum(1 for e in effort if e > 0)
    total = sum(raw)
    scale = average * counted / total if total else 0.0
    return [float(int(v * scale + 0.5)) if v * scale < peak else peak for v in raw]


def temperature(month: int, hour: int, count: int, rng: random.Random) -> list[float]:
    """Air temperature (°C, whole degrees) drifting slowly around the month's
    mean, warmer in the afternoon; it changes at most once a minute."""
    base = _MONTHLY_C[month - 1] + 3.0 * math.sin(math.pi * (hour - 9) / 12)
    drift, out = rng.uniform(-2, 2), []
    for start in range(0, count, 60):
        drift = max(-4.0, min(4.0, drift + rng.uniform(-0.3, 0.3)))
        out.extend([float(round(base + drift))] * min(60, count - start))
    return out


def smooth(values: list[float], width: int = 5) -> list[float]:
    """Centred moving average over ``width`` samples (``velocity_smooth``);
    the window shrinks at both ends."""
    half, count = width // 2, len(values)
    prefix = [0.0, *accumulate(values)]
    middle = [(prefix[k + width] - prefix[k]) / width for k in range(count - 2 * half)]
    if count <= 2 * half:
        return [_window_mean(prefix, k, half, count) for k in range(count)]
    head = [_window_mean(prefix, k, half, count) for k in range(half)]
    tail = [_window_mean(prefix, k, half, count) for k in range(count - half, count)]
    return head + middle + tail


def _window_mean(prefix: list[float], k: int, half: int, count: int) -> float:
    lo, hi = max(0, k - half), min(count, k + half + 1)
    return (prefix[hi] - prefix[lo]) / (hi - lo)
