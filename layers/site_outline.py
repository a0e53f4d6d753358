"""The checked site outlined on the map (a feature group added on top of the cached map)."""

import folium
import shapely

from layers import geojson
from layers.assets import localize_assets
from layers.elements import GeoJsonOverlay, stable_ids

SITE_CLASS = "hd-site"
SITE_STYLES = {
    "site": {"color": "#0d47a1", "weight": 3, "dashArray": "6 3", "fillColor": "#42a5f5",
             "fillOpacity": 0.25, "radius": 7, "className": "hd-site"},
}


def site_group(geometry: dict | None, basemap: str) -> folium.FeatureGroup:
    """The site (GeoJSON geometry in WGS84) in the basemap's coordinates; empty for None."""
    group = folium.FeatureGroup(name="site-check", control=False)
    if geometry:
        shape = shapely.geometry.shape(geometry)
        feature = geojson.feature(shape, {"s": "site"}, basemap)
        GeoJsonOverlay(geojson.collection([feature]), SITE_CLASS, SITE_STYLES,
                       interactive=False).add_to(group)
    localize_assets(group)
    stable_ids(group, "site")
    return group
