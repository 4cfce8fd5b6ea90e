"""Our figures against what each device summed up itself, file by file.

For every FIT and TCX file under ``--data`` (default: the real files in
``tests/data``) with a device session summary, prints the device's distance,
moving figure and elevation gain beside the figures derived from the streams
and the figures an import shows (see ``athletiq_core/importing/figures.py``),
with the share each is off, then how many activities are within the bounds the
import aims at: distance 1 %, moving time 2 %, elevation gain 10 %. Which device
figure is a moving time follows ``tests/device_figures.py``; for a device whose
timer never stopped, the elapsed time is compared instead.

Usage: python benchmarks/accuracy.py [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from athletiq_core.importing.errors import ImportFileError  # noqa: E402
from athletiq_core.importing.figures import shown_totals  # noqa: E402
from athletiq_core.importing.parsers import parse_file  # noqa: E402
from athletiq_core.metrics import derive  # noqa: E402
from tests.device_figures import device_time  # noqa: E402

BOUNDS = {"distance": 0.01, "moving": 0.02, "elapsed": 0.02, "ascent": 0.10}
SUFFIXES = (".fit", ".fit.gz", ".tcx", ".tcx.gz")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=REPO / "tests" / "data")
    args = parser.parse_args()
    files = sorted(
        path
        for path in args.data.rglob("*")
        if path.is_file() and path.name.lower().endswith(SUFFIXES)
    )
    within = {"derived": {}, "shown": {}}
    print(
        f"{'file':44} {'#':>2} {'metric':8} {'device':>9} {'derived':>16} {'shown':>16}"
    )
    for path in files:
        for index, rows in _compared(path):
            for metric, device, derived, shown in rows:
                _count(within, metric, device, derived, shown)
                print(
                    f"{path.name[:44]:44} {index:>2} {metric:8} {device:9.1f} "
                    f"{_cell(derived, device):>16} {_cell(shown, device):>16}"
                )
    print()
    for kind, counts in within.items():
        summary = ", ".join(
            f"{metric} {good}/{total}" for metric, (good, total) in counts.items()
        )
        print(f"within bounds, {kind}: {summary}")


def _compared(path: Path):
    try:
        activities = parse_file(path)
    except ImportFileError:
        return
    for index, activity in enumerate(activities):
        if activity.totals is None or activity.damaged:
            continue
        derived = derive(activity)
        yield index, _rows(activity, derived, shown_totals(activity, derived))


def _rows(activity, derived, shown) -> list[tuple[str, float, float, float]]:
    totals, rows = activity.totals, []
    if totals.distance_m:
        rows.append(
            ("distance", totals.distance_m, derived.distance_m, shown.distance_m)
        )
    figure = device_time(activity)
    if figure and figure[0] == "moving":
        rows.append(("moving", figure[1], derived.moving_time_s, shown.moving_time_s))
    elif figure:
        elapsed = derived.elapsed_time_s
        rows.append(("elapsed", figure[1], elapsed, elapsed))
    if totals.ascent_m:
        gain = derived.elevation_gain_m or 0.0
        rows.append(("ascent", totals.ascent_m, gain, shown.elevation_gain_m or 0.0))
    return rows


def _count(within, metric: str, device: float, derived: float, shown: float) -> None:
    for kind, ours in (("derived", derived), ("shown", shown)):
        good, total = within[kind].get(metric, (0, 0))
        ok = abs(ours - device) <= BOUNDS[metric] * device
        within[kind][metric] = (good + ok, total + 1)


def _cell(ours: float, device: float) -> str:
    off = (ours - device) / device if device else 0.0
    return f"{ours:.1f} ({off:+.1%})"


if __name__ == "__main__":
    main()
