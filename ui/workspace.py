"""The map-first layout of the viewer: a slim header (title, search box, panel switch), the
township picker and the map filling the window's height below it with the panel beside it
(collapsible), and on a narrow screen (<= 800 px) the panel below the map. Only CSS on
containers the page keys."""

import streamlit as st

from ui.i18n import Lang, t
from ui.map_view import MAP_COMPONENT

PANEL_KEY = "panel_open"
NARROW_PX = 800
# Height of what sits above the map on a desktop window: Streamlit's toolbar, the slim
# header and the tab bar (px); the map takes the rest of the window.
ABOVE_MAP_PX = 190
PICKER_PX = 56  # the township picker above the map (in the map's fragment)

_CSS = f"""<style>
.stMainBlockContainer {{ padding-top: 3.8rem; padding-bottom: 1rem; }}
.st-key-workspace_header h1 {{ font-size: 1.35rem; padding: 0.2rem 0 0; }}
.st-key-workspace iframe[title="{MAP_COMPONENT}"] {{
  height: calc(100vh - {ABOVE_MAP_PX + PICKER_PX}px) !important; min-height: 420px;
}}
.st-key-workspace_panel {{ max-height: calc(100vh - {ABOVE_MAP_PX}px); overflow-y: auto; }}
@media (max-width: {NARROW_PX}px) {{
  .st-key-workspace [data-testid="stHorizontalBlock"],
  .st-key-workspace_header [data-testid="stHorizontalBlock"] {{ flex-direction: column; }}
  .st-key-workspace [data-testid="stColumn"], .st-key-workspace_header [data-testid="stColumn"] {{
    width: 100% !important; flex: 1 1 100% !important;
  }}
  .st-key-workspace iframe[title="{MAP_COMPONENT}"] {{ height: 70vh !important; }}
  .st-key-workspace_panel {{ max-height: none; }}
}}
</style>"""


def workspace_style() -> None:
    """The layout's CSS (no visible element)."""
    st.html(_CSS)


def panel_switch(lang: Lang) -> bool:
    """The switch that shows or hides the panel beside the map; True when it is shown."""
    return st.toggle(t("panel_show", lang), value=True, key=PANEL_KEY, help=t("map_hint", lang))
