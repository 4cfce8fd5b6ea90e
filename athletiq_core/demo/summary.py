"""Assemble a SummaryActivity (Strava JSON, resource_state 2) from its numbers.

Keys follow the order of Strava's list responses. Optional groups are present
only when Strava would send them: power fields for rides, heart-rate fields when
a sensor recorded, elevation extremes when there is a GPS track.
"""

from __future__ import annotations

import random
from datetime import datetime

from athletiq_core.demo.clock import iso_z, local_view
from athletiq_core.demo.config import HOME_ZONE, DemoConfig
from athletiq_core.demo.form import RESTING_HR, Form
from athletiq_core.demo.gear import gear_for
from athletiq_core.demo.geo import METRES_PER_DEGREE
from athletiq_core.demo.metrics import Metrics
from athletiq_core.demo.names import activity_name
from athletiq_core.demo.places import REGIONS
from athletiq_core.demo.routes import offset_m, route, summary_polyline
from athletiq_core.demo.schedule import Session

# kind -> (legacy type, sport_type)
SPORTS = {
    "easy": ("Run", "Run"),
    "long": ("Run", "Run"),
    "workout": ("Run", "Run"),
    "race": ("Run", "Run"),
    "treadmill": ("Run", "Run"),
    "manual_run": ("Run", "Run"),
    "trail": ("Run", "TrailRun"),
    "ride": ("Ride", "Ride"),
    "commute": ("Ride", "Ride"),
    "virtual": ("VirtualRide", "VirtualRide"),
    "swim": ("Swim", "Swim"),
    "walk": ("Walk", "Walk"),
    "hike": ("Hike", "Hike"),
    "strength": ("WeightTraining", "WeightTraining"),
    "padel": ("Workout", "Padel"),
}
MANUAL_KINDS = frozenset({"manual_run", "padel"})


def build_summary(
    cfg: DemoConfig,
    session: Session,
    ident: int,
    start_utc: datetime,
    m: Metrics,
    form: Form,
    rng: random.Random,
) -> dict:
    """SummaryActivity JSON for activity ``ident`` starting at ``start_utc``;
    ``rng`` is the activity's own generator, continued from its metrics."""
    legacy, sport = SPORTS[m.kind]
    local, offset, label = local_view(start_utc, session.zone)
    commute = m.kind == "commute"
    return {
        "resource_state": 2,
        "athlete": {"id": cfg.athlete_id, "resource_state": 1},
        "name": session.name or _name(session, m, sport, local, rng),
        "distance": round(m.distance, 1),
        "moving_time": m.moving,
        "elapsed_time": m.elapsed,
        "total_elevation_gain": _climb(m, rng),
        "type": legacy,
        "sport_type": sport,
        "workout_type": m.workout_type,
        "id": ident,
        "start_date": iso_z(start_utc),
        "start_date_local": iso_z(local),
        "timezone": label,
        "utc_offset": offset,
        **_social(m),
        **_map(ident, m),
        "trainer": m.kind in ("treadmill", "virtual"),
        "commute": commute,
        "manual": m.kind in MANUAL_KINDS,
        **_privacy(m, rng),
        "gear_id": gear_for(cfg, sport, commute, form.progress, rng),
        **_ends(m),
        **_speeds(m),
        **_heart(m),
        **_elevation(m, rng),
        **_upload(ident, m, local),
        **_extras(m, form, rng),
    }


def _name(session: Session, m: Metrics, sport: str, local, rng) -> str:
    abroad = session.zone != HOME_ZONE
    return activity_name(m.kind, sport, local, m.title, rng, abroad)


def _social(m: Metrics) -> dict:
    region = REGIONS[route(m.route).spec.region] if m.route else REGIONS["arnhem"]
    return {
        "location_city": None,
        "location_state": None,
        "location_country": region.country,
        "achievement_count": 0,
        "kudos_count": 0,
        "comment_count": 0,
        "athlete_count": 1,
        "photo_count": 0,
    }


def _map(ident: int, m: Metrics) -> dict:
    encoded = summary_polyline(m.route, m.variant) if m.route else ""
    return {
        "map": {"id": f"a{ident}", "summary_polyline": encoded, "resource_state": 2}
    }


def _privacy(m: Metrics, rng: random.Random) -> dict:
    private = m.kind != "race" and rng.random() < 0.015
    if private:
        visibility = "only_me"
    else:
        visibility = "followers_only" if rng.random() < 0.08 else "everyone"
    return {
        "private": private,
        "visibility": visibility,
        "flagged": rng.random() < 0.002,
    }


def _ends(m: Metrics) -> dict:
    if not m.route:
        return {"start_latlng": [], "end_latlng": []}
    built = route(m.route)
    return {
        "start_latlng": _shifted(built, m, 0),
        "end_latlng": _shifted(built, m, len(built.lats) - 1),
    }


def _shifted(built, m: Metrics, index: int) -> list[float]:
    north, east = offset_m(built.key, m.variant, built.cum[index])
    lat = built.lats[index] + north / METRES_PER_DEGREE
    lng = built.lngs[index] + east / built.lng_scale
    return [round(lat, 5), round(lng, 5)]


def _speeds(m: Metrics) -> dict:
    average = m.distance / m.moving if m.moving and m.distance else 0.0
    out = {
        "average_speed": round(average, 3),
        "max_speed": round(average * m.speed_peak, 3),
    }
    if m.cadence is not None:
        out["average_cadence"] = m.cadence
    return out | m.power


def _heart(m: Metrics) -> dict:
    if m.hr is None:
        return {"has_heartrate": False, "heartrate_opt_out": False}
    return {
        "has_heartrate": True,
        "average_heartrate": m.hr[0],
        "max_heartrate": m.hr[1],
        "heartrate_opt_out": False,
        "display_hide_heartrate_option": True,
    }


def _climb(m: Metrics, rng: random.Random) -> float:
    if not m.route:
        return 0.0
    return round(route(m.route).gain * rng.uniform(0.92, 1.08), 1)


def _elevation(m: Metrics, rng: random.Random) -> dict:
    if not m.route:
        return {}
    built = route(m.route)
    return {
        "elev_high": round(built.high + rng.uniform(-1, 1), 1),
        "elev_low": round(built.low + rng.uniform(-1, 1), 1),
    }


def _upload(ident: int, m: Metrics, local: datetime) -> dict:
    if m.kind in MANUAL_KINDS:
        return {"upload_id": None, "upload_id_str": None, "external_id": None}
    upload_id = ident * 107 // 100
    if m.kind == "virtual":
        external = f"trainerroad-{local:%Y%m%d}-{ident % 100_000}.fit"
    else:
        external = f"garmin_ping_{ident - 6_500_000_000}"
    return {
        "upload_id": upload_id,
        "upload_id_str": str(upload_id),
        "external_id": external,
    }


def _extras(m: Metrics, form: Form, rng: random.Random) -> dict:
    out = {
        "from_accepted_tag": False,
        "pr_count": 0,
        "total_photo_count": 0,
        "has_kudoed": False,
        "suffer_score": _suffer(m, form),
    }
    device = device_name(m.kind, form.progress)
    if device:
        out["device_name"] = device
    return out | {"hide_from_home": m.kind == "commute" and rng.random() < 0.5}


def device_name(kind: str, progress: float) -> str | None:
    """The recording device of a session of ``kind`` at ``progress`` (0..1)."""
    if kind in MANUAL_KINDS:
        return None
    if kind == "virtual":
        return "TrainerRoad"
    if kind == "ride":
        return "Garmin Edge 530" if progress < 0.55 else "Garmin Edge 840"
    return "Garmin Forerunner 245" if progress < 0.5 else "Garmin Forerunner 965"


def _suffer(m: Metrics, form: Form) -> float | None:
    # Relative Effort grows with time and, steeply, with heart-rate reserve used.
    if m.hr is None:
        return None
    reserve = (m.hr[0] - RESTING_HR) / (form.max_hr - RESTING_HR)
    return float(round(m.moving / 60 * reserve**2 * 2.2))


_RUN_WORKOUTS = {1: "race", 2: "long", 3: "workout"}
_BY_SPORT = {
    "WeightTraining": "strength",
    "Swim": "swim",
    "VirtualRide": "virtual",
    "Walk": "walk",
    "Hike": "hike",
    "TrailRun": "trail",
}


def kind_of(summary: dict) -> str:
    """The generator's kind of session behind a summary (``easy``, ``swim``…)."""
    sport = summary["sport_type"]
    if summary.get("manual"):
        return "manual_run" if sport == "Run" else "padel"
    if sport == "Ride":
        return "commute" if summary.get("commute") else "ride"
    if sport == "Run":
        if summary.get("trainer"):
            return "treadmill"
        return _RUN_WORKOUTS.get(summary.get("workout_type"), "easy")
    return _BY_SPORT.get(sport, "walk")
