"""What the user has chosen: the view state shared by the sidebar, the map and the panels."""

from dataclasses import dataclass

from ui.i18n import Lang

# st.session_state keys of the sidebar widgets (the map click writes TOWNSHIP_KEY too).
LANG_KEY = "lang"
BASEMAP_KEY = "basemap"
CUSTOM_URL_KEY = "custom_tile_url"
TOWNSHIP_KEY = "township_code"
INDUSTRY_KEY = "industry"
# Issue 14: what the map flies to and marks (a search result), and the ids whose facts the
# feature panel shows (a map click's or a search result's).
FOCUS_KEY = "focus"
FEATURE_KEY = "feature_ids"


@dataclass(frozen=True)
class ViewState:
    """The language, basemap, selected township and highlighted industry of one run."""

    lang: Lang
    basemap: str
    custom_tile_url: str | None
    township_code: str | None
    industry: str | None
