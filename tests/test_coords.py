"""GCJ-02 <-> WGS84: published reference pairs, round trip over the county, geometries."""

import numpy as np
import pytest
import shapely
from pyproj import Geod

from geo.coords import (
    gcj02_to_wgs84,
    geometry_gcj02_to_wgs84,
    geometry_wgs84_to_gcj02,
    wgs84_to_gcj02,
)

# (WGS84 lat, lon) -> (GCJ-02 lat, lon): the test vectors shipped with googollee/eviltransform
# (Shanghai, Shenzhen, Beijing).
REFERENCE_PAIRS = [
    ((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215)),
    ((22.543847, 113.912316), (22.540796131694766, 113.9171764808363)),
    ((39.911954, 116.377817), (39.91334545536069, 116.38404722455657)),
]
GEOD = Geod(ellps="WGS84")
# A little beyond 衡东县's bounding box.
COUNTY_BOX = (112.55, 26.65, 113.40, 27.50)


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE_PAIRS)
def test_forward_matches_published_pairs(wgs, gcj):
    lon, lat = wgs84_to_gcj02(wgs[1], wgs[0])
    assert lon == pytest.approx(gcj[1], abs=1e-8)
    assert lat == pytest.approx(gcj[0], abs=1e-8)


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE_PAIRS)
def test_inverse_recovers_published_wgs84_within_centimetres(wgs, gcj):
    lon, lat = gcj02_to_wgs84(gcj[1], gcj[0])
    _, _, metres = GEOD.inv(lon, lat, wgs[1], wgs[0])
    assert metres < 0.01


def test_round_trip_over_the_county_is_under_half_a_metre():
    lon, lat = np.meshgrid(
        np.linspace(COUNTY_BOX[0], COUNTY_BOX[2], 120),
        np.linspace(COUNTY_BOX[1], COUNTY_BOX[3], 120),
    )
    back_lon, back_lat = gcj02_to_wgs84(*wgs84_to_gcj02(lon.ravel(), lat.ravel()))
    _, _, metres = GEOD.inv(lon.ravel(), lat.ravel(), back_lon, back_lat)
    assert metres.max() < 0.5


def test_offset_over_the_county_is_a_few_hundred_metres():
    """GCJ-02 shifts this area by 647-678 m (SOURCES.md rounds it to "about 500-600 m")."""
    lon, lat = np.meshgrid(np.linspace(*COUNTY_BOX[0::2], 30), np.linspace(*COUNTY_BOX[1::2], 30))
    g_lon, g_lat = wgs84_to_gcj02(lon.ravel(), lat.ravel())
    _, _, metres = GEOD.inv(lon.ravel(), lat.ravel(), g_lon, g_lat)
    assert metres.min() > 600 and metres.max() < 700


def test_outside_china_nothing_moves():
    lon, lat = wgs84_to_gcj02(np.array([-0.1276, 151.2]), np.array([51.5072, -33.87]))
    assert lon.tolist() == [-0.1276, 151.2]
    assert lat.tolist() == [51.5072, -33.87]


def test_geometry_conversion_moves_every_vertex_like_the_point_conversion():
    shell = [(112.9, 27.0), (113.1, 27.0), (113.1, 27.2), (112.9, 27.2), (112.9, 27.0)]
    hole = [(112.95, 27.05), (113.0, 27.05), (113.0, 27.1), (112.95, 27.05)]
    polygons = shapely.MultiPolygon(
        [shapely.Polygon(shell, [hole]), shapely.box(113.2, 27.3, 113.3, 27.4)]
    )
    converted = geometry_gcj02_to_wgs84(polygons)
    assert converted.geom_type == "MultiPolygon"
    before = shapely.get_coordinates(polygons)
    after = shapely.get_coordinates(converted)
    expected = np.column_stack(gcj02_to_wgs84(before[:, 0], before[:, 1]))
    assert after.shape == before.shape
    assert np.allclose(after, expected, rtol=0, atol=1e-12)
    assert not np.allclose(after, before, rtol=0, atol=1e-4)


def test_geometry_round_trip_keeps_lines_within_half_a_metre():
    line = shapely.LineString([(112.7, 26.8), (113.0, 27.1), (113.3, 27.45)])
    back = geometry_gcj02_to_wgs84(geometry_wgs84_to_gcj02(line))
    a, b = shapely.get_coordinates(line), shapely.get_coordinates(back)
    _, _, metres = GEOD.inv(a[:, 0], a[:, 1], b[:, 0], b[:, 1])
    assert metres.max() < 0.5
