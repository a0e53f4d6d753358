"""Account management on the admin page (admins only): list, add, new password, role,
disable/enable, remove, and lifting login locks. Every button re-checks the session's role
against the store (ui.login.authorised) and the change is audited with the admin's account."""

from collections.abc import Callable
from datetime import UTC, datetime

import pandas as pd
import streamlit as st

from geo.admin.accounts import ALL_LAYERS, EDITOR, MANAGE_ACCOUNTS, ROLES, AccountError, Accounts
from geo.store.model import Account
from geo.store.rules import RULES
from ui import login
from ui.i18n import Lang, t
from ui.text import plain

FLASH_KEY = "accounts_flash"


def _state(account: Account, locked: set[str], lang: Lang) -> str:
    parts = [t("accounts_disabled" if account.disabled else "accounts_enabled", lang)]
    parts += [t("accounts_locked", lang)] if account.name in locked else []
    parts += [t("accounts_oidc", lang)] if account.password_hash is None else []
    return ", ".join(parts)


def _table(lang: Lang, accounts: list[Account], locked: set[str]) -> pd.DataFrame:
    return pd.DataFrame([{
        t("accounts_name", lang): a.name,
        t("accounts_role", lang): login.role_label(a.role, lang),
        t("accounts_layers", lang): (t("accounts_all_layers", lang) if a.layers == ALL_LAYERS
                                     else ", ".join(a.layers)),
        t("accounts_state", lang): _state(a, locked, lang),
        t("accounts_created", lang): a.created_at,
    } for a in accounts])


def _act(lang: Lang, change: Callable[[Accounts, str, str], str]) -> None:
    """Run one account change as the logged-in admin; show what happened or why not."""
    actor = login.authorised(MANAGE_ACCOUNTS)
    if actor is None:
        st.error(t("not_allowed", lang))
        return
    try:
        done = change(login.accounts(), actor.name, login.client_address())
    except AccountError as refused:
        st.error(plain(str(refused)))  # names the typed account
        return
    st.session_state[FLASH_KEY] = t("accounts_done", lang, what=plain(done))
    st.rerun()  # redraw the table with the change


def _add_form(lang: Lang) -> None:
    with st.form("accounts_add", clear_on_submit=True):
        st.markdown(f"**{t('accounts_add', lang)}**")
        name = st.text_input(t("accounts_name", lang))
        role = st.selectbox(t("accounts_role", lang), ROLES, index=0,
                            format_func=lambda r: login.role_label(r, lang))
        layers = st.multiselect(t("accounts_layers", lang), list(RULES),
                                help=t("accounts_layers_help", lang))
        oidc_only = st.checkbox(t("accounts_oidc_only", lang))
        password = st.text_input(t("accounts_password", lang), type="password")
        submitted = st.form_submit_button(t("accounts_create", lang))
    if submitted:
        _act(lang, lambda book, actor, client: book.add(
            name, role, None if oidc_only else password, actor, client,
            tuple(layers) or None).name)


def _manage(lang: Lang, accounts: list[Account]) -> None:
    current = login.session()
    names = [a.name for a in accounts]
    name = st.selectbox(t("accounts_pick", lang), names, key="accounts_pick")
    account = next(a for a in accounts if a.name == name)
    own = current is not None and current.name == name
    with st.form("accounts_passwd", clear_on_submit=True):
        password = st.text_input(t("accounts_new_password", lang), type="password")
        set_password = st.form_submit_button(t("accounts_set_password", lang))
    if set_password:
        def change(book: Accounts, actor: str, client: str) -> str:
            book.set_password(name, password, actor, client)
            if own:
                login.keep(current)
            return f"{name}: {t('accounts_new_password', lang)}"
        _act(lang, change)
    left, middle, right = st.columns(3)
    role = left.selectbox(t("accounts_role", lang), ROLES, index=ROLES.index(account.role),
                          key="accounts_role", format_func=lambda r: login.role_label(r, lang))
    if left.button(t("accounts_change_role", lang), key="accounts_change_role",
                   disabled=own or role == account.role):
        keep_layers = account.layers if role == EDITOR else None
        _act(lang, lambda book, actor, client: book.set_role(name, role, actor, client,
                                                             keep_layers).role)
    toggle = "accounts_enable" if account.disabled else "accounts_disable"
    if middle.button(t(toggle, lang), key="accounts_toggle", disabled=own):
        _act(lang, lambda book, actor, client: book.set_disabled(
            name, not account.disabled, actor, client).name)
    sure = right.checkbox(t("accounts_remove_confirm", lang), key="accounts_remove_sure")
    if right.button(t("accounts_remove", lang), key="accounts_remove", disabled=own or not sure):
        _act(lang, lambda book, actor, client: book.remove(name, actor, client) or name)
    if own:
        st.caption(t("accounts_self", lang))


def _locks(lang: Lang, locks: list[tuple[str, str, float]]) -> None:
    if not locks:
        return
    keys = {(f"client:{key}" if kind == "client" else key): until for kind, key, until in locks}
    picked = st.selectbox(t("accounts_locks", lang), list(keys), key="accounts_lock_pick",
                          format_func=lambda k: t("accounts_lock_until", lang, key=k, until=(
                              datetime.fromtimestamp(keys[k], UTC).strftime("%H:%M UTC"))))
    if st.button(t("accounts_unlock", lang), key="accounts_unlock"):
        _act(lang, lambda book, actor, client: book.unlock(picked, actor, client) or picked)


def render(lang: Lang) -> None:
    """The accounts section of the admin page."""
    st.subheader(t("accounts_title", lang))
    if FLASH_KEY in st.session_state:
        st.success(st.session_state.pop(FLASH_KEY))
    book = login.accounts()
    if login.legacy_password() and not book.bootstrap_enabled():
        st.warning(t("login_bootstrap_ignored", lang))
    locks = book.store.locked_keys(book.clock())
    accounts = book.store.accounts()
    st.dataframe(_table(lang, accounts, {k for kind, k, _ in locks if kind == "account"}),
                 hide_index=True)
    _add_form(lang)
    if accounts:
        _manage(lang, accounts)
    _locks(lang, locks)
