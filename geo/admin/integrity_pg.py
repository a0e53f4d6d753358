"""Verify and back up the PostGIS store: every version's bytes and kept upload against the
checksums recorded at import, every current pointer, each version's geometry rows; a backup is
`pg_dump --format=custom` (restored with `pg_restore`, docs/deploy.md). Repair of damaged
versions is shared with the SQLite store (integrity.serve_intact); a database PostgreSQL cannot
serve is restored from a dump by the operator, never replaced by this tool."""

import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from geo.admin.integrity import BACKUP_DIR_NAME, Finding, checksum_findings, serve_intact
from geo.store.model import StoreError
from geo.store.postgis import SCHEMA_NAME, PostgisStore, redacted
from geo.store.settings import admin_dir

PG_DUMP_CANDIDATES = ("/usr/lib/postgresql/15/bin/pg_dump", "pg_dump")


def check(url: str) -> list[Finding]:
    """Everything wrong with the store in the database at `url` (empty: sound or empty)."""
    try:
        with psycopg.connect(url, connect_timeout=10) as db:
            if db.execute("SELECT to_regclass(%s)", (f"{SCHEMA_NAME}.current",)
                          ).fetchone()[0] is None:
                return []
            db.execute(f"SET search_path TO {SCHEMA_NAME}, public")
            return _check_open(db)
    except psycopg.Error as error:
        said = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return [Finding(f"PostgreSQL 无法读取版本库（{said}）",
                        f"PostgreSQL cannot read the store ({said})", whole_file=True)]


def _check_open(db: psycopg.Connection) -> list[Finding]:
    findings = []
    rows = db.execute("SELECT layer_id, version, sha256, geojson, upload_sha256, upload, "
                      "feature_count, (SELECT count(*) FROM features f WHERE f.layer_id = "
                      "v.layer_id AND f.version = v.version) FROM versions v "
                      "ORDER BY layer_id, version")
    for layer_id, version, digest, geojson, upload_digest, upload, count, rows_kept in rows:
        findings += checksum_findings(layer_id, version, (geojson, digest),
                                      (upload, upload_digest))
        if rows_kept != count:
            findings.append(Finding(f"{layer_id} v{version} 的几何要素行数 {rows_kept} 不等于 "
                                    f"{count}", f"{layer_id} v{version}: {rows_kept} geometry "
                                    f"rows for {count} features", layer_id, version))
    dangling = db.execute("SELECT c.layer_id, c.version FROM current c LEFT JOIN versions v "
                          "ON v.layer_id = c.layer_id AND v.version = c.version "
                          "WHERE v.version IS NULL").fetchall()
    findings += [Finding(f"{layer_id} 的当前版本 v{version} 不存在",
                         f"{layer_id}: the current version v{version} does not exist",
                         layer_id, version) for layer_id, version in dangling]
    return findings


def repair(url: str, admin: str) -> list[str]:
    """Serve intact versions instead of damaged ones (StoreError when the database cannot be
    read: restore a dump, docs/deploy.md)."""
    findings = check(url)
    if any(f.whole_file for f in findings):
        raise StoreError("PostgreSQL 版本库无法读取；请用 pg_restore 从备份恢复"
                         "（见 docs/deploy.md）",
                         "the PostgreSQL store cannot be read; restore a dump with pg_restore "
                         "(docs/deploy.md)")
    return serve_intact(PostgisStore(url), findings, admin, [])


def pg_dump() -> str:
    """The pg_dump of the server's major version (Debian's), else the one on PATH."""
    for candidate in PG_DUMP_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    raise StoreError("找不到 pg_dump（postgresql-client）", "pg_dump (postgresql-client) not found")


def backup(url: str, target: Path | None = None) -> Path:
    """A verified dump of the store's database (pg_dump --format=custom, consistent while the
    app runs)."""
    findings = check(url)
    if findings:
        raise StoreError("版本库有问题，未备份：" + "；".join(f.zh for f in findings),
                         "the store has problems, not backed up: "
                         + "; ".join(f.en for f in findings))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = target or admin_dir() / BACKUP_DIR_NAME / f"versions-{stamp}.dump"
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([pg_dump(), "--format=custom", "--file", str(target), "--dbname", url],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        target.unlink(missing_ok=True)
        raise StoreError(f"pg_dump 失败（{redacted(url)}）：{done.stderr.strip()}",
                         f"pg_dump failed ({redacted(url)}): {done.stderr.strip()}")
    return target
