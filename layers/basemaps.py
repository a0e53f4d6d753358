"""The basemap as folium tile layers.

Which tile layers a basemap is, and which can be offered (with their names), is
geo/basemaps.py. The basemap is picked in the app, not in the map's layer control, because
switching to or from 高德 (GCJ-02) moves every overlay.
"""

import folium

from geo.basemaps import tiles_for


def add_basemap(m: folium.Map, basemap: str, lang: str, custom_url: str | None = None) -> None:
    """Add the basemap's tile layers (kept out of the layer control)."""
    for index, tiles in enumerate(tiles_for(basemap, lang, custom_url)):
        folium.TileLayer(
            tiles=tiles.url,
            attr=tiles.attribution,
            name=f"{basemap}-{index}",
            subdomains=tiles.subdomains or "abc",  # folium's default; unused without {s}
            max_zoom=tiles.max_zoom,
            control=False,
        ).add_to(m)
