"""The search box above the map: type, pick a result; the map flies there (state key `focus`),
the township panel and the result's facts open, an industry or brand highlights its townships.
"""

import hashlib

import streamlit as st

from geo import datastore
from geo.data_version import layer_version, per_version, plan_version
from geo.search import SearchIndex, SearchResult, build_index
from layers.geojson import display_latlon
from layers.identify import area_id, catalogue
from ui.i18n import Lang, t
from ui.plan_data import pick, plan
from ui.sidebar import set_choice
from ui.state import FEATURE_KEY, FOCUS_KEY, INDUSTRY_KEY, TOWNSHIP_KEY
from ui.text import plain

QUERY_KEY = "search_query"


@per_version(lambda: (plan_version(), layer_version("villages")), maxsize=2)
def search_index() -> SearchIndex:
    """The index of the current plan and village layer, built once per version."""
    return build_index(plan(), datastore.load_layer("villages"))


def result_label(result: SearchResult, lang: Lang) -> str:
    """One result as listed: name, kind and township."""
    township = ""
    if result.township and result.kind != "township":
        township = result.township if lang == "zh" else plan().resolve(result.township).name_en
    parts = (pick(lang, result.label, result.label_en), t(f"kind_{result.kind}", lang), township)
    return " · ".join(part for part in parts if part)


def feature_ids(result: SearchResult) -> list[str]:
    """The map features that draw a result (for its facts), most specific first."""
    known = catalogue()
    ids = [result.id, *(area_id(result.id, code) for code in result.townships)]
    return [i for i in ids if i in known]


def focus_of(result: SearchResult, seq: int) -> dict:
    """The `focus` state for the map: a point to fly to and mark, or a township to frame."""
    target = result.target
    focus = {"seq": seq, "kind": result.kind, "id": result.id, "label": result.label}
    if target is None:
        return focus
    if target.lat is not None:
        return {**focus, "lat": target.lat, "lon": target.lon, "zoom": target.zoom}
    return {**focus, "township": target.township_code}


def map_focus(basemap: str) -> dict | None:
    """The picked result's focus for the map, its point in the basemap's coordinates."""
    focus = st.session_state.get(FOCUS_KEY)
    if not focus or "lat" not in focus:
        return focus
    lat, lon = display_latlon(focus["lat"], focus["lon"], basemap)
    return {**focus, "lat": lat, "lon": lon}


def pick_result(result: SearchResult) -> None:
    """What picking a result does to the view (a widget callback)."""
    previous = st.session_state.get(FOCUS_KEY) or {}
    st.session_state[FOCUS_KEY] = focus_of(result, int(previous.get("seq", 0)) + 1)
    st.session_state[FEATURE_KEY] = feature_ids(result)
    if result.industry:
        set_choice(INDUSTRY_KEY, result.industry)
    if result.kind != "industry" and result.township_code:
        set_choice(TOWNSHIP_KEY, result.township_code)


def _query_key(query: str) -> str:
    return "search_hits_" + hashlib.sha1(query.encode("utf-8")).hexdigest()[:10]


def render_search_box(lang: Lang) -> None:
    """The search box (its results are drawn by render_search_results)."""
    st.text_input(t("search", lang), key=QUERY_KEY, placeholder=t("search_placeholder", lang),
                  label_visibility="collapsed", icon=":material/search:")


def render_search_results(lang: Lang) -> None:
    """The results of what is typed in the search box, as chips to pick."""
    query = st.session_state.get(QUERY_KEY) or ""
    if not query.strip():
        return
    results = search_index().query(query)
    if not results:
        st.caption(t("search_none", lang, query=plain(query.strip()[:40])))
        return
    labels = [plain(result_label(result, lang)) for result in results]  # chips render markdown
    key = _query_key(f"{lang}|{query}")  # new chips for a new query: none pre-selected

    def picked() -> None:
        chosen = st.session_state.get(key)
        if chosen is not None:
            pick_result(results[chosen])

    st.pills(t("search", lang), list(range(len(results))), format_func=labels.__getitem__,
             key=key, on_change=picked, label_visibility="collapsed")
