"""Smoke test of the benchmark's payload part (no browser, no timings): both maps build, the
byte counts are real, and ours meets the payload target of at most a quarter of the baseline;
plus the benchmark's own arithmetic on websocket frames and /proc."""

import gzip
import json
import os
import subprocess
import sys
import urllib.request
from collections import Counter

import folium
import pytest

from bench.baseline import BASELINE_LAYERS, build_baseline_map, layer_geojson
from bench.browser import (
    SocketFrame,
    app_bytes,
    component_bytes,
    rerun_server_seconds,
    script_exec_seconds,
)
from bench.floor import serve_floor
from bench.load import _percentiles, load_rows
from bench.payload import map_payload, payload_comparison, rendered_html
from bench.report import PAYLOAD_TARGET, Row, payload_rows, summary, table
from bench.server import tree_rss_bytes
from geo.compact_geojson import compact_geometry
from layers.assets import LOCAL_ASSETS, remote_asset_urls, walk
from layers.elements import GeoJsonOverlay, Labels, TownshipShapes
from layers.map import build_map


def _our_map():
    return build_map(basemap="osm", lang="zh")


@pytest.fixture(scope="module")
def comparison() -> dict[str, dict[str, float]]:
    return payload_comparison(_our_map, build_baseline_map)


def test_every_count_is_positive(comparison):
    for key, figures in comparison.items():
        assert figures["ours"] > 0, key
        assert figures["baseline"] > 0, key
        assert figures["ratio"] == figures["ours"] / figures["baseline"]


def test_baseline_carries_every_layer_at_full_precision():
    sent = rendered_html(build_baseline_map())
    for layer_id in BASELINE_LAYERS:
        first = layer_geojson(layer_id)["features"][0]["geometry"]["coordinates"]
        while isinstance(first[0], list):
            first = first[0]
        assert json.dumps(first) in sent, layer_id  # the raw 6-decimal numbers, unchanged


def _elements(element, kind) -> list:
    return [e for e in walk(element) if isinstance(e, kind)]


def test_baseline_draws_every_plan_feature_and_label_of_our_map_with_its_tooltip():
    ours, naive = _our_map(), build_baseline_map()
    data_tips = {"hd-township", "hd-seat", "hd-river", "hd-neighbour"}
    our_tips = Counter(
        feature["properties"]["tip"]
        for overlay in _elements(ours, GeoJsonOverlay)
        if not data_tips & {style.get("className") for style in overlay.options["styles"].values()}
        for feature in overlay.collection["features"]
    ) + Counter(row[2] for shapes in _elements(ours, TownshipShapes) for row in shapes.rows)
    naive_tips = Counter(
        feature["properties"]["tip"]
        for layer in _elements(naive, folium.GeoJson)
        for feature in layer.data["features"] if "tip" in feature["properties"]
    )
    assert sum(our_tips.values()) > 50  # every theme's features, the infrastructure symbols too
    assert naive_tips == our_tips
    labels = sum(len(labels.rows) for labels in _elements(ours, Labels))
    assert len(_elements(naive, folium.Marker)) == labels > 17


def test_payload_counts_the_bytes_sent_raw_and_compressed():
    figures = map_payload(build_baseline_map, lambda _map: "ab" * 5_000)
    assert figures["sent_bytes"] == 10_000
    assert figures["sent_gzip_bytes"] < 200  # the compressed size, not the raw one
    assert figures["html_bytes"] == len(rendered_html(build_baseline_map()).encode())


def test_our_map_is_at_most_a_quarter_of_the_baseline(comparison):
    assert comparison["sent_bytes"]["ratio"] <= PAYLOAD_TARGET
    assert comparison["html_bytes"]["ratio"] <= PAYLOAD_TARGET


def test_table_shows_the_payload_ratio(comparison):
    rows = payload_rows(comparison)
    assert rows[0].met is True
    text = table([Row("data build", "s", 1.5), *rows])
    assert f"<= {PAYLOAD_TARGET} of baseline" in text and "yes" in text


def _overlays(element) -> list[GeoJsonOverlay]:
    return _elements(element, GeoJsonOverlay)


def _encoded_lines(coordinates) -> list[str]:
    if isinstance(coordinates, str):
        return [coordinates]
    if isinstance(coordinates, list | tuple):
        return [line for part in coordinates for line in _encoded_lines(part)]
    return []


def test_no_line_or_ring_is_sent_twice():
    """Copies of a geometry (a township in several themes) must reuse what the browser has."""
    lines = Counter(
        line
        for overlay in _overlays(_our_map())
        for feature in overlay.collection["features"]
        if feature["geometry"] is not None
        for line in _encoded_lines(compact_geometry(feature["geometry"])["coordinates"])
    )
    assert len(lines) >= 17  # the township rings at least
    assert [count for count in lines.values() if count > 1] == []


def test_websocket_figures_from_frames():
    frames = [
        SocketFrame(10.0, True, "rerun_script", 600),
        SocketFrame(10.1, False, "delta", 70_000),
        SocketFrame(10.3, False, "page_profile", 5_000, exec_s=0.15),
        SocketFrame(10.4, False, "script_finished", 40),
    ]
    assert rerun_server_seconds(frames) == pytest.approx(0.4)
    assert script_exec_seconds(frames) == 0.15
    assert app_bytes(frames) == 70_040  # neither what the browser sent nor the page profile
    assert rerun_server_seconds(frames[1:]) is None  # no rerun request: nothing to time


def test_memory_of_a_process_tree_counts_what_a_child_holds():
    block = 80_000_000
    child = subprocess.Popen([sys.executable, "-c",
                              f"import sys, time; b = b'x' * {block}; print(1, flush=True); "
                              "time.sleep(30)"], stdout=subprocess.PIPE)
    try:
        before = tree_rss_bytes(os.getpid()) - tree_rss_bytes(child.pid)
        assert child.stdout is not None and child.stdout.readline()  # the child holds the block
        with_child = tree_rss_bytes(os.getpid())
        assert tree_rss_bytes(child.pid) >= block
        assert with_child - before >= block  # the parent's tree includes the child's memory
    finally:
        child.kill()
        child.wait()


def test_map_component_bytes_are_counted_apart():
    frames = [SocketFrame(1.0, False, "delta", 300, element="component_instance"),
              SocketFrame(1.1, False, "delta", 9_000, element="markdown"),
              SocketFrame(1.2, True, "back", 50)]
    assert component_bytes(frames) == 300
    assert app_bytes(frames) == 9_300


def test_the_floor_page_is_served_compressed_with_the_map_and_its_assets():
    with serve_floor(_our_map()) as url:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            page = gzip.decompress(response.read()).decode()
        with urllib.request.urlopen(url.rstrip("/") + LOCAL_ASSETS["leaflet"], timeout=10) as js:
            assert js.status == 200 and b"Leaflet" in js.read()[:2000]
    assert "hd-township" in page and "window.map = map_hd0000" in page
    assert remote_asset_urls(page) == []


def test_summary_gives_ratios_to_the_naive_app_and_the_floor():
    def visit(open_s, http, click_s=None, click_bytes=None, map_bytes=None):
        return {"open_s": open_s, "open_http_bytes": http, "open_ws_bytes": 0,
                "click_browser_s": click_s, "click_ws_bytes": click_bytes,
                "click_map_ws_bytes": map_bytes}
    ours = {"visits": [visit(2.0, 1000, 0.5, 1500, 300)], "peak_rss_bytes": 110}
    naive = {"visits": [visit(4.0, 2000, 1.0, 800, 76)], "peak_rss_bytes": 100}
    floor = {"visits": [visit(1.0, 500)]}
    payload = {"sent_bytes": {"ours": 1, "baseline": 4, "ratio": 0.25}}
    figures = summary(payload, ours, naive, floor)
    assert figures == {"open_s_ratio": 0.5, "open_bytes_ratio": 0.5, "open_s_floor_ratio": 2.0,
                       "open_bytes_floor_ratio": 2.0, "click_ws_bytes": 1500,
                       "click_map_ws_bytes": 300, "click_browser_s_ratio": 0.5,
                       "peak_rss_ratio": 1.1, "map_bytes_ratio": 0.25}


def test_load_percentiles_and_rows() -> None:
    figures = _percentiles(sorted(0.01 * i for i in range(1, 101)))
    assert figures == {"p50": 0.505, "p90": 0.91, "p99": 1.0, "max": 1.0}
    assert _percentiles([])["p50"] is None
    rows = load_rows({"sessions": 20, "clicks_per_session": 5, "errors": 1,
                      "click_latency_s": figures, "rss_per_session_bytes": 2 * 2**20})
    assert [r.met for r in rows if r.target] == [False, False]
