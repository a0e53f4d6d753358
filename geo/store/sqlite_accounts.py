"""Accounts, login throttling and the audit trail's extra columns, in the version store's database.

Storage only: the rules (roles, password policy, delays, lockout) live in geo.admin.accounts.
`AccountTables` is mixed into `VersionStore`, so accounts and the audit log move with the store
(a later backend implements the same methods). The audit table is append-only: triggers refuse
UPDATE and DELETE, and no method here changes a row once written.
"""

import sqlite3

from geo.store.model import ACCOUNT_COLUMNS, AUDIT_KEYS, Account, AuditEntry, account_from_row

ACCOUNT_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS accounts (
        name TEXT PRIMARY KEY,
        role TEXT NOT NULL,
        layers TEXT NOT NULL,
        password_hash TEXT,
        disabled INTEGER NOT NULL DEFAULT 0,
        session_epoch INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS login_failures (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        at REAL NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (kind, key, at)",
    """CREATE TABLE IF NOT EXISTS login_locks (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        until REAL NOT NULL,
        PRIMARY KEY (kind, key)
    )""",
    """CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
)
# Columns added to the audit table of stores created before accounts existed.
AUDIT_COLUMNS = {"client": "TEXT NOT NULL DEFAULT ''", "outcome": "TEXT NOT NULL DEFAULT 'ok'"}


def migrate(db: sqlite3.Connection) -> None:
    """Bring a store to the account schema (idempotent; runs inside every write)."""
    present = {row[1] for row in db.execute("PRAGMA table_info(audit)")}
    for column, kind in AUDIT_COLUMNS.items():
        if column not in present:
            db.execute(f"ALTER TABLE audit ADD COLUMN {column} {kind}")
    for statement in ACCOUNT_SCHEMA:
        db.execute(statement)


def write_audit(db: sqlite3.Connection, entry: AuditEntry) -> None:
    """Append one audit row inside the caller's transaction."""
    db.execute("INSERT INTO audit (at, admin, action, layer_id, version, detail, client, "
               "outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
               (entry.at, entry.account, entry.action, entry.layer_id, entry.version,
                entry.detail, entry.client, entry.outcome))


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?",
                      (name,)).fetchone() is not None



class AccountTables:
    """Account, throttling and audit methods of the version store (needs `_read`/`_write`)."""

    def account(self, name: str) -> Account | None:
        """The account called `name`, None if there is none."""
        with self._read() as db:
            if db is None or not _has_table(db, "accounts"):
                return None
            row = db.execute(f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM accounts "
                             "WHERE name = ?", (name,)).fetchone()
        return account_from_row(row) if row else None

    def accounts(self) -> list[Account]:
        """Every account, by name."""
        with self._read() as db:
            if db is None or not _has_table(db, "accounts"):
                return []
            rows = db.execute(f"SELECT {', '.join(ACCOUNT_COLUMNS)} FROM accounts "
                              "ORDER BY name").fetchall()
        return [account_from_row(r) for r in rows]

    def put_account(self, account: Account, entry: AuditEntry) -> None:
        """Create or replace an account and audit the change, in one transaction."""
        with self._write() as db:
            db.execute(f"INSERT OR REPLACE INTO accounts ({', '.join(ACCOUNT_COLUMNS)}) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       (account.name, account.role, ",".join(account.layers),
                        account.password_hash, int(account.disabled), account.session_epoch,
                        account.created_at, account.updated_at))
            write_audit(db, entry)

    def delete_account(self, name: str, entry: AuditEntry) -> None:
        """Remove an account (its audit rows stay) and audit the removal."""
        with self._write() as db:
            db.execute("DELETE FROM accounts WHERE name = ?", (name,))
            write_audit(db, entry)

    def record_audit(self, entry: AuditEntry) -> None:
        """Append one audit row."""
        with self._write() as db:
            write_audit(db, entry)

    def audit_entries(self) -> list[dict]:
        """Every audit row, newest first, with client and outcome."""
        with self._read() as db:
            if db is None:
                return []
            present = {row[1] for row in db.execute("PRAGMA table_info(audit)")}
            columns = [k if k in present else f"'' AS {k}" for k in AUDIT_KEYS]
            rows = db.execute(f"SELECT {', '.join(columns)} FROM audit ORDER BY id DESC")
            return [dict(zip(AUDIT_KEYS, r, strict=True)) for r in rows.fetchall()]

    def login_failures(self, kind: str, key: str, since: float) -> list[float]:
        """Times (epoch seconds) of failed logins of one key (kind "account" or "client")."""
        with self._read() as db:
            if db is None or not _has_table(db, "login_failures"):
                return []
            rows = db.execute("SELECT at FROM login_failures WHERE kind = ? AND key = ? "
                              "AND at > ? ORDER BY at", (kind, key, since)).fetchall()
        return [r[0] for r in rows]

    def lock_until(self, kind: str, key: str) -> float | None:
        """When the lock on a key ends (epoch seconds), None when it is not locked."""
        with self._read() as db:
            if db is None or not _has_table(db, "login_locks"):
                return None
            row = db.execute("SELECT until FROM login_locks WHERE kind = ? AND key = ?",
                             (kind, key)).fetchone()
        return row[0] if row else None

    def record_failure(self, keys: dict[str, str], at: float,
                       locks: dict[str, float], entries: list[AuditEntry]) -> None:
        """Store a failed login for each (kind → key), the locks it triggers, its audit rows."""
        with self._write() as db:
            for kind, key in keys.items():
                db.execute("INSERT INTO login_failures (kind, key, at) VALUES (?, ?, ?)",
                           (kind, key, at))
            for kind, until in locks.items():
                db.execute("INSERT OR REPLACE INTO login_locks VALUES (?, ?, ?)",
                           (kind, keys[kind], until))
            for entry in entries:
                write_audit(db, entry)

    def clear_failures(self, keys: dict[str, str], entry: AuditEntry | None) -> None:
        """Forget failures and locks of the keys (a good login, or an admin lifting a lock)."""
        with self._write() as db:
            for kind, key in keys.items():
                db.execute("DELETE FROM login_failures WHERE kind = ? AND key = ?", (kind, key))
                db.execute("DELETE FROM login_locks WHERE kind = ? AND key = ?", (kind, key))
            if entry is not None:
                write_audit(db, entry)

    def locked_keys(self, now: float) -> list[tuple[str, str, float]]:
        """(kind, key, until) of every lock still in force."""
        with self._read() as db:
            if db is None or not _has_table(db, "login_locks"):
                return []
            return [tuple(r) for r in db.execute(
                "SELECT kind, key, until FROM login_locks WHERE until > ? ORDER BY kind, key",
                (now,)).fetchall()]
