"""The 基础设施与重点项目 overlay: schematic roads in the text's order, symbols by kind, ids,
tooltips with citations, a schematic legend; and no document id in any English legend."""

from __future__ import annotations

import re

import pytest
from shapely.geometry import shape

from geo.plan import load_plan
from geo.plan.schema import PROJECT_KINDS
from geo.project_places import is_drawn_as_line
from layers import infrastructure
from layers.elements import GeoJsonOverlay
from layers.map import THEMES, build_map
from layers.theme import MapContext


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def _drawn(lang: str = "zh") -> list[dict]:
    group = infrastructure.overlay(MapContext(lang=lang, basemap="osm"))
    (overlay,) = [c for c in group._children.values() if isinstance(c, GeoJsonOverlay)]
    return overlay.collection["features"]


def test_every_feature_has_a_stable_unique_id_and_a_tip() -> None:
    features = _drawn()
    ids = [f["properties"]["id"] for f in features]
    assert len(ids) == len(set(ids))
    assert ids == [f["properties"]["id"] for f in _drawn()]
    assert all(i.startswith("infrastructure:") for i in ids)
    assert all(f["properties"]["tip"] and f["properties"]["facts"] for f in features)


def test_roads_between_towns_are_lines_through_them_in_order(plan) -> None:
    lines = {f["properties"]["id"]: f for f in _drawn() if f["geometry"]["type"] == "LineString"}
    roads = [p for p in plan.projects if is_drawn_as_line(p)]
    assert roads and {f"infrastructure:{r.id}" for r in roads} == set(lines)
    s214 = lines["infrastructure:proj-s214-dapu-shitan"]
    (dapu_lon, dapu_lat), (shitan_lon, shitan_lat) = s214["geometry"]["coordinates"]
    assert dapu_lat > shitan_lat  # 大浦 first, then 石滩 further south, as the text has it
    assert "示意" in s214["properties"]["tip"] and "第五章" in s214["properties"]["tip"]


def test_every_located_project_is_drawn_and_the_symbols_are_by_kind(plan) -> None:
    features = _drawn()
    drawn = {fact for f in features for fact in f["properties"]["facts"]}
    located = {p.id for p in plan.projects if p.places}
    assert located <= drawn
    assert not {p.id for p in plan.projects if not p.places} & drawn
    keys = {f["properties"]["s"] for f in features if f["geometry"]["type"] == "Point"}
    assert keys == set(PROJECT_KINDS)
    assert [f["properties"]["s"] for f in features if f["geometry"]["type"] == "Polygon"] == [
        "district"]
    assert all(k in infrastructure.STYLES for k in keys | {"road-line", "district"})


def test_hexi_projects_sit_at_the_hexi_point() -> None:
    features = _drawn()
    district = next(f for f in features if f["properties"]["s"] == "district")
    trade = next(f for f in features
                 if f["properties"]["id"] == "infrastructure:trade:district:hexi")
    assert shape(district["geometry"]).contains(shape(trade["geometry"]))
    assert "proj-hexi-complex" in trade["properties"]["facts"]
    assert "近似" in district["properties"]["tip"]


def test_tips_carry_the_facts_and_citations_in_english_too() -> None:
    tips = [f["properties"]["tip"] for f in _drawn("en")]
    assert all("Plan outline" in tip or "Hengyang Daily" in tip for tip in tips)
    assert any("Source: " in tip for tip in tips) and any("Hengyang Daily" in tip for tip in tips)
    assert not any("《" in tip for tip in tips)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_legend_is_schematic_per_kind_and_hexi_approximate(lang: str) -> None:
    entries = infrastructure.legend_entries(lang)
    assert [e.quality for e in entries] == ["schematic"] * len(PROJECT_KINDS) + ["approximate"]
    assert all(e.attribution for e in entries)


def test_the_english_legend_names_no_document_id_and_no_chinese_book_title(plan) -> None:
    doc_ids = [d.id for d in plan.documents if d.id != "plan"]
    html = build_map("osm", "en").get_root().render()
    assert "hd-legend-entry" in html  # the legend is in the page the check reads
    for theme in THEMES:
        for entry in theme.legend_entries("en"):
            assert not any(doc in entry.attribution for doc in doc_ids), entry
            assert "《" not in entry.attribution and not re.search(r"\bplan\b", entry.attribution)
    assert not any(doc in html for doc in doc_ids)
