"""Verify the version store, back it up, and repair it from its own history or a backup.

`check` reads everything: SQLite's integrity check, every version's bytes against the
checksums recorded at import, every current pointer. `repair` restores a store SQLite cannot
read from a verified backup (the given one, or the newest good one in <admin dir>/backups/;
the damaged file is kept beside it), then points every layer whose current version fails its
checksum at its newest intact version (or the open data), audit-logged. Used by
`python -m geo.admin check | repair | backup` (docs/admin.md).
"""

import hashlib
import os
import shutil
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from geo.store import VersionStore
from geo.store.model import OPEN_SOURCE_VERSION, StoreError

BACKUP_DIR_NAME = "backups"
REQUIRED_TABLES = {"versions", "current", "audit"}

if TYPE_CHECKING:
    from geo.store import Store


@dataclass(frozen=True)
class Finding:
    """One thing wrong with the store; whole_file: SQLite cannot use the file at all."""

    zh: str
    en: str
    layer_id: str | None = None
    version: int | None = None
    whole_file: bool = False

    def bilingual(self) -> str:
        """Chinese, then English."""
        return f"{self.zh} / {self.en}"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def checksum_findings(layer_id: str, version: int, data: tuple[bytes, str],
                      upload: tuple[bytes, str]) -> list[Finding]:
    """What is wrong with one stored version's bytes: (stored data, its recorded sha256) and
    (the upload kept, its sha256) checked against their checksums (both backends)."""
    findings = []
    if _sha256(bytes(data[0])) != data[1]:
        findings.append(Finding(f"{layer_id} v{version} 的数据与导入时的校验和不符",
                                f"{layer_id} v{version}: stored data does not match the "
                                "checksum recorded at import", layer_id, version))
    if _sha256(bytes(upload[0])) != upload[1]:
        findings.append(Finding(f"{layer_id} v{version} 的上传文件与记录的校验和不符",
                                f"{layer_id} v{version}: the uploaded file kept does not "
                                "match its checksum", layer_id, version))
    return findings


def check(path: Path) -> list[Finding]:
    """Everything wrong with the store at `path` (empty: sound, or nothing imported yet)."""
    if not path.exists():
        return []
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            return _check_open(db)
    except sqlite3.DatabaseError as error:
        return [Finding(f"SQLite 无法读取该文件（{error}）",
                        f"SQLite cannot read the file ({error})", whole_file=True)]


def _check_open(db: sqlite3.Connection) -> list[Finding]:
    verdict = [row[0] for row in db.execute("PRAGMA integrity_check")]
    if verdict != ["ok"]:
        said = "; ".join(verdict[:3])
        return [Finding(f"数据库已损坏（{said}）", f"the database is damaged ({said})",
                        whole_file=True)]
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables >= REQUIRED_TABLES:
        missing = ", ".join(sorted(REQUIRED_TABLES - tables))
        return [Finding(f"不是本项目的版本库（缺少表 {missing}）",
                        f"not a version store of this project (tables missing: {missing})",
                        whole_file=True)]
    findings = []
    rows = db.execute("SELECT layer_id, version, sha256, geojson, upload_sha256, upload "
                      "FROM versions ORDER BY layer_id, version")
    for layer_id, version, digest, geojson, upload_digest, upload in rows:
        findings += checksum_findings(layer_id, version, (geojson, digest),
                                      (upload, upload_digest))
    dangling = db.execute("SELECT c.layer_id, c.version FROM current c LEFT JOIN versions v "
                          "ON v.layer_id = c.layer_id AND v.version = c.version "
                          "WHERE v.version IS NULL").fetchall()
    findings += [Finding(f"{layer_id} 的当前版本 v{version} 不存在",
                         f"{layer_id}: the current version v{version} does not exist",
                         layer_id, version) for layer_id, version in dangling]
    return findings


def backup_dir(path: Path) -> Path:
    """Where backups of the store at `path` go by default."""
    return path.parent / BACKUP_DIR_NAME


def backup(path: Path, target: Path | None = None) -> Path:
    """A verified copy of the store (SQLite's online backup: safe while the app runs)."""
    if not path.exists():
        raise StoreError("没有版本库可备份", f"there is no version store at {path.name} to back up")
    findings = check(path)
    if findings:
        raise StoreError("版本库有问题，未备份：" + "；".join(f.zh for f in findings),
                         "the store has problems, not backed up: "
                         + "; ".join(f.en for f in findings))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = target or backup_dir(path) / f"versions-{stamp}.sqlite"
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    return target


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup in backup_dir(path) that passes check()."""
    for candidate in sorted(backup_dir(path).glob("*.sqlite"), reverse=True):
        if not check(candidate):
            return candidate
    return None


def repair(path: Path, admin: str, source: Path | None = None) -> list[str]:
    """Make the store sound again; what was done, one line each (StoreError when impossible)."""
    findings = check(path)
    done = []
    if any(f.whole_file for f in findings):
        done.append(_restore(path, source))
        findings = check(path)
    return serve_intact(VersionStore(path), findings, admin, done)


def serve_intact(store: "Store", findings: list[Finding], admin: str,
                 done: list[str]) -> list[str]:
    """Point every layer whose current version is damaged at its newest intact one (or the
    open data), audit-logged; `done` and what was done here, one line each."""
    done = list(done)
    damaged = {(f.layer_id, f.version) for f in findings if f.layer_id is not None}
    for layer_id in sorted({layer for layer, _version in damaged}):
        current = store.current_version(layer_id)
        if (layer_id, current) not in damaged:
            continue
        intact = [m.version for m in store.history(layer_id)
                  if (layer_id, m.version) not in damaged]
        target = max(intact, default=OPEN_SOURCE_VERSION)
        store.switch(layer_id, target, admin,
                     f"repair: v{current} failed its checksum, serving v{target}")
        done.append(f"{layer_id}: v{current} 校验失败，改用 v{target} / v{current} failed its "
                    f"checksum, now serving v{target}")
    return done or ["版本库完好，无需修复 / the store is sound, nothing to repair"]


def _restore(path: Path, source: Path | None) -> str:
    """Replace a store SQLite cannot read by a verified backup, keeping the damaged file."""
    source = source or newest_good_backup(path)
    if source is None:
        raise StoreError(
            f"版本库无法读取，且 {backup_dir(path).name}/ 中没有完好的备份；"
            "请用 --from 指定备份文件",
            f"the store cannot be read and {backup_dir(path).name}/ holds no good backup; "
            "give one with --from FILE")
    problems = check(source)
    if problems or not source.exists():
        raise StoreError(f"备份 {source.name} 也有问题，未恢复",
                         f"the backup {source.name} is not sound either; nothing restored")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        damaged = Path(f"{path}{suffix}")
        if damaged.exists():
            os.replace(damaged, Path(f"{kept}{suffix}"))
    restoring = path.with_name(f"{path.name}.restoring")
    shutil.copyfile(source, restoring)
    with restoring.open("rb+") as copy:
        os.fsync(copy.fileno())
    os.replace(restoring, path)  # readers see the old file or the whole backup, never half
    return (f"已从备份 {source.name} 恢复，损坏的文件保存为 {kept.name} / restored from "
            f"{source.name}; the damaged file is kept as {kept.name}")
