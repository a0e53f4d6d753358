"""Validate, import, roll back: the admin operations shared by the CLI and the admin page."""

import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd

from geo import datastore
from geo.admin import consistency, settings
from geo.admin.checks import (
    apply_aliases,
    converted,
    county_zone,
    feature_name,
    repaired,
    validate,
)
from geo.admin.crs import parse_declared_crs, to_wgs84
from geo.admin.derive import derive
from geo.admin.diff import change_summary
from geo.admin.problems import Problem, RejectedFile, errors, found
from geo.admin.readers import read_vector, without_paths
from geo.admin.serialize import sha256, to_geojson_bytes
from geo.store import open_store
from geo.store.model import OPEN_SOURCE_VERSION, NewVersion, VersionMeta
from geo.store.rules import LayerRule, rule_for
from geo.symbology import QUALITIES

DEFAULT_SOURCE = "官方数据 / official data"
DEFAULT_LICENCE = "未注明 / not stated"
_log = logging.getLogger(__name__)


@dataclass
class Inspection:
    """The outcome of validating one file for one layer."""

    layer_id: str
    file_label: str
    problems: list[Problem]
    frame: gpd.GeoDataFrame | None = None  # in WGS84, as validated
    repaired: gpd.GeoDataFrame | None = None  # offered when every blocking problem is repairable
    repaired_indices: list[int] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing blocks the import."""
        return self.frame is not None and not errors(self.problems)


def frame_from_geojson(data: bytes) -> gpd.GeoDataFrame:
    """Parse stored GeoJSON bytes."""
    return gpd.read_file(io.BytesIO(data))


def inspect(path: Path, layer_id: str, crs: str | None = None,
            file_label: str | None = None) -> Inspection:
    """Read and validate `path` for `layer_id` without changing anything.

    Whatever the file holds, the outcome is an Inspection: a reader or check that fails in a
    way nobody foresaw becomes a named problem too (logged with its traceback), never an
    exception shown to the admin.
    """
    rule = rule_for(layer_id)
    label = file_label or path.name
    try:
        return _inspect(path, rule, crs, label)
    except Exception as exc:  # the admin gets a message; the log keeps the traceback
        _log.exception("inspecting %s for %s failed", label, layer_id)
        said = without_paths(f"{type(exc).__name__}: {exc}", path, label)
        return Inspection(layer_id, label, [found("unexpected", label, said=said)])


def _inspect(path: Path, rule: LayerRule, crs: str | None, label: str) -> Inspection:
    layer_id = rule.layer_id
    try:
        raw = read_vector(path, layer_id, settings.max_upload_bytes(), label)
        declared = _declared(crs, label)
        frame = to_wgs84(raw.frame, raw.file_label, declared)
    except RejectedFile as rejected:
        return Inspection(layer_id, label, rejected.problems)
    frame, alias_notes = apply_aliases(frame, raw.file_label)
    frame, converted_notes = converted(frame, rule, raw.file_label)
    notes = raw.notes + alias_notes + converted_notes
    if raw.frame.crs is None and declared is None:
        notes.append(found("crs-assumed", raw.file_label, field="geometry", severity="warning"))
    problems = notes + _validate(frame, rule, raw.file_label)
    inspection = Inspection(layer_id, raw.file_label, problems, frame)
    if any(p.code == "invalid-geometry" for p in problems):
        fixed, indices = repaired(frame, rule)
        if indices and not errors(_validate(fixed, rule, raw.file_label)):
            inspection.repaired, inspection.repaired_indices = fixed, indices
    return inspection


def _declared(crs: str | None, label: str) -> str | int | None:
    try:
        return parse_declared_crs(crs)
    except ValueError as exc:
        raise RejectedFile([found("crs-unsupported.declared", label, field="geometry",
                                  crs=crs)]) from exc


def _validate(frame: gpd.GeoDataFrame, rule: LayerRule, label: str) -> list[Problem]:
    county = datastore.load_layer("county").union_all() if datastore.has_layer("county") else None
    zone = county_zone(county) if rule.extent == "county" and county is not None else None
    codes = {}
    if rule.township_names:
        reference = datastore.committed_layer("townships")
        codes = {str(n): str(c) for n, c in zip(reference["name"], reference["code"], strict=True)}
    problems = validate(frame, rule, label, zone, codes)
    return problems + _cross_layer(frame, rule, label, county)


def _cross_layer(frame: gpd.GeoDataFrame, rule: LayerRule, label: str,
                 county) -> list[Problem]:
    """What must hold between features and with the other layers (geo/admin/consistency.py)."""
    problems = consistency.duplicate_problems(frame, rule, label)
    if rule.extent == "region":
        problems += consistency.context_extent_problems(frame, label)
    if rule.layer_id == "county" and datastore.has_committed("county"):
        known = datastore.committed_layer("county").union_all()
        problems += consistency.county_outline_problems(frame, known, label)
    if rule.layer_id == "townships":
        problems += consistency.township_coverage_problems(frame, county, label)
        if datastore.has_layer("seats"):
            problems += consistency.seats_outside_problems(datastore.load_layer("seats"), frame,
                                                           label, seats_are_checked=False)
    if rule.layer_id == "seats" and datastore.has_layer("townships"):
        problems += consistency.seats_outside_problems(frame, datastore.load_layer("townships"),
                                                       label, seats_are_checked=True)
    return problems


def import_file(path: Path, layer_id: str, admin: str, comment: str, crs: str | None = None,
                source: str | None = None, licence: str | None = None,
                quality: str = "surveyed", use_repaired: bool = False,
                file_label: str | None = None, client: str = "") -> VersionMeta:
    """Validate and store `path` as the new current version of `layer_id`, or RejectedFile.
    `admin` is the account that imports, `client` its address (both go to the audit log)."""
    admin, comment = admin.strip(), comment.strip()
    label = file_label or path.name
    if not admin or not comment:
        raise ValueError("an import needs the admin's name and a comment")
    if quality not in QUALITIES:
        raise ValueError(f"quality must be one of {', '.join(QUALITIES)}")
    inspection = inspect(path, layer_id, crs, label)
    frame, repaired_note = inspection.frame, []
    if not inspection.ok:
        if not (use_repaired and inspection.repaired is not None):
            blocking = errors(inspection.problems)
            open_store().log_rejection(layer_id, admin, f"{comment} | file {label} sha256 "
                                  f"{_file_sha256(path)} | " + "; ".join(
                                      p.text("en") for p in blocking), client)
            raise RejectedFile(blocking)
        frame = inspection.repaired
        repaired_note = [f"#{i} {feature_name(frame, i) or ''}".strip()
                         for i in inspection.repaired_indices]
    rule = rule_for(layer_id)
    committed = datastore.committed_layer(layer_id) if datastore.has_committed(layer_id) else None
    townships = datastore.load_layer("townships") if layer_id == "villages" else None
    derived, notes = derive(frame, rule, committed, townships, quality, inspection.file_label)
    geojson = to_geojson_bytes(derived)
    upload = path.read_bytes()

    def summarise(previous: bytes | None, previous_version: int) -> dict:
        old = frame_from_geojson(previous) if previous is not None else committed
        compared = (f"v{previous_version}" if previous_version != OPEN_SOURCE_VERSION
                    else "open-source build" if committed is not None else "nothing")
        summary = change_summary(old, frame_from_geojson(geojson), rule.key_field, compared)
        summary["repaired_features"] = repaired_note
        summary["notes"] = [n.bilingual() for n in notes]
        return summary

    return open_store().add_version(NewVersion(
        layer_id, admin, comment, (source or DEFAULT_SOURCE).strip(),
        (licence or DEFAULT_LICENCE).strip(), quality, label, sha256(upload), upload,
        sha256(geojson), geojson, len(derived), client), summarise)


def _file_sha256(path: Path) -> str:
    """SHA-256 of an upload, read in chunks ('-' when it cannot be read), for the audit log."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as upload:
            while chunk := upload.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return "-"
    return digest.hexdigest()


def rollback(layer_id: str, version: int, admin: str, comment: str = "",
             client: str = "") -> None:
    """Serve `version` of the layer again (0: the open-source build); the history is kept."""
    rule_for(layer_id)
    if not admin.strip():
        raise ValueError("a rollback needs the admin's name")
    open_store().switch(layer_id, version, admin.strip(),
                        comment.strip() or f"rollback to v{version}", client)


def history(layer_id: str) -> list[VersionMeta]:
    """Every imported version of the layer, oldest first."""
    rule_for(layer_id)
    return open_store().history(layer_id)
