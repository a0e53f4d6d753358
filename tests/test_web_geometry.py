"""The browser's geometry: simplified without tearing shared borders, close to the original."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from geo import datastore, web_geometry
from geo.datastore import load_layer
from geo.precision import WEB_DECIMALS
from geo.web_geometry import METRIC_CRS, web_features, web_frame

HAUSDORFF_LIMIT_M = 30.0  # under two pixels at township zoom (about 19 m per pixel at z13)


def _metric(geometries) -> np.ndarray:
    return gpd.GeoSeries(list(geometries), crs="EPSG:4326").to_crs(METRIC_CRS).values


def _adjacent_pairs(geometries: np.ndarray) -> set[tuple[int, int]]:
    """Index pairs of polygons that share a stretch of border (not just a point)."""
    pairs = set()
    for i in range(len(geometries)):
        for j in range(i + 1, len(geometries)):
            shared = shapely.intersection(geometries[i].boundary, geometries[j].boundary)
            if shared.length > 0:
                pairs.add((i, j))
    return pairs


@pytest.fixture(scope="module")
def original() -> dict[str, gpd.GeoDataFrame]:
    return {layer_id: load_layer(layer_id) for layer_id in ("county", "neighbours", "townships")}


@pytest.fixture(scope="module")
def web() -> dict[str, gpd.GeoDataFrame]:
    layer_ids = ("county", "neighbours", "townships", "seats", "xiangjiang")
    return {layer_id: web_frame(layer_id) for layer_id in layer_ids}


def test_townships_and_neighbours_remain_an_exact_coverage(web):
    together = np.concatenate([web["townships"].geometry.values, web["neighbours"].geometry.values])
    assert shapely.is_valid(together).all()
    # Valid coverage: no overlaps, and every shared edge has identical vertices on both sides.
    assert shapely.coverage_is_valid(together)


def test_neighbouring_townships_still_share_their_borders(original, web):
    before = _adjacent_pairs(original["townships"].geometry.values)
    after = _adjacent_pairs(web["townships"].geometry.values)
    assert len(before) >= 17
    assert after == before


def test_townships_fill_the_county_without_gaps_or_overlaps(web):
    townships = web["townships"].geometry.values
    county = web["county"].geometry.values[0]
    union = shapely.union_all(townships)
    assert shapely.symmetric_difference(union, county).area == 0
    assert sum(shapely.area(townships)) == pytest.approx(county.area, rel=1e-9)


def test_county_outline_is_the_townships_outer_edge(web):
    county_edge = web["county"].geometry.values[0].boundary
    townships_edge = shapely.coverage_union_all(web["townships"].geometry.values).boundary
    assert shapely.equals(county_edge, townships_edge)


def test_every_township_still_contains_its_seat(web):
    townships = web["townships"].set_index("code").geometry
    seats = web["seats"].set_index("code").geometry
    assert len(seats) == 17
    for code, seat in seats.items():
        assert townships[code].contains(seat), code


@pytest.mark.parametrize("layer_id", ["county", "neighbours", "townships"])
def test_simplified_polygons_stay_within_tolerance(original, web, layer_id):
    before = _metric(original[layer_id].geometry)
    after = _metric(web[layer_id].geometry)
    distances = shapely.hausdorff_distance(before, after)
    assert distances.max() <= HAUSDORFF_LIMIT_M


def test_xiangjiang_stays_within_tolerance(web):
    before = _metric(load_layer("xiangjiang").geometry)
    after = _metric(web["xiangjiang"].geometry)
    assert shapely.hausdorff_distance(before, after).max() <= HAUSDORFF_LIMIT_M


@pytest.mark.parametrize("layer_id", ["county", "neighbours", "townships", "xiangjiang"])
def test_vertices_are_fewer(web, layer_id):
    before = shapely.get_num_coordinates(load_layer(layer_id).geometry.values).sum()
    after = shapely.get_num_coordinates(web[layer_id].geometry.values).sum()
    assert after < before


def test_coordinates_are_rounded_to_five_decimals(web):
    coordinates = shapely.get_coordinates(web["townships"].geometry.values)
    assert np.array_equal(coordinates, np.round(coordinates, WEB_DECIMALS))


def test_properties_are_kept(web):
    original_townships = load_layer("townships").drop(columns="geometry")
    web_townships = web["townships"].drop(columns="geometry")
    assert list(web_townships["code"]) == list(original_townships["code"])
    assert list(web_townships["name"]) == list(original_townships["name"])


def test_computed_once_per_version():
    web_features("townships")
    before = web_geometry._web_features_json.cache_info()
    first = web_features("townships")
    second = web_features("townships")
    after = web_geometry._web_features_json.cache_info()
    assert after.misses == before.misses
    assert after.hits == before.hits + 2
    assert first == second
    first["features"].clear()  # callers get their own copy
    assert web_features("townships")["features"]


def test_a_new_version_of_a_neighbouring_layer_recomputes_the_townships(monkeypatch):
    web_features("townships")
    real_version = datastore.version_of

    def version_with_new_neighbours(layer_id: str) -> str:
        version = real_version(layer_id)
        if layer_id == "neighbours":  # as if an admin had imported official neighbours
            return "99:" + version.split(":", 1)[1]
        return version

    before = web_geometry._web_features_json.cache_info().misses
    monkeypatch.setattr(datastore, "version_of", version_with_new_neighbours)
    web_features("townships")
    assert web_geometry._web_features_json.cache_info().misses == before + 1


def test_townships_not_filling_the_county_leave_the_county_its_own_outline(original):
    townships = original["townships"].geometry.values
    county = original["county"].geometry.values
    assert web_geometry.townships_tile_county(townships, county)
    assert not web_geometry.townships_tile_county(townships[1:], county)
    frames = {**original, "townships": original["townships"].iloc[1:]}
    result = web_geometry._simplify_together(frames, ("county", "neighbours"))
    together = np.concatenate([result["county"], result["neighbours"]])
    assert shapely.coverage_is_valid(together)


def test_other_polygon_layers_keep_their_overlaps():
    """An imported layer whose polygons overlap (red-line types, say) is not merged."""
    first = shapely.Point(112.9, 27.1).buffer(0.02, quad_segs=64)
    second = shapely.Point(112.92, 27.1).buffer(0.02, quad_segs=64)
    simplified = web_geometry.simplify_polygons(np.array([first, second]))
    assert shapely.is_valid(simplified).all()
    overlap = shapely.intersection(simplified[0], simplified[1]).area
    assert overlap == pytest.approx(first.intersection(second).area, rel=0.03)  # not merged
    before = shapely.get_num_coordinates([first, second])
    assert (shapely.get_num_coordinates(simplified) < before).all()


def test_polygon_layers_that_tile_stay_an_exact_coverage():
    left = shapely.Polygon([(112.9, 27.0), (112.95, 27.0), (112.95, 27.05), (112.9, 27.05)])
    right = shapely.Polygon([(112.95, 27.0), (113.0, 27.0), (113.0, 27.05), (112.95, 27.05)])
    left = shapely.segmentize(left, 0.0005)
    right = shapely.segmentize(right, 0.0005)
    assert shapely.coverage_is_valid([left, right])
    simplified = web_geometry.simplify_polygons(np.array([left, right]))
    assert shapely.coverage_is_valid(simplified)
    before = shapely.get_num_coordinates([left, right]).sum()
    assert shapely.get_num_coordinates(simplified).sum() < before
