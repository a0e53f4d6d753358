"""The map component: one cached folium map per (basemap, language), clicks select townships."""

import threading
from collections.abc import Sequence

import folium
import streamlit as st
from streamlit_folium import st_folium

from ui.data import townships
from ui.state import TOWNSHIP_KEY, ViewState
from ui.township_lookup import clicked_township

MAP_KEY = "map"
MAP_HEIGHT = 640
# st_folium returns only what the app uses: a click on a shape re-runs the script,
# panning, zooming and layer toggles do not.
RETURNED_OBJECTS = ["last_object_clicked"]
_RENDER_LOCK = threading.Lock()


@st.cache_resource(show_spinner=False)
def _cached_map(basemap: str, lang: str, custom_tile_url: str | None) -> folium.Map:
    """TEMPORARY plain map until layers.map.build_map lands."""
    m = folium.Map(location=[27.08, 112.99], zoom_start=10, tiles=None)
    folium.GeoJson(
        townships().to_json(),
        name="行政区划",
        style_function=lambda _f: {"className": "hd-township", "color": "#333", "weight": 1},
        tooltip=folium.GeoJsonTooltip(fields=["name"]),
    ).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    return m


def _select_clicked_township() -> None:
    """st_folium on_change: a click inside a township selects it in the sidebar picker."""
    code = clicked_township(st.session_state.get(MAP_KEY), townships())
    if code is not None:
        st.session_state[TOWNSHIP_KEY] = code


def _township_view(code: str | None) -> tuple[tuple[float, float] | None, int | None]:
    """TEMPORARY: centre and zoom of the selected township."""
    if code is None:
        return (27.08, 112.99), 10
    row = townships().set_index("code").loc[code]
    return (float(row["seat_lat"]), float(row["seat_lon"])), 12


def show_map(view: ViewState, overlays: Sequence[folium.FeatureGroup] = ()) -> None:
    """Draw the map for `view`, centred on the selected township with `overlays` on top."""
    fmap = _cached_map(view.basemap, view.lang, view.custom_tile_url)
    center, zoom = _township_view(view.township_code)
    # st_folium adds the overlays to the (shared, cached) map object: render under a lock
    # and take them off again so the next run starts from the same map and script hash.
    with _RENDER_LOCK:
        try:
            st_folium(
                fmap,
                key=MAP_KEY,
                height=MAP_HEIGHT,
                use_container_width=True,
                returned_objects=RETURNED_OBJECTS,
                center=center,
                zoom=zoom,
                feature_group_to_add=list(overlays) or None,
                on_change=_select_clicked_township,
            )
        finally:
            for group in overlays:
                fmap._children.pop(group.get_name(), None)
