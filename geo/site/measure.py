"""Geodesic measures of a WGS84 site (pyproj.Geod on the WGS84 ellipsoid; CGCS2000 differs by
less than a millimetre here) and metric distances in the local Gauss-Krüger zone."""

from functools import cache, lru_cache

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry.base import BaseGeometry

from geo.precision import COORDINATE_DECIMALS

GEOD = Geod(ellps="WGS84")
M2_PER_MU = 666.67  # 1 亩
LOCAL_METRIC_EPSG = 4547  # CGCS2000 3-degree Gauss-Krüger CM 114E (scale error < 0.02 % here)
POLYGONAL = ("Polygon", "MultiPolygon")
LINEAR = ("LineString", "MultiLineString", "LinearRing")


def area_m2(geometry: BaseGeometry) -> float:
    """Geodesic area in m² (0 for points and lines)."""
    if geometry.is_empty or geometry.geom_type not in (*POLYGONAL, "GeometryCollection"):
        return 0.0
    return abs(GEOD.geometry_area_perimeter(geometry)[0])


def length_m(geometry: BaseGeometry) -> float:
    """Geodesic length in m of the lines of a geometry (0 for points and areas)."""
    lines = [g for g in shapely.get_parts(geometry) if g.geom_type in LINEAR]
    return float(sum(GEOD.geometry_length(g) for g in lines))


@cache
def _transformer(inverse: bool) -> Transformer:
    source, target = (LOCAL_METRIC_EPSG, 4326) if inverse else (4326, LOCAL_METRIC_EPSG)
    return Transformer.from_crs(source, target, always_xy=True)


@lru_cache(maxsize=256)  # a check measures the same site (and layer shapes) many times
def to_metric(geometry: BaseGeometry) -> BaseGeometry:
    """The geometry in metres (CGCS2000 GK CM 114E)."""
    return shapely.transform(
        geometry, lambda xy: np.column_stack(_transformer(False).transform(*xy.T)))


def to_lonlat(geometry: BaseGeometry) -> BaseGeometry:
    """Back from metres to WGS84 lon/lat."""
    return shapely.transform(
        geometry, lambda xy: np.column_stack(_transformer(True).transform(*xy.T)))


def distance_m(a: BaseGeometry, b: BaseGeometry) -> float:
    """Shortest distance between two WGS84 geometries, in metres."""
    return float(to_metric(a).distance(to_metric(b)))


def buffered(geometry: BaseGeometry, metres: float) -> BaseGeometry:
    """The area within `metres` of a WGS84 geometry, in WGS84."""
    return to_lonlat(to_metric(geometry).buffer(metres, quad_segs=16))


def centroid(geometry: BaseGeometry) -> tuple[float, float]:
    """The centroid (lon, lat), computed in metres."""
    point = to_lonlat(to_metric(geometry).centroid)
    return round(point.x, COORDINATE_DECIMALS), round(point.y, COORDINATE_DECIMALS)


def vertex_count(geometry: BaseGeometry) -> int:
    return int(shapely.get_num_coordinates(geometry))
