"""What only the PostGIS store has: geometry columns, the migration from an SQLite store (twice
changes nothing), a pg_dump restored into a fresh database serving the same versions, and a
database that goes away while the app runs."""

import itertools
import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from geo import datastore
from geo.admin import service
from geo.admin.accounts import ADMIN, Accounts
from geo.paths import PROJECT_ROOT
from geo.store import open_store
from geo.store.model import StoreUnreadable
from geo.store.settings import DATABASE_URL_ENV
from harness.postgis import PG_BIN, PostgisCluster
from tests.admin_support import moved_border, official_townships, townships, write_geojson

PASSWORD = "Tr0ub4dor&3-horse-staple"
_names = itertools.count(1)


@pytest.fixture()
def database(postgis_cluster: PostgisCluster) -> tuple[PostgisCluster, str]:
    """A fresh PostGIS database (not the store the test runs on) and its name."""
    name = f"target_{next(_names)}"
    postgis_cluster.create_database(name)
    yield postgis_cluster, name
    postgis_cluster.drop_database(name)


def _fill(tmp_path: Path) -> None:
    """Two imports, a refused one, a rollback and an account: the store's every table."""
    for version, radius in ((1, 0.01), (2, 0.015)):
        frame = moved_border(official_townships(), 0, radius)
        service.import_file(write_geojson(frame, tmp_path / f"v{version}.geojson"),
                            "townships", "alice", f"v{version}")
    refused = write_geojson(official_townships().iloc[:16], tmp_path / "bad.geojson")
    with pytest.raises(Exception, match="石滩乡"):
        service.import_file(refused, "townships", "alice", "sixteen")
    service.rollback("townships", 1, "bob", "v2 was wrong")
    Accounts(open_store()).add("carol", ADMIN, PASSWORD, "cli:test", "cli")


def _snapshot() -> dict:
    store = open_store()
    history = store.history("townships")
    return {"current": store.current_version("townships"), "history": history,
            "bytes": [store.version_bytes("townships", m.version) for m in history],
            "audit": store.audit_entries(), "accounts": store.accounts()}


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo.admin", *args], cwd=PROJECT_ROOT,
                          env=os.environ, capture_output=True, text=True, check=False)


def test_versions_are_stored_as_geometries_with_a_spatial_index(
        tmp_path: Path, database: tuple[PostgisCluster, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    cluster, name = database
    monkeypatch.setenv(DATABASE_URL_ENV, cluster.url(name))
    service.import_file(write_geojson(official_townships(), tmp_path / "t.geojson"),
                        "townships", "alice", "official")
    with psycopg.connect(cluster.url(name)) as db:
        count, srids, area = db.execute(
            "SELECT count(*), array_agg(DISTINCT ST_SRID(geom)), "
            "sum(ST_Area(geom::geography)) / 1e6 FROM hengdong.features "
            "WHERE layer_id = 'townships' AND version = 1").fetchone()
        index = db.execute("SELECT indexdef FROM pg_indexes WHERE schemaname = 'hengdong' "
                           "AND indexname = 'features_geom'").fetchone()[0]
    assert count == 17 and srids == [4326]
    assert area == pytest.approx(townships()["area_km2"].sum(), rel=0.01)
    assert "USING gist (geom)" in index


def test_migrate_copies_everything_and_a_second_run_changes_nothing(
        tmp_path: Path, database: tuple[PostgisCluster, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    _fill(tmp_path)  # on the SQLite store of this test
    before = _snapshot()
    cluster, name = database
    first = _cli("migrate", "--to", cluster.url(name))
    assert first.returncode == 0, first.stdout + first.stderr
    assert "versions 2, current 1, audit" in first.stdout and "accounts 1" in first.stdout
    second = _cli("migrate", "--to", cluster.url(name))
    assert second.returncode == 0, second.stdout + second.stderr
    assert "versions 0, current 0, audit 0, accounts 0" in second.stdout

    monkeypatch.setenv(DATABASE_URL_ENV, cluster.url(name))
    assert _snapshot() == before  # byte-exact versions, the same audit rows and accounts
    assert datastore.layer_info("townships")["version"] == 1
    assert _cli("check").returncode == 0
    # the audit ids go on after the migrated ones
    service.rollback("townships", 0, "bob", "after the move")
    assert open_store().audit_entries()[0]["id"] == before["audit"][0]["id"] + 1


def test_migrate_refuses_a_target_holding_another_store(
        tmp_path: Path, database: tuple[PostgisCluster, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    cluster, name = database
    with monkeypatch.context() as other:
        other.setenv(DATABASE_URL_ENV, cluster.url(name))
        service.import_file(write_geojson(official_townships(), tmp_path / "o.geojson"),
                            "townships", "dave", "another store")
    _fill(tmp_path)
    refused = _cli("migrate", "--to", cluster.url(name))
    assert refused.returncode == 1 and "nothing was changed" in refused.stdout
    monkeypatch.setenv(DATABASE_URL_ENV, cluster.url(name))
    assert [m.admin for m in open_store().history("townships")] == ["dave"]


def test_a_dump_restored_into_a_fresh_database_serves_the_same_versions(
        tmp_path: Path, database: tuple[PostgisCluster, str],
        postgis_cluster: PostgisCluster, monkeypatch: pytest.MonkeyPatch) -> None:
    cluster, name = database
    monkeypatch.setenv(DATABASE_URL_ENV, cluster.url(name))
    _fill(tmp_path)
    before, served = _snapshot(), datastore.load_layer("townships")
    backed = _cli("backup", str(tmp_path / "store.dump"))
    assert backed.returncode == 0, backed.stdout + backed.stderr

    fresh = f"restored_{next(_names)}"
    postgis_cluster.psql(f'CREATE DATABASE "{fresh}"')  # empty: the dump brings PostGIS too
    try:
        subprocess.run([str(PG_BIN / "pg_restore"), "--dbname", cluster.url(fresh),
                        str(tmp_path / "store.dump")], check=True, capture_output=True)
        monkeypatch.setenv(DATABASE_URL_ENV, cluster.url(fresh))
        assert _snapshot() == before
        assert datastore.layer_info("townships")["version"] == 1
        assert datastore.load_layer("townships").equals(served)
        assert _cli("check").returncode == 0
    finally:
        postgis_cluster.drop_database(fresh)


def test_a_database_gone_while_the_app_runs_serves_the_last_good_copy(
        tmp_path: Path, postgis_cluster: PostgisCluster,
        monkeypatch: pytest.MonkeyPatch) -> None:
    name = f"gone_{next(_names)}"
    monkeypatch.setenv(DATABASE_URL_ENV, postgis_cluster.create_database(name))
    service.import_file(write_geojson(moved_border(official_townships(), 0, 0.01),
                                      tmp_path / "v1.geojson"), "townships", "alice", "v1")
    served = datastore.load_layer("townships")
    postgis_cluster.drop_database(name)
    assert datastore.load_layer("townships").equals(served)
    assert isinstance(datastore.store_troubles()["townships"], StoreUnreadable)
    assert datastore.serving_last_good("townships")
    checked = _cli("check")
    assert checked.returncode == 1 and "PostgreSQL cannot read the store" in checked.stdout
