"""Fixtures for the importer tests: the real data directory and cached parses.

Parsing the real files takes a few seconds in all, so each file is parsed and its
metrics derived once per test session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from athletiq_core.importing.parsed import ParsedActivity
from athletiq_core.importing.parsers import parse_file
from athletiq_core.metrics import DerivedMetrics, derive
from tests.core.importing.realdata import DATA_DIR


@pytest.fixture(scope="session")
def real_data_dir() -> Path:
    """``tests/data``: real activity files (see its SOURCES.md files)."""
    return DATA_DIR.resolve()


@pytest.fixture(scope="session")
def parse_real(real_data_dir: Path) -> Callable[[str], list[ParsedActivity]]:
    """Parse a file of ``real-activities`` given as "folder/name", once."""
    cache: dict[str, list[ParsedActivity]] = {}

    def parse(relative: str) -> list[ParsedActivity]:
        if relative not in cache:
            cache[relative] = parse_file(real_data_dir / "real-activities" / relative)
        return cache[relative]

    return parse


@pytest.fixture(scope="session")
def derive_real(
    parse_real: Callable[[str], list[ParsedActivity]],
) -> Callable[[str], list[DerivedMetrics]]:
    """Derived metrics for each activity of a real file, computed once."""
    cache: dict[str, list[DerivedMetrics]] = {}

    def derived(relative: str) -> list[DerivedMetrics]:
        if relative not in cache:
            cache[relative] = [derive(activity) for activity in parse_real(relative)]
        return cache[relative]

    return derived
