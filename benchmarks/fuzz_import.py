"""Fuzz the file importer: mutate real activity files and count what goes wrong.

Each case takes one of the real files, applies one to four random mutations
(flip a bit, overwrite or insert a run of bytes, delete a run, cut the file
short) and feeds it to ``parse_bytes``; activities that come back go through
``derive`` as an import would. A case fails when anything other than an
ImportFileError escapes, or when it takes longer than 5 s. The random generator
is seeded, so a failing case can be replayed with ``--seed`` and ``--only``.

Usage: python benchmarks/fuzz_import.py [--cases 100000] [--seed 1] [--workers N]
"""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import random
import signal
import sys
import time
from pathlib import Path

from athletiq_core.importing.errors import ImportFileError
from athletiq_core.importing.parsers import parse_bytes
from athletiq_core.metrics import derive

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.mutations import KINDS, apply_mutation  # noqa: E402

DATA = REPO / "tests" / "data"
SLOW_S = 5.0
HARD_LIMIT_S = 60


class CaseTimeout(BaseException):
    """A case ran past the hard limit; not an Exception, so no parser catches it."""


def main() -> int:
    args = _arguments()
    # Damaged cases make the library log warnings; only the counts matter here.
    logging.basicConfig(level=logging.ERROR)
    seeds = _seeds(args.data, args.max_kb)
    if not seeds:
        print(f"No seed files found under {args.data}")
        return 2
    print(f"{len(seeds)} seed files, {args.cases} cases, seed {args.seed}")

    counts = {"imported": 0, "refused": 0, "raised": 0, "slow": 0}
    failures: list[str] = []
    started = time.perf_counter()
    cases = [args.only] if args.only is not None else range(args.cases)
    _SEEDS[:] = seeds
    with multiprocessing.get_context("fork").Pool(args.workers, _init) as pool:
        for case, name, (outcome, seconds, detail) in pool.imap_unordered(
            _run_case, ((args.seed, case) for case in cases), chunksize=64
        ):
            counts[outcome] += 1
            if outcome == "raised" or seconds > SLOW_S:
                counts["slow"] += seconds > SLOW_S
                failures.append(f"case {case} ({name}, {seconds:.1f} s): {detail}")
    elapsed = time.perf_counter() - started

    _report(counts, failures, elapsed)
    return 1 if failures else 0


_SEEDS: list[tuple[str, bytes]] = []


def _init() -> None:
    signal.signal(signal.SIGALRM, _on_alarm)


def _run_case(job: tuple[int, int]) -> tuple[int, str, tuple[str, float, str]]:
    seed, case = job
    name, data = _case(random.Random(f"{seed}:{case}"), _SEEDS)
    return case, name, _run(name, data)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--max-kb", type=int, default=200, help="largest seed file")
    parser.add_argument("--only", type=int, default=None, help="replay one case")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    return parser.parse_args()


def _seeds(data: Path, max_kb: int) -> list[tuple[str, bytes]]:
    paths = sorted((data / "real-activities").glob("*/*"))
    paths += sorted((data / "strava-export").glob("*/activities/*"))
    return [
        (path.name, path.read_bytes())
        for path in paths
        if path.suffix != ".md" and path.stat().st_size <= max_kb * 1024
    ]


def _case(rng: random.Random, seeds: list[tuple[str, bytes]]) -> tuple[str, bytes]:
    name, data = rng.choice(seeds)
    for _ in range(rng.randint(1, 4)):
        data = _mutate(rng, data)
    return name, data


def _mutate(rng: random.Random, data: bytes) -> bytes:
    kind, size, value = rng.choice(KINDS), rng.randint(1, 64), rng.randrange(256)
    if not data:
        return apply_mutation(data, kind, 0, value, size)
    at = rng.randrange(len(data))
    bit = rng.randrange(8) if kind == "flip" else 0
    return apply_mutation(data, kind, at, value, size, bit)


def _run(name: str, data: bytes) -> tuple[str, float, str]:
    """Outcome ("imported", "refused" or "raised"), seconds and a detail."""
    started = time.perf_counter()
    signal.alarm(HARD_LIMIT_S)
    try:
        activities = parse_bytes(data, name)
        for activity in activities:
            derive(activity)
        outcome, detail = "imported", f"{len(activities)} activities"
    except ImportFileError as error:
        outcome, detail = "refused", error.reason
    except CaseTimeout as error:
        outcome, detail = "raised", str(error)
    except Exception as error:  # counting exactly these is the point
        outcome, detail = "raised", f"{type(error).__name__}: {error}"
    finally:
        signal.alarm(0)
    return outcome, time.perf_counter() - started, detail


def _on_alarm(signum: int, frame: object) -> None:
    raise CaseTimeout(f"interrupted after {HARD_LIMIT_S} s")


def _report(counts: dict[str, int], failures: list[str], seconds: float) -> None:
    cases = counts["imported"] + counts["refused"] + counts["raised"]
    print(f"cases: {cases}")
    print(
        f"imported: {counts['imported']}, "
        f"refused with ImportFileError: {counts['refused']}"
    )
    print(
        f"failures: {len(failures)} (unexpected exceptions: {counts['raised']}, "
        f"slower than {SLOW_S:.0f} s: {counts['slow']})"
    )
    print(f"seconds: {seconds:.1f} ({seconds / max(cases, 1) * 1000:.1f} ms per case)")
    for failure in failures[:20]:
        print(f"  {failure}")


if __name__ == "__main__":
    sys.exit(main())
