"""What the user has chosen: the view state shared by the sidebar, the map and the panels."""

from dataclasses import dataclass

from ui.i18n import Lang

# st.session_state keys of the sidebar widgets (the map click writes TOWNSHIP_KEY too).
LANG_KEY = "lang"
BASEMAP_KEY = "basemap"
CUSTOM_URL_KEY = "custom_tile_url"
TOWNSHIP_KEY = "township_code"
INDUSTRY_KEY = "industry"


@dataclass(frozen=True)
class ViewState:
    """The language, basemap, selected township and highlighted industry of one run."""

    lang: Lang
    basemap: str
    custom_tile_url: str | None
    township_code: str | None
    industry: str | None
