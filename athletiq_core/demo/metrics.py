"""The numbers of one planned session: distance, times, heart rate, power.

Everything here is summary level (no streams). Distances on a route are the
route's length give or take a GPS wobble; speeds come from the athlete's form on
the day. Foot sessions live here, bike and other sessions in :mod:`metrics_other`.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from athletiq_core.demo.config import DemoConfig
from athletiq_core.demo.form import Form
from athletiq_core.demo.routes import VARIANTS, route, route_def, route_defs
from athletiq_core.demo.schedule import Session
from athletiq_core.demo.workouts import run_pace_factor, run_workout

# Relative slowdown of a course against a flat one, by race route.
_COURSE = {
    "race_sonsbeek_5k": 1.015,
    "race_zevenheuvelen_15k": 1.04,
    "race_veluwezoom_half": 1.045,
    "race_egmond_half": 1.06,
    "race_nyc": 1.025,
}
# Heart rate as a fraction of the day's maximum: (average low, high, peak low, high).
HR_BANDS = {
    "easy": (0.74, 0.78, 0.84, 0.88),
    "long": (0.76, 0.80, 0.85, 0.89),
    "workout": (0.80, 0.84, 0.93, 0.96),
    "trail": (0.76, 0.80, 0.89, 0.93),
    "treadmill": (0.75, 0.79, 0.84, 0.88),
    "ride": (0.70, 0.75, 0.88, 0.92),
    "commute": (0.62, 0.67, 0.75, 0.80),
    "virtual": (0.73, 0.79, 0.88, 0.93),
    "walk": (0.53, 0.58, 0.62, 0.68),
    "hike": (0.60, 0.66, 0.76, 0.82),
    "strength": (0.57, 0.63, 0.78, 0.84),
}
_RACE_HR = ((6000, 0.93), (11000, 0.91), (22000, 0.89), (50000, 0.85))


@dataclass(frozen=True)
class Context:
    """What the numbers of one session depend on."""

    cfg: DemoConfig
    session: Session
    ident: int
    form: Form
    rng: random.Random


@dataclass
class Metrics:
    """Summary numbers of a session (metres, seconds, bpm, W)."""

    kind: str
    distance: float = 0.0
    moving: int = 0
    elapsed: int = 0
    speed_peak: float = 1.3
    route: str | None = None
    variant: int = 0
    hr: tuple[float, float] | None = None
    cadence: float | None = None
    power: dict = field(default_factory=dict)
    workout_type: int | None = None
    title: str | None = None


def on_route(m: Metrics, key: str, rng: random.Random, wobble: float = 0.008) -> None:
    """Put ``m`` on route ``key``: a variant and a distance near its length."""
    m.route = key
    m.variant = rng.randrange(VARIANTS)
    m.distance = route(key).length * (1 + rng.uniform(-wobble, wobble))


def pick_route(use: str, region: str, rng: random.Random, near: float = 0.0) -> str:
    """A route of ``use`` in ``region``, weighted by popularity (and by nearness
    to ``near`` metres when given)."""
    specs = route_defs(use, region) or route_defs(use, "arnhem")
    weights = [spec.weight for spec in specs]
    if near:
        weights = [
            w / (1 + abs(route(s.key).length - near) / 2000) ** 2
            for w, s in zip(weights, specs, strict=True)
        ]
    return rng.choices(specs, weights=weights)[0].key


def hilliness(m: Metrics) -> float:
    """Slowdown factor for the climbing on the session's route (1 on the flat)."""
    if not m.route:
        return 1.0
    built = route(m.route)
    return 1.0 + 0.004 * built.gain / (built.length / 1000)


def set_heart_rate(m: Metrics, form: Form, rng: random.Random, band=None) -> None:
    """Average and maximum heart rate (bpm) from the kind's band of max HR."""
    lo, hi, peak_lo, peak_hi = band or HR_BANDS[m.kind]
    average = form.max_hr * rng.uniform(lo, hi)
    peak = max(average + 6, form.max_hr * rng.uniform(peak_lo, peak_hi))
    m.hr = (round(average, 1), float(round(min(peak, form.max_hr))))


def set_times(m: Metrics, speed: float, stop_share: tuple[float, float], rng) -> None:
    """Moving time from ``speed`` (m/s); elapsed adds a share of stops."""
    m.moving = max(60, round(m.distance / speed))
    m.elapsed = m.moving + round(m.moving * rng.uniform(*stop_share))


def easy(c: Context) -> Metrics:
    """An easy run on a favourite route (or the trip's route)."""
    s, form, rng = c.session, c.form, c.rng
    m = Metrics("easy", workout_type=rng.choice((None, 0)))
    on_route(m, s.route or pick_route("run", _region(s), rng), rng)
    set_times(
        m, form.ten_k_speed / rng.uniform(1.16, 1.27) / hilliness(m), (0.0, 0.03), rng
    )
    return _foot(m, form, rng, cadence=(84, 88))


def long(c: Context) -> Metrics:
    """A long run, longer as the years go by and in marathon blocks."""
    s, form, rng = c.session, c.form, c.rng
    m = Metrics("long", workout_type=2)
    near = 14000 + 14000 * form.progress
    on_route(m, pick_route("long", _region(s), rng, near), rng)
    set_times(
        m, form.ten_k_speed / rng.uniform(1.15, 1.24) / hilliness(m), (0.005, 0.04), rng
    )
    return _foot(m, form, rng, cadence=(83, 87))


def workout(c: Context) -> Metrics:
    """An interval or tempo run on a flat route (workout_type 3)."""
    cfg, ident, form, rng = c.cfg, c.ident, c.form, c.rng
    m = Metrics("workout", workout_type=3)
    on_route(m, rng.choice(("bridges", "meinerswijk", "papendal")), rng)
    plan = run_workout(cfg, ident, m.distance)
    m.title = plan.name
    set_times(
        m, form.ten_k_speed / run_pace_factor(plan) / hilliness(m), (0.01, 0.05), rng
    )
    m.speed_peak = rng.uniform(1.45, 1.7)
    return _foot(m, form, rng, cadence=(86, 90))


def race(c: Context) -> Metrics:
    """A race on its course: time from the form on the day (workout_type 1)."""
    s, form, rng = c.session, c.form, c.rng
    m = Metrics("race", workout_type=1)
    on_route(m, s.route, rng, wobble=0.002)
    official = route_def(s.route).metres
    seconds = form.race_time(official) * _COURSE.get(s.route, 1.0)
    m.moving = round(seconds * (1 + rng.gauss(0, 0.008)))
    m.elapsed = m.moving + rng.randrange(0, 9)
    m.title = route_def(s.route).name
    m.speed_peak = rng.uniform(1.15, 1.3)
    fraction = next(f for limit, f in _RACE_HR if official <= limit)
    band = (fraction - 0.01, fraction + 0.01, 0.96, 0.99)
    return _foot(m, form, rng, cadence=(89, 93), band=band)


def trail(c: Context) -> Metrics:
    """A trail run in the Veluwe hills."""
    form, rng = c.form, c.rng
    m = Metrics("trail", workout_type=rng.choice((None, 0, 2)))
    on_route(m, pick_route("trail", "arnhem", rng), rng)
    speed = form.ten_k_speed / rng.uniform(1.38, 1.55) / hilliness(m) ** 1.5
    set_times(m, speed, (0.02, 0.08), rng)
    return _foot(m, form, rng, cadence=(80, 84))


def treadmill(c: Context) -> Metrics:
    """A treadmill run: no GPS, steady pace."""
    form, rng = c.form, c.rng
    m = Metrics("treadmill", workout_type=rng.choice((None, 0)))
    m.distance = rng.uniform(6000, 10000)
    set_times(m, form.ten_k_speed / rng.uniform(1.2, 1.3), (0.0, 0.005), rng)
    m.speed_peak = rng.uniform(1.1, 1.2)
    return _foot(m, form, rng, cadence=(85, 89))


def manual_run(c: Context) -> Metrics:
    """A run entered by hand: round numbers, no sensors."""
    form, rng = c.form, c.rng
    m = Metrics("manual_run")
    m.distance = float(rng.randrange(50, 121) * 100)
    m.moving = m.elapsed = round(m.distance / form.ten_k_speed * 1.3 / 60) * 60
    return m


def _foot(m: Metrics, form: Form, rng, cadence, band=None) -> Metrics:
    set_heart_rate(m, form, rng, band)
    m.cadence = round(rng.uniform(*cadence), 1)
    return m


def _region(s: Session) -> str:
    return route(s.route).spec.region if s.route else "arnhem"
