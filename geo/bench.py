"""``python -m geo bench``: rerunnable speed figures, one section per concern.

Each section lives in ``geo/_bench/<name>.py`` as ``run(quick: bool) -> list[str]``
(lines of figures). Sections run in a fixed order on one core (this process).
"""
from __future__ import annotations

import importlib
import sys
import time

SECTIONS = ("gazetteer", "extract", "timeline", "store", "report", "app")


def run_benchmarks(*, only: list[str] | None = None, quick: bool = False) -> int:
    """Run the chosen sections and print their figures; return 0, or 1 if one failed."""
    failed = 0
    for name in SECTIONS:
        if only and name not in only:
            continue
        try:
            mod = importlib.import_module(f"geo._bench.{name}")
        except ModuleNotFoundError:
            print(f"[{name}] no benchmark yet")
            continue
        t0 = time.perf_counter()
        try:
            lines = mod.run(quick=quick)
        except Exception as err:  # noqa: BLE001 - report and go on to the next section
            print(f"[{name}] failed: {type(err).__name__}: {err}")
            failed = 1
            continue
        for line in lines:
            print(f"[{name}] {line}")
        print(f"[{name}] section took {time.perf_counter() - t0:.1f} s")
        sys.stdout.flush()
    return failed
