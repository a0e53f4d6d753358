"""Sites built for the site-check tests, and independent expected figures (shapely + pyproj on
the committed layers, not geo.site's own helpers)."""

from pathlib import Path

import ezdxf
import geopandas as gpd
import shapely
from pyproj import Geod, Transformer
from shapely.geometry.base import BaseGeometry
from shapely.ops import polylabel

from geo import datastore

GEOD = Geod(ellps="WGS84")
TO_M = Transformer.from_crs(4326, 32649, always_xy=True)  # UTM 49N: another metric CRS
TO_DEG = Transformer.from_crs(32649, 4326, always_xy=True)


def township(name: str) -> BaseGeometry:
    frame = datastore.committed_layer("townships")
    return frame.loc[frame["name"] == name].geometry.iloc[0]


def inner_point(name: str) -> shapely.Point:
    """The point of a township farthest from its border (pole of inaccessibility)."""
    geometry = township(name)
    largest = max(shapely.get_parts(geometry), key=lambda g: g.area)
    return polylabel(largest, tolerance=1e-4)


def square(lon: float, lat: float, half_m: float) -> shapely.Polygon:
    """A square of 2·half_m metres around (lon, lat), built in UTM."""
    x, y = TO_M.transform(lon, lat)
    corners = [(x - half_m, y - half_m), (x + half_m, y - half_m), (x + half_m, y + half_m),
               (x - half_m, y + half_m)]
    return shapely.Polygon([TO_DEG.transform(cx, cy) for cx, cy in corners])


def area(geometry: BaseGeometry) -> float:
    return abs(GEOD.geometry_area_perimeter(geometry)[0])


def length(geometry: BaseGeometry) -> float:
    return sum(GEOD.geometry_length(g) for g in shapely.get_parts(geometry))


def expected_shares(site: BaseGeometry) -> dict[str, float]:
    """Township name -> share of the site's area, from the committed layer."""
    frame = datastore.committed_layer("townships")
    total = area(site)
    shares = {}
    for name, geometry in zip(frame["name"], frame.geometry, strict=True):
        part = site.intersection(geometry)
        if not part.is_empty and area(part) > 0:
            shares[name] = area(part) / total
    return shares


def border_point(a: str, b: str) -> tuple[float, float]:
    """A point in the middle of the longest stretch of border between townships a and b."""
    shared = township(a).boundary.intersection(township(b).boundary)
    longest = max(shapely.get_parts(shapely.line_merge(shared)), key=lambda g: g.length)
    point = longest.interpolate(0.5, normalized=True)
    return point.x, point.y


def write(frame: gpd.GeoDataFrame, path) -> str:
    frame.to_file(path, driver="GeoJSON", engine="pyogrio")
    return path


def write_dxf(path: Path, polygon: shapely.Polygon, epsg: int | None) -> Path:
    """A CAD drawing: the site as a closed LWPOLYLINE (in a GK CRS), plus an annotation."""
    coords = list(polygon.exterior.coords)[:-1]
    if epsg:
        to_gk = Transformer.from_crs(4326, epsg, always_xy=True)
        coords = [to_gk.transform(x, y) for x, y in coords]
    doc = ezdxf.new()
    space = doc.modelspace()
    space.add_lwpolyline(coords, close=True, dxfattribs={"layer": "红线"})
    space.add_text("J1", dxfattribs={"insert": coords[0]})
    doc.saveas(path)
    return path
