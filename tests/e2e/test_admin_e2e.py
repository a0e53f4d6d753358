"""In a real browser: log in to the admin page with a local account, upload a GBK shapefile,
import it under that account's name, roll back, log out, and see the map serve the official
version on the next page load (no restart). Neither the store nor the server log holds the
password in clear."""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.admin_support import moved_border, official_townships, zip_shapefile
from tests.e2e.conftest import PROJECT_ROOT, pick_option, running_app

ACCOUNT = "王工"
PASSWORD = "e2e-editor-password-衡东"
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def admin_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app with its own version store holding one editor account (made with the CLI).
    No login delay: the test types a wrong password and then the right one at once."""
    folder = tmp_path_factory.mktemp("admin_app")
    env = {"HENGDONG_ADMIN_DIR": str(folder / "store"), "HENGDONG_LOGIN_DELAY_SECONDS": "0"}
    made = subprocess.run([sys.executable, "-m", "geo.admin", "users", "add", ACCOUNT,
                           "--role", "editor", "--layers", "townships"], input=PASSWORD + "\n",
                          capture_output=True, text=True, cwd=PROJECT_ROOT,
                          env={**os.environ, **env}, timeout=120)
    assert made.returncode == 0, made.stdout + made.stderr
    with running_app(folder, {"HENGDONG_LOGIN_DELAY_SECONDS": "0"}) as base_url:
        yield base_url, folder


def _log_in(page: Page, password: str) -> None:
    page.get_by_label("账号", exact=True).fill(ACCOUNT)
    page.get_by_label("密码", exact=True).fill(password)
    page.get_by_role("button", name="登录").click()


def test_admin_imports_a_shapefile_through_the_page(admin_app: tuple[str, Path],
                                                    page: Page) -> None:
    base_url, folder = admin_app
    frame = moved_border(official_townships(), 0, 0.01)
    frame = frame.rename(columns={"name": "XZQMC"})[["XZQMC", "geometry"]]
    upload = zip_shapefile(frame.to_crs(4526), folder / "乡镇界线.zip", encoding="GBK",
                           with_cpg=False)

    page.goto(f"{base_url}/admin")
    _log_in(page, "wrong password")
    expect(page.get_by_text("账号或密码错误。")).to_be_visible(timeout=30_000)
    expect(page.locator('input[type="file"]')).to_have_count(0)

    _log_in(page, PASSWORD)
    expect(page.get_by_text(f"已登录：{ACCOUNT}（编辑者）")).to_be_visible(timeout=30_000)
    page.locator('input[type="file"]').set_input_files(str(upload))
    page.get_by_role("button", name="校验").click()
    expect(page.get_by_text("校验通过，可以导入。")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("属性文字按 GB18030 编码读取", exact=False)).to_be_visible()
    page.get_by_label("数据来源（显示在图例中）").fill("衡东县自然资源局")
    page.get_by_label("说明（必填）").fill("2026 年乡镇界线")
    page.get_by_label("说明（必填）").press("Control+Enter")
    page.get_by_role("button", name="导入为新版本").click()
    expect(page.get_by_text("已导入为 v1。", exact=False)).to_be_visible(timeout=30_000)
    page.screenshot(path=str(PROJECT_ROOT / "tests" / "artifacts" / "admin_import.png"),
                    full_page=True)

    expect(page.get_by_text("当前：官方数据 v1", exact=False)).to_be_visible()
    expect(page.get_by_text(f"（{ACCOUNT}）", exact=False)).to_be_visible()  # the importer

    page.get_by_label("回滚原因").fill("e2e: back to open data")
    page.get_by_label("回滚原因").press("Enter")
    page.get_by_role("button", name="回滚", exact=True).click()
    expect(page.get_by_text("当前：开源数据构建")).to_be_visible(timeout=30_000)

    expect(page.get_by_role("button", name="回滚", exact=True)).to_be_disabled()  # v0 is current
    page.goto(f"{base_url}/admin")  # a new session: log in again, roll forward to v1
    _log_in(page, PASSWORD)
    pick_option(page, "回滚到版本", "v1", "v1")
    page.get_by_role("button", name="回滚", exact=True).click()
    expect(page.get_by_text("当前：官方数据 v1", exact=False)).to_be_visible(timeout=30_000)

    page.get_by_role("button", name="退出登录").click()
    expect(page.get_by_label("密码", exact=True)).to_be_visible(timeout=30_000)
    expect(page.locator('input[type="file"]')).to_have_count(0)
    expect(page.get_by_text(f"已登录：{ACCOUNT}", exact=False)).to_have_count(0)

    page.goto(base_url)  # the map: its legend names the version being served
    legend = page.frame_locator("iframe").first.get_by_text("官方数据 v1", exact=False).first
    expect(legend).to_be_attached(timeout=60_000)

    stored = b"".join(p.read_bytes() for p in (folder / "store").iterdir() if p.is_file())
    logged = (folder / "streamlit.log").read_bytes()
    for text in (stored, logged):
        assert PASSWORD.encode() not in text
    assert ACCOUNT.encode() in stored
