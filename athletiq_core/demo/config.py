"""Configuration of the demo data set and the seeded randomness behind it.

Every random choice comes from a :class:`random.Random` seeded with a string built
from the configuration seed and a purpose, so a value never depends on what was
generated before it in another part of the program. String seeds are hashed with
SHA-512 by :mod:`random`, which keeps them stable across processes and platforms.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime

DEFAULT_END = datetime(2026, 11, 30, tzinfo=UTC)
MAX_ACTIVITIES = 50_000
HOME_ZONE = "Europe/Amsterdam"


@dataclass(frozen=True)
class DemoConfig:
    """Size and identity of a demo data set.

    ``end`` is an aware instant (UTC); the history covers ``years`` years before
    it. ``activities`` is the exact number of activities produced (1 to 50,000).
    """

    seed: int = 42
    activities: int = 1500
    years: int = 6
    end: datetime | None = None
    athlete_id: int = 1001
    first_activity_id: int = 17_000_000_000

    def __post_init__(self) -> None:
        if not 1 <= self.activities <= MAX_ACTIVITIES:
            raise ValueError(
                f"activities must be between 1 and {MAX_ACTIVITIES}, "
                f"got {self.activities}"
            )
        if not 1 <= self.years <= 30:
            raise ValueError(f"years must be between 1 and 30, got {self.years}")
        if self.end is not None and self.end.tzinfo is None:
            raise ValueError("end must be an aware datetime, for example in UTC")

    @property
    def end_utc(self) -> datetime:
        """The end of the history as an aware UTC instant."""
        return (self.end or DEFAULT_END).astimezone(UTC)


def rng_for(cfg: DemoConfig, *parts: object) -> random.Random:
    """A generator seeded by ``cfg.seed`` and ``parts`` (for example an id)."""
    key = "/".join(str(part) for part in (cfg.seed, *parts))
    return random.Random(key)


def fixed_rng(*parts: object) -> random.Random:
    """A generator independent of the configuration, for the fixed geography."""
    return random.Random("/".join(str(part) for part in ("athletiq-demo", *parts)))
