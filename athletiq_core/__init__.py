"""Athletiq core: models, Strava client, sync, import, analytics. No UI imports."""

__version__ = "0.1.0"
