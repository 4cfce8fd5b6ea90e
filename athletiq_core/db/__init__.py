"""The local database: models, connection and schema upgrades."""

from athletiq_core.db.connection import close_database, open_database
from athletiq_core.db.models import database

__all__ = ["close_database", "database", "open_database"]
