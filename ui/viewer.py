"""The viewer page: sidebar pickers, the map beside the township panel, table and downloads."""

from dataclasses import replace

import streamlit as st

from geo.basemaps import available_basemaps
from geo.plan.shades import industry_shades
from ui.compare_table import LIST_SEPARATOR, render_compare_table
from ui.data import townships
from ui.exports import render_exports
from ui.feature_panel import shown_features
from ui.i18n import Lang, t
from ui.map_view import show_map
from ui.panel_view import render_panel
from ui.plan_data import industry_options, plan
from ui.print_dialog import overlays_ask, render_print_button, take_overlays_answer
from ui.redline_panel import render_redline_panel
from ui.search_box import map_focus, render_search_box, render_search_results
from ui.share import apply_shared_link, keep_view_in_url
from ui.sidebar import TownshipOption, render_sidebar, township_label, township_picker
from ui.site_check import render_site_check, site_draw_state, take_drawn_site
from ui.state import FEATURE_KEY, ViewState
from ui.store_notice import render_store_notice
from ui.text import plain
from ui.workspace import panel_switch, workspace_style


def township_options() -> list[TownshipOption]:
    """Every township for the picker, in statistics-code order."""
    frame = townships().sort_values("code")
    return [
        TownshipOption(code=str(r.code), name=str(r.name), name_en=str(r.name_en))
        for r in frame.itertuples()
    ]


def render_industry_townships(industry: str, options: list[TownshipOption], lang: Lang) -> None:
    """Below the map: the townships the highlighted industry is put in, by shade."""
    names = {o.code: plain(township_label(o, lang)) for o in options}
    shades = industry_shades(plan(), industry)
    for shade in ("centred", "radiating"):
        codes = sorted(code for code, s in shades.items() if s == shade)
        if codes:
            listed = LIST_SEPARATOR[lang].join(names[c] for c in codes)
            st.markdown(t("shade_count", lang, shade=t(shade, lang), n=len(codes), names=listed))


@st.fragment
def render_map(view: ViewState, townships_listed: list[TownshipOption]) -> None:
    """The township picker and the map: a map event (a township click included) re-runs only
    this; the panel follows the map's state in the browser (ui/panel_view.py)."""
    view = replace(view, township_code=township_picker(view.lang, townships_listed))
    keep_view_in_url(view)
    event = show_map(view, focus=map_focus(view.basemap),
                     draw=site_draw_state(view.basemap, view.lang),
                     features=shown_features(st.session_state.get(FEATURE_KEY, [])) or None,
                     overlays_ask=overlays_ask())
    if take_drawn_site(event, view.basemap):
        st.rerun()  # outline the checked site and show its report (a rare event)
    if take_overlays_answer(event):
        st.rerun(scope="app")  # the print dialog, outside this fragment, opens with it


def render_workspace(view: ViewState, townships_listed: list[TownshipOption],
                     panel_open: bool = True) -> None:
    """The map beside the panel (or alone, the panel switched off)."""
    lang = view.lang
    with st.container(key="workspace"):
        if panel_open:
            map_col, panel_col = st.columns([5, 2], gap="small")
        else:  # the map takes the whole width
            map_col = panel_col = st.container()
    with map_col:
        render_map(view, townships_listed)
        render_print_button(view, lang)
        if view.industry:
            render_industry_townships(view.industry, townships_listed, lang)
    if not panel_open:
        return
    with panel_col, st.container(key="workspace_panel"):
        render_search_results(lang)
        township_tab, redline_tab, site_tab = st.tabs(
            [t("tab_township", lang), t("tab_redline", lang), t("tab_site", lang)],
            key="panel_tab", on_change="rerun")
        if township_tab.open:
            with township_tab:
                render_panel(view, shown_features(st.session_state.get(FEATURE_KEY, [])))
        if redline_tab.open:
            with redline_tab:
                render_redline_panel(lang)
        if site_tab.open:
            with site_tab:
                render_site_check(lang, view.basemap)


def render_viewer_page(lang: Lang) -> None:
    """Draw the whole viewer page for one script run (only the open tab builds its content)."""
    townships_listed = township_options()
    basemaps, industries = available_basemaps(lang), industry_options(plan(), lang)
    apply_shared_link(lang, {o.code: o.name for o in townships_listed},
                      [i for i, _ in industries], [b for b, _ in basemaps])
    view = render_sidebar(lang, basemaps, industries)
    keep_view_in_url(view)
    workspace_style()
    with st.container(key="workspace_header"):
        title_col, search_col, switch_col = st.columns([3, 5, 1.3], vertical_alignment="top")
        title_col.title(t("app_title", lang), help=t("app_caption", lang))
        with switch_col:
            panel_open = panel_switch(lang)
        with search_col:
            render_search_box(lang)
            if not panel_open:  # else listed at the top of the panel
                render_search_results(lang)
    render_store_notice(lang)
    map_tab, compare_tab, download_tab = st.tabs(
        [t("tab_map", lang), t("tab_compare", lang), t("tab_downloads", lang)],
        key="viewer_tab", on_change="rerun",
    )
    if map_tab.open:
        with map_tab:
            render_workspace(view, townships_listed, panel_open)
    if compare_tab.open:
        with compare_tab:
            render_compare_table(lang)
    if download_tab.open:
        with download_tab:
            render_exports(lang)
