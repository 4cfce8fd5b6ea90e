"""Decoding import jobs, in worker processes: read, hash, parse, derive metrics.

Workers touch no database. A file whose content hash was imported before is not
parsed again.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field

from athletiq_core.importing.errors import ImportFileError, RouteFileError
from athletiq_core.importing.parsed import ParsedActivity, ParsedRoute
from athletiq_core.importing.parsers import parse_bytes
from athletiq_core.importing.sources import ImportJob
from athletiq_core.metrics import DerivedMetrics, derive

logger = logging.getLogger(__name__)

_known_hashes: frozenset[str] = frozenset()


@dataclass
class Decoded:
    """A job's result: its activities with their metrics, a route, or why it failed."""

    job: ImportJob
    content_hash: str | None = None
    activities: list[tuple[ParsedActivity, DerivedMetrics]] = field(
        default_factory=list
    )
    route: ParsedRoute | None = None
    error: str | None = None
    already_imported: bool = False


def init_worker(known_hashes: frozenset[str]) -> None:
    """Pool initialiser: the hashes of files imported before."""
    global _known_hashes
    _known_hashes = known_hashes


def decode_job(job: ImportJob) -> Decoded:
    """Decode one job; never raises for a bad file (the error is in the result)."""
    if not job.has_file:
        return Decoded(job)
    try:
        data = job.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in _known_hashes:
            return Decoded(job, digest, already_imported=True)
        parsed = parse_bytes(data, job.member or job.path.name)
    except RouteFileError as exc:
        return Decoded(job, digest, route=exc.route)
    except ImportFileError as exc:
        return Decoded(job, error=str(exc))
    return Decoded(job, digest, [(p, derive(p)) for p in parsed])
