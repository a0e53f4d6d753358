"""Shareable view: the URL carries the selected township, industry and basemap.

Format (all optional, in any order):

    ?township=430424103000&industry=huanggongjiao&basemap=amap

- township: the 12-digit statistics code (as in data/layers/townships.geojson), or the
  township's Chinese name (大浦镇);
- industry: an industry id of data/plan/industries.yaml (the industry picker's);
- basemap: a basemap id offered on this server (osm, amap, none; carto_light, tianditu and
  custom only where configured).

A parameter or value this server does not know is ignored with a notice; the rest of the link
still applies. Streamlit's own parameters (embed, embed_options) are left alone.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import streamlit as st

from ui.i18n import Lang, t
from ui.sidebar import set_choice
from ui.state import BASEMAP_KEY, INDUSTRY_KEY, TOWNSHIP_KEY, ViewState

STREAMLIT_PARAMS = frozenset({"embed", "embed_options"})
APPLIED_KEY = "share_applied"  # session key: the link was read at the session's first run
MAX_SHOWN_CHARS = 40  # a garbage value is shown cut to this length in the notice


@dataclass(frozen=True)
class SharedView:
    """What a link asks for, and the (parameter, value) pairs it had that were ignored."""

    township: str | None = None
    industry: str | None = None
    basemap: str | None = None
    ignored: tuple[tuple[str, str], ...] = ()


def _first(value: str | Sequence[str]) -> str:
    return value if isinstance(value, str) else (value[0] if value else "")


def parse_shared_view(
    params: Mapping[str, str | Sequence[str]],
    townships: Mapping[str, str],
    industries: Sequence[str],
    basemaps: Sequence[str],
) -> SharedView:
    """The view a link's query parameters ask for. townships: code -> Chinese name."""
    by_name = {name: code for code, name in townships.items()}
    chosen: dict[str, str] = {}
    ignored = []
    for param, raw in params.items():
        value = _first(raw).strip()
        if param in STREAMLIT_PARAMS:
            continue
        if param == "township":
            found = value if value in townships else by_name.get(value)
        elif param == "industry":
            found = value if value in industries else None
        elif param == "basemap":
            found = value if value in basemaps else None
        else:
            found = None
        if found is None:
            ignored.append((param, value))
        else:
            chosen[param] = found
    return SharedView(**chosen, ignored=tuple(ignored))


def shared_params(view: ViewState) -> dict[str, str]:
    """The query parameters that reopen `view` (nothing for what is not chosen)."""
    values = {"township": view.township_code, "industry": view.industry,
              "basemap": view.basemap}
    return {param: value for param, value in values.items() if value}


def _shown(text: str) -> str:
    return text if len(text) <= MAX_SHOWN_CHARS else text[:MAX_SHOWN_CHARS] + "…"


def apply_shared_link(
    lang: Lang, townships: Mapping[str, str], industries: Sequence[str], basemaps: Sequence[str]
) -> None:
    """At a session's first run: choose what the link asks for in the pickers and tell what
    was ignored. Call before the sidebar is drawn."""
    if st.session_state.get(APPLIED_KEY):
        return
    st.session_state[APPLIED_KEY] = True
    shared = parse_shared_view(st.query_params.to_dict(), townships, industries, basemaps)
    for key, value in ((TOWNSHIP_KEY, shared.township), (INDUSTRY_KEY, shared.industry),
                       (BASEMAP_KEY, shared.basemap)):
        if value:
            set_choice(key, value)
    for param, value in shared.ignored:
        st.toast(t("share_unknown", lang, param=_shown(param), value=_shown(value)), icon="⚠️")


def keep_view_in_url(view: ViewState) -> None:
    """Write the current view into the address bar, so copying the URL shares it."""
    wanted = shared_params(view)
    current = {k: v for k, v in st.query_params.to_dict().items() if k not in STREAMLIT_PARAMS}
    if current != wanted:
        kept = {k: v for k, v in st.query_params.to_dict().items() if k in STREAMLIT_PARAMS}
        st.query_params.from_dict({**kept, **wanted})
