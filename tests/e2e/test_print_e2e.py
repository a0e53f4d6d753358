"""The 打印/导出图片 dialog in the running app: it opens under the map, makes the sheet,
previews it and downloads a PDF with the organisation typed in; the sheet shows the overlays
switched on in the map's layer control; the atlas button shows its progress and offers the
atlas."""

import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from layers import infrastructure, town_system
from tests.e2e.conftest import ARTIFACTS, wait_until_idle
from ui.map_view import MAP_COMPONENT

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


def test_the_sheet_prints_the_overlays_switched_on_in_the_map(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    page.goto(app_url)
    toggles = page.frame_locator(f'iframe[title="{MAP_COMPONENT}"]').locator(
        ".leaflet-control-layers-overlays label")
    town_system_box = toggles.filter(has_text=town_system.title("zh")).locator("input")
    expect(town_system_box).to_be_checked(timeout=90_000)  # on at start
    town_system_box.uncheck()
    toggles.filter(has_text=infrastructure.title("zh")).locator("input").check()
    dialog = open_dialog(page, "打印/导出图片")
    chosen = dialog.get_by_test_id("stMultiSelect")
    expect(chosen).to_contain_text(infrastructure.title("zh"))
    expect(chosen).not_to_contain_text(town_system.title("zh"))
    dialog.get_by_role("button", name="生成预览").click()
    download_button = dialog.get_by_role("button", name="下载")
    expect(download_button).to_be_visible(timeout=180_000)
    with page.expect_download(timeout=60_000) as download:
        download_button.click()
    path = tmp_path / "sheet.pdf"
    download.value.save_as(path)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.replace("\n", "")
    assert "图例" in text and "河西新区（近似）" in text  # infrastructure, switched on
    assert "半小时核心发展圈" not in text and "发展轴" not in text  # town system, switched off


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
