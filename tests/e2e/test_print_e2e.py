"""The 打印/导出图片 dialog in the running app: it opens under the map, makes the sheet,
previews it and downloads a PDF with the organisation typed in; the atlas button shows its
progress and offers the atlas."""

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from tests.e2e.conftest import ARTIFACTS, wait_until_idle

pytestmark = pytest.mark.e2e


def open_dialog(page: Page, button_name: str):
    """Click the button until its dialog shows (a click during a re-run in flight is lost)."""
    button = page.get_by_role("button", name=button_name)
    expect(button).to_be_visible(timeout=90_000)
    dialog = page.get_by_role("dialog")
    for _attempt in range(4):
        wait_until_idle(page)
        button.click()
        try:
            expect(dialog).to_be_visible(timeout=15_000)
            break
        except AssertionError:
            continue
    expect(dialog).to_be_visible()
    return dialog


def test_print_dialog_previews_and_downloads_the_sheet(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    page.goto(app_url)
    dialog = open_dialog(page, "打印/导出图片")
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


def test_atlas_button_shows_progress_and_offers_the_atlas(page: Page, app_url: str,
                                                          tmp_path: Path) -> None:
    page.goto(app_url)
    dialog = open_dialog(page, "乡镇图集（PDF）")
    dialog.get_by_role("button", name="生成图集（约半分钟）").click()
    expect(dialog.get_by_test_id("stProgress")).to_be_visible(timeout=30_000)
    download_button = dialog.get_by_role("button", name="下载")
    expect(download_button).to_be_visible(timeout=300_000)
    expect(dialog.get_by_text("19/19")).to_be_visible()
    with page.expect_download(timeout=60_000) as download:
        download_button.click()
    path = tmp_path / "atlas.pdf"
    download.value.save_as(path)
    assert len(PdfReader(path).pages) == 19
