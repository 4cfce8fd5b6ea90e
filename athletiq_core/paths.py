"""Where Athletiq keeps its files.

Everything lives in one data folder: the platform's user data directory
(``~/.local/share/athletiq`` on Linux), or ``$ATHLETIQ_HOME`` when that is set.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

HOME_ENV = "ATHLETIQ_HOME"
DATABASE_NAME = "athletiq.sqlite"
DEMO_DATABASE_NAME = "athletiq-demo.sqlite"


def data_dir() -> Path:
    """The data folder, created (owner-only) if it does not exist yet."""
    override = os.environ.get(HOME_ENV)
    folder = Path(override).expanduser() if override else _platform_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def database_path() -> Path:
    """The athlete database inside the data folder."""
    return data_dir() / DATABASE_NAME


def demo_database_path() -> Path:
    """The demo database, kept apart so demo data never mixes with real data."""
    return data_dir() / DEMO_DATABASE_NAME


def _platform_dir() -> Path:
    return Path(platformdirs.user_data_dir("athletiq", appauthor=False))
