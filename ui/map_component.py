"""st_folium for a large, cached map: the map is rendered to the component's strings once per
(basemap, language, tile URL, data version); a re-run only renders the small feature groups.

streamlit_folium 0.27.4 (pinned) re-renders the whole map on every call (~0.25 s here) and
renames the elements of the map object it is given, so a cached map object cannot be passed to
it twice. This module makes the same component call from cached strings instead;
tests/test_ui_map_component.py checks that the arguments equal what st_folium sends.
"""

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import folium
import streamlit as st
import streamlit_folium as sf

# Leaflet focuses the map container on mousedown (keyboard navigation). When the map is only
# partly in view, that focus scrolls the page between mousedown and click, and the click lands
# on another spot (another township). Focus without scrolling instead.
FOCUS_WITHOUT_SCROLL_JS = """
(function (container) {
  var focus = container.focus.bind(container);
  container.focus = function () { focus({preventScroll: true}); };
})(map_div.getContainer());
"""


@dataclass(frozen=True)
class RenderedMap:
    """What the st_folium component needs of a map, rendered once."""

    script: str
    header: str
    html: str
    map_id: str
    css_links: list[str]
    js_links: list[str]
    bounds: dict[str, dict[str, float]]
    location: tuple[float, float]
    zoom: int


def _walk(element: Any) -> Iterator[Any]:
    """The element and everything under it, parents first (the order st_folium uses)."""
    yield element
    for child in getattr(element, "_children", {}).values():
        yield from _walk(child)


def _asset_links(fmap: folium.Map) -> tuple[list[str], list[str]]:
    css: list[str] = []
    js: list[str] = []
    for element in _walk(fmap):
        css.extend(href for _, href in getattr(element, "default_css", []))
        js.extend(src for _, src in getattr(element, "default_js", []))
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def render_map(fmap: folium.Map) -> RenderedMap:
    """Render `fmap` the way st_folium does (this consumes the map object: do not reuse it)."""
    fmap.get_root().render()
    fmap.render()
    html = sf._get_html(fmap)
    header = sf._get_header(fmap)
    script = sf._get_map_string(fmap) + FOCUS_WITHOUT_SCROLL_JS
    (south, west), (north, east) = fmap.get_bounds()
    css_links, js_links = _asset_links(fmap)
    return RenderedMap(
        script=script,
        header=header,
        html=html,
        map_id=sf.get_full_id(fmap),
        css_links=css_links,
        js_links=js_links,
        bounds={"_southWest": {"lat": south, "lng": west},
                "_northEast": {"lat": north, "lng": east}},
        location=(float(fmap.location[0]), float(fmap.location[1])),
        zoom=int(fmap.options.get("zoom", 10)),
    )


def feature_groups_script(groups: Sequence[folium.FeatureGroup]) -> str:
    """The script that adds `groups` to the drawn map (rendered on a throwaway host map)."""
    host = folium.Map(tiles=None)
    return "".join(
        sf._get_feature_group_string(group, map=host, idx=index)
        for index, group in enumerate(groups)
    )


def _defaults(rendered: RenderedMap, returned_objects: Sequence[str]) -> dict[str, Any]:
    everything = {
        "last_clicked": None,
        "last_object_clicked": None,
        "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None,
        "last_object_clicked_popup": None,
        "all_drawings": None,
        "last_active_drawing": None,
        "bounds": rendered.bounds,
        "zoom": rendered.zoom,
        "last_circle_radius": None,
        "last_circle_polygon": None,
        "selected_layers": None,
        "selected_tags": None,
        "last_geocoder_result": None,
    }
    return {k: v for k, v in everything.items() if k in returned_objects}


def show_rendered_map(
    rendered: RenderedMap,
    *,
    key: str,
    height: int,
    returned_objects: Sequence[str],
    center: tuple[float, float] | None,
    zoom: int | None,
    groups: Sequence[folium.FeatureGroup],
    on_change: Callable[[], None],
) -> Any:
    """The st_folium component for a pre-rendered map; st.session_state[key] gets its value."""
    hash_key = sf.generate_js_hash(rendered.script, key, False)

    def _changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        on_change()

    return sf._component_func(
        script=rendered.script,
        header=rendered.header,
        html=rendered.html,
        id=rendered.map_id,
        key=hash_key,
        height=height,
        width=None,
        returned_objects=list(returned_objects),
        default=_defaults(rendered, returned_objects),
        zoom=zoom,
        center=center,
        feature_group=feature_groups_script(groups) if groups else None,
        return_on_hover=False,
        layer_control=None,
        pixelated=False,
        css_links=rendered.css_links,
        js_links=rendered.js_links,
        on_change=_changed,
        wrap_longitude=False,
    )
