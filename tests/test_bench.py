"""Smoke test of the benchmark's payload part (no browser, no timings): both maps build, the
byte counts are real, and ours meets the payload target of at most a quarter of the baseline;
plus the benchmark's own arithmetic on websocket frames and /proc."""

import json
import os
from collections import Counter

import pytest

from bench.baseline import BASELINE_LAYERS, build_baseline_map, layer_geojson
from bench.browser import SocketFrame, app_bytes, rerun_server_seconds, script_exec_seconds
from bench.payload import map_payload, payload_comparison, rendered_html
from bench.report import PAYLOAD_TARGET, Row, payload_rows, table
from bench.server import tree_rss_bytes
from geo.compact_geojson import compact_geometry
from layers.elements import GeoJsonOverlay
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


def test_gzip_is_smaller_than_raw():
    figures = map_payload(build_baseline_map, rendered_html)
    assert figures["sent_gzip_bytes"] < figures["sent_bytes"]


def test_our_map_is_at_most_a_quarter_of_the_baseline(comparison):
    assert comparison["sent_bytes"]["ratio"] <= PAYLOAD_TARGET
    assert comparison["html_bytes"]["ratio"] <= PAYLOAD_TARGET


def test_table_shows_the_payload_ratio(comparison):
    rows = payload_rows(comparison)
    assert rows[0].met is True
    text = table([Row("data build", "s", 1.5), *rows])
    assert f"<= {PAYLOAD_TARGET} of baseline" in text and "yes" in text


def _overlays(element) -> list[GeoJsonOverlay]:
    found = [element] if isinstance(element, GeoJsonOverlay) else []
    for child in element._children.values():
        found += _overlays(child)
    return found


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


def test_memory_of_a_process_tree_is_read_from_proc():
    assert tree_rss_bytes(os.getpid()) > 10_000_000  # this Python with geopandas loaded
