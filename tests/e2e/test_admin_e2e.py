"""In a real browser: log in to the admin page, upload a GBK shapefile, import it, and see the
map serve the official version on the next page load (no restart)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.admin_support import moved_border, official_townships, zip_shapefile
from tests.e2e.conftest import PROJECT_ROOT, pick_option, running_app

PASSWORD = "e2e-admin-password"
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def admin_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The app with an admin password and its own empty version store."""
    folder = tmp_path_factory.mktemp("admin_app")
    with running_app(folder, {"HENGDONG_ADMIN_PASSWORD": PASSWORD}) as base_url:
        yield base_url, folder


def test_admin_imports_a_shapefile_through_the_page(admin_app: tuple[str, Path],
                                                    page: Page) -> None:
    base_url, folder = admin_app
    frame = moved_border(official_townships(), 0, 0.01)
    frame = frame.rename(columns={"name": "XZQMC"})[["XZQMC", "geometry"]]
    upload = zip_shapefile(frame.to_crs(4526), folder / "乡镇界线.zip", encoding="GBK",
                           with_cpg=False)

    page.goto(f"{base_url}/admin")
    page.get_by_label("管理员密码").fill("wrong")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text("密码错误。")).to_be_visible(timeout=30_000)
    expect(page.locator('input[type="file"]')).to_have_count(0)

    page.get_by_label("管理员密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_label("管理员姓名").fill("王工")
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

    page.get_by_label("回滚原因").fill("e2e: back to open data")
    page.get_by_label("回滚原因").press("Enter")
    page.get_by_role("button", name="回滚", exact=True).click()
    expect(page.get_by_text("当前：开源数据构建")).to_be_visible(timeout=30_000)

    expect(page.get_by_role("button", name="回滚", exact=True)).to_be_disabled()  # v0 is current
    page.goto(f"{base_url}/admin")  # a new session: log in again, roll forward to v1
    page.get_by_label("管理员密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    page.get_by_label("管理员姓名").fill("王工")
    page.get_by_label("管理员姓名").press("Enter")
    pick_option(page, "回滚到版本", "v1", "v1")
    page.get_by_role("button", name="回滚", exact=True).click()
    expect(page.get_by_text("当前：官方数据 v1", exact=False)).to_be_visible(timeout=30_000)

    page.goto(base_url)  # the map: its legend names the version being served
    legend = page.frame_locator("iframe").first.get_by_text("官方数据 v1", exact=False).first
    expect(legend).to_be_attached(timeout=60_000)
