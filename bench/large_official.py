"""Scenario "large official layer" (issue 16): the synthetic 20 000-parcel red line
(bench/large_layer.py, ~43 MB GeoJSON) imported through the admin command line, then the viewer
opened with it and, in the same run, with the open-source layers only (the small data).

Measured per app: page open (to the 17 townships drawn and every tiled layer's visible tiles
loaded), bytes received at page open (HTTP as encoded on the wire + websocket), bytes received
while zooming into one township (the map framed on it as a township pick does), the browser's
JS heap after that (DevTools Performance.getMetrics JSHeapUsedSize), and the Streamlit process
tree's peak RSS. Targets: page open <= 2x the small data's, bytes at open <= 2 MB more.

    python -m bench.large_official [--runs N] [--parcels N]   # alone: prints the table + JSON
    python -m bench --large-layer ...                          # within the benchmark
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from time import perf_counter
from typing import Any

from playwright.sync_api import Browser, Page, Request, sync_playwright

from bench.baseline import layer_geojson
from bench.browser import TIMEOUT_MS, _component_frame, route_handler, wait_townships
from bench.large_layer import PARCELS, write
from bench.report import Row, median, median_of, table
from bench.server import PeakMemory
from geo.paths import PROJECT_ROOT
from geo.store.settings import ADMIN_DIR_ENV
from harness.chromium import launch_chromium
from harness.local_app import StreamlitServer
from ui.map_view import MAP_COMPONENT

LOGS_DIR = PROJECT_ROOT / "bench" / "runs"
DEFAULT_RUNS = 3
OPEN_RATIO_TARGET = 2.0
EXTRA_OPEN_BYTES_TARGET = 2_000_000
ZOOM_TOWNSHIP = ("430424100000", "洣水镇")  # the county seat's township
SETTLE_MS = 1_000
_TILES_LOADED = "() => (window.HD.tileLayers || []).filter((l) => l._map).every((l) => l.hdLoaded)"
_ZOOM_TO = """(code) => HD.map.fitBounds(HD.townships[code].getBounds(), {maxZoom: 14})"""
_REDLINE_PATHS = "document.querySelectorAll('path.hd-redline').length"


def _progress(what: str, since: float) -> None:
    print(f"large layer: {what} ({perf_counter() - since:.0f} s)", file=sys.stderr, flush=True)


def import_seconds(geojson: Path, admin_dir: Path) -> float:
    """Wall time of `python -m geo.admin import` of the file as the red line."""
    env = {**os.environ, ADMIN_DIR_ENV: str(admin_dir), "PYTHONPATH": str(PROJECT_ROOT)}
    start = perf_counter()
    subprocess.run([sys.executable, "-m", "geo.admin", "import", str(geojson), "--layer",
                    "redline", "--comment", "benchmark: synthetic large red line",
                    "--admin", "bench"], env=env, check=True, capture_output=True)
    return perf_counter() - start


class Received:
    """Bytes the page received, from Playwright's own events: HTTP bodies as encoded on the
    wire plus headers, and websocket payloads (the same figures as bench/browser.py's
    Traffic). While watched like this, the animated zoom of a page of 20 000 SVG paths stalls
    for about two minutes (docs/benchmark.md); the zoom is therefore not timed."""

    def __init__(self, page: Page) -> None:
        self.requests: list[Request] = []
        self.websocket_bytes = 0
        page.on("requestfinished", self._finished)
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _finished(self, request: Request) -> None:
        self.requests.append(request)

    def _frame(self, payload: str | bytes) -> None:
        self.websocket_bytes += len(payload)

    def total(self) -> int:
        sizes = [request.sizes() for request in self.requests]
        return self.websocket_bytes + sum(s["responseBodySize"] + s["responseHeadersSize"]
                                          for s in sizes)


def _visit(browser: Browser, url: str, codes: list[str]) -> dict[str, Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    traffic = Received(page)
    page.route("**/*", route_handler({}, []))
    cdp = context.new_cdp_session(page)
    cdp.send("Performance.enable")
    start = perf_counter()
    page.goto(url, timeout=TIMEOUT_MS)
    frame = _component_frame(page, MAP_COMPONENT)
    wait_townships(frame, codes, len(codes))
    frame.wait_for_function(_TILES_LOADED, timeout=TIMEOUT_MS, polling=100)
    open_s = perf_counter() - start
    open_paths = frame.evaluate(_REDLINE_PATHS)
    page.wait_for_timeout(SETTLE_MS)
    open_bytes = traffic.total()
    frame.evaluate(_ZOOM_TO, ZOOM_TOWNSHIP[0])
    page.wait_for_timeout(300)  # the zoom animation starts the tile requests
    frame.wait_for_function(_TILES_LOADED, timeout=TIMEOUT_MS, polling=100)
    page.wait_for_timeout(SETTLE_MS)
    zoom_bytes = traffic.total() - open_bytes
    metrics = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
    result = {"open_s": open_s, "open_bytes": open_bytes, "zoom_bytes": zoom_bytes,
              "zoom": frame.evaluate("HD.map.getZoom()"), "redline_paths_open": open_paths,
              "redline_paths_zoomed": frame.evaluate(_REDLINE_PATHS),
              "js_heap_bytes": metrics.get("JSHeapUsedSize")}
    context.close()
    return result


def measure_viewer(admin_dir: Path, runs: int, name: str) -> dict[str, Any]:
    """runs + 1 visits of the app with the store in admin_dir (the first warms up: tiles are
    built on first use), and the server's peak RSS."""
    began = perf_counter()
    codes = sorted(f["properties"]["code"] for f in layer_geojson("townships")["features"])
    env = {ADMIN_DIR_ENV: str(admin_dir)}
    with (StreamlitServer(PROJECT_ROOT / "app.py", LOGS_DIR / f"{name}.log", env) as server,
          sync_playwright() as pw):
        memory = PeakMemory(server.process.pid)
        memory.start()
        browser = launch_chromium(pw)
        visits = []
        for _ in range(runs + 1):
            visits.append(_visit(browser, server.url, codes))
            _progress(f"{name}: visit", began)
        browser.close()
        peak = memory.stop()
        _progress(f"{name}: browser closed", began)
    return {"first_visit": visits[0], "visits": visits[1:], "peak_rss_bytes": peak}


def measure(runs: int = DEFAULT_RUNS, parcels: int = PARCELS) -> dict[str, Any]:
    """The whole scenario, in temporary folders (nothing is left behind but server logs)."""
    began = perf_counter()
    with tempfile.TemporaryDirectory(prefix="hengdong-large-") as folder:
        root = Path(folder)
        geojson = write(root / "redline.geojson", parcels)
        size = geojson.stat().st_size
        _progress("generated", began)
        seconds = import_seconds(geojson, root / "large")
        geojson.unlink()
        _progress("imported", began)
        large = measure_viewer(root / "large", runs, "large_layer")
        _progress("large layer measured", began)
        small = measure_viewer(root / "small", runs, "small_data")
        _progress("small data measured", began)
    return {"parcels": parcels, "geojson_bytes": size, "import_s": seconds,
            "large": large, "small": small}


def large_rows(result: dict[str, Any]) -> list[Row]:
    """The scenario's figures: the large layer's beside the small data's (baseline column)."""
    large, small = result["large"]["visits"], result["small"]["visits"]
    open_l, open_s = median_of(large, "open_s"), median_of(small, "open_s")
    bytes_l, bytes_s = median_of(large, "open_bytes"), median_of(small, "open_bytes")
    heap = (median_of(large, "js_heap_bytes"), median_of(small, "js_heap_bytes"))
    n = result["parcels"]
    return [
        Row(f"large layer: import of {n} red-line parcels "
            f"({result['geojson_bytes'] / 1e6:.0f} MB GeoJSON, python -m geo.admin import)",
            "s", result["import_s"]),
        Row("large layer: page open -> townships and red-line tiles drawn (vs small data)", "s",
            open_l, open_s, f"<= {OPEN_RATIO_TARGET:g}x small data",
            open_l is not None and bool(open_s) and open_l / open_s <= OPEN_RATIO_TARGET),
        Row("large layer: bytes received at page open (vs small data)", "kB", bytes_l / 1000,
            bytes_s / 1000, f"<= small + {EXTRA_OPEN_BYTES_TARGET / 1e6:g} MB",
            bytes_l - bytes_s <= EXTRA_OPEN_BYTES_TARGET),
        Row(f"large layer: bytes received zooming into {ZOOM_TOWNSHIP[1]} (vs small data)",
            "kB", median_of(large, "zoom_bytes") / 1000, median_of(small, "zoom_bytes") / 1000),
        Row("large layer: browser JS heap after the zoom (vs small data)", "MB",
            heap[0] / 2**20, heap[1] / 2**20),
        Row("large layer: peak RSS of the Streamlit process tree (vs small data)", "MB",
            result["large"]["peak_rss_bytes"] / 2**20,
            result["small"]["peak_rss_bytes"] / 2**20),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.large_official",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--parcels", type=int, default=PARCELS)
    args = parser.parse_args()
    result = measure(args.runs, args.parcels)
    result["median_paths"] = {"open": median_of(result["large"]["visits"], "redline_paths_open"),
                              "zoomed": median([v["redline_paths_zoomed"]
                                                for v in result["large"]["visits"]])}
    print(json.dumps(result, indent=1, ensure_ascii=False))
    print(table(large_rows(result)))


if __name__ == "__main__":
    main()
