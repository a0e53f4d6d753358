"""Which township a clicked map point falls in."""

import geopandas as gpd
from shapely.geometry import Point


def township_at(townships: gpd.GeoDataFrame, lat: float, lng: float) -> str | None:
    """Code of the township containing (lat, lng) in WGS84, or None outside all of them."""
    hits = townships.sindex.query(Point(lng, lat), predicate="intersects")
    if len(hits) == 0:
        return None
    return str(townships.iloc[sorted(hits)[0]]["code"])
