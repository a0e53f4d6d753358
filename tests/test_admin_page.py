"""The admin page through Streamlit's AppTest: login (local accounts, the deprecated shared
password), logout, what each role sees and may do, crafted session state, a session ended by a
password change, and the audit rows every action leaves."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.admin import service
from geo.admin.accounts import ADMIN, EDITOR, VIEWER, Accounts, Session
from geo.admin.problems import RejectedFile
from geo.store import open_store
from tests.admin_support import official_townships, write_geojson

PASSWORD = "correct horse battery staple"


def _page(lang: str = "zh") -> None:
    import streamlit as st

    from ui.admin_page import render_admin_page
    from ui.login import account_bar

    with st.sidebar:
        account_bar(lang)
    render_admin_page(lang)


@pytest.fixture(autouse=True)
def admin_dir(admin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The isolated store of tests/conftest.py, without the legacy password or login delays."""
    monkeypatch.delenv("HENGDONG_ADMIN_PASSWORD", raising=False)
    # Attempts from one test client follow each other faster than any delay; the delays have
    # their own tests (here and in test_admin_throttling.py).
    monkeypatch.setenv("HENGDONG_LOGIN_DELAY_SECONDS", "0")
    return admin_dir


def _book() -> Accounts:
    return Accounts(open_store())


def _add(name: str, role: str, layers: tuple[str, ...] | None = None) -> None:
    _book().add(name, role, PASSWORD, "cli:test", "cli", layers)


def _run(lang: str = "en") -> AppTest:
    return AppTest.from_function(_page, args=(lang,), default_timeout=60).run()


def _widget(app: AppTest, kind: str, label: str):
    return next(w for w in getattr(app, kind) if w.label == label)


def _login(app: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    _widget(app, "text_input", "Account").input(name)
    _widget(app, "text_input", "Password").input(password)
    return _widget(app, "button", "Log in").click().run()


def _keys(app: AppTest) -> set[str]:
    """Keys of the admin widgets drawn (actions, uploads, panels)."""
    widgets = [*app.button, *app.get("file_uploader"), *app.selectbox, *app.multiselect,
               *app.get("download_button")]
    return {w.key for w in widgets if w.key and w.key.startswith(("admin_", "audit_",
                                                                   "accounts_", "logout"))}


def _audit(action: str | None = None) -> list[tuple]:
    rows = reversed(open_store().audit_entries())
    return [(r["action"], r["outcome"], r["admin"], r["client"], r["layer_id"])
            for r in rows if action is None or r["action"] == action]


def test_without_accounts_or_shared_password_nothing_can_be_done() -> None:
    app = _run()
    assert not app.exception
    assert "users add NAME --role admin" in app.info[0].value
    assert not app.text_input and not _keys(app)


def test_the_deprecated_shared_password_bootstraps_until_an_account_exists(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_ADMIN_PASSWORD", PASSWORD)
    app = _run()
    assert "deprecated" in app.warning[0].value
    _widget(app, "text_input", "Shared admin password").input(PASSWORD)
    app = _widget(app, "button", "Log in").click().run()
    assert {"admin_upload", "admin_rollback", "audit_csv", "logout"} <= _keys(app)
    assert "Logged in: bootstrap (admin)" in [c.value for c in app.sidebar.caption]
    other = _run()
    _widget(other, "text_input", "Shared admin password").input("guess")
    other = _widget(other, "button", "Log in").click().run()
    assert [e.value for e in other.error] == ["Wrong account or password."]
    assert not _keys(other)
    _add("alice", ADMIN)  # the first account: the shared password stops working
    app = app.run()
    assert "admin_upload" not in _keys(app)
    assert "Account" in [w.label for w in app.text_input]
    app = _login(app, "alice")
    assert "no longer works" in app.warning[0].value  # tells the admin to remove the setting
    assert [r[:3] for r in _audit("login")] == [("login", "ok", "bootstrap"),
                                                ("login", "failed", "bootstrap"),
                                                ("login", "ok", "alice")]
    assert ("session-ended", "ended", "bootstrap", "localhost", "") in _audit()


def test_a_wrong_name_and_a_wrong_password_get_the_same_message() -> None:
    _add("alice", ADMIN)
    messages = []
    for name in ("alice", "nobody"):
        app = _login(_run(), name, "wrong password!")
        messages.append([e.value for e in app.error])
        assert not _keys(app)
    assert messages == [["Wrong account or password."]] * 2
    assert [r[:3] for r in _audit("login")] == [("login", "failed", "alice"),
                                                ("login", "failed", "nobody")]


def test_quick_retries_are_delayed_then_locked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_LOGIN_DELAY_SECONDS", "120")  # no retry can be quick enough
    _add("alice", ADMIN)
    app = _login(_run(), "alice", "wrong password!")
    app = _login(app, "alice", PASSWORD)  # the right password, too soon
    message = app.error[0].value
    assert message.startswith("Too many failed logins: try again in ") and len(app.error) == 1
    assert 60 < int(message.split(" in ")[1].split()[0]) <= 120
    assert not _keys(app)
    _book().unlock("alice", "cli:test", "cli")
    _book().unlock("client:localhost", "cli:test", "cli")
    assert "logout" in _keys(_login(_run(), "alice"))


def test_admin_sees_everything_and_logs_out() -> None:
    _add("alice", ADMIN)
    app = _login(_run(), "alice")
    assert not app.exception and not app.error
    assert {"admin_upload", "admin_rollback", "admin_layer", "audit_csv", "audit_action",
            "accounts_pick", "logout"} <= _keys(app)
    assert "Logged in: alice (admin)" in [c.value for c in app.sidebar.caption]
    app = app.button(key="logout").click().run()
    assert not _keys(app) and "Account" in [w.label for w in app.text_input]
    assert [r[:4] for r in _audit()[-2:]] == [("login", "ok", "alice", "localhost"),
                                              ("logout", "ok", "alice", "localhost")]


def test_a_viewer_cannot_change_anything() -> None:
    _add("vera", VIEWER)
    app = _login(_run(), "vera")
    assert app.info[0].value == "Your account (viewer) can view but not change data."
    assert _keys(app) == {"logout"}


def test_an_editor_gets_only_its_layers_and_no_accounts_or_audit() -> None:
    _add("ed", EDITOR, ("townships", "villages"))
    app = _login(_run(), "ed")
    assert [o.rsplit("(", 1)[1] for o in app.selectbox(key="admin_layer").options] == [
        "townships)", "villages)"]
    keys = _keys(app)
    assert {"admin_upload", "admin_rollback"} <= keys
    assert not {k for k in keys if k.startswith(("audit_", "accounts_"))}


def _validated(app: AppTest, tmp_path: Path) -> AppTest:
    upload = write_geojson(official_townships(), tmp_path / "乡镇.geojson")
    app.get("file_uploader")[0].upload(upload.name, upload.read_bytes(), "application/json")
    app = app.run()
    app = app.button(key="admin_validate").click().run()
    assert "Valid: ready to import." in [s.value for s in app.success]
    app.text_area(key="admin_comment").input("official townships")
    return app.run()


def test_an_editor_imports_and_rolls_back_under_its_own_name(tmp_path: Path) -> None:
    _add("ed", EDITOR, ("townships",))
    app = _validated(_login(_run(), "ed"), tmp_path)
    app = app.button(key="admin_import").click().run()
    assert any(s.value.startswith("Imported as v1.") for s in app.success), app.error
    meta = open_store().current_meta("townships")
    assert meta.admin == "ed"
    history = app.dataframe[0].value
    assert list(history["Admin"]) == ["", "ed"]
    app.selectbox(key="admin_rollback_version").select(0)
    app = app.run()
    app = app.button(key="admin_rollback").click().run()
    assert open_store().current_version("townships") == 0
    assert [r for r in _audit() if r[0] in ("import", "rollback")] == [
        ("import", "ok", "ed", "localhost", "townships"),
        ("rollback", "ok", "ed", "localhost", "townships")]


def test_a_refused_file_is_audited_with_the_account(tmp_path: Path) -> None:
    _add("alice", ADMIN)
    app = _login(_run(), "alice")
    frame = official_townships().iloc[:3]  # 14 townships missing
    upload = write_geojson(frame, tmp_path / "three.geojson")
    app.get("file_uploader")[0].upload(upload.name, upload.read_bytes(), "application/json")
    app = app.run().button(key="admin_validate").click().run()
    assert app.error  # not importable: no import form
    assert "admin_import" not in _keys(app)
    with pytest.raises(RejectedFile):
        service.import_file(upload, "townships", "alice", "try", client="10.1.1.1")
    assert _audit("import-rejected") == [("import-rejected", "refused", "alice", "10.1.1.1",
                                          "townships")]


def test_a_viewer_session_cannot_trigger_an_import_with_crafted_state(tmp_path: Path) -> None:
    """The import button's click is replayed in a session that holds a viewer's account, and
    with a session object that claims a role its account does not have."""
    _add("alice", ADMIN)
    _add("vera", VIEWER)
    app = _validated(_login(_run(), "alice"), tmp_path)
    vera = _book().authenticate("vera", PASSWORD, "localhost").session
    app.session_state["auth_session"] = vera
    app = app.button(key="admin_import").click().run()
    assert not app.exception
    assert open_store().history("townships") == []
    assert "admin_import" not in _keys(app)
    forged = Session("vera", ADMIN, ("*",), vera.epoch, "local")  # role not in the store
    app.session_state["auth_session"] = forged
    app = app.run()
    assert app.info[0].value == "Your account (viewer) can view but not change data."
    assert "admin_upload" not in _keys(app)


def test_a_refusal_inside_an_action_is_audited() -> None:
    _add("ed", EDITOR, ("townships",))

    def script() -> None:
        import streamlit as st

        from geo.admin.accounts import IMPORT
        from ui.login import SESSION_KEY, accounts, authorised

        if SESSION_KEY not in st.session_state:
            st.session_state[SESSION_KEY] = accounts().authenticate(
                "ed", "correct horse battery staple", "localhost").session
        st.write(str(authorised(IMPORT, "townships") is not None),
                 str(authorised(IMPORT, "redline") is not None))

    app = AppTest.from_function(script, default_timeout=60).run()
    assert app.markdown[0].value == "True False"
    assert _audit("import") == [("import", "refused", "ed", "localhost", "redline")]


def test_a_new_password_ends_the_accounts_other_sessions() -> None:
    _add("alice", ADMIN)
    desk, phone = _login(_run(), "alice"), _login(_run(), "alice")
    desk.selectbox(key="accounts_pick").select("alice")
    desk = desk.run()
    _widget(desk, "text_input", "New password").input(PASSWORD + " 2")
    desk = _widget(desk, "button", "Set the new password").click().run()
    assert "Done: alice\\: New password" in [s.value for s in desk.success]  # shown as text
    assert "logout" in _keys(desk)  # the session that changed it stays in
    phone = phone.run()  # the other session's next action
    assert phone.warning[0].value.startswith("Your session has ended")
    assert not _keys(phone)
    assert ("session-ended", "ended", "alice", "localhost", "") in _audit()
    assert "logout" in _keys(_login(_run(), "alice", PASSWORD + " 2"))


def test_an_admin_manages_accounts_on_the_page() -> None:
    _add("alice", ADMIN)
    app = _login(_run(), "alice")
    _widget(app, "text_input", "Account name").input("bob")
    _widget(app, "selectbox", "Role").select(EDITOR)
    _widget(app, "multiselect", "Layers").select("redline")
    _widget(app, "text_input", "Initial password").input(PASSWORD)
    app = _widget(app, "button", "Create").click().run()
    assert "Done: bob" in [s.value for s in app.success]
    bob = open_store().account("bob")
    assert (bob.role, bob.layers) == (EDITOR, ("redline",))
    assert "bob" in set(app.dataframe[-1].value["Account name"])
    _widget(app, "text_input", "Account name").input("carol")
    _widget(app, "text_input", "Initial password").input("short")
    app = _widget(app, "button", "Create").click().run()
    assert [e.value for e in app.error] == ["密码至少 12 个字符 / a password has at least 12 "
                                            "characters"]
    assert open_store().account("carol") is None
    app.selectbox(key="accounts_pick").select("bob")
    app = app.run().button(key="accounts_toggle").click().run()
    assert open_store().account("bob").disabled
    app.selectbox(key="accounts_pick").select("alice")
    app = app.run()
    assert app.button(key="accounts_toggle").disabled  # not one's own account
    assert [r[:3] for r in _audit() if r[0].startswith("account-")][-2:] == [
        ("account-add", "ok", "alice"), ("account-disable", "ok", "alice")]


def test_the_audit_view_filters_and_downloads() -> None:
    from ui.audit_view import audit_frame, csv_bytes, filtered

    _add("alice", ADMIN)
    _book().authenticate("=cmd|' /C calc'!A0", "wrong password!", "10.9.9.9")
    app = _login(_run(), "alice")
    app.multiselect(key="audit_action").select("login")
    app = app.run()
    table = next(d.value for d in app.dataframe if "Outcome" in d.value.columns)
    assert set(table["Action"]) == {"login"} and len(table) == 2
    assert "2 of 3 entries" in [c.value for c in app.caption]
    frame = audit_frame(open_store().audit_entries())
    failed = filtered(frame, [], [], ["failed"], [], None)
    text = csv_bytes(failed).decode("utf-8-sig").splitlines()
    assert text[0] == "time_utc,account,client,action,layer,version,outcome,detail"
    assert text[1].split(",")[1] == "'=cmd|' /C calc'!A0"  # not a formula in a spreadsheet


def test_an_editor_session_cannot_replay_account_changes() -> None:
    """The accounts panel's buttons, clicked in a session that now holds an editor's account."""
    _add("alice", ADMIN)
    _add("bob", VIEWER)
    _add("ed", EDITOR, ("townships",))
    app = _login(_run(), "alice")
    app.selectbox(key="accounts_pick").select("bob")
    app = app.run()
    app.session_state["auth_session"] = _book().authenticate("ed", PASSWORD, "localhost").session
    app.checkbox(key="accounts_remove_sure").check()
    app = app.button(key="accounts_toggle").click().run()
    assert not app.exception
    assert not open_store().account("bob").disabled
    assert not {k for k in _keys(app) if k.startswith(("accounts_", "audit_"))}
    assert not [r for r in _audit() if r[0].startswith("account-") and r[2] != "cli:test"]


OIDC_SECRETS = {"auth": {
    "redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
    "client_id": "hengdong", "client_secret": "secret",
    "server_metadata_url": "https://idp.example.gov.cn/.well-known/openid-configuration"}}


def _oidc_app(user: dict) -> AppTest:
    app = AppTest.from_function(_page, args=("en",), default_timeout=60)
    app.secrets = OIDC_SECRETS
    app.user = user
    return app.run()


def test_an_identity_provider_user_gets_the_role_of_its_account_here() -> None:
    _book().add("wang@example.gov.cn", EDITOR, None, "cli:test", "cli", ("redline",))
    app = _oidc_app({"is_logged_in": True, "email": "wang@example.gov.cn", "name": "王工"})
    assert not app.exception
    assert "Logged in: wang@example.gov.cn (editor)" in [c.value for c in app.sidebar.caption]
    assert [o.rsplit("(", 1)[1] for o in app.selectbox(key="admin_layer").options] == [
        "redline)"]
    app = app.button(key="logout").click().run()
    assert "admin_upload" not in _keys(app)
    assert [r[:3] for r in _audit()[-2:]] == [("login", "ok", "wang@example.gov.cn"),
                                              ("logout", "ok", "wang@example.gov.cn")]
    # an identity-provider account has no password: the local form cannot open it
    assert _book().authenticate("wang@example.gov.cn", "", "localhost").session is None


def test_an_identity_without_an_account_here_is_refused_once() -> None:
    _add("alice", ADMIN)
    app = _oidc_app({"is_logged_in": True, "email": "stranger@example.gov.cn"})
    app = app.run()
    assert [e.value for e in app.error] == [
        "The identity provider knows stranger@example.gov.cn, but this app has no enabled "
        "account for it; ask an admin."]
    assert _keys(app) == {"admin_login_oidc"}  # only the way to log in again
    assert _audit("login") == [("login", "failed", "stranger@example.gov.cn", "localhost", "")]


def test_the_identity_provider_button_says_what_is_missing_without_authlib() -> None:
    import importlib.util

    _add("alice", ADMIN)
    app = _oidc_app({"is_logged_in": False})
    assert "Account" in [w.label for w in app.text_input]  # local accounts still work
    if importlib.util.find_spec("authlib") is not None:
        pytest.skip("Authlib is installed: st.login would redirect")
    app = app.button(key="admin_login_oidc").click().run()
    assert app.error[0].value.startswith("The identity provider login needs Authlib")
