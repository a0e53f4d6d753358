"""The search box's engine (geo/search.py): Chinese, pinyin, initials, ranking, bad input."""

import pytest
from shapely.geometry import Point

from geo import datastore
from geo.plan import load_plan
from geo.search import MAX_RESULTS, SearchIndex, brand_industry, build_index

DAPU = "430424103000"


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture(scope="module")
def index(plan) -> SearchIndex:
    return build_index(plan, datastore.load_layer("villages"))


def _found(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(r.kind, r.label) for r in index.query(query)]


def test_jiangdong_finds_the_village_and_the_reservoir_with_their_township(index):
    results = index.query("江东")
    by_kind = {r.kind: r for r in results}
    assert by_kind["village"].label == "江东村"
    assert by_kind["village"].township == "南湾乡"
    assert by_kind["reservoir"].label == "江东水库"
    reservoir = by_kind["reservoir"].target
    village = by_kind["village"].target
    # the reservoir is drawn at its namesake village's centre: both fly to the same point
    assert (reservoir.lat, reservoir.lon, reservoir.zoom) == (village.lat, village.lon, 14)
    townships = datastore.load_layer("townships")
    nanwan = townships[townships["code"] == by_kind["village"].township_code].geometry.iloc[0]
    assert nanwan.contains(Point(village.lon, village.lat))


def test_huanggongjiao_finds_the_industry_and_the_brand_with_its_townships(index, plan):
    results = index.query("黄贡椒")
    assert [r.kind for r in results[:2]] == ["industry", "brand"]
    industry, brand = results[0], results[1]
    assert industry.industry == "huanggongjiao"
    expected = {p.code for e in plan.industry_index() if e.id == "huanggongjiao"
                for p in e.townships}
    assert set(industry.townships) == expected and "430424113000" in expected  # 三樟镇
    assert brand.label == "三樟黄贡椒" and brand.township == "三樟镇"
    assert brand.townships == ("430424113000",)
    assert brand.industry == "huanggongjiao"  # picking it highlights the pepper townships


@pytest.mark.parametrize("query", ["dapu", "Dapu", "dà pǔ", "da4pu3", "dpz", "DPZ", "大浦"])
def test_pinyin_tones_and_initials_find_dapu_first(index, query):
    first = index.query(query)[0]
    assert (first.kind, first.label, first.target.township_code) == ("township", "大浦镇", DAPU)


def test_exact_name_ranks_before_prefix_before_substring(index):
    labels = [r.label for r in index.query("白莲水库")]
    assert labels[0] == "白莲水库"  # exact
    assert labels[1] == "白莲水库清淤改造与大坝绿化"  # prefix
    substring = [r.label for r in index.query("水库")]
    assert all("水库" in label for label in substring)


def test_chinese_matches_rank_before_pinyin_matches(index):
    results = index.query("mishui")
    assert results[0].label == "洣水镇"  # township first among equal matches


def test_at_most_ten_results(index):
    assert len(index.query("村")) == MAX_RESULTS
    assert len(index.query("c", limit=3)) <= 3


@pytest.mark.parametrize("query", ["", "   ", "###!!!", "qqqqqqq", "ΩΩ", "\x00", "a" * 500,
                                   "<script>", "大浦镇" * 50])
def test_garbage_gives_no_results_and_no_error(index, query):
    assert index.query(query) == []


def test_every_result_says_where_to_go_or_what_to_highlight(index):
    for entry in index.entries:
        result = entry.result
        assert result.kind and result.label and result.id
        if result.kind == "industry":
            assert result.industry and result.target is None
        elif result.target is not None:
            target = result.target
            assert target.township_code or (target.lat and target.lon and target.zoom)


def test_brand_industry_needs_the_industry_name_inside_the_brand(plan):
    assert brand_industry(plan, "三樟黄贡椒") == "huanggongjiao"
    assert brand_industry(plan, "金峨印章") is None
