"""A clicked point selects the township polygon that contains it."""

import geopandas as gpd
import pytest
from shapely.geometry import box

from ui.township_lookup import township_at


@pytest.fixture()
def two_townships() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {"code": ["430424101000", "430424102000"], "name": ["石湾镇", "新塘镇"]},
        geometry=[box(112.9, 27.2, 113.0, 27.3), box(113.0, 27.2, 113.1, 27.3)],
        crs="EPSG:4326",
    )


def test_point_inside_each_polygon(two_townships: gpd.GeoDataFrame) -> None:
    assert township_at(two_townships, lat=27.25, lng=112.95) == "430424101000"
    assert township_at(two_townships, lat=27.25, lng=113.05) == "430424102000"


def test_point_outside_all(two_townships: gpd.GeoDataFrame) -> None:
    assert township_at(two_townships, lat=26.0, lng=112.95) is None
