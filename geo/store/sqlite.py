"""The SQLite backend of the version store: every version, the current pointer, the audit log.

One SQLite file (geo.store.settings.store_path()). Writers take `BEGIN IMMEDIATE`, so two imports
at once are serialised by SQLite and each gets its own version number; the current version
switches in the same transaction that stores the version, so readers see old or new, never half.
A writer that finds the store locked says so (logged) and retries for at most LOCK_WAIT_LIMIT_S.

Readers share one connection per store file and notice when the file on disk is replaced (a
backup moved in, the file deleted and re-created): they re-open it. Whatever SQLite cannot
read becomes a StoreUnreadable, a version whose bytes no longer match the checksum recorded at
import a StoreTampered: geo.datastore then serves the last good copy or the open data.
"""

import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from geo.store.model import (
    LOCK_WAIT_LIMIT_S,
    OPEN_SOURCE_VERSION,
    AuditEntry,
    NewVersion,
    StoreBusy,
    StoreUnreadable,
    VersionMeta,
    now_utc,
)
from geo.store.reads import VersionReads
from geo.store.sqlite_accounts import AccountTables, migrate, write_audit

BUSY_TIMEOUT_S = 60.0  # readers wait this long for a writer's lock
LOCK_POLL_S = 2.0  # a writer tries to take the lock for this long before saying it waits
SCHEMA = """
CREATE TABLE IF NOT EXISTS versions (
    layer_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    admin TEXT NOT NULL,
    comment TEXT NOT NULL,
    source TEXT NOT NULL,
    licence TEXT NOT NULL,
    quality TEXT NOT NULL,
    upload_name TEXT NOT NULL,
    upload_sha256 TEXT NOT NULL,
    upload BLOB NOT NULL,
    sha256 TEXT NOT NULL,
    geojson BLOB NOT NULL,
    feature_count INTEGER NOT NULL,
    summary TEXT NOT NULL,
    PRIMARY KEY (layer_id, version)
);
CREATE TABLE IF NOT EXISTS current (
    layer_id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    since TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    admin TEXT NOT NULL,
    action TEXT NOT NULL,
    layer_id TEXT NOT NULL,
    version INTEGER,
    detail TEXT NOT NULL
);
"""
FileIdentity = tuple[int, int]  # (device, inode) of the store file
_readers: dict[Path, tuple[sqlite3.Connection, FileIdentity]] = {}
_readers_lock = threading.Lock()
_log = logging.getLogger(__name__)


def file_identity(path: Path) -> FileIdentity | None:
    """(device, inode) of the file, None when it does not exist."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_dev, stat.st_ino


def _unreadable(path: Path, error: Exception) -> StoreUnreadable:
    return StoreUnreadable(
        f"版本库 {path.name} 无法读取（{error}）；请运行 python -m geo.admin check 和 repair",
        f"the version store {path.name} cannot be read ({error}); run python -m geo.admin "
        "check, then repair")



class VersionStore(VersionReads, AccountTables):
    """Read/write access to the version database at `path` (created on first write, 0600)."""

    def __init__(self, path: Path):
        self.path = path

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A connection inside BEGIN IMMEDIATE: committed on success, rolled back on error."""
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _keep_private(self.path)
        try:
            db = sqlite3.connect(self.path, timeout=LOCK_POLL_S, isolation_level=None)
        except sqlite3.DatabaseError as error:
            raise _unreadable(self.path, error) from error
        with closing(db):
            try:
                self._begin(db)
            except sqlite3.DatabaseError as error:
                raise _unreadable(self.path, error) from error
            try:
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        db.execute(statement)
                migrate(db)
                yield db
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def _begin(self, db: sqlite3.Connection) -> None:
        """BEGIN IMMEDIATE, retried while another writer holds the lock (each wait logged),
        StoreBusy after LOCK_WAIT_LIMIT_S."""
        started = time.monotonic()
        while True:
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=FULL")
                db.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                waited = time.monotonic() - started
                if not _is_busy(error):
                    raise
                if waited >= LOCK_WAIT_LIMIT_S:
                    raise StoreBusy(
                        f"版本库被另一个写操作占用超过 {LOCK_WAIT_LIMIT_S:.0f} 秒；"
                        "请稍后重试，未做任何更改",
                        f"the version store was locked by another write for over "
                        f"{LOCK_WAIT_LIMIT_S:.0f} s; try again later, nothing was changed"
                    ) from error
                _log.warning("the version store %s is locked by another write; waiting "
                             "(%.0f s of at most %.0f s)", self.path.name, waited,
                             LOCK_WAIT_LIMIT_S)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection | None]:
        """The process's shared read-only connection, or None when nothing was ever imported.

        One connection per store, reused under a lock: the app asks for the current version on
        every page load (from a new thread each time), and opening SQLite costs far more than
        the query.
        """
        identity = file_identity(self.path)
        with _readers_lock:
            db, opened = _readers.pop(self.path, (None, None))
            if db is not None and opened != identity:  # replaced or deleted: re-open
                db.close()
                db = None
            if identity is None:
                yield None
                return
            try:
                if db is None:
                    uri = f"{self.path.resolve().as_uri()}?mode=ro"
                    db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S,
                                         check_same_thread=False)
                tables = {r[0] for r in db.execute(
                    "SELECT name FROM sqlite_master WHERE type='table'")}
            except sqlite3.DatabaseError as error:
                if db is not None:
                    db.close()
                raise _unreadable(self.path, error) from error
            if "current" not in tables:  # a writer has not committed the schema yet
                db.close()
                yield None
                return
            try:
                yield db
            except sqlite3.DatabaseError as error:
                db.close()
                raise _unreadable(self.path, error) from error
            except BaseException:
                _readers[self.path] = (db, identity)
                raise
            _readers[self.path] = (db, identity)

    @property
    def location(self) -> str:
        """Where the store is (for cache keys and messages)."""
        return str(self.path)

    def identity(self) -> FileIdentity | None:
        """Which file the store is right now (changes when it is replaced on disk)."""
        return file_identity(self.path)

    def modified(self) -> float | None:
        """When the store last changed (epoch seconds), None when nothing was ever stored."""
        try:
            return self.path.stat().st_mtime
        except FileNotFoundError:
            return None

    def current_version(self, layer_id: str) -> int:
        """The version being served; 0 when the open-source build is served."""
        with self._read() as db:
            if db is None:
                return OPEN_SOURCE_VERSION
            row = db.execute("SELECT version FROM current WHERE layer_id = ?",
                             (layer_id,)).fetchone()
        return row[0] if row else OPEN_SOURCE_VERSION

    def audit_log(self, layer_id: str | None = None) -> list[dict[str, Any]]:
        """Audit entries, newest first (all layers when layer_id is None)."""
        query = "SELECT id, at, admin, action, layer_id, version, detail FROM audit"
        args: tuple = ()
        if layer_id is not None:
            query, args = query + " WHERE layer_id = ?", (layer_id,)
        with self._read() as db:
            rows = [] if db is None else db.execute(query + " ORDER BY id DESC", args).fetchall()
        keys = ("id", "at", "admin", "action", "layer_id", "version", "detail")
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def add_version(self, new: NewVersion,
                    summarise: Callable[[bytes | None, int], dict[str, Any]]) -> VersionMeta:
        """Store a new version and make it current, atomically.

        `summarise(previous_bytes, previous_version)` builds the change summary against the
        version being replaced (None bytes: the open-source build); it runs inside the
        transaction so that concurrent imports each compare with their true predecessor.
        """
        with self._write() as db:
            row = db.execute("SELECT version FROM current WHERE layer_id = ?",
                             (new.layer_id,)).fetchone()
            previous = row[0] if row else OPEN_SOURCE_VERSION
            previous_bytes = None if previous == OPEN_SOURCE_VERSION else bytes(db.execute(
                "SELECT geojson FROM versions WHERE layer_id = ? AND version = ?",
                (new.layer_id, previous)).fetchone()[0])
            summary = summarise(previous_bytes, previous)
            version = db.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM versions "
                                 "WHERE layer_id = ?", (new.layer_id,)).fetchone()[0]
            at = now_utc()
            db.execute(
                "INSERT INTO versions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (new.layer_id, version, at, new.admin, new.comment, new.source, new.licence,
                 new.quality, new.upload_name, new.upload_sha256, new.upload, new.sha256,
                 new.geojson, new.feature_count, json.dumps(summary, ensure_ascii=False)))
            _set_current(db, new.layer_id, version, at)
            _audit(db, at, new.admin, "import", new.layer_id, version,
                   f"{new.comment} | file {new.upload_name} sha256 {new.upload_sha256}",
                   new.client)
        return VersionMeta(new.layer_id, version, at, new.admin, new.comment, new.source,
                           new.licence, new.quality, new.upload_name, new.upload_sha256,
                           new.sha256, new.feature_count, summary)

    def switch(self, layer_id: str, version: int, admin: str, comment: str,
               client: str = "") -> None:
        """Serve an earlier version again (0: the open-source build); audit-logged."""
        with self._write() as db:
            if version != OPEN_SOURCE_VERSION and db.execute(
                    "SELECT 1 FROM versions WHERE layer_id = ? AND version = ?",
                    (layer_id, version)).fetchone() is None:
                raise KeyError(f"layer {layer_id} has no version {version}")
            at = now_utc()
            if version == OPEN_SOURCE_VERSION:
                db.execute("DELETE FROM current WHERE layer_id = ?", (layer_id,))
            else:
                _set_current(db, layer_id, version, at)
            _audit(db, at, admin, "rollback", layer_id, version, comment, client)

    def log_rejection(self, layer_id: str, admin: str, detail: str, client: str = "") -> None:
        """Record a refused import in the audit log (versions and current stay untouched)."""
        with self._write() as db:
            _audit(db, now_utc(), admin, "import-rejected", layer_id, None, detail, client,
                   "refused")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _set_current(db: sqlite3.Connection, layer_id: str, version: int, at: str) -> None:
    db.execute("INSERT INTO current VALUES (?, ?, ?) ON CONFLICT(layer_id) DO UPDATE "
               "SET version = excluded.version, since = excluded.since", (layer_id, version, at))


def _audit(db: sqlite3.Connection, at: str, admin: str, action: str, layer_id: str,
           version: int | None, detail: str, client: str = "", outcome: str = "ok") -> None:
    write_audit(db, AuditEntry(at, admin, action, outcome, client, layer_id, version, detail))


def _keep_private(path: Path) -> None:
    """Create the database file readable by its owner only (SQLite gives its -wal and -shm
    files the same mode), and take group/other access away from an older one."""
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    elif path.stat().st_mode & 0o077:
        os.chmod(path, 0o600)
