"""The notice shown while the version store cannot serve an imported layer (map and admin page)."""

import streamlit as st

from geo import datastore
from geo.admin.store import StoreUnreadable
from ui.i18n import Lang, t
from ui.text import plain


def render_store_notice(lang: Lang, for_admin: bool = False) -> bool:
    """A warning naming the layers served from a fallback, and for admins what is wrong and how
    to recover. True when the store cannot be read at all (its history cannot be shown)."""
    troubles = datastore.store_troubles()
    if not troubles:
        return False
    last_good = [i for i in troubles if datastore.serving_last_good(i)]
    open_data = [i for i in troubles if i not in last_good]
    for key, layers in (("store_open_data", open_data), ("store_last_good", last_good)):
        if layers:
            st.warning(t(key, lang, layers=", ".join(layers)), icon="⚠️")
    if for_admin:
        for layer_id, trouble in troubles.items():
            st.error(plain(f"{layer_id}: {trouble.text(lang)}"))
        st.info(t("store_recover", lang))
    return any(isinstance(trouble, StoreUnreadable) for trouble in troubles.values())
