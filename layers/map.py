"""The assembled map: basemap, the five themes as overlays, legend, layer control.

The app builds it once per (basemap, lang, custom URL) and caches it; the township selection and
the industry highlight are separate feature groups (st_folium feature_group_to_add) that reuse
the township polygons already in the browser instead of sending them again.
"""

import math

import folium

from geo import datastore
from layers import admin_areas, basemaps, ecology, geojson, industry, tourism, town_system
from layers.assets import localize_assets
from layers.elements import TownshipShapes, stable_ids
from layers.legend import DataAttribution, Legend, attribution_text
from layers.theme import MapContext, pick

THEMES = (admin_areas, town_system, ecology, industry, tourism)

PLAN_CREDIT_ZH = "规划要素：衡东县“十四五”规划纲要（本项目整理）"
PLAN_CREDIT_EN = "Plan facts: Hengdong 14th Five-Year Plan outline (compiled by this project)"
SELECTION_CLASS = "hd-selection"
SELECTION_STYLE = {"color": "#111111", "weight": 4, "opacity": 0.9, "fill": False}
# The map's pixel size the township zoom is fitted to (a little smaller than the app's map).
_VIEW_PX = (600, 450)
_ZOOM_RANGE = (9, 15)


def available_basemaps(lang: str, custom_tile_url: str | None = None) -> list[tuple[str, str]]:
    """(id, label) of the basemaps to offer: 天地图 only with a token, custom only with a URL."""
    return basemaps.available_basemaps(lang, custom_tile_url)


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
    control = folium.LayerControl(collapsed=False, position="topright").add_to(m)
    Legend([(theme.title(lang), theme.legend_entries(lang)) for theme in THEMES], lang,
           control).add_to(m)
    m.fit_bounds(bounds)
    localize_assets(m)
    stable_ids(m, "hd")
    return m


def selection_group(township_code: str | None, basemap: str) -> folium.FeatureGroup:
    """Outline of the picked township (no geometry sent: it reuses the drawn polygon).

    basemap is accepted for symmetry with the cached map; the copy follows the drawn polygon,
    which is already in the basemap's coordinates.
    """
    del basemap
    group = folium.FeatureGroup(name="selection", control=False)
    if township_code:
        TownshipShapes(
            [(township_code, "_", "")], SELECTION_CLASS, {"_": SELECTION_STYLE}, interactive=False
        ).add_to(group)
    localize_assets(group)
    stable_ids(group, "sel")
    return group


def township_view(code: str, basemap: str = "osm") -> tuple[tuple[float, float], int]:
    """(center (lat, lon), zoom) that shows the whole township; KeyError for an unknown code."""
    townships = datastore.load_layer("townships")
    match = townships[townships["code"] == code]
    if match.empty:
        raise KeyError(f"no township with code {code!r} in layer 'townships'")
    west, south, east, north = match.geometry.iloc[0].bounds
    lat, lon = geojson.display_latlon((south + north) / 2, (west + east) / 2, basemap)
    width_deg = max(east - west, 1e-6) * math.cos(math.radians(lat))
    height_deg = max(north - south, 1e-6)
    # At zoom z one 256-px tile spans 360 / 2**z degrees.
    fit = min(_VIEW_PX[0] / width_deg, _VIEW_PX[1] / height_deg) * 360 / 256
    zoom = max(_ZOOM_RANGE[0], min(_ZOOM_RANGE[1], math.floor(math.log2(fit))))
    return (lat, lon), zoom


def clicked_point_wgs84(lat: float, lng: float, basemap: str) -> tuple[float, float]:
    """A point st_folium reports (basemap coordinates: GCJ-02 under 高德) in WGS84 (lat, lon)."""
    return geojson.wgs84_latlon(lat, lng, basemap)
