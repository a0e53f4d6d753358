"""The basemaps: which XYZ tile layers each one is, which can be offered now, and the rule a
custom tile URL must follow. One definition for the web map (layers/) and the printed sheet
(geo/sheets/).

OpenStreetMap, CartoDB and 高德 (Amap) come from xyzservices (installed with folium), which keeps
their URLs and says when a provider needs a key (CartoDB does). 天地图 is not in xyzservices in
the form we need (vector + annotation in the interface language), so it is defined here.
高德 tiles are in GCJ-02: under them every overlay is shifted WGS84 -> GCJ-02.
"""

import html
import os
import re
from dataclasses import dataclass

import xyzservices.providers as xyz
from xyzservices import TileProvider

from geo.labels import label

TIANDITU_TOKEN_ENV = "TIANDITU_TOKEN"
CARTO_KEY_ENV = "CARTO_API_KEY"
CUSTOM_TILE_URL_ENV = "HENGDONG_TILE_URL"
BASEMAP_IDS = ("osm", "carto_light", "tianditu", "amap", "custom", "none")
GCJ02_BASEMAPS = frozenset({"amap"})

# The basemaps xyzservices defines, and the environment variable of the key a provider needs.
_PROVIDERS: dict[str, TileProvider] = {
    "osm": xyz.OpenStreetMap.Mapnik,
    "carto_light": xyz.CartoDB.Positron,
    "amap": xyz.Gaode.Normal,
}
_KEY_ENVS = {"carto_light": CARTO_KEY_ENV, "tianditu": TIANDITU_TOKEN_ENV}

_TIANDITU_URL = (
    "https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
    "&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk={token}"
)
_TIANDITU_ATTRIBUTION = "© 天地图 Tianditu (国家地理信息公共服务平台)"
# 天地图 has Chinese (cva) and English (eva) annotation layers over the vector map (vec).
_TIANDITU_NOTES = {"zh": "cva", "en": "eva"}
_TILE_URL_SCHEMES = ("http://", "https://", "/")


@dataclass(frozen=True)
class TileSource:
    """One XYZ tile layer: URL with {z}/{x}/{y} (and {s}), its credit and 审图号."""

    url: str
    attribution: str
    subdomains: str = ""
    max_zoom: int = 18
    gcj02: bool = False  # 高德: tiles drawn in GCJ-02
    approval: str = ""  # 审图号 of the basemap, printed with it


def secret(name: str) -> str | None:
    """A key from the environment or Streamlit secrets, or None."""
    value = os.environ.get(name, "").strip()
    if value:
        return value
    try:
        import streamlit as st

        return str(st.secrets.get(name, "")).strip() or None
    except Exception:  # no secrets.toml, or not running under Streamlit
        return None


def tianditu_token() -> str | None:
    """The 天地图 key, or None."""
    return secret(TIANDITU_TOKEN_ENV)


def custom_tile_url(passed: str | None = None) -> str | None:
    """The intranet XYZ URL the app passes, else the HENGDONG_TILE_URL environment variable."""
    url = (passed or os.environ.get(CUSTOM_TILE_URL_ENV, "")).strip()
    return url or None


def tile_url_problem(url: str) -> str | None:
    """What is wrong with a custom XYZ tile URL (None when usable): http(s):// or a /path on
    this server, no spaces, with {z}, {x} and {y}."""
    missing = [part for part in ("{z}", "{x}", "{y}") if part not in url]
    if missing or not url.startswith(_TILE_URL_SCHEMES) or re.search(r"\s", url):
        return (f"custom tile URL {url!r} must be http(s):// or /path with {{z}}, {{x}} and {{y}}"
                + (f" (missing {', '.join(missing)})" if missing else ""))
    return None


def usable_basemaps(custom_url: str | None = None) -> list[str]:
    """The basemaps that can be shown now: one that needs a key only with its key, the custom
    one only with a URL (passed or from the environment)."""
    hidden = {bid for bid, env in _KEY_ENVS.items() if secret(env) is None}
    if custom_tile_url(custom_url) is None:
        hidden.add("custom")
    return [bid for bid in BASEMAP_IDS if bid not in hidden]


def available_basemaps(lang: str, custom_url: str | None = None) -> list[tuple[str, str]]:
    """(id, label) of each basemap that can be shown now (usable_basemaps), for a picker."""
    return [(bid, label(f"basemap_{bid}", lang)) for bid in usable_basemaps(custom_url)]


def is_gcj02(basemap: str) -> bool:
    """Whether overlays must be shifted to GCJ-02 to line up with this basemap's tiles."""
    return basemap in GCJ02_BASEMAPS


def _plain(attribution: str) -> str:
    """A provider's credit as text: no markup, © for (C)."""
    return html.unescape(re.sub(r"<[^>]+>", "", attribution)).replace("(C)", "©")


def _from_provider(basemap: str) -> TileSource:
    provider = _PROVIDERS[basemap]
    keys = {}
    if provider.requires_token():
        key = secret(_KEY_ENVS[basemap])
        if key is None:
            raise ValueError(f"basemap {basemap!r} needs {_KEY_ENVS[basemap]} (env or secrets)")
        keys = {"apikey": key}
    return TileSource(
        provider.build_url(fill_subdomain=False, **keys),
        _plain(provider.get("attribution") or provider.html_attribution),
        subdomains=provider.get("subdomains", ""),
        max_zoom=provider.get("max_zoom", 18),
        gcj02=is_gcj02(basemap),
    )


def tiles_for(basemap: str, lang: str, custom_url: str | None = None) -> list[TileSource]:
    """The tile layers of a basemap, bottom first; ValueError for an unknown or unusable one."""
    if basemap in _PROVIDERS:
        return [_from_provider(basemap)]
    if basemap == "tianditu":
        token = tianditu_token()
        if token is None:
            raise ValueError(f"basemap 'tianditu' needs {TIANDITU_TOKEN_ENV} (env or secrets)")
        return [
            TileSource(
                _TIANDITU_URL.replace("{layer}", layer).replace("{token}", token),
                _TIANDITU_ATTRIBUTION,
                subdomains="01234567",
            )
            for layer in ("vec", _TIANDITU_NOTES[lang])
        ]
    if basemap == "custom":
        url = custom_tile_url(custom_url)
        if url is None:
            raise ValueError(
                f"basemap 'custom' needs a tile URL (argument or {CUSTOM_TILE_URL_ENV})"
            )
        problem = tile_url_problem(url)
        if problem:
            raise ValueError(problem)
        return [TileSource(url, label("basemap_custom", lang))]
    if basemap == "none":
        return []
    raise ValueError(f"unknown basemap {basemap!r}; one of {', '.join(BASEMAP_IDS)}")
