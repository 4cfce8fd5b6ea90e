"""One entry point for activity files: pick the reader by name, unzip, wrap errors.

:func:`parse_file` and :func:`parse_bytes` return a list of
:class:`~athletiq_core.importing.parsed.ParsedActivity` or raise an
:class:`~athletiq_core.importing.errors.ImportFileError`, never anything else:
whatever a reader library raises on a damaged file is wrapped with the file name.

The format comes from the extension (``.fit``, ``.gpx``, ``.tcx``, each optionally
followed by ``.gz``, in any case). Content wins over the name in two cases: data
starting with the gzip signature is always decompressed, and a file with an
unknown extension is recognised by its content when it is FIT, GPX or TCX.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Callable
from pathlib import Path

from athletiq_core.importing.errors import (
    CorruptFileError,
    EmptyFileError,
    ImportFileError,
    UnreadableFileError,
    UnsupportedFileError,
)
from athletiq_core.importing.fit import parse_fit
from athletiq_core.importing.gpx import parse_gpx
from athletiq_core.importing.parsed import ParsedActivity
from athletiq_core.importing.tcx import parse_tcx

logger = logging.getLogger(__name__)

Reader = Callable[[bytes, str], list[ParsedActivity]]

MAX_FILE_BYTES = 256 * 1024 * 1024
SUPPORTED_SUFFIXES = (".fit", ".gpx", ".tcx", ".fit.gz", ".gpx.gz", ".tcx.gz")

_READERS: dict[str, Reader] = {"fit": parse_fit, "gpx": parse_gpx, "tcx": parse_tcx}
_GZIP_MAGIC = b"\x1f\x8b"
_INFLATE_CHUNK = 64 * 1024


def parse_file(path: str | os.PathLike[str]) -> list[ParsedActivity]:
    """The activities in the file at ``path`` (see :func:`parse_bytes`)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise UnsupportedFileError(path.name, "it is larger than 256 MB")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(
            path.name, f"it cannot be read ({exc.strerror or exc})"
        ) from exc
    return parse_bytes(data, path.name)


def parse_bytes(data: bytes, filename: str) -> list[ParsedActivity]:
    """The activities in ``data``, the content of a file called ``filename``.

    Returns one activity per recorded activity or multisport leg, in time order.
    Raises an :class:`ImportFileError` subclass naming ``filename`` for anything
    that cannot be imported.
    """
    data = bytes(data)
    notes: list[str] = []
    if data.startswith(_GZIP_MAGIC):
        data, notes = _gunzip(data, filename)
    if not data.strip():
        raise EmptyFileError(filename, "the file is empty")

    reader = _READERS[_format_of(filename, data)]
    try:
        activities = reader(data, filename)
    except ImportFileError:
        raise
    except Exception as exc:  # the boundary: wrap whatever escaped
        logger.debug("Reader failed on %s", filename, exc_info=True)
        raise CorruptFileError(
            filename, f"it could not be read ({type(exc).__name__}: {exc})"
        ) from exc

    for activity in activities:
        activity.warnings[:0] = notes
        activity.damaged = activity.damaged or bool(notes)
    return activities


def _format_of(filename: str, data: bytes) -> str:
    name = filename.lower()
    name = name[:-3] if name.endswith(".gz") else name
    for kind in _READERS:
        if name.endswith(f".{kind}"):
            return kind
    sniffed = _sniff(data)
    if sniffed is None:
        suffix = Path(filename).suffix or "(none)"
        raise UnsupportedFileError(filename, f"the file type {suffix} is not supported")
    return sniffed


def _sniff(data: bytes) -> str | None:
    """The format recognised from the first bytes, or None."""
    if len(data) >= 12 and data[8:12] == b".FIT":
        return "fit"
    head = data[:2048]
    if b"<gpx" in head:
        return "gpx"
    if b"<TrainingCenterDatabase" in head:
        return "tcx"
    return None


def _gunzip(data: bytes, filename: str) -> tuple[bytes, list[str]]:
    """Decompressed ``data``; a damaged or cut-short stream keeps what came before."""
    inflater = zlib.decompressobj(wbits=31)
    parts: list[bytes] = []
    size = 0
    try:
        for offset in range(0, len(data), _INFLATE_CHUNK):
            part = inflater.decompress(data[offset : offset + _INFLATE_CHUNK])
            size += len(part)
            if size > MAX_FILE_BYTES:
                raise UnsupportedFileError(
                    filename, "it is larger than 256 MB unzipped"
                )
            parts.append(part)
            if inflater.eof:
                break
    except zlib.error as exc:
        return _partial(parts, filename, f"its gzip compression is damaged ({exc})")
    if not inflater.eof:
        return _partial(parts, filename, "the gzip file is cut short")
    return b"".join(parts), []


def _partial(
    parts: list[bytes], filename: str, problem: str
) -> tuple[bytes, list[str]]:
    if not any(parts):
        raise CorruptFileError(filename, problem)
    return b"".join(parts), [f"{problem}; only the part before the damage was read"]
