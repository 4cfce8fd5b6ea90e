"""Structured workouts: interval runs and indoor bike sessions.

A workout is chosen from the activity id alone, so the summary (its name and
times), the streams (the speed or power of each step) and the laps of the detail
all agree without sharing state.
"""

from __future__ import annotations

from dataclasses import dataclass

from athletiq_core.demo.config import DemoConfig, rng_for


@dataclass(frozen=True)
class Step:
    """One step of a workout.

    For runs ``amount`` is metres and ``intensity`` the pace relative to 10K race
    pace (1.3 = 30 % slower). For rides ``amount`` is seconds and ``intensity`` a
    fraction of FTP.
    """

    label: str
    amount: float
    intensity: float


@dataclass(frozen=True)
class Workout:
    """A named sequence of steps."""

    name: str
    steps: tuple[Step, ...]

    @property
    def total(self) -> float:
        """Sum of the step amounts (metres for runs, seconds for rides)."""
        return sum(step.amount for step in self.steps)


# name pattern, rep metres, rep pace, recovery metres, recovery pace, max reps
_RUN_MENU = (
    ("{n} × 800 m", 800, 0.93, 400, 1.45, 10),
    ("{n} × 400 m @ Papendal", 400, 0.90, 200, 1.5, 16),
    ("{n} × 1 km", 1000, 0.96, 400, 1.4, 8),
    ("Tempo {n} × 2 km", 2000, 1.02, 500, 1.35, 4),
    ("Heuvels / hills {n} × 200 m", 200, 0.95, 200, 1.6, 12),
    ("Fartlek {n} × 1′/1′", 280, 0.92, 220, 1.35, 12),
)
# name, (seconds, FTP fraction) blocks between warm-up and cool-down, repeats
_RIDE_MENU = (
    ("Sweet spot {n} × 12′", ((720, 0.9), (300, 0.55)), (2, 4)),
    ("Threshold {n} × 10′", ((600, 1.0), (300, 0.5)), (2, 4)),
    ("VO2max {n} × 4′", ((240, 1.15), (240, 0.5)), (4, 6)),
    ("Over-unders {n} × 9′", ((180, 0.95), (60, 1.08), (300, 0.5)), (3, 6)),
    ("Endurance {n}′ Z2", ((600, 0.68),), (4, 9)),
)


def run_workout(cfg: DemoConfig, activity_id: int, metres: float) -> Workout:
    """An interval run of ``metres`` in total (warm-up and cool-down included)."""
    rng = rng_for(cfg, activity_id, "workout")
    pattern, rep, pace, rec, rec_pace, most = rng.choice(_RUN_MENU)
    warm = rng.choice((2000.0, 2500.0, 3000.0))
    room = max(0.0, metres - warm - 1000.0)
    reps = max(1, min(most, int(room // (rep + rec))))
    steps = [Step("Warm-up", warm, 1.28)]
    for k in range(reps):
        steps.append(Step(f"Rep {k + 1}", rep, pace))
        if k < reps - 1:
            steps.append(Step("Recovery", rec, rec_pace))
    cool = max(300.0, metres - sum(s.amount for s in steps))
    steps.append(Step("Cool-down", cool, 1.3))
    return Workout(pattern.format(n=reps), tuple(steps))


def ride_workout(cfg: DemoConfig, activity_id: int) -> Workout:
    """An indoor bike session (amounts in seconds, intensities as FTP fraction)."""
    rng = rng_for(cfg, activity_id, "workout")
    pattern, blocks, (low, high) = rng.choice(_RIDE_MENU)
    repeats = rng.randint(low, high)
    steps = [Step("Warm-up", 600.0, 0.55)]
    for k in range(repeats):
        for seconds, ftp in blocks:
            steps.append(Step(f"Interval {k + 1}", float(seconds), ftp))
    steps.append(Step("Cool-down", 420.0, 0.5))
    minutes = round(sum(s.amount for s in steps[1:-1]) / 60)
    name = pattern.format(n=minutes if "Endurance" in pattern else repeats)
    return Workout(name, tuple(steps))


def run_pace_factor(workout: Workout) -> float:
    """Average pace of a run workout relative to 10K pace (time-weighted)."""
    return sum(s.amount * s.intensity for s in workout.steps) / workout.total


def ride_power_factors(workout: Workout) -> tuple[float, float]:
    """Average and normalised power of a ride workout as FTP fractions."""
    seconds = workout.total
    average = sum(s.amount * s.intensity for s in workout.steps) / seconds
    fourth = sum(s.amount * s.intensity**4 for s in workout.steps) / seconds
    return average, fourth**0.25
