"""The admin page refuses to act without the right password (Streamlit AppTest)."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ui.admin_page import password_matches

PASSWORD = "correct horse battery staple"


def _page(lang: str = "zh") -> None:
    from ui.admin_page import render_admin_page

    render_admin_page(lang)


@pytest.fixture(autouse=True)
def admin_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HENGDONG_ADMIN_DIR", str(tmp_path / "admin"))
    monkeypatch.delenv("HENGDONG_ADMIN_PASSWORD", raising=False)
    return tmp_path / "admin"


def _run(lang: str = "zh") -> AppTest:
    app = AppTest.from_function(_page, args=(lang,), default_timeout=30)
    return app.run()


def _action_buttons(app: AppTest) -> set[str]:
    """Keys of the widgets that change data (the login form's own button is not one)."""
    widgets = [*app.button, *app.get("file_uploader")]
    return {w.key for w in widgets if w.key and w.key.startswith("admin_")}


def test_password_check() -> None:
    assert password_matches(PASSWORD, PASSWORD)
    assert not password_matches("wrong", PASSWORD)
    assert not password_matches("", None) and not password_matches("", "")


def test_without_a_configured_password_nothing_can_be_done() -> None:
    app = _run()
    assert not app.exception
    assert "HENGDONG_ADMIN_PASSWORD" in app.info[0].value
    assert not app.text_input and not _action_buttons(app)


def test_wrong_password_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_ADMIN_PASSWORD", PASSWORD)
    app = _run("en")
    app.text_input[0].input("guess")
    app.button[0].click().run()
    assert [e.value for e in app.error] == ["Wrong password."]
    assert not _action_buttons(app)
    assert "admin_layer" not in {s.key for s in app.selectbox}


def test_right_password_opens_the_admin_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HENGDONG_ADMIN_PASSWORD", PASSWORD)
    app = _run()
    app.text_input[0].input(PASSWORD)
    app.button[0].click().run()
    assert not app.error, [e.value for e in app.error]
    assert not app.exception
    assert {"admin_logout", "admin_rollback"} <= _action_buttons(app)
    assert "admin_upload" in _action_buttons(app)
    assert app.title[0].value == "数据管理"
