"""Summary numbers of bike, pool, walking and gym sessions (see :mod:`metrics`)."""

from __future__ import annotations

import random

from athletiq_core.demo import metrics as foot
from athletiq_core.demo.config import DemoConfig
from athletiq_core.demo.form import Form
from athletiq_core.demo.metrics import (
    Context,
    Metrics,
    hilliness,
    on_route,
    pick_route,
    set_heart_rate,
    set_times,
)
from athletiq_core.demo.schedule import Session
from athletiq_core.demo.workouts import ride_power_factors, ride_workout


def ride(c: Context) -> Metrics:
    """A road ride with a power meter (W), café stop on long ones."""
    form, rng = c.form, c.rng
    m = Metrics("ride", workout_type=rng.choice((None, 10)))
    on_route(m, pick_route("ride", "arnhem", rng), rng)
    kmh = (24.5 + (form.ftp_w - 195) * 0.08) * rng.uniform(0.95, 1.06)
    set_times(m, kmh / 3.6 / hilliness(m), (0.03, 0.09), rng)
    if m.distance > 50000 and rng.random() < 0.5:
        m.elapsed += rng.randrange(900, 1800)  # the café stop
    average = form.ftp_w * rng.uniform(0.6, 0.72)
    weighted = average * rng.uniform(1.06, 1.13)
    _set_power(m, average, weighted, weighted * rng.uniform(2.4, 3.4), device=True)
    m.speed_peak = rng.uniform(1.7, 2.2)
    set_heart_rate(m, form, rng)
    m.cadence = round(rng.uniform(82, 90), 1)
    return m


def commute(c: Context) -> Metrics:
    """A commute on the city bike: no power meter, estimated watts."""
    s, form, rng = c.session, c.form, c.rng
    m = Metrics("commute", workout_type=None)
    on_route(m, s.route or "commute_out", rng)
    m.moving = round(m.distance / (rng.uniform(18.5, 21.5) / 3.6))
    m.elapsed = m.moving + rng.randrange(60, 240)  # traffic lights
    _set_power(m, rng.uniform(95, 125), None, None, device=False)
    m.speed_peak = rng.uniform(1.4, 1.7)
    set_heart_rate(m, form, rng)
    return m


def virtual(c: Context) -> Metrics:
    """An indoor TrainerRoad session: power from the workout, no GPS."""
    cfg, ident, form, rng = c.cfg, c.ident, c.form, c.rng
    m = Metrics("virtual", workout_type=12)
    plan = ride_workout(cfg, ident)
    m.title = plan.name
    average, normalised = ride_power_factors(plan)
    peak = max(step.intensity for step in plan.steps) * rng.uniform(1.1, 1.3)
    watts = form.ftp_w * average
    m.moving = round(plan.total)
    m.elapsed = m.moving + rng.randrange(0, 30)
    m.distance = 1.62 * watts ** (1 / 3) * m.moving
    _set_power(m, watts, form.ftp_w * normalised, form.ftp_w * peak, device=True)
    m.speed_peak = rng.uniform(1.2, 1.35)
    set_heart_rate(m, form, rng)
    m.cadence = round(rng.uniform(88, 93), 1)
    return m


def swim(c: Context) -> Metrics:
    """A pool swim (m, s): no GPS and no heart rate."""
    form, rng = c.form, c.rng
    m = Metrics("swim")
    m.distance = float(rng.randrange(15, 31) * 100)
    pace = form.swim_s_per_100m * rng.uniform(0.97, 1.06)
    m.moving = round(m.distance / 100 * pace)
    m.elapsed = m.moving + round(m.moving * rng.uniform(0.12, 0.25))  # wall rests
    m.speed_peak = rng.uniform(1.15, 1.3)
    return m


def walk(c: Context) -> Metrics:
    """A walk around town."""
    s, form, rng = c.session, c.form, c.rng
    m = Metrics("walk")
    on_route(m, s.route or pick_route("walk", "arnhem", rng), rng)
    set_times(m, rng.uniform(1.3, 1.5), (0.03, 0.12), rng)
    set_heart_rate(m, form, rng)
    m.cadence = round(rng.uniform(54, 58), 1)
    return m


def hike(c: Context) -> Metrics:
    """A hike in the Veluwe, with long stops."""
    form, rng = c.form, c.rng
    m = Metrics("hike")
    on_route(m, pick_route("hike", "arnhem", rng), rng)
    set_times(m, rng.uniform(1.1, 1.3) / hilliness(m), (0.1, 0.25), rng)
    set_heart_rate(m, form, rng)
    m.cadence = round(rng.uniform(50, 54), 1)
    return m


def strength(c: Context) -> Metrics:
    """A gym session: no distance, heart rate only."""
    form, rng = c.form, c.rng
    m = Metrics("strength")
    m.moving = m.elapsed = rng.randrange(30, 61) * 60 + rng.randrange(60)
    set_heart_rate(m, form, rng)
    return m


def padel(c: Context) -> Metrics:
    """A padel match entered by hand (a sport type Strava added in 2026)."""
    (rng,) = (c.rng,)
    m = Metrics("padel")
    m.moving = m.elapsed = rng.choice((3600, 5400))
    return m


def _set_power(m: Metrics, average, weighted, peak, device: bool) -> None:
    m.power = {"average_watts": round(average, 1)}
    if weighted is not None:
        m.power |= {"weighted_average_watts": round(weighted), "max_watts": round(peak)}
    m.power |= {
        "kilojoules": round(average * m.moving / 1000, 1),
        "device_watts": device,
    }


KIND_METRICS = {
    "easy": foot.easy,
    "long": foot.long,
    "workout": foot.workout,
    "race": foot.race,
    "trail": foot.trail,
    "treadmill": foot.treadmill,
    "manual_run": foot.manual_run,
    "ride": ride,
    "commute": commute,
    "virtual": virtual,
    "swim": swim,
    "walk": walk,
    "hike": hike,
    "strength": strength,
    "padel": padel,
}


def session_metrics(
    cfg: DemoConfig, session: Session, ident: int, form: Form, rng: random.Random
) -> Metrics:
    """The summary numbers of ``session`` (activity id ``ident``) on a day of
    ``form``."""
    return KIND_METRICS[session.kind](Context(cfg, session, ident, form, rng))
