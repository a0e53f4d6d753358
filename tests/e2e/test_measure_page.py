"""The measuring tools and coordinate readout (static/map/hd-measure.js) on a static page with
the vendored Leaflet, in headless Chromium: clicked distances and areas against pyproj's
geodesic figures, GCJ-02 shifted back under 高德, the pointer's coordinates."""

import functools
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import Browser, Page, expect
from pyproj import Geod

from geo.coords import gcj02_to_wgs84
from layers.assets import HD_MAP_JS, HD_MEASURE_JS, HD_WORKSPACE_CSS, LOCAL_ASSETS, STATIC_URL
from layers.elements import js_value
from layers.tools import tools_config
from tests.e2e.conftest import PROJECT_ROOT

pytestmark = pytest.mark.e2e

GEOD = Geod(ellps="WGS84")
PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{leaflet_css}"><link rel="stylesheet" href="{measure_css}">
<style>html, body, #map {{ margin: 0; width: 100%; height: 100%; }}</style>
<script src="{leaflet}"></script><script src="{hd_map}"></script></head>
<body><div id="map"></div><script>
var map = L.map("map").setView([27.08, 112.95], 12);
HD.whenReady = function (fn) {{ fn(map); }};  // the map contract, for a page without the app
HD.tables = {{tools: {config}}};
</script><script src="{measure}"></script></body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def static_server(tmp_path_factory) -> Iterator[str]:
    """The project folder over HTTP on a free local port (/app/static/... as the app serves)."""
    root = tmp_path_factory.mktemp("site")
    (root / "app").mkdir()
    (root / "app" / "static").symlink_to(PROJECT_ROOT / "static")
    for basemap in ("osm", "amap"):
        (root / f"{basemap}.html").write_text(PAGE.format(
            leaflet_css=LOCAL_ASSETS["leaflet_css"], leaflet=LOCAL_ASSETS["leaflet"],
            hd_map=HD_MAP_JS, measure=HD_MEASURE_JS, measure_css=HD_WORKSPACE_CSS,
            config=js_value(tools_config(basemap, "zh")),
        ), encoding="utf-8")
    handler = functools.partial(_Quiet, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1000, "height": 700}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == []


def _open(page: Page, url: str) -> None:
    page.goto(url)
    expect(page.locator(".hd-measure-distance")).to_be_visible()
    assert STATIC_URL in LOCAL_ASSETS["leaflet"]


def _click_points(page: Page, pixels: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Click the map at container pixels; the (lat, lng) the map shows there."""
    box = page.locator("#map").bounding_box()
    shown = []
    for x, y in pixels:
        page.mouse.click(box["x"] + x, box["y"] + y)
        page.wait_for_timeout(350)  # two clicks in a row must not be a double click
        shown.append(tuple(page.evaluate(
            "([x, y]) => { const p = map.containerPointToLatLng([x, y]); return [p.lat, p.lng]; }",
            [x, y])))
    return shown


def _geodesic_m(points: list[tuple[float, float]]) -> float:
    lats, lngs = zip(*points, strict=True)
    return GEOD.line_length(lngs, lats)


def test_distance_is_the_geodesic_length_of_the_clicked_points(page, static_server):
    _open(page, f"{static_server}/osm.html")
    page.locator(".hd-measure-distance").click()
    expect(page.locator(".hd-measure-result")).to_have_text("点击地图添加点")
    points = _click_points(page, [(150, 120), (820, 560), (820, 150)])
    result = page.locator(".hd-measure-result")
    expect(result).to_have_attribute("data-distance-m", re.compile(r"^\d"))
    measured = float(result.get_attribute("data-distance-m"))
    expected = _geodesic_m(points)
    assert expected > 10_000
    assert abs(measured - expected) / expected < 0.01
    assert result.inner_text().startswith("距离") and "km" in result.inner_text()
    assert page.locator("path.hd-measure-shape").count() == 1
    page.locator(".hd-measure-clear").click()
    expect(result).to_be_hidden()
    expect(page.locator("path.hd-measure-shape")).to_have_count(0)


def test_area_in_square_kilometres_and_mu(page, static_server):
    _open(page, f"{static_server}/osm.html")
    page.locator(".hd-measure-area").click()
    points = _click_points(page, [(200, 150), (700, 150), (700, 500), (200, 500)])
    result = page.locator(".hd-measure-result")
    measured = float(result.get_attribute("data-area-m2"))
    lats, lngs = zip(*points, strict=True)
    expected = abs(GEOD.polygon_area_perimeter(lngs, lats)[0])
    assert abs(measured - expected) / expected < 0.01
    text = result.inner_text()
    assert "km²" in text and text.endswith("亩")
    mu = float(text.split("·")[1].replace("亩", "").replace(",", ""))
    assert abs(mu - expected / (10000 / 15)) / mu < 0.01


def test_under_amap_distance_and_coordinates_are_wgs84(page, static_server):
    _open(page, f"{static_server}/amap.html")
    page.locator(".hd-measure-distance").click()
    shown = _click_points(page, [(300, 120), (900, 600)])
    wgs = [tuple(reversed([float(v) for v in gcj02_to_wgs84(lng, lat)])) for lat, lng in shown]
    measured = float(page.locator(".hd-measure-result").get_attribute("data-distance-m"))
    assert abs(measured - _geodesic_m(wgs)) / _geodesic_m(wgs) < 0.01
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + 500, box["y"] + 350)
    coords = page.locator(".hd-coords")
    expect(coords).to_contain_text("GCJ-02（高德显示坐标）")
    lat, lng = page.evaluate("() => { const p = map.containerPointToLatLng([500, 350]);"
                             " return [p.lat, p.lng]; }")
    w_lng, w_lat = gcj02_to_wgs84(lng, lat)
    assert abs(float(coords.get_attribute("data-lat")) - float(w_lat)) < 1e-7
    assert abs(float(coords.get_attribute("data-lng")) - float(w_lng)) < 1e-7
    assert abs(float(w_lng) - lng) > 1e-3  # the shift is real (hundreds of metres)


def test_osm_coordinates_are_the_pointer_position(page, static_server):
    _open(page, f"{static_server}/osm.html")
    box = page.locator("#map").bounding_box()
    page.mouse.move(box["x"] + 300, box["y"] + 200)
    coords = page.locator(".hd-coords")
    expect(coords).to_contain_text("WGS84")
    assert "GCJ-02" not in coords.inner_text()
    lat, lng = page.evaluate("() => { const p = map.containerPointToLatLng([300, 200]);"
                             " return [p.lat, p.lng]; }")
    assert abs(float(coords.get_attribute("data-lat")) - lat) < 1e-9
    assert abs(float(coords.get_attribute("data-lng")) - lng) < 1e-9
