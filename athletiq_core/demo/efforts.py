"""Best efforts and segment efforts of a detailed activity, from its streams.

A best effort is the fastest stretch of a standard distance inside a run; only
distances the run covered are listed. Names and rounded distances are spelled as
Strava spells them, and some activities use the older lowercase spellings
("5k", "2 miles") that real responses still contain. Segment efforts are found
where the activity's route passes a catalogue segment.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from datetime import timedelta

from athletiq_core.demo.clock import iso_z, parse_z
from athletiq_core.demo.ids import object_id
from athletiq_core.demo.laps import window_sensors
from athletiq_core.demo.routes import Route
from athletiq_core.demo.segments import placements, summary_segment
from athletiq_core.streams import Streams

# (name, older spelling, Strava's rounded distance (m), exact distance (m))
BEST_EFFORTS = (
    ("400m", "400m", 400, 400.0),
    ("1/2 mile", "1/2 mile", 805, 804.672),
    ("1K", "1k", 1000, 1000.0),
    ("1 mile", "1 mile", 1609, 1609.344),
    ("2 mile", "2 miles", 3219, 3218.688),
    ("5K", "5k", 5000, 5000.0),
    ("10K", "10k", 10000, 10000.0),
    ("15K", "15k", 15000, 15000.0),
    ("10 mile", "10 miles", 16090, 16093.44),
    ("20K", "20k", 20000, 20000.0),
    ("Half-Marathon", "Half Marathon", 21097, 21097.5),
    ("30K", "30k", 30000, 30000.0),
    ("Marathon", "Marathon", 42195, 42195.0),
    ("50K", "50k", 50000, 50000.0),
)
OLD_SPELLING_SHARE = 0.2


def best_efforts(summary: dict, streams: Streams, rng: random.Random) -> list[dict]:
    """Best-effort objects (DetailedSegmentEffort without a segment) of a run."""
    distance = streams.get("distance")
    if not distance:
        return []
    old = rng.random() < OLD_SPELLING_SHARE
    out = []
    for k, (name, older, rounded, exact) in enumerate(BEST_EFFORTS):
        if exact > distance[-1]:
            break
        start, end = fastest_window(distance, exact)
        effort = _effort(summary, streams, start, end, older if old else name)
        out.append(effort | {"id": object_id(summary, "best", k), "distance": rounded})
    return out


def fastest_window(distance: list[float], metres: float) -> tuple[int, int]:
    """Sample indices (start, end) of the quickest stretch of at least
    ``metres``, with samples one second apart."""
    best, found, start = len(distance) + 1, (0, len(distance) - 1), 0
    for end, here in enumerate(distance):
        if here - distance[start] < metres:
            continue
        while here - distance[start + 1] >= metres:
            start += 1
        if end - start < best:
            best, found = end - start, (start, end)
    return found


def _effort(summary: dict, streams: Streams, start: int, end: int, name: str) -> dict:
    offset = timedelta(seconds=streams["time"][start])
    out = {
        "resource_state": 2,
        "name": name,
        "activity": {
            "id": summary["id"],
            "visibility": summary["visibility"],
            "resource_state": 1,
        },
        "athlete": {"id": summary["athlete"]["id"], "resource_state": 1},
        "elapsed_time": round(streams["time"][end] - streams["time"][start]),
        "moving_time": int(sum(streams["moving"][start + 1 : end + 1])),
        "start_date": iso_z(parse_z(summary["start_date"]) + offset),
        "start_date_local": iso_z(parse_z(summary["start_date_local"]) + offset),
        "start_index": start,
        "end_index": end,
        "pr_rank": None,
        "achievements": [],
    }
    return out


def segment_efforts(summary: dict, streams: Streams, track: Route | None) -> list[dict]:
    """Efforts on the catalogue segments the activity's route passes."""
    if track is None or "distance" not in streams:
        return []
    distance = streams["distance"]
    scale = summary["distance"] / track.length
    out = []
    for k, (segment, first, last) in enumerate(placements(track.key, summary["type"])):
        start = bisect_left(distance, track.cum[first] * scale)
        start = min(len(distance) - 2, start)
        end = bisect_left(distance, track.cum[last] * scale, lo=start + 1)
        end = min(end, len(distance) - 1)
        out.append(_segment_effort(summary, streams, segment, k, start, end))
    return out


def _segment_effort(summary, streams: Streams, segment, k, start, end) -> dict:
    effort = _effort(summary, streams, start, end, segment.name)
    return (
        effort
        | {
            "id": object_id(summary, "segment", k),
            "distance": round(streams["distance"][end] - streams["distance"][start], 1),
        }
        | window_sensors(streams, start, end)
        | {
            "segment": summary_segment(segment),
            "kom_rank": None,
            "hidden": False,
            "visibility": summary["visibility"],
        }
    )


def award(summary: dict, best: list[dict], segment: list[dict]) -> None:
    """Mark achievements so they match the summary's counts: personal records
    on the longest best efforts first, then second and third places on
    segments."""
    prs = summary.get("pr_count", 0)
    others = max(0, summary.get("achievement_count", 0) - prs)
    for effort in sorted(best, key=lambda e: -e["distance"])[:prs]:
        _rank(effort, 1)
    for k, effort in enumerate(segment[:others]):
        _rank(effort, 2 + k % 2)


def _rank(effort: dict, rank: int) -> None:
    effort["pr_rank"] = rank
    effort["achievements"] = [{"type_id": 3, "type": "pr", "rank": rank}]
