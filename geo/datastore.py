"""The layers the app serves: an admin-imported current version when one exists, else data/.

Every call checks the version store's current-version pointer (one small SQLite query) and
the manifest's mtime; parsed layers are cached on the layer's data version ('<admin
version>:<sha256>', version_of; geo.data_version builds on it), so a new import, a rollback or
a rebuild shows on the next page load without a restart, and unchanged layers cost no parsing.

What is served is verified: an imported version is parsed only when its bytes match the
checksum recorded at import, and the cache is keyed by the store file's identity too, so a
store replaced on disk is read afresh. When the store cannot be read, or a version fails its
check, the layer's last good copy in this process is served, else the open data in data/;
store_troubles() says which layers and why (the pages show a notice).
"""

import json
from pathlib import Path
from threading import Lock
from typing import Any

import geopandas as gpd

from geo import paths
from geo.store import open_store
from geo.store.model import StoreError, VersionMeta
from geo.store.rules import RULES

OPEN_SOURCE_LABEL_ZH = "开源数据构建"
OPEN_SOURCE_LABEL_EN = "built from open sources"

_cache: dict[tuple, Any] = {}
_cache_lock = Lock()
Imported = tuple[VersionMeta, gpd.GeoDataFrame]
_last_good: dict[str, Imported] = {}  # per layer: the last imported version that verified
_troubles: dict[str, StoreError] = {}  # per layer: why its current version is not served


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


def has_committed(layer_id: str) -> bool:
    """Whether data/ holds an open-source build of the layer."""
    return layer_id in _manifest()["layers"]


def _imported(layer_id: str) -> Imported | None:
    """The current imported version, verified; None when data/ is served. StoreError when the
    store cannot be read or the version fails its checksum."""
    store = open_store()
    meta = store.current_meta(layer_id)
    if meta is None:
        return None
    key = ("layer", layer_id, "store", store.location, store.identity(), _version(meta))
    frame = _cached(key, lambda: read_geojson(
        store.verified_bytes(layer_id, meta.version, meta.sha256)))
    return meta, frame


def _served(layer_id: str) -> Imported | None:
    """What is served of an imported layer: its verified current version, or after a store
    failure its last good copy; None means the open data in data/."""
    try:
        imported = _imported(layer_id)
    except StoreError as trouble:
        _troubles[layer_id] = trouble
        return _last_good.get(layer_id)
    _troubles.pop(layer_id, None)
    if imported is None:
        _last_good.pop(layer_id, None)
    else:
        _last_good[layer_id] = imported
    return imported


def _version(meta: VersionMeta | None, entry: dict[str, Any] | None = None) -> str:
    if meta is not None:
        return f"{meta.version}:{meta.sha256}"
    return "" if entry is None else f"0:{entry.get('sha256', '')}"


def version_of(layer_id: str) -> str:
    """The layer's data version: '<admin version>:<sha256>' of the version served (0 for the
    open-source build in data/), '' for a layer not served; the key its parse is cached on."""
    served = _served(layer_id)
    return _version(served[0] if served else None, _manifest()["layers"].get(layer_id))


def store_troubles() -> dict[str, StoreError]:
    """Layers whose current imported version cannot be served right now, and why (checked
    afresh for every layer an admin may import)."""
    for layer_id in RULES:
        _served(layer_id)
    return dict(_troubles)


def serving_last_good(layer_id: str) -> bool:
    """Whether a store failure has the layer served from its last good copy (not data/)."""
    return layer_id in _troubles and layer_id in _last_good


def has_layer(layer_id: str) -> bool:
    """Whether the layer can be served (committed in data/ or imported by an admin)."""
    return has_committed(layer_id) or _served(layer_id) is not None


def layer_ids() -> list[str]:
    """Every layer that can be served: the manifest's, then imported ones not in it."""
    committed = list(_manifest()["layers"])
    return committed + [i for i in RULES if i not in committed and _served(i) is not None]


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
    entry = _manifest()["layers"][layer_id]
    path = paths.DATA_DIR / entry["file"]
    frame = _cached(("layer", layer_id, "data", _version(None, entry)),
                    lambda: read_geojson(path.read_bytes()))
    return frame.copy()


def load_layer(layer_id: str) -> gpd.GeoDataFrame:
    """The current version of a layer, in EPSG:4326 (a copy: callers may modify it)."""
    served = _served(layer_id)
    if served is None:
        return committed_layer(layer_id)
    return served[1].copy()


def layer_info(layer_id: str) -> dict[str, Any]:
    """Manifest entry of the layer as served, with "version_label" and version details.

    Keys added to the manifest entry: version (0 = open-source build), official (bool),
    version_label (中文 / English), version_label_zh, version_label_en; for an imported
    version also imported_at, admin, comment, and source/licence/attribution/quality/
    feature_count/sha256 of that version.
    """
    served = _served(layer_id)
    meta = None if served is None else served[0]
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
