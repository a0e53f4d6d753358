"""The viewer page: sidebar pickers, the map beside the township panel, table and downloads."""

import streamlit as st

from layers.industry import assigned_townships
from layers.map import available_basemaps
from ui.compare_table import LIST_SEPARATOR, render_compare_table
from ui.data import townships
from ui.exports import render_exports
from ui.i18n import Lang, t
from ui.map_view import picked_on_map, show_map
from ui.plan_data import industry_options, plan
from ui.redline_panel import render_redline_panel
from ui.sidebar import TownshipOption, render_sidebar, township_label
from ui.state import ViewState
from ui.township_panel import render_township_panel


def township_options() -> list[TownshipOption]:
    """Every township for the picker, in statistics-code order."""
    frame = townships().sort_values("code")
    return [
        TownshipOption(code=str(r.code), name=str(r.name), name_en=str(r.name_en))
        for r in frame.itertuples()
    ]


def render_industry_townships(industry: str, options: list[TownshipOption], lang: Lang) -> None:
    """Below the map: the townships the highlighted industry is put in, by shade."""
    names = {o.code: township_label(o, lang) for o in options}
    shades = assigned_townships(industry)
    for shade in ("centred", "radiating"):
        codes = sorted(code for code, s in shades.items() if s == shade)
        if codes:
            listed = LIST_SEPARATOR[lang].join(names[c] for c in codes)
            st.markdown(t("shade_count", lang, shade=t(shade, lang), n=len(codes), names=listed))


@st.fragment
def render_map_and_panel(view: ViewState, townships_listed: list[TownshipOption]) -> None:
    """The map beside the township panel: a map event that selects nothing new re-runs only
    this; a click that picks another township re-runs the page (the sidebar picker shows it)."""
    if picked_on_map():
        st.rerun(scope="app")  # before drawing anything: the whole page shows the township
    lang = view.lang
    map_col, panel_col = st.columns([5, 3], gap="medium")
    with map_col:
        st.caption(t("map_hint", lang))
        show_map(view)
        if view.industry:
            render_industry_townships(view.industry, townships_listed, lang)
    with panel_col:
        township_tab, redline_tab = st.tabs([t("tab_township", lang), t("tab_redline", lang)],
                                            key="panel_tab", on_change="rerun")
        if township_tab.open:
            with township_tab:
                render_township_panel(view.township_code, lang)
        if redline_tab.open:
            with redline_tab:
                render_redline_panel(lang)


def render_viewer_page(lang: Lang) -> None:
    """Draw the whole viewer page for one script run (only the open tab builds its content)."""
    townships_listed = township_options()
    view = render_sidebar(
        lang, available_basemaps(lang), townships_listed, industry_options(plan(), lang)
    )
    st.title(t("app_title", lang))
    st.caption(t("app_caption", lang))
    map_tab, compare_tab, download_tab = st.tabs(
        [t("tab_map", lang), t("tab_compare", lang), t("tab_downloads", lang)],
        key="viewer_tab", on_change="rerun",
    )
    if map_tab.open:
        with map_tab:
            render_map_and_panel(view, townships_listed)
    if compare_tab.open:
        with compare_tab:
            render_compare_table(lang)
    if download_tab.open:
        with download_tab:
            render_exports(lang)
