"""生态空间: the real 湘江 line; 五库/多区 only as precisely as the plan data places them; the red
line's absence said in the legend, and drawn once an admin has imported it."""

import geopandas as gpd
import pytest
from shapely.geometry import box

from geo.plan import load_plan
from geo.web_geometry import web_frame
from layers import ecology, theme
from layers.theme import MapContext
from tests.layers_support import features, overlay_with, township_shapes


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture(scope="module")
def overlay():
    return ecology.overlay(MapContext(lang="zh", basemap="osm"))


def test_xiangjiang_is_the_river_layer(overlay) -> None:
    (river,) = features(overlay_with(overlay, "hd-river"))
    assert river["properties"]["tip"].startswith("湘江")
    assert river["geometry"]["type"] in ("LineString", "MultiLineString")
    expected = web_frame("xiangjiang").geometry.iloc[0]
    assert river["geometry"]["type"] == expected.geom_type


def _usable_village(place) -> bool:
    villages = web_frame("villages").set_index("code")
    return bool(place.is_village and place.code in villages.index
                and not villages.loc[place.code, "outlier"])


def test_village_placed_features_sit_on_their_village(plan, overlay) -> None:
    villages = web_frame("villages").set_index("code")
    drawn = {f["properties"]["id"]: f for f in features(overlay_with(overlay, "hd-eco-point"))}
    expected_ids = set()
    for feature in plan.ecology_features:
        for place in feature.places:
            if feature.group in ecology.POINT_GROUPS and place.is_village:
                village = villages.loc[place.code] if _usable_village(place) else None
                if village is not None:
                    expected_ids.add(feature.id)
                    point = drawn[feature.id]["geometry"]["coordinates"]
                    assert point == [round(village.geometry.x, 5), round(village.geometry.y, 5)]
                    assert place.village in drawn[feature.id]["properties"]["tip"]
    assert expected_ids and set(drawn) == expected_ids


def test_features_without_a_usable_village_shade_their_township(plan, overlay) -> None:
    (areas,) = township_shapes(overlay)
    expected = [
        (plan.resolve(place.township).code, feature.group)
        for group in ecology.POINT_GROUPS for feature in plan.ecology_features
        if feature.group == group for place in feature.places if not _usable_village(place)
    ]
    assert [(code, style) for code, style, _ in areas.rows] == expected
    unplaced = [f.name for f in plan.ecology_features if not f.places]
    assert unplaced  # the plan leaves some unlocated: they must not be drawn
    drawn_tips = " ".join(tip for _, _, tip in areas.rows)
    assert not any(name in drawn_tips for name in unplaced if len(name) > 2)


@pytest.mark.parametrize(("lang", "admin_word"), [("zh", "管理员"), ("en", "admin")])
def test_legend_says_the_red_line_has_no_polygon(plan, lang: str, admin_word: str) -> None:
    entries = ecology.legend_entries(lang)
    redline = entries[-1]
    assert redline.quality == "schematic"
    assert any(admin_word in note for note in redline.notes)
    assert any(f"{plan.redline.total_km2:g}" in note for note in redline.notes)
    assert entries[0].quality == "approximate"  # the 湘江 as the manifest records it
    unlocated = [note for e in entries for note in e.notes if "未定位" in note or "Not" in note]
    assert unlocated


def test_an_imported_red_line_is_drawn_with_its_quality(monkeypatch: pytest.MonkeyPatch) -> None:
    county = web_frame("county").geometry.iloc[0]
    minx, miny, _, _ = county.bounds
    official = gpd.GeoDataFrame({"name": ["红线"]}, geometry=[box(minx, miny, minx + 0.05,
                                                               miny + 0.05)], crs="EPSG:4326")
    real_has_layer, real_info = ecology.datastore.has_layer, ecology.datastore.layer_info
    monkeypatch.setattr(ecology.datastore, "has_layer",
                        lambda layer_id: layer_id == "redline" or real_has_layer(layer_id))
    monkeypatch.setattr(ecology, "web_frame",
                        lambda layer_id: official if layer_id == "redline" else web_frame(layer_id))
    real_load = ecology.datastore.load_layer  # the overlay asks the stored layer's size
    monkeypatch.setattr(ecology.datastore, "load_layer",
                        lambda layer_id: official if layer_id == "redline" else real_load(layer_id))
    monkeypatch.setattr(theme.datastore, "layer_info", lambda layer_id: {
        "title_zh": "生态保护红线", "title_en": "Ecological red line", "quality": "surveyed",
        "attribution": "官方数据", "method": "imported", "official": True,
        "version_label_zh": "官方数据 v1", "version_label_en": "official v1",
    } if layer_id == "redline" else real_info(layer_id))
    overlay = ecology.overlay(MapContext(lang="zh", basemap="osm"))
    assert len(features(overlay_with(overlay, "hd-redline"))) == 1
    entry = ecology.legend_entries("zh")[-1]
    assert (entry.quality, entry.attribution, entry.notes) == ("surveyed", "官方数据",
                                                                ("官方数据 v1",))
