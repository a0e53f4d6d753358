"""A damaged version store never takes the viewer down: corrupted or truncated SQLite, a tampered
version, a store replaced or deleted on disk while the app runs; the viewer serves the last good
copy or the open data with a notice, `geo.admin check` / `repair` find and fix it, and a write
waiting for a lock says so and gives up within a bound."""

import logging
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import datastore
from geo.admin import integrity, service
from geo.paths import PROJECT_ROOT
from geo.store import open_store, postgis, settings, sqlite
from geo.store.model import StoreBusy, StoreTampered, StoreUnreadable
from tests.admin_support import moved_border, official_townships, townships, write_geojson
from tests.store_support import hold_write_lock, overwrite_version

pytestmark = pytest.mark.both_backends

OPEN_DATA_NOTICE = "官方数据暂不可用，显示开放数据"



def _fresh_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forget what this process has read, as a restarted app would."""
    monkeypatch.setattr(datastore, "_last_good", {})
    monkeypatch.setattr(datastore, "_cache", {})


def _import(tmp_path: Path, name: str, radius: float = 0.0) -> int:
    frame = moved_border(official_townships(), 0, radius) if radius else official_townships()
    return service.import_file(write_geojson(frame, tmp_path / name), "townships", "tester",
                               name).version


def _drop_sidecars(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _corrupt_random(path: Path) -> None:
    _checkpoint(path)
    _drop_sidecars(path)
    path.write_bytes(os.urandom(path.stat().st_size))


def _truncate(path: Path) -> None:
    _checkpoint(path)
    _drop_sidecars(path)
    with path.open("rb+") as db:
        db.truncate(path.stat().st_size // 3)


def _tamper(version: int) -> None:
    served = datastore.load_layer("townships")
    served.loc[served.index[0], "name_en"] = "tampered"
    overwrite_version("townships", version, served.to_json().encode())


@pytest.mark.sqlite_only
@pytest.mark.parametrize("damage", [_corrupt_random, _truncate])
def test_unreadable_store_serves_last_good_copy_then_open_data(
        damage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    served = datastore.load_layer("townships")
    damage(settings.store_path())

    assert datastore.load_layer("townships").equals(served)  # the last good copy
    troubles = datastore.store_troubles()
    assert isinstance(troubles["townships"], StoreUnreadable)
    assert "python -m geo.admin check" in troubles["townships"].en
    assert datastore.serving_last_good("townships")
    assert datastore.layer_info("townships")["version"] == 1

    _fresh_process(monkeypatch)  # restarted: nothing good read yet, so the open data
    assert datastore.load_layer("townships").equals(townships())
    assert datastore.layer_info("townships")["version"] == 0
    assert not datastore.serving_last_good("townships")
    assert datastore.layer_ids()  # the committed layers are all still listed


def test_tampered_version_is_not_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    _tamper(1)
    _fresh_process(monkeypatch)
    assert "tampered" not in set(datastore.load_layer("townships")["name_en"])
    assert datastore.load_layer("townships").equals(townships())
    assert isinstance(datastore.store_troubles()["townships"], StoreTampered)
    assert datastore.layer_info("townships")["version"] == 0  # never the tampered checksum
    viewer = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120).run()
    assert not viewer.exception
    assert [w.value for w in viewer.warning] == [f"{OPEN_DATA_NOTICE}：乡镇"]


@pytest.mark.sqlite_only
def test_store_replaced_on_disk_is_reopened(tmp_path: Path) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    path = settings.store_path()
    saved = integrity.backup(path, tmp_path / "backup.sqlite")
    v1 = datastore.load_layer("townships")
    _import(tmp_path, "v2.geojson", 0.015)
    assert datastore.layer_info("townships")["version"] == 2

    os.replace(saved, path)  # an admin restores a backup with mv while the app runs
    _drop_sidecars(path)
    assert datastore.layer_info("townships")["version"] == 1
    assert datastore.load_layer("townships").equals(v1)

    path.unlink()  # deleted: the open data
    assert datastore.layer_info("townships")["version"] == 0
    assert not datastore.store_troubles()

    _import(tmp_path, "v3.geojson", 0.005)  # re-created: a new store with its own v1
    assert datastore.layer_info("townships")["version"] == 1
    assert not datastore.load_layer("townships").equals(v1)


@pytest.mark.sqlite_only
def test_viewer_and_admin_page_show_the_notice_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    _corrupt_random(settings.store_path())
    _fresh_process(monkeypatch)
    viewer = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120).run()
    assert not viewer.exception
    assert [w.value for w in viewer.warning] == [OPEN_DATA_NOTICE]

    monkeypatch.setenv("HENGDONG_ADMIN_PASSWORD", "pw")

    def admin_page() -> None:
        from ui.admin_page import render_admin_page

        render_admin_page("zh")

    admin = AppTest.from_function(admin_page, default_timeout=60).run()
    assert not admin.exception
    assert any(OPEN_DATA_NOTICE in w.value for w in admin.warning)
    assert len(admin.error) == 1 and "无法读取" in admin.error[0].value
    assert any("geo.admin check" in i.value and "repair" in i.value for i in admin.info)
    # The accounts live in the store: no login form and no tools while it cannot be read.
    assert not admin.text_input and not admin.button
    assert not admin.selectbox and not admin.get("file_uploader")


def _cli(*args: str, admin_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, settings.ADMIN_DIR_ENV: str(admin_dir)}
    return subprocess.run([sys.executable, "-m", "geo.admin", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, check=False)


@pytest.mark.sqlite_only
def test_check_and_repair_restore_from_a_backup(tmp_path: Path, admin_dir: Path) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    assert _cli("check", admin_dir=admin_dir).returncode == 0
    backed = _cli("backup", admin_dir=admin_dir)
    assert backed.returncode == 0 and "backups/versions-" in backed.stdout
    _corrupt_random(settings.store_path())

    checked = _cli("check", admin_dir=admin_dir)
    assert checked.returncode == 1 and "SQLite cannot read the file" in checked.stdout
    assert "Traceback" not in checked.stdout + checked.stderr
    repaired = _cli("repair", "--admin", "ops", admin_dir=admin_dir)
    assert repaired.returncode == 0 and "restored from versions-" in repaired.stdout
    assert list(admin_dir.glob("versions.sqlite.damaged-*"))
    assert _cli("check", admin_dir=admin_dir).returncode == 0
    assert datastore.layer_info("townships")["version"] == 1
    assert not datastore.store_troubles()


@pytest.mark.sqlite_only
def test_repair_without_any_backup_says_what_to_give(tmp_path: Path, admin_dir: Path) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    _truncate(settings.store_path())
    repaired = _cli("repair", admin_dir=admin_dir)
    assert repaired.returncode == 1 and "--from FILE" in repaired.stdout
    assert "Traceback" not in repaired.stdout + repaired.stderr


def test_repair_serves_the_newest_intact_version_instead_of_a_tampered_one(
        tmp_path: Path, admin_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    _import(tmp_path, "v2.geojson", 0.015)
    _tamper(2)
    checked = _cli("check", admin_dir=admin_dir)
    assert checked.returncode == 1 and "townships v2: stored data does not match" in checked.stdout
    repaired = _cli("repair", "--admin", "ops", admin_dir=admin_dir)
    assert "v2 failed its checksum, now serving v1" in repaired.stdout
    _fresh_process(monkeypatch)
    assert datastore.layer_info("townships")["version"] == 1
    assert not datastore.store_troubles()
    assert open_store().audit_log("townships")[0]["admin"] == "ops"


def _poll_quickly(monkeypatch: pytest.MonkeyPatch, limit_s: float | None = None) -> None:
    for backend in (sqlite, postgis):
        monkeypatch.setattr(backend, "LOCK_POLL_S", 0.2)
        if limit_s is not None:
            monkeypatch.setattr(backend, "LOCK_WAIT_LIMIT_S", limit_s)


def test_a_write_waiting_for_the_lock_says_so_and_then_succeeds(
        tmp_path: Path, caplog: pytest.LogCaptureFixture,
        monkeypatch: pytest.MonkeyPatch) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    _poll_quickly(monkeypatch)
    started = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(1.5, started))
    holder.start()
    started.wait()
    with caplog.at_level(logging.WARNING, logger="geo.store"):
        service.rollback("townships", 0, "tester", "while locked")
    holder.join()
    assert any("locked by another write; waiting" in r.getMessage() for r in caplog.records)
    assert open_store().current_version("townships") == 0


def test_a_write_locked_too_long_gives_up_with_a_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _import(tmp_path, "v1.geojson", 0.01)
    _poll_quickly(monkeypatch, limit_s=0.5)
    started = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(2.0, started))
    holder.start()
    started.wait()
    with pytest.raises(StoreBusy, match="nothing was changed"):
        service.rollback("townships", 0, "tester", "while locked")
    holder.join()
    assert open_store().current_version("townships") == 1
