"""The naive map the viewer is measured against: the same data layers, each added with plain
folium.GeoJson straight from data/layers at full precision, folium's default CDN assets."""

import json
from pathlib import Path

import folium

from geo.paths import LAYERS_DIR, PROJECT_ROOT

# The data layers the viewer's map draws (each once in the baseline, as a naive map would).
BASELINE_LAYERS = ("neighbours", "county", "townships", "seats", "xiangjiang")
# Where the naive map opens: the middle of the county, the same zoom as the viewer.
CENTER = (27.08, 112.95)
ZOOM = 10
VENDOR_LEAFLET = PROJECT_ROOT / "static" / "vendor" / "leaflet"  # installed by setup.sh


def layer_geojson(layer_id: str) -> dict:
    """The committed layer file as it is (6 decimals, every property)."""
    return json.loads((LAYERS_DIR / f"{layer_id}.geojson").read_text(encoding="utf-8"))


def vector_feature_count(layer_ids: tuple[str, ...] = BASELINE_LAYERS) -> int:
    """How many SVG paths the naive map draws: its line and polygon features."""
    return sum(
        1
        for layer_id in layer_ids
        for feature in layer_geojson(layer_id)["features"]
        if feature["geometry"]["type"] not in ("Point", "MultiPoint")
    )


def build_baseline_map(layer_ids: tuple[str, ...] = BASELINE_LAYERS) -> folium.Map:
    """folium.Map with each layer as a plain folium.GeoJson and a layer control."""
    m = folium.Map(location=list(CENTER), zoom_start=ZOOM)
    for layer_id in layer_ids:
        folium.GeoJson(layer_geojson(layer_id), name=layer_id).add_to(m)
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
