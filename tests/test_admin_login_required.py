"""HENGDONG_REQUIRE_LOGIN=1: the whole app shows only the login page until an account (a viewer
is enough) logs in (Streamlit AppTest of app.py); account names with markup are shown as text."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.admin.accounts import ADMIN, VIEWER, Accounts
from geo.paths import PROJECT_ROOT
from geo.store import open_store
from ui.login import SESSION_KEY
from ui.text import plain

pytestmark = pytest.mark.both_backends

PASSWORD = "viewer password long enough"


@pytest.fixture(autouse=True)
def admin_dir(admin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The isolated store of tests/conftest.py, without the legacy shared password."""
    monkeypatch.delenv("HENGDONG_ADMIN_PASSWORD", raising=False)
    return admin_dir


def _app() -> AppTest:
    return AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=180).run()


def test_without_the_setting_the_map_needs_no_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HENGDONG_REQUIRE_LOGIN", raising=False)
    app = _app()
    assert not app.exception
    assert "登录" not in [t.value for t in app.title] and app.tabs


def test_only_the_login_page_until_a_viewer_logs_in(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_REQUIRE_LOGIN", "1")
    Accounts(open_store()).add("reader", VIEWER, PASSWORD, "cli:test", "cli")
    app = _app()
    assert not app.exception
    assert [t.value for t in app.title] == ["登录"]
    assert app.caption[0].value == "本系统要求登录后查看。"
    assert not app.tabs  # no map, no tables, no downloads
    next(w for w in app.text_input if w.label == "账号").input("reader")
    next(w for w in app.text_input if w.label == "密码").input(PASSWORD)
    app = next(b for b in app.button if b.label == "登录").click().run()
    assert not app.exception
    assert "已登录：reader（查看者）" in [c.value for c in app.sidebar.caption]
    assert "登录" not in [t.value for t in app.title]
    assert app.tabs  # the map page


def test_an_account_name_with_markup_is_shown_as_its_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_REQUIRE_LOGIN", "1")
    name = "![t](http://198.51.100.7/t.png)<b>x</b>"
    Accounts(open_store()).add(name, VIEWER, PASSWORD, "cli:test", "cli")
    app = _app()
    next(w for w in app.text_input if w.label == "账号").input(name)
    next(w for w in app.text_input if w.label == "密码").input(PASSWORD)
    app = next(b for b in app.button if b.label == "登录").click().run()
    assert not app.exception
    assert f"已登录：{plain(name)}（查看者）" in [c.value for c in app.sidebar.caption]


def _accounts_panel() -> None:
    from ui import accounts_panel

    accounts_panel.render("zh")


def test_the_accounts_panel_shows_typed_names_with_markup_as_their_text() -> None:
    book = Accounts(open_store())
    book.add("chief", ADMIN, PASSWORD, "cli:test", "cli")
    app = AppTest.from_function(_accounts_panel, default_timeout=60)
    app.session_state[SESSION_KEY] = book.authenticate("chief", PASSWORD, "test").session
    app.run()
    for name, box in (("![t](http://198.51.100.7/t.png) x", "error"),  # refused: a space
                      ("![t](http://198.51.100.7/t.png)", "success")):
        next(w for w in app.text_input if w.label == "账号名").input(name)
        next(w for w in app.text_input if w.label == "初始密码").input(PASSWORD + " new")
        app = next(b for b in app.button if b.label == "创建").click().run()
        assert not app.exception
        shown = " ".join(e.value for e in getattr(app, box))
        assert plain(name) in shown and name not in shown, shown
