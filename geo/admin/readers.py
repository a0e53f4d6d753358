"""Read an uploaded GeoJSON, zipped Shapefile or GeoPackage into a GeoDataFrame, as it is.

Hostile or damaged files are refused cheaply, each with a named problem (file, member): a zip
is unpacked as a stream within the byte budget (whatever its headers claim), encrypted and
non-deflate members are refused before any work; reader messages never carry server paths.
"""

import re
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from geo.admin.problems import Problem, RejectedFile, Worded, found, worded

GEOJSON_SUFFIXES = {".geojson", ".json"}
SHAPEFILE_PARTS = {".shp", ".shx", ".dbf", ".prj", ".cpg"}
TEXT_ENCODINGS = ("utf-8", "gb18030")  # gb18030 is a superset of GBK and GB2312
ZIP_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
ZIP_METHOD_NAMES = {9: "Deflate64", 12: "BZIP2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 99: "AES"}
CHUNK_BYTES = 1 << 16  # unpacking reads this much at a time: memory stays bounded
_ABSOLUTE_PATH = re.compile(r"(?:/[\w.\-+~@]+){2,}/?")


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
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RejectedFile([found("file-not-found", label)]) from exc
    if size > max_bytes:
        raise RejectedFile([_too_big(label, size, max_bytes)])
    return _flattened(_read_by_type(path, layer_id, label, max_bytes))


def _read_by_type(path: Path, layer_id: str, label: str, max_bytes: int) -> RawLayer:
    suffix = path.suffix.lower()
    if suffix in GEOJSON_SUFFIXES:
        _check_utf8(path, label)
        return RawLayer(_read(path, label), label)
    if suffix == ".gpkg":
        return _read_geopackage(path, layer_id, label)
    if suffix == ".zip":
        return _read_zipped_shapefile(path, layer_id, label, max_bytes)
    if suffix == ".shp":
        return _read_shapefile(path, label)
    raise RejectedFile([found("unsupported-type", label, suffix=suffix or worded("no_suffix"))])


def _too_big(label: str, size: int, max_bytes: int) -> Problem:
    mb, limit = size / 1048576, max_bytes / 1048576
    return found("too-big", label, mb=mb, limit=limit)


def _flattened(raw: RawLayer) -> RawLayer:
    """Z (height) values dropped, with a warning: the layers are 2-D (a 3-D CRS becomes 2-D)."""
    frame = raw.frame
    if not frame.geometry.has_z.any():
        return raw
    flat = frame.set_geometry(gpd.GeoSeries(shapely.force_2d(frame.geometry.values),
                                            index=frame.index, crs=frame.crs))
    if flat.crs is not None:
        flat = flat.set_crs(flat.crs.to_2d(), allow_override=True)
    note = found("z-dropped", raw.file_label, field="geometry", severity="warning")
    return RawLayer(flat, raw.file_label, [*raw.notes, note])


def _check_utf8(path: Path, label: str) -> None:
    """GeoJSON is UTF-8 by definition; say what a GBK-encoded one is and how to fix it."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
        return
    except UnicodeDecodeError:
        pass
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        raise RejectedFile([found("bad-encoding.geojson", label)]) from None
    raise RejectedFile([found("gbk-encoding", label)])


def without_paths(message: str, path: Path | str, label: str) -> str:
    """A reader's message with the server's file paths replaced by the upload's name."""
    text = str(message)
    for local in (str(path), str(Path(path).parent)):
        text = text.replace(local, label)
    return _ABSOLUTE_PATH.sub("…", text)


def _read(path: Path | str, label: str, **kwargs) -> gpd.GeoDataFrame:
    try:
        return pyogrio.read_dataframe(path, **kwargs)
    except Exception as exc:  # GDAL raises many kinds; all mean "cannot parse"
        said = without_paths(exc, path, label)
        raise RejectedFile([found("unreadable", label, said=said)]) from exc


def _pick(candidates: list[str], layer_id: str, label: str, what: Worded) -> str:
    """The single candidate, or the one named like the target layer."""
    if len(candidates) == 1:
        return candidates[0]
    named = [c for c in candidates if PurePosixPath(c).stem.lower() == layer_id.lower()]
    if len(named) == 1:
        return named[0]
    listed = ", ".join(candidates) or "-"
    raise RejectedFile([found("no-single-layer", label, count=len(candidates), what=what,
                              listed=listed, layer=layer_id)])


def _read_geopackage(path: Path, layer_id: str, label: str) -> RawLayer:
    try:
        layers = [str(name) for name, geometry_type in pyogrio.list_layers(path) if geometry_type]
    except Exception as exc:
        said = without_paths(exc, path, label)
        raise RejectedFile([found("unreadable.geopackage", label, said=said)]) from exc
    chosen = _pick(layers, layer_id, label, worded("what_layers"))
    return RawLayer(_read(path, f"{label}:{chosen}", layer=chosen), f"{label}:{chosen}")


def _read_zipped_shapefile(path: Path, layer_id: str, label: str, max_bytes: int) -> RawLayer:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise RejectedFile([found("unreadable.zip", label)]) from exc
    with archive, tempfile.TemporaryDirectory(prefix="hengdong-upload-") as tmp:
        members = [m for m in archive.infolist() if not m.is_dir()
                   and PurePosixPath(m.filename).suffix.lower() in SHAPEFILE_PARTS
                   and not PurePosixPath(m.filename).name.startswith(".")]
        unpacked = sum(m.file_size for m in members)
        if unpacked > max_bytes:
            raise RejectedFile([_too_big(label, unpacked, max_bytes)])
        shapefiles = sorted(m.filename for m in members if m.filename.lower().endswith(".shp"))
        if not shapefiles:
            raise RejectedFile([found("unreadable.no-shp", label)])
        chosen = _pick(shapefiles, layer_id, label, worded("what_shapefiles"))
        stem = str(PurePosixPath(chosen).with_suffix(""))
        budget = max_bytes
        for member in members:  # extract flat, by base name only (no paths from the archive)
            if str(PurePosixPath(member.filename).with_suffix("")) == stem:
                name = "layer" + PurePosixPath(member.filename).suffix.lower()
                budget -= _unpack(archive, member, Path(tmp) / name, budget, label, max_bytes)
        inner_label = f"{label}/{chosen}"
        missing = [s for s in (".shx", ".dbf") if not (Path(tmp) / f"layer{s}").exists()]
        if missing:
            raise RejectedFile([found("unreadable.shapefile-parts", inner_label,
                                      missing=", ".join(missing))])
        return _read_shapefile(Path(tmp) / "layer.shp", inner_label)


def _unpack(archive: zipfile.ZipFile, member: zipfile.ZipInfo, target: Path, budget: int,
            label: str, max_bytes: int) -> int:
    """Stream one member to `target` within `budget` bytes; the bytes written, or RejectedFile.

    The budget holds whatever the member's headers claim: a member that unpacks to more than
    they said is stopped at the budget, and zipfile's own size and CRC checks catch the lie.
    """
    where = f"{label}/{member.filename}"

    def refused(key: str, **values: object) -> RejectedFile:
        return RejectedFile([found(key, where, **values)])

    if member.flag_bits & 0x1:
        raise refused("encrypted-member")
    if member.compress_type not in ZIP_METHODS:
        method = ZIP_METHOD_NAMES.get(member.compress_type, f"method {member.compress_type}")
        raise refused("zip-method", method=method)
    written = 0
    try:
        with archive.open(member) as source, target.open("wb") as out:
            while chunk := source.read(CHUNK_BYTES):
                written += len(chunk)
                if written > budget:
                    raise refused("too-big.unpacked", limit=max_bytes / 1048576)
                out.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError,
            RuntimeError) as exc:
        raise refused("damaged-member.crc" if "CRC" in str(exc) else "damaged-member") from exc
    return written


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
        note = found("encoding-guessed", label, severity="warning", encoding=encoding.upper())
        return RawLayer(fixed, label, [note])
    raise RejectedFile([found("bad-encoding", label)])
