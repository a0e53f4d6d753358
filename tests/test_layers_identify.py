"""Identify (layers/identify.py): every interactive shape the map draws has an id, and every
id has the plan's facts with a citation and a data quality."""

import pytest

from geo.symbology import QUALITIES
from layers.elements import GeoJsonOverlay, TownshipShapes
from layers.identify import (
    catalogue,
    circle_id,
    highlight_id,
    identify,
    seat_id,
    township_id,
    township_of,
)
from layers.industry import highlight_table
from layers.map import build_map
from tests.layers_support import walk

NANWAN = "430424204000"
MISHUI = "430424100000"


def _drawn_ids(root) -> list[str]:
    """The ids of every interactive shape under root, as the browser gets them."""
    ids = []
    for element in walk(root):
        if isinstance(element, GeoJsonOverlay) and element.options["interactive"]:
            for feature in element.collection["features"]:
                assert "id" in feature["properties"], (element.options["className"], feature)
                ids.append(feature["properties"]["id"])
        elif isinstance(element, TownshipShapes) and element.options["interactive"]:
            assert len(element.options["ids"]) == len(element.rows), element.options
            ids += element.options["ids"]
    return ids


@pytest.fixture(scope="module")
def drawn() -> list[str]:
    ids = _drawn_ids(build_map("osm", "zh"))
    table = highlight_table("zh")  # hd-map.js names each highlight copy like this
    for industry, (_, rows) in table["industries"].items():
        ids += [highlight_id(industry, table["codes"][row[0]]) for row in rows]
    return ids


def test_every_drawn_feature_has_facts(drawn):
    known = catalogue()
    assert len(drawn) > 100
    missing = sorted(set(drawn) - set(known))
    assert missing == []


def test_facts_carry_kind_names_quality_and_citations(drawn):
    known = catalogue()
    for feature_id in set(drawn):
        facts = known[feature_id]
        assert facts.kind and facts.name and facts.name_en
        assert facts.quality in QUALITIES
        if facts.kind not in ("seat", "county_seat", "river", "township"):
            assert facts.citations, feature_id  # plan facts are always cited


def test_a_reservoir_marker_names_the_plan_and_its_village():
    facts = catalogue()["reservoir-jiangdong"]
    assert (facts.kind, facts.name, facts.townships) == ("reservoir", "江东水库", (NANWAN,))
    assert facts.placement == "village" and facts.village == "江东村"
    assert facts.quality == "approximate"
    assert any(c.item == "“五库”" for c in facts.citations)
    assert facts.description  # the plan data's summary, in our words


def test_most_specific_first_and_the_others_listed():
    ids = [township_id(MISHUI), circle_id(MISHUI), seat_id(MISHUI), "unknown:thing"]
    found = identify(ids)
    assert [f.id for f in found] == [seat_id(MISHUI), circle_id(MISHUI), township_id(MISHUI)]
    assert township_of(found) == MISHUI


def test_an_empty_spot_selects_the_township_and_garbage_is_ignored():
    assert [f.kind for f in identify([township_id(NANWAN)])] == ["township"]
    assert township_of(identify([township_id(NANWAN)])) == NANWAN
    assert identify(["", "nonsense", "township:999"]) == []
    assert township_of([]) is None


def test_a_highlighted_township_tells_the_industry_and_how():
    facts = catalogue()[highlight_id("huanggongjiao", "430424113000")]
    assert facts.kind == "industry" and facts.name == "黄贡椒"
    assert facts.description.startswith("重点")
