"""The viewer with a large official red line (bench/large_layer.py: 20 000 parcels, ~43 MB)
imported through the admin command line: the red line comes as tiles, and a township click
still selects the township (looked up on the server in the full geometry)."""

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page

from bench.large_layer import write
from tests.e2e.conftest import PROJECT_ROOT, OfflineLog, running_app
from tests.e2e.test_viewer import click_township, map_frame, open_app

pytestmark = pytest.mark.e2e

TILES_DRAWN = """() => HD.tileLayers.filter((l) => l._map).length === 1
    && HD.tileLayers.every((l) => l.hdLoaded)
    && document.querySelectorAll('path.hd-redline').length > 10000"""


@pytest.fixture(scope="module")
def large_app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("large")
    geojson = write(folder / "redline.geojson")
    env = {**os.environ, "HENGDONG_ADMIN_DIR": str(folder / "store"),
           "PYTHONPATH": str(PROJECT_ROOT)}
    subprocess.run([sys.executable, "-m", "geo.admin", "import", str(geojson), "--layer",
                    "redline", "--comment", "e2e: large red line", "--admin", "e2e"],
                   env=env, check=True, capture_output=True)
    with running_app(folder, {}) as url:
        yield url


def test_township_click_with_a_large_red_line(page: Page, large_app_url: str,
                                              offline: OfflineLog) -> None:
    open_app(page, large_app_url, offline)
    frame = map_frame(page)
    frame.wait_for_function(TILES_DRAWN, timeout=180_000, polling=500)
    resources = [url for url in offline.requests if "/static/maps/" in url]
    assert any("/tiles/redline-" in url for url in resources)
    map_resource = next(url for url in resources if url.endswith(".js"))
    assert "HD.vectorTiles" in page.request.get(map_resource).text()
    click_township(page)
    assert not offline.errors
