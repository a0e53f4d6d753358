"""`python -m bench`: measure the viewer against the naive folium baseline on this machine,
print a table (with the ratio to the baseline where there is one) and write bench/results.json.

    python -m bench                 # everything, 5 counted visits per app
    python -m bench --runs 3        # fewer visits
    python -m bench --no-browser    # no Chromium: build time, payload, server re-run time
    python -m bench --markdown      # the table as Markdown (for docs/benchmark.md)
    python -m bench --sessions 50   # load scenario with 50 sessions (0: skip it; default 20)
    python -m bench --large-layer   # also the "large official layer" scenario (issue 16)
"""

import argparse
import json
import os
import platform
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

from bench.baseline import CDN_FILES, build_baseline_map, layer_geojson
from bench.browser import AppSpec, visit
from bench.build_time import build_seconds
from bench.floor import serve_floor, visit_floor
from bench.large_official import large_rows
from bench.large_official import measure as measure_large_layer
from bench.load import DEFAULT_CLICKS, DEFAULT_SESSIONS, load_rows, measure_load
from bench.payload import payload_comparison
from bench.print_time import atlas_seconds, print_rows, sheet_seconds
from bench.report import (
    Row,
    browser_rows,
    markdown_table,
    median,
    payload_rows,
    server_rows,
    summary,
    table,
)
from bench.search_time import search_rows, search_seconds
from bench.server import PeakMemory
from bench.server_time import rerun_seconds, township_rerun_seconds
from bench.site_time import site_check_row, site_check_seconds
from geo.paths import PROJECT_ROOT
from geo.store.settings import ADMIN_DIR_ENV
from harness.chromium import launch_chromium
from harness.local_app import StreamlitServer
from layers.admin_areas import title as admin_areas_title
from layers.map import build_map
from ui.map_view import MAP_COMPONENT

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_PATH = BENCH_DIR / "results.json"
LOGS_DIR = BENCH_DIR / "runs"  # server logs (not committed)

OURS = AppSpec("ours", PROJECT_ROOT / "app.py", toggle_label=admin_areas_title("zh"),
               frame_url_part=MAP_COMPONENT)
BASELINE = AppSpec(
    "baseline", BENCH_DIR / "baseline_app.py", toggle_label="townships",
    frame_url_part="streamlit_folium", cdn_files=CDN_FILES,
)


def our_map():
    """The viewer's map as the app shows it first: OpenStreetMap, Chinese."""
    return build_map(basemap="osm", lang="zh")


def _townships() -> list[tuple[str, str]]:
    features = layer_geojson("townships")["features"]
    return sorted((f["properties"]["code"], f["properties"]["name"]) for f in features)


def _load_average() -> list[float]:
    """1, 5 and 15 minute load averages: other work on the machine slows every timing."""
    return [round(load, 2) for load in os.getloadavg()]


def measure_app(app: AppSpec, runs: int) -> dict[str, Any]:
    """runs + 1 visits of the app in fresh browser contexts; the first one warms the server up
    (imports, caches) and is kept apart from the counted ones."""
    townships = _townships()
    codes = [code for code, _ in townships]
    visits = []
    with (
        StreamlitServer(app.script, LOGS_DIR / f"{app.name}.log", usage_stats=True) as server,
        sync_playwright() as pw,
    ):
        memory = PeakMemory(server.process.pid)
        memory.start()
        browser = launch_chromium(pw)
        for index in range(runs + 1):
            context = browser.new_context()
            try:
                pick = townships[index % len(townships)]
                visits.append(visit(context, server.url, app, codes, pick))
            finally:
                context.close()
        browser.close()
        peak = memory.stop()
    return {"first_visit": visits[0], "visits": visits[1:], "peak_rss_bytes": peak}


def measure_floor(runs: int) -> dict[str, Any]:
    """runs + 1 visits of the floor page (bench/floor.py); the first kept apart."""
    codes = [code for code, _ in _townships()]
    with serve_floor(our_map()) as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        visits = [visit_floor(browser, url, codes) for _ in range(runs + 1)]
        browser.close()
    return {"first_visit": visits[0], "visits": visits[1:]}


def main() -> None:
    """Measure with the open-source layers only: an empty admin store for this process, the
    apps it starts and AppTest (an import on this machine must not change the figures)."""
    with tempfile.TemporaryDirectory() as store:
        os.environ[ADMIN_DIR_ENV] = store
        run_benchmark()


def run_benchmark() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="counted visits per app (default 5)")
    parser.add_argument("--no-browser", action="store_true", help="skip the browser timings")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--sessions", type=int, default=DEFAULT_SESSIONS,
                        help=f"concurrent sessions of the load scenario (default "
                             f"{DEFAULT_SESSIONS}, 0: skip it)")
    parser.add_argument("--clicks", type=int, default=DEFAULT_CLICKS,
                        help=f"township clicks per load session (default {DEFAULT_CLICKS})")
    parser.add_argument("--large-layer", action="store_true",
                        help="also import a synthetic 20 000-parcel red line and measure the "
                             "viewer with it (bench/large_official.py; several minutes)")
    args = parser.parse_args()

    builds = [build_seconds() for _ in range(args.runs)]
    payload = payload_comparison(our_map, build_baseline_map)
    codes = [code for code, _ in _townships()]
    ours_rerun = township_rerun_seconds(OURS.script, codes)
    baseline_rerun = rerun_seconds(BASELINE.script, len(codes))
    site_times = site_check_seconds(args.runs)
    rows = [
        Row("data build (python -m geo.build)", "s", median(builds)),
        *payload_rows(payload),
        *server_rows(ours_rerun, baseline_rerun),
        site_check_row(site_times),
    ]
    print_sheet, print_atlas = sheet_seconds(args.runs), atlas_seconds()
    rows += print_rows(print_sheet, sheet_seconds(args.runs, every_overlay=True), print_atlas)
    search = search_seconds()
    rows += search_rows(search)
    results: dict[str, Any] = {
        "command": "python -m bench " + " ".join(sys.argv[1:]),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(),
                    "python": platform.python_version(),
                    "load_average_at_start": _load_average()},
        "runs": args.runs,
        "build_seconds": builds,
        "site_check_seconds": site_times,
        "payload": payload,
        "click_rerun_seconds": {"ours": ours_rerun, "baseline": baseline_rerun},
        "print_seconds": {"a4_sheet": print_sheet, "atlas": print_atlas},
        "search": search,
    }  # fmt: skip
    if not args.no_browser:
        ours = measure_app(OURS, args.runs)
        baseline = measure_app(BASELINE, args.runs)
        floor = measure_floor(args.runs)
        results["browser"] = {"ours": ours, "baseline": baseline, "floor": floor}
        results["summary"] = summary(payload, ours, baseline, floor)
        rows += browser_rows(ours, baseline, floor)
    if args.sessions:
        results["load"] = measure_load(OURS.script, LOGS_DIR / "load.log", args.sessions,
                                       args.clicks)
        rows += load_rows(results["load"])
    if args.large_layer:
        results["large_layer"] = measure_large_layer(max(1, args.runs))
        rows += large_rows(results["large_layer"])
    results["machine"]["load_average_at_end"] = _load_average()
    results["table"] = [row.as_dict() for row in rows]
    RESULTS_PATH.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(markdown_table(rows) if args.markdown else table(rows))
    load = results["machine"]
    print(f"\nload average (1, 5, 15 min) at start {load['load_average_at_start']}, "
          f"at end {load['load_average_at_end']} on {load['cpus']} CPUs")
    print(f"\nwritten {RESULTS_PATH.relative_to(PROJECT_ROOT)}")


if __name__ == "__main__":
    main()
