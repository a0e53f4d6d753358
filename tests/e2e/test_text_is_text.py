"""In the browser: names carrying markdown, HTML and JS, imported into every named layer and
shown in the map page (sidebar, industry list, panel, map labels and tooltips) and in the admin
page's error box, stay text: no element, no script and no request results from them."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from geo.admin import service
from layers import admin_areas
from tests.admin_corpus import ACCEPTED, HOSTILE_HOST, HOSTILE_NAMES
from tests.admin_support import official_townships, write_geojson
from tests.e2e.conftest import ARTIFACTS, OfflineLog, pick_option, running_app
from ui.map_view import MAP_COMPONENT
from ui.panel_view import PANEL_COMPONENT

pytestmark = pytest.mark.e2e

PASSWORD = "e2e-text-password"
HOSTILE_LAYERS = ("townships-hostile-names", "seats-hostile-names", "villages", "redline")
MAP_IFRAME = f'iframe[title="{MAP_COMPONENT}"]'
PANEL_IFRAME = f'iframe[title="{PANEL_COMPONENT}"]'
# What markup in the names would have made, in any frame of the page.
MARKUP_MADE_JS = """(host) => {
  const found = [];
  if (window.__hd_xss !== undefined) found.push("script ran: " + window.__hd_xss);
  for (const img of document.querySelectorAll("img")) {
    const src = img.getAttribute("src") || "";
    if (src === "x" || src.includes(host)) found.push("img " + src);
  }
  for (const a of document.querySelectorAll("a[href]")) {
    if (/^javascript:/i.test(a.getAttribute("href"))) found.push("link " + a.href);
  }
  for (const el of document.querySelectorAll("b, strong, em, code, script")) {
    const text = el.textContent;
    if (["b", "粗体", "斜体", "code", "window.__hd_xss=2"].includes(text.trim()))
      found.push(el.tagName + " " + text);
  }
  return found;
}"""


@pytest.fixture(scope="module")
def hostile_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app serving layers whose names are markdown, HTML and JS."""
    folder = tmp_path_factory.mktemp("hostile_app")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HENGDONG_ADMIN_DIR", str(folder / "store"))
        for case in HOSTILE_LAYERS:
            path, layer_id, options = ACCEPTED[case](folder)
            service.import_file(path, layer_id, "e2e", f"hostile names: {case}", **options)
    with running_app(folder, {"HENGDONG_ADMIN_PASSWORD": PASSWORD}) as url:
        yield url


def _assert_no_markup(page: Page, offline: OfflineLog) -> None:
    for frame in page.frames:
        assert frame.evaluate(MARKUP_MADE_JS, HOSTILE_HOST) == [], frame.url
    assert not [url for url in offline.blocked if HOSTILE_HOST in url]
    assert not offline.errors, offline.errors


def test_names_on_the_map_page_are_text(hostile_app: str, page: Page,
                                        offline: OfflineLog) -> None:
    page.goto(hostile_app)
    map_frame = page.frame_locator(MAP_IFRAME)
    expect(map_frame.locator("path.hd-township")).to_have_count(17, timeout=90_000)
    pick_option(page, "产业", "优质稻", "粮食 · 优质稻")
    listed = page.get_by_text(f"石湾镇（{HOSTILE_NAMES[1]}）", exact=False)
    expect(listed.first).to_be_visible(timeout=30_000)  # the industry's townships, as text
    pick_option(page, "乡镇", "洣水", f"洣水镇（{HOSTILE_NAMES[0]}）")
    panel = page.frame_locator(PANEL_IFRAME).locator(".hd-township-panel")
    expect(panel).to_be_visible(timeout=30_000)

    page.get_by_text("English", exact=True).click()
    expect(page.get_by_role("combobox", name="Township")).to_be_visible(timeout=30_000)
    english_map = page.frame_locator(MAP_IFRAME).last  # the English map replaces the Chinese
    expect(english_map.get_by_text(admin_areas.title("en")).first).to_be_attached(
        timeout=90_000)
    expect(page.locator(MAP_IFRAME)).to_have_count(1, timeout=90_000)
    labels = page.frame_locator(MAP_IFRAME).get_by_text(HOSTILE_NAMES[1], exact=False)
    expect(labels.first).to_be_attached(timeout=30_000)  # drawn as a label, as text
    township = page.frame_locator(MAP_IFRAME).locator("path.hd-township").nth(2)
    township.hover(force=True)
    page.wait_for_timeout(500)
    page.screenshot(path=ARTIFACTS / "hostile_names_map.png")
    _assert_no_markup(page, offline)


def test_names_in_the_admin_error_box_are_text(hostile_app: str, page: Page,
                                               offline: OfflineLog, tmp_path: Path) -> None:
    frame = official_townships()
    frame.loc[frame.index[16], "name"] = HOSTILE_NAMES[0]
    frame.loc[frame.index[15], "name"] = HOSTILE_NAMES[1]
    upload = write_geojson(frame, tmp_path / "hostile_upload.geojson")
    page.goto(f"{hostile_app}/admin")
    page.get_by_label("共享管理密码").fill(PASSWORD)  # no accounts yet: the bootstrap
    page.get_by_role("button", name="登录").click()
    page.locator('input[type="file"]').set_input_files(str(upload))
    page.get_by_role("button", name="校验").click()
    error = page.get_by_test_id("stAlertContentError").filter(has_text=HOSTILE_NAMES[0])
    expect(error.first).to_be_visible(timeout=30_000)
    expect(page.get_by_test_id("stAlertContentError").filter(
        has_text=HOSTILE_NAMES[1]).first).to_be_visible()
    page.screenshot(path=ARTIFACTS / "hostile_names_admin.png", full_page=True)
    _assert_no_markup(page, offline)
