"""The demo athlete (Strava athlete JSON) and her gear (DetailedGear JSON)."""

from __future__ import annotations

from datetime import timedelta

from athletiq_core.demo.clock import iso_z
from athletiq_core.demo.config import DemoConfig
from athletiq_core.demo.form import WEIGHT_KG, form_on
from athletiq_core.demo.gear import GEAR, detailed_gear, summary_gear
from athletiq_core.demo.generator import gear_totals
from athletiq_core.demo.plan import history_days

BIRTHDATE = "1978-04-12"


def generate_gear(cfg: DemoConfig | None = None) -> list[dict]:
    """DetailedGear JSON for the three pairs of shoes and two bikes.

    ``distance`` (metres) is the sum over the generated activities that use the
    gear, so this generates the activity list once per configuration.
    """
    cfg = cfg or DemoConfig()
    totals = gear_totals(cfg)
    return [_with_total(cfg, gear, totals, detailed_gear) for gear in GEAR]


def _with_total(cfg: DemoConfig, gear, totals: dict[str, float], build) -> dict:
    out = build(cfg, gear, 0.0)
    metres = totals.get(out["id"], 0.0)
    return out | {
        "distance": round(metres, 1),
        "converted_distance": round(metres / 1000, 1),
    }


def generate_athlete(cfg: DemoConfig | None = None) -> dict:
    """The athlete as ``GET /athlete`` returns it with ``profile:read_all``.

    Strava's DetailedAthlete fields, plus ``athletiq_birthdate`` (ISO date, for
    age grading; Strava does not share it). ``weight`` is in kg, ``ftp`` in W.
    """
    cfg = cfg or DemoConfig()
    first, last = history_days(cfg)
    totals = gear_totals(cfg)
    gear = [_with_total(cfg, g, totals, summary_gear) for g in GEAR]
    return {
        **_identity(cfg, first, last),
        "follower_count": 84,
        "friend_count": 61,
        "measurement_preference": "meters",
        "ftp": round(form_on(last, first, last).ftp_w),
        "weight": WEIGHT_KG,
        "clubs": [],
        "bikes": [g for g in gear if g["id"].startswith("b")],
        "shoes": [g for g in gear if g["id"].startswith("g")],
        "athletiq_birthdate": BIRTHDATE,
    }


def _identity(cfg: DemoConfig, first, last) -> dict:
    profile = "https://dgalywyr863hv.cloudfront.net/pictures/athletes"
    return {
        "id": cfg.athlete_id,
        "username": "sanne_runs_arnhem",
        "resource_state": 3,
        "firstname": "Sanne",
        "lastname": "de Vries",
        "bio": "Hardlopen, fietsen & koffie ☕ – Arnhem",
        "city": "Arnhem",
        "state": "Gelderland",
        "country": "Netherlands",
        "sex": "F",
        "premium": True,
        "summit": True,
        "created_at": f"{first - timedelta(days=40)}T19:02:11Z",
        "updated_at": iso_z(cfg.end_utc),
        "badge_type_id": 1,
        "profile_medium": f"{profile}/{cfg.athlete_id}/medium.jpg",
        "profile": f"{profile}/{cfg.athlete_id}/large.jpg",
    }
