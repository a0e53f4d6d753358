"""The basemaps the viewer offers, and the tile layers each one adds to the map.

高德 (Amap) tiles are in GCJ-02: under it every overlay is shifted WGS84 -> GCJ-02 (see
layers/geojson.py). The basemap is picked in the app, not in the map's layer control, because
switching to or from 高德 moves every overlay.
"""

import os
from dataclasses import dataclass

import folium

TIANDITU_TOKEN_ENV = "TIANDITU_TOKEN"
CUSTOM_TILE_URL_ENV = "HENGDONG_TILE_URL"
BASEMAP_IDS = ("osm", "carto_light", "tianditu", "amap", "custom", "none")
GCJ02_BASEMAPS = frozenset({"amap"})

_LABELS = {
    "osm": {"zh": "OpenStreetMap", "en": "OpenStreetMap"},
    "carto_light": {"zh": "CartoDB 浅色", "en": "CartoDB light (Positron)"},
    "tianditu": {"zh": "天地图 矢量+注记", "en": "Tianditu vector + labels"},
    "amap": {"zh": "高德地图 (GCJ-02)", "en": "Amap (GCJ-02)"},
    "custom": {"zh": "自定义瓦片 (内网)", "en": "Custom tiles (intranet)"},
    "none": {"zh": "无底图", "en": "No basemap"},
}

_TIANDITU_URL = (
    "https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
    "&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={token}"
)
_TIANDITU_ATTRIBUTION = "© 天地图 Tianditu (国家地理信息公共服务平台)"
# 天地图 has Chinese (cva) and English (eva) annotation layers over the vector map (vec).
_TIANDITU_NOTES = {"zh": "cva", "en": "eva"}


@dataclass(frozen=True)
class Tiles:
    """One XYZ tile layer."""

    url: str
    attribution: str
    subdomains: str = "abc"
    max_zoom: int = 18


def tianditu_token() -> str | None:
    """The 天地图 key from the environment or Streamlit secrets, or None."""
    token = os.environ.get(TIANDITU_TOKEN_ENV, "").strip()
    if token:
        return token
    try:
        import streamlit as st

        return str(st.secrets.get(TIANDITU_TOKEN_ENV, "")).strip() or None
    except Exception:  # no secrets.toml, or not running under Streamlit
        return None


def custom_tile_url(passed: str | None = None) -> str | None:
    """The intranet XYZ URL the app passes, else the HENGDONG_TILE_URL environment variable."""
    url = (passed or os.environ.get(CUSTOM_TILE_URL_ENV, "")).strip()
    return url or None


def available_basemaps(lang: str, custom_url: str | None = None) -> list[tuple[str, str]]:
    """(id, label) of each basemap that can be shown now: 天地图 only with a token, the custom
    one only with a URL (passed or from the environment)."""
    hidden = set()
    if tianditu_token() is None:
        hidden.add("tianditu")
    if custom_tile_url(custom_url) is None:
        hidden.add("custom")
    return [(bid, _LABELS[bid][lang]) for bid in BASEMAP_IDS if bid not in hidden]


def is_gcj02(basemap: str) -> bool:
    """Whether overlays must be shifted to GCJ-02 to line up with this basemap's tiles."""
    return basemap in GCJ02_BASEMAPS


def tiles_for(basemap: str, lang: str, custom_url: str | None = None) -> list[Tiles]:
    """The tile layers of a basemap, bottom first; ValueError for an unknown or unusable one."""
    if basemap == "osm":
        return [
            Tiles(
                "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                "© OpenStreetMap contributors",
                max_zoom=19,
            )
        ]
    if basemap == "carto_light":
        return [
            Tiles(
                "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}.png",
                "© OpenStreetMap contributors © CARTO",
                subdomains="abcd",
                max_zoom=20,
            )
        ]
    if basemap == "tianditu":
        token = tianditu_token()
        if token is None:
            raise ValueError(f"basemap 'tianditu' needs {TIANDITU_TOKEN_ENV} (env or secrets)")
        return [
            Tiles(
                _TIANDITU_URL.replace("{layer}", layer).replace("{token}", token),
                _TIANDITU_ATTRIBUTION,
                subdomains="01234567",
            )
            for layer in ("vec", _TIANDITU_NOTES[lang])
        ]
    if basemap == "amap":
        return [
            Tiles(
                "https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1"
                "&style=8&x={x}&y={y}&z={z}",
                "© 高德地图 AutoNavi (GCJ-02)",
                subdomains="1234",
            )
        ]
    if basemap == "custom":
        url = custom_tile_url(custom_url)
        if url is None:
            raise ValueError(
                f"basemap 'custom' needs a tile URL (argument or {CUSTOM_TILE_URL_ENV})"
            )
        missing = [part for part in ("{z}", "{x}", "{y}") if part not in url]
        if missing or not url.startswith(("http://", "https://", "/")):
            raise ValueError(
                f"custom tile URL {url!r} must be http(s):// or /path with {{z}}, {{x}} and {{y}}"
                + (f" (missing {', '.join(missing)})" if missing else "")
            )
        return [Tiles(url, _LABELS["custom"][lang])]
    if basemap == "none":
        return []
    raise ValueError(f"unknown basemap {basemap!r}; one of {', '.join(BASEMAP_IDS)}")


def add_basemap(m: folium.Map, basemap: str, lang: str, custom_url: str | None = None) -> None:
    """Add the basemap's tile layers (kept out of the layer control)."""
    for index, tiles in enumerate(tiles_for(basemap, lang, custom_url)):
        folium.TileLayer(
            tiles=tiles.url,
            attr=tiles.attribution,
            name=f"{basemap}-{index}",
            subdomains=tiles.subdomains,
            max_zoom=tiles.max_zoom,
            control=False,
        ).add_to(m)
