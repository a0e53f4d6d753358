"""Copy an SQLite store into a PostGIS one: every version (bytes, upload, summary), its features
as geometries, the current pointers, the whole audit log (same ids, same order) and the
accounts. Login failures and locks are not copied (they expire within minutes).

Idempotent: rows already in the target are left alone, so a second run copies nothing. A
target holding different rows under the same keys (another store, or one that went on
without this source) is refused before anything is written.
"""

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from geo.store.model import ACCOUNT_COLUMNS, AUDIT_KEYS, META_COLUMNS, StoreError
from geo.store.postgis import PostgisStore

VERSION_COLUMNS = (*META_COLUMNS, "upload", "geojson")
CURRENT_COLUMNS = ("layer_id", "version", "since")
# table -> (columns, key columns, columns compared to tell the same row from another)
TABLES = {
    "versions": (VERSION_COLUMNS, ("layer_id", "version"), ("sha256", "upload_sha256")),
    "current": (CURRENT_COLUMNS, ("layer_id",), ()),
    "audit": (AUDIT_KEYS, ("id",), ("at", "admin", "action", "layer_id", "detail")),
    "accounts": (ACCOUNT_COLUMNS, ("name",), ()),
}


@dataclass
class Copied:
    """How many rows of each table a migration copied (all zero: nothing to do)."""

    rows: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        """One line, e.g. "versions 3, current 1, audit 9, accounts 2"."""
        return ", ".join(f"{table} {count}" for table, count in self.rows.items())


def _source_rows(path: Path, table: str, columns: tuple[str, ...]) -> list[tuple]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
        present = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if not present:
            return []
        wanted = [c if c in present else f"'' AS {c}" for c in columns]
        rows = db.execute(f"SELECT {', '.join(wanted)} FROM {table}").fetchall()
    if table == "accounts":
        disabled = columns.index("disabled")
        rows = [(*r[:disabled], bool(r[disabled]), *r[disabled + 1:]) for r in rows]
    return [tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows]


def migrate(source: Path, target: PostgisStore) -> Copied:
    """Copy the SQLite store at `source` into `target` (see the module docstring)."""
    if not source.exists():
        raise StoreError(f"没有 SQLite 版本库 {source}", f"there is no SQLite store at {source}")
    copied = Copied()
    with target._write() as db:
        for table, (columns, keys, compared) in TABLES.items():
            rows = _source_rows(source, table, columns)
            count = 0
            for row in rows:
                values = dict(zip(columns, row, strict=True))
                where = " AND ".join(f"{k} = %s" for k in keys)
                held = db.execute(f"SELECT {', '.join(compared or keys)} FROM {table} "
                                  f"WHERE {where}", [values[k] for k in keys]).fetchone()
                if held is not None:
                    if tuple(held) != tuple(values[c] for c in compared or keys):
                        shown = ", ".join(f"{k}={values[k]}" for k in keys)
                        raise StoreError(
                            f"目标数据库已有不同的 {table} 行（{shown}），未做任何更改",
                            f"the target already holds a different {table} row ({shown}); "
                            "nothing was changed")
                    continue
                db.execute(f"INSERT INTO {table} ({', '.join(columns)}) "
                           f"VALUES ({', '.join(['%s'] * len(columns))})", row)
                if table == "versions":
                    target._copy_features(db, values["layer_id"], values["version"],
                                          values["geojson"])
                count += 1
            copied.rows[table] = count
        db.execute("SELECT setval(pg_get_serial_sequence('audit', 'id'), "
                   "GREATEST((SELECT max(id) FROM audit), 1))")
    return copied
