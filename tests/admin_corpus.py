"""The corpus of files the importer accepts, one per kind of input it converts or derives from:
formats, encodings, CRSs, heights, one-point MultiPoints, repaired geometry, every layer, and
names carrying markdown, HTML and JS. The contract test serves each one."""

from collections.abc import Callable
from pathlib import Path
from typing import Any

import geopandas as gpd
import shapely
from shapely.geometry import MultiPoint

from geo import datastore
from geo.coords import geometry_wgs84_to_gcj02
from tests.admin_support import (
    bowtie_at,
    moved_border,
    official_townships,
    write_geojson,
    zip_shapefile,
)

# Names that would become elements or requests if any page treated data as markup.
HOSTILE_NAMES = (
    "![t](http://198.51.100.7/track.png)",
    "<img src=x onerror=\"window.__hd_xss=1\">",
    "<script>window.__hd_xss=2</script>",
    "[点我](javascript:window.__hd_xss=3)",
    "**粗体** _斜体_ `code` <b>b</b> &amp; :red[红]",
)
HOSTILE_HOST = "198.51.100.7"

Build = Callable[[Path], tuple[Path, str, dict[str, Any]]]


def _geojson(name: str, layer: str, frame: Callable[[], gpd.GeoDataFrame], **options) -> Build:
    return lambda tmp: (write_geojson(frame(), tmp / name), layer, options)


def hostile_townships() -> gpd.GeoDataFrame:
    """Official townships whose English names are markdown, HTML and JS."""
    frame = datastore.committed_layer("townships")[["name", "code", "name_en", "geometry"]]
    frame["name_en"] = [HOSTILE_NAMES[i % len(HOSTILE_NAMES)] for i in range(len(frame))]
    return frame


def _gbk_shapefile(tmp: Path) -> tuple[Path, str, dict[str, Any]]:
    frame = official_townships().rename(columns={"name": "XZQMC"}).to_crs(4526)
    return zip_shapefile(frame, tmp / "乡镇界线.zip", encoding="GBK", with_cpg=False), \
        "townships", {}


def _geopackage(tmp: Path) -> tuple[Path, str, dict[str, Any]]:
    path = tmp / "townships.gpkg"
    official_townships().to_crs(4547).to_file(path, driver="GPKG", layer="townships")
    return path, "townships", {}


def _heights(tmp: Path) -> tuple[Path, str, dict[str, Any]]:
    frame = official_townships()
    frame = frame.set_geometry(shapely.force_3d(frame.geometry.values, 60.0), crs=4979)
    path = tmp / "townships_3d.gpkg"
    frame.to_file(path, driver="GPKG", layer="townships")
    return path, "townships", {}


def _gcj02() -> gpd.GeoDataFrame:
    frame = official_townships()
    return frame.set_geometry([geometry_wgs84_to_gcj02(g) for g in frame.geometry], crs=None)


def _no_crs() -> gpd.GeoDataFrame:
    return official_townships().set_crs(None, allow_override=True)


def _multipoint_seats() -> gpd.GeoDataFrame:
    seats = datastore.committed_layer("seats")[["name", "geometry"]]
    return seats.set_geometry([MultiPoint([g]) for g in seats.geometry], crs=4326)


def _hostile_seats() -> gpd.GeoDataFrame:
    seats = datastore.committed_layer("seats")[["name", "code", "name_en", "geometry"]]
    seats["name_en"] = [HOSTILE_NAMES[i % len(HOSTILE_NAMES)] for i in range(len(seats))]
    return seats


def _villages() -> gpd.GeoDataFrame:
    villages = datastore.committed_layer("villages")[["name", "code", "geometry"]]
    villages["name"] = [HOSTILE_NAMES[i % len(HOSTILE_NAMES)] if i < 10 else n
                        for i, n in enumerate(villages["name"])]
    return villages


def _redline() -> gpd.GeoDataFrame:
    seats = datastore.committed_layer("seats").geometry
    patches = [seats.iloc[i].buffer(0.01) for i in (2, 7, 11)]
    return gpd.GeoDataFrame({"name": list(HOSTILE_NAMES[:3]), "kind": ["水源"] * 3},
                            geometry=patches, crs=4326)


def _committed(layer: str) -> Callable[[], gpd.GeoDataFrame]:
    return lambda: datastore.committed_layer(layer)


def _repairable(tmp: Path) -> tuple[Path, str, dict[str, Any]]:
    path = write_geojson(bowtie_at(official_townships(), 2), tmp / "bowtie.geojson")
    return path, "townships", {"use_repaired": True}


ACCEPTED: dict[str, Build] = {
    "townships-geojson": _geojson("townships.geojson", "townships", official_townships),
    "townships-names-only": _geojson("bare.geojson", "townships",
                                     lambda: official_townships()[["name", "geometry"]]),
    "townships-gbk-shapefile-gk": _gbk_shapefile,
    "townships-geopackage-gk": _geopackage,
    "townships-heights": _heights,
    "townships-gcj02": _geojson("gcj.geojson", "townships", _gcj02, crs="gcj02"),
    "townships-no-crs": _geojson("nocrs.geojson", "townships", _no_crs),
    "townships-moved-border": _geojson("moved.geojson", "townships",
                                       lambda: moved_border(official_townships(), 0, 0.01)),
    "townships-repaired": _repairable,
    "townships-hostile-names": _geojson("hostile.geojson", "townships", hostile_townships),
    "seats-multipoint": _geojson("seats.geojson", "seats", _multipoint_seats),
    "seats-hostile-names": _geojson("seats_names.geojson", "seats", _hostile_seats),
    "villages": _geojson("villages.geojson", "villages", _villages),
    "county": _geojson("county.geojson", "county", _committed("county")),
    "neighbours": _geojson("neighbours.geojson", "neighbours", _committed("neighbours")),
    "xiangjiang": _geojson("xiangjiang.geojson", "xiangjiang", _committed("xiangjiang")),
    "redline": _geojson("redline.geojson", "redline", _redline),
}
