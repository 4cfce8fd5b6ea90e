"""Import a synthetic Strava archive of real FIT and GPX files; compare with decoding.

Writes an archive folder (``activities.csv`` plus one FIT or GPX file per
activity, made by the demo generator), imports it into a fresh database, and
times decoding the same files alone with the same parsers and the same number
of worker processes. Target: import ≤ 1.5 × decode-only time.

Usage: python benchmarks/import.py [--activities N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import csv
import os
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from _harness import REPO_ROOT  # noqa: F401  (puts the repository on sys.path)

from athletiq_core.db import close_database, open_database
from athletiq_core.db.models import Activity, Athlete
from athletiq_core.demo import DemoConfig, generate_activities, write_fit, write_gpx
from athletiq_core.importing.parsers import parse_file
from athletiq_core.importing.pipeline import import_paths

HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type",
    "Activity Description", "Elapsed Time", "Distance", "Max Heart Rate",
    "Relative Effort", "Commute", "Activity Private Note", "Activity Gear",
    "Filename", "Athlete Weight", "Bike Weight", "Elapsed Time", "Moving Time",
    "Distance",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--activities", type=int, default=1000)
    parser.add_argument("--keep", metavar="DIR", help="build the archive here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch) / "archive"
        files = build_archive(folder, args.activities)
        decode_s = time_decode(files)
        import_s, stored = time_import(folder, Path(scratch) / "bench.sqlite")
    print(
        f"files:               {len(files)} ({_count(files, '.fit')} FIT, "
        f"{_count(files, '.gpx')} GPX)"
    )
    print(
        f"import:              {import_s:.1f} s, {stored / import_s:.1f} activities/s"
    )
    print(f"decode only:         {decode_s:.1f} s")
    print(f"import / decode:     {import_s / decode_s:.2f} (target ≤ 1.5)")


def build_archive(folder: Path, count: int) -> list[Path]:
    """The archive folder with ``count`` activities that have GPS; returns files."""
    config = DemoConfig(activities=max(count * 2, 10))
    chosen = [a for a in generate_activities(config) if a["map"]["summary_polyline"]]
    chosen = chosen[-count:]
    (folder / "activities").mkdir(parents=True, exist_ok=True)
    jobs = [
        (config, a, folder / "activities" / _name(i, a)) for i, a in enumerate(chosen)
    ]
    started = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count(), mp_context=get_context("spawn")) as pool:
        list(pool.map(_write, jobs, chunksize=8))
    _write_csv(folder / "activities.csv", jobs)
    print(f"archive written in   {time.perf_counter() - started:.1f} s")
    return [path for _c, _a, path in jobs]


def _name(index: int, activity: dict) -> str:
    return f"{activity['id']}.{'fit' if index % 2 == 0 else 'gpx'}"


def _write(job) -> None:
    config, activity, path = job
    writer = write_fit if path.suffix == ".fit" else write_gpx
    writer(config, activity, path)


def _write_csv(path: Path, jobs) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for _config, a, file in jobs:
            row = [""] * len(HEADER)
            row[0], row[2], row[3] = a["id"], a["name"], a["sport_type"]
            row[1] = _archive_date(a["start_date"])
            row[12] = f"activities/{file.name}"
            row[15], row[16], row[17] = (
                a["elapsed_time"],
                a["moving_time"],
                a["distance"],
            )
            writer.writerow(row)


def _archive_date(iso: str) -> str:
    from datetime import datetime

    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return moment.strftime("%b %-d, %Y, %-I:%M:%S %p")


def time_decode(files: list[Path]) -> float:
    started = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count(), mp_context=get_context("spawn")) as pool:
        list(pool.map(parse_file, files, chunksize=4))
    return time.perf_counter() - started


def time_import(folder: Path, database: Path) -> tuple[float, int]:
    open_database(database)
    athlete = Athlete.create(firstname="Bench")
    started = time.perf_counter()
    summary = import_paths([folder], athlete)
    seconds = time.perf_counter() - started
    stored = Activity.select().count()
    close_database()
    if summary.skipped:
        print(f"skipped: {len(summary.skipped)}, first: {summary.skipped[0]}")
    return seconds, stored


def _count(files: list[Path], suffix: str) -> int:
    return sum(1 for f in files if f.suffix == suffix)


if __name__ == "__main__":
    main()
