"""The layers the app serves: an admin-imported current version when one exists, else data/.

Every call checks the version store's current-version pointer (one small SQLite query) and
the committed file's mtime; parsed layers are cached on that stamp, so a new import or a
rollback shows on the next page load without a restart, and unchanged layers cost no parsing.
"""

import json
from pathlib import Path
from threading import Lock
from typing import Any

import geopandas as gpd

from geo import paths
from geo.admin import settings
from geo.admin.rules import RULES
from geo.admin.store import VersionMeta, VersionStore

OPEN_SOURCE_LABEL_ZH = "开源数据构建"
OPEN_SOURCE_LABEL_EN = "built from open sources"

_cache: dict[tuple, Any] = {}
_cache_lock = Lock()


def _cached(key: tuple, build) -> Any:
    """The value cached under `key` (a stamp), building it once; stale stamps are dropped."""
    with _cache_lock:
        if key in _cache:
            return _cache[key]
    value = build()
    with _cache_lock:
        for old in [k for k in _cache if k[:3] == key[:3] and k != key]:
            del _cache[old]
        _cache[key] = value
    return value


def _file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _manifest() -> dict[str, Any]:
    stamp = _file_stamp(paths.MANIFEST_PATH)
    if stamp is None:
        return {"layers": {}}
    return _cached(("manifest", "", stamp),
                   lambda: json.loads(paths.MANIFEST_PATH.read_text(encoding="utf-8")))


def _store() -> VersionStore:
    return VersionStore(settings.store_path())


def has_committed(layer_id: str) -> bool:
    """Whether data/ holds an open-source build of the layer."""
    return layer_id in _manifest()["layers"]


def has_layer(layer_id: str) -> bool:
    """Whether the layer can be served (committed in data/ or imported by an admin)."""
    return has_committed(layer_id) or _store().current_version(layer_id) > 0


def layer_ids() -> list[str]:
    """Every layer that can be served: the manifest's, then imported ones not in it."""
    committed = list(_manifest()["layers"])
    return committed + [i for i in _store().imported_layers() if i not in committed]


def read_geojson(data: bytes | str) -> gpd.GeoDataFrame:
    """A GeoJSON FeatureCollection as a frame in EPSG:4326, columns in the properties' order.

    Parsed with json + shapely rather than gpd.read_file, so serving a layer does not load
    pyogrio/GDAL (~30 MB of the viewer's memory); imports of other formats still use it."""
    features = json.loads(data)["features"]
    columns = list(dict.fromkeys(k for f in features for k in (f.get("properties") or {})))
    frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326",
                                           columns=[*columns, "geometry"])
    for column in columns:  # GDAL's GeoJSON driver reads integers that fit 32 bits as int32
        values = frame[column]
        if values.dtype == "int64" and values.between(-(2**31), 2**31 - 1).all():
            frame[column] = values.astype("int32")
    return frame.set_geometry("geometry")


def committed_layer(layer_id: str) -> gpd.GeoDataFrame:
    """The open-source build of a layer from data/, ignoring admin imports."""
    path = paths.DATA_DIR / _manifest()["layers"][layer_id]["file"]
    frame = _cached(("layer", layer_id, "data", _file_stamp(path)),
                    lambda: read_geojson(path.read_bytes()))
    return frame.copy()


def load_layer(layer_id: str) -> gpd.GeoDataFrame:
    """The current version of a layer, in EPSG:4326 (a copy: callers may modify it)."""
    store = _store()
    stamp = store.current_stamp(layer_id)
    if stamp is None:
        return committed_layer(layer_id)
    version, digest = stamp
    frame = _cached(("layer", layer_id, "store", str(store.path), version, digest),
                    lambda: read_geojson(store.version_bytes(layer_id, version)))
    return frame.copy()


def layer_info(layer_id: str) -> dict[str, Any]:
    """Manifest entry of the layer as served, with "version_label" and version details.

    Keys added to the manifest entry: version (0 = open-source build), official (bool),
    version_label (中文 / English), version_label_zh, version_label_en; for an imported
    version also imported_at, admin, comment, and source/licence/attribution/quality/
    feature_count/sha256 of that version.
    """
    meta = _store().current_meta(layer_id)
    if meta is None:
        info = dict(_manifest()["layers"][layer_id])
        info.update(version=0, official=False, version_label_zh=OPEN_SOURCE_LABEL_ZH,
                    version_label_en=OPEN_SOURCE_LABEL_EN)
    else:
        info = _imported_info(layer_id, meta)
    info["version_label"] = f"{info['version_label_zh']} / {info['version_label_en']}"
    return info


def _imported_info(layer_id: str, meta: VersionMeta) -> dict[str, Any]:
    base = _manifest()["layers"].get(layer_id)
    if base is None:
        rule = RULES.get(layer_id)
        base = {"title_zh": rule.title_zh if rule else layer_id,
                "title_en": rule.title_en if rule else layer_id}
    day = meta.created_at[:10]
    info = dict(base)
    info.update(
        file=None, version=meta.version, official=True, imported_at=meta.created_at,
        admin=meta.admin, comment=meta.comment, source=meta.source, licence=meta.licence,
        attribution=meta.source, quality=meta.quality, feature_count=meta.feature_count,
        sha256=meta.sha256, method=f"imported by an admin: {meta.comment}",
        version_label_zh=f"官方数据 v{meta.version}，{day} 导入",
        version_label_en=f"official v{meta.version}, imported {day}",
    )
    return info
