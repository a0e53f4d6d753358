"""Read an uploaded GeoJSON, zipped Shapefile or GeoPackage into a GeoDataFrame, as it is."""

import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pandas as pd
import pyogrio

from geo.admin.problems import Problem, RejectedFile

GEOJSON_SUFFIXES = {".geojson", ".json"}
SHAPEFILE_PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"}
TEXT_ENCODINGS = ("utf-8", "gb18030")  # gb18030 is a superset of GBK and GB2312


@dataclass
class RawLayer:
    """Features as read from the file, before any CRS handling or validation."""

    frame: gpd.GeoDataFrame
    file_label: str
    notes: list[Problem] = field(default_factory=list)


def read_vector(path: Path, layer_id: str, max_bytes: int,
                file_label: str | None = None) -> RawLayer:
    """Read the one layer of `path` meant for `layer_id`; raise RejectedFile when impossible."""
    label = file_label or path.name
    size = path.stat().st_size
    if size > max_bytes:
        raise RejectedFile([_too_big(label, size, max_bytes)])
    suffix = path.suffix.lower()
    if suffix in GEOJSON_SUFFIXES:
        return RawLayer(_read(path, label), label)
    if suffix == ".gpkg":
        return _read_geopackage(path, layer_id, label)
    if suffix == ".zip":
        return _read_zipped_shapefile(path, layer_id, label, max_bytes)
    if suffix == ".shp":
        return _read_shapefile(path, label)
    raise RejectedFile([Problem(
        "unsupported-type",
        f"不支持的文件类型 {suffix or '(无扩展名)'}；"
        "请上传 GeoJSON、压缩的 Shapefile (.zip) 或 GeoPackage",
        f"unsupported file type {suffix or '(none)'}; upload GeoJSON, a zipped Shapefile (.zip) "
        "or a GeoPackage",
        label,
    )])


def _too_big(label: str, size: int, max_bytes: int) -> Problem:
    mb, limit = size / 1048576, max_bytes / 1048576
    return Problem(
        "too-big",
        f"文件大小 {mb:.1f} MB 超过上限 {limit:.1f} MB（HENGDONG_ADMIN_MAX_MB）",
        f"file is {mb:.1f} MB, above the limit of {limit:.1f} MB (HENGDONG_ADMIN_MAX_MB)",
        label,
    )


def _read(path: Path | str, label: str, **kwargs) -> gpd.GeoDataFrame:
    try:
        return pyogrio.read_dataframe(path, **kwargs)
    except Exception as exc:  # GDAL raises many kinds; all mean "cannot parse"
        raise RejectedFile([Problem(
            "unreadable", f"无法解析该文件：{exc}", f"the file cannot be parsed: {exc}", label,
        )]) from exc


def _pick(candidates: list[str], layer_id: str, label: str, what_zh: str, what_en: str) -> str:
    """The single candidate, or the one named like the target layer."""
    if len(candidates) == 1:
        return candidates[0]
    named = [c for c in candidates if PurePosixPath(c).stem.lower() == layer_id.lower()]
    if len(named) == 1:
        return named[0]
    listed = ", ".join(candidates) or "-"
    raise RejectedFile([Problem(
        "no-single-layer",
        f"文件中有 {len(candidates)} 个{what_zh}（{listed}）；"
        f"只能有一个，或其中一个命名为 {layer_id}",
        f"the file holds {len(candidates)} {what_en} ({listed}); it must hold exactly one, "
        f"or one named {layer_id}",
        label,
    )])


def _read_geopackage(path: Path, layer_id: str, label: str) -> RawLayer:
    try:
        layers = [str(name) for name, geometry_type in pyogrio.list_layers(path) if geometry_type]
    except Exception as exc:
        raise RejectedFile([Problem(
            "unreadable", f"无法解析该 GeoPackage：{exc}",
            f"the GeoPackage cannot be parsed: {exc}", label,
        )]) from exc
    chosen = _pick(layers, layer_id, label, "图层", "layers")
    return RawLayer(_read(path, f"{label}:{chosen}", layer=chosen), f"{label}:{chosen}")


def _read_zipped_shapefile(path: Path, layer_id: str, label: str, max_bytes: int) -> RawLayer:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise RejectedFile([Problem(
            "unreadable", "不是有效的 zip 压缩文件", "not a valid zip archive", label,
        )]) from exc
    with archive, tempfile.TemporaryDirectory(prefix="hengdong-upload-") as tmp:
        members = [m for m in archive.infolist() if not m.is_dir()
                   and PurePosixPath(m.filename).suffix.lower() in SHAPEFILE_PARTS
                   and not PurePosixPath(m.filename).name.startswith(".")]
        unpacked = sum(m.file_size for m in members)
        if unpacked > max_bytes:
            raise RejectedFile([_too_big(label, unpacked, max_bytes)])
        shapefiles = sorted(m.filename for m in members if m.filename.lower().endswith(".shp"))
        if not shapefiles:
            raise RejectedFile([Problem(
                "unreadable", "zip 中没有 .shp 文件", "the zip archive holds no .shp file", label,
            )])
        chosen = _pick(shapefiles, layer_id, label, "Shapefile", "shapefiles")
        stem = str(PurePosixPath(chosen).with_suffix(""))
        for member in members:  # extract flat, by base name only (no paths from the archive)
            if str(PurePosixPath(member.filename).with_suffix("")) == stem:
                name = "layer" + PurePosixPath(member.filename).suffix.lower()
                (Path(tmp) / name).write_bytes(archive.read(member))
        inner_label = f"{label}/{chosen}"
        missing = [s for s in (".shx", ".dbf") if not (Path(tmp) / f"layer{s}").exists()]
        if missing:
            raise RejectedFile([Problem(
                "unreadable", f"Shapefile 缺少 {', '.join(missing)} 文件",
                f"the shapefile lacks its {', '.join(missing)} file", inner_label,
            )])
        return _read_shapefile(Path(tmp) / "layer.shp", inner_label)


def _read_shapefile(path: Path, label: str) -> RawLayer:
    frame = _read(path, label)
    if path.with_suffix(".cpg").exists():
        return RawLayer(frame, label)
    return _redecode_without_cpg(frame, label)


def _redecode_without_cpg(frame: gpd.GeoDataFrame, label: str) -> RawLayer:
    """Without a .cpg GDAL reads the .dbf as Latin-1; recover the bytes and try UTF-8, then GBK."""
    text_columns = [c for c in frame.columns if c != frame.geometry.name
                    and (frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c]))]
    try:
        raw = {c: [v.encode("latin-1") if isinstance(v, str) else v for v in frame[c]]
               for c in text_columns}
    except UnicodeEncodeError:  # GDAL already decoded properly (language id in the .dbf)
        return RawLayer(frame, label)
    if not any(isinstance(v, bytes) and not v.isascii() for values in raw.values() for v in values):
        return RawLayer(frame, label)
    for encoding in TEXT_ENCODINGS:
        try:
            decoded = {c: [v.decode(encoding) if isinstance(v, bytes) else v for v in values]
                       for c, values in raw.items()}
        except UnicodeDecodeError:
            continue
        fixed = frame.copy()
        for column, values in decoded.items():
            fixed[column] = pd.Series(values, index=frame.index, dtype=object)
        note = Problem(
            "encoding-guessed",
            f"没有 .cpg 文件；属性文字按 {encoding.upper()} 编码读取",
            f"no .cpg file; attribute text read as {encoding.upper()}",
            label, severity="warning",
        )
        return RawLayer(fixed, label, [note])
    raise RejectedFile([Problem(
        "bad-encoding",
        "属性文字既不是 UTF-8 也不是 GBK 编码；请附上说明编码的 .cpg 文件",
        "attribute text is neither UTF-8 nor GBK; add a .cpg file naming its encoding",
        label,
    )])
