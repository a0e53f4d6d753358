"""Compact GeoJSON for the browser: each line or ring as one short string, not a list of floats.

Encoding: the encoded-polyline scheme (Google's algorithm: integer deltas of coordinates at
1e-5 degree, zig-zag signed, 5-bit chunks, low chunk first) written with the base64url
alphabet, so the strings need no escaping in JSON, HTML or the Jinja templates folium renders
(Google's own alphabet contains `\\` and `{`). Coordinates stay in GeoJSON order (lon, lat).
A chunk's symbol index is its 5 bits, plus 32 when more chunks follow.

The browser decodes with HD.decodeGeometry (static/map/hd-map.js). A vertex comes out at
exactly the 5-decimal value it had, so the compact form carries the same geometry as the
rounded GeoJSON, in about a fifth of the bytes.
"""

from typing import Any

import numpy as np
from numpy.typing import ArrayLike

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
SCALE = 10**5  # 1e-5 degree steps, the precision of the rounded geometry
_CHUNK_BITS = 5
_MORE = 1 << _CHUNK_BITS  # 32: offset of the symbols of chunks that are followed by more

# Nesting depth of the coordinate lists above a single line or ring, per geometry type.
_LINE_DEPTH = {"LineString": 0, "MultiLineString": 1, "Polygon": 1, "MultiPolygon": 2}


def _encode_integer(value: int) -> str:
    value = ~(value << 1) if value < 0 else value << 1
    symbols = []
    while value >= _MORE:
        symbols.append(ALPHABET[_MORE + (value & (_MORE - 1))])
        value >>= _CHUNK_BITS
    symbols.append(ALPHABET[value])
    return "".join(symbols)


def encode_line(coordinates: ArrayLike, scale: int = SCALE) -> str:
    """One line or ring of (lon, lat[, z]) positions as a string (z is dropped), in steps of
    1/scale degree (full-detail tiles, geo/web_tiles.py, use 1e-6: the stored precision)."""
    steps = np.round(np.asarray(coordinates, dtype=float)[:, :2] * scale).astype(np.int64)
    deltas = np.diff(steps, axis=0, prepend=np.zeros((1, 2), dtype=np.int64))
    return "".join(_encode_integer(int(value)) for value in deltas.ravel())


def _encode_nested(coordinates: Any, depth: int) -> Any:
    if depth == 0:
        return encode_line(coordinates)
    return [_encode_nested(part, depth - 1) for part in coordinates]


def compact_geometry(geometry: dict[str, Any] | None) -> dict[str, Any] | None:
    """A GeoJSON geometry with its lines and rings encoded; points are left as they are."""
    if geometry is None or geometry["type"] not in _LINE_DEPTH:
        return geometry
    depth = _LINE_DEPTH[geometry["type"]]
    return {"type": geometry["type"], "coordinates": _encode_nested(geometry["coordinates"], depth)}


def compact_collection(collection: dict[str, Any]) -> dict[str, Any]:
    """A FeatureCollection with every feature's geometry encoded (properties untouched)."""
    return {
        **collection,
        "features": [
            {**feature, "geometry": compact_geometry(feature["geometry"])}
            for feature in collection["features"]
        ],
    }
