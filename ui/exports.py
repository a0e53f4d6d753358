"""Downloads of the layers currently served, as GeoJSON (one file each, or all in a zip)."""

import io
import zipfile

import pandas as pd
import streamlit as st

from geo.data_version import layer_version
from geo.datastore import layer_ids, layer_info
from geo.labels import quality_label
from ui.data import current_layer
from ui.i18n import Lang, t


@st.cache_data(show_spinner=False, max_entries=64)
def _layer_geojson(layer_id: str, version: str) -> bytes:  # noqa: ARG001 - the cache key
    return current_layer(layer_id).to_json(ensure_ascii=False, drop_id=True).encode("utf-8")


def layer_geojson(layer_id: str) -> bytes:
    """The served version of one layer as UTF-8 GeoJSON."""
    return _layer_geojson(layer_id, layer_version(layer_id))


def layers_zip(layer_ids: list[str]) -> bytes:
    """A zip with <id>.geojson for each layer (fixed timestamps: same layers, same bytes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for layer_id in layer_ids:
            entry = zipfile.ZipInfo(f"{layer_id}.geojson", date_time=(2021, 1, 1, 0, 0, 0))
            archive.writestr(entry, layer_geojson(layer_id))
    return buffer.getvalue()


def layer_table(layer_ids: list[str], lang: Lang) -> pd.DataFrame:
    """Title, quality, feature count, version and attribution of each served layer."""
    rows = []
    for layer_id in layer_ids:
        info = layer_info(layer_id)
        rows.append({
            t("layer", lang): info.get(f"title_{lang}") or layer_id,
            t("quality", lang): quality_label(info.get("quality", "schematic"), lang),
            t("features", lang): info.get("feature_count"),
            t("version", lang): info.get("version_label", ""),
            t("attribution", lang): info.get("attribution", ""),
        })
    return pd.DataFrame(rows)


def render_exports(lang: Lang) -> None:
    """The downloads tab: what is served, one button for all layers and one per layer."""
    served = layer_ids()
    st.caption(t("downloads_intro", lang))
    st.dataframe(layer_table(served, lang), hide_index=True)
    st.download_button(
        t("download_all_geojson", lang),
        data=lambda: layers_zip(served),
        file_name="hengdong_layers.zip",
        mime="application/zip",
        key="download_all_layers",
        on_click="ignore",
        type="primary",
    )
    columns = st.columns(4)
    for index, layer_id in enumerate(served):
        columns[index % 4].download_button(
            f"{layer_info(layer_id).get(f'title_{lang}') or layer_id} (GeoJSON)",
            data=lambda layer_id=layer_id: layer_geojson(layer_id),
            file_name=f"{layer_id}.geojson",
            mime="application/geo+json",
            key=f"download_layer_{layer_id}",
            on_click="ignore",
        )
