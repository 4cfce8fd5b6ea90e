"""Activity titles: Strava's defaults ("Morning Run") and the athlete's own.

The athlete writes in Dutch and English and likes emoji, so titles carry
non-ASCII characters, ampersands and slashes, as real titles do.
"""

from __future__ import annotations

import random
from datetime import datetime

_SPORT_LABEL = {
    "TrailRun": "Trail Run",
    "VirtualRide": "Virtual Ride",
    "WeightTraining": "Weight Training",
}
_OWN = {
    "easy": (
        "Easy run ☀️",
        "Rondje Sonsbeek",
        "Recovery jog",
        "Rain & wind 🌧️",
        "Shake-out / loosen up",
        "Ochtendloopje",
        "Easy 🐢",
        "Frosty morning ❄️",
        "Zon & wolken",
        "Café au lait run ☕",
        "Herfstblaadjes 🍂",
    ),
    "long": (
        "Long run 🏃‍♀️",
        "Sunday long run",
        "LSD / long slow distance",
        "Zondagse duurloop",
        "Long & slow with Anouk",
        "Marathon block: long run",
    ),
    "trail": (
        "Veluwe trails 🌲",
        "Heide & dennen",
        "Mud, roots & hills",
        "Trail day ⛰️",
        "Posbank views 😍",
    ),
    "ride": (
        "Café ride w/ Bram & Anouk ☕",
        "Posbank repeats ⛰️",
        "Dijkjes rijden 🌬️",
        "Zondagsrit",
        "Tegenwind / headwind",
        "Sunny spin ☀️",
        "Gravel & tarmac",
    ),
    "commute": ("Woon-werk 🚲", "Commute", "Naar kantoor", "Home / thuis"),
    "swim": (
        "Zwemmen 🏊‍♀️",
        "Pool: 10 × 100 m",
        "Technique & drills",
        "Baantjes trekken",
    ),
    "walk": (
        "Wandeling met de hond 🐕",
        "Evening stroll",
        "Lunch walk",
        "Walk & talk",
    ),
    "hike": ("Veluwezoom hike 🥾", "Heather in bloom 💜", "Rozendaalse bos"),
    "strength": (
        "Strength & core 💪",
        "Kracht / stabiliteit",
        "Gym – leg day",
        "Core & mobility",
    ),
    "padel": ("Padel with friends 🎾", "Padel avond"),
    "treadmill": ("Treadmill 😩", "Loopband / treadmill", "Dreadmill"),
    "manual_run": ("Run (watch died) ⌚", "Forgot my Garmin"),
}


def part_of_day(local: datetime) -> str:
    """Strava's word for the time of a local start: Morning, Lunch, Evening…"""
    hour = local.hour
    if 5 <= hour < 12:
        return "Morning"
    if 12 <= hour < 14:
        return "Lunch"
    if 14 <= hour < 17:
        return "Afternoon"
    if 17 <= hour < 21:
        return "Evening"
    return "Night"


def default_name(sport_type: str, local: datetime) -> str:
    """The title Strava gives an activity nobody renamed."""
    return f"{part_of_day(local)} {_SPORT_LABEL.get(sport_type, sport_type)}"


def activity_name(
    kind: str,
    sport_type: str,
    local: datetime,
    title: str | None,
    rng: random.Random,
    abroad: bool = False,
) -> str:
    """A title for a session of ``kind`` started at ``local`` (wall clock); the
    athlete's own titles name places at home, so abroad she keeps the default."""
    if kind == "race":
        return f"{title} {local.year} 🏅" if rng.random() < 0.5 else title
    if kind == "virtual":
        return f"TrainerRoad – {title}"
    if kind == "workout":
        return title if rng.random() < 0.7 else f"Track: {title}"
    own = _OWN.get(kind)
    if own and not abroad and (kind in ("padel", "manual_run") or rng.random() < 0.35):
        return rng.choice(own)
    return default_name(sport_type, local)
