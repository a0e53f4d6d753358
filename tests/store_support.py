"""What store tests do below the store's interface, on whichever backend the test runs
(tests/conftest.py): change stored bytes, hold the write lock, read everything stored."""

import os
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import psycopg

from geo.store import settings
from geo.store.postgis import WRITE_LOCK_KEY
from harness.postgis import PG_BIN


def database_url() -> str | None:
    """The running test's PostGIS database, None on the SQLite backend."""
    return os.environ.get(settings.DATABASE_URL_ENV) or None


def overwrite_version(layer_id: str, version: int, data: bytes) -> None:
    """Replace a stored version's bytes behind the store's back (its checksum stays)."""
    query = "UPDATE {}versions SET geojson = {p} WHERE layer_id = {p} AND version = {p}"
    url = database_url()
    if url is None:
        with sqlite3.connect(settings.store_path()) as db:
            db.execute(query.format("", p="?"), (data, layer_id, version))
        return
    with psycopg.connect(url) as db:
        db.execute(query.format("hengdong.", p="%s"), (data, layer_id, version))


def hold_write_lock(seconds: float, started: threading.Event) -> None:
    """Hold the store's write lock for `seconds` (set `started` once held)."""
    url = database_url()
    if url is None:
        db = sqlite3.connect(settings.store_path(), isolation_level=None)
        db.execute("BEGIN IMMEDIATE")
        started.set()
        time.sleep(seconds)
        db.execute("ROLLBACK")
        db.close()
        return
    with psycopg.connect(url) as db:
        db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK_KEY,))
        started.set()
        time.sleep(seconds)
        db.rollback()


def change_audit_directly(statement: str) -> None:
    """Run an SQL statement on the audit table behind the store's back."""
    url = database_url()
    if url is None:
        with sqlite3.connect(settings.store_path()) as db:
            db.execute(statement)
        return
    with psycopg.connect(url) as db:
        db.execute("SET search_path TO hengdong")
        db.execute(statement)


def everything_stored(folder: Path) -> bytes:
    """Every byte the store keeps: the SQLite files, or a plain dump of the database."""
    url = database_url()
    if url is None:
        return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())
    return subprocess.run([str(PG_BIN / "pg_dump"), "--data-only", "--dbname", url],
                          capture_output=True, check=True).stdout
