"""The planner's workspace in headless Chromium, offline: map height, search (Chinese, pinyin,
initials, brand), identify a reservoir, measure a distance, shared links; screenshots."""

import re

import pytest
from playwright.sync_api import Page, expect
from pyproj import Geod

from geo.datastore import load_layer
from geo.plan import load_plan
from geo.symbology import COUNTY_STYLE
from layers.industry import assigned_townships
from layers.map import THEMES
from tests.e2e.conftest import ARTIFACTS, PROJECT_ROOT, OfflineLog, pixels_of, wait_until_idle
from tests.e2e.test_viewer import (
    HIGHLIGHTED_JS,
    LOAD_TIMEOUT_MS,
    MAP_IFRAME,
    RERUN_TIMEOUT_MS,
    map_frame,
    map_locator,
    open_app,
    panel_locator,
    panel_text,
)

pytestmark = pytest.mark.e2e

DAPU = "430424103000"
NANWAN = "430424204000"
WORKSPACE_PNG = PROJECT_ROOT / "docs" / "workspace.png"
SEARCH_PLACEHOLDER = "乡镇、村、水库、景点、项目、产业或品牌（中文、拼音或首字母）"
GEOD = Geod(ellps="WGS84")

# Where a drawn feature (by properties.id) is, in the map frame's viewport (x, y).
FEATURE_PIXEL_JS = """(id) => {
  let found = null;
  HD.map.eachLayer((layer) => {
    const p = layer.feature && layer.feature.properties;
    if (p && p.id === id && layer.getLatLng) found = layer.getLatLng();
  });
  if (!found) return null;
  const point = HD.map.latLngToContainerPoint(found);
  const box = HD.map.getContainer().getBoundingClientRect();
  return [box.x + point.x, box.y + point.y];
}"""


@pytest.fixture()
def desktop(page: Page, app_url: str, offline: OfflineLog) -> Page:
    page.set_viewport_size({"width": 1600, "height": 1000})
    open_app(page, app_url, offline)
    return page


def search(page: Page, query: str) -> None:
    box = page.get_by_placeholder(SEARCH_PLACEHOLDER)
    wait_until_idle(page)
    box.fill(query)
    box.press("Enter")
    answered = result_chips(page).first.or_(page.get_by_text(f"没有找到“{query}”"))
    expect(answered).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    wait_until_idle(page)


def result_chips(page: Page):
    return page.locator(".stMainBlockContainer [data-testid='stButtonGroup'] button")


def pick_result(page: Page, label: str) -> None:
    chip = result_chips(page).filter(has_text=label).first
    expect(chip).to_be_visible(timeout=RERUN_TIMEOUT_MS)
    chip.click()
    wait_until_idle(page)


def test_the_map_fills_the_window_below_a_slim_header(desktop: Page) -> None:
    box = desktop.locator(MAP_IFRAME).bounding_box()
    assert box["height"] >= 0.75 * 1000, box
    assert box["y"] + box["height"] <= 1000  # all of it in the window
    inner = map_frame(desktop).evaluate("[HD.map.getSize().x, HD.map.getSize().y]")
    assert inner[1] >= 0.75 * 1000  # Leaflet draws into the whole frame
    panel = desktop.locator(".st-key-workspace_panel").bounding_box()
    assert panel["x"] > box["x"] + box["width"] - 1  # the panel beside the map
    # the legend is open in the layer control, each theme's lines under its checkbox
    legends = map_locator(desktop).locator(".leaflet-control-layers-overlays details.hd-legend")
    expect(legends).to_have_count(len(THEMES))  # one block per overlay
    assert all(legends.evaluate_all("(nodes) => nodes.map((n) => n.open)"))
    entries = map_locator(desktop).locator(".hd-legend-entry[data-quality]")
    assert entries.count() > 10


def test_narrow_screen_puts_the_panel_below_and_folds_the_legend(
    page: Page, app_url: str, offline: OfflineLog
) -> None:
    page.set_viewport_size({"width": 700, "height": 1000})
    open_app(page, app_url + "/?township=" + DAPU, offline)
    panel_text(page, "大浦镇 · Dapu Town")
    map_box = page.locator(MAP_IFRAME).bounding_box()
    panel = page.locator(".st-key-workspace_panel").bounding_box()
    assert panel["y"] >= map_box["y"] + map_box["height"] - 1
    legends = map_locator(page).locator(".leaflet-control-layers-overlays details.hd-legend")
    expect(legends).to_have_count(len(THEMES))  # one block per overlay
    assert not any(legends.evaluate_all("(nodes) => nodes.map((n) => n.open)"))
    page.wait_for_timeout(1000)
    page.screenshot(path=ARTIFACTS / "workspace_700.png")


def _reservoir() -> tuple[float, float]:
    """(lat, lon) of 江东水库 as drawn: the centre of its namesake village (WGS84)."""
    place = next(f for f in load_plan().ecology_features if f.id == "reservoir-jiangdong").places[0]
    point = load_layer("villages").set_index("code").geometry[place.code]
    return point.y, point.x


def test_jiangdong_finds_the_village_and_the_reservoir_and_flies_there(desktop: Page) -> None:
    search(desktop, "江东")
    labels = result_chips(desktop).all_inner_texts()
    assert any(label.startswith("江东村") and "南湾乡" in label for label in labels), labels
    assert any(label.startswith("江东水库") for label in labels), labels
    pick_result(desktop, "江东水库")
    frame = map_frame(desktop)
    lat, lon = _reservoir()
    expect(map_locator(desktop).locator("path.hd-focus")).to_have_count(1,
                                                                         timeout=RERUN_TIMEOUT_MS)
    # flown there: zoom 14, the point in view and not under a map control
    frame.wait_for_function(
        """([lat, lon]) => {
          if (HD.map.getZoom() !== 14) return false;
          const p = HD.map.latLngToContainerPoint([lat, lon]);
          const size = HD.map.getSize();
          if (p.x < 0 || p.y < 0 || p.x > size.x || p.y > size.y) return false;
          const hit = document.elementFromPoint(p.x, p.y);
          return !!hit && !hit.closest(".leaflet-control");
        }""", arg=[lat, lon], timeout=RERUN_TIMEOUT_MS)
    facts = panel_locator(desktop).locator(".hd-feature")
    expect(facts).to_contain_text("江东水库", timeout=RERUN_TIMEOUT_MS)
    expect(facts).to_contain_text("出处")
    panel_text(desktop, "南湾乡 · Nanwan Township")


def test_huanggongjiao_highlights_its_townships(desktop: Page) -> None:
    search(desktop, "黄贡椒")
    pick_result(desktop, "三樟黄贡椒")  # the brand: the pepper industry's townships
    expected = assigned_townships("huanggongjiao")
    highlights = map_locator(desktop).locator("path[class*='hd-highlight-']")
    expect(highlights).to_have_count(len(expected), timeout=RERUN_TIMEOUT_MS)
    assert dict(map_frame(desktop).evaluate(HIGHLIGHTED_JS)) == expected
    panel_text(desktop, "三樟镇 · Sanzhang Town")


@pytest.mark.parametrize("query", ["dapu", "dpz"])
def test_pinyin_and_initials_find_dapu(desktop: Page, query: str) -> None:
    search(desktop, query)
    first = result_chips(desktop).first
    expect(first).to_have_text(re.compile(r"^大浦镇 · 乡镇"), timeout=RERUN_TIMEOUT_MS)
    first.click()
    panel_text(desktop, "大浦镇 · Dapu Town")
    expect(map_locator(desktop).locator("path.hd-selection")).to_have_count(1)


def test_clicking_a_reservoir_marker_shows_its_facts_with_a_citation(desktop: Page) -> None:
    frame = map_frame(desktop)
    xy = frame.evaluate(FEATURE_PIXEL_JS, "reservoir-jiangdong")
    assert xy is not None, "江东水库 is not drawn"
    frame_box = desktop.locator(MAP_IFRAME).bounding_box()
    desktop.mouse.click(frame_box["x"] + xy[0], frame_box["y"] + xy[1])
    facts = panel_locator(desktop).locator(".hd-feature")
    expect(facts).to_contain_text("江东水库", timeout=RERUN_TIMEOUT_MS)
    text = facts.inner_text()
    assert "水库" in text and "出处" in text and "“五库”" in text and "近似" in text
    assert "江东村" in text  # how it is placed
    panel_text(desktop, "南湾乡 · Nanwan Township")  # the click selects the township too


def test_measured_distance_is_geodesic(desktop: Page) -> None:
    frame = map_frame(desktop)
    wait_until_idle(desktop)
    picker_before = desktop.get_by_role("combobox", name="乡镇").input_value()
    map_locator(desktop).locator(".hd-measure-distance").click()
    frame_box = desktop.locator(MAP_IFRAME).bounding_box()
    pixels = [(120, 250), (450, 700)]  # clear of the controls (the layer control: right)
    points = []
    for x, y in pixels:
        desktop.mouse.click(frame_box["x"] + x, frame_box["y"] + y)
        desktop.wait_for_timeout(400)
        points.append(frame.evaluate(
            "([x, y]) => { const p = HD.toWgs84(HD.map.containerPointToLatLng([x, y]));"
            " return [p.lat, p.lng]; }", [x, y]))
    result = map_locator(desktop).locator(".hd-measure-result")
    expect(result).to_have_attribute("data-distance-m", re.compile(r"^\d"))
    measured = float(result.get_attribute("data-distance-m"))
    (lat1, lng1), (lat2, lng2) = points
    expected = GEOD.inv(lng1, lat1, lng2, lat2)[2]
    assert expected > 5_000 and abs(measured - expected) / expected < 0.01
    expect(result).to_contain_text("km")
    wait_until_idle(desktop)
    # measuring clicks are not township clicks
    assert desktop.get_by_role("combobox", name="乡镇").input_value() == picker_before


def test_a_shared_link_opens_dapu(page: Page, app_url: str, offline: OfflineLog) -> None:
    open_app(page, f"{app_url}/?township={DAPU}&industry=huanggongjiao", offline)
    panel_text(page, "大浦镇 · Dapu Town")
    expect(map_locator(page).locator("path.hd-selection")).to_have_count(1,
                                                                          timeout=RERUN_TIMEOUT_MS)
    expect(map_locator(page).locator("path[class*='hd-highlight-']")).to_have_count(
        len(assigned_townships("huanggongjiao")), timeout=RERUN_TIMEOUT_MS)
    assert f"township={DAPU}" in page.url


def test_a_garbage_parameter_shows_a_notice(page: Page, app_url: str, offline: OfflineLog) -> None:
    page.goto(f"{app_url}/?township=garbage&zoom=%3Cb%3E")
    toasts = page.get_by_test_id("stToast")
    expect(toasts.filter(has_text="township=garbage")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    expect(toasts.filter(has_text="zoom=<b>")).to_be_visible()
    expect(map_locator(page).locator("path.hd-township")).to_have_count(17,
                                                                         timeout=LOAD_TIMEOUT_MS)
    expect(panel_locator(page).locator(".hd-hint")).to_be_visible()  # whole county
    expect(panel_locator(page).locator(".hd-township-panel")).to_have_count(0)
    assert offline.errors == []


def test_screenshot_of_the_workspace(desktop: Page) -> None:
    search(desktop, "江东")
    pick_result(desktop, "江东水库")
    expect(panel_locator(desktop).locator(".hd-feature")).to_contain_text("江东水库",
                                                                     timeout=RERUN_TIMEOUT_MS)
    desktop.wait_for_timeout(1500)  # the fly-to animation
    # Offline there are no basemap tiles: zoom out for the picture, to show the county around
    # the found reservoir, as a planner would after flying there.
    map_frame(desktop).evaluate("HD.map.setZoom(11, {animate: false})")
    desktop.wait_for_timeout(500)
    full = ARTIFACTS / "workspace_1600.png"
    desktop.screenshot(path=full)
    desktop.screenshot(path=WORKSPACE_PNG, type="png", scale="css")
    assert WORKSPACE_PNG.stat().st_size < 400_000, WORKSPACE_PNG.stat().st_size
    assert pixels_of(full, COUNTY_STYLE["color"]) > 300  # the county around the reservoir
