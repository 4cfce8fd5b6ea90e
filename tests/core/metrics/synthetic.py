"""Synthetic streams for metric tests: 1 Hz pieces of steady speed."""

from __future__ import annotations

from athletiq_core.streams import Streams


def steady(*pieces: tuple[float, float]) -> Streams:
    """Streams from (seconds, speed in m/s) pieces sampled every second.

    ``steady((600, 4.0), (120, 0.0))`` is ten minutes at 4 m/s, then two minutes
    standing still.
    """
    times, distances = [0.0], [0.0]
    for seconds, speed in pieces:
        for _ in range(int(seconds)):
            times.append(times[-1] + 1.0)
            distances.append(distances[-1] + speed)
    return {"time": times, "distance": distances}


def with_values(streams: Streams, key: str, values: list[float | None]) -> Streams:
    """``streams`` plus one more stream; ``values`` must match the sample count."""
    assert len(values) == len(streams["time"])
    return {**streams, key: values}
