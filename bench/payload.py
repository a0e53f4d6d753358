"""Bytes the browser receives for a map: the rendered HTML and what st_folium sends."""

import gzip
from collections.abc import Callable

import folium
from streamlit_folium import _get_header, _get_html, _get_map_string

MapBuilder = Callable[[], folium.Map]


def rendered_html(m: folium.Map) -> str:
    """The map as a standalone HTML page (assets referenced by URL, not inlined)."""
    return m.get_root().render()


def st_folium_text(m: folium.Map) -> str:
    """script + html + header, exactly as st_folium 0.27 computes them for its component.

    It renames the map's elements while doing so: pass a map built for this call only.
    """
    m.get_root().render()
    m.render()
    html = _get_html(m)
    header = _get_header(m)
    return _get_map_string(m) + html + header


def map_payload(build: MapBuilder) -> dict[str, int]:
    """Byte counts of a freshly built map: raw and gzip-compressed, both ways of shipping it."""
    html = rendered_html(build()).encode()
    sent = st_folium_text(build()).encode()
    return {
        "html_bytes": len(html),
        "html_gzip_bytes": len(gzip.compress(html, mtime=0)),
        "st_folium_bytes": len(sent),
        "st_folium_gzip_bytes": len(gzip.compress(sent, mtime=0)),
    }


def payload_comparison(ours: MapBuilder, baseline: MapBuilder) -> dict[str, dict[str, float]]:
    """Our map's bytes, the baseline's, and ours as a fraction of the baseline's."""
    our_bytes = map_payload(ours)
    base_bytes = map_payload(baseline)
    return {
        key: {
            "ours": our_bytes[key],
            "baseline": base_bytes[key],
            "ratio": our_bytes[key] / base_bytes[key],
        }
        for key in our_bytes
    }
