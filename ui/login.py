"""Who is using the app: the login form (local accounts, or the OIDC identity provider through
st.login / st.user), the session's account re-checked at every action, logout, and the client
address written to the audit log. The rules themselves are in geo.admin.accounts."""

import importlib.util
import math
import os

import streamlit as st

from geo.admin import settings
from geo.admin.accounts import Accounts, LoginResult, Session, may
from geo.store import open_store
from ui.i18n import Lang, t
from ui.text import plain

SESSION_KEY = "auth_session"
ENDED_KEY = "auth_session_ended"
OIDC_REFUSED_KEY = "auth_oidc_refused"
LEGACY_SECRET_KEY = "admin_password"


def accounts() -> Accounts:
    """The account rules on the deployment's store (not through geo.admin.service, whose import
    code the viewer must not load)."""
    return Accounts(open_store())


def client_address() -> str:
    """The browser's address for throttling and the audit (X-Forwarded-For only when the
    deployment says a reverse proxy sets it)."""
    if settings.proxy_trusted():
        forwarded = st.context.headers.get("X-Forwarded-For")
        if isinstance(forwarded, str) and forwarded.split(",")[0].strip():
            return forwarded.split(",")[0].strip()
    address = st.context.ip_address  # None on localhost (and not a str outside a server)
    return address if isinstance(address, str) and address else "localhost"


def _secret(key: str) -> object:
    try:
        return st.secrets.get(key)
    except Exception:  # no secrets file at all
        return None


def legacy_password() -> str | None:
    """The deprecated shared admin password (HENGDONG_ADMIN_PASSWORD or `admin_password` in
    secrets), which only bootstraps a store without accounts."""
    configured = os.environ.get(settings.LEGACY_PASSWORD_ENV) or _secret(LEGACY_SECRET_KEY)
    return str(configured) if configured else None


def oidc_configured() -> bool:
    """Whether `.streamlit/secrets.toml` has an [auth] section (an OIDC identity provider)."""
    return bool(_secret("auth"))


def role_label(role: str, lang: Lang) -> str:
    """A role's name as shown to users."""
    return t(f"role_{role}", lang)


def session() -> Session | None:
    """This browser session's account as the store sees it now, None when nobody is logged in.
    A session whose account got a new password or role, or was disabled, ends here."""
    held = st.session_state.get(SESSION_KEY)
    if held is None:
        return _identity_session()
    book = accounts()
    current = book.current(held)
    if current is None:
        book.record(held, "session-ended", "ended", client_address(),
                    detail="account changed, disabled or removed")
        del st.session_state[SESSION_KEY]
        st.session_state[ENDED_KEY] = True
        return None
    st.session_state[SESSION_KEY] = current
    return current


def _identity_session() -> Session | None:
    """A session for the identity provider's user (st.user), when its account exists here."""
    if not oidc_configured() or not st.user.is_logged_in:
        return None
    identity = str(st.user.get("email") or st.user.get("sub") or "")
    if st.session_state.get(OIDC_REFUSED_KEY) == identity:
        return None  # refused once in this session: audited once
    result = accounts().authenticate_identity(identity, client_address())
    if result.session is None:
        st.session_state[OIDC_REFUSED_KEY] = identity
        return None
    st.session_state[SESSION_KEY] = result.session
    return result.session


def authorised(action: str, layer_id: str | None = None) -> Session | None:
    """The session when its account may do `action` right now, else None (audited)."""
    current = session()
    if current is not None and may(current.role, current.layers, action, layer_id):
        return current
    accounts().record(current, action, "refused", client_address(), layer_id or "",
                      "role does not allow it" if current else "not logged in")
    return None


def keep(current: Session) -> None:
    """Keep this session after a change to its own account (a new password)."""
    st.session_state[SESSION_KEY] = accounts().renewed(current)


def login_form(lang: Lang, key: str = "login") -> None:
    """The login: identity provider button and/or the local account form (or the deprecated
    shared password while no account exists)."""
    if st.session_state.pop(ENDED_KEY, False):
        st.warning(t("session_ended", lang))
    refused = st.session_state.get(OIDC_REFUSED_KEY)
    if refused:
        st.error(t("login_oidc_unknown", lang, name=plain(refused)))
    if oidc_configured() and st.button(t("login_oidc", lang), key=f"{key}_oidc"):
        if importlib.util.find_spec("authlib") is None:
            st.error(t("login_oidc_authlib", lang))
        else:
            st.login()
    book = accounts()
    if book.bootstrap_enabled():
        expected = legacy_password()
        if expected is None:
            st.info(t("login_no_accounts", lang))
            return
        st.warning(t("login_bootstrap", lang))
        with st.form(f"{key}_bootstrap", clear_on_submit=True):
            given = st.text_input(t("login_bootstrap_password", lang), type="password")
            submitted = st.form_submit_button(t("login_submit", lang))
        if submitted:
            _finish(lang, book.authenticate_bootstrap(given, expected, client_address()))
        return
    with st.form(f"{key}_form", clear_on_submit=True):
        name = st.text_input(t("login_name", lang))
        password = st.text_input(t("login_password", lang), type="password")
        submitted = st.form_submit_button(t("login_submit", lang))
    if submitted:
        _finish(lang, book.authenticate(name, password, client_address()))


def _finish(lang: Lang, result: LoginResult) -> None:
    if result.session is not None:
        st.session_state[SESSION_KEY] = result.session
        st.session_state.pop(OIDC_REFUSED_KEY, None)
        st.rerun()
    elif result.reason == "locked":
        st.error(t("login_locked", lang, minutes=math.ceil(result.wait_s / 60)))
    elif result.reason == "wait":
        st.error(t("login_wait", lang, seconds=math.ceil(result.wait_s)))
    else:
        st.error(t("login_failed", lang))


def account_bar(lang: Lang) -> Session | None:
    """Who is logged in, and the logout button (in the sidebar of every page)."""
    current = session()
    if current is None:
        return None
    st.caption(t("login_as", lang, name=plain(current.name), role=role_label(current.role, lang)))
    if st.button(t("logout", lang), key="logout"):
        accounts().record(current, "logout", "ok", client_address(), detail=current.via)
        del st.session_state[SESSION_KEY]
        if current.via == "oidc":
            st.logout()  # clears st.user's cookie and starts a new session
        else:
            st.rerun()
    return current


def login_page(lang: Lang) -> None:
    """The only page when HENGDONG_REQUIRE_LOGIN=1 and nobody is logged in."""
    st.title(t("login_title", lang))
    st.caption(t("login_required", lang))
    login_form(lang, "page_login")
