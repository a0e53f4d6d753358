"""Projected CRSs the build measures in, and helpers to move shapely geometries into them."""

from functools import lru_cache
from typing import TypeVar

import numpy as np
import shapely
from numpy.typing import NDArray
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry

# Distances (Voronoi, outlier tests): UTM zone 49N covers 108-114E, the whole county.
METRIC_CRS = "EPSG:32649"
# Areas: WGS 84 / NSIDC EASE-Grid 2.0 Global, an equal-area cylindrical projection.
EQUAL_AREA_CRS = "EPSG:6933"

G = TypeVar("G", bound=BaseGeometry)


@lru_cache(maxsize=8)
def _transformer(source: str, target: str) -> Transformer:
    return Transformer.from_crs(source, target, always_xy=True)


def project_xy(lon: NDArray, lat: NDArray, target: str = METRIC_CRS) -> tuple[NDArray, NDArray]:
    """Project WGS84 lon/lat arrays to target (metres)."""
    return _transformer("EPSG:4326", target).transform(np.asarray(lon), np.asarray(lat))


def project(geometry: G, target: str = METRIC_CRS) -> G:
    """A copy of a WGS84 geometry in the target CRS."""
    transformer = _transformer("EPSG:4326", target)
    return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(*xy.T)))


def unproject(geometry: G, source: str = METRIC_CRS) -> G:
    """A copy of a geometry in the source CRS, back in WGS84 lon/lat."""
    transformer = _transformer(source, "EPSG:4326")
    return shapely.transform(geometry, lambda xy: np.column_stack(transformer.transform(*xy.T)))


def area_km2(geometry: BaseGeometry) -> float:
    """Area of a WGS84 (multi)polygon in km², measured in the equal-area CRS."""
    return float(project(geometry, EQUAL_AREA_CRS).area) / 1e6
