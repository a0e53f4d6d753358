"""Cached access to the layers the viewer shows (rebuilt only when a served version changes)."""

import geopandas as gpd

from geo.data_version import layer_version, per_version
from geo.datastore import load_layer


@per_version(layer_version, maxsize=32)
def current_layer(layer_id: str) -> gpd.GeoDataFrame:
    """The served version of a layer (shared between sessions: do not modify)."""
    return load_layer(layer_id)


def townships() -> gpd.GeoDataFrame:
    """The 17 township polygons currently served."""
    return current_layer("townships")
