"""The map on the viewer page: rendered once per (basemap, language, tile URL, data version);
the selection outline and the industry highlight ride on top as feature groups, and a click
inside a township selects it."""

from collections.abc import Sequence
from functools import partial

import folium
import streamlit as st

from layers.map import build_map, clicked_point_wgs84, selection_group, township_view
from layers.plan_data import stamp as plan_stamp
from ui.data import data_version, layer_version, townships
from ui.map_component import RenderedMap, render_map, show_rendered_map
from ui.sidebar import set_choice
from ui.state import TOWNSHIP_KEY, ViewState
from ui.township_lookup import township_at

MAP_KEY = "map"
MAP_HEIGHT = 640
# The component returns only the last clicked point: a click re-runs the script, panning,
# zooming and layer toggles do not. Leaflet passes clicks on shapes on to the map, so this
# also covers shapes that were added after the component hooked its per-layer handlers.
RETURNED_OBJECTS = ("last_clicked",)


@st.cache_resource(show_spinner=False, max_entries=24)
def _rendered_map(basemap: str, lang: str, custom_tile_url: str | None, version: str
                  ) -> RenderedMap:
    return render_map(build_map(basemap, lang, custom_tile_url))


@st.cache_data(show_spinner=False, max_entries=256)
def _township_view(code: str, basemap: str, version: str) -> tuple[tuple[float, float], int]:
    return township_view(code, basemap)


def _select_clicked_township(basemap: str) -> None:
    """Component on_change: a click inside a township selects it in the sidebar picker."""
    point = (st.session_state.get(MAP_KEY) or {}).get("last_clicked")
    if not point:
        return
    lat, lon = clicked_point_wgs84(float(point["lat"]), float(point["lng"]), basemap)
    code = township_at(townships(), lat, lon)
    if code is not None:
        set_choice(TOWNSHIP_KEY, code)


def show_map(view: ViewState, extra_groups: Sequence[folium.FeatureGroup] = ()) -> None:
    """Draw the map for `view`: zoomed to the selected township, its outline on top."""
    version = f"{data_version()}|plan={plan_stamp()}"
    rendered = _rendered_map(view.basemap, view.lang, view.custom_tile_url, version)
    if view.township_code:
        center, zoom = _township_view(view.township_code, view.basemap,
                                      layer_version("townships"))
    else:
        center, zoom = rendered.location, rendered.zoom
    show_rendered_map(
        rendered,
        key=MAP_KEY,
        height=MAP_HEIGHT,
        returned_objects=RETURNED_OBJECTS,
        center=center,
        zoom=zoom,
        # The selection outline goes last, so it is drawn above an industry highlight.
        groups=[*extra_groups, selection_group(view.township_code, view.basemap)],
        on_change=partial(_select_clicked_township, view.basemap),
    )
