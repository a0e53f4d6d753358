"""The one isolated admin store of the tests: every test gets an empty store of its own (never
the developer's ./admin_data). Modules marked `pytest.mark.both_backends` run every test twice,
on the SQLite file and on a PostgreSQL + PostGIS database of a real throw-away cluster
(harness/postgis.py, started once per session, each test in a fresh database)."""

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.store.settings import ADMIN_DIR_ENV, DATABASE_URL_ENV
from harness.postgis import PostgisCluster

BACKENDS = ("sqlite", "postgis")
_databases = itertools.count(1)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "both_backends: run each test on SQLite and PostGIS")
    config.addinivalue_line("markers", "sqlite_only: a both_backends test about the SQLite file")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("both_backends"):
        sqlite_only = metafunc.definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("admin_dir", BACKENDS[:1] if sqlite_only else BACKENDS,
                             indirect=True)


@pytest.fixture(scope="session")
def postgis_cluster() -> Iterator[PostgisCluster]:
    """One PostgreSQL + PostGIS cluster for the whole run, removed at its end."""
    with PostgisCluster() as cluster:
        yield cluster


@pytest.fixture(autouse=True)
def admin_dir(request: pytest.FixtureRequest, tmp_path: Path,
              monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty store for this test; the folder is HENGDONG_ADMIN_DIR (the SQLite file and
    backups), and on the postgis backend HENGDONG_DATABASE_URL names a fresh database."""
    folder = tmp_path / "admin"
    monkeypatch.setenv(ADMIN_DIR_ENV, str(folder))
    monkeypatch.delenv(DATABASE_URL_ENV, raising=False)
    if getattr(request, "param", "sqlite") == "sqlite":
        yield folder
        return
    cluster: PostgisCluster = request.getfixturevalue("postgis_cluster")
    name = f"store_{next(_databases)}"
    monkeypatch.setenv(DATABASE_URL_ENV, cluster.create_database(name))
    yield folder
    cluster.drop_database(name)
