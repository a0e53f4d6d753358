"""Printing: seconds to render and write one A4 sheet (vector PDF, county view) and the whole
township atlas (19 pages), in this process after a warm-up sheet (imports, fonts, caches)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.report import Row, median


def sheet_seconds(runs: int) -> list[float]:
    """One A4 portrait county sheet to PDF, `runs` times (after one warm-up)."""
    from geo.sheets.sheet import SheetSpec, render

    times = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(runs + 1):
            start = time.perf_counter()
            render(SheetSpec(view="county")).save(Path(folder) / f"{index}.pdf")
            times.append(time.perf_counter() - start)
    return times[1:]


def atlas_seconds() -> float:
    """The whole atlas (cover, contents, 17 township sheets) to one PDF, once."""
    from geo.sheets.atlas import write_atlas

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_atlas(Path(folder) / "atlas.pdf")
        return time.perf_counter() - start


def print_rows(sheet: list[float], atlas: float) -> list[Row]:
    return [Row("print: one A4 sheet (county, vector PDF)", "s", median(sheet)),
            Row("print: township atlas (19 pages PDF)", "s", atlas)]


if __name__ == "__main__":
    sheets, whole = sheet_seconds(3), atlas_seconds()
    for row in print_rows(sheets, whole):
        print(f"{row.metric}: {row.ours:.2f} {row.unit}")
