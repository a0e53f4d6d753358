"""The naive Streamlit app the viewer is timed against (`streamlit run bench/baseline_app.py`):
every run rebuilds the baseline map and st_folium sends it whole; a township click shows the
township's name in a container keyed like the viewer's panel."""

import streamlit as st
from streamlit_folium import st_folium

from bench.baseline import build_baseline_map

st.set_page_config(layout="wide")
result = st_folium(build_baseline_map(), height=600, use_container_width=True)
clicked = (result or {}).get("last_active_drawing") or {}
properties = clicked.get("properties") or {}
with st.container(key="township_panel"):
    if properties.get("kind"):
        st.subheader(properties["name"])
