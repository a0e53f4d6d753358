"""Write GeoJSON deterministically: sorted features, 6-decimal coordinates, stable key order.

Polygon rings follow RFC 7946: exteriors counter-clockwise, holes clockwise.
"""

import json
from dataclasses import dataclass
from typing import Any

import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.precision import COORDINATE_DECIMALS


@dataclass(frozen=True)
class Feature:
    """A WGS84 geometry with its properties."""

    geometry: BaseGeometry
    properties: dict[str, Any]


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, COORDINATE_DECIMALS)
    if isinstance(value, list | tuple):
        return [_rounded(item) for item in value]
    if isinstance(value, dict):
        return {key: _rounded(item) for key, item in value.items()}
    return value


def stable_json(value: Any) -> str:
    """One-line JSON with sorted keys, UTF-8 characters kept, no spaces."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def pretty_json(value: Any) -> str:
    """Indented JSON with sorted keys and UTF-8 characters kept, ending in a newline."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def feature_collection_text(features: list[Feature], sort_key: str) -> str:
    """A FeatureCollection, one feature per line, ordered by the property sort_key."""
    ordered = sorted(features, key=lambda f: str(f.properties[sort_key]))
    lines = [
        stable_json(
            {
                "type": "Feature",
                "properties": _rounded(f.properties),
                "geometry": _rounded(mapping(shapely.orient_polygons(f.geometry))),
            }
        )
        for f in ordered
    ]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"
