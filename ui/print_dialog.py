"""打印/导出图片: a dialog that prints the current view as a map sheet (PDF or PNG, previewed
before download), and the township atlas with a progress bar. Drawing is geo/sheets; this
module only asks and hands over (matplotlib is imported when a sheet is drawn, not here).

The sheet shows the overlays switched on in the map's layer control. Toggling them is the
browser's alone (no message, no re-run), so the print button asks the map first: while an
ask is pending the map's state carries `overlays_ask` (a number), the map answers once with
{type: "overlays", ask, visible} (static/map/hd-host.js) and the dialog opens with those
overlays chosen.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
from dataclasses import replace
from pathlib import Path

import streamlit as st

from geo.basemaps import TileSource, tiles_for
from geo.plan.current import plan
from geo.sheets.overlays import THEMES
from geo.sheets.paper import ORIENTATIONS, PAPERS_MM
from geo.sheets.views import DEFAULT_OVERLAYS, VIEWS, default_title
from layers.map import THEMES as MAP_THEMES
from ui.i18n import Lang, t
from ui.state import ViewState
from ui.text import plain

FORMATS = ("pdf", "png")
PREVIEW_DPI = 70
DPI_RANGE = (72, 600)
RESULT_KEY = "print_result"
ATLAS_KEY = "print_atlas"
ASK_KEY = "print_overlays_ask"  # the number of the ask the map has not answered yet
VISIBLE_KEY = "print_overlays_visible"  # the map's answer, until the print button takes it
ASKED_KEY = "print_overlays_asked"  # asks so far in this session


def default_view(view: ViewState) -> str:
    """The sheet that matches what the map shows: the picked township, else the highlighted
    industry, else the county."""
    if view.township_code:
        return "township"
    return "industry" if view.industry else "county"


def tile_sources(view: ViewState, lang: Lang) -> tuple[TileSource, ...]:
    """The map's basemap as tile sources for the sheet (none for 无底图)."""
    return tuple(tiles_for(view.basemap, lang, view.custom_tile_url))


def overlays_ask() -> int | None:
    """The map state `overlays_ask`: the pending ask's number, or None (ui/viewer.py sends
    it with the map)."""
    return st.session_state.get(ASK_KEY)


def _ask_the_map() -> None:
    asked = st.session_state.get(ASKED_KEY, 0) + 1
    st.session_state[ASKED_KEY] = asked
    st.session_state[ASK_KEY] = asked


def take_overlays_answer(event: dict | None) -> bool:
    """Keep the map's answer to the pending ask (its switched-on overlays, in the sheets'
    theme order) for the print button, once; False when `event` is not that answer. The map's
    fragment calls it and re-runs the page, whose print button opens the dialog."""
    ask = st.session_state.get(ASK_KEY)
    if ask is None or not event or event.get("type") != "overlays" or event.get("ask") != ask:
        return False
    del st.session_state[ASK_KEY]
    visible = {str(theme) for theme in event.get("visible") or []}
    st.session_state[VISIBLE_KEY] = tuple(theme for theme in THEMES if theme in visible)
    return True


def _overlay_choice(kind: str, visible: tuple[str, ...] | None, lang: Lang) -> tuple[str, ...]:
    """The overlays to print: the map's switched-on ones pre-selected (the view's defaults
    when the map's are not known); the user may change them."""
    titles = {theme.LAYER_ID: theme.title(lang) for theme in MAP_THEMES}
    key = f"print_overlays_{st.session_state.get(ASKED_KEY, 0)}" if visible is not None else (
        f"print_overlays_{kind}")
    chosen = st.multiselect(t("print_overlays", lang), THEMES, format_func=titles.get,
                            default=DEFAULT_OVERLAYS[kind] if visible is None else visible,
                            key=key)
    return tuple(theme for theme in THEMES if theme in chosen)


def _sheet_form(view: ViewState, lang: Lang, visible: tuple[str, ...] | None = None) -> None:
    from geo.sheets.sheet import SheetSpec, render

    facts = plan()
    kind = st.selectbox(t("print_view", lang), VIEWS, index=VIEWS.index(default_view(view)),
                        format_func=lambda v: t(f"print_view_{v}", lang))
    township = industry = None
    if kind == "township":
        codes = [tw.code for tw in sorted(facts.townships, key=lambda tw: tw.code)]
        names = {tw.code: tw.name if lang == "zh" else tw.name_en for tw in facts.townships}
        township = st.selectbox(t("township", lang), codes, format_func=names.get,
                                index=codes.index(view.township_code)
                                if view.township_code in codes else 0)
    if kind == "industry":
        ids = [i.id for i in facts.industries]
        names = {i.id: i.name if lang == "zh" else (i.name_en or i.name)
                 for i in facts.industries}
        industry = st.selectbox(t("industry", lang), ids, format_func=names.get,
                                index=ids.index(view.industry) if view.industry in ids else 0)
    title = st.text_input(t("print_title_field", lang),
                          value=default_title(kind, lang, facts, township, industry),
                          key=f"print_title_{kind}_{township}_{industry}")
    overlays = _overlay_choice(kind, visible, lang)
    left, right = st.columns(2)
    paper = left.radio(t("print_paper", lang), list(PAPERS_MM), horizontal=True)
    orientation = right.radio(t("print_orientation", lang), ORIENTATIONS, horizontal=True,
                              format_func=lambda o: t(f"print_{o}", lang))
    fmt = left.radio(t("print_format", lang), [f.upper() for f in FORMATS],
                     horizontal=True).lower()
    dpi = right.number_input(t("print_dpi", lang), *DPI_RANGE, value=300, step=50)
    organisation = st.text_input(t("print_organisation", lang), value="")
    tiles: tuple[TileSource, ...] = ()
    if view.basemap != "none" and st.checkbox(t("print_basemap", lang), value=False):
        approval = st.text_input(t("print_approval", lang), value="")
        tiles = tuple(replace(s, approval=approval) for s in tile_sources(view, lang))
    if st.button(t("print_make", lang), type="primary"):
        spec = SheetSpec(view=kind, township=township, industry=industry, paper=paper,
                         orientation=orientation, title=title or None, lang=lang,
                         organisation=organisation, date=dt.date.today(), overlays=overlays,
                         tiles=tiles, dpi=int(dpi))
        with st.spinner(t("print_drawing", lang)):
            sheet = render(spec, facts)
            out, preview = io.BytesIO(), io.BytesIO()
            sheet.figure.savefig(out, format=fmt, dpi=int(dpi), metadata=sheet.metadata(fmt))
            sheet.figure.savefig(preview, format="png", dpi=PREVIEW_DPI)
        st.session_state[RESULT_KEY] = (f"{sheet.content.title}.{fmt}", fmt, out.getvalue(),
                                        preview.getvalue())
    result = st.session_state.get(RESULT_KEY)
    if result:
        name, fmt, data, preview = result
        st.download_button(t("print_download", lang), data, file_name=name,
                           mime="application/pdf" if fmt == "pdf" else "image/png",
                           on_click="ignore", type="primary")
        st.image(preview, caption=plain(name))


def _atlas_form(lang: Lang) -> None:
    from geo.sheets.atlas import write_atlas

    paper = st.radio(t("print_paper", lang), list(PAPERS_MM), horizontal=True, key="atlas_paper")
    organisation = st.text_input(t("print_organisation", lang), value="", key="atlas_org")
    if st.button(t("print_atlas_make", lang), type="primary"):
        bar = st.progress(0.0, text=t("print_drawing", lang))

        def progress(done: int, total: int, name: str) -> None:
            bar.progress(done / total, text=f"{done}/{total} {plain(name)}")

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "atlas.pdf"
            write_atlas(path, paper, "portrait", lang, organisation, dt.date.today(), progress)
            st.session_state[ATLAS_KEY] = path.read_bytes()
    data = st.session_state.get(ATLAS_KEY)
    if data:
        st.download_button(t("print_download", lang), data, file_name=t("print_atlas_file", lang),
                           mime="application/pdf", on_click="ignore", type="primary")


def render_print_button(view: ViewState, lang: Lang) -> None:
    """The 打印/导出图片 and 乡镇图集 buttons; each opens its dialog (the sheet's once the map
    has said which overlays are on: the run its answer makes)."""
    left, right = st.columns(2)
    left.button(t("print_button", lang), icon=":material/print:", key="print_open",
                on_click=_ask_the_map)
    visible = st.session_state.pop(VISIBLE_KEY, None)
    if visible is not None:
        st.session_state.pop(RESULT_KEY, None)
        st.dialog(t("print_button", lang), width="large")(_sheet_form)(view, lang, visible)
    if right.button(t("print_atlas_button", lang), icon=":material/menu_book:",
                    key="print_atlas_open"):
        st.session_state.pop(ATLAS_KEY, None)
        st.dialog(t("print_atlas_button", lang), width="medium")(_atlas_form)(lang)
