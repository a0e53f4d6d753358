"""serve.py, the viewer as scripts/run.sh starts it: the map works under st.App, and /healthz
reports ok, then degraded (with the map page's notice) once the version store is damaged."""

import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from geo.admin import service
from harness.local_app import StreamlitServer
from tests.admin_support import official_townships, write_geojson
from tests.e2e.conftest import ARTIFACTS, PROJECT_ROOT
from ui.map_view import MAP_COMPONENT

pytestmark = pytest.mark.e2e

MAP_IFRAME = f'iframe[title="{MAP_COMPONENT}"]'


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """serve.py on a free port with a store holding one imported townships version."""
    folder = tmp_path_factory.mktemp("serve")
    store = folder / "store"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HENGDONG_ADMIN_DIR", str(store))
        service.import_file(write_geojson(official_townships(), folder / "t.geojson"),
                            "townships", "e2e", "health route")
    env = {"HENGDONG_ADMIN_DIR": str(store)}
    with StreamlitServer(PROJECT_ROOT / "serve.py", folder / "serve.log", env) as server:
        yield server.url, store / "versions.sqlite"


def _health(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_health_route_reports_ok_then_degraded(served: tuple[str, Path], page: Page) -> None:
    url, store = served
    assert _health(url) == (200, {"status": "ok", "missing": [], "store": {}})
    page.goto(url)
    expect(page.frame_locator(MAP_IFRAME).locator("path.hd-township")).to_have_count(
        17, timeout=90_000)

    garbage = store.with_name("garbage.sqlite")  # a damaged copy moved in while the app runs
    garbage.write_bytes(os.urandom(store.stat().st_size))
    for suffix in ("-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    os.replace(garbage, store)
    status, report = _health(url)
    assert status == 200 and report["status"] == "degraded"
    assert report["store"]["townships"]["problem"] == "StoreUnreadable"

    page.goto(url)  # a new visit: served from the last good copy, with the notice
    expect(page.get_by_text("官方数据暂不可读，显示上次校验通过的版本", exact=False)).to_be_visible(
        timeout=60_000)
    expect(page.frame_locator(MAP_IFRAME).locator("path.hd-township")).to_have_count(
        17, timeout=90_000)
    page.screenshot(path=ARTIFACTS / "store_damaged_notice.png")
