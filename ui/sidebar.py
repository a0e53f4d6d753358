"""The pickers: language, basemap (with a custom XYZ URL) and industry in the sidebar; the
township picker above the map."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import streamlit as st

from geo.basemaps import tile_url_problem
from ui.i18n import DEFAULT_LANG, LANGS, Lang, t
from ui.state import (
    BASEMAP_KEY,
    CUSTOM_URL_KEY,
    INDUSTRY_KEY,
    LANG_KEY,
    TOWNSHIP_KEY,
    ViewState,
)

CUSTOM_BASEMAP = "custom"
NO_BASEMAP = "none"


@dataclass(frozen=True)
class TownshipOption:
    """A township as the picker lists it."""

    code: str
    name: str
    name_en: str


def township_label(option: TownshipOption, lang: Lang) -> str:
    """Picker label carrying both names, so either can be typed to search."""
    if lang == "zh":
        return f"{option.name}（{option.name_en}）"
    return f"{option.name_en} ({option.name})"


def valid_tile_url(url: str) -> bool:
    """True for a URL the custom basemap accepts (geo.basemaps.tile_url_problem)."""
    return tile_url_problem(url.strip()) is None


def widget_key(state_key: str, lang: Lang) -> str:
    """Session key of a picker drawn in `lang`. Each language gets its own widget, because a
    selectbox keeps showing the label it was drawn with; the value lives under state_key."""
    return f"{state_key}__{lang}"


def set_choice(state_key: str, value: str) -> None:
    """Choose `value` in a picker from outside it (e.g. a click on the map)."""
    st.session_state[state_key] = value
    for lang in LANGS:
        st.session_state[widget_key(state_key, lang)] = value


def _picker(
    label: str,
    options: list[str],
    state_key: str,
    lang: Lang,
    format_func: Callable[[str], str],
    help_text: str | None = None,
    where: Any = st.sidebar,
    **options_kw: Any,
) -> str:
    """A selectbox (in the sidebar unless `where` says otherwise) whose choice survives a
    language switch (kept under state_key)."""
    chosen = st.session_state.get(state_key)
    key = widget_key(state_key, lang)

    def keep_choice() -> None:
        set_choice(state_key, st.session_state[key])

    # A widget that has a session value takes it from there (and must not get an index too).
    index = 0 if key in st.session_state or chosen not in options else options.index(chosen)
    return where.selectbox(
        label,
        options,
        index=index,
        key=key,
        format_func=format_func,
        help=help_text,
        on_change=keep_choice,
        **options_kw,
    )


def current_lang() -> Lang:
    """The language chosen so far in this session (the default before the switch exists)."""
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANG)
    return lang if lang in LANGS else DEFAULT_LANG


def language_switch() -> Lang:
    """The 中文 / English switch at the top of the sidebar."""
    return st.sidebar.radio(
        t("language", current_lang()),
        LANGS,
        key=LANG_KEY,
        format_func=lambda code: t(f"lang_{code}", code),
        horizontal=True,
    )


def _basemap_picker(lang: Lang, basemaps: Sequence[tuple[str, str]]) -> tuple[str, str | None]:
    """(basemap to draw, custom tile URL). The custom option is always offered; until it has a
    valid URL (typed here, or HENGDONG_TILE_URL when the map engine lists it) no tiles show."""
    labels = dict(basemaps)
    url_configured = CUSTOM_BASEMAP in labels
    labels.setdefault(CUSTOM_BASEMAP, t("custom_tile_url", lang))
    basemap = _picker(t("basemap", lang), list(labels), BASEMAP_KEY, lang, labels.__getitem__)
    if basemap != CUSTOM_BASEMAP:
        return basemap, None
    url = st.sidebar.text_input(
        t("custom_tile_url", lang), key=CUSTOM_URL_KEY, help=t("custom_tile_help", lang)
    ).strip()
    if valid_tile_url(url):
        return basemap, url
    if url or not url_configured:
        st.sidebar.warning(t("custom_tile_invalid", lang))
        return NO_BASEMAP, None
    return basemap, None


def township_picker(lang: Lang, townships: Sequence[TownshipOption]) -> str | None:
    """The township picker, drawn where the caller is (above the map, in the map's fragment,
    so that a click on the map shows its township here without a page re-run)."""
    by_code = {option.code: option for option in townships}
    code = _picker(
        t("township", lang),
        ["", *by_code],
        TOWNSHIP_KEY,
        lang,
        lambda c: township_label(by_code[c], lang) if c else t("whole_county", lang),
        where=st,
        label_visibility="collapsed",
    )
    return code or None


def render_sidebar(
    lang: Lang,
    basemaps: Sequence[tuple[str, str]],
    industries: Sequence[tuple[str, str]],
) -> ViewState:
    """Draw the pickers below the language switch and return what they hold (the township:
    as last chosen, its picker is above the map)."""
    basemap, custom_url = _basemap_picker(lang, basemaps)
    industry_labels = dict(industries)
    industry = _picker(
        t("industry", lang),
        ["", *industry_labels],
        INDUSTRY_KEY,
        lang,
        lambda i: industry_labels[i] if i else t("no_industry", lang),
        t("industry_help", lang),
    )
    return ViewState(
        lang=lang,
        basemap=basemap,
        custom_tile_url=custom_url,
        township_code=st.session_state.get(TOWNSHIP_KEY) or None,
        industry=industry or None,
    )
