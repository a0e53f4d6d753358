"""The assembled map: basemap, the six themes as overlays, legend, layer control.

The app builds it once per (basemap, lang, custom URL, data version) and serves it as one
resource (layers/resource.py); the township selection, the industry highlight and the view are
state the browser applies to the shapes already drawn (static/map/hd-map.js).
"""

import folium

from geo import datastore
from geo.labels import pick
from geo.symbology import SELECTION_STYLE
from layers import (
    admin_areas,
    basemaps,
    ecology,
    geojson,
    industry,
    infrastructure,
    tourism,
    town_system,
)
from layers.assets import localize_assets
from layers.elements import BrowserTable, stable_ids
from layers.legend import DataAttribution, Legend, attribution_text
from layers.theme import MapContext
from layers.tools import tools_config

THEMES = (admin_areas, town_system, ecology, industry, tourism, infrastructure)

PLAN_CREDIT_ZH = "规划要素：衡东县“十四五”规划纲要（本项目整理）"
PLAN_CREDIT_EN = "Plan facts: Hengdong 14th Five-Year Plan outline (compiled by this project)"
SELECTION_CLASS = "hd-selection"


def _county_bounds(basemap: str) -> list[list[float]]:
    county = datastore.load_layer("county").geometry.union_all()
    west, south, east, north = geojson.display_geometry(county, basemap).bounds
    return [[south, west], [north, east]]


def build_map(basemap: str = "osm", lang: str = "zh", custom_tile_url: str | None = None
              ) -> folium.Map:
    """The whole map; the same arguments give the same HTML."""
    pick(lang, "", "")  # rejects an unknown language before anything is built
    ctx = MapContext(lang=lang, basemap=basemap)
    bounds = _county_bounds(basemap)
    center = [(bounds[0][0] + bounds[1][0]) / 2, (bounds[0][1] + bounds[1][1]) / 2]
    m = folium.Map(location=center, zoom_start=10, tiles=None, control_scale=True)
    basemaps.add_basemap(m, basemap, lang, custom_tile_url)
    for theme in THEMES:
        theme.overlay(ctx).add_to(m)
    DataAttribution(
        attribution_text(
            [layer_id for theme in THEMES for layer_id in theme.DATA_LAYERS],
            [pick(lang, PLAN_CREDIT_ZH, PLAN_CREDIT_EN)],
        )
    ).add_to(m)
    # What the browser's state handlers need: the selection outline's style, the home view.
    BrowserTable("selection", {"className": SELECTION_CLASS, "styles": {"_": SELECTION_STYLE},
                               "interactive": False}).add_to(m)
    BrowserTable("view", {"bounds": bounds}).add_to(m)
    BrowserTable("tools", tools_config(basemap, lang)).add_to(m)  # static/map/hd-measure.js
    control = folium.LayerControl(collapsed=False, position="topright").add_to(m)
    Legend([(theme.title(lang), theme.legend_entries(lang)) for theme in THEMES], lang,
           control).add_to(m)
    m.fit_bounds(bounds)
    localize_assets(m)
    stable_ids(m, "hd")
    return m


def clicked_point_wgs84(lat: float, lng: float, basemap: str) -> tuple[float, float]:
    """A clicked point (basemap coordinates: GCJ-02 under 高德) in WGS84 (lat, lon)."""
    return geojson.wgs84_latlon(lat, lng, basemap)
