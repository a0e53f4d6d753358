"""衡东县 十四五 spatial-layout viewer: `streamlit run app.py`."""

import streamlit as st

from geo.admin.settings import login_required
from ui.health import missing_pieces, render_missing_pieces
from ui.i18n import t
from ui.login import account_bar
from ui.pages import admin_page, login_page, viewer_page
from ui.sidebar import current_lang, language_switch

st.set_page_config(page_title=t("app_title", current_lang()), page_icon="🗺️", layout="wide")
lang = language_switch()
if missing := missing_pieces():  # setup not run, or data/ damaged: say what and how to fix
    render_missing_pieces(missing, lang)
    st.stop()
with st.sidebar:
    logged_in = account_bar(lang) is not None
if login_required() and not logged_in:
    pages = [st.Page(login_page, title=t("login_title", lang), url_path="login", default=True)]
else:
    pages = [
        st.Page(viewer_page, title=t("page_viewer", lang), url_path="map", default=True),
        st.Page(admin_page, title=t("page_admin", lang), url_path="admin"),
    ]
st.navigation(pages, position="sidebar").run()
