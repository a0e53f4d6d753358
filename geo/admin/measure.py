"""Areas on the ellipsoid, independent of any projection."""

from pyproj import Geod
from shapely.geometry.base import BaseGeometry

_GEOD = Geod(ellps="WGS84")


def area_km2(geometry: BaseGeometry | None) -> float:
    """Geodesic area of a lon/lat geometry in km² (0 for points, lines and empty)."""
    if geometry is None or geometry.is_empty or geometry.geom_type not in (
            "Polygon", "MultiPolygon", "GeometryCollection"):
        return 0.0
    area, _perimeter = _GEOD.geometry_area_perimeter(geometry)
    return abs(area) / 1e6
