"""What ``run.sh`` starts with no arguments.

The athlete's own summary when the database holds an athlete; otherwise the demo
database's (built on first use), so a first run always shows something real.
"""

from __future__ import annotations

import sys

from athletiq_core import paths
from athletiq_core.cli import main as cli_main
from athletiq_core.db import close_database, open_database
from athletiq_core.db.models import Athlete


def has_own_data() -> bool:
    """True when the athlete database exists and holds at least one athlete."""
    if not paths.database_path().exists():
        return False
    open_database(paths.database_path())
    try:
        return Athlete.select().exists()
    finally:
        close_database()


def main() -> int:
    if has_own_data():
        return cli_main(["stats"])
    if not paths.demo_database_path().exists():
        cli_main(["demo"])
    return cli_main(["--demo", "stats"])


if __name__ == "__main__":
    sys.exit(main())
