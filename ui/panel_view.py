"""The township and feature panel, drawn in the browser: the project's own component
(ui/panel_frame/, components.v1) shows the facts of the township and the features the map's
state names, from the facts resource (a versioned static file like the map resource, one per
language: every township's panel and every feature's facts as HTML, built by
ui/township_panel.py and ui/feature_panel.py). A township click therefore sends only state:
the panel follows the map's state in the browser (hd-host.js passes it on to its sibling
frames), its own arguments are the resource URL and the state of the last full run."""

import json
from html import escape
from pathlib import Path

import streamlit as st
import streamlit.components.v1 as components

from geo.data_version import data_version
from layers.identify import REDLINE_PREFIX, FeatureFacts, catalogue
from ui.feature_panel import LIST_SEPARATOR, feature_html, other_name
from ui.i18n import Lang, t
from ui.map_resource import data_modified, publish, resource_name
from ui.plan_data import plan
from ui.state import ViewState
from ui.township_panel import township_html

FRAME_DIR = Path(__file__).resolve().parent / "panel_frame"
PANEL_KEY = "township_panel_view"

_hd_panel = components.declare_component("hd_panel", path=str(FRAME_DIR))
PANEL_COMPONENT = _hd_panel.name  # "ui.panel_view.hd_panel": the iframe's title


def facts_text(lang: Lang) -> str:
    """The facts resource: JSON of every township's panel and every feature's facts (HTML)."""
    features = _one_per_shared_kind({i: f for i, f in catalogue().items()
                                     if f.kind != "township"})
    facts = {
        "hint": f'<div class="hd-hint">{escape(t("panel_pick", lang))}</div>',
        "townships": {code: township_html(code, lang) for code in plan().township_views},
        "features": {i: feature_html(f, lang) for i, f in features.items()},
        "names": {i: other_name(f, lang) for i, f in features.items()},
        "others": t("identify_others", lang, names="{names}"),
        "separator": LIST_SEPARATOR[lang],
    }
    return json.dumps(facts, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


SHARED_FACTS = (REDLINE_PREFIX,)
"""Id prefixes whose features all have the same facts (every parcel of the imported red line):
the facts resource holds them once, under '<prefix>*' (20 000 parcels would be 20 000 copies)."""


def _one_per_shared_kind(features: dict[str, FeatureFacts]) -> dict[str, FeatureFacts]:
    kept = {i: f for i, f in features.items() if not i.startswith(SHARED_FACTS)}
    for prefix in SHARED_FACTS:
        first = next((f for i, f in features.items() if i.startswith(prefix)), None)
        if first is not None:
            kept[f"{prefix}*"] = first
    return kept


@st.cache_resource(show_spinner=False, max_entries=8)
def _facts(lang: str, version: str  # noqa: ARG001 - the cache key
           ) -> tuple[str, str, float]:
    """(file name, text, data modification time) of the facts resource, once per version."""
    text = facts_text(lang)
    return resource_name(text, "facts", lang, suffix=".json"), text, data_modified()


def facts_url(lang: Lang) -> str:
    """The URL of the facts resource in `lang` (written on first use)."""
    name, text, modified = _facts(lang, data_version())
    return publish(text, name, modified)


def render_panel(view: ViewState, features: list[str]) -> None:
    """The panel of `view`'s township and the `features` (ids, most specific first)."""
    _hd_panel(facts=facts_url(view.lang), state={"township": view.township_code,
                                                  "features": features},
              key=PANEL_KEY, default=None)
