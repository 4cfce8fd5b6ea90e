"""DetailedActivity JSON (``GET /activities/{id}``, resource_state 3).

The detail is built from the activity's own streams, so its splits, laps, best
efforts and segment efforts agree with them and with the summary. Manual
activities have no streams, so they get no splits, laps or efforts.
"""

from __future__ import annotations

import copy

import polyline

from athletiq_core.demo.config import DemoConfig, rng_for
from athletiq_core.demo.efforts import award, best_efforts, segment_efforts
from athletiq_core.demo.form import WEIGHT_KG
from athletiq_core.demo.gear import GEAR, gear_id, summary_gear
from athletiq_core.demo.generator import gear_totals
from athletiq_core.demo.laps import laps
from athletiq_core.demo.splits import splits
from athletiq_core.demo.summary import kind_of
from athletiq_core.demo.tracks import activity_route, activity_workout, generate_streams
from athletiq_core.distances import METRES_PER_MILE
from athletiq_core.streams import Streams

_POLYLINE_SPACING_M = 10.0
_NOTES = (
    "Legs felt heavy after yesterday's ride.",
    "Nieuwe schoenen 👟 – wat een verschil!",
    "Headwind on the way back / tegenwind terug 😤",
    "With Anouk & Bram, coffee at the Posbank ☕",
    "Perfect weather. Kept HR < 150 the whole way.",
    "Rondje met de club. Koud maar mooi ❄️",
)
# kcal per kg per km on foot, and per minute for sports without distance.
_KCAL_PER_KG_KM = {"Run": 1.04, "TrailRun": 1.1, "Walk": 0.75, "Hike": 0.85}
_KCAL_PER_MIN = {"Swim": 9.0, "WeightTraining": 6.0, "Padel": 8.0}


def generate_detail(cfg: DemoConfig, summary: dict) -> dict:
    """DetailedActivity JSON for one generated summary.

    Depends only on ``cfg.seed`` and the summary, so any single activity can be
    detailed on its own. The ``gear`` object's distance (m) is the gear's total
    over the whole history, generated once per configuration.
    """
    rng = rng_for(cfg, summary["id"], "detail")
    kind = kind_of(summary)
    streams = generate_streams(cfg, summary)
    detail = copy.deepcopy(summary)
    detail["resource_state"] = 3
    detail["map"] = _full_map(summary, streams)
    efforts = _efforts(cfg, summary, streams)
    detail |= {
        "description": rng.choice(_NOTES) if rng.random() < 0.2 else None,
        "calories": calories(summary),
        "embed_token": f"{rng.getrandbits(160):040x}",
        "gear": _gear(cfg, summary.get("gear_id")),
        "photos": {"primary": None, "count": 0},
        "splits_metric": splits(summary, streams, 1000.0),
        "splits_standard": splits(summary, streams, METRES_PER_MILE),
        "laps": laps(summary, kind, streams, activity_workout(cfg, summary)),
        **efforts,
        **_extras(summary, streams),
    }
    return detail


def _efforts(cfg: DemoConfig, summary: dict, streams: Streams) -> dict:
    rng = rng_for(cfg, summary["id"], "efforts")
    track, _ = activity_route(summary)
    best = []
    if summary["type"] == "Run" and streams:
        best = best_efforts(summary, streams, rng)
    segment = segment_efforts(summary, streams, track) if streams else []
    award(summary, best, segment)
    out = {"segment_efforts": segment}
    if summary["type"] == "Run":
        out["best_efforts"] = best
    return out


def _full_map(summary: dict, streams: Streams) -> dict:
    encoded = ""
    if "lat" in streams:
        keep = _every(streams["distance"], _POLYLINE_SPACING_M)
        points = [(streams["lat"][k], streams["lng"][k]) for k in keep]
        encoded = polyline.encode(points, 5)
    return {
        "id": summary["map"]["id"],
        "polyline": encoded,
        "resource_state": 3,
        "summary_polyline": summary["map"]["summary_polyline"],
    }


def _every(distance: list[float], spacing: float) -> list[int]:
    keep, next_mark = [], 0.0
    for index, metres in enumerate(distance):
        if metres >= next_mark:
            keep.append(index)
            next_mark = metres + spacing
    if keep[-1] != len(distance) - 1:
        keep.append(len(distance) - 1)
    return keep


def calories(summary: dict) -> float:
    """Energy spent in kcal, from the work done or the distance and weight."""
    sport = summary["sport_type"]
    if summary.get("kilojoules"):
        return round(summary["kilojoules"] * 1.05, 1)
    if sport in _KCAL_PER_KG_KM:
        return round(_KCAL_PER_KG_KM[sport] * WEIGHT_KG * summary["distance"] / 1000, 1)
    return round(_KCAL_PER_MIN.get(sport, 7.0) * summary["moving_time"] / 60, 1)


def _gear(cfg: DemoConfig, ident: str | None) -> dict | None:
    if ident is None:
        return None
    totals = gear_totals(cfg)
    for gear in GEAR:
        if gear_id(cfg, gear.role) == ident:
            return summary_gear(cfg, gear, totals.get(ident, 0.0))
    return None


def _extras(summary: dict, streams: Streams) -> dict:
    zones = ["heartrate"] if summary.get("has_heartrate") else []
    zones += ["power"] if summary.get("device_watts") else []
    zones += ["pace"] if summary["type"] == "Run" else []
    out = {
        "perceived_exertion": None,
        "prefer_perceived_exertion": False,
        "segment_leaderboard_opt_out": False,
        "leaderboard_opt_out": False,
        "available_zones": zones,
        "stats_visibility": [
            {"type": "heart_rate", "visibility": "everyone"},
            {"type": "pace", "visibility": "everyone"},
            {"type": "power", "visibility": "everyone"},
        ],
    }
    if "temp" in streams:
        out["average_temp"] = round(sum(streams["temp"]) / len(streams["temp"]))
    return out
