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


def encode_line(coordinates: ArrayLike) -> str:
    """One line or ring of (lon, lat[, z]) positions as a string (z is dropped)."""
    steps = np.round(np.asarray(coordinates, dtype=float)[:, :2] * SCALE).astype(np.int64)
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


# --- Shared borders sent once --------------------------------------------------------------
# Polygons of a coverage (townships, the county, the neighbours) share most of their borders.
# Their rings are cut into arcs at every vertex where the set of rings along the border
# changes, and each arc is encoded once (the TopoJSON idea); a ring then lists its arcs by
# number, ~n (= -n-1) for arc n walked backwards. The browser joins the arcs back into rings
# (HD.setArcs / HD.decodeGeometry in static/map/hd-map.js).

Position = tuple[float, ...]
Ring = list[Position]


def _polygon_rings(geometry: dict[str, Any] | None) -> list[list[Ring]]:
    """The rings of a (Multi)Polygon as positions, grouped per polygon; [] for other types."""
    if geometry is None or geometry["type"] not in ("Polygon", "MultiPolygon"):
        return []
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    return [[[tuple(p[:2]) for p in ring] for ring in polygon] for polygon in polygons]


def _segment(p: Position, q: Position) -> tuple[Position, Position]:
    return (p, q) if p <= q else (q, p)


def _nodes(rings: list[Ring]) -> set[Position]:
    """Vertices where the rings running along a border change: arcs end there."""
    along: dict[tuple[Position, Position], set[int]] = {}
    for number, ring in enumerate(rings):
        for p, q in zip(ring, ring[1:], strict=False):
            along.setdefault(_segment(p, q), set()).add(number)
    nodes = set()
    for ring in rings:
        for before, p, after in zip(ring[-2:-1] + ring[:-2], ring[:-1], ring[1:], strict=True):
            if along[_segment(before, p)] != along[_segment(p, after)]:
                nodes.add(p)
    return nodes


def _ring_arcs(ring: Ring, nodes: set[Position]) -> list[Ring]:
    """A closed ring cut at its nodes; a ring without nodes is one arc from its lowest vertex."""
    open_ring = ring[:-1]
    cuts = [i for i, p in enumerate(open_ring) if p in nodes]
    if not cuts:
        start = open_ring.index(min(open_ring))
        rotated = open_ring[start:] + open_ring[:start]
        return [rotated + rotated[:1]]
    rotated = open_ring[cuts[0] :] + open_ring[: cuts[0]]
    ends = [i - cuts[0] for i in cuts] + [len(open_ring)]
    rotated.append(rotated[0])
    return [rotated[a : b + 1] for a, b in zip(ends, ends[1:], strict=False)]


class _ArcTable:
    """Arcs stored once each; ref() gives an arc's number, ~number if stored the other way."""

    def __init__(self) -> None:
        self.arcs: list[Ring] = []
        self._numbers: dict[tuple[Position, ...], int] = {}

    def ref(self, arc: Ring) -> int:
        key = tuple(arc)
        if key in self._numbers:
            return self._numbers[key]
        backwards = key[::-1]
        if backwards in self._numbers:
            return ~self._numbers[backwards]
        self._numbers[key] = len(self.arcs)
        self.arcs.append(arc)
        return self._numbers[key]


def compact_with_shared_arcs(
    collections: list[dict[str, Any]],
) -> tuple[list[str], list[dict[str, Any]]]:
    """(encoded arcs, the collections with each polygon ring as a list of arc numbers).

    Other geometries are compact-encoded as by compact_collection. Rings must close and
    neighbours must share vertices exactly (geo/web_geometry gives such a coverage).
    """
    polygons = [
        [_polygon_rings(feature["geometry"]) for feature in collection["features"]]
        for collection in collections
    ]
    every_ring = [ring for layer in polygons for rings in layer for polygon in rings
                  for ring in polygon]  # fmt: skip
    nodes = _nodes(every_ring)
    table = _ArcTable()
    result = []
    for collection, layer in zip(collections, polygons, strict=True):
        features = []
        for feature, rings in zip(collection["features"], layer, strict=True):
            if not rings:
                features.append({**feature, "geometry": compact_geometry(feature["geometry"])})
                continue
            refs = [[[table.ref(arc) for arc in _ring_arcs(ring, nodes)] for ring in polygon]
                    for polygon in rings]  # fmt: skip
            geometry_type = feature["geometry"]["type"]
            coordinates = refs[0] if geometry_type == "Polygon" else refs
            features.append({**feature, "geometry": {"type": geometry_type,
                                                     "coordinates": coordinates}})  # fmt: skip
        result.append({**collection, "features": features})
    return [encode_line(arc) for arc in table.arcs], result
