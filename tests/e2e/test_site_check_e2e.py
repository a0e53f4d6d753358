"""The site check in headless Chromium, offline: draw a polygon across two townships on the map
and get the report (both townships, the 'red line not loaded' notice); upload a DXF and get the
same report; download the PDF. Leaves docs/site-check.png when HENGDONG_SITE_SCREENSHOT=1."""

import os
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import ARTIFACTS, PROJECT_ROOT, OfflineLog
from tests.e2e.test_viewer import MAP_IFRAME, map_frame, map_locator, open_app
from tests.site_support import border_point, square, write_dxf

pytestmark = pytest.mark.e2e
REPORT_TIMEOUT_MS = 60_000
SCREENSHOT = PROJECT_ROOT / "docs" / "site-check.png"
NOT_LOADED = "无法核查是否涉及生态保护红线"
TWO = ("洣水镇", "吴集镇")

# Page pixel of each (lat, lng) corner in the map frame's viewport.
PIXELS_JS = """(corners) => corners.map(([lat, lng]) => {
  const p = HD.map.latLngToContainerPoint([lat, lng]);
  const box = HD.map.getContainer().getBoundingClientRect();
  return [box.x + p.x, box.y + p.y];
})"""


def open_site_tab(page: Page, app_url: str, offline: OfflineLog) -> None:
    open_app(page, app_url, offline)
    page.get_by_role("tab", name="选址初审").click()
    expect(page.get_by_role("button", name="检查场址")).to_be_visible(timeout=30_000)


def township_table(page: Page):
    """The report's township table (the first data grid of the panel)."""
    return page.get_by_test_id("stDataFrame").first


def expect_report_with_both_townships(page: Page) -> None:
    expect(page.get_by_text(NOT_LOADED, exact=False)).to_be_visible(timeout=REPORT_TIMEOUT_MS)
    for name in TWO:
        expect(page.get_by_text(f"规划定位： {name}", exact=False)).to_be_visible()


def test_drawing_a_polygon_across_two_townships_shows_the_report(
        app_url: str, page: Page, offline: OfflineLog) -> None:
    open_site_tab(page, app_url, offline)
    lon, lat = border_point(*TWO)
    site = square(lon, lat, 1500)
    frame = map_frame(page)
    frame.evaluate(f"() => HD.map.setView([{lat}, {lon}], 13)")
    page.wait_for_timeout(500)
    corners = [[y, x] for x, y in list(site.exterior.coords)[:-1]]
    pixels = frame.evaluate(PIXELS_JS, corners)
    box = page.locator(MAP_IFRAME).bounding_box()
    assert box is not None
    map_locator(page).locator(".leaflet-pm-icon-polygon").click()
    for x, y in pixels:  # at a planner's pace: each vertex click reaches the server
        page.mouse.click(box["x"] + x, box["y"] + y)
        page.wait_for_timeout(700)
    page.mouse.click(box["x"] + pixels[0][0], box["y"] + pixels[0][1])  # close the ring
    expect_report_with_both_townships(page)
    # the vertex clicks picked no township, so the map stayed where it was drawn on
    expect(page.get_by_role("combobox", name="乡镇")).to_have_value("（全县）")
    assert frame.evaluate("() => HD.map.getZoom()") == 13
    expect(map_locator(page).locator("path.hd-site")).to_have_count(1, timeout=30_000)
    assert not offline.errors  # (tile requests are blocked by design: offline)
    page.screenshot(path=str(ARTIFACTS / "site_check_drawn.png"))


def test_uploading_a_dxf_shows_the_report_and_the_pdf_downloads(
        app_url: str, page: Page, offline: OfflineLog, tmp_path: Path) -> None:
    lon, lat = border_point(*TWO)
    dxf = write_dxf(tmp_path / "宗地图.dxf", square(lon, lat, 1500), 4526)
    open_site_tab(page, app_url, offline)
    page.locator('input[type="file"]').set_input_files(str(dxf))
    expect(page.get_by_text("宗地图.dxf")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="检查场址").click()
    expect_report_with_both_townships(page)
    expect(page.get_by_text("DXF 没有坐标系信息", exact=False)).to_be_visible()
    expect(map_locator(page).locator("path.hd-site")).to_have_count(1, timeout=30_000)
    with page.expect_download(timeout=REPORT_TIMEOUT_MS) as download:
        page.get_by_role("button", name="PDF", exact=True).click()  # not 乡镇图集（PDF）
    saved = tmp_path / "site_check.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF") and saved.stat().st_size > 20_000
    page.screenshot(path=str(ARTIFACTS / "site_check_dxf.png"))
    if os.environ.get("HENGDONG_SITE_SCREENSHOT") == "1":
        for width, height in ((1600, 1000), (820, 1000)):
            page.set_viewport_size({"width": width, "height": height})
            page.get_by_role("tab", name="选址初审").scroll_into_view_if_needed()
            page.get_by_test_id("stMain").evaluate("(main) => main.scrollTo(0, 150)")
            page.wait_for_timeout(1500)
            page.screenshot(path=str(ARTIFACTS / f"site_check_{width}.png"))
        shutil.copy(ARTIFACTS / "site_check_1600.png", SCREENSHOT)
    assert not offline.errors  # (tile requests are blocked by design: offline)
