"""Typed errors for activity files that cannot be imported.

Every failure of :func:`athletiq_core.importing.parsers.parse_file` is one of these.
Each message names the file, says what was wrong with it and what the user can do,
so a face can show ``str(error)`` as it is.
"""

from __future__ import annotations

import logging

from athletiq_core.errors import AthletiqError
from athletiq_core.importing.parsed import ParsedRoute

logger = logging.getLogger(__name__)


class ImportFileError(AthletiqError):
    """An activity file could not be imported.

    ``filename`` is the name the user knows the file by, ``reason`` what was wrong
    and ``advice`` what to do about it.
    """

    advice = (
        "Check that it is a FIT, GPX or TCX file recorded by a watch, bike "
        "computer or app."
    )

    def __init__(self, filename: str, reason: str, advice: str | None = None) -> None:
        self.filename = filename
        self.reason = reason
        if advice is not None:
            self.advice = advice
        super().__init__(f"{filename}: {reason}. {self.advice}")


class UnreadableFileError(ImportFileError):
    """The file could not be opened or read from disk."""

    advice = "Check that the file exists and that Athletiq may read it."


class CorruptFileError(ImportFileError):
    """The file is damaged, truncated or not in the format its name claims."""

    advice = (
        "The file is damaged or incomplete: export the activity again from the "
        "device or app it came from."
    )


class UnsupportedFileError(ImportFileError):
    """The file is readable but is not something Athletiq imports as an activity."""

    advice = (
        "Athletiq imports recorded activities from FIT, GPX and TCX files, also "
        "gzipped (.fit.gz, .gpx.gz, .tcx.gz)."
    )


class EmptyFileError(ImportFileError):
    """The file is well formed but holds no recorded samples."""

    advice = (
        "The file holds no recorded track: export the activity again with its "
        "recorded data, or import the device's original file."
    )


class RouteFileError(UnsupportedFileError):
    """The file is a route (points without times), not a recorded activity.

    ``route`` holds what was read, so an import can keep it as a route.
    """

    advice = (
        "Routes are kept as routes ('athletiq routes'), not as activities; to "
        "import the ride or run itself, export the recorded activity (with times)."
    )

    def __init__(self, filename: str, reason: str, route: ParsedRoute) -> None:
        super().__init__(filename, reason)
        self.route = route
