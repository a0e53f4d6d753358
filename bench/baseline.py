"""The naive map the viewer is measured against: every feature our map draws, each added the
plain folium way — the data layers straight from data/layers at full precision with every
property, each theme's plan overlays (built by the theme's own code) as plain folium.GeoJson
with a folium tooltip of the same text, township copies as GeoJSON copies of the township
polygons, labels as folium markers — and folium's default CDN assets."""

import json
from pathlib import Path
from typing import Any

import folium

from geo.paths import LAYERS_DIR, PROJECT_ROOT
from layers import admin_areas, ecology
from layers.elements import GeoJsonOverlay, Labels, TownshipShapes
from layers.map import THEMES
from layers.theme import MapContext

# The data layers the viewer's map draws (each once in the baseline, as a naive map would).
BASELINE_LAYERS = ("neighbours", "county", "townships", "seats", "xiangjiang")
# Where the naive map opens: the middle of the county, the same zoom as the viewer.
CENTER = (27.08, 112.95)
ZOOM = 10
VENDOR_LEAFLET = PROJECT_ROOT / "static" / "vendor" / "leaflet"  # installed by setup.sh
TOOLTIP_FIELDS = ("name", "kind", "code")  # what a naive tooltip shows of a data layer


def layer_geojson(layer_id: str) -> dict:
    """The committed layer file as it is (6 decimals, every property)."""
    return json.loads((LAYERS_DIR / f"{layer_id}.geojson").read_text(encoding="utf-8"))


def _data_layer(layer_id: str) -> folium.GeoJson:
    data = layer_geojson(layer_id)
    present = set(data["features"][0]["properties"]) if data["features"] else set()
    fields = [field for field in TOOLTIP_FIELDS if field in present]
    tooltip = folium.GeoJsonTooltip(fields=fields) if fields else None
    return folium.GeoJson(data, name=layer_id, tooltip=tooltip, marker=folium.CircleMarker())


def _is_data_layer(theme: Any, element: GeoJsonOverlay) -> bool:
    """Overlays that draw a data layer, which the naive map draws from its file instead."""
    river = {"_": ecology.RIVER_STYLE}
    return theme is admin_areas or element.options["styles"] == river


def _styled(collection: dict, styles: dict[str, dict], name: str) -> folium.GeoJson:
    """A FeatureCollection as plain folium.GeoJson: style by its "s" key, tooltip "tip"."""
    def style(feature: dict) -> dict:
        return styles.get(feature["properties"].get("s", "_"), styles.get("_", {}))

    tips = any("tip" in f["properties"] for f in collection["features"])
    return folium.GeoJson(
        collection, name=name, style_function=style, marker=folium.CircleMarker(),
        tooltip=folium.GeoJsonTooltip(fields=["tip"], labels=False) if tips else None,
    )


def _township_copies(rows: list[list[str]], townships: dict) -> dict:
    """The naive way to shade townships: GeoJSON copies of their polygons (every property)."""
    by_code = {str(f["properties"]["code"]): f for f in townships["features"]}
    return {"type": "FeatureCollection", "features": [
        {**by_code[code], "properties": {**by_code[code]["properties"], "s": key, "tip": tip}}
        for code, key, tip in rows
    ]}


def _naive_elements(theme: Any, element: Any, townships: dict, group: folium.FeatureGroup,
                    ) -> None:
    """Each drawing element of our theme, redrawn the plain folium way into group."""
    name = theme.LAYER_ID
    if isinstance(element, GeoJsonOverlay) and not _is_data_layer(theme, element):
        _styled(element.collection, element.options["styles"], name).add_to(group)
    elif isinstance(element, TownshipShapes) and element.rows:
        copies = _township_copies(element.rows, townships)
        _styled(copies, element.options["styles"], name).add_to(group)
    elif isinstance(element, Labels):
        for lat, lon, label in element.rows:
            folium.Marker([lat, lon], icon=folium.DivIcon(html=f"<span>{label}</span>")
                          ).add_to(group)
    for child in element._children.values():
        _naive_elements(theme, child, townships, group)


def build_baseline_map(layer_ids: tuple[str, ...] = BASELINE_LAYERS, lang: str = "zh",
                       overlays: bool = True) -> folium.Map:
    """folium.Map with each data layer as a plain folium.GeoJson, and (overlays=True) each
    theme's plan overlays as our themes build them, drawn naively; a layer control."""
    m = folium.Map(location=list(CENTER), zoom_start=ZOOM)
    for layer_id in layer_ids:
        _data_layer(layer_id).add_to(m)
    if overlays:
        townships = layer_geojson("townships")
        ctx = MapContext(lang=lang, basemap="osm")
        for theme in THEMES:
            ours = theme.overlay(ctx)
            group = folium.FeatureGroup(name=theme.title(lang), show=ours.show)
            _naive_elements(theme, ours, townships, group)
            group.add_to(m)
    folium.LayerControl().add_to(m)
    return m


def _cdn_files() -> dict[str, Path | None]:
    """folium's default CDN assets for the browser run: Leaflet from the app's own copy, the
    rest (jQuery, Bootstrap, awesome-markers: unused by these layers) answered empty, so the
    baseline pays no network time for them."""
    m = folium.Map()
    local = {
        "leaflet": VENDOR_LEAFLET / "leaflet.js",
        "leaflet_css": VENDOR_LEAFLET / "leaflet.css",
    }
    return {url: local.get(name) for name, url in [*m.default_js, *m.default_css]}


CDN_FILES = _cdn_files()
