"""Where a plan fact is drawn on the web map (the rule lives in geo/places.py)."""

from geo.places import Location, locate, village_points
from layers import geojson

__all__ = ["Location", "locate", "point_feature", "village_points"]


def point_feature(location: Location, properties: dict, basemap: str) -> dict:
    """A GeoJSON point feature at a village location (display coordinates)."""
    if location.point is None:
        raise ValueError(f"{location.township_name}: no village point to draw")
    return geojson.feature(location.point, properties, basemap)
