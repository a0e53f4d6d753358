"""The geometry the browser gets: simplified with topology preserved, rounded, cached.

Polygon layers are simplified as coverages (shapely.coverage_simplify), so polygons that share
a border keep sharing it vertex for vertex. The townships and the neighbouring counties form
one coverage; when the townships tile the county, the county outline is their union, so the
county edge, the township edges and the neighbours' edges coincide exactly. Lines are
simplified on their own; points are only rounded. Work is done in metres (UTM 49N) and the
result rounded to 5 decimals of a degree (about 1 m).
"""

import json
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from numpy.typing import NDArray

from geo.data_version import layers_version, per_version
from geo.datastore import load_layer
from geo.precision import WEB_DECIMALS

METRIC_CRS = "EPSG:32649"  # UTM zone 49N (108-114 E): metres over the whole county
SIMPLIFY_TOLERANCE_M = 20.0  # coverage_simplify tolerance; Hausdorff shift stays well under 30 m
SNAP_DISTANCE_M = 1.0  # vertices closer than this are one vertex when the coverage is cleaned
TILING_TOLERANCE = 1e-4  # townships tile the county if the areas differ by under 0.01 %

SHARED_BORDER_LAYERS = ("townships", "neighbours")  # simplified together as one coverage
COUNTY_LAYER = "county"  # drawn as the union of the townships when they tile it


def _to_metric(geometries: NDArray) -> NDArray:
    return gpd.GeoSeries(geometries, crs="EPSG:4326").to_crs(METRIC_CRS).values


def _to_degrees_rounded(geometries: NDArray) -> NDArray:
    degrees = gpd.GeoSeries(geometries, crs=METRIC_CRS).to_crs("EPSG:4326").values
    rounded = shapely.transform(degrees, lambda xy: np.round(xy, WEB_DECIMALS))
    return shapely.remove_repeated_points(rounded)


def simplify_coverage(geometries: NDArray) -> NDArray:
    """Polygons (EPSG:4326) cleaned into an exact coverage, simplified, back in degrees."""
    metric = _to_metric(geometries)
    cleaned = shapely.coverage_clean(
        metric, snapping_distance=SNAP_DISTANCE_M, gap_width=SNAP_DISTANCE_M
    )
    return _to_degrees_rounded(shapely.coverage_simplify(cleaned, SIMPLIFY_TOLERANCE_M))


def simplify_polygons(geometries: NDArray) -> NDArray:
    """Polygons of a layer not known to tile anything (an imported red line, say): simplified
    as a coverage when they already form one, else each on its own (topology kept within each
    polygon); overlaps in the data are kept, never merged away."""
    metric = _to_metric(geometries)
    if shapely.coverage_is_valid(metric):
        simplified = shapely.coverage_simplify(metric, SIMPLIFY_TOLERANCE_M)
    else:
        simplified = shapely.simplify(metric, SIMPLIFY_TOLERANCE_M, preserve_topology=True)
    return _to_degrees_rounded(simplified)


def _simplify_lines(geometries: NDArray) -> NDArray:
    metric = _to_metric(geometries)
    return _to_degrees_rounded(shapely.simplify(metric, SIMPLIFY_TOLERANCE_M))


def _round_points(geometries: NDArray) -> NDArray:
    return shapely.transform(geometries, lambda xy: np.round(xy, WEB_DECIMALS))


def townships_tile_county(townships: NDArray, county: NDArray) -> bool:
    """Whether the townships cover exactly the county (area difference under 0.01 %)."""
    union = shapely.union_all(townships)
    outline = shapely.union_all(county)
    return shapely.symmetric_difference(union, outline).area <= TILING_TOLERANCE * outline.area


def _simplify_together(
    frames: dict[str, gpd.GeoDataFrame], layer_ids: tuple[str, ...]
) -> dict[str, NDArray]:
    """Simplify several layers as one coverage and hand each layer its own part back."""
    together = np.concatenate([frames[layer_id].geometry.values for layer_id in layer_ids])
    simplified = simplify_coverage(together)
    bounds = np.cumsum([0] + [len(frames[layer_id]) for layer_id in layer_ids])
    return {layer_id: simplified[bounds[i] : bounds[i + 1]] for i, layer_id in enumerate(layer_ids)}


@per_version(lambda: layers_version((*SHARED_BORDER_LAYERS, COUNTY_LAYER)), maxsize=4)
def _shared_border_geometries() -> dict[str, NDArray]:
    """Simplified geometry of the shared-border layers and the county, for these versions."""
    frames = {layer_id: load_layer(layer_id) for layer_id in (*SHARED_BORDER_LAYERS, COUNTY_LAYER)}
    county = frames[COUNTY_LAYER].geometry.values
    if townships_tile_county(frames["townships"].geometry.values, county):
        result = _simplify_together(frames, SHARED_BORDER_LAYERS)
        result[COUNTY_LAYER] = np.array([shapely.coverage_union_all(result["townships"])])
        return result
    # An imported township layer that does not fill the county: the county keeps its own
    # outline, sharing borders with the neighbours; the townships form their own coverage.
    result = _simplify_together(frames, (COUNTY_LAYER, "neighbours"))
    result.update(_simplify_together(frames, ("townships",)))
    return result


def _depends_on(layer_id: str) -> tuple[str, ...]:
    """The layers whose served versions shape this layer's web geometry."""
    coverage = (*SHARED_BORDER_LAYERS, COUNTY_LAYER)
    return coverage if layer_id in coverage else (layer_id,)


def _web_geometries(layer_id: str, frame: gpd.GeoDataFrame) -> NDArray:
    if layer_id in (*SHARED_BORDER_LAYERS, COUNTY_LAYER):
        return _shared_border_geometries()[layer_id]
    geometries = frame.geometry.values
    kinds = set(shapely.get_type_id(geometries))
    if kinds <= {3, 6}:  # Polygon, MultiPolygon
        return simplify_polygons(geometries)
    if kinds <= {1, 5}:  # LineString, MultiLineString
        return _simplify_lines(geometries)
    return _round_points(geometries)


@per_version(lambda layer_id: layers_version(_depends_on(layer_id)), maxsize=32)
def _web_features_json(layer_id: str) -> str:
    frame = load_layer(layer_id)
    web = frame.set_geometry(list(_web_geometries(layer_id, frame)), crs=frame.crs)
    return web.to_json(drop_id=True, ensure_ascii=False)


def web_features(layer_id: str) -> dict[str, Any]:
    """The layer as the browser should get it: a GeoJSON FeatureCollection (EPSG:4326),
    simplified and rounded; computed once per served version of the layer."""
    return json.loads(_web_features_json(layer_id))


def web_frame(layer_id: str) -> gpd.GeoDataFrame:
    """web_features as a GeoDataFrame (properties as columns, EPSG:4326)."""
    return gpd.GeoDataFrame.from_features(web_features(layer_id)["features"], crs="EPSG:4326")
