"""Builders of admin upload files for the admin tests (from the committed townships layer)."""

import zipfile
from pathlib import Path

import geopandas as gpd

from geo import datastore


def townships() -> gpd.GeoDataFrame:
    """The committed open-source townships, the starting point of every test file."""
    return datastore.committed_layer("townships")


def official_townships() -> gpd.GeoDataFrame:
    """Townships as an official file would carry them: name and code only."""
    return townships()[["name", "code", "geometry"]]


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
