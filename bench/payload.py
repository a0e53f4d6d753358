"""Bytes the browser receives for a map: what each app sends of it, and the standalone HTML.

Ours sends the map resource (layers/resource.py, loaded by the map component); the naive app
sends the rendered map (st_folium hands its component folium's script, html and header: the
standalone page's text, give or take its <html> wrapper)."""

import gzip
from collections.abc import Callable

import folium

from layers.resource import map_resource

MapBuilder = Callable[[], folium.Map]
Sender = Callable[[folium.Map], str]


def rendered_html(m: folium.Map) -> str:
    """The map as a standalone HTML page (assets referenced by URL, not inlined)."""
    return m.get_root().render()


def map_payload(build: MapBuilder, send: Sender) -> dict[str, int]:
    """Byte counts of a freshly built map: raw and gzip-compressed, as sent and as HTML."""
    html = rendered_html(build()).encode()
    sent = send(build()).encode()
    return {
        "sent_bytes": len(sent),
        "sent_gzip_bytes": len(gzip.compress(sent, mtime=0)),
        "html_bytes": len(html),
        "html_gzip_bytes": len(gzip.compress(html, mtime=0)),
    }


def payload_comparison(ours: MapBuilder, baseline: MapBuilder) -> dict[str, dict[str, float]]:
    """Our map's bytes (the map resource), the baseline's (its rendered HTML), and the ratio."""
    our_bytes = map_payload(ours, map_resource)
    base_bytes = map_payload(baseline, rendered_html)
    return {
        key: {
            "ours": our_bytes[key],
            "baseline": base_bytes[key],
            "ratio": our_bytes[key] / base_bytes[key],
        }
        for key in our_bytes
    }
