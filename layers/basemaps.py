"""The basemap as folium tile layers, and the basemaps the viewer offers with their names.

Which tile layers a basemap is, and which can be offered, is geo/basemaps.py. The basemap is
picked in the app, not in the map's layer control, because switching to or from 高德 (GCJ-02)
moves every overlay.
"""

import folium

from geo.basemaps import tiles_for, usable_basemaps
from geo.labels import label


def available_basemaps(lang: str, custom_url: str | None = None) -> list[tuple[str, str]]:
    """(id, label) of each basemap that can be shown now (geo.basemaps.usable_basemaps)."""
    return [(bid, label(f"basemap_{bid}", lang)) for bid in usable_basemaps(custom_url)]


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
