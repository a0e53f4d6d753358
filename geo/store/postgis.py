"""The PostgreSQL + PostGIS backend of the version store (HENGDONG_DATABASE_URL).

The same tables and methods as the SQLite backend, in the schema `hengdong`: every version's
bytes exactly as imported (bytea, so a rollback is byte-exact), the current pointer, the audit
log (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE), accounts and login throttling;
and each version's features as PostGIS geometries (EPSG:4326, GIST index) for spatial queries.

Every write runs in one transaction holding a transaction-level advisory lock, so writes from
any number of processes or app instances are serialised by the database, each import gets its
own version number and compares with its true predecessor; a writer that waits says so (logged)
and gives up after LOCK_WAIT_LIMIT_S with StoreBusy. Readers share one autocommit connection per
URL in a process, re-opened when it breaks; a database that cannot be reached or read becomes a
StoreUnreadable, so geo.datastore serves the last good copy or the open data.
"""

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import psycopg
import shapely
import shapely.geometry

from geo.store.model import (
    ACCOUNT_COLUMNS,
    AUDIT_KEYS,
    LOCK_WAIT_LIMIT_S,
    META_COLUMNS,
    OPEN_SOURCE_VERSION,
    Account,
    AuditEntry,
    NewVersion,
    StoreBusy,
    StoreUnreadable,
    VersionMeta,
    account_from_row,
    now_utc,
)
from geo.store.reads import VersionReads

SCHEMA_NAME = "hengdong"
WRITE_LOCK_KEY = 0x48454E47  # "HENG": the advisory lock every write of the store takes
LOCK_POLL_S = 2.0  # a writer tries to take the lock for this long before saying it waits
CONNECT_TIMEOUT_S = 10
SCHEMA = (
    "CREATE EXTENSION IF NOT EXISTS postgis SCHEMA public",
    f"CREATE SCHEMA IF NOT EXISTS {SCHEMA_NAME}",
    """CREATE TABLE IF NOT EXISTS versions (
        layer_id text NOT NULL, version integer NOT NULL, created_at text NOT NULL,
        admin text NOT NULL, comment text NOT NULL, source text NOT NULL,
        licence text NOT NULL, quality text NOT NULL, upload_name text NOT NULL,
        upload_sha256 text NOT NULL, upload bytea NOT NULL, sha256 text NOT NULL,
        geojson bytea NOT NULL, feature_count integer NOT NULL, summary text NOT NULL,
        PRIMARY KEY (layer_id, version))""",
    """CREATE TABLE IF NOT EXISTS features (
        layer_id text NOT NULL, version integer NOT NULL, feature integer NOT NULL,
        properties jsonb NOT NULL, geom geometry(Geometry, 4326),
        PRIMARY KEY (layer_id, version, feature),
        FOREIGN KEY (layer_id, version) REFERENCES versions)""",
    "CREATE INDEX IF NOT EXISTS features_geom ON features USING GIST (geom)",
    """CREATE TABLE IF NOT EXISTS current (
        layer_id text PRIMARY KEY, version integer NOT NULL, since text NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit (
        id bigserial PRIMARY KEY, at text NOT NULL, admin text NOT NULL, action text NOT NULL,
        layer_id text NOT NULL, version integer, detail text NOT NULL,
        client text NOT NULL DEFAULT '', outcome text NOT NULL DEFAULT 'ok')""",
    """CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
       $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$""",
    """CREATE OR REPLACE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
       FOR EACH ROW EXECUTE FUNCTION audit_append_only()""",
    """CREATE OR REPLACE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
       FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only()""",
    """CREATE TABLE IF NOT EXISTS accounts (
        name text PRIMARY KEY, role text NOT NULL, layers text NOT NULL, password_hash text,
        disabled boolean NOT NULL DEFAULT false, session_epoch integer NOT NULL DEFAULT 0,
        created_at text NOT NULL, updated_at text NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS login_failures (
        id bigserial PRIMARY KEY, kind text NOT NULL, key text NOT NULL,
        at double precision NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (kind, key, at)",
    """CREATE TABLE IF NOT EXISTS login_locks (
        kind text NOT NULL, key text NOT NULL, until double precision NOT NULL,
        PRIMARY KEY (kind, key))""",
)
_readers: dict[str, psycopg.Connection] = {}
_readers_lock = threading.Lock()
_ready: set[str] = set()  # URLs whose schema this process has created or seen
_log = logging.getLogger(__name__)


def redacted(url: str) -> str:
    """The URL without its password, for messages and cache keys."""
    info = psycopg.conninfo.conninfo_to_dict(url)
    info.pop("password", None)
    return " ".join(f"{k}={v}" for k, v in sorted(info.items()))


def _unreadable(error: Exception) -> StoreUnreadable:
    said = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return StoreUnreadable(
        f"PostgreSQL 版本库无法读取（{said}）；请运行 python -m geo.admin check",
        f"the PostgreSQL version store cannot be read ({said}); run python -m geo.admin check")


def _connect(url: str, autocommit: bool) -> psycopg.Connection:
    db = psycopg.connect(url, autocommit=autocommit, connect_timeout=CONNECT_TIMEOUT_S)
    db.execute(f"SET search_path TO {SCHEMA_NAME}, public")
    return db


def feature_rows(layer_id: str, version: int, geojson: bytes) -> Iterator[tuple]:
    """(layer_id, version, feature index, properties JSON, EWKB hex) of every stored feature."""
    for index, feature in enumerate(json.loads(geojson)["features"]):
        geometry = feature.get("geometry")
        ewkb = None
        if geometry is not None:
            shape = shapely.set_srid(shapely.geometry.shape(geometry), 4326)
            ewkb = shapely.to_wkb(shape, hex=True, include_srid=True)
        properties = json.dumps(feature.get("properties") or {}, ensure_ascii=False)
        yield layer_id, version, index, properties, ewkb


class PostgisStore(VersionReads):
    """Read/write access to the version store in the PostgreSQL database at `url`."""

    PARAM = "%s"

    def __init__(self, url: str):
        self.url = url

    @property
    def location(self) -> str:
        """Where the store is (for cache keys and messages; no password)."""
        return redacted(self.url)

    @contextmanager
    def _write(self) -> Iterator[psycopg.Connection]:
        """A connection inside a transaction holding the store's write lock."""
        try:
            db = _connect(self.url, autocommit=False)
        except psycopg.Error as error:
            raise _unreadable(error) from error
        try:
            with db:  # commits on success, rolls back on an exception, then closes
                self._lock(db)
                if self.url not in _ready:
                    for statement in SCHEMA:
                        db.execute(statement)
                    _ready.add(self.url)
                yield db
        except psycopg.Error as error:
            _ready.discard(self.url)
            raise _unreadable(error) from error

    def _lock(self, db: psycopg.Connection) -> None:
        """Take the write lock, waiting (each wait logged), StoreBusy after LOCK_WAIT_LIMIT_S."""
        started = time.monotonic()
        said = started
        while not db.execute("SELECT pg_try_advisory_xact_lock(%s)",
                             (WRITE_LOCK_KEY,)).fetchone()[0]:
            waited = time.monotonic() - started
            if waited >= LOCK_WAIT_LIMIT_S:
                raise StoreBusy(
                    f"版本库被另一个写操作占用超过 {LOCK_WAIT_LIMIT_S:.0f} 秒；"
                    "请稍后重试，未做任何更改",
                    f"the version store was locked by another write for over "
                    f"{LOCK_WAIT_LIMIT_S:.0f} s; try again later, nothing was changed")
            if time.monotonic() - said >= LOCK_POLL_S or said == started:
                _log.warning("the version store %s is locked by another write; waiting "
                             "(%.0f s of at most %.0f s)", self.location, waited,
                             LOCK_WAIT_LIMIT_S)
                said = time.monotonic()
            time.sleep(0.05)

    @contextmanager
    def _read(self) -> Iterator[psycopg.Connection | None]:
        """The process's shared autocommit connection, None before the first write."""
        with _readers_lock:
            db = _readers.pop(self.url, None)
            try:
                if db is None or db.closed or db.broken:
                    db = _connect(self.url, autocommit=True)
                if self.url not in _ready:
                    if db.execute("SELECT to_regclass('hengdong.current')").fetchone()[0] is None:
                        _readers[self.url] = db
                        yield None
                        return
                    _ready.add(self.url)
            except psycopg.Error as error:
                if db is not None:
                    db.close()
                raise _unreadable(error) from error
            try:
                yield db
            except psycopg.Error as error:
                db.close()
                _ready.discard(self.url)
                raise _unreadable(error) from error
            except BaseException:
                _readers[self.url] = db
                raise
            _readers[self.url] = db

    def identity(self) -> tuple[str, int] | None:
        """Which database the store is right now (a database restored from a dump is another)."""
        with self._read() as db:
            if db is None:
                return None
            row = db.execute("SELECT datname, oid::bigint FROM pg_database "
                             "WHERE datname = current_database()").fetchone()
        return row[0], row[1]

    def modified(self) -> float | None:
        """When an import or rollback last changed what is served (epoch seconds)."""
        with self._read() as db:
            row = None if db is None else db.execute(
                "SELECT max(at) FROM audit WHERE action IN ('import', 'rollback')").fetchone()
        if row is None or row[0] is None:
            return None
        return datetime.fromisoformat(row[0]).timestamp()

    def current_version(self, layer_id: str) -> int:
        """The version being served; 0 when the open-source build is served."""
        with self._read() as db:
            row = None if db is None else db.execute(
                "SELECT version FROM current WHERE layer_id = %s", (layer_id,)).fetchone()
        return row[0] if row else OPEN_SOURCE_VERSION

    def audit_log(self, layer_id: str | None = None) -> list[dict[str, Any]]:
        """Audit entries, newest first (all layers when layer_id is None)."""
        keys = AUDIT_KEYS[:7]
        query, args = f"SELECT {', '.join(keys)} FROM audit", ()
        if layer_id is not None:
            query, args = query + " WHERE layer_id = %s", (layer_id,)
        with self._read() as db:
            rows = [] if db is None else db.execute(query + " ORDER BY id DESC", args).fetchall()
        return [dict(zip(keys, r, strict=True)) for r in rows]

    def add_version(self, new: NewVersion,
                    summarise: Callable[[bytes | None, int], dict[str, Any]]) -> VersionMeta:
        """Store a new version (and its features) and make it current, atomically; see
        geo.store.sqlite.VersionStore.add_version."""
        with self._write() as db:
            row = db.execute("SELECT version FROM current WHERE layer_id = %s",
                             (new.layer_id,)).fetchone()
            previous = row[0] if row else OPEN_SOURCE_VERSION
            previous_bytes = None if previous == OPEN_SOURCE_VERSION else bytes(db.execute(
                "SELECT geojson FROM versions WHERE layer_id = %s AND version = %s",
                (new.layer_id, previous)).fetchone()[0])
            summary = summarise(previous_bytes, previous)
            version = db.execute("SELECT COALESCE(MAX(version), 0) + 1 FROM versions "
                                 "WHERE layer_id = %s", (new.layer_id,)).fetchone()[0]
            at = now_utc()
            db.execute(
                f"INSERT INTO versions ({', '.join(META_COLUMNS)}, upload, geojson) "
                f"VALUES ({', '.join(['%s'] * (len(META_COLUMNS) + 2))})",
                (new.layer_id, version, at, new.admin, new.comment, new.source, new.licence,
                 new.quality, new.upload_name, new.upload_sha256, new.sha256,
                 new.feature_count, json.dumps(summary, ensure_ascii=False), new.upload,
                 new.geojson))
            self._copy_features(db, new.layer_id, version, new.geojson)
            _set_current(db, new.layer_id, version, at)
            _audit(db, AuditEntry(at, new.admin, "import", "ok", new.client, new.layer_id,
                                  version, f"{new.comment} | file {new.upload_name} sha256 "
                                  f"{new.upload_sha256}"))
        return VersionMeta(new.layer_id, version, at, new.admin, new.comment, new.source,
                           new.licence, new.quality, new.upload_name, new.upload_sha256,
                           new.sha256, new.feature_count, summary)

    @staticmethod
    def _copy_features(db: psycopg.Connection, layer_id: str, version: int,
                       geojson: bytes) -> None:
        with db.cursor().copy("COPY features (layer_id, version, feature, properties, geom) "
                              "FROM STDIN") as copy:
            for row in feature_rows(layer_id, version, geojson):
                copy.write_row(row)

    def switch(self, layer_id: str, version: int, admin: str, comment: str,
               client: str = "") -> None:
        """Serve an earlier version again (0: the open-source build); audit-logged."""
        with self._write() as db:
            if version != OPEN_SOURCE_VERSION and db.execute(
                    "SELECT 1 FROM versions WHERE layer_id = %s AND version = %s",
                    (layer_id, version)).fetchone() is None:
                raise KeyError(f"layer {layer_id} has no version {version}")
            at = now_utc()
            if version == OPEN_SOURCE_VERSION:
                db.execute("DELETE FROM current WHERE layer_id = %s", (layer_id,))
            else:
                _set_current(db, layer_id, version, at)
            _audit(db, AuditEntry(at, admin, "rollback", "ok", client, layer_id, version,
                                  comment))

    def log_rejection(self, layer_id: str, admin: str, detail: str, client: str = "") -> None:
        """Record a refused import in the audit log (versions and current stay untouched)."""
        with self._write() as db:
            _audit(db, AuditEntry(now_utc(), admin, "import-rejected", "refused", client,
                                  layer_id, None, detail))

    # Accounts, login throttling, the audit trail (see geo.store.sqlite_accounts).

    def account(self, name: str) -> Account | None:
        """The account called `name`, None if there is none."""
        with self._read() as db:
            row = None if db is None else db.execute(
                f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM accounts WHERE name = %s",
                (name,)).fetchone()
        return account_from_row(row) if row else None

    def accounts(self) -> list[Account]:
        """Every account, by name."""
        with self._read() as db:
            rows = [] if db is None else db.execute(
                f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM accounts ORDER BY name").fetchall()
        return [account_from_row(r) for r in rows]

    def put_account(self, account: Account, entry: AuditEntry) -> None:
        """Create or replace an account and audit the change, in one transaction."""
        with self._write() as db:
            db.execute(
                f"INSERT INTO accounts ({', '.join(ACCOUNT_COLUMNS)}) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (name) DO UPDATE SET "
                + ", ".join(f"{c} = excluded.{c}" for c in ACCOUNT_COLUMNS[1:]),
                (account.name, account.role, ",".join(account.layers), account.password_hash,
                 account.disabled, account.session_epoch, account.created_at,
                 account.updated_at))
            _audit(db, entry)

    def delete_account(self, name: str, entry: AuditEntry) -> None:
        """Remove an account (its audit rows stay) and audit the removal."""
        with self._write() as db:
            db.execute("DELETE FROM accounts WHERE name = %s", (name,))
            _audit(db, entry)

    def record_audit(self, entry: AuditEntry) -> None:
        """Append one audit row."""
        with self._write() as db:
            _audit(db, entry)

    def audit_entries(self) -> list[dict]:
        """Every audit row, newest first, with client and outcome."""
        with self._read() as db:
            rows = [] if db is None else db.execute(
                f"SELECT {', '.join(AUDIT_KEYS)} FROM audit ORDER BY id DESC").fetchall()
        return [dict(zip(AUDIT_KEYS, r, strict=True)) for r in rows]

    def login_failures(self, kind: str, key: str, since: float) -> list[float]:
        """Times (epoch seconds) of failed logins of one key (kind "account" or "client")."""
        with self._read() as db:
            rows = [] if db is None else db.execute(
                "SELECT at FROM login_failures WHERE kind = %s AND key = %s AND at > %s "
                "ORDER BY at", (kind, key, since)).fetchall()
        return [r[0] for r in rows]

    def lock_until(self, kind: str, key: str) -> float | None:
        """When the lock on a key ends (epoch seconds), None when it is not locked."""
        with self._read() as db:
            row = None if db is None else db.execute(
                "SELECT until FROM login_locks WHERE kind = %s AND key = %s",
                (kind, key)).fetchone()
        return row[0] if row else None

    def record_failure(self, keys: dict[str, str], at: float,
                       locks: dict[str, float], entries: list[AuditEntry]) -> None:
        """Store a failed login for each (kind → key), the locks it triggers, its audit rows."""
        with self._write() as db:
            for kind, key in keys.items():
                db.execute("INSERT INTO login_failures (kind, key, at) VALUES (%s, %s, %s)",
                           (kind, key, at))
            for kind, until in locks.items():
                db.execute("INSERT INTO login_locks VALUES (%s, %s, %s) ON CONFLICT (kind, key) "
                           "DO UPDATE SET until = excluded.until", (kind, keys[kind], until))
            for entry in entries:
                _audit(db, entry)

    def clear_failures(self, keys: dict[str, str], entry: AuditEntry | None) -> None:
        """Forget failures and locks of the keys (a good login, or an admin lifting a lock)."""
        with self._write() as db:
            for kind, key in keys.items():
                db.execute("DELETE FROM login_failures WHERE kind = %s AND key = %s",
                           (kind, key))
                db.execute("DELETE FROM login_locks WHERE kind = %s AND key = %s", (kind, key))
            if entry is not None:
                _audit(db, entry)

    def locked_keys(self, now: float) -> list[tuple[str, str, float]]:
        """(kind, key, until) of every lock still in force."""
        with self._read() as db:
            rows = [] if db is None else db.execute(
                "SELECT kind, key, until FROM login_locks WHERE until > %s ORDER BY kind, key",
                (now,)).fetchall()
        return [tuple(r) for r in rows]


def _set_current(db: psycopg.Connection, layer_id: str, version: int, at: str) -> None:
    db.execute("INSERT INTO current VALUES (%s, %s, %s) ON CONFLICT (layer_id) DO UPDATE "
               "SET version = excluded.version, since = excluded.since", (layer_id, version, at))


def _audit(db: psycopg.Connection, entry: AuditEntry) -> None:
    db.execute("INSERT INTO audit (at, admin, action, layer_id, version, detail, client, "
               "outcome) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
               (entry.at, entry.account, entry.action, entry.layer_id, entry.version,
                entry.detail, entry.client, entry.outcome))
