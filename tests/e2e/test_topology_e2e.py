"""Two app instances on one store behind nginx (harness.topology), in a real browser: an import
through instance A's admin page is served by instance B at its next page load; with A killed
mid-session, B serves the open page and new page loads through nginx. Run on a shared PostGIS
database (a real throw-away cluster) and on a shared SQLite store directory."""

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from geo.store.settings import STORE_FILE_NAME
from harness.nginx import ROUTE_COOKIE
from harness.postgis import PostgisCluster
from harness.topology import SharedStore, Topology
from tests.admin_support import moved_border, official_townships, write_geojson
from tests.e2e.conftest import PROJECT_ROOT, OfflineLog

pytestmark = pytest.mark.e2e

ACCOUNT = "李工"
PASSWORD = "e2e-topology-password-衡东"
MAP_IFRAME = 'iframe[title="ui.map_view.hd_map"]'
LOAD_TIMEOUT_MS = 90_000
STEP_TIMEOUT_MS = 60_000  # one admin step (the machine may be busy: two servers, nginx, PostGIS)
OFFICIAL = "官方数据 v1"


@pytest.fixture(scope="module", params=["postgis", "sqlite"])
def topology(request: pytest.FixtureRequest,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[Topology]:
    """Instances a and b on one store holding an editor account (made with the CLI), nginx
    in front. No login delay: the test logs in once."""
    folder = tmp_path_factory.mktemp(f"topology_{request.param}")
    url = None
    if request.param == "postgis":
        cluster: PostgisCluster = request.getfixturevalue("postgis_cluster")
        url = cluster.create_database("topology_e2e")
    store = SharedStore(folder / "store", url)
    made = subprocess.run([sys.executable, "-m", "geo.admin", "users", "add", ACCOUNT,
                           "--role", "editor", "--layers", "townships"], input=PASSWORD + "\n",
                          capture_output=True, text=True, cwd=PROJECT_ROOT,
                          env={**os.environ, **store.env()}, timeout=120)
    assert made.returncode == 0, made.stdout + made.stderr
    with Topology(store, folder, env={"HENGDONG_LOGIN_DELAY_SECONDS": "0"}) as running:
        yield running
    if url:
        cluster.drop_database("topology_e2e")


@pytest.fixture()
def pinned(browser: Browser, topology: Topology) -> Iterator[Callable[[str], Page]]:
    """pinned("a"): a fresh offline page whose route cookie sends it to instance a."""
    contexts: list[BrowserContext] = []

    def open_page(instance: str) -> Page:
        offline = OfflineLog()
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="zh-CN")
        context.route("**/*", offline.route)
        context.set_default_timeout(STEP_TIMEOUT_MS)  # clicks and fills wait as long
        context.add_cookies([{"name": ROUTE_COOKIE, "value": instance, "url": topology.url}])
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def route_of(page: Page) -> str:
    """The instance nginx's cookie names for this page's browser."""
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    return cookies[ROUTE_COOKIE]


def open_map(page: Page, url: str) -> None:
    """Load the viewer through nginx and wait until the 17 townships are drawn."""
    page.goto(url)
    townships = page.frame_locator(MAP_IFRAME).locator("path.hd-township")
    expect(townships).to_have_count(17, timeout=LOAD_TIMEOUT_MS)


def legend_says(page: Page, text: str):
    return page.frame_locator(MAP_IFRAME).get_by_text(text, exact=False)


def import_through_admin_page(page: Page, url: str, upload: Path) -> None:
    """Log in on the admin page and import `upload` as the townships' next version."""
    page.goto(f"{url}/admin")
    page.get_by_label("账号", exact=True).fill(ACCOUNT)
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text(f"已登录：{ACCOUNT}（编辑者）")).to_be_visible(timeout=STEP_TIMEOUT_MS)
    page.locator('input[type="file"]').set_input_files(str(upload))
    page.get_by_role("button", name="校验").click()
    expect(page.get_by_text("校验通过，可以导入。")).to_be_visible(timeout=STEP_TIMEOUT_MS)
    page.get_by_label("数据来源（显示在图例中）").fill("衡东县自然资源局")
    page.get_by_label("说明（必填）").fill("两个实例：经 A 导入")
    page.get_by_label("说明（必填）").press("Control+Enter")
    page.get_by_role("button", name="导入为新版本").click()
    expect(page.get_by_text("已导入为 v1。", exact=False)).to_be_visible(timeout=STEP_TIMEOUT_MS)


def test_import_through_a_is_served_by_b(topology: Topology, pinned: Callable[[str], Page],
                                         tmp_path: Path) -> None:
    on_b = pinned("b")
    open_map(on_b, topology.url)  # B has drawn (and cached) the open data before the import
    expect(legend_says(on_b, OFFICIAL)).to_have_count(0)

    on_a = pinned("a")
    frame = moved_border(official_townships(), 0, 0.01)
    import_through_admin_page(on_a, topology.url, write_geojson(frame, tmp_path / "乡镇.geojson"))
    assert route_of(on_a) == "a"

    open_map(on_b, topology.url)  # B's next page load
    expect(legend_says(on_b, OFFICIAL).first).to_be_attached(timeout=LOAD_TIMEOUT_MS)
    assert route_of(on_b) == "b"
    sqlite_file = topology.store.admin_dir / STORE_FILE_NAME
    assert sqlite_file.exists() == (topology.store.database_url is None)  # the store used


def test_killing_a_leaves_b_serving(topology: Topology, pinned: Callable[[str], Page]) -> None:
    on_a, on_b = pinned("a"), pinned("b")
    open_map(on_a, topology.url)
    open_map(on_b, topology.url)

    topology.kill("a")  # mid-session: A's page is open, its websocket connected to A

    # The open page reconnects through nginx to B, which answers its next widget change.
    on_a.get_by_text("English", exact=True).click()
    expect(on_a.get_by_role("combobox", name="Township")).to_be_visible(timeout=LOAD_TIMEOUT_MS)
    assert route_of(on_a) == "b"  # the cookie now keeps this browser on B
    open_map(on_a, topology.url)  # and a new page load through nginx works
    open_map(on_b, topology.url)
    assert route_of(on_b) == "b"
    fresh = pinned("a")  # a browser whose cookie still names A is served by B
    open_map(fresh, topology.url)
    assert route_of(fresh) == "b"
