"""The pre-rendered map sends the st_folium component what st_folium itself would send."""

from typing import Any

import folium
import pytest
import streamlit_folium as sf

from ui.map_component import (
    FOCUS_WITHOUT_SCROLL_JS,
    feature_groups_script,
    render_map,
    show_rendered_map,
)


def _small_map() -> folium.Map:
    m = folium.Map(location=[27.1, 113.0], zoom_start=10, tiles=None)
    group = folium.FeatureGroup(name="townships").add_to(m)
    folium.GeoJson(
        {"type": "Feature", "properties": {"code": "430424100000"},
         "geometry": {"type": "Point", "coordinates": [113.0, 27.1]}},
    ).add_to(group)
    folium.LayerControl().add_to(m)
    return m


def _overlay() -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="selection", control=False)
    folium.CircleMarker([27.1, 113.0], radius=5).add_to(group)
    return group


@pytest.fixture()
def captured(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(sf, "_component_func", lambda **kwargs: calls.append(kwargs))
    return calls


def test_same_component_arguments_as_st_folium(captured: list[dict[str, Any]]) -> None:
    sf.st_folium(
        _small_map(), key="map", height=640, use_container_width=True,
        returned_objects=["last_clicked"], center=(27.2, 113.1), zoom=12,
        feature_group_to_add=[_overlay()], on_change=lambda: None,
    )
    show_rendered_map(
        render_map(_small_map()), key="map", height=640, returned_objects=["last_clicked"],
        center=(27.2, 113.1), zoom=12, groups=[_overlay()], on_change=lambda: None,
    )
    theirs, ours = captured
    assert ours["script"] == theirs["script"] + FOCUS_WITHOUT_SCROLL_JS
    assert ours["key"] != theirs["key"]  # the hash covers the script, focus patch included
    differing = {k for k in theirs if k not in {"script", "key", "on_change"}
                 and theirs[k] != ours[k]}
    assert differing == set()


def test_feature_groups_script_names_the_drawn_map() -> None:
    script = feature_groups_script([_overlay(), _overlay()])
    assert "map_div.addLayer(feature_group_feature_group_0)" in script
    assert "map_div.addLayer(feature_group_feature_group_1)" in script
    assert script.count("L.circleMarker") == 2
