"""Compact GeoJSON: the strings carry exactly the rounded coordinates, in far fewer bytes."""

import json
import re

import pytest

from geo.compact_geojson import (
    ALPHABET,
    SCALE,
    compact_collection,
    compact_geometry,
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

