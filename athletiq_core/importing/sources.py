"""Turning what the user points at into import jobs.

A Strava archive (a ``.zip`` or its unpacked folder, recognised by its
``activities.csv``) gives one job per CSV row, with the row's file if there is
one, plus one job per file in its ``routes/`` folder (planned routes, kept as
routes). Any other folder is searched recursively for activity files.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from athletiq_core.importing.archive import ArchiveRow, read_activities_csv
from athletiq_core.importing.errors import ImportFileError, UnreadableFileError

logger = logging.getLogger(__name__)

ACTIVITY_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")


@dataclass(frozen=True)
class ImportJob:
    """One thing to import: a file (on disk or in a zip), a CSV row, or both."""

    label: str  # what the user recognises: a path, or archive:member
    path: Path | None = None
    zip_path: Path | None = None
    member: str | None = None
    row: ArchiveRow | None = None

    @property
    def has_file(self) -> bool:
        return self.path is not None or self.member is not None

    def read_bytes(self) -> bytes:
        """The file's content; :class:`UnreadableFileError` when it cannot be read."""
        try:
            if self.zip_path is not None:
                with zipfile.ZipFile(self.zip_path) as archive:
                    return archive.read(self.member)
            return self.path.read_bytes()
        except (OSError, KeyError, zipfile.BadZipFile) as exc:
            raise UnreadableFileError(
                self.label, f"it cannot be read ({exc})"
            ) from None


def is_activity_file(name: str) -> bool:
    return name.lower().endswith(ACTIVITY_SUFFIXES)


def expand(paths: Iterable[Path]) -> tuple[list[ImportJob], list[tuple[str, str]]]:
    """Jobs for every input, and (input, reason) for inputs that give none."""
    jobs: list[ImportJob] = []
    problems: list[tuple[str, str]] = []
    for path in map(Path, paths):
        try:
            jobs.extend(_expand_one(path, problems))
        except ImportFileError as exc:
            problems.append((str(path), str(exc)))
    return jobs, problems


def _expand_one(path: Path, problems) -> list[ImportJob]:
    if not path.exists():
        raise UnreadableFileError(str(path), "it does not exist")
    if path.is_dir():
        if (path / "activities.csv").is_file():
            return _folder_archive(path, problems)
        return [
            ImportJob(str(p), path=p)
            for p in sorted(path.rglob("*"))
            if p.is_file() and is_activity_file(p.name)
        ]
    if path.suffix.lower() == ".zip":
        return _zip_archive(path, problems)
    if is_activity_file(path.name):
        return [ImportJob(str(path), path=path)]
    raise ImportFileError(
        str(path),
        "it is not an activity file",
        "Athletiq imports .fit, .gpx and .tcx files (also gzipped) and Strava "
        "archives (.zip).",
    )


def _folder_archive(folder: Path, problems) -> list[ImportJob]:
    text = (folder / "activities.csv").read_text(encoding="utf-8", errors="replace")
    rows, warnings = read_activities_csv(text)
    problems.extend((str(folder / "activities.csv"), w) for w in warnings)
    jobs = []
    for row in rows:
        path = folder / row.filename if row.filename else None
        if path is not None and not path.is_file():
            problems.append((str(path), "listed in activities.csv but missing"))
            path = None
        jobs.append(
            ImportJob(
                str(path or f"activities.csv:{row.strava_id}"), path=path, row=row
            )
        )
    routes = folder / "routes"
    if routes.is_dir():
        jobs.extend(
            ImportJob(str(p), path=p)
            for p in sorted(routes.iterdir())
            if p.is_file() and is_activity_file(p.name)
        )
    return jobs


def _zip_archive(zip_path: Path, problems) -> list[ImportJob]:
    try:
        with zipfile.ZipFile(zip_path) as archive:
            names = set(archive.namelist())
            csv_name = _find_csv(names)
            if csv_name is None:
                return _zip_of_files(zip_path, names)
            text = archive.read(csv_name).decode("utf-8", errors="replace")
    except (OSError, zipfile.BadZipFile) as exc:
        raise ImportFileError(
            str(zip_path),
            f"it is not a readable zip file ({exc})",
            "Download the archive again from Strava.",
        ) from None
    return _zip_rows(zip_path, csv_name, text, names, problems)


def _zip_rows(zip_path, csv_name, text, names, problems) -> list[ImportJob]:
    rows, warnings = read_activities_csv(text)
    problems.extend((f"{zip_path.name}:{csv_name}", w) for w in warnings)
    prefix = str(PurePosixPath(csv_name).parent)
    jobs = []
    for row in rows:
        member = None
        if row.filename:
            member = row.filename if prefix == "." else f"{prefix}/{row.filename}"
            if member not in names:
                problems.append((f"{zip_path.name}:{member}", "listed but missing"))
                member = None
        label = f"{zip_path.name}:{member or f'activities.csv row {row.strava_id}'}"
        jobs.append(
            ImportJob(
                label, zip_path=zip_path if member else None, member=member, row=row
            )
        )
    routes = "routes/" if prefix == "." else f"{prefix}/routes/"
    jobs.extend(
        ImportJob(f"{zip_path.name}:{name}", zip_path=zip_path, member=name)
        for name in sorted(names)
        if name.startswith(routes) and is_activity_file(name)
    )
    return jobs


def _zip_of_files(zip_path: Path, names: set[str]) -> list[ImportJob]:
    return [
        ImportJob(f"{zip_path.name}:{name}", zip_path=zip_path, member=name)
        for name in sorted(names)
        if is_activity_file(name)
    ]


def _find_csv(names: set[str]) -> str | None:
    candidates = [n for n in names if PurePosixPath(n).name == "activities.csv"]
    return min(candidates, key=len) if candidates else None
