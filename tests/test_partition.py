"""The township partition tiles the county: no gaps, no overlaps, one polygon each, seats inside."""

import itertools

import geopandas as gpd
import pytest
import shapely

from geo.layer_builders import located_villages, townships_of
from geo.partition import GRID, Generator, partition
from geo.projections import METRIC_CRS, area_km2
from geo.sources import ADCODE_FILE, COUNTIES_FILE, read_adcode_table, read_districts
from tests.layer_build_support import SOURCES_DIR, build_into

SLIVER_HALF_WIDTH_M = 250.0


@pytest.fixture(scope="module")
def layers(tmp_path_factory):
    out = tmp_path_factory.mktemp("data")
    assert build_into(out) == 0
    return {
        name: gpd.read_file(out / "layers" / f"{name}.geojson")
        for name in ("county", "townships", "seats")
    }


def test_seventeen_single_valid_polygons(layers):
    townships = layers["townships"]
    assert len(townships) == 17
    assert townships["code"].is_unique
    assert set(townships.geom_type) == {"Polygon"}
    assert townships.is_valid.all()


def test_no_overlaps_and_no_gaps(layers):
    county = layers["county"].geometry.iloc[0]
    parts = list(layers["townships"].geometry)
    for a, b in itertools.combinations(parts, 2):
        assert shapely.intersection(a, b).area == pytest.approx(0.0, abs=1e-14)
    union = shapely.union_all(parts, grid_size=GRID)
    assert shapely.symmetric_difference(union, county).area == pytest.approx(0.0, abs=1e-14)


def test_areas_sum_to_the_county_area(layers):
    county_area = area_km2(layers["county"].geometry.iloc[0])
    assert layers["county"]["area_km2"].iloc[0] == pytest.approx(county_area, abs=1e-3)
    stated = layers["townships"]["area_km2"].sum()
    measured = sum(area_km2(g) for g in layers["townships"].geometry)
    assert abs(stated - county_area) / county_area < 1e-4
    assert abs(measured - county_area) / county_area < 1e-4


def test_each_township_holds_its_own_seat(layers):
    townships = layers["townships"].set_index("code")
    seats = layers["seats"].set_index("code")
    assert set(seats.index) == set(townships.index)
    for code, seat in seats.geometry.items():
        area = townships.geometry[code]
        assert area.covers(seat)
        assert shapely.Point(townships.seat_lon[code], townships.seat_lat[code]).equals(seat)
        others = townships.geometry.drop(code)
        assert not others.contains(seat).any()


def test_no_slivers_or_holes(layers):
    metric = layers["townships"].to_crs(METRIC_CRS)
    for name, area in zip(metric["name"], metric.geometry, strict=True):
        assert len(area.interiors) == 0, name
        shrunk = area.buffer(-SLIVER_HALF_WIDTH_M)
        assert shrunk.geom_type == "Polygon", f"{name} has a part narrower than 500 m"
        assert area.area / 1e6 > 20, name


def test_detached_fragments_are_folded_even_without_outlier_rejection():
    """With every village kept, wrong points make stray cells; each must join a neighbour."""
    sources = SOURCES_DIR
    county = shapely.set_precision(read_districts(sources / COUNTIES_FILE)["430424"].geometry, GRID)
    table = read_adcode_table(sources / ADCODE_FILE)
    townships = townships_of(table, sources)
    generators = [Generator(t.name, *t.seat) for t in townships]
    generators += [Generator(v.township, v.lon, v.lat) for v in located_villages(table)]
    areas = partition(county, generators, {t.name: t.seat for t in townships})
    assert len(areas) == 17
    assert all(a.geom_type == "Polygon" for a in areas.values())
    union = shapely.union_all(list(areas.values()), grid_size=GRID)
    assert sum(a.area for a in areas.values()) == pytest.approx(union.area, rel=1e-9)
    # Borders meeting the outline are snapped to the 1e-6 degree grid: parts per million only.
    assert shapely.symmetric_difference(union, county).area / county.area < 1e-6


def test_fragment_goes_to_the_township_that_surrounds_it():
    square = shapely.box(0.0, 0.0, 0.2, 0.1)
    seats = {"west": (0.05, 0.05), "east": (0.15, 0.05)}
    generators = [Generator("west", *seats["west"]), Generator("east", *seats["east"])]
    generators.append(Generator("west", 0.17, 0.08))  # a west point deep inside the east
    areas = partition(square, generators, seats)
    assert areas["west"].geom_type == "Polygon" and areas["east"].geom_type == "Polygon"
    assert areas["east"].covers(shapely.Point(0.17, 0.08))
    assert areas["west"].area + areas["east"].area == pytest.approx(square.area, rel=1e-9)
