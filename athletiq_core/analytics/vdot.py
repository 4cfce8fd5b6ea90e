"""Jack Daniels' VDOT: one fitness number from a race, and what it predicts.

The two Daniels–Gilbert equations (Daniels & Gilbert, *Oxygen Power*, 1979; used
for the tables in *Daniels' Running Formula*):

- oxygen cost of running at ``v`` metres per minute, in ml/kg/min:
  ``VO2 = -4.60 + 0.182258·v + 0.000104·v²``
- fraction of VO2max that can be held for ``t`` minutes:
  ``F = 0.8 + 0.1894393·e^(-0.012778·t) + 0.2989558·e^(-0.1932605·t)``

VDOT is ``VO2 / F`` for a race of distance ``d`` run in ``t`` (``v = d / t``). The
equivalent time for another distance is found by bisection on the time, since VDOT
falls steadily as the time grows. Daniels' printed tables come from the same
equations and agree with them to within a few seconds up to the half marathon and
about ten seconds at the marathon.

Training paces are derived from the same equations (the speed whose oxygen cost is
a given share of VDOT, by solving the quadratic):

- easy: 59–66 % of VDOT. 59 % is the bottom of Daniels' E band and gives the slow
  end of the E range in his tables (5:52 /km at VDOT 50); the top of the band he
  states (74 %) would put "easy" within 25 s/km of marathon pace, so the fast end
  is 66 %, near the fast end his tables print (5:20 /km at VDOT 50);
- marathon: the equivalent marathon race pace;
- threshold: 88 % of VDOT (the top of Daniels' 83–88 % T band, where his
  published T paces sit);
- interval: 97.5 % of VDOT (the middle of his 95–100 % I band);
- repetition: the equivalent one-mile race pace (Daniels sets R at about current
  mile race pace).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from athletiq_core.analytics.errors import AnalyticsError
from athletiq_core.distances import BY_KEY, StandardDistance

# The standard distances Daniels tabulates that our distance table also has.
RACE_KEYS = (
    "1_mile",
    "2_mile",
    "5k",
    "10k",
    "15k",
    "10_mile",
    "half_marathon",
    "marathon",
)
EASY_BAND = (0.59, 0.66)
THRESHOLD_SHARE = 0.88
INTERVAL_SHARE = 0.975

# Bisection brackets the time between these speeds (m/s): a brisk walk and faster
# than any human race.
_SLOWEST_MPS = 0.5
_FASTEST_MPS = 12.0
_TIME_TOLERANCE_S = 0.001


@dataclass(frozen=True)
class EquivalentPerformance:
    """A predicted race: ``time_s`` seconds over ``distance``."""

    distance: StandardDistance
    time_s: float

    @property
    def speed_mps(self) -> float:
        """The average speed of the predicted race, in m/s."""
        return self.distance.metres / self.time_s


@dataclass(frozen=True)
class TrainingPace:
    """A training intensity as a speed range in m/s (equal ends for one pace)."""

    name: str
    slow_mps: float
    fast_mps: float
    method: str


def oxygen_cost(speed_m_per_min: float) -> float:
    """Oxygen cost (ml/kg/min) of running at ``speed_m_per_min`` metres per minute."""
    v = speed_m_per_min
    return -4.60 + 0.182258 * v + 0.000104 * v * v


def sustainable_fraction(minutes: float) -> float:
    """Fraction of VO2max (0–1) a runner can hold for a race of ``minutes``."""
    return (
        0.8
        + 0.1894393 * math.exp(-0.012778 * minutes)
        + 0.2989558 * math.exp(-0.1932605 * minutes)
    )


def vdot(distance_m: float, time_s: float) -> float:
    """VDOT (ml/kg/min) from a race of ``distance_m`` metres run in ``time_s`` s."""
    if distance_m <= 0 or time_s <= 0:
        raise AnalyticsError(
            f"VDOT needs a positive distance and time, got {distance_m} m "
            f"in {time_s} s."
        )
    minutes = time_s / 60
    return oxygen_cost(distance_m / minutes) / sustainable_fraction(minutes)


def equivalent_time(vdot_value: float, distance_m: float) -> float:
    """The race time (s) over ``distance_m`` metres that scores ``vdot_value``."""
    fastest = distance_m / _FASTEST_MPS
    slowest = distance_m / _SLOWEST_MPS
    if distance_m <= 0 or not vdot(distance_m, slowest) < vdot_value:
        raise AnalyticsError(
            f"No race time over {distance_m} m scores VDOT {vdot_value}: "
            "the value is outside the range of running speeds."
        )
    if vdot_value > vdot(distance_m, fastest):
        raise AnalyticsError(f"VDOT {vdot_value} is beyond human running speeds.")
    return _bisect_time(vdot_value, distance_m, fastest, slowest)


def _bisect_time(target: float, distance_m: float, low: float, high: float) -> float:
    # VDOT falls as the time grows, so a score above target means "slow down".
    while high - low > _TIME_TOLERANCE_S:
        middle = (low + high) / 2
        if vdot(distance_m, middle) > target:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def equivalent_performances(vdot_value: float) -> list[EquivalentPerformance]:
    """Predicted race times for Daniels' standard distances, shortest first."""
    return [
        EquivalentPerformance(
            BY_KEY[key], equivalent_time(vdot_value, BY_KEY[key].metres)
        )
        for key in RACE_KEYS
    ]


def speed_at_oxygen_cost(vo2: float) -> float:
    """The running speed (m/s) whose oxygen cost is ``vo2`` ml/kg/min."""
    a, b, c = 0.000104, 0.182258, -4.60 - vo2
    metres_per_minute = (-b + math.sqrt(b * b - 4 * a * c)) / (2 * a)
    return metres_per_minute / 60


def training_paces(vdot_value: float) -> dict[str, TrainingPace]:
    """Daniels' five training paces (easy … repetition) for ``vdot_value``."""
    easy_slow, easy_fast = (speed_at_oxygen_cost(s * vdot_value) for s in EASY_BAND)
    marathon = _race_speed(vdot_value, "marathon")
    threshold = speed_at_oxygen_cost(THRESHOLD_SHARE * vdot_value)
    interval = speed_at_oxygen_cost(INTERVAL_SHARE * vdot_value)
    repetition = _race_speed(vdot_value, "1_mile")
    return {
        "easy": TrainingPace("easy", easy_slow, easy_fast, "59–66 % of VDOT"),
        "marathon": TrainingPace("marathon", marathon, marathon, "marathon race pace"),
        "threshold": TrainingPace("threshold", threshold, threshold, "88 % of VDOT"),
        "interval": TrainingPace("interval", interval, interval, "97.5 % of VDOT"),
        "repetition": TrainingPace(
            "repetition", repetition, repetition, "mile race pace"
        ),
    }


def _race_speed(vdot_value: float, key: str) -> float:
    metres = BY_KEY[key].metres
    return metres / equivalent_time(vdot_value, metres)


def hour_race_speed(vdot_value: float) -> float:
    """The speed (m/s) a runner of ``vdot_value`` could race for one hour."""
    return speed_at_oxygen_cost(vdot_value * sustainable_fraction(60.0))
