"""``python -m athletiq_core.cli.entry``: the athletiq command without the script."""

import sys

from athletiq_core.cli import main

sys.exit(main())
