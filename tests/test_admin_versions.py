"""Versions: change summary, derived township attributes, exact rollback, audit log,
concurrent imports from parallel processes, and the CLI."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo import datastore
from geo.admin import integrity, integrity_pg, service
from geo.admin.measure import area_km2
from geo.admin.serialize import sha256
from geo.paths import PROJECT_ROOT
from geo.store import open_store, settings
from tests.admin_support import moved_border, official_townships, townships, write_geojson
from tests.store_support import database_url

pytestmark = pytest.mark.both_backends


def _grown(index: int, radius_deg: float, path: Path) -> Path:
    """Townships where `index` gives a disc of its border area to its neighbour."""
    return write_geojson(moved_border(official_townships(), index, radius_deg), path)


def test_import_derives_what_the_viewer_reads(tmp_path: Path) -> None:
    bare = official_townships()[["name", "geometry"]]  # an official file with names only
    meta = service.import_file(write_geojson(bare, tmp_path / "bare.geojson"), "townships",
                               "tester", "names only", source="衡东县自然资源局",
                               licence="internal use")
    assert meta.summary["compared_with"] == "open-source build"
    assert meta.summary["changed"] == [] and meta.summary["unchanged"] == 17
    served = datastore.load_layer("townships").set_index("name")
    built = townships().set_index("name")
    for column in ("code", "name_en", "kind", "seat_lon", "seat_lat"):
        assert (served[column] == built[column]).all(), column
    assert (served["area_km2"] - built["area_km2"]).abs().max() < 0.01
    assert set(served["quality"]) == {"surveyed"}
    info = datastore.layer_info("townships")
    assert info["version"] == 1 and info["official"] is True
    assert info["source"] == "衡东县自然资源局" and info["licence"] == "internal use"
    assert info["version_label"].startswith("官方数据 v1，20")
    assert "official v1, imported 20" in info["version_label"]


def test_change_summary_counts_changed_features_and_area(tmp_path: Path) -> None:
    service.import_file(write_geojson(official_townships(), tmp_path / "v1.geojson"),
                        "townships", "tester", "first")
    mishui = official_townships().geometry.iloc[0]
    moved = moved_border(official_townships(), 0, 0.01)
    meta = service.import_file(write_geojson(moved, tmp_path / "v2.geojson"), "townships",
                               "tester", "move a border of 洣水镇")
    summary = meta.summary
    assert summary["compared_with"] == "v1"
    grown = next(n for n, g, h in zip(moved.name, moved.geometry, official_townships().geometry,
                                      strict=True) if g.area > h.area)
    assert sorted(summary["changed"]) == sorted(summary["geometry_changed"]) == sorted(
        ["洣水镇", grown])
    assert summary["unchanged"] == 15
    assert summary["added"] == [] and summary["removed"] == []
    lost = area_km2(mishui) - area_km2(moved.geometry.iloc[0])
    assert lost > 1  # a disc of about 1 km radius
    by_feature = summary["area_km2_change_by_feature"]
    assert by_feature["洣水镇"] == pytest.approx(-lost, abs=0.01)
    assert by_feature[grown] == pytest.approx(lost, abs=0.01)
    assert summary["area_km2_change"] == pytest.approx(0, abs=0.01)  # the county is unchanged
    assert mishui.area > datastore.load_layer("townships").geometry.iloc[0].area


def test_rollback_restores_the_exact_previous_bytes(tmp_path: Path) -> None:
    first = service.import_file(write_geojson(official_townships(), tmp_path / "a.geojson"),
                                "townships", "alice", "first")
    store = open_store()
    first_bytes = store.version_bytes("townships", 1)
    service.import_file(_grown(3, 0.01, tmp_path / "b.geojson"), "townships", "bob", "second")
    assert store.version_bytes("townships", 2) != first_bytes
    assert datastore.layer_info("townships")["sha256"] != first.sha256

    service.rollback("townships", 1, "carol", "second was wrong")
    assert store.current_version("townships") == 1
    assert store.version_bytes("townships", 1) == first_bytes
    assert sha256(first_bytes) == first.sha256 == datastore.layer_info("townships")["sha256"]
    assert [m.version for m in service.history("townships")] == [1, 2]  # nothing deleted

    service.rollback("townships", 0, "carol", "back to open data")
    assert datastore.layer_info("townships")["version"] == 0
    assert datastore.load_layer("townships").equals(townships())
    actions = [(e["action"], e["admin"], e["version"])
               for e in store.audit_log("townships")]
    assert actions == [("rollback", "carol", 0), ("rollback", "carol", 1),
                       ("import", "bob", 2), ("import", "alice", 1)]


def test_rollback_to_a_missing_version_changes_nothing(tmp_path: Path) -> None:
    service.import_file(write_geojson(official_townships(), tmp_path / "a.geojson"),
                        "townships", "alice", "first")
    with pytest.raises(KeyError, match="no version 7"):
        service.rollback("townships", 7, "alice")
    assert open_store().current_version("townships") == 1


# Each child waits for the start file, then imports: the imports really overlap.
CHILD = """
import sys, time
from pathlib import Path
from geo.admin import service
start, path, worker = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
while not start.exists():
    time.sleep(0.01)
print(service.import_file(path, "townships", f"admin{worker}", f"parallel {worker}").version)
"""
HANG_GUARD_S = 300  # not a timing assertion: only stops a deadlock from hanging the suite


def test_concurrent_imports_from_parallel_processes(tmp_path: Path, admin_dir: Path) -> None:
    workers = 6
    files = [_grown(i, 0.005 * (i + 1), tmp_path / f"p{i}.geojson") for i in range(workers)]
    start = tmp_path / "start"
    env = {**os.environ, settings.ADMIN_DIR_ENV: str(admin_dir)}
    children = [subprocess.Popen([sys.executable, "-c", CHILD, str(start), str(f), str(i)],
                                 cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True)
                for i, f in enumerate(files)]
    start.touch()
    outputs = [child.communicate(timeout=HANG_GUARD_S) for child in children]
    assert [child.returncode for child in children] == [0] * workers, outputs
    versions = [int(out.split()[-1]) for out, _err in outputs]
    assert sorted(versions) == list(range(1, workers + 1))
    store = open_store()
    history = service.history("townships")
    assert [m.version for m in history] == list(range(1, workers + 1))
    for meta in history:
        assert sha256(store.version_bytes("townships", meta.version)) == meta.sha256
        previous = meta.version - 1
        assert meta.summary["compared_with"] == (f"v{previous}" if previous else
                                                 "open-source build")
    assert store.current_version("townships") == workers  # the last committed import
    assert len([e for e in store.audit_log("townships") if e["action"] == "import"]) == workers
    url = database_url()
    assert (integrity_pg.check(url) if url else integrity.check(settings.store_path())) == []


def _cli(*args: str, admin_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, settings.ADMIN_DIR_ENV: str(admin_dir)}
    return subprocess.run([sys.executable, "-m", "geo.admin", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, check=False)


def test_cli_validate_import_history_rollback(tmp_path: Path, admin_dir: Path) -> None:
    good = write_geojson(official_townships(), tmp_path / "good.geojson")
    bad = write_geojson(official_townships().iloc[:16], tmp_path / "bad.geojson")

    checked = _cli("validate", str(bad), "--layer", "townships", admin_dir=admin_dir)
    assert checked.returncode == 1 and "townships missing: 石滩乡" in checked.stdout
    refused = _cli("import", str(bad), "--layer", "townships", "--comment", "x",
                   admin_dir=admin_dir)
    assert refused.returncode == 1 and "NOT IMPORTED" in refused.stdout
    imported = _cli("import", str(good), "--layer", "townships", "--comment", "official 2026",
                    "--admin", "alice", admin_dir=admin_dir)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert "IMPORTED townships v1" in imported.stdout
    history = _cli("history", "townships", admin_dir=admin_dir)
    assert "* v1" in history.stdout and "alice" in history.stdout
    assert "import-rejected" in history.stdout
    rolled = _cli("rollback", "townships", "0", "--admin", "alice", admin_dir=admin_dir)
    assert rolled.returncode == 0
    assert open_store().current_version("townships") == 0
