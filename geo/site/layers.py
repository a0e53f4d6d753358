"""The served layers the check reads (admin imports included), and how exact each one is."""

from typing import Any

import geopandas as gpd

from geo import datastore
from geo.data_version import layer_version, per_version

USED_LAYERS = ("county", "townships", "villages", "seats", "neighbours", "xiangjiang", "redline")


@per_version(layer_version, maxsize=32)
def layer(layer_id: str) -> gpd.GeoDataFrame:
    """The current version of a layer (as the map serves it); shared, read-only: a check reads
    each layer many times, so it is loaded once per served version."""
    return datastore.load_layer(layer_id)


def available(layer_id: str) -> bool:
    return datastore.has_layer(layer_id)


def basis(layer_id: str) -> dict[str, Any]:
    """'exact' for an admin-imported official version, else the layer's quality, with labels."""
    info = datastore.layer_info(layer_id)
    exact = bool(info.get("official"))
    return {
        "layer": layer_id,
        "basis": "exact" if exact else str(info.get("quality", "approximate")),
        "version": info["version"],
        "label_zh": info["version_label_zh"] if exact else f"近似（{info['version_label_zh']}）",
        "label_en": info["version_label_en"] if exact else f"approximate "
                                                           f"({info['version_label_en']})",
    }


def sources() -> list[dict[str, Any]]:
    """Footer: each layer used, its version, quality and attribution."""
    rows = []
    for layer_id in USED_LAYERS:
        if not available(layer_id):
            continue
        info = datastore.layer_info(layer_id)
        rows.append({
            "layer": layer_id,
            "title_zh": info.get("title_zh"), "title_en": info.get("title_en"),
            "version": info["version"], "version_label": info["version_label"],
            "quality": info.get("quality"), "attribution": info.get("attribution"),
            "accuracy": info.get("accuracy"),
        })
    return rows
