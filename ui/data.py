"""Cached access to the layers the viewer shows (rebuilt only when a served version changes)."""

import geopandas as gpd
import streamlit as st

from geo.datastore import layer_ids, layer_info, load_layer


def layer_version(layer_id: str) -> str:
    """A label that changes whenever the served version of the layer changes."""
    info = layer_info(layer_id)
    return f"{info.get('sha256', '')}:{info.get('version_label', '')}"


def data_version() -> str:
    """One label for the served versions of all layers (a cache key for the whole map)."""
    return "|".join(f"{i}={layer_version(i)}" for i in layer_ids())


@st.cache_resource(show_spinner=False)
def _cached_layer(layer_id: str, version: str) -> gpd.GeoDataFrame:  # noqa: ARG001 - the cache key
    return load_layer(layer_id)


def current_layer(layer_id: str) -> gpd.GeoDataFrame:
    """The served version of a layer (shared between sessions: do not modify)."""
    return _cached_layer(layer_id, layer_version(layer_id))


def townships() -> gpd.GeoDataFrame:
    """The 17 township polygons currently served."""
    return current_layer("townships")
