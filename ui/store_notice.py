"""The notice shown while the version store cannot serve an imported layer (map and admin page)."""

import streamlit as st

from geo import datastore
from geo.store.model import StoreUnreadable
from geo.store.rules import RULES
from ui.i18n import Lang, t
from ui.text import plain


def _titles(layer_ids: list[str], lang: Lang) -> str:
    names = [RULES[i].title_en if lang == "en" else RULES[i].title_zh for i in layer_ids]
    return t("store_layers", lang, layers=("; " if lang == "en" else "、").join(names))


def render_store_notice(lang: Lang, for_admin: bool = False) -> bool:
    """A warning naming the layers served from a fallback, and for admins what is wrong and how
    to recover. True when the store cannot be read at all (its history cannot be shown)."""
    troubles = datastore.store_troubles()
    if not troubles:
        return False
    unreadable = any(isinstance(trouble, StoreUnreadable) for trouble in troubles.values())
    last_good = [i for i in troubles if datastore.serving_last_good(i)]
    if last_good:
        st.warning(t("store_last_good", lang, layers=_titles(last_good, lang)), icon="⚠️")
    # An unreadable store does not say which layers it held: no list then, unless last good.
    open_data = [] if unreadable else [i for i in troubles if i not in last_good]
    if open_data or (unreadable and not last_good):
        st.warning(t("store_open_data", lang, layers=_titles(open_data, lang) if open_data
                     else ""), icon="⚠️")
    if for_admin:
        said = dict.fromkeys(trouble.text(lang) if isinstance(trouble, StoreUnreadable)
                             else f"{layer_id}: {trouble.text(lang)}"
                             for layer_id, trouble in troubles.items())
        for text in said:
            st.error(plain(text))
        st.info(t("store_recover", lang))
    return unreadable
