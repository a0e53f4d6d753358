"""The map resource: a static file named for its content, written once and atomically, whose
URL changes when an admin import or a plan edit changes the map."""

import os
import re
import shutil
from functools import partial
from pathlib import Path

import pytest

import geo.paths
import geo.plan.current
from geo.admin import service
from geo.paths import PLAN_DIR
from geo.plan import load_plan
from layers.assets import MAP_ASSETS, STATIC_DIR, STATIC_URL
from tests.admin_support import moved_border, official_townships, write_geojson
from ui import map_resource, map_view
from ui.state import ViewState

VIEW = ViewState(lang="zh", basemap="osm", custom_tile_url=None, township_code=None,
                 industry=None)


def test_name_carries_the_map_and_its_content_hash() -> None:
    name = map_resource.resource_name("HD.defineMap({}, f);", "amap", "en")
    assert name.startswith("amap-en-") and name.endswith(".js")
    assert name != map_resource.resource_name("HD.defineMap({}, g);", "amap", "en")
    assert name == map_resource.resource_name("HD.defineMap({}, f);", "amap", "en")


def test_publish_writes_once_atomically_with_the_data_time(tmp_path: Path) -> None:
    url = map_resource.publish("text one", "osm-zh-1.js", 1_600_000_000.0, folder=tmp_path)
    assert url == f"{map_resource.MAPS_URL}/osm-zh-1.js"
    path = tmp_path / "osm-zh-1.js"
    assert path.read_text(encoding="utf-8") == "text one"
    assert path.stat().st_mtime == 1_600_000_000.0  # served as its Last-Modified
    map_resource.publish("text two", "osm-zh-1.js", 1_700_000_000.0, folder=tmp_path)
    assert path.read_text(encoding="utf-8") == "text one"  # a name is one content: kept
    assert [p.name for p in tmp_path.iterdir()] == ["osm-zh-1.js"]  # no temporary left


def test_only_the_newest_versions_are_kept(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(map_resource, "KEEP_FILES", 3)
    for index in range(5):
        map_resource.publish(f"v{index}", f"osm-zh-{index}.js", 1e9, folder=tmp_path)
        os.utime(tmp_path / f"osm-zh-{index}.js", (1e9, 1e9))  # same mtime: ctime decides
    assert len(list(tmp_path.glob("*.js"))) == 3
    assert (tmp_path / "osm-zh-4.js").exists()


@pytest.fixture()
def admin_dir(admin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The isolated store of tests/conftest.py, and map resources written under tmp_path."""
    monkeypatch.setattr(map_resource, "MAPS_DIR", tmp_path / "maps")
    monkeypatch.setattr(map_view, "publish", partial(map_resource.publish,
                                                     folder=tmp_path / "maps"))
    return admin_dir


@pytest.mark.usefixtures("admin_dir")
def test_url_changes_when_an_admin_import_changes_the_townships(tmp_path: Path) -> None:
    before = map_view.map_url(VIEW)
    assert map_view.map_url(VIEW) == before
    frame = moved_border(official_townships(), 0, 0.01)  # the importer wants a tiling
    service.import_file(write_geojson(frame, tmp_path / "v1.geojson"), "townships", "tester",
                        "official boundaries")
    after = map_view.map_url(VIEW)
    assert after != before and after.startswith(f"{map_resource.MAPS_URL}/osm-zh-")
    assert (tmp_path / "maps" / after.rsplit("/", 1)[1]).is_file()


@pytest.mark.usefixtures("admin_dir")
def test_url_changes_when_a_plan_edit_changes_the_map(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plan_dir = tmp_path / "plan"
    shutil.copytree(PLAN_DIR, plan_dir)
    monkeypatch.setattr(geo.paths, "PLAN_DIR", plan_dir)
    monkeypatch.setattr(geo.plan.current, "load_plan", partial(load_plan, plan_dir))
    before = map_view.map_url(VIEW)
    industries = plan_dir / "industries.yaml"
    industries.write_text(industries.read_text(encoding="utf-8").replace(
        "name: 优质稻", "name: 优质水稻", 1), encoding="utf-8")
    os.utime(industries, ns=(1, 1))  # a new stamp even on a coarse clock
    after = map_view.map_url(VIEW)
    assert after != before
    assert "优质水稻" in (tmp_path / "maps" / after.rsplit("/", 1)[1]).read_text("utf-8")


def test_the_frame_preloads_only_what_the_resource_loads_and_runs_only_the_host() -> None:
    page = (map_view.FRAME_DIR / "index.html").read_text(encoding="utf-8")
    preloaded = re.findall(r'<link rel="preload" href="([^"]+)"', page)
    assert preloaded and set(preloaded) <= set(MAP_ASSETS)
    scripts = re.findall(r'<script src="([^"]+)"', page)
    assert scripts == [f"{STATIC_URL}/map/hd-host.js"]
    for url in [*preloaded, *scripts]:
        assert (STATIC_DIR / url.removeprefix(f"{STATIC_URL}/")).is_file(), url
