"""Builders of admin upload files for the admin tests (from the committed townships layer)."""

import zipfile
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import Polygon

from geo import datastore


def townships() -> gpd.GeoDataFrame:
    """The committed open-source townships, the starting point of every test file."""
    return datastore.committed_layer("townships")


def official_townships() -> gpd.GeoDataFrame:
    """Townships as an official file would carry them: name and code only."""
    return townships()[["name", "code", "geometry"]]


def bowtie_at(frame: gpd.GeoDataFrame, index: int) -> gpd.GeoDataFrame:
    """The township with a small bow-tie loop (about 50 m) hung on one edge of its outline."""
    geometry = frame.geometry.iloc[index]
    polygon = max(getattr(geometry, "geoms", [geometry]), key=lambda p: p.area)
    ring = list(polygon.exterior.coords)
    k = len(ring) // 2
    x, y = (ring[k][0] + ring[k + 1][0]) / 2, (ring[k][1] + ring[k + 1][1]) / 2
    d = 0.0005
    loop = [(x + d, y + d), (x + d, y - d), (x - d, y + d), (x - d, y - d), (x, y)]
    bad = frame.copy()
    bad.loc[bad.index[index], "geometry"] = Polygon(
        ring[:k + 1] + loop + ring[k + 1:], [r.coords for r in polygon.interiors])
    return bad


def moved_border(frame: gpd.GeoDataFrame, index: int, radius_deg: float) -> gpd.GeoDataFrame:
    """The townships with a disc of `radius_deg` around a point of township `index`'s border
    handed to the neighbour there: one township shrinks, one grows, the coverage stays exact."""
    own = frame.geometry.iloc[index]
    others = [j for j in range(len(frame)) if j != index]
    neighbour = max(others, key=lambda j: own.boundary.intersection(
        frame.geometry.iloc[j].boundary).length)
    border = own.boundary.intersection(frame.geometry.iloc[neighbour].boundary)
    disc = border.interpolate(0.5, normalized=True).buffer(radius_deg)
    piece = own.intersection(disc)
    moved = frame.copy()
    grown = shapely.union_all([frame.geometry.iloc[neighbour], piece])
    # on the 6-decimal grid the importer rounds to, so that both stay valid
    moved.loc[moved.index[index], "geometry"] = shapely.set_precision(own.difference(piece), 1e-6)
    moved.loc[moved.index[neighbour], "geometry"] = shapely.set_precision(grown, 1e-6)
    return moved


def write_geojson(frame: gpd.GeoDataFrame, path: Path) -> Path:
    """Write a GeoJSON file (pyogrio) and return its path."""
    frame.to_file(path, driver="GeoJSON", engine="pyogrio")
    return path


def zip_shapefile(frame: gpd.GeoDataFrame, path: Path, encoding: str = "UTF-8",
                  with_cpg: bool = True, with_prj: bool = True) -> Path:
    """A zipped shapefile of `frame`; without .cpg the .dbf's language byte is cleared too."""
    folder = path.parent / (path.stem + "_parts")
    folder.mkdir()
    shp = folder / "townships.shp"
    frame.to_file(shp, encoding=encoding, engine="pyogrio")
    if not with_cpg:
        shp.with_suffix(".cpg").unlink(missing_ok=True)
        dbf = bytearray(shp.with_suffix(".dbf").read_bytes())
        dbf[29] = 0  # no language driver id: nothing tells the reader the encoding
        shp.with_suffix(".dbf").write_bytes(bytes(dbf))
    if not with_prj:
        shp.with_suffix(".prj").unlink()
    with zipfile.ZipFile(path, "w") as archive:
        for part in sorted(folder.iterdir()):
            archive.write(part, f"data/{part.name}")
    return path
