"""Cached access to the layers and plan facts the viewer shows (built once per data version)."""

import geopandas as gpd
import streamlit as st

from geo.datastore import layer_info, load_layer


def layer_version(layer_id: str) -> str:
    """A label that changes whenever the served version of the layer changes."""
    info = layer_info(layer_id)
    return f"{info.get('sha256', '')}:{info.get('version_label', '')}"


@st.cache_resource(show_spinner=False)
def _cached_layer(layer_id: str, version: str) -> gpd.GeoDataFrame:
    return load_layer(layer_id)


def townships() -> gpd.GeoDataFrame:
    """The 17 township polygons currently served (shared, do not modify)."""
    return _cached_layer("townships", layer_version("townships"))
