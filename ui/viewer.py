"""The viewer page: sidebar pickers, the map beside the township panel, table and downloads."""

import streamlit as st

from ui.data import townships
from ui.i18n import Lang, t
from ui.map_view import show_map
from ui.sidebar import TownshipOption, render_sidebar


def township_options() -> list[TownshipOption]:
    """Every township for the picker, in statistics-code order."""
    frame = townships().sort_values("code")
    return [
        TownshipOption(code=str(r.code), name=str(r.name), name_en=str(r.name_en))
        for r in frame.itertuples()
    ]


def render_viewer_page(lang: Lang) -> None:
    """Draw the whole viewer page for one script run."""
    view = render_sidebar(lang, [("osm", "OpenStreetMap")], township_options(), [])
    st.title(t("app_title", lang))
    st.caption(t("app_caption", lang))
    map_col, panel_col = st.columns([3, 2], gap="medium")
    with map_col:
        st.caption(t("map_hint", lang))
        show_map(view)
    with panel_col:
        st.write(view)
