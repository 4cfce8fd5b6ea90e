"""Deterministic demo data in Strava's own JSON shapes, plus FIT and GPX files.

The demo athlete lives in Arnhem (NL), runs, rides, swims and races, and once
travelled to New York and Tokyo. Everything is a pure function of a
:class:`DemoConfig`: the same configuration always gives byte-identical JSON,
and a detail or a stream set can be generated for any single activity.
"""

from athletiq_core.demo.athlete import generate_athlete, generate_gear
from athletiq_core.demo.config import DEFAULT_END, MAX_ACTIVITIES, DemoConfig
from athletiq_core.demo.detail import generate_detail
from athletiq_core.demo.fitfiles import write_fit
from athletiq_core.demo.generator import generate_activities
from athletiq_core.demo.gpxfiles import write_gpx
from athletiq_core.demo.segments import segment_catalogue
from athletiq_core.demo.tracks import generate_streams

__all__ = [
    "DEFAULT_END",
    "MAX_ACTIVITIES",
    "DemoConfig",
    "generate_activities",
    "generate_athlete",
    "generate_detail",
    "generate_gear",
    "generate_streams",
    "segment_catalogue",
    "write_fit",
    "write_gpx",
]
