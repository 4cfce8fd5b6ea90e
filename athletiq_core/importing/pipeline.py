"""``import_paths``: the one import entry point for every face.

Decoding runs in a process pool (both cores); storing runs here, each activity in
its own savepoint, so a broken file never stops the batch and never changes what
was stored. Importing the same files again adds nothing: files are recognised by
the SHA-256 of their content.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from athletiq_core.db.models import Athlete, database
from athletiq_core.errors import AthletiqError
from athletiq_core.importing.decode import Decoded, decode_job, init_worker
from athletiq_core.importing.route_store import route_hashes, store_route
from athletiq_core.importing.sources import ImportJob, expand
from athletiq_core.importing.store import (
    ImportSummary,
    known_hashes,
    store_file_activity,
    store_row_only,
)

logger = logging.getLogger(__name__)

# Below this many files a process pool costs more than it saves.
POOL_THRESHOLD = 8

Progress = Callable[[int, int, str], None]


class ImportCancelled(AthletiqError):
    """The user stopped the import; what was stored so far is kept."""


def import_paths(
    paths: Iterable[Path | str],
    athlete: Athlete,
    *,
    on_progress: Progress | None = None,
    cancel: threading.Event | None = None,
    workers: int | None = None,
) -> ImportSummary:
    """Import archives, files and folders for ``athlete``; returns the summary."""
    jobs, problems = expand(Path(p) for p in paths)
    summary = ImportSummary(skipped=list(problems))
    report = on_progress or (lambda _d, _t, _s: None)
    for done, decoded in enumerate(_decode_all(jobs, workers), start=1):
        if cancel is not None and cancel.is_set():
            raise ImportCancelled("Import stopped; what was imported so far is kept.")
        _store(decoded, athlete.id, summary)
        report(done, len(jobs), decoded.job.label)
    logger.debug(
        "Import finished: %d imported, %d recovered, %d merged, %d unchanged, "
        "%d routes, %d skipped",
        summary.imported,
        summary.recovered,
        summary.merged,
        summary.unchanged,
        summary.routes,
        len(summary.skipped),
    )
    return summary


def _decode_all(jobs: list[ImportJob], workers: int | None) -> Iterator[Decoded]:
    hashes = known_hashes() | route_hashes()
    files = sum(1 for job in jobs if job.has_file)
    if files < POOL_THRESHOLD or workers == 1:
        init_worker(hashes)
        yield from map(decode_job, jobs)
        return
    context = multiprocessing.get_context("spawn")
    count = workers or os.cpu_count() or 2
    with ProcessPoolExecutor(count, context, init_worker, (hashes,)) as pool:
        yield from pool.map(decode_job, jobs, chunksize=4)


def _store(decoded: Decoded, athlete_id: int, summary: ImportSummary) -> None:
    job = decoded.job
    try:
        with database.atomic():
            _store_job(decoded, athlete_id, summary)
    except (ValueError, TypeError, KeyError) as exc:
        logger.warning("Could not store %s: %s", job.label, exc)
        summary.skipped.append((job.label, f"could not be stored: {exc}"))


def _store_job(decoded: Decoded, athlete_id: int, summary: ImportSummary) -> None:
    job = decoded.job
    if decoded.already_imported:
        summary.unchanged += 1
        return
    if decoded.error is not None:
        summary.skipped.append((job.label, decoded.error))
        if job.row is not None:
            _count(summary, store_row_only(athlete_id, job.row, job.label))
        return
    if decoded.route is not None and job.row is None:
        digest = decoded.content_hash or ""
        _count(summary, store_route(athlete_id, decoded.route, job.label, digest))
        return
    if decoded.route is not None:
        summary.warnings.append(
            f"{job.label}: the file has no timestamps, so the activity was imported "
            "from activities.csv alone"
        )
    if not decoded.activities:
        _count(summary, store_row_only(athlete_id, job.row, job.label))
        return
    kind = _kind(job)
    for index, (parsed, metrics) in enumerate(decoded.activities):
        row = job.row if index == 0 else None
        outcome = store_file_activity(
            athlete_id, parsed, metrics, row, (kind, job.label, decoded.content_hash)
        )
        _count(summary, outcome)
        summary.warnings.extend(f"{job.label}: {w}" for w in parsed.warnings)


def _kind(job: ImportJob) -> str:
    name = (job.member or str(job.path)).lower().removesuffix(".gz")
    return "archive" if job.row is not None else name.rsplit(".", 1)[-1]


def _count(summary: ImportSummary, outcome: str) -> None:
    setattr(summary, outcome, getattr(summary, outcome) + 1)
