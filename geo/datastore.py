"""The layers the app serves: committed data/ (admin-imported versions come later)."""

import json
from functools import lru_cache
from typing import Any

import geopandas as gpd

from geo.paths import DATA_DIR, MANIFEST_PATH


@lru_cache(maxsize=1)
def _manifest() -> dict[str, Any]:
    return json.loads(MANIFEST_PATH.read_text(encoding="utf-8"))


def layer_info(layer_id: str) -> dict[str, Any]:
    """Manifest entry of a layer, with the label of the version being served."""
    info = dict(_manifest()["layers"][layer_id])
    info["version_label"] = "built from open sources"
    return info


def load_layer(layer_id: str) -> gpd.GeoDataFrame:
    """The current version of a layer, in EPSG:4326."""
    return gpd.read_file(DATA_DIR / layer_info(layer_id)["file"])
