"""Printing: seconds to render and write one A4 sheet (vector PDF, county view: with the web
map's overlays at start, and with all six switched on) and the whole township atlas
(19 pages), in this process after a warm-up sheet (imports, fonts, caches)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.report import Row, median


def sheet_seconds(runs: int, every_overlay: bool = False) -> list[float]:
    """One A4 portrait county sheet to PDF, `runs` times (after one warm-up); the view's
    overlays, or all six (infrastructure and tourism too)."""
    from geo.sheets.overlays import THEMES
    from geo.sheets.sheet import SheetSpec, render

    spec = SheetSpec(view="county", overlays=THEMES if every_overlay else None)
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for index in range(runs + 1):
            start = time.perf_counter()
            render(spec).save(Path(folder) / f"{index}.pdf")
            times.append(time.perf_counter() - start)
    return times[1:]


def atlas_seconds() -> float:
    """The whole atlas (cover, contents, 17 township sheets) to one PDF, once."""
    from geo.sheets.atlas import write_atlas

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        write_atlas(Path(folder) / "atlas.pdf")
        return time.perf_counter() - start


def print_rows(sheet: list[float], every_overlay: list[float], atlas: float) -> list[Row]:
    return [Row("print: one A4 sheet (county, vector PDF)", "s", median(sheet)),
            Row("print: one A4 sheet, all six overlays", "s", median(every_overlay)),
            Row("print: township atlas (19 pages PDF)", "s", atlas)]


if __name__ == "__main__":
    sheets, busy, whole = sheet_seconds(3), sheet_seconds(3, every_overlay=True), atlas_seconds()
    for row in print_rows(sheets, busy, whole):
        print(f"{row.metric}: {row.ours:.2f} {row.unit}")
