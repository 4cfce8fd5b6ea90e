"""The one registry of user settings: key, type, default and title.

Values live in the database's ``setting`` table as JSON. Tokens are not settings:
they live in ``strava_credential``. Environment variables named in a setting's
``env`` override the stored value, so a NAS can be configured without the app.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from athletiq_core.db.models import Setting
from athletiq_core.errors import ConfigurationError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SettingSpec:
    """A declared setting. ``choices`` limits string values; ``secret`` hides it.

    ``check`` returns what is wrong with a converted value, or None when it is fine.
    """

    key: str
    type: type
    default: Any
    title: str
    env: str | None = None
    choices: tuple[str, ...] | None = None
    secret: bool = False
    check: Callable[[Any], str | None] | None = None


def _unknown_zone(name: str) -> str | None:
    if not name.strip():
        return None
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return "an IANA time zone name such as Europe/Amsterdam, or empty"
    return None


REGISTRY: dict[str, SettingSpec] = {
    spec.key: spec
    for spec in (
        SettingSpec(
            "strava.client_id",
            str,
            "",
            "Strava API app client ID",
            env="STRAVA_CLIENT_ID",
        ),
        SettingSpec(
            "strava.client_secret",
            str,
            "",
            "Strava API app client secret",
            env="STRAVA_CLIENT_SECRET",
            secret=True,
        ),
        SettingSpec(
            "units",
            str,
            "metric",
            "Units for distances, paces and elevation",
            choices=("metric", "imperial"),
        ),
        SettingSpec(
            "sync.margin_hours",
            int,
            72,
            "How far back an incremental sync looks for late uploads (hours)",
        ),
        SettingSpec(
            "backfill.fetch_streams",
            bool,
            False,
            "Also fetch streams (heart rate, power, GPS) while backfilling details",
        ),
        SettingSpec(
            "import.timezone",
            str,
            "",
            "Time zone for imported files that do not record local time "
            "(IANA name; empty = this computer's)",
            env="ATHLETIQ_IMPORT_TIMEZONE",
            check=_unknown_zone,
        ),
        SettingSpec(
            "gear.shoe_retire_km",
            float,
            800.0,
            "Suggest retiring shoes after this distance (km)",
        ),
    )
}


def spec(key: str) -> SettingSpec:
    """The declaration of ``key``; :class:`ConfigurationError` if undeclared."""
    try:
        return REGISTRY[key]
    except KeyError:
        known = ", ".join(sorted(REGISTRY))
        raise ConfigurationError(
            f"Unknown setting '{key}'. Known settings: {known}."
        ) from None


def get(key: str) -> Any:
    """The effective value: environment override, else stored, else default."""
    declared = spec(key)
    if declared.env and os.environ.get(declared.env):
        return coerce(declared, os.environ[declared.env])
    row = Setting.get_or_none(Setting.key == key)
    if row is None:
        return declared.default
    return coerce(declared, json.loads(row.value))


def set_value(key: str, value: Any) -> Any:
    """Validate and store ``value`` for ``key``; returns the stored value."""
    declared = spec(key)
    value = coerce(declared, value)
    Setting.replace(key=key, value=json.dumps(value)).execute()
    logger.info("Setting %s changed", key)
    return value


def coerce(declared: SettingSpec, value: Any) -> Any:
    """Convert ``value`` to the declared type or raise :class:`ConfigurationError`."""
    try:
        converted = _convert(declared.type, value)
    except (TypeError, ValueError):
        raise ConfigurationError(
            f"Setting '{declared.key}' ({declared.title}) must be a "
            f"{declared.type.__name__}; got {_shown(declared, value)}."
        ) from None
    if declared.choices and converted not in declared.choices:
        raise ConfigurationError(
            f"Setting '{declared.key}' must be one of "
            f"{', '.join(declared.choices)}; got {_shown(declared, value)}."
        )
    problem = declared.check(converted) if declared.check else None
    if problem:
        shown = _shown(declared, value)
        raise ConfigurationError(
            f"Setting '{declared.key}' must be {problem}; got {shown}."
        )
    return converted


def _convert(kind: type, value: Any) -> Any:
    if kind is bool and isinstance(value, str):
        lowered = value.strip().lower()
        if lowered not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
            raise ValueError(value)
        return lowered in ("1", "true", "yes", "on")
    if kind in (int, float) and isinstance(value, bool):
        raise TypeError(value)
    if kind is str and not isinstance(value, str | int):
        raise TypeError(value)
    return kind(value)


def _shown(declared: SettingSpec, value: Any) -> str:
    return "a hidden value" if declared.secret else repr(value)
