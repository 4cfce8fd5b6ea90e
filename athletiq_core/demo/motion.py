"""Second-by-second movement of one activity: when it moves, how hard, how fast.

Samples are one second apart: sample 0 is the start and each later sample covers
the second before it, so an activity of ``elapsed_time`` seconds has
``elapsed_time + 1`` samples, of which exactly ``moving_time`` are moving. The
speeds are scaled so the distance adds up to the summary's distance exactly.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from itertools import accumulate

from athletiq_core.demo.routes import Route
from athletiq_core.demo.workouts import Workout

BIKE_KINDS = frozenset({"ride", "commute", "virtual"})
_GRADE_RESPONSE = {"ride": 9.0, "commute": 6.0}
_GRADE_WINDOW_M = 30.0
_COARSE_S = 5


@dataclass
class Motion:
    """Per-sample series: moving flag, relative effort, speed (m/s), distance (m)."""

    moving: list[int]
    effort: list[float]
    speed: list[float]
    distance: list[float]


def build_motion(
    summary: dict,
    kind: str,
    rng: random.Random,
    workout: Workout | None = None,
    track: Route | None = None,
) -> Motion:
    """The motion of ``summary``; ``track`` is its route when it has one."""
    total, moving_s = summary["distance"], summary["moving_time"]
    flags = _moving_flags(summary["elapsed_time"], moving_s, rng)
    effort = _noisy(_effort_shape(kind, moving_s, workout), rng)
    relative = [e ** (1 / 3) for e in effort] if kind in BIKE_KINDS else effort
    if track is not None and moving_s > 2:
        # Uphill the athlete slows down but works harder; downhill the reverse.
        factors = _grade_factors(track, kind, moving_s)
        relative = [v * g for v, g in zip(relative, factors, strict=True)]
        effort = [e * (0.4 + 0.6 / g) for e, g in zip(effort, factors, strict=True)]
    draw = rng.random
    # A second-to-second stride or pedal-stroke jitter of about ±1.5 %.
    relative = [v * (0.985 + 0.03 * draw()) for v in relative]
    scale = total / sum(relative) if total else 0.0
    speeds = _spread(flags, [v * scale for v in relative])
    return Motion(flags, _spread(flags, effort), speeds, _cumulative(speeds))


def _moving_flags(elapsed: int, moving: int, rng: random.Random) -> list[int]:
    stops = _stops(max(0, elapsed - moving), moving, rng)
    flags, done = [0], 0
    for place in sorted(stops):
        flags.extend([1] * (place - done) + [0] * stops[place])
        done = place
    flags.extend([1] * (moving - done))
    flags.extend([0] * (elapsed + 1 - len(flags)))
    return flags


def _stops(stopped: int, moving: int, rng: random.Random) -> dict[int, int]:
    # Up to six pauses (lights, a drink, a café), never in the first or last 3 %.
    if stopped == 0:
        return {}
    count = 1 + min(stopped // 45, 5)
    cuts = sorted(rng.randrange(stopped + 1) for _ in range(count - 1))
    lengths = [b - a for a, b in zip([0, *cuts], [*cuts, stopped], strict=True)]
    low, high = int(moving * 0.03), max(int(moving * 0.97), 1)
    stops: dict[int, int] = {}
    for length in lengths:
        place = rng.randrange(low, high + 1)
        stops[place] = stops.get(place, 0) + length
    return stops


def _effort_shape(kind: str, seconds: int, workout: Workout | None) -> list[float]:
    if workout is not None:
        return _steps(workout, seconds, kind == "virtual")
    if kind == "strength":
        return [1.25 if (k % 150) < 45 else 0.85 for k in range(seconds)]
    if kind in ("race", "long"):
        fade = 0.02 if kind == "race" else 0.03
        kick = 0.0 if kind == "long" else 0.06
        return [
            1 + fade * (0.5 - k / seconds) + (kick if k > seconds * 0.97 else 0.0)
            for k in range(seconds)
        ]
    return [1.0] * seconds


def step_marks(workout: Workout, seconds: int, bike: bool) -> list[int]:
    """Moving seconds at which each step of ``workout`` ends, for an activity
    of ``seconds`` moving seconds (run steps take time ∝ metres × pace factor)."""
    weights = [s.amount * (1 if bike else s.intensity) for s in workout.steps]
    total, done, marks = sum(weights), 0.0, []
    for weight in weights:
        done += weight
        marks.append(round(seconds * done / total))
    return marks


def _steps(workout: Workout, seconds: int, bike: bool) -> list[float]:
    # Runs give pace factors (speed ∝ 1 / factor), rides give FTP fractions.
    levels = [s.intensity if bike else 1 / s.intensity for s in workout.steps]
    out: list[float] = []
    spent = 0
    for until, level in zip(step_marks(workout, seconds, bike), levels, strict=True):
        out.extend([level] * (until - spent))
        spent = until
    mean = sum(out) / len(out) if out else 1.0
    return [v / mean for v in out] or [1.0] * seconds


def _noisy(shape: list[float], rng: random.Random) -> list[float]:
    # The drift wanders by about ±2.5 % and changes every few seconds; uniform
    # innovations are cheaper than Gaussian ones and look the same once filtered.
    drift, levels = 0.0, []
    draw = rng.random
    for _ in range(0, len(shape), _COARSE_S):
        drift = 0.86 * drift + 0.045 * (draw() - 0.5)
        levels.append(1.0 + drift)
    return [v * levels[k // _COARSE_S] for k, v in enumerate(shape)]


def _grade_factors(track: Route, kind: str, count: int) -> list[float]:
    # Grades change over tens of metres: one factor every few seconds is enough.
    coarse = max(3, count // _COARSE_S)
    step = track.length / coarse
    at = [(k + 0.5) * step for k in range(coarse)]
    alts = resample(track.cum, [track.alts], at)[0]
    reach = max(1, min(coarse // 2, round(_GRADE_WINDOW_M / step)))
    response = _GRADE_RESPONSE.get(kind, 5.0) / (2 * reach * step)
    padded = [alts[0]] * reach + alts + [alts[-1]] * reach
    factors = []
    for k in range(coarse):
        factor = math.exp(-response * (padded[k + 2 * reach] - padded[k]))
        factors.append(1.3 if factor > 1.3 else 0.55 if factor < 0.55 else factor)
    return [factors[min(coarse - 1, k * coarse // count)] for k in range(count)]


def resample(
    cum: list[float], series: list[list[float]], at: list[float]
) -> list[list[float]]:
    """Linear interpolation of each of ``series`` (given at distances ``cum``) at
    the non-decreasing distances ``at``; positions beyond the ends are clamped."""
    index, fraction = _locate(cum, at)
    return [
        [
            values[j] + (values[j + 1] - values[j]) * f
            for j, f in zip(index, fraction, strict=True)
        ]
        for values in series
    ]


def _locate(cum: list[float], at: list[float]) -> tuple[list[int], list[float]]:
    index, fraction = [], []
    j, last = 0, len(cum) - 2
    lo, hi = cum[0], cum[1]
    for s in at:
        while s > hi and j < last:
            j += 1
            lo, hi = hi, cum[j + 1]
        f = (s - lo) / (hi - lo) if hi > lo else 0.0
        index.append(j)
        fraction.append(0.0 if f < 0.0 else 1.0 if f > 1.0 else f)
    return index, fraction


def _spread(flags: list[int], per_moving: list[float]) -> list[float]:
    values = iter(per_moving)
    return [next(values) if flag else 0.0 for flag in flags]


def _cumulative(speeds: list[float]) -> list[float]:
    return list(accumulate(speeds))
