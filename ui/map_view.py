"""The map on the viewer page: the project's own component (ui/map_frame/, Streamlit's
components.v1 API) draws the map resource (layers/resource.py, a versioned static file) and
gets only state from Python: the picked township, the highlighted industry, the view. A click
inside a township selects it."""

from functools import partial
from pathlib import Path
from typing import Any

import streamlit as st
import streamlit.components.v1 as components

from geo.data_version import data_version
from layers.map import build_map, clicked_point_wgs84
from layers.resource import map_resource
from ui.data import townships
from ui.map_resource import data_modified, publish, resource_name
from ui.sidebar import set_choice
from ui.state import FEATURE_KEY, TOWNSHIP_KEY, ViewState
from ui.township_lookup import township_at

MAP_KEY = "map"
MAP_HEIGHT = 640
FRAME_DIR = Path(__file__).resolve().parent / "map_frame"

_hd_map = components.declare_component("hd_map", path=str(FRAME_DIR))
MAP_COMPONENT = _hd_map.name  # "ui.map_view.hd_map": the iframe's title, in its URL


@st.cache_resource(show_spinner=False, max_entries=24)
def _resource(basemap: str, lang: str, custom_tile_url: str | None, version: str  # noqa: ARG001 - the cache key
              ) -> tuple[str, str, float]:
    """(file name, text, data modification time) of the map resource, once per version."""
    text = map_resource(build_map(basemap, lang, custom_tile_url))
    return resource_name(text, basemap, lang), text, data_modified()


def map_url(view: ViewState) -> str:
    """The URL of the map resource for `view` (written on first use)."""
    version = data_version()
    name, text, modified = _resource(view.basemap, view.lang, view.custom_tile_url, version)
    return publish(text, name, modified)


def _on_event(basemap: str) -> None:
    """Component on_change: a click inside a township selects it in the township picker."""
    event = st.session_state.get(MAP_KEY) or {}
    if event.get("type") != "click":
        return
    st.session_state[FEATURE_KEY] = [str(i) for i in event.get("ids") or []]  # their facts
    lat, lon = clicked_point_wgs84(float(event["lat"]), float(event["lng"]), basemap)
    code = township_at(townships(), lat, lon)
    if code is not None and code != st.session_state.get(TOWNSHIP_KEY):
        set_choice(TOWNSHIP_KEY, code)


def show_map(view: ViewState, **extra_state: Any) -> dict[str, Any] | None:
    """Draw the map for `view` and return the browser's last event ({type, ..., seq}).

    The state sent to the browser is `township`, `industry` and `view` (absent: the township's
    extent, or the county's) plus `extra_state`, passed through to the map's scripts. A key
    whose value is None is left out (the browser reads it as null): every byte of the state is
    sent again on each click.
    """
    state = {"township": view.township_code, "industry": view.industry, **extra_state}
    return _hd_map(map=map_url(view), state={k: v for k, v in state.items() if v is not None},
                   height=MAP_HEIGHT, key=MAP_KEY, default=None,
                   on_change=partial(_on_event, view.basemap))
