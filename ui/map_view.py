"""The map component: one cached folium map per (basemap, language, tile URL, data version);
the selection outline and the industry highlight ride on top as st_folium feature groups."""

import threading
from collections.abc import Sequence
from functools import partial

import folium
import streamlit as st
from streamlit_folium import st_folium

from layers.assets import st_folium_kwargs
from layers.map import build_map, clicked_point_wgs84, selection_group, township_view
from ui.data import data_version, layer_version, townships
from ui.state import TOWNSHIP_KEY, ViewState
from ui.township_lookup import township_at

MAP_KEY = "map"
MAP_HEIGHT = 640
# st_folium adds the overlay groups to the map object it is given. The map is cached and
# shared by all sessions, so rendering holds this lock and takes the groups off again.
_RENDER_LOCK = threading.Lock()


@st.cache_resource(show_spinner=False, max_entries=24)
def _cached_map(basemap: str, lang: str, custom_tile_url: str | None, version: str) -> folium.Map:
    return build_map(basemap, lang, custom_tile_url)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_view(code: str, basemap: str, version: str) -> tuple[tuple[float, float], int]:
    return township_view(code, basemap)


def _county_view(fmap: folium.Map) -> tuple[tuple[float, float], int]:
    """Centre and zoom the map opens with (the whole county)."""
    lat, lon = fmap.location
    return (float(lat), float(lon)), int(fmap.options.get("zoom", 10))


def _select_clicked_township(basemap: str) -> None:
    """st_folium on_change: a click inside a township selects it in the sidebar picker."""
    point = (st.session_state.get(MAP_KEY) or {}).get("last_object_clicked")
    if not point:
        return
    lat, lon = clicked_point_wgs84(float(point["lat"]), float(point["lng"]), basemap)
    code = township_at(townships(), lat, lon)
    if code is not None:
        st.session_state[TOWNSHIP_KEY] = code


def show_map(view: ViewState, extra_groups: Sequence[folium.FeatureGroup] = ()) -> None:
    """Draw the map for `view`: zoomed to the selected township, its outline on top."""
    fmap = _cached_map(view.basemap, view.lang, view.custom_tile_url, data_version())
    if view.township_code:
        center, zoom = _cached_view(
            view.township_code, view.basemap, layer_version("townships")
        )
    else:
        center, zoom = _county_view(fmap)
    groups = [selection_group(view.township_code, view.basemap), *extra_groups]
    with _RENDER_LOCK:
        try:
            st_folium(
                fmap,
                key=MAP_KEY,
                height=MAP_HEIGHT,
                use_container_width=True,
                center=center,
                zoom=zoom,
                feature_group_to_add=groups,
                on_change=partial(_select_clicked_township, view.basemap),
                **st_folium_kwargs(),
            )
        finally:
            for group in groups:
                fmap._children.pop(group.get_name(), None)
