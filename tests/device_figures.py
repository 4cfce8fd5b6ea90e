"""Which of a device's time totals is a moving time, for accuracy checks.

Shared by the accuracy tests and ``benchmarks/accuracy.py``. The rule:

* ``total_moving_time`` when the device writes one shorter than the elapsed time;
* for a pool swim, the timer time minus the rests the device recorded as idle
  lengths, because a pool timer keeps running between sets;
* the timer time when the device stopped its timer (auto-pause, the pause
  button), which is then its moving time;
* otherwise the device's timer never stopped and its figure is an elapsed time,
  whatever it calls it. A timer longer than the elapsed time means the elapsed
  figure is wrong, and the timer is taken as both.
"""

from __future__ import annotations

from athletiq_core.importing.parsed import ParsedActivity


def device_time(activity: ParsedActivity) -> tuple[str, float] | None:
    """("moving", s) or ("elapsed", s): the device's time figure and what it is.

    See the module docstring. None when the device gives no time at all.
    """
    totals = activity.totals
    if totals is None:
        return None
    timer = totals.timer_s or 0.0
    elapsed = max(totals.elapsed_s or 0.0, timer)
    if totals.moving_s and totals.moving_s < elapsed - 1.0:
        return "moving", totals.moving_s
    if activity.lengths and timer:
        rests = sum(
            length.elapsed_s for length in activity.lengths if not length.active
        )
        return "moving", timer - rests
    if timer and timer < elapsed - 1.0:
        return "moving", timer
    return ("elapsed", elapsed) if elapsed else None
