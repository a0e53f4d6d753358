"""Accepted inputs: GBK shapefiles with and without .cpg, GeoPackage, Gauss-Krüger zones
(checked against an independent implementation of the projection), GCJ-02, no CRS."""

import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import Transformer

from geo import datastore
from geo.admin import service
from geo.coords import geometry_wgs84_to_gcj02
from tests.admin_support import official_townships, write_geojson, zip_shapefile

# CGCS2000 ellipsoid
A_AXIS = 6378137.0
FLATTENING = 1 / 298.257222101
COUNTY_SEAT = (112.953168, 27.08117)  # county record of the adcode source



def gauss_kruger(lon: np.ndarray, lat: np.ndarray, central_meridian: float,
                 false_easting: float) -> tuple[np.ndarray, np.ndarray]:
    """Transverse Mercator by Krüger's n-series (4th order), from the formulas, not from PROJ."""
    n = FLATTENING / (2 - FLATTENING)
    big_a = A_AXIS / (1 + n) * (1 + n**2 / 4 + n**4 / 64)
    alpha = [n / 2 - 2 * n**2 / 3 + 5 * n**3 / 16 + 41 * n**4 / 180,
             13 * n**2 / 48 - 3 * n**3 / 5 + 557 * n**4 / 1440,
             61 * n**3 / 240 - 103 * n**4 / 140,
             49561 * n**4 / 161280]
    phi, dlam = np.radians(lat), np.radians(lon - central_meridian)
    c = 2 * np.sqrt(n) / (1 + n)
    t = np.sinh(np.arctanh(np.sin(phi)) - c * np.arctanh(c * np.sin(phi)))
    xi, eta = np.arctan2(t, np.cos(dlam)), np.arctanh(np.sin(dlam) / np.sqrt(1 + t**2))
    easting = eta + sum(a * np.cos(2 * j * xi) * np.sinh(2 * j * eta)
                        for j, a in enumerate(alpha, 1))
    northing = xi + sum(a * np.sin(2 * j * xi) * np.cosh(2 * j * eta)
                        for j, a in enumerate(alpha, 1))
    return false_easting + big_a * easting, big_a * northing


def _projected_by_hand(frame: gpd.GeoDataFrame, epsg: int,
                       false_easting: float) -> gpd.GeoDataFrame:
    def forward(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(gauss_kruger(xy[:, 0], xy[:, 1], 114.0, false_easting))

    projected = frame.copy()
    projected.geometry = shapely.transform(frame.geometry.values, forward)
    return projected.set_crs(epsg, allow_override=True)


def _max_vertex_error_m(a: gpd.GeoSeries, b: gpd.GeoSeries) -> float:
    """Largest Hausdorff distance between matching features, in metres (1° ≤ 111.32 km)."""
    distances = shapely.hausdorff_distance(a.values, b.values)
    return float(np.max(distances)) * 111320


def test_hand_written_gauss_kruger_agrees_with_proj() -> None:
    # Two independent implementations of CGCS2000 / 3-degree GK CM 114E agree at the county seat
    # to the centimetre; the file tests below project with the hand-written one.
    easting, northing = gauss_kruger(np.array([COUNTY_SEAT[0]]), np.array([COUNTY_SEAT[1]]),
                                     114.0, 500000.0)
    expected = Transformer.from_crs(4490, 4547, always_xy=True).transform(*COUNTY_SEAT)
    assert abs(easting[0] - expected[0]) < 0.01 and abs(northing[0] - expected[1]) < 0.01
    assert 396000 < easting[0] < 397000 and 2997000 < northing[0] < 2998000


@pytest.mark.parametrize(("epsg", "false_easting"), [(4547, 500000.0), (4526, 38500000.0)])
def test_gauss_kruger_shapefile_is_reprojected_within_a_metre(
        tmp_path: Path, epsg: int, false_easting: float) -> None:
    original = official_townships()
    path = zip_shapefile(_projected_by_hand(original, epsg, false_easting), tmp_path / "gk.zip")
    meta = service.import_file(path, "townships", "tester", f"GK EPSG:{epsg}")
    served = datastore.load_layer("townships")
    assert meta.feature_count == 17
    assert _max_vertex_error_m(served.geometry, original.geometry) < 1.0
    mishui = served.set_index("name").geometry["洣水镇"]
    assert mishui.contains(shapely.Point(COUNTY_SEAT))


@pytest.mark.parametrize("with_cpg", [False, True])
def test_gbk_shapefile_names_are_read(tmp_path: Path, with_cpg: bool) -> None:
    official = official_townships().rename(columns={"name": "XZQMC", "code": "XZQDM"})
    path = zip_shapefile(official.to_crs(4490), tmp_path / "gbk.zip", encoding="GBK",
                         with_cpg=with_cpg)
    dbf_bytes = zip_bytes(path, ".dbf")
    assert "洣水镇".encode("gbk") in dbf_bytes  # really GBK on disk, not UTF-8
    inspection = service.inspect(path, "townships")
    assert inspection.ok, [p.bilingual() for p in inspection.problems]
    guessed = [p for p in inspection.problems if p.code == "encoding-guessed"]
    assert bool(guessed) is (not with_cpg)
    if guessed:
        assert "GB18030" in guessed[0].en
    service.import_file(path, "townships", "tester", "GBK shapefile")
    served = datastore.load_layer("townships")
    assert sorted(served["name"]) == sorted(official_townships()["name"])
    codes = official_townships().set_index("name")["code"]
    assert (served.set_index("name")["code"] == codes).all()


def zip_bytes(path: Path, suffix: str) -> bytes:
    """The bytes of the one archive member ending in `suffix`."""
    with zipfile.ZipFile(path) as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(suffix)]
        return archive.read(name)


def test_geopackage_in_cgcs2000_is_taken_as_is(tmp_path: Path) -> None:
    path = tmp_path / "townships.gpkg"
    official_townships().set_crs(4490, allow_override=True).to_file(path, driver="GPKG")
    service.import_file(path, "townships", "tester", "GeoPackage")
    served = datastore.load_layer("townships")
    assert _max_vertex_error_m(served.geometry, official_townships().geometry) < 0.1


def test_gcj02_file_is_converted_when_the_admin_says_so(tmp_path: Path) -> None:
    original = official_townships()
    shifted = original.copy()
    shifted.geometry = [geometry_wgs84_to_gcj02(g) for g in original.geometry]
    path = write_geojson(shifted, tmp_path / "amap.geojson")
    service.import_file(path, "townships", "tester", "from Amap", crs="gcj02")
    served = datastore.load_layer("townships")
    assert _max_vertex_error_m(served.geometry, original.geometry) < 0.5
    assert _max_vertex_error_m(gpd.GeoSeries(shifted.geometry), original.geometry) > 300


def test_file_without_crs_inside_the_county_is_read_as_lon_lat(tmp_path: Path) -> None:
    path = zip_shapefile(official_townships(), tmp_path / "noprj.zip", with_prj=False)
    inspection = service.inspect(path, "townships")
    assert inspection.ok
    assert [p.code for p in inspection.problems] == ["crs-assumed"]


def test_admin_can_declare_the_crs_of_a_file_without_one(tmp_path: Path) -> None:
    original = official_townships()
    projected = _projected_by_hand(original, 4547, 500000.0)
    path = zip_shapefile(projected, tmp_path / "noprj_gk.zip", with_prj=False)
    assert not service.inspect(path, "townships").ok
    service.import_file(path, "townships", "tester", "GK without .prj", crs="EPSG:4547")
    assert _max_vertex_error_m(datastore.load_layer("townships").geometry,
                               original.geometry) < 1.0
