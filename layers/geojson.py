"""Geometry for the browser: in the basemap's coordinates (GCJ-02 under 高德), rounded, compact."""

from collections.abc import Callable, Iterable
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from geo.basemaps import is_gcj02
from geo.coords import gcj02_to_wgs84, geometry_wgs84_to_gcj02, wgs84_to_gcj02
from geo.precision import WEB_DECIMALS

Properties = dict[str, Any]


def _rounded(geometry: BaseGeometry) -> BaseGeometry:
    return shapely.transform(geometry, lambda xy: np.round(xy, WEB_DECIMALS))


def display_geometry(geometry: BaseGeometry, basemap: str) -> BaseGeometry:
    """A WGS84 geometry as drawn over the basemap: shifted to GCJ-02 under 高德, rounded."""
    if is_gcj02(basemap):
        geometry = geometry_wgs84_to_gcj02(geometry)
    return _rounded(geometry)


def display_latlon(lat: float, lon: float, basemap: str) -> tuple[float, float]:
    """A WGS84 point as drawn over the basemap, as (lat, lon)."""
    if is_gcj02(basemap):
        lon_a, lat_a = wgs84_to_gcj02(lon, lat)
        lon, lat = float(lon_a), float(lat_a)
    return round(lat, WEB_DECIMALS), round(lon, WEB_DECIMALS)


def wgs84_latlon(lat: float, lon: float, basemap: str) -> tuple[float, float]:
    """A point clicked on the map (basemap coordinates) back in WGS84, as (lat, lon)."""
    if is_gcj02(basemap):
        lon_a, lat_a = gcj02_to_wgs84(lon, lat)
        return float(lat_a), float(lon_a)
    return lat, lon


def feature(geometry: BaseGeometry, properties: Properties, basemap: str) -> dict[str, Any]:
    """One GeoJSON Feature with the geometry in display coordinates."""
    return {
        "type": "Feature",
        "geometry": mapping(display_geometry(geometry, basemap)),
        "properties": properties,
    }


def collection(features: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A GeoJSON FeatureCollection."""
    return {"type": "FeatureCollection", "features": list(features)}


def from_frame(
    frame: gpd.GeoDataFrame, properties: Callable[[Any], Properties], basemap: str
) -> dict[str, Any]:
    """A FeatureCollection of a layer: properties(row) picks what the browser gets per feature."""
    return collection(
        feature(row.geometry, properties(row), basemap) for row in frame.itertuples(index=False)
    )
