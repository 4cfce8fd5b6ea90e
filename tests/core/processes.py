"""Running the athletiq command as a real process and killing it at a chosen point."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path


def wait_for(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


def kill_when_hung(fake, home: Path, fault, *args: str) -> None:
    """Run ``athletiq ARGS`` against ``fake`` until it hangs on ``fault``; SIGKILL it.

    The fault is released afterwards so the fake can answer the dead connection.
    """
    env = {**os.environ, **fake.env(), "ATHLETIQ_HOME": str(home)}
    process = subprocess.Popen(
        [sys.executable, "-m", "athletiq_core.cli.entry", *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(lambda: fault.hits == 1)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
        fault.release.set()
