"""Command line for admins: import, validate, history, rollback, check, repair, backup,
migrate, users (see docs/admin.md, docs/deploy.md)."""

import argparse
import getpass
import logging
import sys
from pathlib import Path

from geo.admin import integrity, integrity_pg, service, users_cli
from geo.admin.diff import describe
from geo.admin.problems import Problem, RejectedFile
from geo.admin.serialize import to_geojson_bytes
from geo.store import open_store
from geo.store.migrate import migrate
from geo.store.model import StoreError
from geo.store.postgis import PostgisStore
from geo.store.rules import RULES
from geo.store.settings import database_url, store_path
from geo.symbology import QUALITIES


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo.admin", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    layer_help = f"layer id: {', '.join(RULES)}"
    crs_help = "'gcj02' for GCJ-02 (Amap) coordinates, or an EPSG code for a file without CRS"

    imp = commands.add_parser("import", help="validate FILE and make it the layer's new version")
    imp.add_argument("file", type=Path)
    imp.add_argument("--layer", required=True, help=layer_help)
    imp.add_argument("--comment", required=True, help="why this version (kept in the history)")
    imp.add_argument("--admin", default=getpass.getuser(), help="who imports (default: login)")
    imp.add_argument("--crs", help=crs_help)
    imp.add_argument("--source", help="where the data comes from, shown in the legend")
    imp.add_argument("--licence", help="terms of use of the data")
    imp.add_argument("--quality", default="surveyed", choices=QUALITIES)
    imp.add_argument("--repair", action="store_true",
                     help="import the repaired (make_valid) geometries validate offers")

    val = commands.add_parser("validate", help="check FILE for a layer without changing anything")
    val.add_argument("file", type=Path)
    val.add_argument("--layer", required=True, help=layer_help)
    val.add_argument("--crs", help=crs_help)
    val.add_argument("--write-repaired", type=Path, metavar="OUT.geojson",
                     help="write the repaired version offered for invalid geometries")

    his = commands.add_parser("history", help="list a layer's versions and audit log")
    his.add_argument("layer", help=layer_help)

    rol = commands.add_parser("rollback", help="serve an earlier version again (0: open-source)")
    rol.add_argument("layer", help=layer_help)
    rol.add_argument("version", type=int)
    rol.add_argument("--admin", default=getpass.getuser())
    rol.add_argument("--comment", default="")

    commands.add_parser("check", help="verify the version store: the database, every checksum, "
                                      "every current version")
    rep = commands.add_parser("repair", help="restore an unreadable store from a backup and "
                                             "serve intact versions instead of damaged ones")
    rep.add_argument("--from", dest="source", type=Path, metavar="BACKUP.sqlite",
                     help="the backup to restore (default: the newest good one in backups/)")
    rep.add_argument("--admin", default=getpass.getuser())
    bak = commands.add_parser("backup", help="write a verified copy of the store (default: "
                                             "backups/versions-<time>.sqlite, or .dump made by "
                                             "pg_dump on PostgreSQL)")
    bak.add_argument("target", type=Path, nargs="?")
    mig = commands.add_parser("migrate", help="copy the SQLite store (every version, the "
                                              "history, audit log, accounts) into PostgreSQL; "
                                              "running it again copies nothing")
    mig.add_argument("--to", required=True, metavar="postgresql://…", dest="url")
    users_cli.add_parser(commands)
    return parser


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        mark = "错误 ERROR" if problem.severity == "error" else "提示 WARNING"
        print(f"{mark}: {problem.bilingual()}")


def _validate(args: argparse.Namespace) -> int:
    inspection = service.inspect(args.file, args.layer, args.crs)
    _print_problems(inspection.problems)
    if inspection.repaired is not None:
        print(f"可修复 REPAIRABLE: features {inspection.repaired_indices}; "
              "use --write-repaired OUT.geojson to look, or import with --repair")
        if args.write_repaired:
            args.write_repaired.write_bytes(to_geojson_bytes(inspection.repaired))
            print(f"修复版本已写入 repaired version written: {args.write_repaired}")
    print("通过 OK: the file can be imported" if inspection.ok else "未通过 REJECTED")
    return 0 if inspection.ok else 1


def _import(args: argparse.Namespace) -> int:
    try:
        meta = service.import_file(args.file, args.layer, args.admin, args.comment, args.crs,
                                   args.source, args.licence, args.quality, args.repair)
    except RejectedFile as rejected:
        _print_problems(rejected.problems)
        print("未导入，未做任何更改 NOT IMPORTED: nothing was changed")
        return 1
    print(f"已导入 IMPORTED {meta.layer_id} v{meta.version} ({meta.feature_count} features, "
          f"sha256 {meta.sha256[:12]})")
    print(describe(meta.summary, "zh"))
    print(describe(meta.summary, "en"))
    for note in meta.summary.get("notes", []):
        print(f"提示 WARNING: {note}")
    return 0


def _history(args: argparse.Namespace) -> int:
    current = open_store().current_version(args.layer)
    print(f"{args.layer}: current version {current}" + (" (open-source build)" if not current
                                                          else ""))
    for meta in service.history(args.layer):
        mark = "*" if meta.version == current else " "
        print(f"{mark} v{meta.version}  {meta.created_at}  {meta.admin}  {meta.upload_name}  "
              f"sha256 {meta.sha256[:12]}  {meta.comment}")
        print(f"      {describe(meta.summary, 'en')}")
    print("audit log:")
    for entry in open_store().audit_log(args.layer):
        print(f"  {entry['at']}  {entry['admin']}  {entry['action']}  "
              f"v{entry['version'] if entry['version'] is not None else '-'}  {entry['detail']}")
    return 0


def _rollback(args: argparse.Namespace) -> int:
    try:
        service.rollback(args.layer, args.version, args.admin, args.comment)
    except KeyError as missing:
        print(f"错误 ERROR: {missing.args[0]}")
        return 1
    print(f"已回滚 ROLLED BACK: {args.layer} now serves version {args.version}")
    return 0


def _check(_args: argparse.Namespace) -> int:
    url = database_url()
    findings = integrity_pg.check(url) if url else integrity.check(store_path())
    for finding in findings:
        print(f"错误 ERROR: {finding.bilingual()}")
    if findings:
        print("修复 TO REPAIR: python -m geo.admin repair" + (
            "  (a database PostgreSQL cannot read: pg_restore a dump, docs/deploy.md)" if url
            else "  (or --from BACKUP.sqlite)"))
        return 1
    empty = open_store().identity() is None
    print(f"完好 OK: {open_store().location}" + (" (nothing imported yet)" if empty else ""))
    return 0


def _repair(args: argparse.Namespace) -> int:
    url = database_url()
    if url and args.source:
        raise ValueError("--from restores an SQLite backup; on PostgreSQL restore a dump with "
                         "pg_restore (docs/deploy.md)")
    done = (integrity_pg.repair(url, args.admin) if url
            else integrity.repair(store_path(), args.admin, args.source))
    for line in done:
        print(line)
    return 0


def _backup(args: argparse.Namespace) -> int:
    url = database_url()
    saved = (integrity_pg.backup(url, args.target) if url
             else integrity.backup(store_path(), args.target))
    print(f"已备份 BACKED UP: {saved}")
    return 0


def _migrate(args: argparse.Namespace) -> int:
    target = open_store(args.url)
    if not isinstance(target, PostgisStore):
        raise ValueError("--to takes a postgresql:// URL")
    copied = migrate(store_path(), target)
    print(f"已迁移 MIGRATED to {target.location}: {copied.describe()}")
    findings = integrity_pg.check(args.url)
    for finding in findings:
        print(f"错误 ERROR: {finding.bilingual()}")
    return 1 if findings else 0


def main(argv: list[str] | None = None) -> int:
    """Run one admin command; exit status 0 on success, 1 when refused or damaged."""
    args = _parser().parse_args(argv)
    logging.basicConfig(format="提示 WAITING: %(message)s", level=logging.WARNING)
    try:
        return {"import": _import, "validate": _validate, "history": _history,
                "rollback": _rollback, "check": _check, "repair": _repair,
                "backup": _backup, "migrate": _migrate, "users": users_cli.run}[args.command](args)
    except StoreError as trouble:
        print(f"错误 ERROR: {trouble}")
        return 1
    except ValueError as wrong:
        print(f"错误 ERROR: {wrong}")
        return 2


if __name__ == "__main__":
    sys.exit(main())
