"""geo.datastore serves the admin's current version, else data/, and notices changes made by
another process on the next call (no restart), without re-parsing unchanged layers."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import shapely

from geo import datastore
from geo.admin import service
from geo.paths import MANIFEST_PATH, PROJECT_ROOT
from geo.store import open_store, settings
from tests.admin_support import official_townships, write_geojson

pytestmark = pytest.mark.both_backends


def test_without_imports_the_open_source_build_is_served() -> None:
    info = datastore.layer_info("townships")
    assert info["version"] == 0 and info["official"] is False
    assert info["version_label"] == "开源数据构建 / built from open sources"
    assert info["quality"] == "approximate"
    assert len(datastore.load_layer("townships")) == 17
    assert not settings.store_path().exists()  # reading never creates the store
    assert open_store().identity() is None


def test_an_import_by_another_process_shows_on_the_next_call(tmp_path: Path,
                                                             admin_dir: Path) -> None:
    service.import_file(write_geojson(official_townships(), tmp_path / "v1.geojson"),
                        "townships", "tester", "v1 in this process")
    assert datastore.layer_info("townships")["version"] == 1  # this thread now holds a reader
    bare = official_townships()[["name", "geometry"]]
    path = write_geojson(bare, tmp_path / "official.geojson")
    subprocess.run([sys.executable, "-m", "geo.admin", "import", str(path), "--layer",
                    "townships", "--comment", "official", "--source", "县自然资源局"],
                   cwd=PROJECT_ROOT, env={**os.environ, settings.ADMIN_DIR_ENV: str(admin_dir)},
                   check=True, capture_output=True)
    info = datastore.layer_info("townships")
    assert info["version"] == 2 and info["source"] == "县自然资源局"
    manifest = json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))["layers"]["townships"]
    assert info["title_zh"] == manifest["title_zh"] and info["quality"] == "surveyed"
    assert datastore.load_layer("townships").equals(
        service.frame_from_geojson(open_store().version_bytes("townships", 2)))


def test_unchanged_layers_are_not_parsed_again(monkeypatch: pytest.MonkeyPatch,
                                               tmp_path: Path) -> None:
    service.import_file(write_geojson(official_townships(), tmp_path / "a.geojson"),
                        "townships", "tester", "v1")
    reads = []
    real_read = datastore.read_geojson
    monkeypatch.setattr(datastore, "read_geojson",
                        lambda *a, **k: reads.append(a) or real_read(*a, **k))
    first = datastore.load_layer("townships")
    first.loc[first.index[0], "name"] = "changed by a caller"  # callers get a copy
    second = datastore.load_layer("townships")
    assert len(reads) == 1
    assert second["name"].iloc[0] == "洣水镇"
    service.rollback("townships", 0, "tester")
    assert datastore.load_layer("townships")["quality"].iloc[0] == "approximate"


def _import_red_line(tmp_path: Path) -> None:
    """Import one red-line polygon (a square around the county centre, cut to the county)."""
    county = datastore.load_layer("county").geometry.iloc[0]
    part = county.intersection(shapely.box(*county.centroid.buffer(0.05).bounds))
    frame = official_townships().iloc[:1][["geometry"]].copy()
    frame.loc[frame.index[0], "geometry"] = part
    service.import_file(write_geojson(frame, tmp_path / "redline.geojson"), "redline", "tester",
                        "official red line", source="衡阳市生态环境局")


def test_a_layer_only_an_admin_provides(tmp_path: Path) -> None:
    assert not datastore.has_layer("redline")
    _import_red_line(tmp_path)
    assert datastore.has_layer("redline") and "redline" in datastore.layer_ids()
    info = datastore.layer_info("redline")
    assert info["title_zh"] == "生态保护红线" and info["version"] == 1
    assert len(datastore.load_layer("redline")) == 1


def test_the_viewer_data_version_changes_when_an_admin_adds_a_layer(tmp_path: Path) -> None:
    """The cached map is keyed on ui.data.data_version: a first import of an admin-only layer
    (the red line) must change it, or the map would not show it before a restart."""
    from geo.data_version import data_version

    before = data_version()
    _import_red_line(tmp_path)
    assert "redline=" in data_version() and data_version() != before
