"""Compact GeoJSON: the strings carry exactly the rounded coordinates, in far fewer bytes."""

import json
import re

import pytest
import shapely

from geo.compact_geojson import (
    ALPHABET,
    SCALE,
    compact_collection,
    compact_geometry,
    compact_with_shared_arcs,
    encode_line,
)
from geo.web_geometry import web_features


def _decode_line(text: str) -> list[list[float]]:
    """Reference decoder, written from the format description (the browser has its own)."""
    positions, totals, i = [], [0, 0], 0
    while i < len(text):
        for axis in (0, 1):
            value, shift = 0, 0
            while True:
                symbol = ALPHABET.index(text[i])
                i += 1
                value |= (symbol % 32) << shift
                shift += 5
                if symbol < 32:
                    break
            totals[axis] += -(value + 1) // 2 if value % 2 else value // 2
        positions.append([totals[0] / SCALE, totals[1] / SCALE])
    return positions


def _decode_nested(coordinates, depth: int):
    if depth == 0:
        return _decode_line(coordinates)
    return [_decode_nested(part, depth - 1) for part in coordinates]


DEPTH = {"LineString": 0, "MultiLineString": 1, "Polygon": 1, "MultiPolygon": 2}


def test_line_round_trip_with_negative_steps_and_large_values():
    line = [[112.95317, 27.08117], [112.95316, 27.09999], [-179.99999, -89.5], [0.0, 0.00001]]
    assert _decode_line(encode_line(line)) == line


def test_height_is_dropped():
    assert _decode_line(encode_line([[113.0, 27.0, 55.0]])) == [[113.0, 27.0]]


def test_points_and_missing_geometries_are_left_alone():
    point = {"type": "Point", "coordinates": [112.9, 27.1]}
    assert compact_geometry(point) == point
    assert compact_geometry(None) is None


@pytest.mark.parametrize("layer_id", ["county", "neighbours", "townships", "xiangjiang"])
def test_web_layers_decode_to_exactly_their_rounded_coordinates(layer_id):
    plain = web_features(layer_id)
    compact = compact_collection(plain)
    for before, after in zip(plain["features"], compact["features"], strict=True):
        assert after["properties"] == before["properties"]
        geometry = after["geometry"]
        decoded = _decode_nested(geometry["coordinates"], DEPTH[geometry["type"]])
        expected = json.loads(json.dumps(before["geometry"]["coordinates"]))
        assert decoded == expected


def test_strings_need_no_escaping_anywhere():
    text = json.dumps(compact_collection(web_features("neighbours")), ensure_ascii=False)
    strings = re.findall(r'"([A-Za-z0-9_-]{40,})"', text)
    assert strings  # the long rings are there ...
    assert "{{" not in text and "\\" not in text  # ... with nothing Jinja or JSON would touch


def test_compact_form_is_under_a_third_of_the_plain_json():
    plain = web_features("townships")
    plain_bytes = len(json.dumps(plain, separators=(",", ":")).encode())
    compact_bytes = len(json.dumps(compact_collection(plain), separators=(",", ":")).encode())
    assert compact_bytes < plain_bytes / 3


COVERAGE = ("neighbours", "county", "townships")


@pytest.fixture(scope="module")
def shared() -> tuple[list[dict], list[str], list[dict]]:
    plain = [web_features(layer_id) for layer_id in COVERAGE]
    arcs, compact = compact_with_shared_arcs(plain)
    return plain, arcs, compact


def _ring_from_arcs(refs: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    ring: list[list[float]] = []
    for ref in refs:
        arc = arcs[ref] if ref >= 0 else arcs[~ref][::-1]
        ring += arc if not ring else arc[1:]
    return ring


def _polygons(geometry: dict) -> list:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]


def test_shared_arcs_rebuild_every_polygon_exactly(shared):
    plain, arcs, compact = shared
    decoded_arcs = [_decode_line(arc) for arc in arcs]
    for before_layer, after_layer in zip(plain, compact, strict=True):
        for before, after in zip(before_layer["features"], after_layer["features"], strict=True):
            assert after["properties"] == before["properties"]
            rebuilt = [[_ring_from_arcs(refs, decoded_arcs) for refs in polygon]
                       for polygon in _polygons(after["geometry"])]  # fmt: skip
            original = _polygons(before["geometry"])
            assert len(rebuilt) == len(original)
            for rings, original_rings in zip(rebuilt, original, strict=True):
                built = shapely.Polygon(rings[0], rings[1:])
                expected = shapely.Polygon(original_rings[0], original_rings[1:])
                assert shapely.equals_exact(
                    shapely.normalize(built), shapely.normalize(expected), tolerance=0
                )


def test_each_border_is_sent_once(shared):
    _, arcs, compact = shared
    decoded = [tuple(map(tuple, _decode_line(arc))) for arc in arcs]
    assert len(set(decoded) | {arc[::-1] for arc in decoded}) == 2 * len(decoded)
    county = {ref if ref >= 0 else ~ref for ref in _all_refs(compact[1])}
    townships = {ref if ref >= 0 else ~ref for ref in _all_refs(compact[2])}
    assert county <= townships  # the county outline adds no geometry of its own


def _all_refs(collection: dict) -> list[int]:
    polygons = [p for feature in collection["features"] for p in _polygons(feature["geometry"])]
    return [ref for polygon in polygons for ring in polygon for ref in ring]


def test_shared_arcs_cut_the_bytes_of_the_coverage(shared):
    plain, arcs, compact = shared
    separate = sum(len(json.dumps(compact_collection(c), separators=(",", ":"))) for c in plain)
    together = len(json.dumps(arcs, separators=(",", ":"))) + sum(
        len(json.dumps(c, separators=(",", ":"))) for c in compact
    )
    assert together < 0.8 * separate


def test_other_geometries_are_encoded_as_lines_or_left_as_points():
    seats = web_features("seats")
    river = web_features("xiangjiang")
    _, (seats_out, river_out) = compact_with_shared_arcs([seats, river])
    assert seats_out == seats
    assert river_out == compact_collection(river)
