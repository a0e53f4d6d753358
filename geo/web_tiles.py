"""Large polygon layers for the browser as pre-built tiles: generalised per zoom, full detail
only where the user zooms in.

A layer with more than LARGE_LAYER_VERTICES stored vertices (an official red line of thousands
of parcels) is not put into the map resource. Its served version is cut once into a pyramid of
XYZ (Web Mercator) tiles, written as static files named for the version,
static/maps/tiles/<layer>-<wgs84|gcj02>-<sha256 16 hex>/<z>/<x>/<y>.json (served like the map
resource, layers/resource.py; not committed), and the map draws them with hd-tiles.js:

- levels MIN_ZOOM .. FULL_ZOOM - 1: each polygon simplified with a tolerance of one pixel of
  that zoom (topology of each polygon kept), coordinates at 1e-5 degree; a polygon smaller
  than a pixel there is left out (invisible at that zoom);
- level FULL_ZOOM (and every closer zoom, drawn from it): every polygon as stored, at 1e-6
  degree (the store's precision), vertex for vertex.

A tile lists every polygon that touches it, whole (not clipped), by its index in the layer, so
the browser draws each polygon once and it keeps its identity (`<layer>:<index>`, the id
identify() knows). Township clicks, identify and the site check use the full geometry on the
server (geo.datastore), never the tiles.

Tile format: {"scale": steps per degree, "features": [[index, ring, ring, ...] for a Polygon,
[index, [ring, ...], [ring, ...]] for a MultiPolygon]}, rings compact-encoded
(geo/compact_geojson.py).
"""

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from threading import Lock

import geopandas as gpd
import numpy as np
import shapely

from geo.compact_geojson import SCALE, encode_line
from geo.coords import geometry_wgs84_to_gcj02
from geo.datastore import layer_info, load_layer
from geo.paths import PROJECT_ROOT

LARGE_LAYER_VERTICES = 100_000  # above this a layer is tiled (the red line of issue 16: 1.8 M)
MIN_ZOOM = 8  # the whole county is about 150 px wide
FULL_ZOOM = 14  # one pixel is about 8.5 m: full detail from here on
FULL_SCALE = 10**6  # 1e-6 degree, the precision imported geometry is stored at
TILE_PIXELS = 256
MERCATOR_EXTENT_M = 20037508.342789244  # half the Web Mercator world width
TILES_DIR = PROJECT_ROOT / "static" / "maps" / "tiles"
TILES_URL = "/app/static/maps/tiles"
TILER_VERSION = "t1"  # part of every tile set's name: a new format gives new URLs
KEEP_SETS = 8  # older tile sets are removed
COMPLETE_MARK = "complete.json"  # written last: a tile set without it is not used

_build_lock = Lock()


@dataclass(frozen=True)
class TileSet:
    """What the map needs to draw a tiled layer: URL template, zooms, extent (lat/lon)."""

    layer_id: str
    url: str  # .../{z}/{x}/{y}.json
    min_zoom: int
    full_zoom: int
    bounds: tuple[tuple[float, float], tuple[float, float]]  # ((south, west), (north, east))
    feature_count: int
    folder: Path


def is_large(frame: gpd.GeoDataFrame) -> bool:
    """Whether a layer is sent as tiles rather than inside the map resource."""
    return int(shapely.get_num_coordinates(frame.geometry.values).sum()) > LARGE_LAYER_VERTICES


def pixel_m(zoom: int) -> float:
    """Size of one pixel at `zoom`, in Web Mercator metres."""
    return 2 * MERCATOR_EXTENT_M / (TILE_PIXELS * 2**zoom)


def tile_box(zoom: int, x: int, y: int) -> shapely.Geometry:
    """The tile's square in Web Mercator metres (XYZ scheme: y grows southwards)."""
    size = 2 * MERCATOR_EXTENT_M / 2**zoom
    west, north = -MERCATOR_EXTENT_M + x * size, MERCATOR_EXTENT_M - y * size
    return shapely.box(west, north - size, west + size, north)


def tile_range(bounds: tuple[float, float, float, float], zoom: int) -> Iterator[tuple[int, int]]:
    """(x, y) of every tile of `zoom` over the Web Mercator bounds."""
    size = 2 * MERCATOR_EXTENT_M / 2**zoom
    west, south, east, north = bounds
    x0, x1 = int((west + MERCATOR_EXTENT_M) // size), int((east + MERCATOR_EXTENT_M) // size)
    y0, y1 = int((MERCATOR_EXTENT_M - north) // size), int((MERCATOR_EXTENT_M - south) // size)
    for x in range(x0, x1 + 1):
        for y in range(y0, y1 + 1):
            yield x, y


def _encoded(geometry: shapely.Geometry, scale: int) -> list:
    """[ring, ...] of a Polygon, [[ring, ...], ...] of a MultiPolygon, rings encoded."""
    def rings(polygon: shapely.Polygon) -> list[str]:
        return [encode_line(np.asarray(polygon.exterior.coords), scale),
                *(encode_line(np.asarray(r.coords), scale) for r in polygon.interiors)]

    if geometry.geom_type == "Polygon":
        return rings(geometry)
    return [rings(part) for part in geometry.geoms]


def _level(degrees: np.ndarray, metric: np.ndarray, zoom: int) -> tuple[np.ndarray, list]:
    """(indices shown, their encoded geometries) at one zoom level."""
    if zoom >= FULL_ZOOM:
        return np.arange(len(degrees)), [_encoded(g, FULL_SCALE) for g in degrees]
    tolerance = pixel_m(zoom)
    low_x, low_y, high_x, high_y = shapely.bounds(metric).T
    shown = np.flatnonzero(np.maximum(high_x - low_x, high_y - low_y) >= tolerance)
    simplified = shapely.simplify(metric[shown], tolerance, preserve_topology=True)
    back = gpd.GeoSeries(simplified, crs=3857).to_crs(4326).values
    back = shapely.remove_repeated_points(
        shapely.transform(back, lambda xy: np.round(xy, 5)))
    return shown, [_encoded(g, SCALE) for g in back]


def _write_level(folder: Path, metric: np.ndarray, shown: np.ndarray, encoded: list,
                 zoom: int, bounds: tuple[float, float, float, float]) -> int:
    """Every tile of one level (empty ones too, so the browser never meets a 404); count."""
    tree = shapely.STRtree(metric[shown])
    scale = FULL_SCALE if zoom >= FULL_ZOOM else SCALE
    written = 0
    for x, y in tile_range(bounds, zoom):
        hits = np.sort(tree.query(tile_box(zoom, x, y), predicate="intersects"))
        features = [[int(shown[h]), *encoded[h]] for h in hits]
        path = folder / str(zoom) / str(x) / f"{y}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"scale": scale, "features": features},
                                   separators=(",", ":")), encoding="utf-8")
        written += 1
    return written


def build_tiles(frame: gpd.GeoDataFrame, folder: Path, gcj02: bool = False) -> dict:
    """Write the pyramid of `frame` (EPSG:4326 polygons) into `folder`; what was written
    (tiles, features, bounds as [[south, west], [north, east]] in display coordinates)."""
    degrees = frame.geometry.values
    if gcj02:  # drawn over 高德's GCJ-02 tiles
        degrees = np.array([geometry_wgs84_to_gcj02(g) for g in degrees], dtype=object)
    metric = gpd.GeoSeries(degrees, crs=4326).to_crs(3857).values
    bounds = tuple(shapely.total_bounds(metric))
    count = 0
    for zoom in range(MIN_ZOOM, FULL_ZOOM + 1):
        shown, encoded = _level(degrees, metric, zoom)
        count += _write_level(folder, metric, shown, encoded, zoom, bounds)
    west, south, east, north = (round(float(v), 6) for v in shapely.total_bounds(degrees))
    return {"tiles": count, "features": len(frame), "bounds": [[south, west], [north, east]]}


def _name(layer_id: str, gcj02: bool) -> str:
    sha = layer_info(layer_id)["sha256"]
    return f"{layer_id}-{'gcj02' if gcj02 else 'wgs84'}-{TILER_VERSION}{sha[:16]}"


def _prune(keep: int) -> None:
    sets = sorted((p for p in TILES_DIR.iterdir() if (p / COMPLETE_MARK).exists()),
                  key=lambda p: (p / COMPLETE_MARK).stat().st_mtime, reverse=True)
    for old in sets[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def tile_set(layer_id: str, gcj02: bool = False) -> TileSet:
    """The served version of `layer_id` as tiles, built on first use (atomically: into a
    temporary folder, then renamed; a set being built elsewhere is simply built again)."""
    folder = TILES_DIR / _name(layer_id, gcj02)
    with _build_lock:
        if not (folder / COMPLETE_MARK).exists():
            frame = load_layer(layer_id)
            TILES_DIR.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".building-", dir=TILES_DIR))
            try:
                built = build_tiles(frame, staging, gcj02)
                (staging / COMPLETE_MARK).write_text(json.dumps(built), encoding="utf-8")
                if not folder.exists():
                    os.replace(staging, folder)
            finally:
                shutil.rmtree(staging, ignore_errors=True)
            _prune(KEEP_SETS)
    done = json.loads((folder / COMPLETE_MARK).read_text(encoding="utf-8"))
    (south, west), (north, east) = done["bounds"]
    return TileSet(layer_id, f"{TILES_URL}/{folder.name}/{{z}}/{{x}}/{{y}}.json", MIN_ZOOM,
                   FULL_ZOOM, ((south, west), (north, east)), done["features"], folder)
