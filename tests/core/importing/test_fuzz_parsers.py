"""Damaged files never crash or hang the importer: fuzzing parse_bytes.

Real files are mutated (bytes flipped, overwritten, inserted, deleted, the file
cut short) and fed to parse_bytes. Every case must return activities, whose
metrics can be derived, or raise ImportFileError; anything else, or a case that
runs past its deadline, fails. benchmarks/fuzz_import.py runs the same idea over
many more cases.
"""

from __future__ import annotations

import functools
import signal
from contextlib import contextmanager
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from athletiq_core.importing.errors import ImportFileError
from athletiq_core.importing.parsers import parse_bytes
from athletiq_core.metrics import derive
from tests.core.importing.realdata import EXPORT_DIR, REAL_DIR
from tests.mutations import KINDS, apply_mutation

BOLT = "python-fitparse__elemnt-bolt-no-application-id-inside-developer-data-id.fit"
SEEDS = (
    REAL_DIR / "quirks" / BOLT,
    REAL_DIR / "quirks/tormoder-fit__unterminated-strings.fit",
    REAL_DIR / "fit/GoldenCheetah__10kUNLP2014-Garmin15.fit",
    REAL_DIR / "fit/GoldenCheetah__lap_swim_test_FR920xt.FIT",
    EXPORT_DIR / "activities/12866632127.fit.gz",
    REAL_DIR / "gpx/sports-lib__2067489619.gpx",
    REAL_DIR / "gpx/gpxpy__route.gpx",
    REAL_DIR / "bad/GoldenCheetah__MetadataOnly.gpx",
    REAL_DIR / "tcx/python-tcxparser__test.tcx",
)
HANG_LIMIT_S = 10


class CaseHung(BaseException):
    """Raised by the alarm; not an Exception, so no parser can swallow it."""


@contextmanager
def _hang_guard(seconds: int):
    """Fail a case that runs longer than ``seconds`` instead of hanging the run."""

    def _on_alarm(signum, frame):
        raise CaseHung(f"case ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _mutate(data: bytes, kind: str, where: float, value: int, size: int) -> bytes:
    at = int(where * len(data))
    return apply_mutation(data, kind, at, value, size, bit=value)


mutation = st.tuples(
    st.sampled_from(KINDS),
    st.floats(min_value=0.0, max_value=1.0),
    st.integers(min_value=0, max_value=255),
    st.integers(min_value=1, max_value=64),
)


@functools.cache
def _seed(index: int) -> tuple[str, bytes]:
    path = SEEDS[index % len(SEEDS)]
    return path.name, path.read_bytes()


@settings(
    max_examples=200,
    deadline=timedelta(seconds=5),
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    choice=st.integers(min_value=0),
    mutations=st.lists(mutation, min_size=1, max_size=4),
)
def test_mutated_files_import_or_fail_with_an_import_error(choice, mutations):
    name, data = _seed(choice)
    for kind, where, value, size in mutations:
        data = _mutate(data, kind, where, value, size)

    with _hang_guard(HANG_LIMIT_S):
        try:
            activities = parse_bytes(data, name)
        except ImportFileError as error:
            assert error.filename == name and error.reason
            return
        for activity in activities:
            derive(activity)

    assert activities
